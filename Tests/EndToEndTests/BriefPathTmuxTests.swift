import Foundation
import Testing

/// Issue 23's second retest, in the real binary on the shipped guide: `p` lands on the brief's pick with
/// the brief's values, the hints at a pick and on the recommendation offer Enter only where it works, and
/// `N` starts a new, empty brief (an opened draft is not called saved).
@Suite(.enabled(if: ExplorerPaths.haveTmux && ExplorerPaths.haveBinary, "needs tmux and .build/debug/nnguide (make test builds it)"))
struct BriefPathTmuxTests {
    static let sizes = [(80, 24), (40, 12)]

    /// The explorer at `w`x`h` with a tabular classification brief in the form (`d 3 1 Down 1`), then `keys`.
    func tabularBrief(_ w: Int = 80, _ h: Int = 24, then keys: String...) throws -> TmuxSession {
        let t = try TmuxSession(width: w, height: h, args: ["--content", ExplorerPaths.content])
        t.waitFor("Start at the beginning")
        try t.send("d", "3", "1", "Down", "1")
        t.waitFor("task 2/")
        if !keys.isEmpty { try t.run(["send-keys", "-t", "t"] + keys) }
        return t
    }

    func quit(_ t: TmuxSession) throws {
        try t.send("C-c")
        t.waitFor("EXIT=0")
    }

    /// The hint line once the screen has settled.
    func hint(_ t: TmuxSession) -> String { t.settled().split(separator: "\n").last.map(String.init) ?? "" }

    /// A tabular classification brief with 5000 samples: the form picks TabPFN; `p` went to "Starting
    /// out" and gradient boosting, and `y` there dropped --samples (the path is ^P in the form).
    @Test func theBriefsPathEndsOnTheFormsPickWithItsSamples() throws {
        let t = try tabularBrief(then: "Down", "Down", "Enter")
        try t.type("5000")
        try t.send("Enter")
        t.waitFor("TabPFN beside gradient boosting")
        try t.send("C-p")
        t.waitFor("Starting")
        t.waitFor("out with a small table")
        #expect(t.screen().contains("TabPFN beside gradient boosting"), "\(t.screen())")
        try t.send("y")
        t.waitFor("--samples 5000")
        try quit(t)
    }

    /// At a pick Enter opens only what Tab focused: the hint offers it then, not before.
    @Test(arguments: sizes) func aPicksHintOffersEnterOnlyOnAFocusedLink(_ w: Int, _ h: Int) throws {
        let t = try tabularBrief(w, h, then: "C-p")
        t.waitFor("pick")
        // Wait for the pick's own hint line, not a frame still being drawn (read too early under load).
        t.waitForScreen("the pick's hint") { ($0.split(separator: "\n").last ?? "").contains("Tab") }
        #expect(hint(t).contains("Tab") && !hint(t).contains("Enter"), "\(w)x\(h): \(hint(t))")
        try t.send("Tab")
        t.waitForScreen("Enter open on the focused link") { ($0.split(separator: "\n").last ?? "").contains("Enter open") }
        #expect(hint(t).contains("Enter open"), "\(w)x\(h): \(hint(t))")
        try quit(t)
    }

    /// On the recommendation, Tab to a change: the hint says "Enter apply" at 40 columns as at 80.
    @Test(arguments: sizes) func theRecommendationsHintSaysEnterApplyOnAChange(_ w: Int, _ h: Int) throws {
        let t = try tabularBrief(w, h, then: "C-r")
        t.waitFor("recommend")
        var applied = false
        for _ in 0..<12 where !applied {
            try t.send("Tab")
            applied = hint(t).contains("Enter apply")
        }
        #expect(applied, "\(w)x\(h): no \"Enter apply\" after Tab:\n\(t.screen())")
        try quit(t)
    }

    /// ^N starts an empty brief, keeping the unsaved one as a draft; opening that draft is not "brief saved".
    @Test func newBriefKeepsTheLastAsADraftWhichOpensAsOne() throws {
        let t = try tabularBrief()
        t.waitFor("brief not saved")
        try t.send("C-n")
        t.waitFor("Kept the last brief as draft tabular-classification")
        t.waitFor("A new, empty brief")
        #expect(t.screen().contains("modality*        (not set)"), "\(t.screen())")
        try t.send("C-t")
        t.waitFor("Drafts")
        try t.send("Enter")
        t.waitFor("Opened tabular-classification")
        let status = t.settled()
        #expect(!status.contains("brief saved") && status.contains("a draft"), "\(status)")
        try quit(t)
    }
}
