import CNcursesw
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Puts the terminal back on every way out: normal exit (`Terminal.close`), `exit()` anywhere
/// (atexit), SIGINT/SIGTERM/SIGHUP/SIGQUIT (restore, then die of the same signal so the parent sees
/// it), and crashes (a Swift trap is SIGILL on x86_64): restore first, then the default action.
/// The default action, not the Swift runtime's backtracer: that one waits for a key on a terminal,
/// which is no way to leave a program that has just crashed.
///
/// While the explorer runs, the first SIGINT, SIGTERM or SIGHUP does not end the program on the
/// spot: it is noted (`pendingQuit`), the blocked read is interrupted, and the main loop leaves the
/// way `q` does, through the same saves (reading position, the brief being filled in); then the
/// program ends of that signal (`endOfPendingSignal`). A second one, or one the loop has not picked
/// up within a second, ends it at once as before.
enum TerminalRestore {
    nonisolated(unsafe) static var active = false
    nonisolated(unsafe) static var installed = false

    static let quitting: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    /// The signals that leave through the main loop's saves.
    static let leaving: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    nonisolated(unsafe) static var pendingQuit: Int32 = 0
    /// Set when the main loop checks `pendingQuit` (the explorer); otherwise a signal ends at once.
    nonisolated(unsafe) static var loopLeavesOnSignal = false
    static let crashing: [Int32] = [SIGILL, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGTRAP]

    static func restore() {
        OutputBatch.abandon()   // a crash in the middle of a frame: standard output is the terminal again
        guard active else { return }
        active = false
        if !isendwin() { endwin() }
        nng_bracketed_paste(0)
    }

    /// Set when the program was stopped and continued: the main loop redraws everything.
    nonisolated(unsafe) static var resumed = false

    static func install() {
        guard !installed else { return }
        installed = true
        atexit { TerminalRestore.restore() }
        installSuspend()
        for sig in crashing + [SIGQUIT] { signal(sig) { s in TerminalRestore.die(s) } }
        // Without SA_RESTART, so the read the loop is blocked in returns.
        for sig in leaving { handle(sig) { s in TerminalRestore.leave(s) } }
        handle(SIGALRM) { _ in
            // The loop did not pick the signal up (it came between its check and the read): end now.
            if TerminalRestore.pendingQuit != 0 && TerminalRestore.active { TerminalRestore.die(TerminalRestore.pendingQuit) }
        }
    }

    static func leave(_ s: Int32) {
        guard loopLeavesOnSignal, active, pendingQuit == 0 else { return die(s) }
        pendingQuit = s
        alarm(1)
    }

    static func die(_ s: Int32) {
        restore()
        signal(s, SIG_DFL)
        raise(s)
    }

    /// After the loop has left and everything is saved: end of the signal that asked it to, so the
    /// parent sees which one it was. Returns when there was none.
    static func endOfPendingSignal() {
        guard pendingQuit != 0 else { return }
        alarm(0)
        die(pendingQuit)
    }

    static func handle(_ sig: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(sig, &action, nil)
    }

    /// SIGTSTP from outside (`kill -TSTP`; Ctrl-Z arrives as a key in raw mode): give the terminal
    /// back, stop, and on SIGCONT take it again and repaint. Left alone when the parent ignores it.
    static func installSuspend() {
        var old = sigaction()
        sigaction(SIGTSTP, nil, &old)
        guard old.__sigaction_handler.sa_handler == nil else { return }  // SIG_DFL is nil; SIG_IGN stays ignored
        signal(SIGTSTP) { _ in TerminalRestore.suspend() }
    }

    static func suspend() {
        let wasActive = active
        if wasActive { endwin(); nng_bracketed_paste(0) }
        signal(SIGTSTP, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTSTP)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(SIGTSTP)  // stopped here until SIGCONT
        signal(SIGTSTP) { _ in TerminalRestore.suspend() }
        if wasActive {
            nng_bracketed_paste(1)
            refresh()  // curses mode again, with the last frame, as curses' own handler does
            resumed = true
        }
    }
}
