import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// The reader's quiet marks for refilled and added material (Origin), at both sizes the project
/// checks, in Unicode and ASCII alike.
@Suite struct OriginMarkTests {
    /// The fixture with one section added and one paragraph of a guide section marked added; the
    /// fixture's list in "What Neural Networks Do" is refilled by inheritance.
    static let library: Library = {
        let g = Fixture.guide
        func mark(_ p: Page) -> Page {
            var p = p
            if p.id == "inductive-bias" { p.origin = .added }
            if p.id == "what-networks-do" { p.blockOrigins[0] = .added }
            p.sections = p.sections.map(mark)
            return p
        }
        return Library(guide: Guide(pages: g.pages.map(mark), glossary: g.glossary, catalog: g.catalog, decisions: g.decisions))
    }()

    static func state(_ w: Int, _ h: Int, glyphs: Glyphs = .unicode) -> AppState {
        AppState(library: library, width: w, height: h, glyphs: glyphs)
    }

    @Test func readerMarksRefilledAndAddedBlocks() {
        var s = Self.state(80, 24)
        s.openPage("what-networks-do")
        expectGolden(s, "origin-reader-80x24")
        let lines = render(s).lines
        #expect(lines.contains { $0.hasSuffix("[added]") || $0.contains(" [added] ") })
        #expect(lines.contains { $0.contains("[refilled]") })
        var narrow = Self.state(40, 12)
        narrow.openPage("what-networks-do")
        narrow = press(narrow, [.end])
        expectGolden(narrow, "origin-reader-40x12")
    }

    @Test func theMarkIsDimAndPlainASCII() {
        var s = Self.state(80, 24, glyphs: .plain)
        s.openPage("what-networks-do")
        let buf = render(s)
        let y = try! #require((0..<buf.height).first { buf.line($0).contains("[refilled]") })
        let x = DisplayWidth.of(buf.line(y)[..<buf.line(y).range(of: "[refilled]")!.lowerBound])
        #expect((x..<x + 10).allSatisfy { buf[$0, y].role == .dim })
    }

    @Test func anAddedSectionIsMarkedInItsHeadingAndTheContents() {
        var s = Self.state(80, 24)
        s.openPage("inductive-bias")
        #expect(render(s).lines.first { $0.contains("Why Architecture Matters") }?.contains("[added]") == true)
        // Its blocks share its origin: no mark repeated on each of them.
        #expect(render(s).lines.filter { $0.contains("[added]") }.count == 1)
        var narrow = Self.state(40, 12)
        narrow = press(narrow, keys("t"))
        expectGolden(narrow, "origin-contents-40x12")
        #expect(render(narrow).lines.contains { $0.contains("Why Architecture") && $0.contains("[added]") })
    }

    @Test func thePartMenuMarksAnAddedSection() {
        var s = Self.state(80, 24)
        s.openPage("part-1")
        let lines = render(s).lines
        #expect(lines.contains { $0.contains("Why Architecture Matters: Inductive Bias [added]") })
        #expect(lines.contains { $0.contains("What Neural Networks Do") && !$0.contains("[") })
    }

    @Test func helpExplainsTheMarks() {
        var s = press(Self.state(80, 24), keys("?"))
        s = press(s, [.end])
        let text = render(s).lines.joined(separator: "\n")
        #expect(text.contains("[refilled]") && text.contains("A list the source guide lost"))
        #expect(text.contains("[added]") && text.contains("Beyond the source guide"))
    }
}
