import Foundation
import Testing

/// Issue 23's retests, in the real binary on the shipped guide: every letter types on the brief form
/// (the sixth retest; the third had made letters keys there), and `/` finds on the recommendation.
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

    /// Issue 23, sixth retest: every letter types on the brief form, as in a select box, and the form's
    /// commands are control keys. The whole path of a new user: d 3, "tabular" typed on modality with
    /// Enter (which goes on to task), "classif" with Enter, ^S: the brief is saved, no record was written along
    /// the way (`e` inside "tabular" had saved one, `t` had opened the contents, `x` cleared the field).
    @Test(arguments: sizes) func aUserTypesNamesAndSavesWithCtrlS(_ w: Int, _ h: Int) throws {
        let t = try TmuxSession(width: w, height: h, args: ["--content", ExplorerPaths.content])
        t.waitFor("Start at the beginning")
        try t.send("d", "3")
        t.waitFor("modality 1/")
        #expect(t.settled().split(separator: "\n").last?.contains("^S save") == true, "\(t.screen())")
        try t.type("tabular")
        t.waitFor("modality*        tabular")
        #expect(!t.screen().contains("Contents"), "t left the form:\n\(t.screen())")
        // Enter takes it and goes on to task, as fzf's and dialog's Enter (twelfth retest).
        try t.send("Enter")
        t.waitFor("task 2/")
        #expect(w < 80 || t.screen().contains("modality*        tabular"), "\(t.screen())")
        try t.type("classif")
        t.waitFor("classif")
        try t.send("Enter")
        // On to the third field; the saved file below says what task holds.
        t.waitForScreen("the next field") { $0.split(separator: "\n").dropLast().last?.contains(" 3/") == true }
        #expect(Self.records(t).isEmpty, "a record was saved while typing: \(Self.records(t))")
        try t.send("C-s")
        // The status line says so: "(brief saved)" at 80 columns; at 40 the message line names the file
        // (the status line keeps the field's name: "Saved  output 3/11").
        t.waitForScreen("the brief saved") { $0.contains("brief saved") || $0.contains("Saved brief tabular") }
        let brief = t.stateDir + "/nnguide/briefs/tabular-classification.yaml"
        let text = (try? String(contentsOfFile: brief, encoding: .utf8)) ?? ""
        #expect(text.hasPrefix("modality: tabular\ntask: classification\n"), "\(text)")
        #expect(Self.records(t).isEmpty, "\(Self.records(t))")
        try t.send("C-c")
        t.waitFor("EXIT=0")
        t.expectRestored()
    }

    /// Sixth retest F1: a flip applied on the recommendation (^R, Tab to a change, Enter), then Esc and
    /// q did nothing. Esc goes back to the form with the flip kept in the brief.
    @Test func escLeavesTheRecommendationKeepingTheFlip() throws {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.fixture])
        t.waitFor("Start at the beginning")
        try t.send("d", "3", "4", "Down", "6", "C-r")
        t.waitFor("For your brief: modality=text task=generation")
        try t.send("End")
        t.waitFor("What would change the pick")
        try t.send("Tab")
        t.waitForScreen("a change focused") { ($0.split(separator: "\n").last ?? "").contains("apply") }
        try t.send("Enter")
        t.waitFor("Changed: context=long")
        try t.send("Escape")
        t.waitFor("Decide \u{203A} Model Brief")
        t.waitFor("context          long")
        try t.send("C-c")
        t.waitFor("EXIT=0")
        t.expectRestored()
    }

    /// Item 8: `/` on the recommendation finds, scrolls to the match, and `n` steps on.
    @Test func theRecommendationFinds() throws {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.content])
        t.waitFor("Start at the beginning")
        try t.send("d", "3", "1", "Down", "2", "C-r")
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
        try t.send("C-c")
        t.waitFor("EXIT=0")
        t.expectRestored()
    }
}
