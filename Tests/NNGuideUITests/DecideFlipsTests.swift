import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// What would change the pick, in the explorer: the recommendation screen lists the flips, Enter
/// applies one, Backspace undoes it; the form marks the fields whose change would change the pick.
@Suite struct DecideFlipsTests {
    /// The form filled with text + classification + 500 samples, then ^R.
    static let result = keys("d3", "4", Key.down, "6", Key.down, "500", Key.enter, Key.ctrl("r"))

    static let screens: [(String, [Key])] = [
        ("decide-result-flips", result + keys("G")),
        ("decide-result-flip-applied", result + [.tab, .enter]),
    ]

    @Test(arguments: screens)
    func screen(_ name: String, _ path: [Key]) {
        expectGoldenAtEverySize(name, path, roles: true)
    }

    @Test func theScreenListsEveryFlipAndEnterAppliesTheFirstOne() throws {
        var s = press(Fixture.state(), Self.result)
        let shown = try #require(s.decide.top as? RecommendationScreen).flips(s.context)
        let brief = try #require(s.decide.draft.brief(Fixture.guide.decisions.brief))
        #expect(shown == Flips.analyze(brief, with: Recommender(guide: Fixture.guide)))
        try #require(!shown.isEmpty, "the fixture brief must have a flip")
        // Tab from nothing focuses the first target below the top: the first flip (the changes come
        // before the links, in `DecisionSection`'s order).
        s = press(s, [.tab])
        let before = s
        s = press(s, [.enter])
        let f = try #require(shown.first)
        #expect(s.decide.draft.values[f.field]?.description == f.value)
        let applied = try #require(s.decide.draft.recommendation(Fixture.library))
        #expect(applied.pick.id == f.pick && applied.pick.title == f.title)
        #expect(render(s).lines.joined(separator: "\n").contains("Changed: " + f.change))
        // Backspace undoes it: the brief as it was, still on the recommendation screen.
        s = press(s, [.backspace])
        #expect(s.decide.draft.values == brief.values)
        #expect(s.decide.top is RecommendationScreen)
        #expect(!render(s).lines.joined(separator: "\n").contains("Changed:"))
        // Issue 22: at the line and the focus the flip was applied from, the screen as it was.
        #expect((s.decide.top as? RecommendationScreen)?.pane == (before.decide.top as? RecommendationScreen)?.pane)
        #expect(render(s).lines == render(before).lines)
        // Once more: back to the form.
        s = press(s, [.backspace])
        #expect(s.decide.top is BriefScreen)
    }

    @Test func theFormMarksTheFieldsWhoseChangeChangesThePickLive() throws {
        var s = press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.down, "500", Key.enter))
        let brief = try #require(s.decide.draft.brief(Fixture.guide.decisions.brief))
        let expected = Set(Flips.analyze(brief, with: Recommender(guide: Fixture.guide)).map(\.field))
        #expect(s.decide.draft.judged.peek(s.decide.draft.judgedKey(s.library))?.pivots == expected)
        #expect(!expected.isEmpty)
        let text = render(s).lines.joined(separator: "\n")
        for f in Fixture.guide.decisions.brief.fields {
            // The form is the left pane (the recommendation is beside it at 80 columns).
            let row = text.split(separator: "\n").map { String($0.prefix(40)) }.first { $0.contains(" " + f.name + (f.required ? "*" : "") + " ") }
            guard let row else { continue }
            #expect(row.contains("\u{2192} " + f.name) == expected.contains(f.field), "\(f.name): \(row)")
        }
        // Editing the brief works them out again.
        s = press(s, keys("gj", Key.right))
        let changed = try #require(s.decide.draft.brief(Fixture.guide.decisions.brief))
        #expect(s.decide.draft.judged.peek(s.decide.draft.judgedKey(s.library))?.pivots == Set(Flips.analyze(changed, with: Recommender(guide: Fixture.guide)).map(\.field)))
    }
}

/// Two saved briefs side by side from the saved list (`v`, then `v` on another).
@Suite struct DecideVersusTests {
    @Test func vTwiceComparesTwoSavedBriefsAndBackspaceReturns() {
        var s = press(Fixture.state(), keys("d5"))
        let listed = [
            SavedBrief(path: "/b/text-generation.yaml", values: [.modality: .choice("text"), .task: .choice("generation")], problem: nil, modified: Date()),
            SavedBrief(path: "/b/text-classification.yaml", values: [.modality: .choice("text"), .task: .choice("classification")], problem: nil, modified: Date()),
        ]
        s = update(s, .done(.briefsListed(listed, folder: "/b"), to: s.topAsker)).0
        s = press(s, keys("v", "j", "v"))
        let text = render(s).lines.joined(separator: "\n")
        #expect(text.contains("Two saved briefs"))
        #expect(text.contains("text-generation.yaml") && text.contains("text-classification.yaml"))
        #expect(text.contains("task *"), "task alone changes the pick: \(text)")
        #expect(s.violations().isEmpty)
        // The status line names this screen and how far down it is (it repeated the list's count, "2"),
        // and the hint offers no Enter, which does nothing here.
        let lines = render(s).lines
        #expect(lines[lines.count - 2].contains("Saved briefs \(Glyphs.unicode.sep) two side by side"))
        let position = lines[lines.count - 2].trimmingCharacters(in: .whitespaces).split(separator: " ").last
        #expect(position == "Top" || position == "All", "\(lines[lines.count - 2])")
        #expect(lines[lines.count - 1].contains("Backspace back") && !lines[lines.count - 1].contains("Enter"))
        s = press(s, [.backspace])
        #expect(!render(s).lines.joined(separator: "\n").contains("Two saved briefs"))
        #expect(s.decide.top is SavedBriefsScreen)
    }
}
