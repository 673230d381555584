import Foundation

/// The validated guide kept on disk so that starting nnguide does not parse and check every YAML
/// file again: parsing and checking the guide costs a hundred times more than reading it back.
///
/// One file per content folder in `$XDG_CACHE_HOME/nnguide` (default `~/.cache/nnguide`). It is
/// used only when its key still matches: the size, modification and change times and inode of every
/// content file, and the identity of the running executable (a new build may read the model
/// differently). The key is built from file metadata, not a hash of the text: hashing a guide a
/// hundred times larger would cost more than the whole start-up budget, while `stat` costs
/// microseconds a file; the change time (`ctime`) cannot be set back by tools, so an edit is never
/// missed. Nothing here can stop the app: an unreadable, corrupt or unwritable cache is ignored and
/// the content is read from YAML as if there were none.
///
/// Besides the whole guide, the file holds an *outline* (every page's id, depth and titles) that can
/// be searched without decoding anything else, so the explorer can draw its home screen first and
/// decode the rest afterwards (`preview(pages:)`).
public struct ContentCache: Sendable {
    /// Set to `off` to never read or write the cache; or to a folder to keep it there.
    public static let environmentVariable = "NNGUIDE_CACHE"

    public let contentDirectory: String
    /// Where the cache file lives; nil turns the cache off.
    public let cacheDirectory: String?

    public init(contentDirectory: String, cacheDirectory: String? = ContentCache.defaultDirectory()) {
        self.contentDirectory = contentDirectory
        self.cacheDirectory = cacheDirectory
    }

    /// `$NNGUIDE_CACHE`, `$XDG_CACHE_HOME/nnguide` or `~/.cache/nnguide`; nil when `NNGUIDE_CACHE=off`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let v = environment[environmentVariable], !v.isEmpty {
            return v == "off" ? nil : v
        }
        if let x = environment["XDG_CACHE_HOME"], x.hasPrefix("/") { return x + "/nnguide" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.cache/nnguide"
    }

    /// The cache file for this content folder (named by a hash of the folder's absolute path).
    public var file: String? {
        guard let cacheDirectory else { return nil }
        let absolute = URL(fileURLWithPath: contentDirectory).standardizedFileURL.path
        return cacheDirectory + "/guide-" + hex(fnv1a(Array(absolute.utf8))) + ".cache"
    }

    /// The whole guide, validated: from the cache when it matches the content, otherwise from the
    /// YAML (which then refreshes the cache). Throws exactly what `ContentLoader.load` throws.
    public func load() throws(ContentError) -> Guide {
        let key = CacheKey.current(contentDirectory: contentDirectory)
        if let key, let stored = read(), stored.key == key, let guide = stored.guide() { return guide }
        let guide = try ContentLoader.load(directory: contentDirectory)
        if let key { write(guide, key: key) }
        return guide
    }

    /// Just enough of the guide to draw the home screen, and the way to the rest.
    public struct Preview: Sendable {
        /// The first page, and each page asked for with the pages above it: titles only (no blocks,
        /// glossary, catalog or decisions).
        public let skeleton: Guide
        let file: CacheFile
        /// The whole guide from the same cache file, without examining the content again; nil if
        /// the file turns out unreadable (then `load()` reads the YAML).
        public func whole() -> Guide? { file.guide() }
    }

    /// Nil when there is no cache matching the content; the caller then loads the whole guide first.
    public func preview(pages: [String]) -> Preview? {
        guard let key = CacheKey.current(contentDirectory: contentDirectory),
              let stored = read(), stored.key == key,
              let skeleton = stored.outline.skeleton(pages: pages) else { return nil }
        return Preview(skeleton: skeleton, file: stored)
    }

    // MARK: file

    func read() -> CacheFile? {
        guard let file, let data = FileManager.default.contents(atPath: file) else { return nil }
        return CacheFile(data)
    }

    /// Written to a temporary file and renamed, so a reader never sees half a cache; failures are
    /// ignored (a read-only or full disk only means the next start reads YAML again).
    func write(_ guide: Guide, key: String) {
        guard let file, let cacheDirectory, let data = CacheFile.encode(guide, key: key) else { return }
        try? FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
        let tmp = file + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: tmp, contents: data) else { return }
        if rename(tmp, file) != 0 { unlink(tmp) }
    }
}

/// 64-bit FNV-1a: small, fast, and good enough to name files and fold metadata into a key.
func fnv1a(_ bytes: [UInt8], _ seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
    var h = seed
    for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
    return h
}

func hex(_ v: UInt64) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
}
