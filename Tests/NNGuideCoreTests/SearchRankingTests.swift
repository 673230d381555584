import Foundation
import Testing
@testable import NNGuideCore

/// Issue 23's query set: what a person types and the section they expect first among the text
/// results, on the shipped guide. The ranking (SectionRank: BM25F over sections, headings above
/// body, the sections a named glossary entry lists, glossary synonyms) must keep each first; a writer
/// who moves the material moves the expectation with it.
@Suite struct SearchRankingTests {
    static let index: SearchIndex? = (try? ContentLoader.load(directory: Fixtures.realContent)).map(SearchIndex.init)

    @Test(arguments: [
        ("data leakage", "splits"),                               // the section on train/test splits
        ("attention cost", "deep-dive-transformer-limitations"),  // 3.4's limitations: quadratic cost
        ("small tabular", "small-tables"),                        // Part 10's small tables
        ("small tables", "small-tables"),
        ("learning rate", "optimizers"),
        ("anomaly detection", "anomaly-detection-practice"),
    ])
    func theSectionAPersonExpectsComesFirst(_ c: (query: String, expected: String)) throws {
        let index = try #require(Self.index, "Content/ does not load")
        let text = try #require(index.search(c.query, limit: 10).groups.first { $0.kind == .text }, "no text results for \(c.query)")
        #expect(text.hits.first?.id == c.expected, "\(c.query): \(text.hits.prefix(5).map(\.id))")
        // Scores come best first, so the order is the ranking's and not the reading order's.
        #expect(text.hits.map(\.score) == text.hits.map(\.score).sorted(by: >))
    }

    /// A glossary link says what its words mean: the passage "[[table|g:tabular-data]]" is found by
    /// "tabular" although it never says the word.
    @Test func aGlossaryLinkIndexesTheTermItPointsAt() throws {
        let mini = try Fixtures.miniGuide()
        let guide = Guide(pages: mini.pages + [Page(id: "rows", title: "Rows", origin: .guide, blocks: [.paragraph("A [[table|g:tabular-data]] of rows.")])],
                          glossary: mini.glossary + [GlossaryEntry(id: "tabular-data", term: "Tabular data", aliases: ["tabularish"], definition: "Rows and columns.")],
                          catalog: mini.catalog, decisions: mini.decisions)
        let text = SearchIndex(guide: guide).search("tabularish").groups.first { $0.kind == .text }
        #expect(text == nil, "an alias is not the term the link stands for")
        let found = SearchIndex(guide: guide).search("tabular").groups.first { $0.kind == .text }
        #expect(found?.hits.map(\.id) == ["rows"])
    }
}

/// The one wrapping routine keeps a word whole when it runs from one styled run into the next: a
/// highlighted search match and the punctuation after it ("data" + ", but") never part at a break.
@Suite struct TextWrapRunsTests {
    @Test(arguments: 8...24)
    func punctuationAfterAHighlightStaysWithIt(_ width: Int) {
        let runs = [StyledRun("like its training ", false), StyledRun("data", true), StyledRun(", but strong", false)]
        let lines = TextWrap.wrap(runs, width: width).map { $0.map(\.text).joined() }
        #expect(!lines.contains { $0.hasPrefix(",") }, "width \(width): \(lines)")
        #expect(lines.joined(separator: " ") == "like its training data, but strong", "width \(width): \(lines)")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
    }
}
