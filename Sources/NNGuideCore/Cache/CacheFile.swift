#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// What identifies the content a cache was made from; see `ContentCache` for why metadata.
enum CacheKey {
    /// Bump when the file layout below or the stored form of the model changes (2: origins; 3: sources,
    /// review dates and glossary `see`; 4: `BinaryValue` in place of JSON).
    static let format = "nnguide-cache 4"

    /// Nil when a content file or the executable cannot be examined: then there is nothing safe to
    /// compare, and the loader reads YAML (and reports whatever is wrong). The metadata is hashed as
    /// numbers, never formatted into text: a guide of thousands of files is keyed in about a
    /// millisecond.
    static func current(contentDirectory: String) -> String? {
        var hash = FNV()
        hash.add(format)
        guard hash.addIdentity(of: executablePath(), in: AT_FDCWD) else { return nil }
        // Relative to the open folder: the kernel walks the folder's path once, not once a file.
        let folder = open(contentDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return nil }
        defer { close(folder) }
        let reader = Reader(root: contentDirectory)
        let names = reader.contentFiles()
        for name in names {
            hash.add(name)
            guard hash.addIdentity(of: name, in: folder) else { return nil }
        }
        return hex(hash.value)
    }

    static func executablePath() -> String {
        ContentLocator.executablePath ?? CommandLine.arguments[0]
    }
}

/// 64-bit FNV-1a over a stream of names and numbers: small, fast, and good enough to name files
/// and fold metadata into a key. (Public: the explorer's stored first frame is keyed with it too.)
public struct FNV: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add<C: Collection>(bytes: C) where C.Element == UInt8 {
        for b in bytes { value = (value ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
    }
    /// Bytes in memory, and an array of them: not generic, so a caller in another module does not
    /// go through the unspecialised generic above (a type look-up and a witness call per byte,
    /// measured before the explorer's first frame: BENCHMARKS.md).
    public mutating func add(raw: UnsafeRawBufferPointer) {
        for b in raw { value = (value ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
    }
    public mutating func add(bytes: [UInt8]) { bytes.withUnsafeBytes { add(raw: $0) } }
    public mutating func add(_ s: String) { add(bytes: s.utf8); add(bytes: CollectionOfOne(UInt8(0))) }
    public mutating func add(_ n: Int) { withUnsafeBytes(of: Int64(n).littleEndian) { add(bytes: $0) } }

    /// Size, inode, and modification and change times to the nanosecond; false if `path` cannot
    /// be examined.
    mutating func addIdentity(of path: String, in folder: Int32) -> Bool {
        var st = stat()
        guard fstatat(folder, path, &st, 0) == 0 else { return false }
        #if canImport(Darwin)
        let m = st.st_mtimespec, c = st.st_ctimespec
        #else
        let m = st.st_mtim, c = st.st_ctim
        #endif
        for n in [Int(st.st_size), Int(st.st_ino), Int(m.tv_sec), Int(m.tv_nsec), Int(c.tv_sec), Int(c.tv_nsec)] { add(n) }
        return true
    }
}

/// The guide's parts as stored; `Guide` derives everything else from them.
struct GuideParts: Codable {
    var pages: [Page]
    var glossary: [GlossaryEntry]
    var catalog: Catalog
    var decisions: DecisionBook
    var sources: [Source]
}

extension GuideParts: FieldReadable {
    init<M: FieldMap>(fields m: M) throws {
        self.init(pages: try m.items("pages", Page.self), glossary: try m.items("glossary", GlossaryEntry.self),
                  catalog: try m.required("catalog").read(Catalog.self), decisions: try m.required("decisions").read(DecisionBook.self),
                  sources: try m.items("sources", Source.self))
    }
}

/// One cache file: a header line, the key, the outline's length, the outline, then the guide
/// (`GuideParts`, `BinaryValue.frame`d). Every read is checked: a truncated or foreign file is simply
/// not a cache.
struct CacheFile: Sendable {
    static let magic = "NNGUIDE-CACHE 3"

    let key: String
    let outline: Outline
    let body: Data

    init?(_ data: Data) {
        guard let (lines, offset) = headerLines(data, longest: 200) else { return nil }
        guard lines[0] == Self.magic, let count = Int(lines[2]), count >= 0,
              count <= data.endIndex - offset else { return nil }
        key = String(lines[1])
        outline = Outline(bytes: Array(data[offset..<(offset + count)]))
        body = data[(offset + count)...]
    }

    func guide() -> Guide? {
        let parts = body.withUnsafeBytes { raw in BinaryValue.unframe(raw).flatMap { BinaryValue.read(GuideParts.self, from: $0) } }
        guard let parts else { return nil }
        return Guide(pages: parts.pages, glossary: parts.glossary, catalog: parts.catalog, decisions: parts.decisions, sources: parts.sources)
    }

    /// `stored`: `GuideParts` of this guide already framed (joined from the per-file entries).
    static func encode(_ guide: Guide, key: String, stored given: [UInt8]? = nil) -> Data? {
        guard let (head, stored) = pieces(guide, key: key, stored: given) else { return nil }
        var data = Data(head)
        data.append(contentsOf: stored)
        return data
    }

    /// The file in two pieces, the header and outline, then the guide: written one after the other
    /// (`writeReplacing`), the guide (tens of megabytes at 100x) is not copied once more.
    static func pieces(_ guide: Guide, key: String, stored given: [UInt8]? = nil) -> (head: [UInt8], stored: [UInt8])? {
        let parts = GuideParts(pages: guide.pages, glossary: guide.glossary, catalog: guide.catalog, decisions: guide.decisions, sources: guide.sources)
        guard let stored = given ?? BinaryValue.encode(parts).map(BinaryValue.frame) else { return nil }
        let outline = Outline.encode(guide)
        return (Array("\(magic)\n\(key)\n\(outline.count)\n".utf8) + outline, stored)
    }
}

/// Writes `chunks` to a temporary file beside `path` and renames it over `path`, so a reader never
/// sees half a file; false (and nothing left behind) when any step fails.
@discardableResult
func writeReplacing(_ path: String, _ chunks: [UnsafeRawBufferPointer]) -> Bool {
    let tmp = path + ".tmp-\(getpid())"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return false }
    var ok = true
    for raw in chunks where ok {
        var done = 0
        while done < raw.count {
            let n = write(fd, raw.baseAddress! + done, raw.count - done)
            if n <= 0 { ok = false; break }
            done += n
        }
    }
    close(fd)
    if !ok || rename(tmp, path) != 0 { unlink(tmp); return false }
    return true
}

/// The three short lines a cache file or a per-file entry starts with, and where the bytes after them
/// begin; nil when a line is missing or longer than `longest` bytes, so a foreign file is never read
/// further than a few hundred bytes looking for them.
func headerLines(_ data: Data, longest: Int) -> (lines: [Substring], end: Data.Index)? {
    var lines: [Substring] = []
    var offset = data.startIndex
    while lines.count < 3, offset < data.endIndex {
        let limit = data.index(offset, offsetBy: longest, limitedBy: data.endIndex) ?? data.endIndex
        guard let nl = data[offset..<limit].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        lines.append(Substring(decoding: data[offset..<nl], as: UTF8.self))
        offset = data.index(after: nl)
    }
    return lines.count == 3 ? (lines, offset) : nil
}

/// The file at `path` mapped read-only, without reading it (nil when absent, empty or unreadable).
/// Cache files and entries are only ever replaced by rename, never rewritten in place, so a mapping
/// stays whole for as long as it is held.
func mappedFile(_ path: String) -> Data? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_size > 0,
          let map = mmap(nil, Int(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else { return nil }
    return Data(bytesNoCopy: map, count: Int(st.st_size), deallocator: .custom { p, n in munmap(p, n) })
}
