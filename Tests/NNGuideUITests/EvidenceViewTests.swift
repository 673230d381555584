import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Sources and review dates where people read: the quiet line under a section, a block, a glossary
/// entry and the compared architectures; the sources key's box; `see` in the glossary and popover.
@Suite struct EvidenceViewTests {
    static let sources = [
        Source(id: "onnx-docs", title: "ONNX Runtime documentation", organisation: "Microsoft", kind: .docs, url: "https://onnxruntime.ai/docs/"),
        Source(id: "resnet-paper", title: "Deep Residual Learning for Image Recognition", authors: "Kaiming He et al.", year: 2016, kind: .paper,
               url: "https://arxiv.org/abs/1512.03385"),
    ]

    static let library: Library = {
        let g = Fixture.guide
        func cite(_ p: Page) -> Page {
            var p = p
            if p.id == "what-networks-do" {
                p.evidence = Evidence(sources: ["onnx-docs", "resnet-paper"], reviewed: "2026-12")
                p.blockEvidence = p.blocks.indices.map { $0 == 1 ? Evidence(sources: ["resnet-paper"], reviewed: "2025-06") : .none }
            }
            p.sections = p.sections.map(cite)
            return p
        }
        let glossary = g.glossary.map { e -> GlossaryEntry in
            var e = e
            if e.id == "architecture" { e.see = ["inductive-bias"]; e.evidence = Evidence(sources: ["onnx-docs"], reviewed: "2026-11") }
            return e
        }
        var catalog = g.catalog
        catalog.architectures = catalog.architectures.map { a -> Architecture in
            var a = a
            if a.id == "cnn" { a.evidence = Evidence(sources: ["resnet-paper"], reviewed: "2026-10") }
            return a
        }
        return Library(guide: Guide(pages: g.pages.map(cite), glossary: glossary, catalog: catalog, decisions: g.decisions, sources: sources))
    }()

    static func state(_ w: Int = 80, _ h: Int = 24) -> AppState { AppState(library: library, width: w, height: h, glyphs: .unicode) }

    static func row(_ buf: Buffer, _ text: String) -> Int? { (0..<buf.height).first { buf.line($0).contains(text) } }

    @Test func theSourcesKeyComesFromTheKeymap() throws {
        let key = Keymap.key(.sources, in: .reader)
        for scope in [Scope.reader, .glossary, .compare] { #expect(Keymap.key(.sources, in: scope) == key) }
        #expect(SourcesNote.line(Evidence(sources: ["a", "b"], reviewed: "2026-12"), scope: .reader) == "as of 2026-12 · 2 sources · \(key) lists them")
        #expect(SourcesNote.line(Evidence(reviewed: "2026-12"), scope: .reader) == "as of 2026-12")
        #expect(SourcesNote.line(.none, scope: .reader) == nil)
    }

    @Test func theReaderShowsAQuietLineAndTheKeyListsTheSources() throws {
        let key = Keymap.key(.sources, in: .reader)
        var s = Self.state(80, 24)
        s.openPage("what-networks-do")
        let buf = render(s)
        let heading = try #require(Self.row(buf, "What Neural Networks Do"))
        let line = try #require(Self.row(buf, "as of 2026-12 · 2 sources"))
        #expect(line > heading && line <= heading + 5, "the line sits under the heading and summary")
        #expect(buf.line(line).contains("\(key) lists them"))
        let x = try #require(buf.line(line).range(of: "as of")).lowerBound
        #expect(buf[DisplayWidth.of(buf.line(line)[..<x]), line].role == .dim)
        #expect(Self.row(buf, "as of 2025-06 · 1 source") != nil, "the block's own line")

        s = press(s, keys(key))
        guard let note = (s.current as? SourcesBox)?.note else { Issue.record("no sources box: \(s.current)"); return }
        #expect(note.ids == ["onnx-docs", "resnet-paper"])
        #expect(note.reviewedText == "reviewed 2025-06 to 2026-12")
        let box = render(s)
        #expect(Self.row(box, "ONNX Runtime documentation") != nil)
        #expect(Self.row(box, "Kaiming He et al., 2016, paper") != nil)
        #expect(Self.row(box, "https://arxiv.org/abs/1512.03385") != nil)
        #expect(box.line(box.height - 1).contains("close"))
        s = update(s, .escape)
        #expect(!s.modalOnTop && s.screen == .reader)
        // A section without any: a message, no box.
        s.openPage("inductive-bias")
        s = press(s, keys(key))
        #expect(!s.modalOnTop)
        #expect(s.message?.contains("cites no sources") == true)
    }

    @Test func theGlossaryShowsSeeLinksTheLineAndTheBox() throws {
        let key = Keymap.key(.sources, in: .glossary)
        var s = press(Self.state(100, 30), keys("i", "architecture", Key.escape))
        let buf = render(s)
        let see = try #require(Self.row(buf, "See"))
        #expect(buf.line(see + 1).contains("Inductive Bias") || buf.line(see + 1).contains("Inductive bias"), "\(buf.line(see + 1))")
        #expect(Self.row(buf, "as of 2026-11 · 1 source · \(key) lists them") != nil)
        // The see link is the first numbered link: 1 opens it in the reader.
        let linked = press(s, keys("1"))
        #expect(linked.screen == .reader && linked.reader.unit == "inductive-bias")
        s = press(s, keys(key))
        guard let note = (s.current as? SourcesBox)?.note else { Issue.record("no sources box"); return }
        #expect(note.title == "Architecture" && note.ids == ["onnx-docs"])
    }

    @Test func thePopoverNamesSeeAndTheReviewDate() {
        let s = press(Self.state(), keys("1", Key.tab, Key.enter))
        #expect((s.current as? GlossaryPopover)?.glossaryID == "architecture")
        let buf = render(s)
        #expect(Self.row(buf, "See: ") != nil)
        #expect(Self.row(buf, "as of 2026-11 · 1 source") != nil)
    }

    @Test func compareShowsTheSourcesOfTheArchitecturesShown() throws {
        let key = Keymap.key(.sources, in: .compare)
        var s = press(Self.state(120, 30), keys("c"))
        s.compare.picked = ["cnn", "ssm"]
        s.compare.list.index = try #require(s.compare.items(s.context).firstIndex { if case .architecture = $0 { return true }; return false })
        #expect(Self.row(render(s), "as of 2026-10 · 1 source · \(key) lists them") != nil)
        s = press(s, keys(key))
        guard let note = (s.current as? SourcesBox)?.note else { Issue.record("no sources box"); return }
        #expect(note.ids == ["resnet-paper"])
    }
}
