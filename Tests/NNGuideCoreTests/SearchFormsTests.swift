import Testing
@testable import NNGuideCore

/// Issue 12, finding 4: word forms, sections whose passages hold the words between them, and the
/// broader search offered when every word finds little.
@Suite struct SearchFormsTests {
    @Test(arguments: [("leakage", "leak"), ("leaking", "leak"), ("leaks", "leak"), ("leak", "leak"),
                      ("sequences", "sequenc"), ("sequence", "sequenc"), ("attentions", "attention"),
                      ("attention", "attention"), ("class", "class"), ("analysis", "analysis"), ("data", "data"),
                      ("training", "train"), ("strategies", "strateg"), ("string", "string")])
    func stemsTheCommonEndings(_ word: String, _ stem: String) {
        #expect(Tokenizer.stem(word) == stem)
    }

    @Test func everyFormOfAWordFindsTheOthers() throws {
        let index = SearchIndex(guide: try Fixtures.miniGuide())
        // The fixture says "attention"; the plural finds it, and ranks the term that is named first.
        let plural = index.search("attentions")
        #expect(plural.hits.contains { $0.kind == .glossary && $0.id == "attention" })
        #expect(plural.hits.map(\.id) == index.search("attention").hits.map(\.id))
    }

    func realIndex() throws -> SearchIndex { SearchIndex(guide: try ContentLoader.load(directory: Fixtures.realContent)) }

    /// The two queries of the issue, on the real guide (ids, not wording).
    @Test(arguments: [("data leakage", "splits"), ("attention cost long sequences", "deep-dive-transformer-limitations")])
    func aSectionWhosePassagesHoldEveryWordIsFound(_ query: String, _ section: String) throws {
        let r = try realIndex().search(query, limit: 30)
        #expect(r.hits.contains { $0.kind == .text && $0.id == section }, "\(query): \(r.hits.map(\.id))")
    }

    @Test func passageMatchesComeBeforeSpreadSections() throws {
        let r = try realIndex().search("attention cost long sequences", limit: 30)
        let text = try #require(r.groups.first { $0.kind == .text })
        let passages = text.hits.map(\.passages)
        #expect(passages.contains(0) && passages.contains { $0 > 0 })
        // Every passage match (passages > 0) before the first section found only across passages.
        let firstSpread = try #require(passages.firstIndex(of: 0))
        #expect(passages[firstSpread...].allSatisfy { $0 == 0 }, "\(passages)")
    }

    @Test func theBroaderSearchIsOfferedWhenFewResultsComeBack() throws {
        let index = try realIndex()
        let narrow = index.search("quantization leakage")
        #expect(narrow.total < SearchResults.few && narrow.offersBroader)
        let broad = index.search("quantization leakage", anyWord: true)
        #expect(broad.total > narrow.total && !broad.offersBroader)
        // Units with both words would rank above those with one; here each hit has one of the words.
        #expect(broad.hits.contains { $0.id == "leakage" } && broad.hits.contains { $0.id == "quantization" || $0.snippet.text.lowercased().contains("quantiz") })
        #expect(!index.search("attention").offersBroader, "one word: nothing broader to offer")
    }
}
