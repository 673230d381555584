import Foundation
import Testing

/// Issue 23's fifth retest, in the real binary and terminal: the glossary's entry at 40x12 (definition
/// first, links that show where they go), Enter in Compare's filter (it picked the row too) and its
/// corner, and `3` after a restart continuing the brief last open (it reopened an older draft).
@Suite(.enabled(if: ExplorerPaths.haveTmux && ExplorerPaths.haveBinary, "needs tmux and .build/debug/nnguide (make test builds it)"))
struct Retest5TmuxTests {
    @Test func theGlossaryEntryAt40x12ReadsDefinitionFirst() throws {
        let t = try TmuxSession(width: 40, height: 12, args: ["--content", ExplorerPaths.content])
        t.waitFor("Start at the beginning")
        try t.send("i")
        try t.type("attention")
        t.waitFor("Glossary › Attention")
        try t.send("Escape")
        t.waitFor("A mechanism that scores")
        #expect(!t.screen().contains("See"), "\(t.screen())")
        for _ in 0..<3 { try t.send("Space") }
        t.waitFor("… › 3.4 Transformers › Limitations")
        try t.send("q")
        t.waitFor("EXIT=0")
    }

    @Test func enterInCompareFilterPicksNothing() throws {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.content])
        t.waitFor("Start at the beginning")
        try t.send("c", "/")
        try t.type("tabular tr")
        t.waitFor("Enter keep filter")
        try t.send("Enter")
        t.waitFor("/ filter")
        #expect(!t.screen().contains("picked") && t.screen().contains("[ ] Tabular Transformer"), "\(t.screen())")
        try t.send("x")
        t.waitFor("1 picked")
        t.waitFor("│ Aspect ")
        try t.send("q")
        t.waitFor("EXIT=0")
    }

    @Test func threeContinuesTheBriefSavedLast() throws {
        let first = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.content])
        try first.saveBrief(["2", "Down", "1"], once: "Pick:")
        first.waitFor("Saved brief")  // the message line; the form no longer says it again
        // Left unsaved after a change: kept as a draft.
        try first.send("2")
        try first.send("C-c")
        first.waitFor("kept as a draft")
        let state = ["XDG_STATE_HOME": first.stateDir]
        let second = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.content], env: state)
        try second.send("d", "3")
        second.waitFor("Continuing the draft")
        // A new brief for churn on a table, saved with ^S, then quit.
        try second.send("C-n", "1", "Down", "1")
        second.waitFor("Gradient")
        try second.send("C-s")
        second.waitFor("tabular-classification.yaml")
        try second.send("C-c")
        second.waitFor("EXIT=0")
        // The older draft touched later: the newest file alone would reopen it.
        let drafts = first.stateDir + "/nnguide/briefs/drafts"
        for name in try FileManager.default.contentsOfDirectory(atPath: drafts) {
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(3600)], ofItemAtPath: drafts + "/" + name)
        }
        for (w, h) in [(80, 24), (40, 12)] {
            let third = try TmuxSession(width: w, height: h, args: ["--content", ExplorerPaths.content], env: state)
            try third.send("d")
            third.waitFor("resume: tabular-classi")
            try third.send("3")
            third.waitFor("tabular")
            third.waitFor("Continuing brief")
            try third.send("C-c")
            third.waitFor("EXIT=0")
        }
    }
}
