import TestSupport
import Foundation
import Testing
@testable import NNGuideCore

/// The on-disk cache of the validated guide: used when it matches, never trusted when it does not,
/// and never able to stop a load.
@Suite struct ContentCacheTests {
    /// A scratch copy of the mini fixture with a cache folder of its own.
    final class Setup {
        let content: ScratchContent
        let cacheDir: String
        let cache: ContentCache
        init() throws {
            content = try ScratchContent()
            cacheDir = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-cache-\(UUID().uuidString)").path
            cache = ContentCache(contentDirectory: content.dir, cacheDirectory: cacheDir)
        }
        deinit { try? FileManager.default.removeItem(atPath: cacheDir) }
        var file: String { cache.file! }
    }

    static func parts(_ g: Guide) -> GuideParts {
        GuideParts(pages: g.pages, glossary: g.glossary, catalog: g.catalog, decisions: g.decisions, sources: g.sources)
    }

    /// Rewrites the cache file at `path` (a user cache or a compiled guide) with a page or section
    /// titled `old` retitled `new`, under the same key. The file's values carry a checksum (issue 25),
    /// so it is re-encoded rather than edited in place as its JSON once was.
    static func retitle(cacheFile path: String, _ old: String, _ new: String) throws {
        let file = try #require(CacheFile(try Data(contentsOf: URL(fileURLWithPath: path))))
        let guide = try #require(file.guide())
        func retitled(_ page: Page) -> Page {
            var p = page
            if p.title == old { p.title = new }
            p.sections = p.sections.map(retitled)
            return p
        }
        let pages = guide.pages.map(retitled)
        try #require(pages != guide.pages, "no page titled \(old) in \(path)")
        let changed = Guide(pages: pages, glossary: guide.glossary, catalog: guide.catalog, decisions: guide.decisions, sources: guide.sources)
        try #require(CacheFile.encode(changed, key: file.key)).write(to: URL(fileURLWithPath: path))
    }

    static func same(_ a: Guide, _ b: Guide) -> Bool {
        a.pages == b.pages && a.glossary == b.glossary && a.catalog == b.catalog && a.decisions == b.decisions
            && a.sources == b.sources
            && a.readingOrder.map(\.path) == b.readingOrder.map(\.path)
    }

    @Test func aCachedLoadIsTheSameGuide() throws {
        let s = try Setup()
        let fromYAML = try ContentLoader.load(directory: s.content.dir)
        let first = try s.cache.load()                     // miss: reads YAML, writes the cache
        #expect(FileManager.default.fileExists(atPath: s.file))
        let second = try s.cache.load()                    // hit
        #expect(Self.same(fromYAML, first))
        #expect(Self.same(fromYAML, second))
    }

    /// One folder named three ways is one cache; two folders are two.
    @Test func aFolderHasOneCacheHoweverItIsNamed() throws {
        #expect(ContentCache.absolute("/a/./b/../c/") == "/a/c")
        #expect(ContentCache.absolute("/..") == "/")
        let cwd = FileManager.default.currentDirectoryPath
        #expect(ContentCache.absolute("x/y/..") == ContentCache.absolute(cwd + "/x"))
        let s = try Setup()
        let other = ContentCache(contentDirectory: s.content.dir + "/./pages/..", cacheDirectory: s.cacheDir)
        #expect(other.file == s.file)
        let elsewhere = ContentCache(contentDirectory: s.content.dir + "/pages", cacheDirectory: s.cacheDir)
        #expect(elsewhere.file != s.file)
    }

    @Test func theCacheIsWhatIsRead() throws {
        let s = try Setup()
        _ = try s.cache.load()
        // Change a title inside the cache only: a load that returns it came from the cache.
        try Self.retitle(cacheFile: s.file, "Vision Models", "Vision Cached")
        #expect(try s.cache.load().page("vision")?.page.title == "Vision Cached")
    }

    @Test func anEditIsNeverMissed() throws {
        let s = try Setup()
        _ = try s.cache.load()
        // Same length, same second: only the change time and the text differ.
        try s.content.edit("pages/10-part-a.yaml", "title: Vision Models", "title: Vision Modals")
        #expect(try s.cache.load().page("vision")?.page.title == "Vision Modals")
        // A new page file changes the key too.
        try s.content.write("pages/20-more.yaml", "id: more\norigin: added\ntitle: More\nblocks: [{p: Added.}]\n")
        #expect(try s.cache.load().page("more") != nil)
    }

    @Test func badContentIsReportedAndNotCached() throws {
        let s = try Setup()
        try s.content.edit("glossary.yaml", "    term: Attention", "    term: [Attention")
        #expect(throws: ContentError.self) { try s.cache.load() }
        #expect(!FileManager.default.fileExists(atPath: s.file))
    }

    @Test func aCorruptCacheIsIgnoredAndReplaced() throws {
        let s = try Setup()
        let truth = try ContentLoader.load(directory: s.content.dir)
        _ = try s.cache.load()
        let good = try Data(contentsOf: URL(fileURLWithPath: s.file))
        var rng = SeededRandom(seed: 0x6361_6368)
        var damaged: [Data] = [Data(), Data("\(CacheFile.magic)\n".utf8), Data(repeating: 0, count: 64)]
        for cut in stride(from: 1, to: good.count, by: max(1, good.count / 12)) { damaged.append(good.prefix(cut)) }
        for _ in 0..<12 {
            var d = good
            let at = Int.random(in: 0..<d.count, using: &rng)
            d[at] = d[at] ^ 0x5A
            damaged.append(d)
        }
        for (i, d) in damaged.enumerated() {
            try d.write(to: URL(fileURLWithPath: s.file))
            let loaded = try s.cache.load()
            _ = s.cache.preview(pages: ["vision-edge"])
            // A flipped byte inside a string can survive as a different valid string; everything
            // else must come back as the truth, and nothing may crash.
            if d.count != good.count { #expect(Self.same(truth, loaded), "damaged cache \(i) changed the guide") }
        }
        // The last load rewrote a whole cache again.
        try good.write(to: URL(fileURLWithPath: s.file))
        #expect(Self.same(truth, try s.cache.load()))
    }

    @Test func anUnusableCacheFolderOnlyCostsTime() throws {
        let s = try Setup()
        // A file where the folder should be: nothing can be written, the guide still loads.
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: s.cacheDir))
        #expect(try s.cache.load().page("vision") != nil)
        #expect(s.cache.preview(pages: []) == nil)
        // No cache at all.
        let off = ContentCache(contentDirectory: s.content.dir, cacheDirectory: nil)
        #expect(try off.load().page("vision") != nil)
        #expect(off.preview(pages: []) == nil)
        #expect(ContentCache.defaultDirectory(environment: ["NNGUIDE_CACHE": "off", "HOME": "/home/x"]) == nil)
        #expect(ContentCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/home/x"]) == "/c/nnguide")
        #expect(ContentCache.defaultDirectory(environment: ["HOME": "/home/x"]) == "/home/x/.cache/nnguide")
    }

    @Test func thePreviewHoldsTheFirstPageAndThePathsAsked() throws {
        let s = try Setup()
        #expect(s.cache.preview(pages: []) == nil)         // nothing cached yet
        let whole = try s.cache.load()
        let preview = try #require(s.cache.preview(pages: ["vision-edge", "worked", "no-such-page"]))
        let skeleton = preview.skeleton
        #expect(skeleton.readingOrder.map(\.id) == ["intro", "part-a", "vision", "vision-edge", "worked"])
        #expect(skeleton.readingOrder.first?.page.title == whole.readingOrder.first?.page.title)
        for id in ["vision-edge", "worked"] { #expect(skeleton.breadcrumb(id) == whole.breadcrumb(id)) }
        #expect(skeleton.readingOrder.allSatisfy { $0.page.blocks.isEmpty })
        #expect(Self.same(try #require(preview.whole()), whole))
        // Stale after an edit: the outline still draws a first frame, but the whole guide is never
        // taken from the stale file, so the caller reads the YAML and redraws.
        try s.content.edit("pages/00-intro.yaml", "id: intro", "id: intro ")
        let stale = try #require(s.cache.preview(pages: []))
        #expect(stale.whole() == nil)
        #expect(preview.whole() == nil)
        // The load right after an edit leaves the whole-guide cache stale (issue 25: only the edited
        // file's entry is written); the next load rebuilds it.
        let fresh = try s.cache.load()
        #expect(try #require(s.cache.preview(pages: [])).whole() == nil)
        #expect(Self.same(try s.cache.load(), fresh))
        #expect(try #require(s.cache.preview(pages: [])).whole().map { Self.same($0, fresh) } == true)
    }

    /// After an edit the whole-guide cache is left as it was (rewriting it cost more than the rest of
    /// a load at 100x), yet every load shows the edit, and the next load with nothing to parse
    /// rebuilds it; a damaged whole-guide cache is no different.
    @Test func anEditRewritesOnlyItsEntryThenTheCacheIsRebuilt() throws {
        let s = try Setup()
        _ = try s.cache.load()
        let before = try Data(contentsOf: URL(fileURLWithPath: s.file))
        try s.content.edit("pages/10-part-a.yaml", "title: Vision Models", "title: Vision Modals")
        #expect(try s.cache.load().page("vision")?.page.title == "Vision Modals")
        #expect(try Data(contentsOf: URL(fileURLWithPath: s.file)) == before)
        #expect(try s.cache.load().page("vision")?.page.title == "Vision Modals")   // nothing parsed: rebuilt
        #expect(try Data(contentsOf: URL(fileURLWithPath: s.file)) != before)
        #expect(try #require(s.cache.preview(pages: [])).whole()?.page("vision")?.page.title == "Vision Modals")
        // Damaged, then an edit: the load still shows it, and the damage is replaced by the next load.
        try Data("\(CacheFile.magic)\nbroken".utf8).write(to: URL(fileURLWithPath: s.file))
        try s.content.edit("pages/10-part-a.yaml", "title: Vision Modals", "title: Vision Models")
        #expect(try s.cache.load().page("vision")?.page.title == "Vision Models")
        #expect(try s.cache.load().page("vision")?.page.title == "Vision Models")
        #expect(try #require(s.cache.preview(pages: [])).whole()?.page("vision")?.page.title == "Vision Models")
    }

    @Test func outlineFieldsSurviveAnyCharacters() throws {
        let s = try Setup()
        let odd = "Tab\there, newline\\n, backslash \\\\ and \\t"
        try s.content.edit("pages/10-part-a.yaml", "    title: Vision Models", "    title: \"\(odd)\"")
        let whole = try s.cache.load()
        let expected = try #require(whole.page("vision")?.page.title)
        #expect(expected.contains("\t"))
        let preview = try #require(s.cache.preview(pages: ["vision-edge"]))
        #expect(preview.skeleton.page("vision")?.page.title == expected)
        #expect(preview.skeleton.page("vision")?.page.short == whole.page("vision")?.page.short)
        #expect(preview.skeleton.page("vision-edge")?.page.short == nil)
    }

    @Test func theFolderKeepsOnlyTheNewestCaches() throws {
        let s = try Setup()
        try FileManager.default.createDirectory(atPath: s.cacheDir, withIntermediateDirectories: true)
        let old = Date(timeIntervalSinceNow: -86_400)
        for i in 0..<(ContentCache.keep + 3) {
            let path = s.cacheDir + "/guide-old\(i).cache"
            FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
            try FileManager.default.setAttributes([.modificationDate: old.addingTimeInterval(Double(i))], ofItemAtPath: path)
        }
        FileManager.default.createFile(atPath: s.cacheDir + "/notes.txt", contents: Data("mine".utf8))
        _ = try s.cache.load()
        let names = try FileManager.default.contentsOfDirectory(atPath: s.cacheDir)
        #expect(names.filter { $0.hasSuffix(".cache") }.count == ContentCache.keep)
        #expect(names.contains((s.file as NSString).lastPathComponent))
        #expect(!names.contains("guide-old0.cache"))       // the oldest went first
        #expect(names.contains("notes.txt"))                // and nothing that is not a cache
    }
}
