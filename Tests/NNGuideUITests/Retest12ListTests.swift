import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// What the twelfth retest of issue 23 found in the explorer's search (new users at 80x24 and
/// 40x12): a full row dropped "(across paragraphs)" the shell shows, 40 columns cut the hits'
/// places ("…ing-serving skew"), `n` after opening a hit named the stemmed words ("data leak"), and
/// `s` on the search screen reopened the old query. On the shipped guide; each test fails on the
/// code before its fix.
@Suite struct Retest12ListTests {
    static func app(_ w: Int = 80, _ h: Int = 24) throws -> AppState { try Retest11ListTests.app(w, h) }
    static func screen(_ s: AppState) -> String { render(s).golden }

    // MARK: 1 and 2. The note never gives way; at a narrow width the place has its own line, whole

    /// Every hit, chosen in turn with `j`, shows the end of its place whole and, found across
    /// paragraphs, the shell's note after it; the status line counts it.
    @Test(arguments: [(80, 24), (40, 12), (40, 24)])
    func everyHitShowsItsPlaceAndItsNote(_ w: Int, _ h: Int) throws {
        var s = press(try Self.app(w, h), keys("s", "data leakage", Key.escape))
        let hits = s.search.hits(s.context)
        try #require(hits.contains { $0.spread != nil }, "no hit found across paragraphs")
        for (i, hit) in hits.enumerated() {
            #expect(s.search.list.index == i)
            #expect(s.search.status(s.context).1.hasPrefix("\(i + 1)/\(hits.count)"), "\(s.search.status(s.context))")
            let place = s.search.place(hit, s.context.glyphs)
            if let last = place.parts.last {
                // The note always; the place's end whole where it fits with the note (at 40 columns
                // "Classical ML on tabular (across paragraphs)" cannot).
                let shown = last + place.note
                let fits = w >= 80 || DisplayWidth.of(shown) <= w - 3
                let expected = fits ? shown : String(last.suffix(6)) + place.note
                #expect(Self.screen(s).contains(expected), "hit \(i + 1) at \(w)x\(h): \"\(expected)\" not on screen:\n\(Self.screen(s))")
            }
            s = press(s, keys("j"))
        }
    }

    /// At 40 columns a hit is its title and, under it, its place: `j` moves by hit, the selection
    /// covers both lines, and a click on the place opens the hit. At 80 the place stays on the title's line.
    @Test func atFortyColumnsThePlaceHasALineUnderTheTitle() throws {
        let s = press(try Self.app(40, 12), keys("s", "data leakage", Key.escape))
        let rows = s.search.rows(s.context)
        let firstTitle = try #require(rows.firstIndex(of: .title(0)))
        #expect(rows[firstTitle + 1] == .place(0), "\(rows)")
        let lines = s.search.hitLines(rows)
        #expect(lines[0].contains(firstTitle) && lines[0].contains(firstTitle + 1))
        let moved = press(s, keys("j"))
        #expect(moved.search.list.index == 1)
        // The chosen hit's two lines are both painted.
        let buf = render(s)
        let y = s.search.listRect(s.context.rect).y + firstTitle - s.search.list.top
        #expect(buf[10, y].role == .selection && buf[10, y + 1].role == .selection)
        var search = moved.search
        var ctx = moved.context
        guard case .openHit = search.click(x: 5, y: y + 1, &ctx) else { Issue.record("a click on the place opened nothing"); return }
        #expect(search.list.index == 0)
        let wide = press(try Self.app(), keys("s", "data leakage", Key.escape))
        #expect(!wide.search.rows(wide.context).contains(.place(0)))
    }

    // MARK: 3. `n` names the words typed

    @Test func nAfterOpeningAHitSaysTheWordsTyped() throws {
        let opened = press(try Self.app(), keys("s", "data leakage", Key.enter))
        try #require(opened.base == .reader)
        let next = press(opened, keys("n"))
        #expect(next.message?.hasPrefix("\"data leakage\": match ") == true, "\(next.message ?? "no message")")
    }

    // MARK: 4. `s` starts a new query, as `/` does

    /// `s` on the search screen out of the field already started empty (as `/`); kept with the
    /// test below, which fails on the old code (`s` from another screen, or after a hit, showed the old query).
    @Test func sOnTheSearchScreenStartsEmptyAndUpRecalls() throws {
        let kept = press(try Self.app(), keys("s", "attention", Key.escape, "j"))
        let again = press(kept, keys("s"))
        #expect(again.search.field.text == "" && again.search.field.focused, "\(again.search.field.text)")
        #expect(press(again, [.up]).search.field.text == "attention")
    }

    @Test func sFromAnotherScreenStartsEmptyAndEscBringsTheOldBack() throws {
        let kept = press(try Self.app(), keys("s", "attention", Key.escape, "j"))
        let index = kept.search.list.index
        let again = press(kept, keys("t", "s"))
        #expect(again.search.field.text == "", "\(again.search.field.text)")
        let back = press(again, [.escape])
        #expect(back.search.field.text == "attention" && back.search.list.index == index)
    }
}
