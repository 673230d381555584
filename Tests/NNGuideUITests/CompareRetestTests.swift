import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Issue 23, the third retest's item 3: Compare's transposed table at 80x24 said "Criterion" above the
/// architectures' names, showed blank lines under short cells for a long one out of sight, and its
/// hint offered "Enter drop MLP" in the table, where Enter acted on the list.
@Suite struct CompareRetestTests {
    /// The fixture, with CNN's limitations long enough to make its row tall in a column off screen.
    static let library: Library = {
        let g = Fixture.guide
        var catalog = g.catalog
        catalog.architectures = catalog.architectures.map { a -> Architecture in
            var a = a
            if a.id == "cnn" {
                a.limitations = ["Sees a local neighbourhood per layer, so relations across the whole image need depth or pooling to appear at all",
                                 "Its built-in assumptions help with little data but cap what it learns once data is plentiful and varied"]
            }
            return a
        }
        return Library(guide: Guide(pages: g.pages, glossary: g.glossary, catalog: catalog, decisions: g.decisions, sources: g.sources))
    }()

    static func transposed() -> AppState {
        press(AppState(library: library, width: 80, height: 24, glyphs: .unicode), keys("c", "jjxjxjx", "T"))
    }

    /// The table's lines on screen, from its top rule to its bottom one.
    static func table(_ s: AppState) -> [String] {
        Array(render(s).lines.drop { !$0.hasPrefix("┌") }.prefix { !$0.hasPrefix("└") })
    }

    @Test func theTransposedCornerNamesTheArchitecturesAndRowsHaveNoBlankLines() throws {
        let s = Self.transposed()
        let lines = Self.table(s)
        try #require(lines.count > 3, "no table on screen:\n\(render(s).lines.joined(separator: "\n"))")
        #expect(lines[1].contains("│ Architecture") && !lines[1].contains("Criterion"), "corner: \(lines[1])")
        try #require(s.compare.hiddenColumns(s.context).right > 0, "the table fits: nothing is out of sight")
        // A line of a row whose every cell on screen is empty is padding for a column out of sight.
        let blank = lines.filter { $0.hasPrefix("│") && $0.allSatisfy { $0 == "│" || $0 == " " } }
        #expect(blank.isEmpty, "blank lines in the table:\n\(lines.joined(separator: "\n"))")
        // Scrolled to the long column, CNN's row is as tall as its limitations need, and shows them whole.
        var scrolled = press(s, [.tab])
        while scrolled.compare.hiddenColumns(scrolled.context).right > 0 { scrolled = press(scrolled, keys("l")) }
        let text = Self.table(scrolled).joined(separator: " ")
        #expect(text.contains("• Sees a local") && text.contains("varied"), "\(Self.table(scrolled).joined(separator: "\n"))")
    }

    /// Issue 23, seventh retest: paging the picks' table scrolled its header row (the architectures'
    /// names) and the "Picked: …" line away, so no row said which column was which. They stay, as
    /// `less --header` keeps its lines; at 40 columns (cards, each value named) the "Picked" line does.
    @Test(arguments: [(80, 24), (40, 12)])
    func pagingThePicksKeepsTheirNamesOnScreen(_ size: (w: Int, h: Int)) throws {
        var s = press(AppState(library: Self.library, width: size.w, height: size.h, glyphs: .unicode), keys("c", "jjxjxjx"))
        s = press(s, [.tab])
        let before = render(s).lines
        let picked = try #require(before.first { $0.contains("Picked: ") }, "\(before.joined(separator: "\n"))")
        // The header row: the line under the table's top rule.
        let header = before.firstIndex { $0.hasPrefix("┌") }.map { before[$0 + 1] }
        for key in [Key.char(" "), .pageDown] {
            let paged = press(s, [key])
            try #require(paged.compare.grid.top > 0, "the table fits: nothing to page\n\(before.joined(separator: "\n"))")
            let after = render(paged).lines
            #expect(after.contains(picked), "\(key.label): \(after.joined(separator: "\n"))")
            if size.w >= 60 {
                let header = try #require(header, "no header row:\n\(before.joined(separator: "\n"))")
                #expect(after.contains(header), "\(key.label): \(after.joined(separator: "\n"))")
            }
            // The body moved under them.
            #expect(after != before)
            #expect(paged.violations().isEmpty, "\(paged.violations())")
        }
        // Paged to the end and back, the last row is reached and nothing is skipped at the top.
        let end = press(s, [.char("G")])
        #expect(render(end).lines.contains(picked))
        #expect(press(end, [.char("g")]).compare.grid.top == 0)
    }

    @Test func enterInTheTableIsNotOfferedAndDropsNothing() {
        let table = press(Self.transposed(), [.tab])
        #expect(table.compare.tableFocus)
        let hint = render(table).lines.last ?? ""
        #expect(!hint.contains("Enter"), "\(hint)")
        let entered = press(table, [.enter])
        #expect(entered.compare.picked == table.compare.picked, "Enter in the table changed the picks")
        #expect(entered.message?.contains("Tab") == true, "\(entered.message ?? "no message")")
    }
}
