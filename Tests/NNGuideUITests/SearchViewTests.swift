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

    /// A word spelt as it sounds (seventh retest: "atenshun" said only "Nothing found") is offered as
    /// the word meant, taken with the same key, at 80 and at 40 columns.
    @Test(arguments: [(80, 24), (40, 12)])
    func aWordSpeltAsItSoundsIsOfferedAndTaken(_ size: (w: Int, h: Int)) throws {
        var s = press(Fixture.state(size.w, size.h), keys("s", "atenshun"))
        #expect(s.search.results(s.context).suggestion == "attention", "\(screen(s))")
        #expect(screen(s).contains("Did you mean \"attention\"?"), "\(screen(s))")
        s = press(s, [.enter])
        #expect(s.search.field.text == "attention" && !s.search.hits(s.context).isEmpty, "\(screen(s))")
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

    /// At 40 columns every hit on screen has its snippet line under its place (issue 23's retest:
    /// none showed) when three hits fit with theirs (at 40x12 each hit's place has the line instead,
    /// twelfth retest), and the snippet is the hit's own, marked where the query matched.
    @Test func snippetsShowAtFortyColumns() throws {
        let s = press(Fixture.state(40, 16), keys("s", "overfit"))
        let hits = s.search.hits(s.context)
        try #require(hits.count >= 2 && hits.allSatisfy { !$0.snippet.text.isEmpty }, "the fixture's hits have no snippets")
        let lines = render(s).lines
        let first = try #require(lines.firstIndex { $0.contains(" 1 ") && $0.contains(String(hits[0].title.prefix(8))) }, "\(lines)")
        let under = lines[first + (hits[0].kind == .glossary ? 1 : 2)].trimmingCharacters(in: .whitespaces)
        #expect(!under.isEmpty && hits[0].snippet.text.hasPrefix(String(under.prefix(12))), "\(lines.joined(separator: "\n"))")
        // A snippet holding the word (not the entry matched by its title) is cut to the line's width,
        // so the word is on screen, not past the edge.
        let j = try #require(hits.firstIndex { !$0.snippet.matches.isEmpty }, "no snippet marks the word")
        let title = try #require(lines.firstIndex { $0.hasPrefix(" \(j + 1) ") }, "\(lines)")
        #expect(lines[title + 2].lowercased().contains("overfit"), "\(lines[title + 2])")
    }
}

/// Issue 23's retest: a message about a key cut at 80 columns ("…nothing her…", the paste's). A key
/// that does nothing is answered in one line that fits 80 columns whole, and at 40 the line still
/// begins with the key's name.
@Suite struct LongMessageTests {
    @Test(arguments: [(80, 24), (40, 12)])
    func aKeyThatDoesNothingIsNamed(_ size: (w: Int, h: Int)) throws {
        var seen = 0
        for path in [keys(), keys("t"), keys("i", Key.tab), keys("c"), keys("s", "overfit", Key.tab)] {
            for key in [Key.paste("some text"), .char("Z"), .ctrl("x"), .function(9)] {
                let s = press(Fixture.state(size.w, size.h), path + [key])
                guard let m = s.message else { continue }
                seen += 1
                // The message's first row (a long one wraps onto rows above the hint line: sixth retest).
                let last = try #require(messageRows(s).first)
                if size.w >= 80 { #expect(messageRows(s).joined(separator: " ") == m, "\(path) \(key): '\(m)' shown as '\(last)'") }
                #expect(last.hasPrefix(key.label), "\(size) \(path) \(key): \(last)")
            }
        }
        #expect(seen >= 5, "too few keys answered with a message to check")
    }
}
