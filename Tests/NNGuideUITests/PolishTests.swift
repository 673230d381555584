import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Issue 23 items 7 and 11: hints that say what the keys do here, Home like every screen, Compare at 80x24.
@Suite struct PolishTests {
    func rows(_ s: AppState) -> [String] { render(s).lines }
    func hintLine(_ s: AppState) -> String { rows(s).last ?? "" }
    let back = Keymap.key(.back)
    let help = Keymap.key(.help)

    @Test func backIsNotOfferedWhenThereIsNothingToGoBackTo() {
        let fresh = Fixture.state()
        #expect(!hintLine(fresh).contains("\(back) back"), "\(hintLine(fresh))")
        #expect(press(fresh, [.backspace]).message == "Nothing to go back to")
        // Once there is somewhere to go back to, the hint says so again.
        let away = press(fresh, keys("t"))
        #expect(away.hintItems.contains { $0.keys == back && $0.words == "back" }, "\(away.hintItems)")
        #expect(!fresh.hintItems.contains { $0.keys == back })
    }

    @Test(arguments: [40, 44, 60, 80])
    func theHelpHintIsNeverDropped(_ width: Int) {
        for path in [keys(), keys("t"), keys("c"), keys("i", Key.escape), keys("t", Key.enter)] {
            let s = press(Fixture.state(width, 12), path)
            let line = hintLine(s)
            #expect(line.contains("\(help) help"), "\(width) cols after \(path): \(line)")
            #expect(DisplayWidth.of(line.trimmingCharacters(in: .whitespaces)) <= width)
        }
    }

    @Test func homeSaysWhereTheCursorIs() {
        let s = Fixture.state()
        let status = s.current.status(s.context).1
        let count = s.home.items(s.context).count
        #expect(status == "1/\(count)")
        #expect(press(s, [.down]).current.status(s.context).1 == "2/\(count)")
    }

    @Test func bookmarksAreRowsOfHomeThatScrollAndOpen() throws {
        var s = press(Fixture.state(40, 12), keys("t", Key.enter))
        try #require(s.screen == .reader)
        s = press(s, keys("m", "a"))
        #expect(s.message?.hasPrefix("Bookmark a set at") == true, "\(s.message ?? "nil")")
        #expect(s.message?.contains("'a") == false || s.message?.contains("(\(Keymap.key(.jumpToMark))a returns)") == true)
        s = press(s, keys("H"))
        try #require(s.screen == .home)
        // At 40x12 the list scrolls down to the bookmark, and Enter opens it.
        s = press(s, keys("G"))
        let screen = rows(s).joined(separator: "\n")
        // Narrow, the row is the bookmark's key and its place (issue 23: "Bookmark a 'a" said no place).
        let place = try #require(s.reading.bookmarks["a"].flatMap { s.context.guide.breadcrumb($0.page).last })
        #expect(screen.contains("'a " + String(place.prefix(10))), "\(screen)")
        let opened = press(s, [.enter])
        #expect(opened.screen == .reader)
    }

    @Test func compareAtEightyShowsTheTableUnderTheList() {
        let s = press(Fixture.state(80, 24), keys("c"))
        let p = s.compare.panes(s.contentRect)
        #expect(p.table.y > p.list.maxY - 1 && p.table.height >= 8, "\(p)")
        #expect(s.compare.showsList(s.context) && s.compare.showsTable(s.context))
        // The chosen matrix's title is on screen without Tab.
        guard case .matrix(let m)? = s.compare.items(s.context).first else { Issue.record("no matrix first"); return }
        let screen = rows(s).joined(separator: "\n")
        #expect(screen.contains(String(m.table.title.prefix(30))), "\(screen)")
        // At 40x12 it stays one at a time.
        let small = press(Fixture.state(40, 12), keys("c"))
        #expect(!small.compare.showsTable(small.context))
    }

    @Test func compareEnterHintSaysWhatEnterDoes() throws {
        let s = press(Fixture.state(80, 24), keys("c"))
        let enter = Keymap.key(.open, in: .compare)
        #expect(!hintLine(s).contains("\(enter) open"), "\(hintLine(s))")
        let n = try #require(s.compare.items(s.context).firstIndex { if case .architecture = $0 { return true }; return false })
        var a = s
        a.compare.list.index = n
        #expect(hintLine(a).contains("\(enter) pick"), "\(hintLine(a))")
        a = press(a, [.enter])
        #expect(a.compare.picked.count == 1)
        #expect(hintLine(a).contains("\(enter) drop"), "\(hintLine(a))")
    }

    @Test func slashFindsInHelp() throws {
        var s = press(Fixture.state(80, 24), keys("?"))
        try #require(s.screen == .help)
        let top = s.help.scroll.top
        s = press(s, keys("/", "transpose"))
        #expect(s.help.find.matches.count >= 1 && s.screen == .help)
        let line = try #require(s.help.find.current.map { s.help.find.matches[$0].line })
        #expect(line >= s.help.scroll.top && line < s.help.scroll.top + s.contentRect.height)
        #expect(render(s).lines.joined().contains("transpose"))
        s = press(s, [.enter])
        #expect(s.message?.contains("\"transpose\": match 1 of") == true, "\(s.message ?? "nil")")
        // Esc in the prompt goes back where help was.
        let back = press(press(Fixture.state(80, 24), keys("?")), keys("/", "zzqx", Key.escape))
        #expect(back.help.scroll.top == top && back.help.find.matches.isEmpty && back.screen == .help)
    }

    @Test func helpListsTheRecommendationKeysAndOpensAtThem() {
        let rows = Keymap.bindings.filter { $0.scope == .recommendation }
        // Esc and q back to the form (sixth retest); q as its own action, so find marks do not hold it (eighth).
        #expect(Set(rows.map(\.action)) == [.nextLink, .open, .back, .cancel, .leave])
        let s = press(Fixture.state(80, 24), keys("d3", "4", Key.down, "6", Key.ctrl("r"), "?"))
        #expect(s.screen == .help)
        // Help opens at the first section of the screen's keys (ninth retest: `y` above the top at a
        // pick), so the recommendation's own are at or below the top.
        let d = HelpView.document(width: s.context.rect.page.width, glyphs: s.context.glyphs)
        #expect(s.help.scroll.top == [Scope.recommendation, .decidePick, .decideTree, .decide].compactMap { d.places[HelpView.place($0)] }.min())
        let below = d.lines[s.help.scroll.top...].map(\.text).joined(separator: "\n")
        #expect(below.contains(Scope.recommendation.title) && below.contains("undo the last change applied"))
    }
}
