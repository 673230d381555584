import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Issue 22's last review: the popover and the sources box are screens of the one stack, the find
/// prompt is the screen's own state, and the Library's caches are `Memo`s that never hand back a
/// value worked out for another key.
@Suite struct ModalAndCacheTests {
    // MARK: the caches

    @Test func aMemoWithALimitKeepsTheNewestAndNeverMixesKeys() {
        var m = Memo<Int, String>(limit: 3)
        for n in 1...5 { m.keep(n, "v\(n)") }
        #expect(m.count == 3 && m.peek(1) == nil && m.peek(2) == nil)
        #expect(m.peek(3) == "v3" && m.peek(5) == "v5")
        // Kept again under a key it holds: one value for the key, the new one.
        m.keep(3, "again")
        #expect(m.peek(3) == "again" && m.count == 3 && m.misses == 6)
    }

    @Test func aSearchWithOtherWordsIsSearchedAgain() {
        let lib = Library(guide: Fixture.guide)
        let fresh = Library(guide: Fixture.guide)
        let first = lib.search("attention")
        let second = lib.search("overfitting")
        #expect(first.query == "attention" && second.query == "overfitting")
        #expect(second == fresh.search("overfitting"))
        #expect(first != second)
        // The same words asked as the broader search, or with other snippets, are another search.
        #expect(lib.search("overfitting", anyWord: true).anyWord)
        #expect(lib.search("overfitting", snippetLength: 20) == fresh.search("overfitting", snippetLength: 20))
        #expect(lib.search("overfitting") == fresh.search("overfitting"))
    }

    @Test func aFilterAfterAChangeIsFilteredAgain() {
        let lib = Library(guide: Fixture.guide)
        let ids = { (q: String) in lib.filterGlossary(q).map(\.id) }
        let matcher = GlossaryMatcher(entries: Fixture.guide.glossary)
        let attention = ids("attention")
        #expect(attention.contains("attention"))
        let loss = ids("loss")
        #expect(loss == matcher.matches("loss").map(\.entry.id))
        #expect(loss != attention)
        #expect(ids("attention") == attention)
    }

    @Test func aDocumentAtAnotherWidthIsLaidOutAgain() throws {
        let lib = Library(guide: Fixture.guide)
        let entry = try #require(Fixture.guide.page("what-networks-do"))
        func fresh(_ w: Int, _ g: Glyphs = .unicode) -> [String] {
            PageLayout.document(unit: entry, guide: Fixture.guide, width: w, glyphs: g).lines.map(\.text)
        }
        let wide = lib.document("what-networks-do", width: 80, glyphs: .unicode).lines.map(\.text)
        let narrow = lib.document("what-networks-do", width: 40, glyphs: .unicode).lines.map(\.text)
        #expect(wide == fresh(80) && narrow == fresh(40) && wide != narrow)
        #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(lib.document("what-networks-do", width: 40, glyphs: .plain).lines.map(\.text) == fresh(40, .plain))
        // More widths than are kept: the oldest is dropped and laid out again, still right.
        for w in 41...260 { _ = lib.document("what-networks-do", width: w, glyphs: .unicode) }
        #expect(lib.document("what-networks-do", width: 80, glyphs: .unicode).lines.map(\.text) == fresh(80))
    }

    // MARK: the modal boxes on the one stack

    @Test func thePopoverIsAScreenOnTheReadersStack() {
        var s = press(Fixture.state(), keys("1", Key.tab, Key.enter))
        #expect(s.modalOnTop && s.stack == [.reader] && s.screen == .reader)
        #expect(s.violations().isEmpty, "\(s.violations())")
        // The reader still draws beneath it and names the status line.
        let under = press(Fixture.state(), keys("1", Key.tab))
        #expect(render(s).line(22) == render(under).line(22))
        s = update(s, .escape)
        #expect(!s.modalOnTop && s.stack.isEmpty && s.screen == .reader)
        // Back, with nothing over the reader, is Back in history again.
        s = update(s, .backspace)
        #expect(s.screen == .home)
    }

    @Test func aClickClosesTheBoxAndDoesNothingElse() {
        var s = press(Fixture.state(), keys("1", Key.tab, Key.enter))
        let unit = s.reader.unit
        s = update(s, .mouse(x: 5, y: 5, .click))
        #expect(!s.modalOnTop && s.stack.isEmpty && s.reader.unit == unit && s.screen == .reader)
    }

    @Test func enterInThePopoverOpensTheGlossaryAndBackReturnsToThePageWithoutIt() {
        var s = press(Fixture.state(), keys("1", Key.tab, Key.enter, Key.enter))
        #expect(s.screen == .glossary && (s.stacks[.reader] ?? []).isEmpty)
        s = update(s, .backspace)
        #expect(s.screen == .reader && !s.modalOnTop)
    }

    @Test func theFindPromptIsTheReadersOwn() {
        var s = press(Fixture.state(), keys("1", "/", "net"))
        #expect(s.reader.find.prompt?.field.text == "net" && s.reader.find.text == "net")
        #expect(render(s).line(23).hasPrefix("/net"))
        s = update(s, .enter)
        #expect(s.reader.find.prompt == nil && s.reader.find.text == "net")
        s = press(s, keys("/", "x", Key.escape))
        #expect(s.reader.find.prompt == nil && s.reader.find.isEmpty)
    }
}
