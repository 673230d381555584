import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// What the eighth retest of issue 23 found in the explorer: `q` on the recommendation stayed while
/// find marks were on it (it cleared them, as Esc does); in Compare a matrix's digit moved the focus
/// into the table and an architecture's did not, the status line was cut at 40 columns, the table came
/// back mid-cell and a row rule sat under the header's; a paste on a brief's field was refused.
@Suite struct Retest8Tests {
    static func hintLine(_ s: AppState) -> String { render(s).lines.last ?? "" }

    // MARK: (a) q leaves as less's q, find marks or not; Esc clears them first, as vim's

    @Test(arguments: [(40, 12), (80, 24)])
    func qLeavesTheRecommendationWithFindMarksOnIt(_ w: Int, _ h: Int) throws {
        let s = try DecideFindTests.recommendation(w, h)
        let marked = press(s, keys("/model", Key.enter))
        try #require(!(try #require(marked.decide.top as? RecommendationScreen)).find.isEmpty, "no marks to leave with")
        let q = Keymap.key(.leave, in: .recommendation)
        let left = press(marked, keys(q))
        #expect(left.decide.top is BriefScreen, "\(w)x\(h): \(q) with find marks stayed on \(left.decide.scopes)")
        // The same as without marks.
        #expect(press(s, keys(q)).decide.top is BriefScreen)
        // Esc clears the marks and stays; the next Esc leaves.
        let esc = press(marked, [.escape])
        #expect((esc.decide.top as? RecommendationScreen)?.find.isEmpty == true)
        #expect(press(esc, [.escape]).decide.top is BriefScreen)
        // The hint line offers the key that leaves, named from the keymap.
        #expect(Self.hintLine(s).contains(q + " "), "\(w)x\(h): \(Self.hintLine(s))")
    }

    @Test func qAtAPickDoesWhatItDoesWithoutFindMarks() throws {
        let app = AppState(library: try #require(BriefFormChoiceTests.library), width: 80, height: 24)
        let pick = press(app, keys("d1", "22"))
        try #require(pick.decide.session?.atPick == true)
        let marked = press(pick, keys("/the", Key.enter))
        try #require(marked.decide.session?.find.isEmpty == false)
        let q = Keymap.key(.quit)
        #expect(press(marked, keys(q)).quit == press(pick, keys(q)).quit)
        #expect(press(marked, keys(q)).quit)
        // Esc still clears the marks first and stays at the pick.
        let esc = press(marked, [.escape])
        #expect(esc.decide.session?.find.isEmpty == true && esc.decide.session?.atPick == true && !esc.quit)
    }

    // MARK: (b) Compare

    static func compare(_ w: Int, _ h: Int) throws -> AppState {
        press(AppState(library: try #require(BriefFormChoiceTests.library), width: w, height: h), keys("c"))
    }

    /// The list's first matrix and first architecture, by number.
    static func rows(_ s: AppState) throws -> (matrix: Int, architecture: Int) {
        let all = s.compare.items(s.context)
        let m = try #require(all.firstIndex { if case .matrix = $0 { return true } else { return false } })
        let a = try #require(all.firstIndex { if case .architecture = $0 { return true } else { return false } })
        try #require(a < 9 && m < 9, "no digit reaches both kinds of row")
        return (m + 1, a + 1)
    }

    @Test func aDigitLeavesTheFocusWhereItWasOnEveryRowWhenBothPanesShow() throws {
        let s = try Self.compare(80, 24)
        try #require(s.compare.bothShown(s.context.rect))
        let (m, a) = try Self.rows(s)
        for row in [m, a] {
            let fromList = press(s, keys(String(row)))
            #expect(!fromList.compare.tableFocus, "row \(row) from the list moved the focus into the table")
            #expect(fromList.compare.list.index == row - 1)
            let fromTable = press(s, [.tab] + keys(String(row)))
            #expect(fromTable.compare.tableFocus, "row \(row) from the table moved the focus to the list")
            #expect(fromTable.compare.list.index == row - 1)
        }
    }

    @Test(arguments: [(40, 12), (80, 24)])
    func theStatusLineSaysWhichPaneWhole(_ w: Int, _ h: Int) throws {
        let s = try Self.compare(w, h)
        let (_, a) = try Self.rows(s)
        let x = Keymap.key(.toggle, in: .compare)
        // Where one pane shows at a time the digit shows the table (ninth retest): Tab back to the list.
        var picked = press(s, keys(String(a)))
        if picked.compare.tableFocus { picked = press(picked, [.tab]) }
        picked = press(picked, keys(x, Key.down, x))
        try #require(picked.compare.picked.count == 2)
        let lines = render(picked).lines
        let status = lines[lines.count - 2]
        #expect(status.contains("Compare \(picked.context.glyphs.sep) list"), "\(w)x\(h): \(status)")
        #expect(!status.contains(picked.context.glyphs.ellipsis), "\(w)x\(h): the status line is cut: \(status)")
        #expect(status.contains("2 picked"))
    }

    /// The table's scrolling lines (under its fixed head) and whether line `i` of them is a row rule.
    static func body(_ s: AppState) -> [String] {
        let doc = s.compare.document(s.context)
        return doc.lines.dropFirst(doc.head(height: s.compare.panes(s.context.rect).table.height)).map(\.text)
    }
    static func isRule(_ s: AppState, _ i: Int) -> Bool {
        let b = body(s)
        return b.indices.contains(i) && b[i].hasPrefix(s.context.glyphs.box.left)
    }

    /// At 80x24 (at 40 columns the table is cards, with no row rules to stop at).
    @Test func theTableComesBackFromARowBoundary() throws {
        let (w, h) = (80, 24)
        let s = try Self.compare(w, h)
        // Into the table, down until the top is inside a cell (a row taller than one line).
        var t = press(s, [.tab])
        try #require(Self.body(t).indices.contains { Self.isRule(t, $0) }, "no row rules in the table")
        while t.compare.grid.top == 0 || Self.isRule(t, t.compare.grid.top - 1) {
            let before = t.compare.grid.top
            t = press(t, keys("j"))
            try #require(t.compare.grid.top > before, "\(w)x\(h): no cell taller than a line to stop in")
        }
        let back = press(t, [.tab] + keys("/") + [.escape, .tab])
        #expect(back.compare.tableFocus)
        let top = back.compare.grid.top
        #expect(top == 0 || Self.isRule(back, top - 1), "\(w)x\(h): the table came back at \(Self.body(back)[top])")
    }

    @Test(arguments: [(40, 12), (80, 24)])
    func pagingNeverPutsARowRuleUnderTheHeader(_ w: Int, _ h: Int) throws {
        let all = try Self.compare(w, h)
        let matrices = all.compare.items(all.context).indices.filter { if case .matrix = all.compare.items(all.context)[$0] { return true } else { return false } }
        let (_, a) = try Self.rows(all)
        let picks = keys(String(a), "x", Key.down, "x", Key.down, "x")
        var checked = 0
        for start in matrices.filter({ $0 < 9 }).map({ keys(String($0 + 1)) }) + [picks, picks + keys("T")] {
            let m = checked
            var s = press(all, start)
            if !s.compare.tableFocus { s = press(s, [.tab]) }
            for key in [Key.pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageUp, .pageUp, .pageUp, .pageDown, .down, .down, .up] {
                s = press(s, [key])
                #expect(!Self.isRule(s, s.compare.grid.top), "\(w)x\(h) matrix \(m + 1): a row rule under the header at \(s.compare.grid.top)")
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    // MARK: (d) a paste on the brief's field filters as typing does

    @Test(arguments: ["image", "image "])
    func aPasteOnTheFormsChoiceFieldChoosesAsTypingDoes(_ pasted: String) throws {
        let app = AppState(library: try #require(BriefFormChoiceTests.library), width: 80, height: 24)
        let form = press(app, keys("d3"))
        try #require(form.decide.top is BriefScreen)
        let typed = press(form, keys("image", Key.enter))
        let chosen = try #require(typed.decide.draft.values.first { $0.value.description == "image" }, "typing image chose nothing")
        let s = press(form, [.paste(pasted), .enter])
        #expect(s.message?.hasPrefix("A paste goes into") != true, "\(s.message ?? "")")
        #expect(s.decide.draft.values[chosen.key] == chosen.value, "\(s.decide.draft.values)")
    }

    @Test func aPasteWhereNothingTypesIsStillRefusedClearly() {
        let s = press(Fixture.state(80, 24), [.paste("image")])
        #expect(s.message?.hasPrefix("A paste goes into a text field") == true, "\(s.message ?? "")")
    }
}
