import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Issue 23, sixth retest: on the brief form every letter types, as in a select box or fzf; the
/// form's commands are control keys (^S saves). Typing "tabular" on modality had jumped to Contents
/// (`t`), saved a decision record (`e`) and cleared the field (`x`).
@Suite struct TypeAheadTests {
    /// Every file the form could have written: records in cwd/, briefs and drafts under state/.
    static func written(_ dir: TempDir) -> [String] {
        let fm = FileManager.default
        let cwd = (try? fm.contentsOfDirectory(atPath: dir.path("cwd"))) ?? []
        let state = (fm.enumerator(atPath: dir.path("state"))?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".md") || $0.hasSuffix(".yaml") }
        return cwd + state
    }

    @Test func typingTabularOnModalitySetsItAndStaysOnTheForm() throws {
        let dir = try TempDir()
        var s = press(Fixture.state(), keys("d3", "tabular"), running: dir.runner)
        #expect(s.decide.top is BriefScreen, "left the form: \(shown(s))")
        #expect(s.decide.draft.values[.modality] == .choice("tabular"))
        #expect(try s.decide.form.editing?.text == "tabular")
        // Enter takes it and goes on to the next field (twelfth retest); Down would too.
        s = press(s, [.enter], running: dir.runner)
        #expect(try s.decide.form.editing == nil)
        #expect(s.decide.draft.values[.modality] == .choice("tabular"))
        #expect(try s.decide.form.current(Fixture.guide.decisions.brief)?.field == .task)
        let down = press(Fixture.state(), keys("d3", "tabular", Key.down))
        #expect(down.decide.draft.values[.modality] == .choice("tabular"))
        #expect(try down.decide.form.current(Fixture.guide.decisions.brief)?.field == .task)
        #expect(Self.written(dir).isEmpty, "typing wrote \(Self.written(dir))")
    }

    @Test func theStartOfANameFiltersAndEnterTakesIt() throws {
        let s = press(Fixture.state(), keys("d3", "tab", Key.enter))
        #expect(s.decide.draft.values[.modality] == .choice("tabular"))
        // Upper case types too (N had started a new brief, H gone Home).
        let upper = press(Fixture.state(), keys("d3", "IMAGE", Key.enter))
        #expect(upper.decide.draft.values[.modality] == .choice("image"))
        #expect(upper.decide.top is BriefScreen)
    }

    @Test func typingImageSavesNoRecord() throws {
        let dir = try TempDir()
        // A filled brief, so `e` would have had a record to save.
        let s = press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.up, "image", Key.enter), running: dir.runner)
        #expect(s.decide.draft.values[.modality] == .choice("image"))
        #expect(Self.written(dir).isEmpty, "typing image wrote \(Self.written(dir))")
        #expect(s.decide.draft.savedRecord == nil)
    }

    @Test func aLetterOnANumberStartsTypingAndSaysItTakesANumber() throws {
        let schema = Fixture.guide.decisions.brief
        var s = press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.down))
        #expect(try s.decide.form.current(schema)?.field == .samples)
        s = press(s, keys("lots"))
        #expect(try s.decide.form.editing?.text == "lots")
        #expect(try s.decide.form.problem != nil)
        // Enter keeps the typed text to mend, as it did after Enter.
        s = press(s, [.enter])
        #expect(try s.decide.form.editing?.text == "lots")
        // The notes go on from what they say.
        var notes = press(Fixture.state(), keys("d3", Key.end, "churn", Key.enter))
        #expect(notes.decide.draft.values[.notes]?.description == "churn")
        notes = press(notes, keys("y"))
        #expect(try notes.decide.form.editing?.text == "churny")
    }

    @Test func controlKeysDoTheFormsCommands() throws {
        let dir = try TempDir()
        var s = press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.ctrl("s")), running: dir.runner)
        #expect(FileManager.default.fileExists(atPath: dir.path("state/briefs/text-generation.yaml")), "\(s.message ?? "")")
        #expect(!s.decide.draft.unsaved)
        s = press(s, [.ctrl("e")], running: dir.runner)
        #expect(FileManager.default.fileExists(atPath: dir.path("cwd/decision-transformer-2024-05-01.md")), "\(s.message ?? "")")
        s = press(s, [.ctrl("r")])
        #expect(s.decide.top is RecommendationScreen)
        s = press(s, [.escape, .ctrl("p")])
        #expect(s.decide.top is TreeSession)
        let form = press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.ctrl("y")))
        #expect(try form.decide.form.showCommand)
        let opened = press(Fixture.state(), keys("d3", Key.ctrl("t")))
        #expect(opened.decide.top is SavedBriefsScreen)
        let new = press(Fixture.state(), keys("d3", "4", Key.ctrl("n")))
        #expect(new.decide.draft.values.isEmpty && new.decide.top is BriefScreen)
        // Delete clears the field; Ctrl-O no longer goes back here (Esc and Backspace do).
        let cleared = press(Fixture.state(), keys("d3", "4", Key.delete))
        #expect(cleared.decide.draft.values[.modality] == nil)
    }

    @Test func aCommandWhileTypingTakesTheTextFirst() throws {
        let dir = try TempDir()
        let s = press(Fixture.state(), keys("d3", "text", Key.down, "gen", Key.ctrl("s")), running: dir.runner)
        #expect(try s.decide.form.editing == nil)
        #expect(s.decide.draft.values[.task] == .choice("generation"))
        #expect(FileManager.default.fileExists(atPath: dir.path("state/briefs/text-generation.yaml")), "\(s.message ?? "")")
        // Text that is no value yet stays to be mended, and nothing is saved.
        let bad = press(Fixture.state(), keys("d3", "zz", Key.ctrl("s")), running: dir.runner)
        #expect(try bad.decide.form.editing?.text == "zz")
    }

    @Test func theHintLineNamesTheControlKeysAtEveryWidth() throws {
        for w in [80, 40] {
            let s = press(Fixture.state(w, w == 80 ? 24 : 12), keys("d3"))
            let hint = try #require(render(s).lines.last)
            #expect(hint.hasPrefix("a-z type"), "\(hint)")
            #expect(hint.contains("^S save") && hint.contains("? help"), "\(hint)")
            if w == 80 { #expect(hint.contains("^R result") && hint.contains("Esc back"), "\(hint)") }
        }
        // One style for every control key, in help too.
        #expect(Key.ctrl("s").label == "^S")
        #expect(Keymap.key(.decide(.saveBrief), in: .brief) == "^S")
    }

    @Test func noPlainLetterActsOnTheForm() {
        for k in Keymap.letters {
            guard case .char(let c) = k else { continue }
            #expect(Keymap.action(for: k, in: [.brief, .global]) == .type(c), "\(c) does \(String(describing: Keymap.action(for: k, in: [.brief, .global])))")
        }
    }

    /// Sixth retest F1: with a flip applied, Esc and q did nothing; they go back to the form, the
    /// flip kept in the brief.
    @Test(arguments: [Key.escape, Key.char("q")])
    func escAndQLeaveTheRecommendationKeepingTheFlip(_ key: Key) throws {
        var s = press(Fixture.state(), DecideFlipsTests.result + [.tab, .enter])
        let applied = s.decide.draft.values
        try #require(applied != press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.down, "500", Key.enter)).decide.draft.values,
                     "no flip was applied")
        s = press(s, [key])
        #expect(s.decide.top is BriefScreen, "\(shown(s))")
        #expect(!s.quit)
        #expect(s.decide.draft.values == applied)
    }
}
