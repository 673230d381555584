import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Issue 23 item 4 in the explorer: "Did you mean" can be taken with the key the line names, and the
/// broader search says what it did.
@Suite struct SearchViewTests {
    func screen(_ s: AppState) -> String { render(s).lines.joined(separator: "\n") }

    @Test func enterTakesTheSuggestedQuery() throws {
        var s = press(Fixture.state(), keys("s", "atention"))
        let before = screen(s)
        let near = try #require(s.search.results(s.context).suggestion, "the fixture suggests nothing for a typo")
        #expect(before.contains("Did you mean \"\(near)\"? Enter searches for it"), "\(before)")
        s = press(s, [.enter])
        #expect(s.search.field.text == near)
        #expect(!s.search.hits(s.context).isEmpty)
        #expect(s.screen == .search, "Enter on a suggestion searches; it opens nothing")
    }

    @Test func theBroaderSearchSaysWhatItShows() throws {
        // Two words that never meet in one passage of the fixture, so the broader search is offered.
        var s = press(Fixture.state(), keys("s", "convolution overfitting"))
        try #require(s.search.results(s.context).offersBroader || s.search.results(s.context).isEmpty)
        s = press(s, [.tab, .char("a")])
        #expect(s.search.anyWord)
        #expect(screen(s).contains("with any of the words (a again: every word)"), "\(screen(s))")
        s = press(s, [.char("a")])
        #expect(!s.search.anyWord)
        #expect(screen(s).contains("with every word"), "\(screen(s))")
    }
}
