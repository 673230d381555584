#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the explorer's stored first frame (NNGuideUI's `StoredFrame`) is keyed on, on the content side.
extension ContentCache {
    /// Where the explorer keeps its home screen stored finished: beside this content folder's cache
    /// file (`guide-<hash>.frame`). Nil when the cache is off (`NNGUIDE_CACHE=off`).
    public var frameFile: String? {
        guard let file, file.hasSuffix(".cache") else { return nil }
        return String(file.dropLast(".cache".count)) + ".frame"
    }

    /// The file `preview(pages:)` draws the home screen from, and a number for it: this executable's
    /// identity, the content folder, and that file's path, size, inode and times. The file is the
    /// user cache when there is one, else the compiled guide with the content's file names (checked as
    /// the preview checks it). Cache and compiled guide are only ever replaced by rename, never
    /// rewritten in place, so the same identity means the same outline, hence the same titles on the
    /// home screen. Nil when there is no such file: then there is no preview and no stored frame.
    public func previewSource() -> (path: String, key: UInt64)? {
        var hash = FNV()
        hash.add("frame source 1")
        guard hash.addIdentity(of: CacheKey.executablePath(), in: AT_FDCWD) else { return nil }
        hash.add(Self.absolute(contentDirectory))
        if let file, hash.addIdentity(of: file, in: AT_FDCWD) {
            hash.add(file)
            return (file, hash.value)
        }
        guard let (_, path) = CompiledGuide.candidate(contentDirectory: contentDirectory, edited: true),
              hash.addIdentity(of: path, in: AT_FDCWD) else { return nil }
        hash.add(path)
        return (path, hash.value)
    }
}
