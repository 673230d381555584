import CNcursesw
import Foundation

/// Puts the terminal back on every way out: normal exit (`Terminal.close`), `exit()` anywhere
/// (atexit), SIGINT/SIGTERM/SIGHUP/SIGQUIT (restore, then die of the same signal so the parent sees
/// it), and crashes (a Swift trap is SIGILL on x86_64): restore first, then the default action.
/// The default action, not the Swift runtime's backtracer: that one waits for a key on a terminal,
/// which is no way to leave a program that has just crashed.
enum TerminalRestore {
    nonisolated(unsafe) static var active = false
    nonisolated(unsafe) static var installed = false

    static let quitting: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let crashing: [Int32] = [SIGILL, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGTRAP]

    static func restore() {
        guard active else { return }
        active = false
        if !isendwin() { endwin() }
    }

    /// Set when the program was stopped and continued: the main loop redraws everything.
    nonisolated(unsafe) static var resumed = false

    static func install() {
        guard !installed else { return }
        installed = true
        atexit { TerminalRestore.restore() }
        installSuspend()
        for sig in quitting + crashing {
            signal(sig) { s in
                TerminalRestore.restore()
                signal(s, SIG_DFL)
                raise(s)
            }
        }
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
        if wasActive { endwin() }
        signal(SIGTSTP, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTSTP)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(SIGTSTP)  // stopped here until SIGCONT
        signal(SIGTSTP) { _ in TerminalRestore.suspend() }
        if wasActive {
            refresh()  // curses mode again, with the last frame, as curses' own handler does
            resumed = true
        }
    }
}
