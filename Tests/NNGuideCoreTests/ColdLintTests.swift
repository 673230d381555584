import Foundation
import Testing
@testable import NNGuideCore

/// What a cold lint does faster (issue 25). The load reads its files on every core, each with a
/// reader of its own, and joins what they found in file order (`ContentLoader.located`); these
/// compare it with the same files read one after another by one reader, which it must equal.
@Suite struct ColdLintTests {
    func expectSameAsInTurn(_ dir: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let both = ContentLoader.located(directory: dir)
        let inTurn = ContentLoader.located(directory: dir, inTurn: true)
        #expect(both.problems == inTurn.problems, "\(what): problems differ", sourceLocation: sourceLocation)
        #expect(both.locations == inTurn.locations, "\(what): locations differ", sourceLocation: sourceLocation)
        #expect((both.guide == nil) == (inTurn.guide == nil), "\(what): one read gave a guide", sourceLocation: sourceLocation)
        if let a = both.guide, let b = inTurn.guide {
            #expect(ContentCacheTests.same(a, b), "\(what): guides differ", sourceLocation: sourceLocation)
        }
    }

    @Test func theShippedGuideAndTheMiniFixture() {
        expectSameAsInTurn(Fixtures.realContent, "Content/")
        expectSameAsInTurn(Fixtures.mini, "mini")
        #expect(!ContentLoader.located(directory: Fixtures.realContent).locations.isEmpty)
    }

    /// An id placed in two files: the later file's reader cannot know the first place, so the load
    /// reads the files again in turn; the message names the first place either way.
    @Test func idsPlacedInTwoFiles() throws {
        let s = try ScratchContent()
        try s.write("pages/20-more.yaml", "id: more\norigin: added\ntitle: More\nsections:\n  - id: vision\n    origin: added\n    title: Again\n    blocks: [{p: \"See [[the table|vision-matrix]].\"}]\n")
        expectSameAsInTurn(s.dir, "a section id in two files")
        let first = try s.line(of: "id: vision", in: "pages/10-part-a.yaml")
        #expect(s.problems().contains { $0.message.hasPrefix("duplicate id 'vision' (first defined at pages/10-part-a.yaml:\(first):") })
        try s.write("pages/20-more.yaml", "id: more\norigin: added\ntitle: More\nblocks:\n  - table: {id: intro, title: T, columns: [A], rows: [[x]]}\n")
        expectSameAsInTurn(s.dir, "a table id equal to another file's page id")
        try s.write("pages/20-more.yaml", "id: more\norigin: added\ntitle: More\nblocks:\n  - table: {id: vision-matrix, title: T, columns: [A], rows: [[x]]}\n")
        expectSameAsInTurn(s.dir, "a table id in two files")
        try s.write("pages/20-more.yaml", "id: intro\norigin: added\ntitle: More\nblocks: [{p: Again.}]\n")
        expectSameAsInTurn(s.dir, "a page id in two files")
    }

    @Test func damagedFilesAmongGoodOnes() throws {
        let s = try ScratchContent()
        let good = try s.text("pages/00-intro.yaml")
        try s.write("pages/00-intro.yaml", good + "  - p: [unclosed\n")
        try s.edit("glossary.yaml", "    term: CNN", "    term: CNN\n    colour: blue")
        expectSameAsInTurn(s.dir, "a syntax error and an unknown key")
        #expect(ContentLoader.located(directory: s.dir).guide == nil)
        try s.write("pages/00-intro.yaml", good)
        try s.edit("pages/10-part-a.yaml", "- p: Each section below covers one kind of choice.", "- p: \" \"")
        try s.write("pages/30-empty.yaml", "")
        expectSameAsInTurn(s.dir, "an empty file and an empty paragraph")
    }

    /// `citedSourceIDs` visits the evidence without building `evidenceItems`; it must find what they hold.
    @Test func citedSourcesAreThoseOfTheEvidenceItems() throws {
        let guide = try ContentLoader.load(directory: Fixtures.realContent)
        let cited = Set(guide.evidenceItems.flatMap(\.evidence.sources))
        #expect(!cited.isEmpty)
        #expect(guide.citedSourceIDs == cited)
        #expect(guide.decisions.citedSourceIDs == Set(guide.decisions.evidenceItems.flatMap(\.evidence.sources)))
    }

    /// `hasLink` looks for `[[` with memchr; the same answer as a byte-by-byte look.
    @Test(arguments: ["", "[", "[[", "a[[b", "[x[", "[a] [b]", "ends with [", "ends with [[", "é[[ü", "[ [ [", "x]]"])
    func hasLinkFindsDoubleBrackets(_ text: String) {
        let bytes = Array(text.utf8)
        let expected = zip(bytes, bytes.dropFirst()).contains { $0 == 0x5B && $1 == 0x5B }
        #expect(InlineParser.hasLink(text) == expected)
        #expect(InlineParser.hasLink(text + "[[") && !InlineParser.hasLink(text.replacingOccurrences(of: "[", with: "(")))
    }
}
