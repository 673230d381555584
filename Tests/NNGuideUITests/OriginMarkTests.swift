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
        // A glossary entry and a catalog entry nnguide added.
        let glossary = g.glossary.map { e -> GlossaryEntry in var e = e; if e.id == "loss" { e.origin = .added }; return e }
        var catalog = g.catalog
        catalog.architectures = catalog.architectures.map { a -> Architecture in var a = a; if a.id == "ssm" { a.origin = .added }; return a }
        return Library(guide: Guide(pages: g.pages.map(mark), glossary: glossary, catalog: catalog, decisions: g.decisions))
    }()

    /// The cells of the first "[added]" on screen (nil when there is none), with the text before it.
    static func addedMark(_ buf: Buffer) -> (before: String, roles: [Role])? {
        guard let y = (0..<buf.height).first(where: { buf.line($0).contains("[added]") }) else { return nil }
        let line = buf.line(y)
        let before = String(line[..<line.range(of: "[added]")!.lowerBound])
        let x = DisplayWidth.of(before)
        return (before, (x..<x + 7).map { buf[$0, y].role })
    }

    @Test func theGlossaryMarksAnAddedEntry() throws {
        for (w, h) in [(80, 24), (40, 12)] {
            let s = press(Self.state(w, h), keys("i", "loss"))
            let mark = try #require(Self.addedMark(render(s)), "no [added] beside the entry at \(w)x\(h)")
            #expect(mark.before.hasSuffix("Loss "), "\(mark.before)")
            #expect(mark.roles.allSatisfy { $0 == .dim })
            // An entry of the guide's own glossary has none.
            #expect(Self.addedMark(render(press(Self.state(w, h), keys("i", "overfit")))) == nil)
        }
    }

    @Test func compareMarksAnAddedArchitecture() throws {
        var s = press(Self.state(120, 30), keys("c"))
        s.compare.picked = ["cnn", "ssm"]
        s.compare.list.index = try #require(s.compare.items(s.context).firstIndex { if case .architecture = $0 { return true }; return false })
        // Its column: the mark after its name in the header, dim; the other column has none.
        let mark = try #require(Self.addedMark(render(s)))
        #expect(mark.before.hasSuffix("SSM "), "\(mark.before)")
        #expect(mark.roles.allSatisfy { $0 == .dim })
        #expect(render(s).lines.filter { $0.contains("[added]") }.count == 1)
        // Transposed, its row.
        s.compare.transposed = true
        let row = try #require(Self.addedMark(render(s)))
        #expect(row.before.hasSuffix("SSM "), "\(row.before)")
        // Without it, no mark.
        s.compare.picked = ["cnn", "vit"]
        #expect(Self.addedMark(render(s)) == nil)
    }

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
