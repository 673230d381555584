import Foundation
import Testing

/// The explorer draws its first frame from the content cache before it checks the content; an edit
/// made since must still win a moment later, and content broken since must still be reported.
@Suite(.enabled(if: ExplorerPaths.haveTmux && ExplorerPaths.haveBinary, "needs tmux and .build/debug/nnguide (make test builds it)"))
struct StaleCacheTests {
    /// A copy of the explorer fixture with a warm cache of its own.
    static func warmCopy() throws -> (content: String, cache: String) {
        let base = ExplorerPaths.tempDir()
        let content = base + "/Content", cache = base + "/cache"
        try FileManager.default.copyItem(atPath: ExplorerPaths.fixture, toPath: content)
        let warm = runTool(ExplorerPaths.binary, ["toc", "--content", content], environment: ["NNGUIDE_CACHE": cache, "PATH": "/usr/bin:/bin"])
        #expect(warm.status == 0, "\(warm.err)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).contains { $0.hasSuffix(".cache") })
        return (content, cache)
    }

    static func edit(_ file: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: file, atomically: false, encoding: .utf8)
    }

    @Test func anEditSinceTheCacheIsShownAtOnce() throws {
        let (content, cache) = try Self.warmCopy()
        try Self.edit(content + "/pages/00-opening.yaml", "title: The Fixture Guide to Choosing Architectures", "title: An Edited Opening Title")
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", content], env: ["NNGUIDE_CACHE": cache])
        t.waitFor("Start at the beginning")
        try t.send("t")
        t.waitFor("An Edited Opening Title")
        t.waitUntilGone("The Fixture Guide to Choosing")
        try t.send("q")
        t.waitFor("EXIT=0")
    }

    @Test func contentBrokenSinceTheCacheIsReportedAfterTheTerminalIsRestored() throws {
        let (content, cache) = try Self.warmCopy()
        try Self.edit(content + "/pages/00-opening.yaml", "id: opening", "id: [opening")
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", content], env: ["NNGUIDE_CACHE": cache])
        t.waitFor("EXIT=65")
        let screen = t.screen()
        // On a terminal the message wraps between words (out9): read its words, whatever the lines.
        let words = screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("cannot be loaded"), "\(screen)")
        #expect(screen.contains("00-opening.yaml"), "\(screen)")
        t.expectRestored()
    }
}
