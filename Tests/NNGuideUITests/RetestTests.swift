import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Frictions found in issue 23's retest of the eight tasks, each pinned by a test that failed before
/// its fix. On the shipped guide.
@Suite struct RetestTests {
    func form() throws -> AppState { try BriefFormChoiceTests().form() }

    /// Typing "phone" on a choice that has no such value, Esc did nothing: it was bound like Enter,
    /// which keeps text that does not parse. Esc now drops the text; the field keeps what it had.
    @Test func escLeavesAChoiceWhoseTypedNameFitsNothing() throws {
        var s = try form()
        s = press(s, [.enter] + keys("phone"))
        #expect(try s.decide.form.editing?.text == "phone")
        s = press(s, [.escape])
        #expect(try s.decide.form.editing == nil, "Esc left the field typing")
        #expect(s.decide.draft.values[.modality] == nil)
        #expect(!render(s).lines.joined().contains("No modality value holds"), "the problem outlived the text")
        // Enter still keeps text that is not a value, to be mended.
        let kept = press(try form(), [.enter] + keys("phone") + [.enter])
        #expect(try kept.decide.form.editing?.text == "phone")
    }

    /// Leaving a bad number with Down took its problem along to the next field. Since the ninth
    /// retest Down stays on text that is no value (as Enter does); Esc, then Down, leaves it.
    @Test func aProblemStaysWithItsField() throws {
        var s = try form()
        let schema = s.context.guide.decisions.brief
        let samples = try #require(schema.fields.firstIndex { $0.field == .samples })
        s = press(s, Array(repeating: Key.down, count: samples) + [.enter] + keys("lots") + [.down])
        #expect(try s.decide.form.current(schema)?.field == .samples && s.decide.form.editing?.text == "lots")
        s = press(s, [.escape, .down])
        #expect(try s.decide.form.current(schema)?.field != .samples)
        #expect(!render(s).lines.joined().contains("'lots'"), "the next field shows samples' problem")
    }

    /// The save messages began with the folder, so at 80 columns a real folder cut the file's name
    /// ("Saved the decision record as /home/.../decision-gradient-boosting-2026-1…").
    @Test func aSaveMessageShowsTheWholeFileNameAt80Columns() {
        var s = press(Fixture.state(), keys("d1", "22"))
        s = update(s, .done(.recordSaved(path: "/home/someone/projects/customer-churn/decisions/decision-gradient-boosting-2026-12-07.md"), to: s.topAsker)).0
        #expect(s.width == 80)
        let last = messageRows(s).joined(separator: " ")  // the whole message, wrapped when long
        #expect(last.contains("decision-gradient-boosting-2026-12-07.md"), "\(last)")
    }

    /// In a comparison matrix's table the hint offered "x pick" (x answers that it picks architectures)
    /// and "Enter show" (the table is already shown): keys that only answer "nothing to do".
    @Test func aMatrixTableOffersNeitherPickNorShow() throws {
        let library = try #require(BriefFormChoiceTests.library)
        for (w, h) in [(80, 24), (40, 12)] {
            let s = press(AppState(library: library, width: w, height: h), keys("c") + [.tab])
            let hint = render(s).lines.last ?? ""
            #expect(s.compare.tableFocus, "\(w)x\(h): Tab did not reach the table")
            #expect(!hint.contains("x pick") && !hint.contains("Enter"), "\(w)x\(h): \(hint)")
        }
        // An architecture's table no longer offers Enter either (the third retest: "Enter drop MLP" in
        // the table surprised); the list does, and Enter there picks it.
        let list = press(AppState(library: library, width: 80, height: 24), keys("c", "5"))
        #expect(render(list).lines.last?.contains("Enter pick") == true, "\(render(list).lines.last ?? "")")
        let arch = press(list, [.tab])
        #expect(render(arch).lines.last?.contains("Enter") == false, "\(render(arch).lines.last ?? "")")
    }
}
