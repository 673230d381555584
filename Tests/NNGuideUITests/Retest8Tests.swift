import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// What the eighth retest of issue 23 found in the explorer: `q` on the recommendation stayed while
/// find marks were on it (it cleared them, as Esc does); in Compare a matrix's digit moved the focus
/// into the table and an architecture's did not, and the status line was cut at 40 columns.
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
        let picked = press(s, keys(String(a), x, Key.down, x))
        try #require(picked.compare.picked.count == 2)
        let lines = render(picked).lines
        let status = lines[lines.count - 2]
        #expect(status.contains("Compare \(picked.context.glyphs.sep) list"), "\(w)x\(h): \(status)")
        #expect(!status.contains(picked.context.glyphs.ellipsis), "\(w)x\(h): the status line is cut: \(status)")
        #expect(status.contains("2 picked"))
    }
}
