import Testing
@testable import NNGuideUI

/// What issue 23's fourth retest found in Decide: hints and Esc that said one thing and did another.
@Suite struct Retest4Tests {
    static func hint(_ s: AppState) -> String { render(s).lines.last ?? "" }

    /// After a flip is applied, Backspace undoes it before it goes back: the hint said "back".
    @Test func backspaceIsOfferedAsUndoWhileAFlipIsApplied() {
        let before = press(Fixture.state(), DecideFlipsTests.result + keys("G"))
        #expect(Self.hint(before).contains("back"), "\(Self.hint(before))")
        // `j` at the bottom: the message line ("Applied: ...") stands where the hint line is until a key.
        let applied = press(before, [.tab, .enter] + keys("j"))
        #expect(Self.hint(applied).contains("undo") && !Self.hint(applied).contains("back"), "\(Self.hint(applied))")
        let undone = press(applied, [.backspace] + keys("j"))
        #expect(!Self.hint(undone).contains("undo"), "\(Self.hint(undone))")
        #expect(undone.decide.top is RecommendationScreen)
    }

    /// `y` shows the command under the form "(y hides it)"; Esc hides it too, and stays in the form.
    @Test func escClosesTheCommandBoxAndStaysInTheForm() {
        let open = press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.ctrl("y")))
        #expect(shown(open).contains("nnguide recommend --modality"), "\(shown(open))")
        let closed = press(open, [.escape])
        #expect(closed.decide.top is BriefScreen)
        #expect(!shown(closed).contains("nnguide recommend --modality"), "\(shown(closed))")
    }
}
