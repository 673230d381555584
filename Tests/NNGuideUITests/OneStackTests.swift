import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Issue 22: one stack of screens per view, Decide's screens on it. Returning from a screen lands
/// exactly where the user came from; leaving Decide and coming back finds its stack as it was;
/// Back at the bottom of a stack goes back in history, and says so when there is none.
@Suite struct OneStackTests {
    static func names(_ s: AppState) -> [String] { DecideStackTests.names(s) }
    /// Everything but the bottom line (a message there says what the last key did).
    static func screen(_ s: AppState) -> [String] { Array(render(s).lines.dropLast()) }

    @Test func theMapFromARecommendationReturnsToTheSameRecommendationAndPick() throws {
        // A flip applied first, so the pick is the recommendation screen's own, not the form's first.
        let rec = press(Fixture.state(), DecideFlipsTests.result + [.tab, .enter])
        let pick = try #require(rec.draft.recommendation(Fixture.library)?.pick.id)
        try #require(render(rec).lines.joined().contains("Changed: "))
        for close in [Key.escape, .backspace, .char("M")] {
            let s = press(rec, keys("M", "jj") + [close])
            #expect(Self.names(s) == ["HubScreen", "BriefScreen", "RecommendationScreen"], "\(close.label)")
            #expect(try s.decide.form == rec.decide.form && s.draft == rec.draft && s.draft.recommendation(Fixture.library)?.pick.id == pick, "\(close.label)")
            #expect(Self.screen(s) == Self.screen(rec), "\(close.label) did not land on the same recommendation")
            #expect(s.violations().isEmpty)
        }
    }

    @Test func theFlipsListReturnsToTheFormAsItWasLeft() throws {
        let form = press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.down, "500", Key.enter, Key.up))
        var s = press(form, [.ctrl("r"), .tab, .enter])
        #expect(s.draft.values != form.draft.values, "no flip was applied, so the test shows nothing")
        // Backspace undoes the flip; once none is left, it returns to the form.
        s = press(s, [.backspace])
        #expect(s.decide.top is RecommendationScreen && s.draft.values == form.draft.values)
        s = press(s, [.backspace])
        #expect(Self.names(s) == ["HubScreen", "BriefScreen"])
        #expect(try s.draft.values == form.draft.values && s.decide.form.field == form.decide.form.field)
        #expect(Self.screen(s) == Self.screen(form), "the form is not as it was left")
    }

    @Test func theComparisonOfTwoSavedBriefsReturnsToTheListAtTheSameBrief() {
        var s = press(Fixture.state(), keys("d5"))
        s = update(s, .done(.briefsListed(SavedBriefsScreenTests.listed, folder: "/b"), to: s.topAsker)).0
        let list = press(s, keys("v", "j"))
        s = press(list, keys("v"))
        #expect(Self.names(s) == ["HubScreen", "SavedBriefsScreen", "BriefComparisonScreen"])
        s = press(s, [.backspace])
        #expect(Self.names(s) == ["HubScreen", "SavedBriefsScreen"])
        #expect((s.decide.top as? SavedBriefsScreen)?.menu.index == 1)
        #expect(Self.screen(s) == Self.screen(list))
    }

    @Test func leavingDecideForSearchAndComingBackFindsItsStackAsItWas() {
        // A map over a variant tree over a pick: three screens over the hub.
        let decide = press(Fixture.state(), keys("d1", "22", "1", "M", "j"))
        #expect(Self.names(decide) == ["HubScreen", "TreeSession", "TreeSession", "DecisionMap"])
        var s = press(decide, keys("s", "attention", Key.escape))
        #expect(s.screen == .search && s.stack.isEmpty)
        s = press(s, [.backspace])
        #expect(s.screen == .decide && Self.names(s) == Self.names(decide))
        #expect(Self.screen(s) == Self.screen(decide), "Decide's stack changed while Search was shown")
        #expect(s.violations().isEmpty)
        // Help pushed over it closes when Search opens from help; Decide's own screens stay.
        s = press(decide, keys("?", "s", "x", Key.escape, Key.backspace))
        #expect(s.screen == .decide && s.stack == [.decide, .decide, .decide] && Self.names(s) == Self.names(decide))
        #expect(s.violations().isEmpty)
        // Forward and Back again: the same.
        s = press(s, keys("F", Key.escape, Key.backspace))
        #expect(Self.screen(s) == Self.screen(decide))
    }

    @Test func backspaceAtTheBottomOfAStackSaysThereIsNothingToGoBackTo() {
        #expect(press(Fixture.state(), [.backspace]).message == "Nothing to go back to")
        // Decide's hub is the bottom of Decide's stack: Back there is the app's, to home, then nothing.
        let home = press(Fixture.state(), keys("d", Key.backspace))
        #expect(home.screen == .home && home.message == nil)
        #expect(press(home, [.backspace]).message == "Nothing to go back to")
        // Every screen over the hub is popped first, one Backspace each, then the same.
        let hub = press(Fixture.state(), keys("d2", "1", Key.backspace, Key.backspace))
        #expect(Self.names(hub) == ["HubScreen"] && hub.screen == .decide)
        #expect(press(hub, [.backspace, .backspace]).message == "Nothing to go back to")
    }

    @Test func theFormReopensOnTheFieldItWasLeftOn() throws {
        // The focus is the form's own, but the draft remembers it: closed by Back or by `d`, the form
        // opened again from the hub lands where the user was, with the brief as it was.
        let form = press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.down, "500", Key.enter, Key.down, Key.down))
        let field = try form.decide.form.field
        try #require(field > 1, "the focus never moved, so the test shows nothing")
        for leave in [[Key.backspace], [Key.escape]] {
            let s = press(form, leave + keys("3"))
            #expect(Self.names(s) == ["HubScreen", "BriefScreen"], "\(leave.map(\.label))")
            #expect(try s.decide.form.field == field && s.draft.values == form.draft.values, "\(leave.map(\.label))")
        }
        // A new brief starts at the top again.
        #expect(try press(form, keys(Key.ctrl("n"), Key.backspace, "3")).decide.form.field == 0)
    }

    @Test func aScreenPoppedIsForgottenAndOnePutAsideIsKept() {
        // The store holds exactly the screens on a stack (`violations` checks it after every key); the
        // session put aside and the map over it are Decide's (`DecideSessions`), not the app's stack's.
        var s = press(Fixture.state(), keys("d1", "22", "M", "d"))
        #expect(s.screens.pushedIDs.isEmpty && s.aside.count == 1 && s.aside[.tree("primary")]?.count == 2)
        s = press(s, keys("1", Key.escape, Key.backspace, Key.backspace, Key.backspace))
        #expect(s.screens.pushedIDs.isEmpty && s.aside.isEmpty && s.violations().isEmpty)
    }
}
