import TestSupport
import Foundation
import Testing
@testable import NNGuideCore

/// The per-file cache (`IncrementalLoad`): after every kind of edit, a load through it gives what a
/// whole load of the same folder gives (guide and problems, in order), parsing only what changed.
@Suite struct IncrementalLoadTests {
    final class Setup {
        let content: ScratchContent
        let cacheDir: String
        init(from source: String = Fixtures.mini) throws {
            content = try ScratchContent(copying: source)
            cacheDir = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-entries-\(UUID().uuidString)").path
        }
        deinit { try? FileManager.default.removeItem(atPath: cacheDir) }
        var load: IncrementalLoad { IncrementalLoad(contentDirectory: content.dir, cacheDirectory: cacheDir) }
        var entries: [String] { (try? FileManager.default.contentsOfDirectory(atPath: load.folder))?.sorted() ?? [] }

        /// Loads through the entries (guide and lint) and compares both with a whole load; returns
        /// the files the guide load parsed.
        @discardableResult
        func expectSameAsWholeLoad(_ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
            let whole = ContentLoader.read(directory: content.dir)
            var parsed: [String] = []
            let incremental = load.read(guide: true, parsed: &parsed)
            #expect(incremental.problems == whole.problems, "\(what): problems differ", sourceLocation: sourceLocation)
            #expect((incremental.guide == nil) == (whole.guide == nil), "\(what): one load gave a guide", sourceLocation: sourceLocation)
            if let a = incremental.guide, let b = whole.guide {
                #expect(ContentCacheTests.same(a, b), "\(what): guides differ", sourceLocation: sourceLocation)
            }
            // Lint reads the same entries without decoding the values; then nothing is parsed again.
            var again: [String] = []
            #expect(load.read(guide: false, parsed: &again).problems == whole.problems, "\(what): lint differs", sourceLocation: sourceLocation)
            // (A missing file has no identity to key an entry by: it is "parsed" each time, which costs nothing.)
            let reparsed = again.filter { FileManager.default.fileExists(atPath: content.path($0)) }
            #expect(reparsed.isEmpty, "\(what): parsed again: \(reparsed)", sourceLocation: sourceLocation)
            return parsed
        }
    }

    @Test func anEditParsesOnlyTheEditedFile() throws {
        let s = try Setup()
        let first = s.expectSameAsWholeLoad("first load")
        #expect(first.count == 5)   // two pages, glossary, catalog, decisions
        try s.content.edit("pages/10-part-a.yaml", "title: Vision Models", "title: Vision Modals")
        #expect(s.expectSameAsWholeLoad("a page edited") == ["pages/10-part-a.yaml"])
        #expect(try #require(s.load.read(guide: true).guide).page("vision")?.page.title == "Vision Modals")
        try s.content.edit("glossary.yaml", "definition: An architecture built on", "definition: A model built on")
        #expect(s.expectSameAsWholeLoad("the glossary edited") == ["glossary.yaml"])
    }

    /// A file loses what another links to: the other file is not parsed, yet its link is reported.
    /// The whole-guide cache's value, joined from the entries in place (parsed files' values and
    /// stored ones alike), reads back as the guide the load gave.
    @Test func theJoinedValueIsTheLoadedGuide() throws {
        let s = try Setup(from: Fixtures.realContent)
        _ = s.load.read(guide: true)
        try s.content.append("pages/" + (try #require(FileManager.default.contentsOfDirectory(atPath: s.content.path("pages")).sorted().last)), "\n# edited\n")
        var parsed: [String] = []
        let loaded = s.load.read(guide: true, parsed: &parsed)
        #expect(parsed.count == 1)
        let guide = try #require(loaded.guide)
        let stored = try #require(loaded.stored)
        let parts = try stored.withUnsafeBytes { raw in try #require(BinaryValue.unframe(raw).flatMap { BinaryValue.decode(GuideParts.self, from: $0) }) }
        #expect(parts.pages == guide.pages && parts.glossary == guide.glossary && parts.catalog == guide.catalog)
        #expect(parts.decisions == guide.decisions && parts.sources == guide.sources && !parts.sources.isEmpty)
    }

    @Test func aLinkBreaksWhenAnotherFileLosesItsTarget() throws {
        let s = try Setup()
        s.expectSameAsWholeLoad("first load")
        // intro links to [[attention]] (a term) and to the table vision-matrix (in part-a).
        try s.content.edit("glossary.yaml", "term: Attention", "term: Heed")
        #expect(s.expectSameAsWholeLoad("a term renamed") == ["glossary.yaml"])
        #expect(s.load.read(guide: false).problems.contains { $0.location.file == "pages/00-intro.yaml" && $0.message.contains("[[attention]]") })
        try s.content.edit("pages/10-part-a.yaml", "id: vision-matrix", "id: vision-table")
        #expect(s.expectSameAsWholeLoad("a table renamed") == ["pages/10-part-a.yaml"])
        #expect(s.load.read(guide: false).problems.contains { $0.location.file == "pages/00-intro.yaml" && $0.message.contains("vision-matrix") })
        // A page id the glossary and catalog name (used_in, deep_dive).
        try s.content.edit("pages/10-part-a.yaml", "  - id: vision\n", "  - id: sight\n")
        s.expectSameAsWholeLoad("a section renamed")
        // The catalog loses an id that tables and trees name.
        try s.content.edit("catalog.yaml", "  - id: vit", "  - id: vision-transformer")
        #expect(s.expectSameAsWholeLoad("a catalog id renamed") == ["catalog.yaml"])
        // All put back: clean again.
        try s.content.edit("glossary.yaml", "term: Heed", "term: Attention")
        try s.content.edit("pages/10-part-a.yaml", "id: vision-table", "id: vision-matrix")
        try s.content.edit("pages/10-part-a.yaml", "  - id: sight\n", "  - id: vision\n")
        try s.content.edit("catalog.yaml", "  - id: vision-transformer", "  - id: vit")
        s.expectSameAsWholeLoad("all restored")
        #expect(s.load.read(guide: false).problems.isEmpty)
    }

    @Test func aDuplicateIdAcrossTwoFiles() throws {
        let s = try Setup()
        s.expectSameAsWholeLoad("first load")
        try s.content.write("pages/20-more.yaml", "id: more\norigin: added\ntitle: More\nsections:\n  - id: vision\n    origin: added\n    title: Again\n    blocks: [{p: \"See [[the table|vision-matrix]].\"}]\n")
        s.expectSameAsWholeLoad("a section id defined in two files")
        #expect(s.load.read(guide: false).problems.contains { $0.message.contains("duplicate id 'vision'") })
        try s.content.write("pages/20-more.yaml", "id: more\norigin: added\ntitle: More\nblocks:\n  - table: {id: intro, title: T, columns: [A], rows: [[x]]}\n")
        s.expectSameAsWholeLoad("a table id equal to another file's page id")
        try s.content.write("pages/20-more.yaml", "id: more\norigin: added\ntitle: More\nblocks:\n  - table: {id: vision-matrix, title: T, columns: [A], rows: [[x]]}\n")
        s.expectSameAsWholeLoad("a table id in two files")
    }

    @Test func aSyntaxErrorAddedThenFixed() throws {
        let s = try Setup()
        s.expectSameAsWholeLoad("first load")
        let good = try s.content.text("pages/00-intro.yaml")
        try s.content.write("pages/00-intro.yaml", good + "  - p: [unclosed\n")
        #expect(s.expectSameAsWholeLoad("syntax error") == ["pages/00-intro.yaml"])
        #expect(s.load.read(guide: true).guide == nil)
        try s.content.write("pages/00-intro.yaml", good)
        #expect(s.expectSameAsWholeLoad("fixed") == ["pages/00-intro.yaml"])
        #expect(s.load.read(guide: false).problems.isEmpty)
        // Bad values that decode partly (an unknown key, an empty paragraph) are the file's own problems.
        try s.content.edit("glossary.yaml", "    term: CNN", "    term: CNN\n    colour: blue")
        try s.content.edit("pages/10-part-a.yaml", "- p: Each section below covers one kind of choice.", "- p: \" \"")
        s.expectSameAsWholeLoad("an unknown key and an empty paragraph")
    }

    @Test func filesAddedRemovedAndRenamed() throws {
        let s = try Setup()
        s.expectSameAsWholeLoad("first load")
        try s.content.write("pages/20-more.yaml", "id: more\norigin: added\ntitle: More\nblocks: [{p: \"Back to [[Part A|part-a]].\"}]\n")
        #expect(s.expectSameAsWholeLoad("a page added") == ["pages/20-more.yaml"])
        #expect(s.entries.contains("p.20-more.yaml"))
        try FileManager.default.moveItem(atPath: s.content.path("pages/20-more.yaml"), toPath: s.content.path("pages/05-more.yaml"))
        #expect(s.expectSameAsWholeLoad("a page renamed") == ["pages/05-more.yaml"])
        #expect(!s.entries.contains("p.20-more.yaml"))     // the old name's entry is pruned
        try FileManager.default.moveItem(atPath: s.content.path("pages/10-part-a.yaml"), toPath: s.content.path("pages/30-part-a.yaml"))
        s.expectSameAsWholeLoad("reading order changed by a rename")
        try FileManager.default.removeItem(atPath: s.content.path("pages/30-part-a.yaml"))
        #expect(s.expectSameAsWholeLoad("a page removed: its links and ids are gone").isEmpty)
        #expect(!s.entries.contains("p.30-part-a.yaml"))   // removed without any other edit: still pruned
        try FileManager.default.removeItem(atPath: s.content.path("catalog.yaml"))
        s.expectSameAsWholeLoad("the catalog removed")
    }

    /// decisions.yaml's checks replay the examples through the catalog: they are redone when either changes.
    @Test func decisionsAndCatalogTogether() throws {
        let s = try Setup(from: Fixtures.realContent)
        #expect(s.expectSameAsWholeLoad("first load").count > 4)
        #expect(s.load.read(guide: false).problems.errors.isEmpty)   // warnings (sources.yaml) are advisory
        // The guide's own pick of example 1 changed: the replay finds it.
        try s.content.edit("decisions.yaml", "    expect: [cnn]\n    guide_pick: \"CNN: EfficientNet", "    expect: [vit]\n    guide_pick: \"CNN: EfficientNet")
        #expect(s.expectSameAsWholeLoad("an example's pick changed") == ["decisions.yaml"])
        #expect(s.load.read(guide: false).problems.contains { $0.message.contains("example 'example-1'") })
        try s.content.edit("decisions.yaml", "    expect: [vit]\n    guide_pick: \"CNN: EfficientNet", "    expect: [cnn]\n    guide_pick: \"CNN: EfficientNet")
        s.expectSameAsWholeLoad("restored")
        // The catalog alone changes what the trees and examples name: decisions.yaml is not parsed,
        // but its checks are run again against the new catalog.
        let catalog = try s.content.text("catalog.yaml")
        try s.content.write("catalog.yaml", catalog.replacingOccurrences(of: "  - id: cnn\n", with: "  - id: convnet\n"))
        // Lint first: decisions.yaml's checks are redone from its entry's value (mapped only now).
        var linted: [String] = []
        #expect(s.load.read(guide: false, parsed: &linted).problems == ContentLoader.lint(directory: s.content.dir))
        #expect(linted == ["catalog.yaml"])
        #expect(s.expectSameAsWholeLoad("a catalog id the decisions name").isEmpty)   // lint kept the new entry
        #expect(s.load.read(guide: false).problems.contains { $0.location.file == "decisions.yaml" && $0.message.contains("'cnn'") })
        try s.content.write("catalog.yaml", catalog)
        s.expectSameAsWholeLoad("catalog restored")
        #expect(s.load.read(guide: false).problems.errors.isEmpty)
        // A link in decisions.yaml broken by a page file.
        try s.content.edit("pages/50-part5.yaml", "  - id: primary-decision-flow\n", "  - id: the-primary-flow\n")
        #expect(s.expectSameAsWholeLoad("a page id decisions.yaml names") == ["pages/50-part5.yaml"])
        #expect(s.load.read(guide: false).problems.contains { $0.location.file == "decisions.yaml" && $0.message.contains("primary-decision-flow") })
    }

    @Test func aDamagedEntryIsParsedAgain() throws {
        let s = try Setup()
        s.expectSameAsWholeLoad("first load")
        let entry = s.load.folder + "/p.10-part-a.yaml"
        let good = try Data(contentsOf: URL(fileURLWithPath: entry))
        var rng = SeededRandom(seed: 0x656E_7472)
        var damaged: [Data] = [Data(), Data("\(FileEntry.magic)\n".utf8), Data(repeating: 0xFF, count: 64), Data("NNGUIDE-CACHE 2\nx\n0\n".utf8)]
        for cut in stride(from: 1, to: good.count, by: max(1, good.count / 10)) { damaged.append(good.prefix(cut)) }
        for _ in 0..<10 {
            var d = good
            let at = Int.random(in: 40..<d.count, using: &rng)   // past the header: the summary and the value
            d[at] ^= 0x5A
            damaged.append(d)
        }
        let whole = ContentLoader.read(directory: s.content.dir)
        for (i, d) in damaged.enumerated() {
            try d.write(to: URL(fileURLWithPath: entry))
            let loaded = s.load.read(guide: true)
            let linted = s.load.read(guide: false)
            // Every damage gives the whole load's result, and nothing crashes: since the entries carry
            // checksums (issue 25), a flipped byte inside a string no longer survives as another string.
            #expect(loaded.problems == whole.problems && linted.problems == whole.problems, "damaged entry \(i)")
            #expect(loaded.guide.map { ContentCacheTests.same($0, whole.guide!) } == true, "damaged entry \(i)")
        }
        // An entry copied from another file is keyed to that file, so it is not taken.
        try FileManager.default.copyItem(atPath: s.load.folder + "/p.00-intro.yaml", toPath: entry + ".x")
        try FileManager.default.removeItem(atPath: entry)
        try FileManager.default.moveItem(atPath: entry + ".x", toPath: entry)
        #expect(s.expectSameAsWholeLoad("a foreign entry") == ["pages/10-part-a.yaml"])
    }

    @Test func anUnwritableFolderOrNoCacheChangesNothing() throws {
        let s = try Setup()
        try s.content.edit("glossary.yaml", "term: Attention", "term: Heed")   // some problems to compare
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: s.cacheDir))
        let whole = ContentLoader.read(directory: s.content.dir)
        #expect(!whole.problems.isEmpty)
        #expect(s.load.read(guide: false).problems == whole.problems)
        #expect(ContentCache(contentDirectory: s.content.dir, cacheDirectory: s.cacheDir).lint() == whole.problems)
        // NNGUIDE_CACHE=off: no cache folder is made, and lint is the whole load's.
        let none = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-none-\(UUID().uuidString)").path
        let off = ContentCache(contentDirectory: s.content.dir, cacheDirectory: ContentCache.defaultDirectory(environment: ["NNGUIDE_CACHE": "off", "XDG_CACHE_HOME": none]))
        #expect(off.lint() == whole.problems)
        #expect(!FileManager.default.fileExists(atPath: none))
    }

    /// Through `ContentCache.load`: the first load after an edit parses the edited file only, and
    /// bad content still throws exactly the whole load's problems.
    @Test func theCacheLoadsThroughTheEntries() throws {
        let s = try Setup()
        let cache = ContentCache(contentDirectory: s.content.dir, cacheDirectory: s.cacheDir)
        _ = try cache.load()
        #expect(s.entries.count == 6)   // five files and decisions.yaml's checks
        try s.content.edit("pages/00-intro.yaml", "[[attention]]", "[[attenshun]]")
        let whole = ContentLoader.lint(directory: s.content.dir)
        #expect(!whole.isEmpty)
        #expect(throws: ContentError.self) { try cache.load() }
        do { _ = try cache.load() } catch { #expect(error.problems == whole) }
        try s.content.edit("pages/00-intro.yaml", "[[attenshun]]", "[[attention]]")
        let truth = try ContentLoader.load(directory: s.content.dir)
        #expect(ContentCacheTests.same(try cache.load(), truth))
        // That load parsed the edited file, so it left the whole-guide cache stale (issue 25); the next,
        // with every entry holding, writes it (its value joined from the entries'), the same guide.
        #expect(cache.preview(pages: [])?.whole() == nil)
        #expect(ContentCacheTests.same(try cache.load(), truth))
        let written = try #require(cache.preview(pages: [])?.whole())
        #expect(ContentCacheTests.same(written, truth))
    }
}
