import Foundation
import Testing
@testable import NNGuideCore

/// One test per kind of bad input: each must name the file, the line (and column where YAML gives
/// one) and say what is wrong, and be the only problem reported (no cascades).
@Suite struct LoaderErrorTests {
    func only(_ c: ScratchContent, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ContentProblem {
        let problems = c.problems()
        #expect(problems.count == 1, "expected one problem, got: \(problems)", sourceLocation: sourceLocation)
        return try #require(problems.first, sourceLocation: sourceLocation)
    }

    @Test func fixtureIsClean() throws {
        #expect(ContentLoader.lint(directory: Fixtures.mini) == [])
        let guide = try Fixtures.miniGuide()
        #expect(guide.readingOrder.map(\.id) == ["intro", "part-a", "vision", "vision-edge", "worked", "wide"])
    }

    @Test func yamlSyntaxError() throws {
        let c = try ScratchContent()
        try c.edit("pages/10-part-a.yaml", "    title: Vision Models", "    title: Vision: Models")
        let p = try only(c)
        #expect(p.location.file == "pages/10-part-a.yaml")
        #expect(p.location.line == (try c.line(of: "Vision: Models", in: "pages/10-part-a.yaml")))
        #expect(p.location.column == 18)   // the second colon
        #expect(p.message.hasPrefix("YAML syntax error: mapping values are not allowed"))
    }

    @Test func tabIndentation() throws {
        let c = try ScratchContent()
        try c.edit("glossary.yaml", "    term: Overfitting", "\tterm: Overfitting")
        let p = try only(c)
        #expect(p.location.file == "glossary.yaml")
        #expect(p.location.line == (try c.line(of: "\tterm: Overfitting", in: "glossary.yaml")))
        #expect(p.message.contains("tab"))
    }

    @Test func wrongType() throws {
        let c = try ScratchContent()
        try c.edit("catalog.yaml", "fits: [tabular]", "fits: tabular")
        let p = try only(c)
        #expect(p.location.file == "catalog.yaml")
        #expect(p.location.line == (try c.line(of: "fits: tabular", in: "catalog.yaml")))
        #expect(p.location.column == 11)
        #expect(p.message == "expected a list, found the text 'tabular' (at fits)")
    }

    @Test func wrongTypeOfPageTitle() throws {
        let c = try ScratchContent()
        try c.edit("pages/00-intro.yaml", "title: A Small Guide to Models", "title: [A, B]")
        let p = try only(c)
        #expect(p.location == NNGuideCore.SourceLocation(file: "pages/00-intro.yaml", line: 2, column: 8))
        #expect(p.message == "expected text, found a list (at title)")
    }

    @Test func missingRequiredField() throws {
        let c = try ScratchContent()
        try c.edit("glossary.yaml", "    definition: Learning the training examples instead of patterns that carry over to new data.\n", "")
        let p = try only(c)
        #expect(p.location.file == "glossary.yaml")
        #expect(p.location.line == (try c.line(of: "id: overfitting", in: "glossary.yaml")))
        #expect(p.message == "missing required field 'definition'")
    }

    @Test func unknownKey() throws {
        let c = try ScratchContent()
        try c.edit("pages/10-part-a.yaml", "short: Part A", "shrt: Part A")
        let p = try only(c)
        #expect(p.location == NNGuideCore.SourceLocation(file: "pages/10-part-a.yaml", line: 3, column: 1))
        #expect(p.message.hasPrefix("unknown key 'shrt' in page; expected one of:"))
        #expect(p.message.contains("short"))
    }

    @Test func unknownCatalogID() throws {
        let c = try ScratchContent()
        try c.edit("pages/10-part-a.yaml", "architectures: [cnn, vit]", "architectures: [cnn, vitt]")
        let p = try only(c)
        #expect(p.location.file == "pages/10-part-a.yaml")
        #expect(p.location.line == (try c.line(of: "- table:", in: "pages/10-part-a.yaml")))
        #expect(p.message == "table 'vision-matrix' names unknown catalog id 'vitt'")
    }

    @Test func unknownCatalogIDInTreeLeaf() throws {
        let c = try ScratchContent()
        try c.edit("decisions.yaml", "pick: [cnn]", "pick: [cnnn]")
        let p = try only(c)
        #expect(p.location.file == "decisions.yaml")
        #expect(p.location.line == (try c.line(of: "id: images", in: "decisions.yaml")))
        #expect(p.message == "node 'images' names unknown catalog id 'cnnn'")
    }

    @Test func duplicateID() throws {
        let c = try ScratchContent()
        try c.edit("glossary.yaml", "  - id: overfitting", "  - id: attention")
        let p = try only(c)
        #expect(p.location.file == "glossary.yaml")
        let second = try c.text("glossary.yaml").components(separatedBy: "\n").enumerated().filter { $0.element.contains("id: attention") }.map { $0.offset + 1 }
        #expect(second.count == 2)
        #expect(p.location.line == second.last)
        #expect(p.message == "duplicate id 'attention' (first defined at glossary.yaml:\(second[0]):5)")
    }

    @Test func brokenLink() throws {
        let c = try ScratchContent()
        try c.edit("pages/00-intro.yaml", "[[vision matrix|vision-matrix]]", "[[vision matrix|vision-matrx]]")
        let p = try only(c)
        #expect(p.location.file == "pages/00-intro.yaml")
        #expect(p.location.line == (try c.line(of: "  - p: >-", in: "pages/00-intro.yaml")))
        #expect(p.message == "broken link [[vision matrix|vision-matrx]]: no page, section, table or figure has the id 'vision-matrx'")
    }

    @Test func emptyFile() throws {
        let c = try ScratchContent()
        try c.write("glossary.yaml", "")
        let p = try only(c)
        #expect(p.location == NNGuideCore.SourceLocation(file: "glossary.yaml"))
        #expect(p.message.hasPrefix("file is empty"))
    }

    @Test func binaryFile() throws {
        let c = try ScratchContent()
        try Data([0x65, 0x6E, 0x00, 0x01, 0xFF]).write(to: URL(fileURLWithPath: c.path("catalog.yaml")))
        let p = try only(c)
        #expect(p.location == NNGuideCore.SourceLocation(file: "catalog.yaml"))
        #expect(p.message.hasPrefix("binary file"))
    }

    @Test func emptySection() throws {
        let c = try ScratchContent()
        try c.edit("pages/10-part-a.yaml", "        blocks:\n          - p: Small convolutional networks such as MobileNet run on phones.\n", "")
        let p = try only(c)
        #expect(p.location.file == "pages/10-part-a.yaml")
        #expect(p.location.line == (try c.line(of: "id: vision-edge", in: "pages/10-part-a.yaml")))
        #expect(p.message == "section 'vision-edge' (On the Edge) is empty: give it blocks or sections")
    }

    @Test func unreachableTreeNode() throws {
        let c = try ScratchContent()
        try c.append("decisions.yaml", "      - id: orphan\n        title: Nobody gets here\n        pick: [cnn]\n        why: On purpose.\n")
        let p = try only(c)
        #expect(p.location.file == "decisions.yaml")
        #expect(p.location.line == (try c.line(of: "id: orphan", in: "decisions.yaml")))
        #expect(p.message == "tree 'mini': node 'orphan' cannot be reached from 'modality'")
    }

    @Test func treeCycle() throws {
        let c = try ScratchContent()
        try c.edit("decisions.yaml", "{answer: Tables, next: tables}", "{answer: Tables, next: again}")
        try c.append("decisions.yaml", "      - id: again\n        question: Sure?\n        options:\n          - {answer: Start over, next: modality}\n          - {answer: Yes, next: tables}\n")
        let p = try only(c)
        #expect(p.location.file == "decisions.yaml")
        #expect(p.location.line == (try c.line(of: "- id: mini", in: "decisions.yaml")))
        #expect(p.message == "tree 'mini' has a cycle: modality -> again -> modality")
    }

    @Test func deadEnd() throws {
        let c = try ScratchContent()
        try c.edit("decisions.yaml", "{answer: Tables, next: tables}", "{answer: Tables, next: stuck}\n          - {answer: Rows, next: tables}")
        try c.append("decisions.yaml", "      - id: stuck\n        question: And then?\n")
        let p = try only(c)
        #expect(p.location.file == "decisions.yaml")
        #expect(p.location.line == (try c.line(of: "id: stuck", in: "decisions.yaml")))
        #expect(p.message == "dead end: question 'stuck' has no options")
    }

    @Test func badEntryIsReportedOnceNotAtEveryMention() throws {
        let c = try ScratchContent()
        try c.edit("catalog.yaml", "strengths: [Data efficient, Fast at inference]", "strengths: {a: b}")
        let p = try only(c)
        #expect(p.location.file == "catalog.yaml")
        #expect(p.message == "expected a list, found a mapping (at strengths)")
    }

    @Test func loadThrowsEveryProblem() throws {
        let c = try ScratchContent()
        try c.edit("pages/10-part-a.yaml", "short: Part A", "shrt: Part A")
        try c.edit("pages/00-intro.yaml", "[[vision matrix|vision-matrix]]", "[[vision matrix|nowhere]]")
        #expect(throws: ContentError.self) { try ContentLoader.load(directory: c.dir) }
        do { _ = try ContentLoader.load(directory: c.dir) } catch { #expect(error.problems.count == 2) }
    }
}
