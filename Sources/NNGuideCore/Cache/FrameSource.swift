#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the explorer's stored first frame (NNGuideUI's `StoredFrame`) is keyed on, on the content side.
extension ContentCache {
    /// Where the explorer keeps its home screen stored finished: beside this content folder's cache
    /// file (`guide-<hash>.frame`), or with overlays `guide-<hash>-<hash of their paths>.frame`, so
    /// that starts with and without them (or with others) do not keep replacing each other's frame.
    /// Nil when the cache is off (`NNGUIDE_CACHE=off`).
    public func frameFile(overlays: [String] = []) -> String? {
        guard let file, file.hasSuffix(".cache") else { return nil }
        var name = String(file.dropLast(".cache".count))
        if !overlays.isEmpty {
            var hash = FNV()
            for folder in overlays { hash.add(Self.absolute(folder)) }
            name += "-" + hex(hash.value)
        }
        return name + ".frame"
    }

    /// A number for the overlay folders laid over the guide, for the stored first frame's key: their
    /// paths in order, and each file the overlay reader reads in each, keyed as its per-file entry is
    /// (`OverlayEntries.addFile`: name, size, inode, times). So an overlay file edited, added or
    /// removed, another folder or another order is another number. Nil when a folder is not one or a
    /// file cannot be examined: then no stored frame.
    public static func overlaySource(_ folders: [String]) -> UInt64? {
        var hash = FNV()
        hash.add("overlay frame source 1")
        hash.add(folders.count)
        for folder in folders {
            guard Path.kind(folder) == .folder else { return nil }
            hash.add(absolute(folder))
            let names = OverlayReading.files(folder)
            hash.add(names.count)
            for name in names {
                guard OverlayEntries.addFile(name, in: folder, to: &hash) else { return nil }
            }
        }
        return hash.value
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
