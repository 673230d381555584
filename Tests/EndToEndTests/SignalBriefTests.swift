import Foundation
import Testing

/// A brief half filled in and never saved survives every way out: SIGTERM and SIGHUP leave through
/// the same saves as `q` and Ctrl-C, then the program ends of the signal (so the shell sees which).
@Suite(.enabled(if: ExplorerPaths.haveTmux && ExplorerPaths.haveBinary, "needs tmux and .build/debug/nnguide (make test builds it)"))
struct SignalBriefTests {
    /// The Model Brief with modality and task chosen, not saved: every way out keeps it as a draft.
    func halfFilledBrief() throws -> TmuxSession {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.fixture])
        t.waitFor("Start at the beginning")
        try t.send("d", "3")
        t.waitFor("Model Brief")
        try t.send("4", "Down", "6")
        t.waitFor("Pick: Transformer (transformer)")
        return t
    }

    /// The draft: the brief's fields, and no `decided:` pick (eleventh retest; a brief saved with ^S has one).
    static let kept = "modality: text\ntask: generation\n"

    func keptBrief(_ t: TmuxSession) -> String? {
        try? String(contentsOfFile: t.stateDir + "/nnguide/briefs/drafts/text-generation.yaml", encoding: .utf8)
    }

    @Test(arguments: [("SIGTERM", SIGTERM), ("SIGHUP", SIGHUP)])
    func endingSignalKeepsTheBrief(_ s: (name: String, signal: Int32)) throws {
        let t = try halfFilledBrief()
        #expect(keptBrief(t) == nil, "nothing is saved before the signal")
        let pid = try #require(t.programPID())
        kill(pid, s.signal)
        t.waitFor("EXIT=\(128 + s.signal)")   // it ends of the signal
        t.expectRestored(s.name)
        #expect(keptBrief(t)?.hasPrefix(Self.kept) == true, "\(s.name): the brief is kept: \(keptBrief(t) ?? "nothing")")
        if s.signal == SIGTERM { t.waitFor("the brief you were filling in is kept as a draft") }
    }

    /// The terminal itself goes away (the tmux window is killed): the kernel's hang-up arrives with
    /// nowhere left to draw or print, and the brief is still kept.
    @Test func terminalClosedKeepsTheBrief() throws {
        let t = try halfFilledBrief()
        let pid = try #require(t.programPID())
        try t.run(["kill-server"])
        var waited = 0.0
        while kill(pid, 0) == 0 && waited < 10 { usleep(50_000); waited += 0.05 }
        #expect(kill(pid, 0) != 0, "nnguide is still running after its terminal closed")
        #expect(keptBrief(t)?.hasPrefix(Self.kept) == true, "\(keptBrief(t) ?? "nothing")")
    }
}
