import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// The components every view is built from (issue 22): Viewport, SelectList, TextField, Memo.
@Suite struct ViewportTests {
    /// A document of `n` lines "line 0", "line 1", ...; line 3 holds link 0.
    static func doc(_ n: Int) -> Document {
        var d = Document()
        d.lines = (0..<n).map { DocLine([Span("line \($0)")]) }
        d.lines[3] = DocLine([Span("see "), Span("this", .link, link: 0)])
        return d
    }

    @Test func aPageIsAScreenfulAndTheTopStaysInTheDocument() {
        var v = DocumentViewport()
        #expect(v.scroll(.pageDown, lines: 50, height: 10) && v.top == 10)
        #expect(v.scroll(.pageUp, lines: 50, height: 10) && v.top == 0)
        #expect(v.scroll(.bottom, lines: 50, height: 10) && v.top == 40)
        #expect(v.scroll(.lineDown, lines: 50, height: 10) && v.top == 40)
        let other = v.scroll(.open, lines: 50, height: 10)
        #expect(!other)
        // A short document never scrolls.
        #expect(v.scroll(.pageDown, lines: 5, height: 10) && v.top == 0)
        #expect(DocumentViewport.page(0) == 1)
    }

    @Test func revealMovesAsLittleAsItCan() {
        var v = DocumentViewport(top: 10)
        v.reveal(25..<27, lines: 50, height: 10)
        #expect(v.top == 17)
        v.reveal(12..<13, lines: 50, height: 10)
        #expect(v.top == 12)
        // A line off screen is put a third of the way down; one on screen leaves the page alone.
        v.reveal(line: 40, lines: 50, height: 9)
        #expect(v.top == 37)
        v.reveal(line: 41, lines: 50, height: 9)
        #expect(v.top == 37)
    }

    @Test func drawingMarksTheFocusedLinkTheFindsAndTheSelection() {
        let d = Self.doc(10)
        var buf = Buffer(width: 12, height: 4)
        let v = DocumentViewport(top: 2)
        let finds = [FindMatch(line: 2, start: 0, length: 4), FindMatch(line: 4, start: 5, length: 1)]
        v.draw(d, in: buf.bounds, into: &buf, .init(link: 0, finds: finds, current: 1, selected: 5..<6))
        #expect(buf.lines.map { $0.trimmingCharacters(in: .whitespaces) } == ["line 2", "see this", "line 4", "line 5"])
        #expect(buf[0, 0].role == .match && buf[4, 0].role == .text)
        #expect(buf[4, 1].role == .linkFocus && buf[0, 1].role == .text)
        #expect(buf[5, 2].role == .matchFocus)
        // The selection bar fills its whole row.
        #expect(buf[0, 3].role == .selection && buf[11, 3].role == .selection)
    }

    @Test func aWideLineScrollsSidewaysPastItsFrozenColumns() {
        var d = Document()
        d.lines = [DocLine([Span("AB|cdefgh")], wide: true), DocLine([Span("prose")])]
        var buf = Buffer(width: 8, height: 2)
        var v = DocumentViewport()
        v.left = 2
        v.draw(d, in: buf.bounds, into: &buf, .init(frozen: 2))
        #expect(buf.lines == ["AB|efgh ", "prose   "])
        // Clicks find what was drawn there, shifted the same way.
        #expect(v.hit(d, x: 1, y: 1, in: buf.bounds)?.line == 1)
        #expect(v.hit(d, x: 1, y: 5, in: buf.bounds) == nil)
    }

    @Test func clicksFindTheLinkDrawnThere() {
        let d = Self.doc(10)
        let v = DocumentViewport(top: 2)
        let r = Rect(x: 2, y: 1, width: 20, height: 5)
        #expect(v.hit(d, x: 6, y: 2, in: r)?.link == 0)
        #expect(v.hit(d, x: 3, y: 2, in: r)?.link == nil)
        #expect(v.hit(d, x: 3, y: 2, in: r)?.line == 3)
    }

    @Test func aSelectListFillsTheChosenRowAndKnowsWhichRowWasClicked() {
        var list = SelectList()
        list.index = 5
        list.fit(count: 20, height: 3)
        #expect(list.top == 3)
        var buf = Buffer(width: 6, height: 4)
        var drawn: [Int] = []
        let r = Rect(x: 0, y: 1, width: 6, height: 3)
        list.draw(count: 20, in: r, into: &buf) { i, row, buf in
            drawn.append(i)
            buf.put("\(i)", x: row.x, y: row.y, role: .text)
        }
        #expect(drawn == [3, 4, 5])
        #expect(buf[5, 3].role == .selection && buf[5, 2].role == .text)
        #expect(list.line(atY: 2, in: r, count: 20) == 4)
        #expect(list.line(atY: 0, in: r, count: 20) == nil)
        #expect(list.line(atY: 3, in: r, count: 4) == nil)
        // A page moves the cursor and the rows under it together.
        #expect(list.move(.pageDown, count: 20, height: 3) && list.index == 8 && list.top == 6)
    }

    /// The list, not the row closure, paints the choice (ratatui's `highlight_style`): whatever roles
    /// a row is drawn in, the chosen row and only it ends in the selection role across the list's
    /// width, its text untouched, the marks that show through a bar (`Role.throughBar`) kept.
    @Test func aSelectListPaintsExactlyTheChosenRowWhateverTheRowDraws() {
        let roles = Role.allCases
        var list = SelectList()
        list.index = 6
        list.fit(count: 10, height: 4)
        // A margin column either side and a row above and below, drawn before the list, stays as it was.
        var buf = Buffer(width: 14, height: 6)
        buf.fill(buf.bounds, "#", role: .border)
        let r = Rect(x: 1, y: 1, width: 12, height: 4)
        var wrote: [Int: [Role]] = [:]
        list.draw(count: 10, in: r, into: &buf) { i, row, buf in
            // Each row in a different run of every role, the bar's own and the marks included; the last
            // two columns left undrawn.
            let mine = (0..<(row.width - 2)).map { roles[(i + $0) % roles.count] }
            for (k, role) in mine.enumerated() { buf.put("\(k % 10)", x: row.x + k, y: row.y, role: role) }
            wrote[i] = mine
        }
        #expect(list.top <= 6 && 6 < list.top + 4)
        for y in 0..<buf.height {
            for x in 0..<buf.width {
                let cell = buf[x, y]
                guard r.contains(x: x, y: y) else {
                    #expect(cell.text == "#" && cell.role == .border, "outside the list at \(x),\(y)")
                    continue
                }
                let i = list.top + y - r.y, k = x - r.x
                let drawn = wrote[i].flatMap { k < $0.count ? $0[k] : nil }
                if i == list.index {
                    let want: Role = drawn.map { Role.throughBar.contains($0) ? $0 : .selection } ?? .selection
                    #expect(cell.role == want, "chosen row \(i), column \(k): \(cell.role)")
                    #expect(cell.text == (drawn == nil ? " " : "\(k % 10)"))
                } else {
                    // An unchosen row is the closure's own: nothing of the bar on it.
                    #expect(cell.role == (drawn ?? .border), "row \(i), column \(k): \(cell.role)")
                }
            }
        }
        // The bar's role is the list's to choose (compare's list while its table has the keys).
        var plain = Buffer(width: 6, height: 2)
        list.index = 0; list.top = 0
        list.draw(count: 2, in: plain.bounds, into: &plain, bar: .text) { i, row, buf in buf.put("ab", x: row.x, y: row.y, role: .strong) }
        #expect((0..<6).allSatisfy { plain[$0, 0].role == .text } && plain[0, 1].role == .strong && plain[5, 1].role == .text)
    }

    @Test func aTextFieldTypesAtItsCursor() {
        var f = TextField("bas")
        #expect(f.cursor == 3)
        #expect(f.edit(.type("e")) && f.text == "base")
        #expect(f.edit(.deleteBackward) && f.text == "bas")
        let other = f.edit(.open)
        #expect(!other)
        #expect(f.shown(room: 3, glyphs: .unicode) == ("as", ""))
        // Left and Right move the cursor; typing goes in where it stands, and it stays in view.
        _ = f.edit(.scrollLeft); _ = f.edit(.scrollLeft)
        #expect(f.cursor == 1 && f.edit(.type("i")) && f.text == "bias")
        #expect(f.shown(room: 3, glyphs: .unicode) == ("bi", "a"))
        _ = f.edit(.scrollRight); _ = f.edit(.scrollRight); _ = f.edit(.scrollRight)
        #expect(f.cursor == 4)
        var buf = Buffer(width: 8, height: 1)
        _ = f.edit(.scrollLeft)
        f.focused = true
        f.render(label: "/", at: 0, y: 0, width: 8, into: &buf, glyphs: .unicode)
        #expect(buf.line(0) == "/bias   " && buf[4, 0].role == .selection && buf[3, 0].role == .prompt)
        #expect(f.edit(.clearField) && f.text.isEmpty && f.cursor == 0)
        #expect(f.edit(.deleteBackward) && f.text.isEmpty)
    }

    @Test func aMemoKeepsOneValueForItsKey() {
        var m = Memo<Int, String>()
        #expect(m.peek(1) == nil)
        #expect(m.keep(1, "one") == "one")
        #expect(m.peek(1) == "one" && m.holds(1) && m.peek(2) == nil)
        m.keep(2, "two")
        #expect(m.peek(1) == nil && m.peek(2) == "two" && m.misses == 2)
    }
}
