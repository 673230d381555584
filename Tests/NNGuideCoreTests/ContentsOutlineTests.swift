import TestSupport
import Foundation
import Testing
@testable import NNGuideCore

/// `nnguide toc`'s guide from the per-file entries' outlines (`IncrementalLoad.contents`): the same
/// pages, sections, titles, origins, tables and figures as the whole load, in the same order, after
/// edits; nil (the whole load) wherever that load would fail or the outlines cannot answer.
@Suite struct ContentsOutlineTests {
    final class Setup {
        let content: ScratchContent
        let cacheDir = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-outlines-\(UUID().uuidString)").path
        init(from source: String = Fixtures.realContent) throws { content = try ScratchContent(copying: source) }
        deinit { try? FileManager.default.removeItem(atPath: cacheDir) }
        var entries: IncrementalLoad { IncrementalLoad(contentDirectory: content.dir, cacheDirectory: cacheDir) }
        var cache: ContentCache { ContentCache(contentDirectory: content.dir, cacheDirectory: cacheDir) }

        func contents() -> (guide: Guide?, parsed: [String]) {
            var parsed: [String] = []
            let guide = entries.contents(parsed: &parsed)
            return (guide, parsed)
        }
    }

    /// What `toc` shows of each page: everything but the blocks other than tables and figures.
    struct Shown: Equatable {
        var id: String, path: [String], title: String, short: String?, summary: String?, origin: Origin
        var marks: [String]
        init(_ e: PageEntry) {
            id = e.id; path = e.path; title = e.page.title; short = e.page.short; summary = e.page.summary; origin = e.page.origin
            marks = e.page.blocks.compactMap {
                switch $0 {
                case .table(let t): return "table \(t.id) \(t.title)"
                case .figure(let f): return "figure \(f.id) \(f.title)"
                default: return nil
                }
            }
        }
    }

    static func expectSameAsWholeLoad(_ guide: Guide?, _ dir: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let outline = try #require(guide, "no outline guide", sourceLocation: sourceLocation)
        let whole = try ContentLoader.load(directory: dir)
        #expect(outline.readingOrder.map(Shown.init) == whole.readingOrder.map(Shown.init), sourceLocation: sourceLocation)
        #expect(outline.tables.count == whole.tables.count && outline.figures.count == whole.figures.count, sourceLocation: sourceLocation)
    }

    @Test func theOutlinesHoldWhatTheWholeLoadShows() throws {
        let s = try Setup()
        #expect(s.contents().guide == nil)   // no entries yet: the whole load writes them
        _ = try s.cache.load()
        let warm = s.contents()
        #expect(warm.parsed.isEmpty)
        try Self.expectSameAsWholeLoad(warm.guide, s.content.dir)
        #expect((warm.guide?.readingOrder.count ?? 0) > 100)
        // A title and a table's title changed, a section added: only that file is parsed.
        try s.content.edit("pages/30-part3.yaml", "title: Transformer architectural variants", "title: Transformer variants, edited")
        try s.content.edit("pages/30-part3.yaml", "title: \"3.1 Feedforward", "title: \"3.1 Edited Feedforward")
        let edited = s.contents()
        #expect(edited.parsed == ["pages/30-part3.yaml"])
        try Self.expectSameAsWholeLoad(edited.guide, s.content.dir)
        #expect(edited.guide?.table("transformer-variants-table")?.table.title == "Transformer variants, edited")
        #expect(s.contents().parsed.isEmpty)
        // A page file added and one removed.
        try s.content.write("pages/55-extra.yaml", "id: extra\norigin: added\ntitle: An Extra Page\nblocks:\n  - p: Text.\n")
        try FileManager.default.removeItem(atPath: s.content.path("pages/95-principles.yaml"))
        let moved = s.contents()
        #expect(moved.parsed == ["pages/55-extra.yaml"])
        // (The whole load may now report a link to the removed page: a cross-file check, left to lint.)
        let ids = try #require(moved.guide).readingOrder.map(\.id)
        #expect(ids.contains("extra") && !ids.contains("final-principles"))
    }

    @Test func anErrorAnywhereMeansTheWholeLoad() throws {
        let s = try Setup(from: Fixtures.mini)
        _ = try s.cache.load()
        #expect(s.contents().guide != nil)
        // A YAML error in the edited page file, then a schema error: nil both times, and again while the
        // file stays broken (its entry holds and says so); the whole load reports file, line and column.
        for (old, new) in [("id: vision\n", "id: [vision\n"), ("    title: Vision Models\n", "    title: Vision Models\n    subtitle: x\n")] {
            try s.content.edit("pages/10-part-a.yaml", old, new)
            #expect(s.contents().guide == nil, "\(new)")
            #expect(s.contents().guide == nil, "\(new), entry written")
            #expect(throws: ContentError.self) { try s.cache.load() }
            do { _ = try s.cache.load() } catch {
                #expect(error.problems.contains { $0.location.file == "pages/10-part-a.yaml" && $0.location.line != nil && $0.location.column != nil })
            }
            try s.content.edit("pages/10-part-a.yaml", new, old)
            #expect(s.contents().guide == nil)   // the whole check found an error: until one finds none
            _ = try s.cache.load()
            #expect(s.contents().guide != nil)
        }
        // A problem of the file alone that is not YAML or schema: a table without columns.
        try s.content.edit("pages/10-part-a.yaml", "columns: [Criterion, CNN, ViT]", "columns: []")
        #expect(ContentLoader.read(directory: s.content.dir).problems.errors.isEmpty == false)
        #expect(s.contents().guide == nil)
    }

    @Test func otherFilesEditedOrBrokenMeanTheWholeLoad() throws {
        let s = try Setup(from: Fixtures.mini)
        _ = try s.cache.load()
        try s.content.edit("glossary.yaml", "definition: An architecture built on", "definition: A model built on")
        #expect(s.contents().guide == nil)   // not a page file: the whole load parses it
        _ = try s.cache.load()
        #expect(s.contents().guide != nil)
        // decisions.yaml broken: its entry holds an error after the whole load has read it.
        try s.content.append("decisions.yaml", "\nsurprise_key: 1\n")
        #expect(throws: ContentError.self) { try s.cache.load() }
        #expect(s.contents().guide == nil)
        // The cache off: nothing to read outlines from.
        #expect(ContentCache(contentDirectory: s.content.dir, cacheDirectory: nil).contents() == nil)
    }

    /// A whole check that fails (here decisions.yaml naming an architecture the catalog lost, which
    /// neither file shows alone) sends `toc` to the whole load until one passes again.
    @Test func aFailedWholeCheckMeansTheWholeLoadUntilOnePasses() throws {
        let s = try Setup(from: Fixtures.mini)
        _ = try s.cache.load()
        #expect(s.contents().guide != nil)
        let catalog = try s.content.text("catalog.yaml")
        try s.content.write("catalog.yaml", catalog.replacingOccurrences(of: "id: cnn", with: "id: convnet"))
        #expect(!ContentLoader.read(directory: s.content.dir).problems.errors.isEmpty)
        #expect(throws: ContentError.self) { try s.cache.load() }
        #expect(s.contents().guide == nil)
        #expect(s.contents().guide == nil)
        // A page file's own error found by lint: the same.
        try s.content.write("catalog.yaml", catalog)
        _ = try s.cache.load()
        #expect(s.contents().guide != nil)
        try s.content.edit("pages/10-part-a.yaml", "[Criterion, CNN, ViT]", "[]")
        #expect(!s.cache.lint().errors.isEmpty)
        #expect(s.contents().guide == nil)
        try s.content.edit("pages/10-part-a.yaml", "columns: []", "columns: [Criterion, CNN, ViT]")
        #expect(s.contents().guide == nil)   // no clean whole check since
        #expect(s.cache.lint().errors.isEmpty)
        #expect(s.contents().guide != nil)
    }

    @Test func damagedOutlinesAreParsedAgainAndNeverCrash() throws {
        let s = try Setup(from: Fixtures.mini)
        _ = try s.cache.load()
        let entry = s.entries.folder + "/p.10-part-a.yaml"
        let good = try Data(contentsOf: URL(fileURLWithPath: entry))
        var rng = SeededRandom(seed: 0x6F75_746C)
        var damaged: [Data] = [Data(), Data("\(FileEntry.magic)\n".utf8), Data(repeating: 0xFF, count: 64)]
        for cut in stride(from: 1, to: good.count, by: max(1, good.count / 12)) { damaged.append(good.prefix(cut)) }
        for _ in 0..<16 {
            var d = good
            d[Int.random(in: 40..<d.count, using: &rng)] ^= 0x5A
            damaged.append(d)
        }
        for (i, d) in damaged.enumerated() {
            try d.write(to: URL(fileURLWithPath: entry))
            let got = s.contents()
            // A flip in the value (past the outline) leaves the outline good; anything else is parsed again.
            #expect(got.parsed.isEmpty || got.parsed == ["pages/10-part-a.yaml"], "damage \(i)")
            try Self.expectSameAsWholeLoad(got.guide, s.content.dir)
        }
        // The verdict damaged or gone: the whole load, until a whole check (here lint) writes it again.
        for damage in [Data(repeating: 0x41, count: 16), Data(), nil] {
            let verdict = s.entries.folder + "/" + IncrementalLoad.verdictEntry
            if let damage { try damage.write(to: URL(fileURLWithPath: verdict)) } else { try FileManager.default.removeItem(atPath: verdict) }
            #expect(s.contents().guide == nil)
            #expect(s.cache.lint().isEmpty)
            #expect(s.contents().guide != nil)
        }
    }

    @Test func anOutlineReadsBackAsWritten() throws {
        let guide = try ContentLoader.load(directory: Fixtures.realContent)
        for page in guide.pages {
            for errors in [false, true] {
                let o = PageOutline(page: PageOutline.titles(page), hasErrors: errors)
                let back = o.bytes.withUnsafeBytes { PageOutline($0) }
                #expect(back == o)
            }
        }
        #expect(PageOutline(page: nil, hasErrors: false).bytes.withUnsafeBytes { PageOutline($0) } == PageOutline(page: nil, hasErrors: false))
        // Not an outline: empty, a bad flag, trailing bytes, nesting deeper than any loader accepts.
        var deep = Page(id: "x", title: "x")
        for _ in 0..<(PageOutline.deepest + 1) { deep = Page(id: "x", title: "x", sections: [deep]) }
        let bad: [[UInt8]] = [[], [2, 0], PageOutline(page: nil, hasErrors: false).bytes + [0], PageOutline(page: deep, hasErrors: false).bytes]
        for b in bad { #expect(b.withUnsafeBytes { PageOutline($0) } == nil, "\(b.prefix(8))") }
    }
}
