import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI
@testable import NNGuideEffects

/// What the twelfth retest of issue 23 found in the brief form (task 5): Enter after a value stayed
/// on the field; ^T's digit was answered with "Enter again" and replacing lost the unsaved brief;
/// with ^Y open at 40x12 the field typed in was off screen; ^S on an opened brief wrote a new file;
/// "record saved" stayed after the brief changed; the ^N message split its folder at a space; the
/// status line dropped the field's name. On the shipped guide; each test fails on the code before.
@Suite struct Retest12FormTests {
    static func fieldIndex(_ s: AppState, _ f: BriefField) throws -> Int {
        try #require(s.context.guide.decisions.brief.fields.firstIndex { $0.field == f })
    }

    /// `t a b Enter c l a s s Enter` filled modality and task (it typed "class" over modality).
    @Test(arguments: Retest9FormTests.sizes)
    func enterTakesTheValueAndMovesOn(_ w: Int, _ h: Int) throws {
        var s = try Retest9FormTests.form(w, h, keys("tab") + [.enter])
        let moved = try s.decide.form.field
        #expect(try moved == Self.fieldIndex(s, .task), "\(w)x\(h): Enter stayed:\n\(shown(s))")
        s = press(s, keys("class") + [.enter])
        #expect(s.decide.draft.values[.modality] == .choice("tabular") && s.decide.draft.values[.task] == .choice("classification"),
                "\(w)x\(h): \(s.decide.draft.values)")
        // A digit that chose a value, then Enter: on to the next field too.
        let task = try s.decide.form.field
        s = press(try Retest9FormTests.at(s, BriefField("deploy")), keys("3") + [.enter])
        #expect(try s.decide.form.field > Self.fieldIndex(s, BriefField("deploy")) && task != s.decide.form.field, "\(w)x\(h): \(shown(s))")
        // Text that is no value stays, and says why.
        s = press(try Retest9FormTests.at(s, BriefField("deploy")), keys("zzzq") + [.enter])
        let stayed = try s.decide.form.field
        #expect(try stayed == Self.fieldIndex(s, BriefField("deploy")), "\(w)x\(h)")
        #expect(s.message?.contains("zzzq") == true, "\(w)x\(h): \(s.message ?? "no message")")
        // A did-you-mean is Enter's to take.
        s = press(try Retest9FormTests.at(press(s, [.escape]), .modality), keys("imgae") + [.enter])
        #expect(s.decide.draft.values[.modality] == .choice("image"), "\(w)x\(h): \(shown(s))")
    }

    /// ^T then `1` over an unsaved brief: the question names `1`, and replacing keeps the brief as a draft.
    @Test func openingOverAnUnsavedBriefNamesTheKeyAndKeepsADraft() throws {
        let dir = try TempDir()
        var s = try Retest11FormTests.churn(80, 24, running: dir.runner)
        s = press(s, [.ctrl("s")], running: dir.runner)
        s = try Retest9FormTests.at(s, .samples)
        s = press(s, keys("45000") + [.enter, .ctrl("t"), .char("1")], running: dir.runner)
        let asked = try #require(s.message, "\(shown(s))")
        #expect(asked.contains("1 again (or Enter) replaces them"), "\(asked)")
        s = press(s, [.char("1")], running: dir.runner)
        #expect(s.decide.draft.values[.samples] == .number(30000), "the saved brief is in the form")
        let draft = try String(contentsOfFile: dir.path("state/briefs/drafts/tabular-classification.yaml"), encoding: .utf8)
        #expect(draft.contains("samples: 45000"), "\(draft)")
    }

    /// ^S on a brief opened from its file writes that file back (it wrote tabular-classification-2.yaml).
    @Test func saveWritesBackTheOpenedBrief() throws {
        let dir = try TempDir()
        var s = try Retest11FormTests.churn(80, 24, running: dir.runner)
        s = press(s, [.ctrl("s")], running: dir.runner)
        let file = try #require(s.decide.draft.file)
        s = try Retest9FormTests.at(s, .samples)
        s = press(s, keys("45000") + [.enter, .ctrl("s")], running: dir.runner)
        #expect(s.decide.draft.file == file)
        #expect(!FileManager.default.fileExists(atPath: dir.path("state/briefs/tabular-classification-2.yaml")))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("samples: 45000"), "\(text)")
        #expect(s.message?.contains("pdated") == true && s.message?.contains("tabular-classification.yaml") == true, "\(s.message ?? "")")
    }

    /// "record saved" only while the record matches the values; the field's name kept at 40 columns.
    @Test(arguments: Retest9FormTests.sizes)
    func recordSavedOnlyWhileItMatches(_ w: Int, _ h: Int) throws {
        let dir = try TempDir()
        var s = try Retest11FormTests.churn(w, h, running: dir.runner)
        s = press(s, [.ctrl("e")], running: dir.runner)
        s = press(s, [.up])
        // At 40 columns the field's name comes before "record saved" (below).
        #expect(s.decide.draft.recordCurrent && (w < 80 || ViewFrictionTests.statusLine(s).contains("record saved")), "\(w)x\(h): \(ViewFrictionTests.statusLine(s))")
        s = try Retest9FormTests.at(s, BriefField("pretrained"))
        #expect(ViewFrictionTests.statusLine(s).contains("pretrained"), "\(w)x\(h): \(ViewFrictionTests.statusLine(s))")
        s = try Retest9FormTests.at(s, .samples)
        s = press(s, keys("45000") + [.enter])
        #expect(!s.decide.draft.recordCurrent && !ViewFrictionTests.statusLine(s).contains("record saved"), "\(w)x\(h): \(ViewFrictionTests.statusLine(s))")
        let pane = render(s).lines.joined(separator: "\n")
        #expect(w < 80 || pane.contains("Record (of the brief before"), "\(pane)")
    }

    /// The ^N draft message at 40 columns: the name whole, the folder never split at a space.
    @Test func aLongFolderIsCutFromTheLeftNotSplit() {
        let lines = AppState.messageLines("Kept the last brief as draft image-classification.yaml in /tmp/retest12b/state/nnguide/briefs/drafts",
                                          width: 40, ellipsis: "…")
        #expect(lines.count == 3 && lines.joined().contains("image-classification.yaml"), "\(lines)")
        #expect(lines.last?.hasSuffix("briefs/drafts") == true && lines.last?.contains("/ ") == false, "\(lines)")
    }

    /// ^Y open at 40x12, PgDn, then typing on deploy: the row typed in stays on screen, PgUp still pages.
    @Test func typingWithTheCommandOpenKeepsTheRow() throws {
        var s = try Retest11FormTests.churn(40, 12)
        s = try Retest9FormTests.at(s, BriefField("deploy"))
        s = press(s, [.ctrl("y"), .pageDown] + keys("ed"))
        let pane = try Retest11FormTests.formPane(s)
        #expect(pane.contains("deploy") && pane.contains("ed"), "\(pane)")
        let before = try s.decide.form.peek
        s = press(s, [.pageUp])
        let after = try s.decide.form.peek
        #expect(after != before, "PgUp while typing (peek \(before))")
        let paged = try Retest11FormTests.formPane(s)
        #expect(paged.contains("deploy"), "\(paged)")
        #expect(ViewFrictionTests.hint(s).contains("^Y"), "\(shown(s))")
    }
}
