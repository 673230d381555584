import Foundation
import Testing

/// Issue 23's third retest, in the real binary on the shipped guide: letters on a brief's choice field
/// are keys (a value's name is typed after Enter), and `/` finds on the recommendation.
@Suite(.enabled(if: ExplorerPaths.haveTmux && ExplorerPaths.haveBinary, "needs tmux and .build/debug/nnguide (make test builds it)"))
struct FormKeysTmuxTests {
    static let sizes = [(80, 24), (40, 12)]

    /// How far down the status line says the page is ("Top", "69%").
    static func position(_ t: TmuxSession) -> String {
        let lines = t.screen().split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.count >= 2 ? String(lines[lines.count - 2].split(separator: " ").last ?? "") : ""
    }

    /// `key` opens a prompt (Enter a field, `/` a find): `text` typed into it and Enter pressed.
    static func enter(_ t: TmuxSession, _ key: String, _ text: String) throws {
        try t.send(key)
        try t.type(text)
        try t.send("Enter")
    }

    static func records(_ t: TmuxSession) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: t.stateDir)) ?? []).filter { $0.hasPrefix("decision-") }
    }

    /// Item 1: on the deploy field a letter that is no key types nothing and says Enter types a name;
    /// Enter then "phone" sets deploy to mobile (its alias); `e` and `p` still act there. Typing
    /// "phone" there had opened the path (`p`) and saved a record (`e`) while "the hint" said "just type it".
    @Test(arguments: sizes) func onAChoiceLettersAreKeysAndEnterTypesAName(_ w: Int, _ h: Int) throws {
        let t = try TmuxSession(width: w, height: h, args: ["--content", ExplorerPaths.content])
        t.waitFor("Start at the beginning")
        try t.send("d", "3", "1", "j", "2")   // tabular regression
        t.waitFor("regression")
        try t.send("j", "j", "j", "j")
        t.waitFor("where the model runs")
        #expect(!t.screen().contains("just type"), "\(t.screen())")
        try t.send("z")
        t.waitFor("z does nothing here; Enter types a name")
        try Self.enter(t, "Enter", "phone")
        // The row, not the list of values under it (which always says "4 mobile").
        t.waitFor("deploy           \u{25C2} mobile \u{25B8}")
        #expect(Self.records(t).isEmpty, "a record was saved while typing a name: \(Self.records(t))")
        // The form's own letters still act on a choice field.
        try t.send("e")
        // At 40 columns the message wraps onto the rows above the key line: the name starts the next.
        t.waitFor("Saved record")
        t.waitFor("decision-")
        #expect(Self.records(t).count == 1, "\(Self.records(t))")
        try t.send("p")
        t.waitFor("pick \u{2022}")
        try t.send("q")
        t.waitFor("EXIT=0")
        t.expectRestored()
    }

    /// Item 8: `/` on the recommendation finds, scrolls to the match, and `n` steps on.
    @Test func theRecommendationFinds() throws {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.content])
        t.waitFor("Start at the beginning")
        try t.send("d", "3", "1", "j", "2", "r")
        t.waitFor("For your brief")
        t.waitFor("recommendation")
        #expect(Self.position(t) == "Top", "\(t.screen())")
        try Self.enter(t, "/", "pretrained not given")
        t.waitFor("\"pretrained not given\": match 1 of 1; n next, N previous")
        #expect(Self.position(t) != "Top", "the page did not scroll to the match:\n\(t.screen())")
        #expect(t.screen().contains("pretrained not given"), "\(t.screen())")
        try t.send("n")
        t.waitFor("match 1 of 1")
        try Self.enter(t, "/", "zebra")
        t.waitFor("\"zebra\" is not on this page")
        try t.send("q")
        t.waitFor("EXIT=0")
        t.expectRestored()
    }
}
