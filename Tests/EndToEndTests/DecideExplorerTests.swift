import Foundation
import Testing

/// The decision navigator in the real binary, in a real terminal (tmux), on the UI fixture content.
@Suite(.enabled(if: ExplorerPaths.haveTmux && ExplorerPaths.haveBinary, "needs tmux and .build/debug/nnguide (make test builds it)"))
struct DecideExplorerTests {
    // Each expectation waits for its text: a frame may reach tmux in more than one write.
    @Test func textToGenerationToAPickAndBack() throws {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.fixture])
        t.waitFor("Start at the beginning")
        try t.send("d")
        t.waitFor("Step through the primary flow")
        try t.send("1")
        t.waitFor("What structure does your data have?")
        try t.send("2")
        t.waitFor("What must the model do with the text?")
        t.waitFor("Answers: Text")
        // Arrows and Enter pick too.
        try t.send("Down", "Enter")
        t.waitFor("A decoder Transformer")
        t.waitFor("Answers: Text › Generate")
        t.waitFor("Why not the others")
        try t.send("y")
        t.waitFor("nnguide recommend --modality text --task generation")
        // A deep dive opens in the reader; Backspace comes back to the pick.
        try t.send("2")
        t.waitFor("Why Architecture Matters")
        try t.send("BSpace")
        t.waitFor("A decoder Transformer")
        // Back one answer at a time, to the hub.
        try t.send("BSpace")
        t.waitFor("What must the model do with the text?")
        t.waitUntilGone("Answers: Text › Generate")
        try t.send("BSpace")
        t.waitFor("What structure does your data have?")
        try t.send("BSpace")
        t.waitFor("Step through the primary flow")
        // The same path at 40x12.
        try t.resize(40, 12)
        try t.send("1", "2", "2")
        t.waitFor("A decoder Transformer")
        #expect(t.screen().split(separator: "\n").allSatisfy { $0.count <= 40 })
        try t.send("BSpace")
        t.waitFor("What must the model do")
        try t.send("q")
        t.waitFor("EXIT=0")
        t.expectRestored()
    }

    @Test func theBriefFormTypesSavesAndKeepsWhatWasNotSaved() throws {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.fixture])
        try t.saveBrief(["4", "Down", "6"], once: "Pick: Transformer (transformer)")
        let briefs = t.stateDir + "/nnguide/briefs"
        t.waitFor("Saved brief")   // the message line says it, once (the form no longer repeats it)
        t.waitFor("text-generation.yaml")   // the file name is shown
        // The brief and what it decided, as `nnguide check --update` records it (issue 24).
        let saved = (try? String(contentsOfFile: briefs + "/text-generation.yaml", encoding: .utf8)) ?? ""
        #expect(saved.hasPrefix("modality: text\ntask: generation\ndecided:\n  pick: transformer\n"), "\(saved)")
        #expect(saved.contains("\n  overlays: []\n"), "\(saved)")
        // In the notes, letters type: q does not quit, t does not open the contents.
        try t.send("End", "Enter")
        try t.type("quiet test")
        t.waitFor("quiet test")
        try t.send("Enter", "C-c")
        t.waitFor("EXIT=0")
        t.expectRestored()
        t.waitFor("the brief you were filling in is kept as a draft")
        #expect((try? String(contentsOfFile: briefs + "/drafts/text-generation.yaml", encoding: .utf8))?.contains("notes: \"quiet test\"") == true)
    }
}
