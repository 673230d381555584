import Testing
@testable import NNGuideCore

@Suite struct SearchTests {
    let index: SearchIndex
    init() throws { index = SearchIndex(guide: try Fixtures.miniGuide()) }

    func position(_ r: SearchResults, _ kind: SearchKind, _ id: String) -> Int? {
        r.hits.firstIndex { $0.kind == kind && $0.id == id }
    }

    @Test func headingBeatsBodyText() throws {
        let r = index.search("vision")
        let heading = try #require(position(r, .heading, "vision"))
        let body = try #require(position(r, .text, "intro"))   // "vision transformer" in an intro bullet
        #expect(heading < body)
        #expect(r.groups.first?.kind == .heading)
    }

    @Test func glossaryTermBeatsBodyText() throws {
        let r = index.search("cnn")
        let term = try #require(position(r, .glossary, "cnn"))
        let body = try #require(position(r, .text, "vision"))   // "a CNN learns early"
        #expect(term < body)
    }

    @Test func withinAGroupTheNamedEntryComesFirst() throws {
        // "attention" is the term of one entry and a word in the definition of another.
        let glossary = try #require(index.search("attention").groups.first { $0.kind == .glossary })
        #expect(glossary.hits.map(\.id).prefix(1) == ["attention"])
        #expect(glossary.hits.map(\.id).contains("transformer"))
        #expect(glossary.hits[0].score > glossary.hits[1].score)
    }

    @Test func wordsArePrefixesAndCaseIsIgnored() {
        let lower = index.search("conv")
        #expect(lower.hits.contains { $0.kind == .text && $0.id == "vision" })
        #expect(index.search("CONV").hits.map(\.id) == lower.hits.map(\.id))
        #expect(index.search("Zebra").hits.map(\.id) == ["vision"])
    }

    @Test func everyWordMustMatchTheSamePassage() {
        #expect(index.search("zebra texture").hits.map(\.id) == ["vision"])
        // Both words are in the guide, but never in one passage.
        #expect(index.search("zebra phones").isEmpty)
    }

    @Test func hitsCarryKindIdPageAndBreadcrumb() throws {
        let r = index.search("zebra")
        let hit = try #require(r.hits.first)
        #expect(hit.kind == .text)
        #expect(hit.pageID == "vision")
        #expect(hit.breadcrumb == ["Part A", "A.1 Vision"])
        #expect(hit.blockIndex == 0)
        let table = try #require(index.search("excellent").hits.first { $0.kind == .table })
        #expect(table.id == "vision-matrix")
        #expect(table.pageID == "vision")
        let term = try #require(index.search("convnet").hits.first)
        #expect(term.kind == .glossary && term.id == "cnn" && term.pageID == nil)
    }

    @Test func snippetMarksTheMatchingWords() throws {
        let hit = try #require(index.search("zebra stri").hits.first)
        let marked = hit.snippet.matches.map { String(hit.snippet.text[$0]) }
        #expect(marked == ["Zebra", "stri"])   // issue 23: the part the query named, not the whole "stripes"
        #expect(hit.snippet.segments.filter(\.isMatch).map { String($0.text) } == marked)
        #expect(hit.snippet.matchOffsets.count == 2)
    }

    @Test func longTextIsCutAroundTheMatch() {
        let text = (1...60).map { "word\($0)" }.joined(separator: " ")
        let ranges = Tokenizer.tokens(text).filter { $0.text == "word40" }.map(\.range)
        let s = SearchIndex.cut(text, around: ranges, length: 40)
        #expect(s.text.hasPrefix("…") && s.text.hasSuffix("…"))
        #expect(s.text.count <= 42)
        #expect(s.matches.map { String(s.text[$0]) } == ["word40"])
    }

    @Test func tablesAndFiguresAreSearchedByTheirCells() {
        #expect(index.search("built in first layer").hits.map(\.id) == ["vision-matrix"])
        #expect(index.search("temporal").hits.map(\.id) == ["flow-figure"])
    }

    @Test func catalogEntriesAreSearched() throws {
        let hit = try #require(index.search("deit").hits.first)
        #expect(hit.kind == .architecture && hit.id == "vit" && hit.pageID == "vision")
    }

    @Test func aTypoGetsACorrectedQuery() {
        let r = index.search("zebar")
        #expect(r.isEmpty)
        #expect(r.suggestion == "zebra")
        #expect(index.search("qqqqqqqq").suggestion == nil)
    }

    @Test func emptyAndPunctuationQueriesFindNothing() {
        #expect(index.search("").isEmpty)
        #expect(index.search("  -- ").isEmpty)
    }

    @Test func limitCutsEachGroupButTotalsCountAll() throws {
        let all = index.search("a")
        let cut = index.search("a", limit: 1)
        for g in cut.groups {
            #expect(g.hits.count == 1)
            #expect(g.total == all.groups.first { $0.kind == g.kind }?.total)
        }
    }
}

@Suite struct TokenizerTests {
    @Test func wordsAreLowerCaseWithoutAccentsOrApostrophes() {
        #expect(Tokenizer.words("The Practitioner's Café: CNN/RNN, int8!") == ["the", "practitioners", "cafe", "cnn", "rnn", "int8"])
    }

    @Test func rangesPointIntoTheOriginalText() {
        let text = "Naïve Bayes"
        #expect(Tokenizer.tokens(text).map { String(text[$0.range]) } == ["Naïve", "Bayes"])
    }

    /// What snippets mark: words starting with a query word, however they are spelled.
    @Test func prefixMatchesMarkWholeWordsAndSayWhichQueryWordsMatched() {
        let text = "Self-attention\u{2019}s cost; ATTENTION is Naïve. at ÉCOLE"
        let (ranges, which, matched) = Tokenizer.prefixMatches(in: text, of: ["att", "nai", "zz", "eco"].map { Array($0.utf8) })
        // Issue 23: a longer word is marked on the part the query named ("att", "ATT"), not as a word
        // the query never held; a word folded from other letters is marked whole.
        #expect(ranges.map { String(text[$0]) } == ["att", "ATT", "Naïve", "ÉCOLE"])
        #expect(Tokenizer.prefixMatches(in: "don\u{2019}t dont", of: [Array("dont".utf8)]).ranges.count == 2)
        let (apostrophe, _, _) = Tokenizer.prefixMatches(in: "convolution's cost", of: [Array("convolution".utf8)])
        #expect(apostrophe.map { String("convolution's cost"[$0]) } == ["convolution's"])
        #expect(which == [0, 0, 1, 3])
        #expect(matched == 0b1011)
        #expect(Tokenizer.words("UPPER Mixed2 it's d\u{2019}été") == ["upper", "mixed2", "its", "dete"])
    }
}

@Suite struct EditDistanceTests {
    @Test func countsEditsAndSwaps() {
        #expect(EditDistance.distance("attention", "attention") == 0)
        #expect(EditDistance.distance("atention", "attention") == 1)
        #expect(EditDistance.distance("tranformer", "transformer") == 1)
        #expect(EditDistance.distance("trasnformer", "transformer") == 1)   // a swap is one edit
        #expect(EditDistance.distance("cnn", "gan", limit: 1) == nil)
        #expect(EditDistance.distance("", "abc") == 3)
    }

    @Test func closestListsOnlyNearNames() {
        #expect(EditDistance.closest(to: "visoin", among: ["vision", "vision-edge", "worked"]) == ["vision"])
        #expect(EditDistance.closest(to: "zzzzzz", among: ["vision"]) == [])
    }
}
