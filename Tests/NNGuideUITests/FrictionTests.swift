import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Four frictions newuser's retest found after issue 23, each pinned by a test that failed before its fix.
@Suite struct FrictionTests {
    /// Tab at the bottom of the recommendation went to the first "Read more" link far above; six Tabs
    /// reached "What would change the pick". On a focused change the hint said "Enter open".
    @Test func tabAtTheBottomOfTheRecommendationStaysOnScreenAndTheHintSaysApply() throws {
        var s = press(Fixture.state(), DecideFlipsTests.result + keys("G"))
        let before = try #require(s.decide.top as? RecommendationScreen)
        try #require(!before.flips(s.context).isEmpty, "the brief must have a flip")
        let top = before.pane.top
        s = press(s, [.tab])
        let after = try #require(s.decide.top as? RecommendationScreen)
        #expect(after.pane.top == top, "Tab scrolled from \(top) to \(after.pane.top)")
        guard case .flip? = after.pane.focus else { Issue.record("Tab from the bottom focused \(String(describing: after.pane.focus))"); return }
        // A flip is one Tab from the bottom (the changes come before the links, in
        // `DecisionSection`'s order, and are on screen there); its hint says what Enter does there.
        s = press(s, [.escape, .tab])
        guard case .flip? = (s.decide.top as? RecommendationScreen)?.pane.focus else {
            Issue.record("Shift-Tab did not focus a flip"); return
        }
        let hint = render(s).lines.last ?? ""
        #expect(hint.contains("Enter apply") && !hint.contains("Enter open"), "\(hint)")
    }

    /// On a choice field, typing "image" opened the glossary at `i`. The third retest made letters keys
    /// there (names typed after Enter, which this test then pressed first); the sixth found that a trap
    /// too, so every letter types, Enter first or not (the old assertion wanted `i` to open the glossary).
    @Test func lettersOnAChoiceFieldTypeItsValue() throws {
        var s = try BriefFormChoiceTests().form()
        #expect(press(s, keys("i")).screen == .decide, "i left the form")
        s = press(s, keys("image"))
        #expect(s.screen == .decide, "a letter left the form: \(s.screen)")
        #expect(s.decide.draft.values[.modality]?.description == "image")
        s = press(s, [.enter])   // takes it and goes on (twelfth retest)
        #expect(try s.decide.form.current(s.context.guide.decisions.brief)?.field == .task)
        // Esc on text that fits nothing puts back what the field had.
        s = press(s, keys("classification") + [.enter, .up] + keys("zq") + [.escape])
        #expect(try s.decide.draft.values[.modality]?.description == "image" && s.decide.form.editing == nil)
    }

    /// At 40 columns "Saved the brief image-classification.yaml in /home/…" cut the name; the home
    /// folder is `~`.
    @Test func aBriefSaveMessageKeepsTheNameWholeAt40Columns() throws {
        // The home folder comes in from the loop (NNGuideUI reads no environment).
        let home = "/home/someone"
        var s = press(AppState(library: try #require(BriefFormChoiceTests.library), width: 40, height: 12, homeFolder: home), keys("d3"))
        #expect(s.context.fileName(home + "/x/a.yaml") == "a.yaml in ~/x")
        s = update(s, .done(.briefSaved(path: home + "/.local/state/nnguide/briefs/image-classification.yaml", new: true), to: s.topAsker)).0
        let last = messageRows(s).joined(separator: " ")  // the whole message, wrapped when long
        #expect(last.contains("image-classification.yaml"), "\(last)")
        #expect(Sheet.fileName("/u/me/x/a.yaml", home: "/u/me") == "a.yaml in ~/x")
        #expect(Sheet.fileName("/u/meta/a.yaml", home: "/u/me") == "a.yaml in /u/meta")
    }

    /// At 40x12 the glossary's "See" links sat below the visible definition: `1` opened a link no one
    /// saw. (The fifth retest wants the definition first: the line under the entry names the links below.)
    @Test func theGlossarysSeeLinksAreOnScreenAt40x12() throws {
        let library = try #require(BriefFormChoiceTests.library)
        for (w, h) in [(40, 12), (80, 24)] {
            let s = press(AppState(library: library, width: w, height: h), keys("i", "attention") + [.escape])
            let screen = render(s).lines.joined(separator: "\n")
            #expect(screen.contains("links 1-") || (screen.contains("See") && screen.contains("1  Part 3")), "\(w)x\(h):\n\(screen)")
        }
    }
}
