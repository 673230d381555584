import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// The shared pieces views are built from (issue 9): each rule checked once here, where it lives.
@Suite struct ComponentTests {
    // Links on lines 2, 5, 30 and 31 of a 40-line document, shown 10 lines at a time.
    static let lines = [2, 5, 30, 31]

    @Test func aPageTabsFromWhatIsOnScreen() {
        let f = LinkFocus.page
        // Nothing focused: the first link on screen, Shift-Tab the last.
        #expect(f.next(from: nil, lines: Self.lines, top: 0, height: 10, forward: true) == 0)
        #expect(f.next(from: nil, lines: Self.lines, top: 0, height: 10, forward: false) == 1)
        // The focused link scrolled away: start again on screen, not after it.
        #expect(f.next(from: 0, lines: Self.lines, top: 28, height: 10, forward: true) == 2)
        // Nothing on screen: the first link below it, or the last above it.
        #expect(f.next(from: nil, lines: Self.lines, top: 10, height: 10, forward: true) == 2)
        #expect(f.next(from: nil, lines: Self.lines, top: 10, height: 10, forward: false) == 1)
        // Round the ends.
        #expect(f.next(from: 3, lines: Self.lines, top: 28, height: 10, forward: true) == 0)
        // A link off screen is put a third of the way down; one on screen does not move the page.
        #expect(f.top(showing: 30, from: 0, height: 9, count: 40) == 27)
        #expect(f.top(showing: 5, from: 0, height: 10, count: 40) == 0)
    }

    @Test func anEntryOrASheetTabsInOrder() {
        for f in [LinkFocus.entry, .sheet] {
            #expect(f.next(from: nil, lines: Self.lines, top: 28, height: 10, forward: true) == 0)
            #expect(f.next(from: nil, lines: Self.lines, top: 0, height: 10, forward: false) == 3)
            #expect(f.next(from: 0, lines: Self.lines, top: 28, height: 10, forward: true) == 1)
            #expect(f.next(from: 0, lines: Self.lines, top: 0, height: 10, forward: false) == 3)
            #expect(f.next(from: nil, lines: [], top: 0, height: 10, forward: true) == nil)
        }
        // An entry centres a link it scrolls to; a sheet brings three lines after it along.
        #expect(LinkFocus.entry.top(showing: 30, from: 0, height: 10, count: 40) == 25)
        #expect(LinkFocus.sheet.top(showing: 30, from: 0, height: 10, count: 40) == 24)
        #expect(LinkFocus.sheet.top(showing: 8, from: 0, height: 10, count: 40) == 2)
    }

    @Test func aListOfTallItemsKeepsTheChosenOneWhole() {
        // Items of three lines each (a heading, a title, a snippet) in a list of 30 lines, 7 rows high.
        var c = ListCursor()
        let showing: (Int) -> Range<Int>? = { $0 * 3..<($0 * 3 + 3) }
        c.index = 4
        c.fit(count: 10, lines: 30, height: 7, showing: showing)
        #expect(c.top == 8)
        c.index = 1
        c.fit(count: 10, lines: 30, height: 7, showing: showing)
        #expect(c.top == 3)
        c.index = 99
        c.fit(count: 10, lines: 30, height: 7, showing: showing)
        #expect(c.index == 9 && c.top == 23)
        // The cursor alone moves on a step; fitting is the caller's.
        let moved = c.step(.lineUp, count: 10)
        #expect(moved && c.index == 8 && c.top == 23)
        let other = c.step(.open, count: 10)
        #expect(!other && c.index == 8)
    }

    /// Tall items page by the one rule of one-line lists: the cursor moves a screenful of lines on and
    /// the list turns with it, so the chosen item stays on the row it was on (it jumped to the bottom).
    @Test func aListOfTallItemsPagesAsAListOfLinesDoes() {
        let items = (0..<10).map { $0 * 3..<($0 * 3 + 3) }
        var l = SelectList()
        #expect(l.move(.pageDown, items: items, lines: 30, height: 7) && l.index == 2 && l.top == 6)
        #expect(l.move(.pageDown, items: items, lines: 30, height: 7) && l.index == 4 && l.top == 12)
        l.index = 9; l.top = 23
        #expect(l.move(.pageUp, items: items, lines: 30, height: 7) && l.index == 7 && l.top == 17)
        // One-line items: the same rule, a screen of items.
        var one = SelectList()
        #expect(one.move(.pageDown, count: 20, height: 3) && one.index == 3 && one.top == 3)
        #expect(one.move(.pageDown, items: (0..<20).map { $0..<($0 + 1) }, lines: 20, height: 3) && one.index == 6 && one.top == 6)
    }

    @Test func theScrollLabel() {
        #expect(DocumentViewport(top: 0).position(lines: 5, height: 10) == "All")
        #expect(DocumentViewport(top: 0).position(lines: 50, height: 10) == "Top")
        #expect(DocumentViewport(top: 40).position(lines: 50, height: 10) == "Bot")
        #expect(DocumentViewport(top: 10).position(lines: 50, height: 10) == "40%")
    }

    @Test func wrappingHangsUnderTheFirstLinesLead() {
        let runs = [StyledRun("one two three four", DocumentBuilder.Tag(.text, 0))]
        let lines = DocumentBuilder.wrapped(runs, width: 12, first: [Span(" 1  ", .accent)])
        #expect(lines.map { $0.map(\.text).joined() } == [" 1  one two", "    three", "    four"])
        #expect(lines.allSatisfy { $0.dropFirst().allSatisfy { $0.link == 0 } })
        // No lead: nothing before the other lines either.
        #expect(DocumentBuilder.wrapped(runs, width: 8).map { $0.map(\.text).joined() } == ["one two", "three", "four"])
    }

    /// A long first lead and a short indent after it (a compare card's "Gradient boosting: " then
    /// four spaces): the later lines use the room their own indent leaves, and no line is wider than
    /// the width. They used to wrap as narrow as the first, a column of short lines at 40 columns.
    @Test func laterLinesUseTheRoomTheirOwnIndentLeaves() {
        let runs = [StyledRun("aa bb cc dd ee ff gg hh", DocumentBuilder.Tag(.text, nil))]
        let lines = DocumentBuilder.wrapped(runs, width: 16, first: [Span("  Label long: ")], rest: [Span("    ")])
        #expect(lines.map { $0.map(\.text).joined() } == ["  Label long: aa", "    bb cc dd ee", "    ff gg hh"])
        // A rest wider than the first lead never overflows the width.
        let wide = DocumentBuilder.wrapped(runs, width: 12, first: [], rest: [Span("      ")])
        #expect(wide.allSatisfy { DisplayWidth.of($0.map(\.text).joined()) <= 12 })
        #expect(wide.map { $0.map(\.text).joined() } == ["aa bb cc dd", "      ee ff", "      gg hh"])
    }
}
