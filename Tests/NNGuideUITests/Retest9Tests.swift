import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// What the ninth retest found in the explorer (issue 23).
@Suite struct Retest9Tests {
    static func library() throws -> Library { try #require(BriefFormChoiceTests.library) }

    /// The shell words of `text` as bash reads them: `\`-newline removed, then words parted by
    /// unquoted whitespace; single quotes and `\x` escapes unquoted.
    static func shellWords(_ text: String) -> [String] {
        let joined = text.replacing("\\\n", with: "")
        var words: [String] = [], word = "", inWord = false, quoted = false, escaped = false
        for c in joined {
            if escaped { word.append(c); escaped = false; inWord = true; continue }
            if quoted { if c == "'" { quoted = false } else { word.append(c) }; continue }
            switch c {
            case "'": quoted = true; inWord = true
            case "\\": escaped = true
            case " ", "\n", "\t": if inWord { words.append(word) }; word = ""; inWord = false
            default: word.append(c); inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    // Friction 1: the ^Y box cut a long --notes value mid-word at 40 columns.
    @Test func theCommandBoxFitsEveryWidthAndPastesAsTheSameCommand() throws {
        let notes = "Customer churn, 30k customers; explain to the business, it's a long note"
        let command = "nnguide recommend --modality tabular --task classification --samples 30000 --notes " + MarkdownText.shellWord(notes)
        try #require(command.contains("'\\''"), "\(command)")
        for width in 30...80 {
            let lines = Sheet.commandLines(command, width: width)
            for l in lines { #expect(DisplayWidth.of(l) <= width - 2, "\(width): \(l)") }
            #expect(Self.shellWords(lines.joined(separator: "\n")) == Self.shellWords(command), "\(width):\n\(lines.joined(separator: "\n"))")
        }
        #expect(Self.shellWords(command).last == notes)
    }

    // Friction 6: help at a pick opened at "Decide: at a pick", with y and M in the section above.
    @Test(arguments: [(80, 24), (40, 12)])
    func helpAtAPickShowsEveryKeyOfThePickAtOrBelowTheTop(_ size: (Int, Int)) throws {
        let pick = press(AppState(library: try Self.library(), width: size.0, height: size.1), keys("d1", "22"))
        try #require(pick.decide.session?.atPick == true)
        let s = press(pick, keys("?"))
        try #require(s.screen == .help)
        let d = HelpView.document(width: pick.context.rect.page.width, glyphs: pick.context.glyphs)
        for scope in [Scope.decidePick, .decideTree, .decide] {
            let place = try #require(d.places[HelpView.place(scope)])
            #expect(s.help.scroll.top <= place, "\(scope.title) starts above the top")
        }
        let top = render(s).lines.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        // The pick's own section, which lists `y` now, comes first (thirteenth retest: at 40x12 the
        // question-or-pick section had `y` a screen below its heading).
        #expect(top.contains(Scope.decidePick.title), "help opened at: \(top)")
    }

    // Friction 7: at question 1 the key line offered Tab and y, which only answered "nothing yet".
    @Test func question1OffersNeitherTabNorYUntilAnAnswerGivesThemSomethingToDo() throws {
        let first = press(AppState(library: try Self.library(), width: 80, height: 24), keys("d1"))
        try #require(first.decide.session != nil && first.decide.session?.nav.answers.isEmpty == true)
        let words = { (s: AppState) in s.hintItems.map(\.words) }
        #expect(!words(first).contains("change") && !words(first).contains("command"), "\(first.hintItems)")
        // The keys still explain themselves.
        #expect(press(first, [.tab]).message?.hasPrefix("Nothing to move to yet") == true)
        #expect(render(press(first, keys("y"))).lines.joined().contains("say nothing yet"))
        let answered = press(first, keys("2"))
        try #require(answered.decide.session?.nav.answers.count == 1)
        #expect(words(answered).contains("change") && words(answered).contains("command"), "\(answered.hintItems)")
    }

    // Friction 9: search's locations were cut at 80 ("Part 7 › Honest splits (words across its p…"),
    // and an opened hit did not offer n.
    @Test(arguments: [80, 40])
    func searchHitLocationsKeepTheirEndAndSayWhatTheNoteMeans(_ width: Int) throws {
        let s = press(AppState(library: try Self.library(), width: width, height: 24), keys("s", "data leakage"))
        let hits = s.search.hits(s.context)
        let lines = render(s).lines
        var spread = 0
        for (j, hit) in hits.prefix(9).enumerated() where hit.kind != .glossary {
            // Below 60 columns the place is on the line under the title (twelfth retest).
            guard let at = lines.firstIndex(where: { $0.hasPrefix(" \(j + 1) ") }), let last = hit.breadcrumb.last,
                  DisplayWidth.of(hit.title) + DisplayWidth.of(last) + 12 <= width else { continue }
            let row = lines[at] + (width < 60 && at + 1 < lines.count ? lines[at + 1] : "")
            #expect(row.contains(last), "\(width): \(row)")
            // The note is there whenever the row has room for it beside the location's end.
            guard let short = hit.spread,
                  DisplayWidth.of(hit.title) + DisplayWidth.of("… › " + last) + DisplayWidth.of(short) + 10 <= width else { continue }
            spread += 1
            #expect(row.contains("(\(short))"), "\(width): \(row)")
        }
        if width == 80 { #expect(spread > 0, "\(lines.joined(separator: "\n"))") }
        #expect(!lines.joined().contains("across its"))
        let opened = press(s, [.enter])
        try #require(opened.screen == .reader && !opened.reader.find.isEmpty)
        #expect(opened.hintItems.contains { $0.keys == "n" && $0.words == "next match" }, "\(opened.hintItems)")
        #expect(!press(AppState(library: try Self.library(), width: width, height: 24), keys("t", Key.enter)).hintItems.contains { $0.keys == "n" })
    }

    // Friction 12: after a change was applied the "What would change the pick" lines changed order.
    @Test func appliedChangesKeepTheFlipsInTheirOrder() throws {
        let start = AppState(library: try Self.library(), width: 80, height: 24)
        // Text generation with 500 samples, the samples field reached by name: on this guide the
        // field after task is output, a choice, where "500" is no value.
        var s = try Retest9FormTests.at(press(start, keys("d3", "4", Key.down, "6")), .samples)
        s = press(s, keys("500") + [.enter, .ctrl("r")])
        let before = try #require(s.decide.top as? RecommendationScreen).flips(s.context)
        try #require(before.count >= 2)
        for i in before.indices {
            let applied = press(s, [Key.tab] + Array(repeating: Key.tab, count: i) + [Key.enter])
            guard let screen = applied.decide.top as? RecommendationScreen, !screen.applied.isEmpty else { continue }
            let after = screen.flips(applied.context)
            // The changes shown both times come in the same order.
            let key = { (f: Flip) in "\(f.field.name)=\(f.value)" }
            let kept = Set(before.map(key)).intersection(after.map(key))
            #expect(before.map(key).filter(kept.contains) == after.map(key).filter(kept.contains), "applied \(before[i].change)")
            // Fields new to the list come after the others.
            let old = Set(before.map(\.field))
            if let firstNew = after.firstIndex(where: { !old.contains($0.field) }) {
                #expect(after[firstNew...].allSatisfy { !old.contains($0.field) }, "\(after.map(\.change))")
            }
        }
    }

    @Test func stableOrderPutsKnownChangesFirstAndNewFieldsByFieldOrder() {
        let f = { (n: String, v: String) in Flip(field: BriefField(n), value: v, pick: "p", title: "P", change: "\(n)=\(v)") }
        let order = [f("samples", "100000"), f("deploy", "edge"), f("samples", "500")]
        let now = [f("samples", "500"), f("latency_ms", "10"), f("deploy", "edge"), f("modality", "text"), f("samples", "100000")]
        let shown = RecommendationScreen.stable(now, order: order, fields: [BriefField("modality"), BriefField("samples"), BriefField("deploy"), BriefField("latency_ms")])
        #expect(shown.map(\.change) == ["samples=100000", "deploy=edge", "samples=500", "modality=text", "latency_ms=10"])
        #expect(RecommendationScreen.stable(now, order: [], fields: []) == now)
    }
}
