import Testing
@testable import NNGuideCore

/// The twelfth retest (issue 23): the record's Markdown escapes only what would change its meaning.
@Suite struct Retest12RenderTests {
    static let samples = [
        "Very few labels (under ~1,000)", "~1,000 rows", "about ~ 50", "a~b", "x~~y~~", "(~5%) or ~ten~",
        "ends with~", "~", "~~", "~~~ fence", "**bold** ~not~ here", "[link](~home)", "π ~3.14 and é~é",
        "under ~1,000 and ~2,000~", "notes: ~tilde~ paired", "1~2 3~4", "path ~/data/~x",
    ]

    /// "(under ~1,000)" reads as written: a tilde that cannot close a strike-through stays bare.
    @Test func aTildeThatCannotCloseStaysBare() {
        #expect(MarkdownText.literal("Very few labels (under ~1,000)") == "Very few labels (under ~1,000)")
        #expect(MarkdownText.literal("a ~b~ c") == "a ~b\\~ c")
    }

    /// Round trip: the escaped text unescaped is the text, and in any surroundings no bare tilde of it
    /// can close (CommonMark's right-flanking rule), so nothing is struck through.
    @Test(arguments: samples) func escapingRoundTripsAndStrikesNothing(_ s: String) {
        let out = MarkdownText.literal(s)
        #expect(Self.unescape(out) == s, "\(s) -> \(out)")
        for (before, after) in [(" ", " "), ("a", "a"), (".", "."), ("*", "b"), ("", "")] {
            let line = Array(before + out + after)
            for i in line.indices where line[i] == "~" && !Self.escaped(line, i) {
                #expect(!Self.rightFlanking(line, i), "a bare tilde could close in '\(String(line))' (from '\(s)')")
            }
        }
    }

    static func unescape(_ s: String) -> String {
        var out = "", chars = Array(s), i = 0
        while i < chars.count {
            if chars[i] == "\\", i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isPunctuation || chars[i + 1].isSymbol { i += 1 }
            out.append(chars[i]); i += 1
        }
        return out
    }

    static func escaped(_ c: [Character], _ i: Int) -> Bool {
        var n = 0, j = i - 1
        while j >= 0, c[j] == "\\" { n += 1; j -= 1 }
        return n % 2 == 1
    }

    /// The delimiter run holding `i` is right-flanking (CommonMark 0.30, 6.2), so it could close.
    static func rightFlanking(_ c: [Character], _ i: Int) -> Bool {
        var start = i, end = i
        while start > 0, c[start - 1] == "~", !escaped(c, start - 1) { start -= 1 }
        while end + 1 < c.count, c[end + 1] == "~" { end += 1 }
        let before: Character = start > 0 ? c[start - 1] : " ", after: Character = end + 1 < c.count ? c[end + 1] : " "
        func punct(_ x: Character) -> Bool { x.isPunctuation || x.isSymbol }
        if before.isWhitespace { return false }
        return !punct(before) || after.isWhitespace || punct(after)
    }
}
