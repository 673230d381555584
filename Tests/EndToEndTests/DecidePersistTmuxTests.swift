import Foundation
import Testing

/// Issue 23, ninth retest: the answers given in Decide's trees survive `q` and a restart. Two
/// questions of the primary flow answered, `q`; started again, the hub offers to resume them, and
/// resuming lands on the same question (the guide's own content, at 80x24 and 40x12).
@Suite(.enabled(if: ExplorerPaths.haveTmux && ExplorerPaths.haveBinary, "needs tmux and .build/debug/nnguide (make test builds it)"))
struct DecidePersistTmuxTests {
    @Test(arguments: [(80, 24), (40, 12)])
    func treeAnswersSurviveAQuit(_ w: Int, _ h: Int) throws {
        let first = try TmuxSession(width: w, height: h, args: ["--content", ExplorerPaths.content])
        first.waitFor("Start at the beginning")
        try first.send("d")
        first.waitFor("Diagnose a failing model")
        try first.send("1")
        first.waitFor("question 1")
        try first.send("2")   // Images or video
        first.waitFor("question 2")
        try first.send("6")   // Locate objects with boxes (detection)
        first.waitFor("question 3")
        // The question on screen: the first line after the answers (breadcrumb) and a blank line.
        let before = first.settled().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let question = try #require(before.first { $0.hasSuffix("?") }, "no question on screen:\n\(before.joined(separator: "\n"))")
        try first.send("q")
        first.waitFor("EXIT=0")

        let second = try TmuxSession(width: w, height: h, args: ["--content", ExplorerPaths.content],
                                     env: ["XDG_STATE_HOME": first.stateDir])
        second.waitFor("Start at the beginning")
        try second.send("d")
        second.waitFor("resume: Images or video")
        try second.send("1")
        second.waitFor("question 3")
        #expect(second.settled().contains(question), "resumed elsewhere than \"\(question)\":\n\(second.settled())")
        try second.send("q")
        second.waitFor("EXIT=0")
    }
}
