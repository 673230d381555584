import Foundation
import Testing

/// Signals at rest and in the middle of drawing: the terminal always comes back (normal screen,
/// cursor shown), and a suspended explorer redraws itself when continued.
@Suite(.enabled(if: FaultTerminal.available, "needs tmux and .build/debug/nnguide (make test builds it)"))
struct FaultSignalTests {
    static let ending: [(name: String, signal: Int32)] = [("SIGTERM", SIGTERM), ("SIGHUP", SIGHUP), ("SIGINT", SIGINT)]

    @Test(arguments: ending, [false, true])
    func endingSignal(_ s: (name: String, signal: Int32), midRedraw: Bool) throws {
        let t = try FaultTerminal()
        t.waitFor("Contents")
        let pid = try #require(t.programPID())
        if midRedraw {
            // Keep it drawing: a page to lay out, scrolling, and resizes, then the signal at once.
            try t.send("t", "Enter")
            try t.bytes(Array(repeating: UInt8(ascii: "j"), count: 200) + Array(repeating: UInt8(ascii: " "), count: 50))
            try t.resize(100, 30)
        }
        kill(pid, s.signal)
        let status = t.exitStatusWhileWorking()
        // The default action after restoring, so the status says which signal ended it (or 0 when
        // the program chose to treat it as a quit).
        #expect(status == 128 + Int(s.signal) || status == 0, "\(s.name)\(midRedraw ? " mid-redraw" : ""): exit \(status.map(String.init) ?? "none")\n\(t.screen())")
        t.expectRestored("\(s.name)\(midRedraw ? " mid-redraw" : "")")
        #expect(FaultTerminalTests.garbage(t.screen()) == nil, "\(t.screen())")
    }

    /// Stopped from outside (SIGTSTP) or with Ctrl-Z, then `fg` in the shell: the terminal is the
    /// shell's while stopped, and the explorer draws itself whole when it continues.
    @Test(arguments: [(signal: true, midRedraw: false), (signal: true, midRedraw: true), (signal: false, midRedraw: false)])
    func suspendAndContinue(_ c: (signal: Bool, midRedraw: Bool)) throws {
        let what = (c.signal ? "SIGTSTP" : "Ctrl-Z") + (c.midRedraw ? " mid-redraw" : "")
        let t = try FaultTerminal(jobControl: true)
        t.waitFor("Contents")
        let pid = try #require(t.programPID())
        // A resize makes it draw everything again; the stop arrives while it does. (Keys would not
        // do: those it has not read yet when stopped go to the shell, as with any program.)
        if c.midRedraw { try t.resize(100, 30) }
        if c.signal { kill(pid, SIGTSTP) } else { try t.send("C-z") }
        t.waitFor("Stopped")                       // the shell has the terminal back
        t.expectRestored(what)
        try t.type("fg")
        try t.send("Enter")
        t.waitFor("Contents")
        #expect(t.format("#{alternate_on}") == "1", "\(what): not back on the alternate screen after fg")
        #expect(!t.screen().contains("Stopped"), "\(what): the shell's text is still on the explorer's screen:\n\(t.screen())")
        try t.send("t")
        t.waitFor("Comparison Matrices")
        try t.quit()
        // `fg` ends with the program's status; the EXIT line printed when it stopped is stale.
        t.waitFor("$ ")
        try t.type("echo FG=$?")
        try t.send("Enter")
        t.waitFor("FG=0")
        t.expectRestored("\(what), after fg and q")
    }
}
