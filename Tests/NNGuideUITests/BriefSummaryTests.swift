import Testing
@testable import NNGuideUI

/// The pick beside the wide form follows `DecisionSection`'s order (reasons, then warnings), and
/// its reasons give way when the pane is short, so a warning is never below its bottom.
@Suite struct BriefSummaryTests {
    static let filled = DecideScreenTests.screens.first { $0.0 == "decide-brief-filled" }!.1

    /// The right-hand pane's rows (right of the divider).
    static func pane(_ s: AppState) -> [String] {
        render(s).lines.dropLast(2).map { line in line.split(separator: "\u{2502}", maxSplits: 1).dropFirst().first.map(String.init) ?? "" }
    }

    @Test func reasonsComeBeforeWarnings() throws {
        let rows = Self.pane(press(Fixture.state(80, 24), Self.filled))
        let reason = try #require(rows.firstIndex { $0.contains("\u{2022} ") }, "no reason shown")
        let warning = try #require(rows.firstIndex { $0.contains("! ") }, "no warning shown")
        #expect(reason < warning)
        #expect(!rows.joined().contains("more reasons"), "everything fits at 80x24")
    }

    @Test func onAShortPaneTheReasonsGiveWayToTheWarnings() throws {
        let rows = Self.pane(press(Fixture.state(80, 14), Self.filled))
        let text = rows.joined(separator: "\n")
        #expect(text.contains("! Start from a pretrained") && text.contains("! With under 1,000 labels"), "a warning is cut:\n\(text)")
        #expect(text.contains("more reasons (\(Keymap.key(.decide(.recommendation), in: .brief)))"), "the reasons cut say so:\n\(text)")
        #expect(text.contains("Pick: Transformer"))
    }
}
