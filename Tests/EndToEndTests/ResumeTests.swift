import Foundation
import Testing

/// "Continue reading" after a restart returns to the line you left, even at another width: the
/// position is kept as a block and the characters of it above the top line, not as a screen row.
@Suite(.enabled(if: ExplorerPaths.haveTmux && ExplorerPaths.haveBinary, "needs tmux and .build/debug/nnguide (make test builds it)"))
struct ResumeTests {
    @Test(arguments: [(60, 20, 40, 12), (40, 12, 60, 14), (80, 24, 80, 24)])
    func continueReadingReturnsToTheSameLine(_ w1: Int, _ h1: Int, _ w2: Int, _ h2: Int) throws {
        let first = try TmuxSession(width: w1, height: h1, args: ["--content", ExplorerPaths.fixture, "--open", "inductive-bias"])
        first.waitFor("Inductive Bias")
        for _ in 0..<8 { try first.send("j") }
        first.waitUntilGone("Why Architecture Matters")   // the page's title has scrolled away
        let rows = first.settled().split(separator: "\n", omittingEmptySubsequences: false).dropLast(2)
        let word = try #require(rows.lazy.compactMap { $0.split(separator: " ").first }.first.map(String.init),
                                "nothing on screen after scrolling")
        try first.send("q")
        first.waitFor("EXIT=0")

        let second = try TmuxSession(width: w2, height: h2, args: ["--content", ExplorerPaths.fixture],
                                     env: ["XDG_STATE_HOME": first.stateDir])
        second.waitFor(" 0  Continue")   // "Continue reading" from 44 columns, "Continue" and the place below
        try second.send("Enter")
        second.waitUntilGone(" 0  Continue")
        let screen = second.settled().split(separator: "\n", omittingEmptySubsequences: false)
        let top = screen.prefix(3).joined(separator: "\n")
        #expect(top.contains(word), "left at \"\(word)\"; came back to:\n\(screen.joined(separator: "\n"))")
        #expect(!(screen.dropLast().last ?? "").hasSuffix("Top"), "came back at the top of the page")
        try second.send("q")
        second.waitFor("EXIT=0")
    }
}
