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

    static func install() {
        guard !installed else { return }
        installed = true
        atexit { TerminalRestore.restore() }
        for sig in quitting + crashing {
            signal(sig) { s in
                TerminalRestore.restore()
                signal(s, SIG_DFL)
                raise(s)
            }
        }
    }
}
