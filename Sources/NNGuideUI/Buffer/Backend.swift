/// What the explorer's loop needs of a terminal, as ratatui's `Backend`: its size, drawing a frame
/// (only the cells that changed), the next key, and giving the terminal back. The curses terminal
/// (NNGuideTerminal, the only code that sees curses) is one; the tests' `TestBackend` (scripted
/// keys, frames kept in memory) is another, so the real loop runs in a test.
public protocol Backend: AnyObject {
    var width: Int { get }
    var height: Int { get }
    /// Sends the cells that differ from the last frame drawn; `full` forgets that frame and sends
    /// every cell (Ctrl-L, after a resize or a suspend).
    func draw(_ buffer: Buffer, full: Bool)
    /// Waits for the next key, at most `timeout` seconds (nil: until one comes). Resizes and mouse
    /// events come as keys. Nil when none came, or a signal interrupted the wait.
    func readKey(timeout: Double?) -> Key?
    /// The ending signal (SIGINT, SIGTERM, SIGHUP) that asked the loop to leave, if one did: the
    /// loop leaves the way `q` does, saving first.
    var quitSignal: Int32? { get }
    /// True once after the program was stopped and continued: the next frame is drawn in full.
    func takeResumed() -> Bool
    /// Gives the terminal back as it was found. Safe to call twice.
    func restore()
}
