#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The shipped guide, validated and compiled when nnguide is built (`make build`, `make install`):
/// a cache file written once, next to the content or the executable, so that a new account, or the
/// first start after an install, does not parse the YAML. The user cache (`ContentCache`) cannot do
/// this: it is keyed on inodes and change times, which every copy of the files changes.
///
/// So a compiled guide is keyed on what the content *says*: every content file's name, size and a
/// hash of its bytes, with the identity of the executable that wrote it (its size and modification
/// time: a new build may read the model differently). The key line holds four parts,
/// `compiled <files> <shape> <listing> <content>`: the number of files and a hash of names and sizes
/// let a different folder (`--content DIR`, an edit that changes a size) be turned away with a
/// directory listing and a `stat` of each file; only a folder of the same shape has its bytes read and
/// hashed (half a megabyte for the shipped guide), and that happens after the first frame. The hash
/// of names alone lets an edited copy of the same folder draw its first frame from the compiled
/// outline (`candidate(edited:)`). Anything that does not match is ignored and the YAML is read, with
/// exactly the errors it has.
public enum CompiledGuide {
    /// The file's name, both beside the content folder (`$(DATADIR)` for an install) and beside the
    /// executable (the build tree's `.build/.../release`, where the checkout's Content/ is read).
    public static let fileName = "guide.compiled"

    /// Set (to anything) to print where each load came from on standard error: `compiled guide`,
    /// `cache` or `YAML`. For tests and for checking an install; nothing else reads it.
    public static let traceVariable = "NNGUIDE_TRACE_LOAD"

    /// Where a compiled guide for `contentDirectory` may be, in the order they are tried.
    static func candidates(contentDirectory: String) -> [String] {
        var out = [ContentLocator.parent(ContentCache.absolute(contentDirectory)) + "/" + fileName]
        if let exe = ContentLocator.executablePath { out.append(ContentLocator.parent(exe) + "/" + fileName) }
        return out
    }

    /// Validates the YAML of `contentDirectory` (throwing exactly what the loader throws) and writes
    /// it compiled to `path`, replacing any file there at once (written aside, then renamed).
    public static func write(contentDirectory: String, to path: String) throws(ContentError) -> Guide {
        let guide = try ContentLoader.load(directory: contentDirectory)
        guard let key = Key(contentDirectory: contentDirectory, readContent: true), let data = CacheFile.encode(guide, key: key.line) else {
            throw ContentError([ContentProblem(SourceLocation(file: contentDirectory, line: nil, column: nil), "cannot examine the content files to compile them")])
        }
        let tmp = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: tmp, contents: data), rename(tmp, path) == 0 else {
            unlink(tmp)
            throw ContentError([ContentProblem(SourceLocation(file: path, line: nil, column: nil), "cannot write the compiled guide")])
        }
        return guide
    }

    /// The first compiled guide whose shape (file count, names and sizes) fits the content: cheap
    /// enough for before the first frame. Its bytes are checked by `matches`.
    /// With the path it was mapped from (the explorer's stored first frame is keyed on that file).
    ///
    /// `edited`: the same file names are enough, sizes may differ. That is the author's first start
    /// after editing the content `make build` compiled: the home screen is drawn from the compiled
    /// outline as it is from a user cache the content has moved past, and the whole guide, read
    /// through the per-file cache, redraws it a moment later (`Preview.whole` checks the bytes, so
    /// nothing stale outlives the first frame). A folder with other file names gets no preview.
    static func candidate(contentDirectory: String, edited: Bool = false) -> (file: CacheFile, path: String)? {
        var shape: Key?
        for path in candidates(contentDirectory: contentDirectory) {
            guard let file = ContentCache.map(path), let stored = Key(line: file.key) else { continue }
            if shape == nil { shape = Key(contentDirectory: contentDirectory, readContent: false) }
            guard let shape, shape.files == stored.files,
                  edited ? shape.listing == stored.listing : shape.shape == stored.shape else { continue }
            return (file, path)
        }
        return nil
    }

    /// True when `file` was compiled from exactly these bytes by this executable.
    static func matches(_ file: CacheFile, contentDirectory: String) -> Bool {
        guard let stored = Key(line: file.key), let now = Key(contentDirectory: contentDirectory, readContent: true) else { return false }
        return stored == now
    }

    /// The whole guide from a matching compiled guide, or nil.
    static func load(contentDirectory: String) -> (Guide, String)? {
        // The shape first (a `stat` of each file): after an edit that changed a size, the bytes of the
        // whole content (68 MB at 100x) are not read only to find the compiled guide does not match.
        var shape: Key?
        for path in candidates(contentDirectory: contentDirectory) {
            guard let file = ContentCache.map(path), let stored = Key(line: file.key) else { continue }
            if shape == nil { shape = Key(contentDirectory: contentDirectory, readContent: false) }
            guard let shape, shape.files == stored.files, shape.shape == stored.shape,
                  matches(file, contentDirectory: contentDirectory), let guide = file.guide() else { continue }
            return (guide, path)
        }
        return nil
    }

    struct Key: Equatable {
        var files: Int
        /// The executable's identity with every file's name and size.
        var shape: UInt64
        /// The executable's identity with every file's name (not its size): the same folder, edited.
        var listing: UInt64
        var content: UInt64?

        var line: String { "compiled \(files) \(hex(shape)) \(hex(listing)) \(content.map(hex) ?? "-")" }

        init?(line: String) {
            let parts = line.split(separator: " ")
            guard parts.count == 5, parts[0] == "compiled", let n = Int(parts[1]), let s = UInt64(parts[2], radix: 16),
                  let m = UInt64(parts[3], radix: 16), let c = UInt64(parts[4], radix: 16) else { return nil }
            files = n; shape = s; listing = m; content = c
        }

        /// Nil when a file or the executable cannot be examined (or read, with `readContent`).
        init?(contentDirectory: String, readContent: Bool) {
            var shapeHash = FNV()
            shapeHash.add(CacheKey.format)
            var st = stat()
            guard stat(CacheKey.executablePath(), &st) == 0 else { return nil }
            #if canImport(Darwin)
            let m = st.st_mtimespec
            #else
            let m = st.st_mtim
            #endif
            for n in [Int(st.st_size), Int(m.tv_sec), Int(m.tv_nsec)] { shapeHash.add(n) }
            var namesHash = shapeHash
            let folder = open(contentDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard folder >= 0 else { return nil }
            defer { close(folder) }
            let reader = Reader(root: contentDirectory)
            let names = reader.contentFiles()
            var contentHash = FNV()
            for name in names {
                guard fstatat(folder, name, &st, 0) == 0 else { return nil }
                shapeHash.add(name)
                shapeHash.add(Int(st.st_size))
                namesHash.add(name)
                if readContent {
                    guard Self.hashBytes(of: name, in: folder, into: &contentHash) else { return nil }
                }
            }
            files = names.count
            shape = shapeHash.value
            listing = namesHash.value
            content = readContent ? contentHash.value : nil
        }

        static func hashBytes(of name: String, in folder: Int32, into hash: inout FNV) -> Bool {
            let fd = openat(folder, name, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            var total = 0
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 { return false }
                if n == 0 { break }
                buffer.withUnsafeBufferPointer { hash.add(bytes: UnsafeBufferPointer(rebasing: $0[0..<n])) }
                total += n
            }
            hash.add(total)   // where one file ends, so bytes cannot slide from one file to the next
            return true
        }
    }
}
