import Foundation
import Testing
@testable import NNGuideCore

/// The shipped Content/: it must lint clean, and every renderer must carry all of it. These tests use
/// structural facts (ids, counts), never wording, which writers may change.
@Suite struct RealContentTests {
    @Test func lintIsClean() {
        // Errors only: warnings (a source nobody cites yet, an added fact without its source) are
        // advisory, listed by `nnguide lint` and failed by `lint --strict`.
        let problems = ContentLoader.lint(directory: Fixtures.realContent).errors
        #expect(problems.isEmpty, "\(problems.count) problems, first: \(problems.prefix(5).map(\.description))")
    }

    func guide() throws -> Guide {
        do { return try ContentLoader.load(directory: Fixtures.realContent) } catch {
            Issue.record("Content/ does not load: \(error.problems.prefix(3))"); throw error
        }
    }

    @Test func planIdsExist() throws {
        let g = try guide()
        for id in ["opening", "model-brief", "part-1", "part-2", "part-3", "part-4", "part-5", "part-6", "part-7", "part-8",
                   "part-9", "final-principles", "appendix"] {
            #expect(g.page(id)?.depth == 0, "top-level page \(id)")
        }
        for id in ["failure-mode-table", "families-table", "task-domains-table", "transformer-variants-table", "graph-types-table",
                   "fusion-strategies-table", "data-quantity-table", "quick-reference-table", "production-checklist-table",
                   "matrix-vision", "matrix-sequences", "matrix-tabular", "matrix-generation", "loss-functions-table"] {
            #expect(g.table(id) != nil, "table \(id)")
        }
        #expect(Set(g.comparisonMatrices.map(\.table.id)) == ["matrix-vision", "matrix-sequences", "matrix-tabular", "matrix-generation"])
        #expect(g.catalog.architectures.count == 55)
    }

    @Test func markdownCarriesEveryTableSectionAndTerm() throws {
        let g = try guide()
        let md = MarkdownRenderer(guide: g).document()
        for t in g.tables {
            #expect(md.contains("<a id=\"\(t.table.id)\"></a>"), "table \(t.table.id)")
            let rowLines = md.split(separator: "\n").filter { $0.hasPrefix("| ") }.count
            #expect(rowLines >= t.table.rows.count)
        }
        // A section's anchor is written, or is the id a renderer derives from its heading (then
        // writing it as well would repeat it).
        var derived = HeadingIDs(), headingIDs = Set<String>()
        for line in md.split(separator: "\n") where line.hasPrefix("#") {
            var text = String(line.drop { $0 == "#" }.dropFirst())
            if text.hasPrefix("<a id=\""), let end = text.range(of: "</a>") { text = String(text[end.upperBound...]) }
            headingIDs.insert(derived.derive(text.replacingOccurrences(of: "\\", with: "")))
        }
        for e in g.readingOrder {
            #expect(md.contains("<a id=\"\(e.id)\"></a>") || headingIDs.contains(e.id), "section \(e.id)")
        }
        for e in g.glossary { #expect(md.contains("<a id=\"g-\(e.id)\"></a>")) }
        for a in g.catalog.architectures { #expect(md.contains("<a id=\"a-\(a.id)\"></a>")) }
        // Every table row appears as a Markdown table row.
        let tableRows = g.tables.reduce(0) { $0 + $1.table.rows.count + 2 }
        #expect(md.split(separator: "\n").filter { $0.hasPrefix("| ") || $0.hasPrefix("|---") || $0.hasPrefix("| ---") }.count >= tableRows)
    }

    @Test(arguments: [40, 80])
    func everyPageFitsTheWidth(width: Int) throws {
        let g = try guide()
        let r = TextRenderer(guide: g, width: width)
        var pre: Set<String> = []
        for e in g.readingOrder { for case .preformatted(let s) in e.page.blocks { s.split(separator: "\n").forEach { pre.insert("    " + $0) } } }
        for line in r.guideText().split(separator: "\n").map(String.init) where !pre.contains(line) {
            let w = DisplayWidth.of(line)
            #expect(w <= width, "\(line)")
        }
    }

    @Test func everyGlossaryTermIsFoundByNameAndSearch() throws {
        let g = try guide()
        let matcher = GlossaryMatcher(entries: g.glossary)
        let index = SearchIndex(guide: g)
        for e in g.glossary {
            guard case .found(let m, _) = matcher.lookup(e.term) else { Issue.record("\(e.term) not found"); continue }
            #expect(m.entry.id == e.id)
            let hits = index.search(e.term).groups.first { $0.kind == .glossary }?.hits ?? []
            #expect(hits.contains { $0.id == e.id }, "search \(e.term)")
        }
    }

    @Test func jsonExportRoundTripsTheModel() throws {
        let g = try guide()
        let json = try JSONOutput.string(GuideExport(guide: g))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((object?["pages"] as? [Any])?.count == g.pages.count)
        #expect((object?["glossary"] as? [Any])?.count == g.glossary.count)
        #expect(object?["decisions"] != nil)
    }
}
