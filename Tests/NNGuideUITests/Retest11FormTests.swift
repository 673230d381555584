import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI
@testable import NNGuideEffects

/// What the eleventh retest of issue 23 found in the brief form (task 5, the churn brief): long notes
/// showed only their end while typed; after ^E the form's panel left the record's line under its
/// edge; a draft of a saved brief carried a `decided:` block; "20000" typed on a choice chose value 2.
/// On the shipped guide; each test fails on the code before the fix.
@Suite struct Retest11FormTests {
    static let notes = "Zanzibar churn from a table of 30,000 customers where the business must read each quokka"

    /// The churn brief: tabular classification, 30000 rows, interpretability required.
    static func churn(_ w: Int, _ h: Int, running runner: CommandRunner? = nil) throws -> AppState {
        func go(_ s: AppState, _ k: [Key]) -> AppState { runner.map { press(s, k, running: $0) } ?? press(s, k) }
        var s = go(try ViewFrictionTests.app(w, h), keys("d3", "tabular") + [.enter])
        s = try Retest9FormTests.at(s, .task)
        s = go(s, keys("classification") + [.enter])
        s = try Retest9FormTests.at(s, .samples)
        s = go(s, keys("30000") + [.enter])
        s = try Retest9FormTests.at(s, BriefField("interpretability"))
        s = go(s, keys("required") + [.enter])
        try #require(s.decide.draft.values[.task] == .choice("classification"), "\(shown(s))")
        return s
    }

    /// The form's pane (left of the divider when wide; above the pick when narrow) as text.
    static func formPane(_ s: AppState) throws -> String {
        let pane = try s.decide.form.formPanes(s.context.rect).form
        return render(s).lines[pane.y..<pane.maxY].map { String($0.dropFirst(pane.x).prefix(pane.width)) }.joined(separator: "\n")
    }

    @Test(arguments: Retest9FormTests.sizes)
    func longNotesShowWholeWhileTyped(_ w: Int, _ h: Int) throws {
        var s = try Retest9FormTests.at(try Self.churn(w, h), .notes)
        s = press(s, keys(Self.notes))
        let pane = try Self.formPane(s)
        // The first word and the last: only the end showed ("derstand each score").
        #expect(pane.contains("Zanzibar") && pane.contains("quokka"), "\(w)x\(h):\n\(pane)")
        // The cursor, one cell in the selection role, stands after the last word.
        let buffer = render(s)
        let cursors = (0..<buffer.height).flatMap { y in (0..<buffer.width).filter { buffer[$0, y].role == .selection && buffer[$0, y].text == " " }.map { ($0, y) } }
        let row = try #require(buffer.lines.firstIndex { $0.contains("quokka") })
        #expect(cursors.contains { $0.1 == row }, "\(w)x\(h): no cursor on the line of the text's end:\n\(buffer.lines.joined(separator: "\n"))")
        // Moved to the start, the cursor's line comes into view and the start is under it.
        let home = press(s, Array(repeating: Key.left, count: Self.notes.count))
        let start = render(home)
        let first = try #require(start.lines.firstIndex { $0.contains("anzibar") }, "\(w)x\(h): the start went:\n\(shown(home))")
        let cx = try #require(start.lines[first].firstRange(of: "anzibar")).lowerBound
        let x = start.lines[first].distance(from: start.lines[first].startIndex, to: cx) - 1
        #expect(start[x, first].role == .selection && start[x, first].text == "Z", "\(w)x\(h): the cursor is not on the first letter")
        // Enter takes the notes whole.
        #expect(press(s, [.enter]).decide.draft.values[.notes]?.description == Self.notes)
    }

    /// Each key typed in the notes ran the recommender and every flip again (the notes decide
    /// nothing): a second a key in the debug build while the walk of task 5 typed them. The kept
    /// judgement is reused, with the notes as they are now in what it recommends.
    @Test func typingTheNotesDoesNotJudgeTheBriefAgain() throws {
        var s = try Retest9FormTests.at(try Self.churn(80, 24), .notes)
        let before = s.decide.draft.judged.misses
        s = press(s, keys("churn"))
        #expect(s.decide.draft.values[.notes]?.description == "churn")
        #expect(s.decide.draft.judged.misses == before, "the notes were judged again \(s.decide.draft.judged.misses - before) times")
        let r = try #require(s.decide.draft.recommendation(s.context.library))
        #expect(r.brief.text(.notes) == "churn", "the record would carry stale notes: \(String(describing: r.brief.text(.notes)))")
        #expect(r.brief[.samples] == .number(30000))
    }

    @Test(arguments: Retest9FormTests.sizes)
    func afterSavingTheFormShowsTheSavedLines(_ w: Int, _ h: Int) throws {
        let dir = try TempDir()
        var s = try Retest9FormTests.at(try Self.churn(w, h, running: dir.runner), .notes)
        s = press(s, keys(Self.notes) + [.enter, .ctrl("s")], running: dir.runner)
        #expect(try Self.formPane(s).contains("Saved as tabular-classification.yaml"), "\(w)x\(h) after ^S:\n\(shown(s))")
        s = press(s, [.ctrl("e")], running: dir.runner)
        let pane = try Self.formPane(s)
        // The record's name, in the form (the message line goes at the next key).
        #expect(pane.contains("Record: decision-gam-2024-05-01.md"), "\(w)x\(h) after ^E:\n\(shown(s))")
        // The next key goes back to the focused field.
        let next = press(s, [.up], running: dir.runner)
        #expect(try Self.formPane(next).contains("pretrained"), "\(w)x\(h):\n\(shown(next))")
    }

    /// A saved brief changed and left: the draft holds the fields typed and no `decided:` pick (one
    /// made when the brief was saved seemed to stay behind; the file now records no decision at all).
    @Test func aDraftOfASavedBriefRecordsNoPick() throws {
        let dir = try TempDir()
        var s = try Self.churn(80, 24, running: dir.runner)
        s = press(s, [.ctrl("s")], running: dir.runner)
        let saved = try String(contentsOfFile: try #require(s.decide.draft.file), encoding: .utf8)
        try #require(saved.contains("decided:\n  pick: gam"), "\(saved)")
        s = try Retest9FormTests.at(s, .samples)
        s = press(s, keys("45000") + [.ctrl("c")], running: dir.runner)
        let draft = try String(contentsOfFile: dir.path("state/briefs/drafts/tabular-classification.yaml"), encoding: .utf8)
        #expect(draft.contains("samples: 45000") && draft.contains("interpretability: required"), "\(draft)")
        #expect(!draft.contains("decided:"), "\(draft)")
        // Saved with ^S it records its own pick again.
        let reopened = try RecordFile.read(dir.path("state/briefs/drafts/tabular-classification.yaml"), schema: s.context.guide.decisions.brief)
        #expect(reopened?.recorded == nil && reopened?.values[.samples] == .number(45000))
    }

    @Test(arguments: Retest9FormTests.sizes)
    func digitsOnAChoiceAreItsNumberOrSaySo(_ w: Int, _ h: Int) throws {
        let deploy = BriefField("deploy")
        let s = try Retest9FormTests.at(try Self.churn(w, h), deploy)
        let values = try #require(s.decide.draft.choices(s.context.guide.decisions.brief.fields.first { $0.field == deploy }!, s.context.guide.decisions.brief))
        // "20000", meant for samples, chose value 2 and dropped the zeros.
        let typed = press(s, keys("20000"))
        #expect(typed.decide.draft.values[deploy] == nil, "chose \(typed.decide.draft.values[deploy].map(\.description) ?? "")")
        #expect(try typed.decide.form.editing?.text == "20000")
        let said = "20000 is not a deploy value; choices are numbered 1-\(min(9, values.count))"
        #expect(shown(typed).replacing("\n", with: " ").replacing("  ", with: " ").contains("20000 is not a deploy"), "\(w)x\(h):\n\(shown(typed))")
        let entered = press(typed, [.enter])
        #expect(entered.message?.contains(said) == true, "\(entered.message ?? "no message")")
        #expect(try entered.decide.form.editing?.text == "20000" && entered.decide.draft.values[deploy] == nil)
        // One digit alone is the value with that number, taken as a name is.
        let two = press(s, keys("2") + [.down])
        #expect(try two.decide.draft.values[deploy] == values[1] && two.decide.form.editing == nil)
        // Esc puts back what was there.
        #expect(press(typed, [.escape]).decide.draft.values[deploy] == nil)
    }

    /// At 40x12 modality's values and the hint under them went under the pane's edge with no mark
    /// (tenth retest): the last row says there is more of the field, and PgDn reads it.
    @Test func aFieldCutAtThePanesEdgeSaysSo() throws {
        let s = try Retest9FormTests.form(40, 12)
        let more = "\u{2193} more of this field (\(Keymap.key(.pageDown, in: .brief)))"
        #expect(shown(s).contains(more), "\(shown(s))")
        let read = press(s, [.pageDown, .pageDown])
        #expect(!shown(read).contains(more) && shown(read).contains("clears."), "\(shown(read))")
        #expect(!shown(try Retest9FormTests.form(80, 24)).contains(more))
    }
}
