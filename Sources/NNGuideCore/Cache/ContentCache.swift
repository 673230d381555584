#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

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
/// check and decode the rest afterwards (`preview(pages:)`).
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
    public static func defaultDirectory(environment: Environment = .process) -> String? {
        if let v = environment[environmentVariable], !v.isEmpty {
            return v == "off" ? nil : v
        }
        if let x = environment["XDG_CACHE_HOME"], x.hasPrefix("/") { return x + "/nnguide" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.cache/nnguide"
    }

    /// The cache file for this content folder and this executable (named by a hash of both paths), so
    /// that two builds reading the same content, a checkout's and an installed one, do not keep
    /// replacing each other's cache.
    public var file: String? {
        guard let cacheDirectory else { return nil }
        var name = FNV()
        name.add(Self.absolute(contentDirectory))
        name.add(CacheKey.executablePath())
        return cacheDirectory + "/guide-" + hex(name.value) + ".cache"
    }

    /// `path` made absolute with `.` and `..` resolved, by string alone: URL's `standardizedFileURL`
    /// cost a third of a millisecond before the first frame (BENCHMARKS.md). Symbolic links are left
    /// as they are, as URL left them.
    static func absolute(_ path: String) -> String {
        var full = path
        if !path.hasPrefix("/") {
            var buf = [CChar](repeating: 0, count: 4096)
            guard getcwd(&buf, buf.count) != nil else { return path }
            full = String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/" + path
        }
        var parts: [Substring] = []
        for part in full.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        // Appended one by one: `joined` over substrings cost a protocol-conformance scan before the
        // first frame (BENCHMARKS.md).
        var out = ""
        for part in parts { out += "/"; out += String(part) }
        return out.isEmpty ? "/" : out
    }

    /// How many cache files are kept; the least recently written go first.
    static let keep = 8

    /// The whole guide, validated: from the cache when it matches the content, then from the guide
    /// compiled at build time (`CompiledGuide`) when it matches, otherwise from the YAML (which then
    /// refreshes the cache). Throws exactly what `ContentLoader.load` throws.
    public func load() throws(ContentError) -> Guide {
        let key = CacheKey.current(contentDirectory: contentDirectory)
        if let key, let stored = read(), stored.key == key, let guide = stored.guide() {
            Self.trace("cache " + (file ?? ""))
            return guide
        }
        // A compiled guide that matches needs no user cache: it is read as fast, and not writing
        // one keeps a new account's home empty.
        if let (guide, path) = CompiledGuide.load(contentDirectory: contentDirectory) {
            Self.trace("compiled guide " + path)
            return guide
        }
        Self.trace("YAML " + contentDirectory)
        let read = readYAML(guide: true)
        guard let guide = read.guide, read.problems.errors.isEmpty else { throw ContentError(read.problems.errors) }
        // Rebuilt lazily: right after an edit (some files parsed, the rest read from their entries)
        // only the changed files' entries are written; rewriting the whole-guide cache then cost a
        // fifth of `toc` at 100x (BENCHMARKS.md), and an author edits again before it is used. The
        // next load, with every entry holding, writes it; so does a first load, which parsed all.
        if let key, read.parsed == 0 || read.reused == 0 { write(guide, key: key, stored: read.stored) }
        return guide
    }

    /// The guide's pages and sections with their tables' and figures' ids and titles only, for
    /// `nnguide toc`: read from the per-file entries' outlines, parsing only the page files changed
    /// since (`IncrementalLoad.contents`, which says what it checks). Nil when only the whole load can
    /// answer (the cache is off, no entries yet, a file other than a page file changed, an error):
    /// the caller then calls `load()`.
    public func contents() -> Guide? {
        guard let cacheDirectory else { return nil }
        let entries = IncrementalLoad(contentDirectory: contentDirectory, cacheDirectory: cacheDirectory)
        var parsed: [String] = []
        guard let guide = entries.contents(parsed: &parsed) else { return nil }
        Self.trace("outlines in \(entries.folder) (\(parsed.count) page files parsed)")
        return guide
    }

    /// Every problem in the content, as `ContentLoader.lint` finds them, through the per-file
    /// entries when the cache is on (only the files changed since are parsed).
    public func lint() -> [ContentProblem] {
        let loaded = readYAML(guide: false)
        let problems = loaded.problems
        BackgroundThread.release(consume loaded)  // the guide, when the cache is off
        return problems
    }

    /// The YAML read as `ContentLoader.read` reads it: file by file through the per-file entries
    /// (`IncrementalLoad`), or all of it when the cache is off.
    func readYAML(guide: Bool) -> IncrementalLoad.Loaded {
        guard let cacheDirectory else {
            let (guide, problems) = ContentLoader.read(directory: contentDirectory)
            return IncrementalLoad.Loaded(guide: guide, problems: problems)
        }
        return IncrementalLoad(contentDirectory: contentDirectory, cacheDirectory: cacheDirectory).read(guide: guide)
    }

    /// With `NNGUIDE_TRACE_LOAD` set, says on standard error where the guide was read from.
    static func trace(_ source: String) {
        guard Environment.process[CompiledGuide.traceVariable] != nil else { return }
        StandardStream.error("nnguide: guide from \(source)\n")
    }

    /// Just enough of the guide to draw the home screen, and the way to the rest.
    ///
    /// The preview is read before the key is checked: checking means examining every content file,
    /// which at a hundred times the guide's size costs more than everything else before the first
    /// frame (BENCHMARKS.md). So the first frame may show titles from a cache the content has since
    /// moved past; `whole()` checks the key, and when it no longer matches the caller loads the YAML
    /// and the screen is redrawn from it a moment later. Nothing stale outlives that first frame.
    public struct Preview: Sendable {
        /// The first page, and each page asked for with the pages above it: titles only (no blocks,
        /// glossary, catalog or decisions).
        public let skeleton: Guide
        let file: CacheFile
        let contentDirectory: String
        /// True when `file` is a compiled guide (`CompiledGuide`) rather than the user cache.
        let compiled: Bool
        /// The path `file` was mapped from (what the explorer's stored first frame is keyed on).
        public let source: String
        /// The whole guide from the same cache file when it still matches the content; nil when
        /// the content has changed or the file is unreadable (then `load()` reads the YAML).
        public func whole() -> Guide? {
            if compiled {
                guard CompiledGuide.matches(file, contentDirectory: contentDirectory) else { return nil }
                ContentCache.trace("compiled guide (preview first)")
            } else {
                guard let key = CacheKey.current(contentDirectory: contentDirectory), key == file.key else { return nil }
                ContentCache.trace("cache (preview first)")
            }
            return file.guide()
        }
    }

    /// Nil when there is neither a cache nor a compiled guide with the same file names for this
    /// content folder; the caller then loads the whole guide first.
    public func preview(pages: [String]) -> Preview? {
        if let stored = read(), let skeleton = stored.outline.skeleton(pages: pages), let file {
            return Preview(skeleton: skeleton, file: stored, contentDirectory: contentDirectory, compiled: false, source: file)
        }
        guard let (stored, path) = CompiledGuide.candidate(contentDirectory: contentDirectory, edited: true),
              let skeleton = stored.outline.skeleton(pages: pages) else { return nil }
        return Preview(skeleton: skeleton, file: stored, contentDirectory: contentDirectory, compiled: true, source: path)
    }

    // MARK: file

    func read() -> CacheFile? {
        // Mapped, not read: the preview needs only the outline at the front, and a guide a hundred
        // times larger should not cost reading all of it first. The file is only ever replaced by
        // rename, never rewritten in place, so the mapping stays whole.
        guard let file else { return nil }
        return Self.map(file)
    }

    /// The cache file at `path`, mapped; nil when absent, unreadable or not a cache file.
    static func map(_ path: String) -> CacheFile? { mappedFile(path).flatMap(CacheFile.init) }

    /// Written to a temporary file and renamed, so a reader never sees half a cache; failures are
    /// ignored (a read-only or full disk only means the next start reads YAML again).
    /// `stored`: the guide's parts as stored when the per-file entries already hold them.
    func write(_ guide: Guide, key: String, stored: [UInt8]? = nil) {
        guard let file, let cacheDirectory, let (head, value) = CacheFile.pieces(guide, key: key, stored: stored) else { return }
        try? FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
        let written = head.withUnsafeBytes { h in value.withUnsafeBytes { v in writeReplacing(file, [h, v]) } }
        guard written else { return }
        prune(cacheDirectory)
    }

    /// Keeps the folder from growing with every content folder ever read (test copies, old checkouts).
    func prune(_ folder: String) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return }
        let caches = names.filter { $0.hasPrefix("guide-") && $0.hasSuffix(".cache") }.map { folder + "/" + $0 }
        guard caches.count > Self.keep else { return }
        let dated = caches.map { ($0, (try? fm.attributesOfItem(atPath: $0)[.modificationDate] as? Date) ?? .distantPast) }
        for (path, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.keep) { unlink(path) }
    }
}

func hex(_ v: UInt64) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
}
