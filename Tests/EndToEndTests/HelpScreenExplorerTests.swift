import Foundation
import Testing

/// Issue 22: Help is a screen pushed over whatever shows, closed like less and vim's :help (q, Esc)
/// back onto it exactly as it was; q in help never quits. A flip applied on the recommendation and
/// undone returns to the line it was applied from.
@Suite(.enabled(if: ExplorerPaths.haveTmux && ExplorerPaths.haveBinary, "needs tmux and .build/debug/nnguide (make test builds it)"))
struct HelpScreenExplorerTests {
    /// The fixture's brief form with text and generation chosen (`then`: keys after them).
    static func textGenerationForm(then keys: String...) throws -> TmuxSession {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.fixture])
        t.waitFor("Start at the beginning")
        try t.run(["send-keys", "-t", "t", "d", "3", "4", "Down", "6"] + keys)
        return t
    }

    @Test func helpFromTheBriefFormClosesOntoTheFormWithWhatWasTyped() throws {
        // The notes field typed into and still typing.
        let t = try Self.textGenerationForm(then: "End", "Enter")
        t.waitFor("Pick: Transformer (transformer)")
        try t.type("tiny set")
        t.waitFor("tiny set")
        let form = t.settled()
        for close in ["q", "Escape"] {
            try t.send("F1")
            t.waitFor("Help › every key")
            try t.send("j", "j")
            try t.send(close)
            t.waitForScreen("the form as it was, after \(close) in help") { $0 == form }
        }
        // Still typing: letters go into the notes, and what was typed is kept.
        try t.type("!")
        t.waitFor("tiny set!")
        // From the form once typing is done, and twice from the same place.
        try t.send("Enter")
        t.waitFor("a-z type")
        let done = t.settled()
        for _ in 0..<2 {
            try t.send("?", "q")
            t.waitForScreen("the form as it was after ? and q") { $0 == done }
        }
        try t.send("C-c")
        t.waitFor("EXIT=0")
        t.expectRestored()
    }

    @Test func anUndoneFlipReturnsToWhereItWasApplied() throws {
        let t = try Self.textGenerationForm(then: "C-r")
        t.waitFor("For your brief: modality=text task=generation")
        try t.send("G")
        t.waitFor("What would change the pick")
        // Tab from the bottom focuses the first target on screen, the flip (the sections in DecisionSection's
        // order put the flips above "Read more"): the hint then offers Enter to apply it.
        t.waitFor("Bot")
        try t.send("Tab")
        t.waitForScreen("the flip focused") { ($0.split(separator: "\n").last ?? "").contains("apply") }
        let before = t.settled()
        try t.send("Enter")
        t.waitFor("Changed: context=long")
        try t.send("BSpace")
        t.waitForScreen("the recommendation where the flip was applied") { $0 == before }
        try t.send("C-c")
        t.waitFor("EXIT=0")
        t.expectRestored()
    }
}
