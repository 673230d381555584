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
        ("data leakage", "splits", "splits"),                     // the section on train/test splits
        ("attention cost", "deep-dive-transformer-limitations", "deep-dive-transformer-limitations"),  // 3.4's limitations
        ("small tabular", "small-tables", "small-tables"),        // Part 10's small tables
        ("small tables", "small-tables", "small-tables"),         // its heading, named
        ("learning rate", "optimizers", "learning-rate"),         // the entry named by the query, then the section
        ("anomaly detection", "anomaly-detection-practice", "anomaly-detection-practice"),
    ])
    func theSectionAPersonExpectsComesFirst(_ c: (query: String, expected: String, first: String)) throws {
        let index = try #require(Self.index, "Content/ does not load")
        let results = index.search(c.query, limit: 10)
        let text = try #require(results.groups.first { $0.kind == .text }, "no text results for \(c.query)")
        #expect(text.hits.first?.id == c.expected, "\(c.query): \(text.hits.prefix(5).map(\.id))")
        // Scores come best first, so the order is the ranking's and not the reading order's.
        #expect(text.hits.map(\.score) == text.hits.map(\.score).sorted(by: >))
        // And first of all the results, as the explorer's list and `nnguide search` show them (issue 23:
        // "data leakage" showed the splits section fifth, below architectures that merely mention both words).
        #expect(results.hits.first?.id == c.first, "\(c.query): \(results.groups.map { "\($0.kind): \($0.hits.prefix(2).map(\.id))" })")
    }

    /// An item that only mentions the words in its body never comes above a section with a passage
    /// holding them: groups are ordered by their best hit, not by their kind.
    @Test(arguments: ["data leakage", "attention cost", "small tabular", "learning rate"])
    func bodyMentionsComeAfterTheSectionsAboutTheWords(_ query: String) throws {
        let index = try #require(Self.index, "Content/ does not load")
        let kinds = index.search(query, limit: 10).groups.map(\.kind)
        let text = try #require(kinds.firstIndex(of: .text), "\(query): \(kinds)")
        if let architectures = kinds.firstIndex(of: .architecture) { #expect(text < architectures, "\(query): \(kinds)") }
    }

    /// A query naming a heading shows it first; groups of equal strength keep the kinds' order.
    @Test func aHeadingTheQueryNamesComesFirst() throws {
        let index = try #require(Self.index, "Content/ does not load")
        let results = index.search("small tables", limit: 10)
        #expect(results.groups.first?.kind == .heading && results.hits.first?.id == "small-tables", "\(results.groups.map(\.kind))")
    }

    /// The marks show only what the query named: a query word, or another form of it ("leaking" for
    /// "leakage"); a longer word that merely starts with one is marked on that start ("data" in
    /// "dataset"), so JSON's `matches` never lists a word the query did not hold.
    @Test(arguments: ["data leakage", "attention cost", "conv net", "small tabular"])
    func marksAreQueryWordsOrTheirForms(_ query: String) throws {
        let index = try #require(Self.index, "Content/ does not load")
        let results = index.search(query, limit: 10)
        let typed = Tokenizer.words(query)
        let stems = Set(typed.map(Tokenizer.stem))
        var marked = 0
        for h in results.hits {
            for r in h.snippet.matches {
                let word = h.snippet.text[r].lowercased()
                marked += 1
                #expect(typed.contains(word) || stems.contains(word) || stems.contains(Tokenizer.stem(word)), "\(query): '\(word)' in \(h.id)")
            }
        }
        #expect(marked > 0, "\(query): nothing marked")
    }

    /// A section found by its words across its passages shows the rarest word too (issue 23's retest:
    /// five of eight "data leakage" text hits showed only "data"): each such section holds the rarest
    /// word in some passage, so its snippet is taken from one.
    @Test(arguments: ["data leakage", "attention cost", "small tabular"])
    func everyTextHitShowsTheRarestWord(_ query: String) throws {
        let index = try #require(Self.index, "Content/ does not load")
        let results = index.search(query, limit: 10)
        let rarest = try #require(index.rarestFirst(results.words).first)
        let text = try #require(results.groups.first { $0.kind == .text }, "\(query): no text hits")
        #expect(text.hits.contains { $0.passages == 0 }, "\(query): no hit across passages to check")
        for h in text.hits {
            let marks = h.snippet.matches.map { Tokenizer.stem(h.snippet.text[$0].lowercased()) }
            #expect(marks.contains { $0.hasPrefix(rarest) }, "\(query) (\(rarest)): \(h.id) shows \(h.snippet.text)")
        }
    }

    /// A snippet is cut around the rarest word it holds, so it shows what sets the hit apart: every
    /// "data leakage" hit whose passage says "leak…" shows it, not only "data".
    @Test func aSnippetShowsTheRarestMatchedWord() throws {
        let index = try #require(Self.index, "Content/ does not load")
        for h in index.search("data leakage", limit: 10).hits where h.kind == .architecture || (h.kind == .text && h.passages > 0) {
            let marks = h.snippet.matches.map { h.snippet.text[$0].lowercased() }
            #expect(marks.contains { $0.hasPrefix("leak") }, "\(h.id): \(h.snippet.text)")
        }
        // And from a long passage, the sentence holding it.
        let long = String(repeating: "Plenty of data comes first here. ", count: 12) + "Leakage hides in the split."
        let unit = SearchIndex.Unit(owner: 0, parts: [long], titleParts: 0, block: 0)
        let snippet = SearchIndex.snippet(unit, words: ["leak", "data"], length: 80)
        #expect(snippet.text.hasPrefix("…Leakage hides"), "\(snippet.text)")
        #expect(snippet.matches.map { snippet.text[$0] } == ["Leakage"], "\(snippet.text)")
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

    /// A word longer than the line breaks where a file name or compound word may (after `-`, `_`, `/`,
    /// before `.`), never mid-word ("tabular-classificati" / "on.yaml" in the `--against` table); only a
    /// word with no such place is cut by characters. Code (`cut`) is still cut by characters.
    @Test func aLongWordBreaksAtItsSeparators() {
        #expect(TextWrap.wrap("tabular-classification.yaml", width: 20) == ["tabular-", "classification.yaml"])
        #expect(TextWrap.wrap("see tabular-classification-2.yaml", width: 20) == ["see", "tabular-", "classification-2", ".yaml"])
        #expect(TextWrap.wrap("docs/decisions/search.md", width: 16) == ["docs/decisions/", "search.md"])
        #expect(TextWrap.wrap("abcdefghijkl", width: 5) == ["abcde", "fghij", "kl"])
        #expect(TextWrap.cut("a-b-c-d", width: 3) == ["a-b", "-c-", "d"])
    }

    /// An id in brackets too long for a line of its own keeps its opening bracket (a "(" alone at a
    /// line's end read as a stray, sixth retest) and its closing one: it breaks at a hyphen, never
    /// before ")" (a ")" starting a line, seventh retest, `COLUMNS=40 nnguide glossary attention`).
    /// A word that fits on a line of its own moves there whole.
    @Test func anIdInBracketsStaysWhole() {
        #expect(TextWrap.wrap("See: Limitations (deep-dive-transformer-limitations), next", width: 35)
                == ["See: Limitations", "(deep-dive-transformer-", "limitations), next"])
        #expect(TextWrap.wrap("(deep-dive-transformer-limitations),", width: 34) == ["(deep-dive-transformer-", "limitations),"])
        #expect(TextWrap.wrap("(abcdefghij),", width: 11) == ["(abcdefghi", "j),"])
        #expect(TextWrap.wrap("Used in (deep-dive-transformer)", width: 24) == ["Used in", "(deep-dive-transformer)"])
    }

    /// Printed text (`.whole`, eighth retest): an id too long for a line stands whole on its own line;
    /// a path or URL still breaks after a `/`.
    @Test func printedTextKeepsAnIdWhole() {
        #expect(TextWrap.wrap("See: Limitations (deep-dive-transformer-limitations), next", width: 35, longWords: .whole)
                == ["See: Limitations", "(deep-dive-transformer-limitations),", "next"])
        #expect(TextWrap.wrap("a EfficientNet-Lite0, b", width: 10, longWords: .whole) == ["a", "EfficientNet-Lite0,", "b"])
        #expect(TextWrap.wrap("docs/decisions/search.md", width: 16, longWords: .whole) == ["docs/decisions/", "search.md"])
    }
}
