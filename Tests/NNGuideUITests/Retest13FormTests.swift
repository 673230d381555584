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

    /// After the image flow, `d 3` starts from its answers (samples 500, deploy cloud); typing `tab Enter`
    /// kept them as given, and the pick moved on a stale 500. Values typed over stay.
    @Test(arguments: Retest9FormTests.sizes)
    func changingModalityClearsTheAnswersValues(_ w: Int, _ h: Int) throws {
        var s = try Retest11FlowTests.answered(w, h, ["Images or video", "Classify what is there", "In the cloud or on GPU servers: very few labels"])
        s = press(s, keys("d3"))
        let v = s.decide.draft.values
        try #require(v[.samples] == .number(500) && v[BriefField("deploy")] == .choice("cloud"), "\(v)")
        s = press(try Retest9FormTests.at(s, .modality), keys("tab") + [.enter])
        #expect(s.decide.draft.values[.modality] == .choice("tabular"), "\(w)x\(h): \(shown(s))")
        #expect(s.decide.draft.values[.samples] == nil && s.decide.draft.values[BriefField("deploy")] == nil,
                "\(w)x\(h): \(s.decide.draft.values)")
        #expect(s.message?.contains("Cleared samples and deploy, which came from your image answers") == true, "\(w)x\(h): \(s.message ?? "no message")")
        // A value typed over the answers' is the user's and stays.
        s = press(try Retest11FlowTests.answered(w, h, ["Images or video", "Classify what is there", "In the cloud or on GPU servers: very few labels"]), keys("d3"))
        s = press(try Retest9FormTests.at(s, .samples), keys("800") + [.enter])
        s = press(try Retest9FormTests.at(s, .modality), keys("tab") + [.enter])
        #expect(s.decide.draft.values[.samples] == .number(800) && s.decide.draft.values[BriefField("deploy")] == nil, "\(w)x\(h): \(s.decide.draft.values)")
        #expect(s.message?.contains("Cleared deploy,") == true, "\(w)x\(h): \(s.message ?? "no message")")
    }

    /// Opening a saved brief: on modality (it landed on `output`, the old form's field), "Opened" said
    /// once (panel and message line both said it), Enter on the choice says what it holds (it went
    /// blank, saying nothing), and text typed that is no value says "Not saved" (it said "Saved").
    @Test(arguments: Retest9FormTests.sizes)
    func openingLandsOnModalitySaysOpenedOnceAndEnterSaysTheValue(_ w: Int, _ h: Int) throws {
        let dir = try TempDir()
        var s = try Retest11FormTests.churn(w, h, running: dir.runner)
        s = press(s, [.ctrl("s")], running: dir.runner)
        s = try Retest9FormTests.at(s, BriefField("output"))
        s = press(s, [.ctrl("t"), .char("1")], running: dir.runner)
        #expect(s.decide.top is BriefScreen, "\(w)x\(h): \(shown(s))")
        #expect(try s.decide.form.field == Retest12FormTests.fieldIndex(s, .modality), "\(w)x\(h): \(shown(s))")
        let screen = shown(s)
        #expect(screen.components(separatedBy: "Opened").count == 2, "\(w)x\(h): said other than once:\n\(screen)")
        s = press(s, [.enter], running: dir.runner)
        #expect(s.message?.contains("modality") == true && s.message?.contains("tabular") == true, "\(w)x\(h): \(s.message ?? "no message")")
        s = press(s, [.escape], running: dir.runner)
        s = press(try Retest9FormTests.at(s, BriefField("latency_ms")), keys("satt"), running: dir.runner)
        let line = ViewFrictionTests.statusLine(s)
        #expect(line.contains("ot saved") && !line.contains("Saved"), "\(w)x\(h): \(line)")
    }
}
