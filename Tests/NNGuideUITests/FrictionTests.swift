import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Four frictions newuser's retest found after issue 23, each pinned by a test that failed before its fix.
@Suite struct FrictionTests {
    /// Tab at the bottom of the recommendation went to the first "Read more" link far above; six Tabs
    /// reached "What would change the pick". On a focused change the hint said "Enter open".
    @Test func tabAtTheBottomOfTheRecommendationStaysOnScreenAndTheHintSaysApply() throws {
        var s = press(Fixture.state(), DecideFlipsTests.result + keys("G"))
        let before = try #require(s.decide.top as? RecommendationScreen)
        try #require(!before.shown.isEmpty, "the brief must have a flip")
        let top = before.pane.top
        s = press(s, [.tab])
        let after = try #require(s.decide.top as? RecommendationScreen)
        #expect(after.pane.top == top, "Tab scrolled from \(top) to \(after.pane.top)")
        // The last flip is one Shift-Tab from the bottom; its hint says what Enter does there.
        s = press(s, [.escape, .backTab])
        guard case .flip? = (s.decide.top as? RecommendationScreen)?.pane.focus else {
            Issue.record("Shift-Tab did not focus a flip"); return
        }
        let hint = render(s).lines.last ?? ""
        #expect(hint.contains("Enter apply") && !hint.contains("Enter open"), "\(hint)")
    }
}
