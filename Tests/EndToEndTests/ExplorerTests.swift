import Foundation
import Testing
@testable import NNGuideCore

/// The real binary in a real terminal (tmux): what a person does, and every way out restoring the
/// terminal.
@Suite(.enabled(if: ExplorerPaths.haveTmux && ExplorerPaths.haveBinary, "needs tmux and .build/debug/nnguide (make test builds it)"))
struct ExplorerTests {
    @Test func readFollowSearchBackResizeQuit() throws {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.fixture])
        t.waitFor("Start at the beginning")
        // Open a page from the home menu.
        try t.send("1")
        t.waitFor("Model Brief, then read Part 1")
        // Follow a glossary link: a popover, then the glossary itself.
        try t.send("Tab", "Enter")
        t.waitFor("The structure of a network")
        try t.send("Enter")
        t.waitFor("Glossary › Architecture")
        // Search and open a hit.
        try t.send("s")
        t.waitFor("Search:")
        try t.type("overfit")
        t.waitFor("What Neural Networks Do")
        // The second hit since sections are ranked by BM25F (main's 4abd0cc): the inductive-bias examples.
        try t.send("Down", "Enter")
        t.waitFor("Convolution assumes locality")
        t.waitFor("Part 1 › Inductive Bias › Examples of Inductive Bias")
        // Back to the results, as they were.
        try t.send("BSpace")
        t.waitFor("Search: overfit")
        // Any size: narrow, too small, and back.
        try t.resize(40, 12)
        t.waitFor("Search")
        #expect(t.screen().split(separator: "\n").allSatisfy { $0.count <= 40 })
        try t.resize(10, 4)
        t.waitFor("32x8")
        try t.resize(80, 24)
        t.waitFor("Search: overfit")
        try t.send("q")
        t.waitFor("EXIT=0")
        t.expectRestored()
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.fixture])
        t.waitFor("Start at the beginning")
        #expect(t.format("#{alternate_on}") == "1", "the explorer should use the alternate screen")
        let pid = try #require(t.programPID())
        kill(pid, SIGTERM)
        t.waitFor("EXIT=143")
        t.expectRestored()
    }

    /// Hang-ups and crashes (a Swift trap is SIGILL on x86_64) restore the terminal, then die of the
    /// same signal so the shell sees it (128 + the signal number).
    @Test(arguments: [(SIGHUP, "EXIT=129"), (SIGILL, "EXIT=132"), (SIGSEGV, "EXIT=139"), (SIGABRT, "EXIT=134")])
    func signalsRestoreTheTerminal(_ signal: Int32, _ exit: String) throws {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.fixture])
        t.waitFor("Start at the beginning")
        let pid = try #require(t.programPID())
        kill(pid, signal)
        t.waitFor(exit)
        t.expectRestored()
    }

    /// Stopped from outside (SIGTSTP) the terminal is given back; brought back (`fg`), the screen
    /// is drawn again and the keys work. A job-control shell, as a person's would be.
    @Test(.enabled(if: TmuxSession.envResetsSignals, "needs env --default-signal to undo tmux's ignored SIGTSTP"))
    func suspendAndContinue() throws {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.fixture],
                                script: { "set -m; \($0); echo STOPPED=$?; sleep 1; fg; echo EXIT=$?; sleep 600" })
        t.waitFor("Start at the beginning")
        let pid = try #require(t.programPID())
        kill(pid, SIGTSTP)
        t.waitFor("STOPPED=148")
        t.expectRestored()
        t.waitFor("Start at the beginning")
        #expect(t.format("#{alternate_on}") == "1")
        try t.send("1")
        t.waitFor("Model Brief, then read Part 1")
        try t.send("q")
        t.waitFor("EXIT=0")
        t.expectRestored()
    }

    @Test func pipedOutputGetsTextEvenOnATerminal() throws {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.fixture], pipe: "cat -v")
        t.waitFor("Part 1: Foundations")
        #expect(!t.screen().contains("^["), "escape sequences in piped output")
        #expect(t.format("#{alternate_on}") == "0")
    }

    @Test func ctrlCQuitsEvenWhileTyping() throws {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.fixture])
        t.waitFor("Start at the beginning")
        try t.send("s")
        try t.type("qq")
        t.waitFor("Search: qq")
        try t.send("C-c")
        t.waitFor("EXIT=0")
        t.expectRestored()
    }

    @Test func dumbTerminalGetsTextNotEscapes() throws {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.fixture], env: ["TERM": "dumb"])
        t.waitFor("EXIT=0")
        let screen = t.screen()
        #expect(screen.contains("Part 1: Foundations"))
        #expect(screen.contains("subcommands"))
        #expect(t.format("#{alternate_on}") == "0")
    }

    @Test func notATerminalPrintsTheContents() throws {
        let r = runTool(ExplorerPaths.binary, ["--content", ExplorerPaths.fixture], stdin: FileHandle.nullDevice)
        #expect(r.status == 0)
        #expect(!r.out.contains("\u{1B}"), "escape sequences in piped output")
        let guide = try ContentLoader.load(directory: ExplorerPaths.fixture)
        for e in guide.readingOrder { #expect(r.out.contains(e.page.title)) }
    }

    @Test func unknownOpenIsNotFound() throws {
        let r = runTool(ExplorerPaths.binary, ["--content", ExplorerPaths.fixture, "--open", "no-such-page"], stdin: FileHandle.nullDevice)
        #expect(r.status == 1)
        #expect(r.err.contains("no-such-page"))
    }

    /// `--open` reads a name as `nnguide show` does (core's resolver): a title opens its page, a
    /// name that fits two items lists both with their ids.
    @Test func openResolvesNamesAsShowDoes() throws {
        let byTitle = runTool(ExplorerPaths.binary, ["--content", ExplorerPaths.fixture, "--open", "examples of inductive"], stdin: FileHandle.nullDevice)
        #expect(byTitle.status == 0, "\(byTitle.err)")
        #expect(byTitle.out.contains("Examples of Inductive Bias") && byTitle.out.contains("Convolution assumes locality"))
        let show = runTool(ExplorerPaths.binary, ["--content", ExplorerPaths.fixture, "show", "examples of inductive"])
        #expect(byTitle.out == show.out)
        // "transformer" is a glossary term and a catalog entry of the fixture.
        let both = runTool(ExplorerPaths.binary, ["--content", ExplorerPaths.fixture, "--open", "transformer"], stdin: FileHandle.nullDevice)
        #expect(both.status == 1)
        #expect(both.err.contains("g:transformer") && both.err.contains("a:transformer"), "\(both.err)")
        let prefixed = runTool(ExplorerPaths.binary, ["--content", ExplorerPaths.fixture, "--open", "g:transformer"], stdin: FileHandle.nullDevice)
        #expect(prefixed.status == 0, "\(prefixed.err)")
    }

    @Test func rememberedPositionAndCorruptState() throws {
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.fixture, "--open", "inductive-bias"])
        t.waitFor("Why Architecture Matters")
        try t.send("m", "a", "q")
        t.waitFor("EXIT=0")
        let file = t.stateDir + "/nnguide/state.json"
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved.contains("\"inductive-bias\""))
        #expect(saved.contains("\"a\""))

        // A corrupt file: one warning, kept as .bak, the app still starts.
        try "{ not json".write(toFile: file, atomically: true, encoding: .utf8)
        let t2 = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.fixture],
                                 env: ["XDG_STATE_HOME": t.stateDir])
        t2.waitFor("reading state is corrupt")
        #expect(FileManager.default.fileExists(atPath: file + ".bak"))
        try t2.send("q")
        t2.waitFor("EXIT=0")
    }

    /// The real guide: structural facts only (titles come from the content, not from this test).
    @Test func realContentOpensEveryPartFromTheContents() throws {
        let guide = try ContentLoader.load(directory: ExplorerPaths.content)
        let part = try #require(guide.pages.dropFirst().first)
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", ExplorerPaths.content, "--open", part.id])
        t.waitFor(String(part.title.prefix(30)))
        try t.send("]")
        let next = try #require(guide.readingOrder.first { $0.order > guide.page(part.id)!.order && $0.depth <= 1 })
        t.waitFor(String(next.page.title.prefix(30)))
        try t.resize(40, 12)
        t.waitFor(String(next.page.breadcrumbTitle.prefix(10)))
        try t.send("q")
        t.waitFor("EXIT=0")
        t.expectRestored()
    }
}
