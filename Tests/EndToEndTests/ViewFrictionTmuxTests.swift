import Foundation
import Testing

/// Issue 23's retest of the explorer's views, in the real binary and terminal: a paste is one piece of
/// text (a pasted newline opened a search hit, and the rest ran as keys), keys are named as pressed,
/// the glossary says its entry goes on at 40x12.
@Suite(.enabled(if: ExplorerPaths.haveTmux && ExplorerPaths.haveBinary, "needs tmux and .build/debug/nnguide (make test builds it)"))
struct ViewFrictionTmuxTests {
    func session(_ w: Int = 80, _ h: Int = 24) throws -> TmuxSession {
        let t = try TmuxSession(width: w, height: h, args: ["--content", ExplorerPaths.content])
        t.waitFor("Start at the beginning")
        return t
    }

    @Test func aPasteIsTextInTheFieldNeverKeys() throws {
        let t = try session()
        try t.send("s")
        t.waitFor("Search:")
        // A newline would open a hit, a tab leave the field, and "d" open Decide.
        try t.paste("data\nleak\tage d")
        t.waitFor("Search: data leak age d")
        #expect(!t.screen().contains("Decide"), "\(t.screen())")
        // Outside a field a paste is dropped with a message, and nothing runs.
        try t.send("Escape")
        try t.send("H")
        t.waitFor("Start at the beginning")
        try t.paste("dq")
        t.waitFor("A paste goes into a text field")
        #expect(t.screen().contains("Start at the beginning"))
        try t.send("q")
        t.waitFor("EXIT=0")
        t.expectRestored()
        // Bracketed paste is off again: a paste now reaches the terminal as plain text.
        try t.paste("after")
        t.waitFor("after")
        #expect(!t.screen().contains("200~"), "bracketed paste left on:\n\(t.screen())")
    }

    @Test func keysAreNamedAsPressed() throws {
        let t = try session()
        try t.send("z")
        t.waitFor("z does nothing here")
        try t.send("M-x")
        t.waitFor("Alt-x does nothing here")
        try t.send("q")
        t.waitFor("EXIT=0")
    }

    @Test func theGlossarySaysItsEntryGoesOnAt40x12() throws {
        let t = try session(40, 12)
        try t.send("i")
        try t.type("attention")
        t.waitFor("Glossary › Attention")
        t.waitFor("definition (Tab, Space)")
        // Out of the field the entry gets the screen, the definition first (issue 23, fifth retest).
        try t.send("Tab")
        t.waitFor("A mechanism that scores")
        t.waitFor("links 1-")
        try t.send("Space")
        t.waitForScreen("a definition line") { !$0.contains("See") || $0.contains("Attention") }
        try t.send("q")
        t.waitFor("EXIT=0")
    }
}
