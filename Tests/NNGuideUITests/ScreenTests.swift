import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Golden screens: every view at 80x24 and 40x12, reached by keys through `update`. Each records its
/// roles too (Golden/NAME.roles.txt): the meaning of a screen is often in a highlight (the chosen
/// row, the focused link, the marked matches), which the text alone does not show.
@Suite struct ScreenTests {
    static let sizes = [(80, 24), (40, 12)]

    /// Each case: a name and the keys that lead to the screen from a fresh start.
    static let screens: [(String, [Key])] = [
        ("home", []),
        ("contents", keys("t")),
        ("contents-collapsed", keys("t", "jjh")),
        ("reader-opening", keys("1")),
        ("reader-link-focus", keys("1", Key.tab, Key.tab)),
        ("reader-popover", keys("1", Key.tab, Key.enter)),
        ("reader-part-menu", keys("t", "jj", Key.enter)),
        ("reader-section", keys("t", "jjjj", Key.enter))
        ,("reader-section-scrolled", keys("t", "jjjj", Key.enter, " ")),
        ("reader-table", keys("t", "jjjjjj", Key.enter, "G")),
        ("reader-find-prompt", keys("t", "jjjj", Key.enter, "/", "bias")),
        ("glossary", keys("i")),
        ("glossary-filtered", keys("i", "induct")),
        ("glossary-typo", keys("i", "overfitign")),
        ("glossary-related", keys("i", "induct", Key.enter, Key.tab)),
        ("search-empty", keys("s")),
        ("search-results", keys("s", "overfit")),
        ("compare", keys("c")),
        ("compare-picked", keys("c", "jjxjx")),
        ("compare-picked-transposed", keys("c", "jjxjxjx", "T")),
        ("help", keys("?")),
        ("decide", keys("d")),
        ("reader-find-link", keys("t", "jjjj", Key.enter, "/", "bias", Key.enter, "n", Key.tab)),
        ("search-results-moved", keys("s", "overfit", Key.down, Key.down)),
        ("glossary-selected", keys("i", Key.tab, "jj")),
        ("decide-hub-moved", keys("d", "jj")),
    ]

    @Test(arguments: screens)
    func screen(_ name: String, _ path: [Key]) {
        for (w, h) in Self.sizes {
            let s = press(Fixture.state(w, h), path)
            #expect(s.violations().isEmpty, "\(name) \(w)x\(h): \(s.violations())")
            expectGolden(s, "\(name)-\(w)x\(h)", roles: true)
        }
    }

    @Test func tooSmallShowsTheNeededSize() {
        let s = press(Fixture.state(), [.resize(width: 10, height: 4)])
        expectGolden(s, "too-small-10x4")
        #expect(render(s).lines.joined().contains("32x8"))
    }

    @Test func asciiTerminalGetsNoUnicode() {
        let s = press(Fixture.state(80, 24, glyphs: .plain), keys("t", "jjjjjj", Key.enter, "G"))
        let text = render(s).lines.joined()
        let nonASCII = text.unicodeScalars.filter { !$0.isASCII }
        #expect(nonASCII.isEmpty, "non-ASCII on an ASCII terminal: \(String(String.UnicodeScalarView(nonASCII)))")
        expectGolden(s, "ascii-reader-table-80x24")
    }
}
