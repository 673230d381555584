import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// What the eighth retest of issue 23 found in the explorer: `q` on the recommendation stayed while
/// find marks were on it (it cleared them, as Esc does).
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
}
