import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// What the eleventh retest of issue 23 found in Compare, search and Home (a new user with vim,
/// less and fzf habits, at 80x24 and 40x12): a second `/` appended to the old filter, the comparison
/// paged through the middle of a row, a digit on an unpicked row showed the picks without it, search
/// counted two numbers and lost its `n` hint and its locations at 40x12, Home's bookmarks were below
/// the fold unmarked. On the shipped guide; each test fails on the code before its fix.
@Suite struct Retest11ListTests {
    static func app(_ w: Int = 80, _ h: Int = 24, reading: ReadingState = ReadingState()) throws -> AppState {
        AppState(library: try #require(BriefFormChoiceTests.library, "Content/ does not load"), width: w, height: h, reading: reading)
    }

    // MARK: 1. `/` starts empty; Up recalls the old words

    @Test(arguments: [(80, 24), (40, 12)])
    func aSecondSlashInCompareStartsAnEmptyFilter(_ w: Int, _ h: Int) throws {
        let kept = press(try Self.app(w, h), keys("c", "/", "cnn", Key.enter))
        try #require(kept.compare.filter.text == "cnn")
        let again = press(kept, keys("/"))
        #expect(again.compare.filter.text == "", "a second / kept \"\(again.compare.filter.text)\"")
        #expect(press(again, keys("vit")).compare.filter.text == "vit")
        // Up in the empty field brings the old filter back; Esc puts it back too.
        #expect(press(again, [.up]).compare.filter.text == "cnn")
        #expect(press(again, [.escape]).compare.filter.text == "cnn")
    }

    @Test func aSecondSlashInTheGlossaryStartsEmptyAndUpRecalls() throws {
        let kept = press(try Self.app(), keys("i", "atten", Key.escape))
        let chosen = kept.glossary.selectedID
        let again = press(kept, keys("/"))
        #expect(again.glossary.field.text == "", "\(again.glossary.field.text)")
        #expect(again.glossary.selectedID == chosen, "the term chosen moved")
        #expect(press(again, [.up]).glossary.field.text == "atten")
    }

    @Test func aNewQueryStartsEmptyAndEscBringsTheOldBack() throws {
        let kept = press(try Self.app(), keys("s", "attention", Key.escape, "jj"))
        let index = kept.search.list.index
        let again = press(kept, keys("/"))
        #expect(again.search.field.text == "", "\(again.search.field.text)")
        let back = press(again, [.escape])
        #expect(back.search.field.text == "attention")
        #expect(back.search.list.index == index, "the chosen hit moved")
        #expect(press(again, [.up]).search.field.text == "attention")
    }

    @Test func upInAnEmptyFindPromptRecallsTheLastWords() throws {
        let found = press(try Self.app(), keys("t", Key.enter, "/", "model", Key.enter))
        try #require(!found.reader.find.isEmpty)
        let prompt = press(found, keys("/"))
        #expect(prompt.reader.find.prompt?.field.text == "")
        #expect(press(prompt, [.up]).reader.find.prompt?.field.text == "model")
    }

    // MARK: 2. Compare pages at row boundaries; a digit shows its row

    /// Every page of the table starts at a row (or is the last screenful), and at 40 columns no page
    /// ends with a card's heading alone.
    @Test(arguments: [(80, 24, ""), (40, 12, ""), (80, 24, "xjx"), (40, 12, "xjxj")])
    func theComparisonPagesAtRowBoundaries(_ w: Int, _ h: Int, _ picks: String) throws {
        var s = press(try Self.app(w, h), keys("c"))
        if !picks.isEmpty {
            // The architectures after the matrices: pick a few, then look at their table.
            let first = try #require(s.compare.items(s.context).firstIndex { if case .architecture = $0 { return true }; return false })
            s = press(s, Array(repeating: Key.char("j"), count: first) + keys(picks))
        }
        s = press(s, [.tab])
        try #require(s.compare.tableFocus || s.compare.bothShown(s.context.rect))
        if !s.compare.tableFocus { s = press(s, [.tab]) }
        var pages = 0
        var before: Int?
        while true {
            let size = s.compare.gridSize(s.context)
            let starts = s.compare.bodyRowStarts(s.context)
            let top = s.compare.grid.top
            // The one exception: a row taller than the screen (no row began on the page before).
            let tall = before.map { b in !starts.contains { $0 > b && $0 <= b + size.height } } ?? false
            #expect(top == 0 || starts.contains(top) || tall || top == Viewport<Int>.maxTop(lines: size.lines, height: size.height),
                    "page \(pages) at \(w)x\(h) starts inside a row (top \(top), rows at \(starts)):\n\(shown(s))")
            // Nor does a page start with a row the page before showed whole (its separator aside).
            if let b = before, top != Viewport<Int>.maxTop(lines: size.lines, height: size.height) {
                let next = starts.first { $0 > top } ?? size.lines
                #expect(!(top >= b && next - 1 <= b + size.height), "page \(pages) repeats a whole row (top \(top)):\n\(shown(s))")
            }
            let pane = s.compare.panes(s.context.rect).table
            let last = render(s).lines[pane.maxY - 1]
            #expect(!last.hasPrefix("▌"), "page \(pages) ends with a card's heading:\n\(shown(s))")
            let next = press(s, [.pageDown])
            if next.compare.grid.top == top || pages > 40 { break }
            before = top
            s = next; pages += 1
        }
        #expect(pages > 0, "the table fits one page; nothing was paged")
    }

    /// The filter's words put the cursor on the item they name, as fzf's best match comes first:
    /// "vit" chose the matrix "Vision: CNN vs ViT vs CLIP", where `x` picks nothing.
    @Test func aFilterThatNamesAnArchitectureChoosesIt() throws {
        let s = press(try Self.app(40, 12), keys("c", "/", "vit"))
        guard case .architecture(let a)? = s.compare.current(s.context) else {
            Issue.record("the cursor is not on an architecture: \(String(describing: s.compare.current(s.context)))"); return
        }
        #expect(a.id == "vit" || a.short?.lowercased() == "vit", "\(a.id)")
        #expect(press(s, keys(Key.enter, "x")).compare.picked == [a.id])
    }

    /// A digit chooses its row and the table shows it, beside the picks when it is not one of them
    /// (README: "item N of the compare list (chosen and shown in the table, never picked)").
    @Test(arguments: [(80, 24), (40, 12)])
    func aDigitOnAnUnpickedRowShowsThatRow(_ w: Int, _ h: Int) throws {
        var s = press(try Self.app(w, h), keys("c"))
        let items = s.compare.items(s.context)
        let archs = items.indices.filter { if case .architecture = items[$0] { return $0 < 9 }; return false }
        try #require(archs.count >= 2)
        // Pick the first architecture, then press the digit of the second.
        s = press(s, keys("\(archs[0] + 1)", "x"))
        if s.compare.tableFocus { s = press(s, [.tab]) }
        try #require(s.compare.picked.count == 1)
        s = press(s, keys("\(archs[1] + 1)"))
        guard case .architecture(let a) = items[archs[1]] else { return }
        let table = try #require(s.compare.table(s.context))
        #expect(table.table.columns.contains(a.displayName), "\(a.displayName) not in \(table.table.columns)")
        #expect(s.compare.picked.count == 1, "a digit picked")
        #expect(table.title.contains(a.displayName), "\(table.title)")
    }

    // MARK: 3. Search at 40x12

    @Test(arguments: [(80, 24), (40, 12)])
    func theSearchCountIsTheHitsYouMoveThrough(_ w: Int, _ h: Int) throws {
        let s = press(try Self.app(w, h), keys("s", "attention"))
        let hits = s.search.hits(s.context).count
        let res = s.search.results(s.context)
        try #require(res.total > hits, "no group is cut; the test needs one")
        let lines = render(s).lines
        #expect(lines[1].hasPrefix("\(hits) results"), "\(lines[1])")
        #expect(!lines[1].contains("\(res.total)"), "\(lines[1])")
        #expect(lines[lines.count - 2].contains("1/\(hits)"), "\(lines[lines.count - 2])")
    }

    @Test func anOpenedHitOffersNextMatchAt40Columns() throws {
        let opened = press(try Self.app(40, 12), keys("s", "attention cost", Key.enter))
        try #require(opened.screen == .reader && !opened.reader.find.isEmpty)
        #expect(Retest8Tests.hintLine(opened).contains("n next match"), "\(Retest8Tests.hintLine(opened))")
    }

    /// At 40 columns a hit's location keeps its end, and does not repeat the hit's own title as
    /// all it says ("Limitations  … › Limitations").
    @Test func aNarrowHitsLocationSaysWhereItIs() throws {
        var s = press(try Self.app(40, 12), keys("s", "attention", Key.tab))
        let hits = s.search.hits(s.context)
        var checked = 0
        for (i, hit) in hits.enumerated() where hit.kind != .glossary && hit.breadcrumb.count > 1 && hit.breadcrumb.last == hit.title {
            let parent = hit.breadcrumb[hit.breadcrumb.count - 2]
            // Where the row has room for the parent's end beside the title (cut to half the row at most).
            guard DisplayWidth.of(parent) + 6 + min(DisplayWidth.of(hit.title), 18) <= 37 else { continue }
            while s.search.list.index < i { s = press(s, keys("j")) }
            // The place on the line under the title (twelfth retest).
            let lines = render(s).lines
            guard let t = lines.firstIndex(where: { $0.contains(String(hit.title.prefix(8))) }), t + 1 < lines.count else { continue }
            let row = lines[t + 1]
            #expect(row.contains(parent), "\(hit.title) in \(parent): \(row)")
            checked += 1
            if checked >= 3 { break }
        }
        #expect(checked > 0)
    }

    // MARK: 5. Home says what is below the fold

    @Test func homesBookmarksBelowTheFoldAreMarkedAndReached() throws {
        let marks = ["a": Position(page: "opening"), "b": Position(page: "part-2"), "c": Position(page: "part-3")]
        var s = try Self.app(40, 12, reading: ReadingState(bookmarks: marks))
        #expect(shown(s).contains("more"), "nothing says there is more:\n\(shown(s))")
        let all = s.home.items(s.context)
        for _ in 0..<all.count { s = press(s, keys("j")) }
        #expect(all[s.home.list.index].title.hasPrefix("Bookmark"), "j did not reach the bookmarks")
        #expect(shown(s).contains("Bookmark c") || shown(s).contains("'c"), "\(shown(s))")
    }
}
