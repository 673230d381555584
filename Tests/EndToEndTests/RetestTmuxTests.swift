import Foundation
import Testing

/// Issue 23's retest, in the real binary on the shipped guide, in tmux at 80x24 and 40x12: the items
/// that were left (fields that apply, glossary to answer) and the frictions the retest found.
@Suite(.enabled(if: ExplorerPaths.haveTmux && ExplorerPaths.haveBinary, "needs tmux and .build/debug/nnguide (make test builds it)"))
struct RetestTmuxTests {
    static let sizes = [(80, 24), (40, 12)]

    /// Item 8: an image brief's form has no `nodes` and no `context`; a graph brief's has both.
    @Test(arguments: sizes) func theFormShowsOnlyTheFieldsThatApply(_ w: Int, _ h: Int) throws {
        let t = try TmuxSession(width: w, height: h, args: ["--content", ExplorerPaths.content])
        t.waitFor("Start at the beginning")
        try t.send("d", "3")
        t.waitFor("modality 1/16")
        try t.send("2")   // image
        t.waitFor("modality 1/11")
        try t.send("End")
        t.waitFor("notes 11/11")
        for hidden in ["nodes ", "context "] { #expect(!t.screen().contains(hidden), "\(hidden)at \(w)x\(h):\n\(t.screen())") }
        try t.send("Home", "8")   // graph
        t.waitFor("modality 1/13")
        try t.send("Down", "Down", "Down", "Down")
        t.waitFor("nodes 5/13")
        try t.send("C-c")
        t.waitFor("EXIT=0")
        t.expectRestored()
    }

    /// Item 12: from "attention" in the glossary, one key reaches what it costs on long sequences.
    @Test(arguments: sizes) func fromAttentionToItsCostInOneStep(_ w: Int, _ h: Int) throws {
        let t = try TmuxSession(width: w, height: h, args: ["--content", ExplorerPaths.content])
        t.waitFor("Start at the beginning")
        try t.send("i")
        try t.type("attention")
        t.waitFor("Glossary › Attention")
        try t.send("Escape")
        t.waitFor("/ filter")
        try t.send("1")
        t.waitFor("Limitations")
        t.waitFor("Quadratic attention cost")
        try t.send("q")
        t.waitFor("EXIT=0")
    }

    /// Typing a name no value has ("phone" for a modality), Esc left the field typing.
    @Test func escLeavesATypedChoiceThatFitsNothing() throws {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.content])
        t.waitFor("Start at the beginning")
        try t.send("d", "3")
        t.waitFor("modality 1/16")
        try t.send("Enter")
        try t.type("phone")
        t.waitFor("No modality value holds")
        try t.send("Escape")
        t.waitUntilGone("No modality value holds")
        try t.send("Down")
        t.waitFor("task 2/16")
        try t.send("C-c")
        t.waitFor("EXIT=0")
    }

    /// Item 3: the decision record's message names the whole file at 80 columns, folder after it.
    @Test func theRecordsMessageNamesTheWholeFile() throws {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.content])
        t.waitFor("Start at the beginning")
        try t.send("d", "3", "1", "Down", "1")
        t.waitFor("Gradient")
        try t.send("C-e")
        t.waitFor("Saved record decision-gradient-boosting-")
        // The message's rows (a long folder wraps it onto the rows above the key line).
        let last = t.screen().split(separator: "\n").suffix(3).joined(separator: " ")
        #expect(last.contains(".md in "), "\(last)")
        try t.send("C-c")
        t.waitFor("EXIT=0")
    }

    /// A comparison matrix's table offered "x pick", which only answers that x picks architectures.
    @Test(arguments: sizes) func aMatrixTableOffersNoKeyThatDoesNothing(_ w: Int, _ h: Int) throws {
        let t = try TmuxSession(width: w, height: h, args: ["--content", ExplorerPaths.content])
        t.waitFor("Start at the beginning")
        try t.send("c")
        t.waitFor("Vision: CNN vs ViT vs CLIP")
        try t.send("Tab")
        t.waitFor("table (Tab: list)")
        let hint = t.screen().split(separator: "\n").last.map(String.init) ?? ""
        #expect(!hint.contains("x pick") && !hint.contains("Enter"), "\(w)x\(h): \(hint)")
        try t.send("q")
        t.waitFor("EXIT=0")
    }
}
