import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// What the tenth retest of issue 23 found in the explorer: a ^Y the form refused (no modality or
/// task yet) still switched on a hidden command box, which then took the next ^Y and the next Esc; a
/// digit on a choice field chose a value by its number without a word, and a 0 did nothing silently.
@Suite struct Retest10Tests {
    static let box = "The same with nnguide recommend"

    @Test(arguments: Retest9FormTests.sizes)
    func aRefusedCommandBoxChangesNothing(_ w: Int, _ h: Int) throws {
        let fresh = try Retest9FormTests.form(w, h)
        try #require(fresh.decide.draft.values.isEmpty, "the form is not empty")
        let refused = press(fresh, [.ctrl("y")])
        #expect(refused.message?.contains("first: the command needs them") == true, "\(refused.message ?? "no message")")
        // Filled in afterwards, the first ^Y shows the box.
        var s = press(refused, keys("image") + [.enter])
        s = try Retest9FormTests.at(s, .task)
        s = press(s, keys("classification") + [.enter, .ctrl("y")])
        #expect(shown(s).contains(Self.box), "the first ^Y after the refusal showed no box:\n\(shown(s))")
        // And Esc after a refusal leaves the form at once, as it does when ^Y was never pressed.
        #expect(!(press(refused, [.escape]).decide.top is BriefScreen), "Esc closed an unseen box")
    }

    @Test func aDigitPastTheValuesSaysSoOnAChoice() throws {
        var s = try Retest9FormTests.form(80, 24)
        let schema = s.context.guide.decisions.brief
        // A choice with fewer than nine values: a digit past them was dropped without a word.
        let small = schema.fields.compactMap { f -> (BriefField, Int)? in
            guard let n = s.decide.draft.choices(f, schema)?.count, n < 9 else { return nil }
            return (f.field, n)
        }
        let (field, count) = try #require(small.first)
        s = try Retest9FormTests.at(s, field)
        let before = s.decide.draft.values[field]
        // Typed, and said under the field (eleventh retest: digits on a choice are typed, `Retest11FormTests`).
        let past = press(s, keys(String(count + 1)))
        #expect(past.decide.draft.values[field] == before)
        #expect(try past.decide.form.problem?.contains("\(count + 1) is not a \(field.name) value; choices are numbered 1-\(count)") == true,
                "\((try? past.decide.form.problem) ?? nil ?? "no problem")")
    }

    /// One wording for a section found across its paragraphs in one list: "data leakage" showed
    /// "(across paragraphs)" on one hit and "(words in different paragraphs)" on another.
    @Test func aSearchListSaysAcrossParagraphsOneWay() throws {
        let s = press(try ViewFrictionTests.app(80, 24), keys("s", "data leakage"))
        let screen = shown(s)
        #expect(screen.contains("(\(SearchHit.spreadNote))") && !screen.contains("(words in different paragraphs)"), "\(screen)")
    }

    /// The saved briefs list offers its delete key (the tenth retest had to guess how to clear drafts
    /// away); a menu with nothing to delete does not.
    @Test func theSavedListOffersDeleteAndOnlyIt() {
        var s = press(Fixture.state(80, 24), keys("d5"))
        s = update(s, .done(.briefsListed(SavedBriefsScreenTests.listed, folder: "/b"), to: s.topAsker)).0
        let x = Keymap.key(.decide(.deleteBrief), in: .decide)
        #expect(Retest8Tests.hintLine(s).contains("\(x) delete"), "\(Retest8Tests.hintLine(s))")
        let variants = press(Fixture.state(80, 24), keys("d2"))
        #expect(!Retest8Tests.hintLine(variants).contains("delete"), "\(Retest8Tests.hintLine(variants))")
        var empty = press(Fixture.state(80, 24), keys("d5"))
        empty = update(empty, .done(.briefsListed([], folder: "/b"), to: empty.topAsker)).0
        #expect(!Retest8Tests.hintLine(empty).contains("delete"), "\(Retest8Tests.hintLine(empty))")
    }
}

/// The eleventh retest: the bookmark prompt was cut at 40 columns ("press a letter (Es…").
@Suite struct Retest11Tests {
    @Test(arguments: [40, 80])
    func theBookmarkPromptFits(_ w: Int) {
        let s = press(Fixture.state(w, 12), keys("t", Key.enter, "m"))
        let line = render(s).lines.last ?? ""
        #expect(line.contains("press a letter") && !line.contains("…"), "\(line)")
    }
}
