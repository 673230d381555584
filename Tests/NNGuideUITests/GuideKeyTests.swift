import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Issue 22's design review, point 1: every cache of what was worked out from the guide is keyed on
/// which guide it is (`Library.generation`), so the whole guide arriving after the preview
/// (`AppState.replaceLibrary`) under the same brief is judged again, and the library's pages are
/// kept per glyph set, not per "ASCII or not".
@Suite struct GuideKeyTests {
    /// The fixture with one architecture under another name: the same brief, another recommendation text.
    static func renamed(_ id: String) -> Guide {
        let g = Fixture.guide
        var catalog = g.catalog
        catalog.architectures = catalog.architectures.map { a -> Architecture in
            var a = a
            if a.id == id { a.name = "Zebranet"; a.short = "Zebranet" }
            return a
        }
        return Guide(pages: g.pages, glossary: g.glossary, catalog: catalog, decisions: g.decisions, sources: g.sources)
    }

    @Test func anotherGuideUnderTheSameBriefIsJudgedAgain() throws {
        let form = keys("d3", "4", Key.down, "6", Key.down, "500", Key.enter)
        for path in [form, form + [.ctrl("r")]] {
            let s = press(Fixture.state(), path)
            let pick = try #require(s.draft.recommendation(s.library)?.pick)
            #expect(render(s).lines.joined().contains(pick.name), "the screen names the pick")
            let (whole, _) = update(s, .wholeGuide(Self.renamed(pick.id)))
            #expect(whole.library.generation != s.library.generation)
            #expect(whole.draft.values == s.draft.values, "the same brief")
            #expect(whole.draft.recommendation(whole.library)?.pick.name == "Zebranet")
            let screen = render(whole).lines.joined(separator: "\n")
            #expect(screen.contains("Zebranet"), "the screen names the pick the new guide gives:\n\(screen)")
            #expect(whole.violations().isEmpty, "\(whole.violations())")
        }
    }

    @Test func everyLibraryIsAnotherGuide() {
        let a = Library(guide: Fixture.guide), b = Library(guide: Fixture.guide)
        #expect(a.generation != b.generation)
    }

    @Test func pagesAreKeptPerGlyphSetNotPerASCIIFlag() throws {
        let lib = Library(guide: Fixture.guide)
        var boxed = Glyphs.unicode
        boxed.box = BoxStyle.ascii.chars
        #expect(!boxed.ascii && boxed != .unicode)
        let entry = try #require(Fixture.guide.page("what-networks-do"))
        let fresh = PageLayout.document(unit: entry, guide: Fixture.guide, width: 80, glyphs: boxed).lines.map(\.text)
        let unicode = lib.document("what-networks-do", width: 80, glyphs: .unicode).lines.map(\.text)
        try #require(fresh != unicode, "the page draws nothing with the box characters: the test says nothing")
        #expect(lib.document("what-networks-do", width: 80, glyphs: boxed).lines.map(\.text) == fresh)
    }

    /// Compare lays its table out once per state and size: after each key the fit has kept the
    /// table the frame and the status line read, and it is the table the state gives.
    @Test func compareKeepsOneTableLaidOutForItsState() {
        var s = Fixture.state()
        for k in keys("c", "jjx", "jx", "o", Key.tab, "l", "l", "h", "T", "o", Key.tab, "/", "m", Key.enter) {
            s = update(s, k)
            #expect(s.compare.laid.holds(s.compare.tableKey(s.context)), "\(k.label): a frame would lay the table out again")
            #expect(s.violations().isEmpty, "\(k.label): \(s.violations())")
        }
        let misses = s.compare.laid.misses
        for _ in 0..<3 { _ = render(s) }
        s = update(s, .resize(width: 80, height: 24))
        #expect(s.compare.laid.misses == misses, "the same state and size laid out again")
    }
}
