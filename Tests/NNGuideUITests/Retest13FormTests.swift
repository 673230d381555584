import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI
@testable import NNGuideEffects

/// What the thirteenth retest of issue 23 found in the brief form (frictions 1, 2 and 11). On the
/// shipped guide; each test fails on the code before.
@Suite struct Retest13FormTests {
    /// `d 3`, `^N`, `image Enter`, `class Enter`, `Esc`, `5` (the hub's saved list), `Enter` twice:
    /// the question said the brief was kept as a draft, and none was written.
    @Test func openingFromTheHubKeepsTheBriefAsADraft() throws {
        let dir = try TempDir()
        // A saved brief to open.
        var s = try Retest11FormTests.churn(80, 24, running: dir.runner)
        s = press(s, [.ctrl("s")], running: dir.runner)
        s = press(s, [.ctrl("n")] + keys("image") + [.enter] + keys("class") + [.enter], running: dir.runner)
        try #require(s.decide.draft.values[.task] == .choice("classification"), "\(shown(s))")
        s = press(s, [.escape, .char("5"), .enter], running: dir.runner)
        let asked = try #require(s.message, "\(shown(s))")
        #expect(asked.contains("kept as a draft"), "\(asked)")
        s = press(s, [.enter], running: dir.runner)
        #expect(s.decide.draft.values[.modality] == .choice("tabular"), "the saved brief is in the form: \(shown(s))")
        let path = dir.path("state/briefs/drafts/image-classification.yaml")
        let draft = try #require(try? String(contentsOfFile: path, encoding: .utf8), "no draft at \(path)")
        #expect(draft.contains("image") && draft.contains("classification"), "\(draft)")
        #expect(s.message?.contains("Kept the last brief as draft image-classification.yaml") == true, "\(s.message ?? "no message")")
    }
}
