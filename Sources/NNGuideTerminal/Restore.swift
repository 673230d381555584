import CNcursesw
import Foundation

/// Puts the terminal back on every way out: normal exit (`Terminal.close`), `exit()` anywhere
/// (atexit), SIGINT/SIGTERM/SIGHUP (restore, then die of the same signal so the parent sees it),
/// and crashes (a Swift trap is SIGILL on x86_64; restore first, then the default action dumps core).
enum TerminalRestore {
    nonisolated(unsafe) static var active = false
    nonisolated(unsafe) static var installed = false

    static func restore() {
        guard active else { return }
        active = false
        if !isendwin() { endwin() }
    }

    static func install() {
        guard !installed else { return }
        installed = true
        atexit { TerminalRestore.restore() }
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(sig) { s in
                TerminalRestore.restore()
                signal(s, SIG_DFL)
                raise(s)
            }
        }
        for sig in [SIGILL, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGTRAP] {
            signal(sig) { s in
                TerminalRestore.restore()
                signal(s, SIG_DFL)
                raise(s)
            }
        }
    }
}
