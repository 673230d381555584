import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Issue 22, the last review: a tree session's answers are a `SelectList` over the sheet's items
/// (its choice, its scroll, its selection bar), and what a pushed screen is dismissed with comes
/// back to the screen that pushed it (`Screen.resume`), not through a copy of that screen.
@Suite struct OneListTests {
    /// The fixture guide with fourteen answers to the primary tree's first question: more than a
    /// 40x12 screen shows.
    static let longList: Library = {
        let g = Fixture.guide
        var book = g.decisions
        let t = book.trees.firstIndex { $0.role == .primary }!
        let n = book.trees[t].nodes.firstIndex { $0.id == book.trees[t].start }!
        let options = book.trees[t].nodes[n].options
        book.trees[t].nodes[n].options = (0..<14).map { i in
            var o = options[i % options.count]
            o.answer = "Answer \(i + 1)"
            return o
        }
        return Library(guide: Guide(pages: g.pages, glossary: g.glossary, catalog: g.catalog, decisions: book, sources: g.sources))
    }()

    /// The screen rows drawn with the selection role.
    static func barRows(_ s: AppState) -> [String] {
        let b = render(s)
        return (0..<b.height).filter { y in (0..<b.width).contains { b[$0, y].role == .selection } }.map { b.lines[$0] }
    }

    @Test func theAnswerListsChoiceAndScrollAreTheSelectListsAt40x12() throws {
        var s = press(AppState(library: Self.longList, width: 40, height: 12), keys("d1"))
        var t = try #require(s.decide.session)
        try #require(t.question.options.count == 14)
        #expect(t.answerList.index == 0 && t.scroll.top == 0)
        let height = s.context.rect.height

        for (key, chosen) in [(Key.char("G"), 13), (.char("k"), 12), (.pageUp, nil), (.char("g"), 0), (.pageDown, nil)] {
            let before = t.answerList.index
            s = press(s, [key])
            t = try #require(s.decide.session)
            if let chosen { #expect(t.answerList.index == chosen, "\(key.label)") }
            if key == .pageUp { #expect(t.answerList.index < before - 1, "a page up moves more than one answer") }
            if key == .pageDown { #expect(t.answerList.index > before + 1, "a page down moves more than one answer") }
            let sheet = t.sheet(s.context)
            // One offset: the sheet scrolls by the list's own, and the list keeps its choice in view.
            #expect(t.scroll.top == t.answerList.top, "\(key.label): the screen and the list disagree on the offset")
            #expect(sheet.items[t.answerList.index].overlaps(t.scroll.top..<(t.scroll.top + height)), "\(key.label): answer off screen")
            // The bar is drawn on the chosen answer, and only there.
            let bar = Self.barRows(s)
            #expect(bar.contains { $0.contains("Answer \(t.answerList.index + 1)") }, "\(key.label): \(bar)")
            #expect(!bar.contains { $0.contains("Answer ") && !$0.contains("Answer \(t.answerList.index + 1)") }, "\(key.label): \(bar)")
            #expect(s.violations().isEmpty, "\(key.label): \(s.violations())")
        }
        s = press(s, keys("G"))
        #expect(try #require(s.decide.session).scroll.top > 0, "the last answer is below the first screen")
        s = press(s, keys("g"))
        t = try #require(s.decide.session)
        // As less's `g`: the top, moved down only as far as the first answer needs to show whole, so the
        // question above it stays in view (twelfth retest: it had stopped at the answer, the question gone).
        let first = t.sheet(s.context).items[0]
        #expect(t.scroll.top == max(0, first.upperBound - height), "back to the top, the first answer whole: top \(t.scroll.top), answer \(first)")
    }

    @Test func aPlaceChosenOnTheMapOfARecommendationReachesTheRecommendation() throws {
        let rec = press(Fixture.state(), DecideFlipsTests.result)
        try #require(rec.decide.top is RecommendationScreen)
        var s = press(rec, keys("M", "jj"))
        let map = try #require(s.decide.top as? DecisionMap)
        let place = DecisionMap.places(map.nav.tree)[map.cursor.index]
        #expect(!place.answers.isEmpty, "the test chooses a place past the start")
        s = press(s, [.enter])
        // The recommendation got the place and stepped through the brief's tree from there, over itself.
        #expect(OneStackTests.names(s) == ["HubScreen", "BriefScreen", "RecommendationScreen", "TreeSession"])
        #expect(s.decide.session?.origin == .brief && s.decide.session?.nav.answers.map(\.option) == place.answers)
        #expect(try s.draft == rec.draft && s.decide.form == rec.decide.form)
        #expect(s.violations().isEmpty)
    }

    @Test func aPlaceChosenOnTheMapOfASessionReachesThatSameSession() throws {
        // A variant tree over a pick: the map of the top session answers that session, not the one under it.
        var s = press(Fixture.state(), keys("d1", "22", "1"))
        let under = try #require(s.decide.stack.dropLast().last as? TreeSession)
        s = press(s, keys("M", "j", Key.enter))
        #expect(OneStackTests.names(s) == ["HubScreen", "TreeSession", "TreeSession"])
        let top = try #require(s.decide.session)
        let place = DecisionMap.places(top.nav.tree)[1]
        #expect(top.nav.answers.map(\.option) == place.answers)
        #expect((s.decide.stack.dropLast().last as? TreeSession)?.nav.answers == under.nav.answers, "the session under it is as it was")
    }
}
