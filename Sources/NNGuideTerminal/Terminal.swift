import CNcursesw
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif
import NNGuideCore
import NNGuideUI

/// Why the explorer cannot take over this terminal; the message says what to do instead.
public struct TerminalUnavailable: Error, CustomStringConvertible {
    public let description: String
}

/// How many colours the terminal shows, after `NO_COLOR`.
public enum ColorDepth: Sendable { case none, eight, many }

/// The only door to the terminal: draws buffers (only the cells that changed), reads keys,
/// reports resizes, and puts the terminal back on every way out.
public final class Terminal: Backend {
    public private(set) var width = 0
    public private(set) var height = 0
    public let colors: ColorDepth
    private let ascii: Bool
    private var front: Buffer?
    private var pens: [Theme.Pen] = []
    private var utf8 = UTF8KeyCollector()
    /// A code read that ended a broken character and is to be taken as a key of its own.
    private var replayCode: Int32?

    /// Checks TERM before anything is written, so a dumb or unknown terminal gets a message and
    /// not a screenful of escapes.
    public static func check(environment: Environment = .process) -> TerminalUnavailable? {
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" || term == "unknown" {
            return TerminalUnavailable(description: "TERM is \(term.isEmpty ? "not set" : "'\(term)'"), which cannot show the full-screen explorer")
        }
        switch nng_terminfo_known(term) {
        case 1: return nil
        case 0: return TerminalUnavailable(description: "this system has no terminal description for TERM='\(term)'")
        default: return TerminalUnavailable(description: "no terminal database (terminfo) was found for TERM='\(term)'")
        }
    }

    /// Whether text must be plain ASCII: a non-UTF-8 locale (`LANG=C`) or a VT-series terminal.
    /// Call after `setlocale`.
    /// The rule is `BoxStyle.from`'s, with the character set the C library reports.
    public static func needsASCII(environment: Environment = .process) -> Bool {
        BoxStyle.from(environment: environment, codeset: String(cString: nng_codeset())) == .ascii
    }

    /// What a frame drawn here depends on in the environment, for the key of the explorer's stored
    /// first frame (`StoredFrame`): the terminal and its description, colour, the character set and
    /// the size variables curses honours; unset as empty. Call after `setlocale`.
    public static func drawingEnvironment(_ environment: Environment = .process) -> [String] {
        ["TERM", "TERMINFO", "TERMINFO_DIRS", "NO_COLOR", "NNGUIDE_ASCII", "LC_ALL", "LC_CTYPE", "LANG", "LINES", "COLUMNS"]
            .map { environment[$0] ?? "" } + [String(cString: nng_codeset())]
    }

    /// Takes over the terminal (alternate screen, raw keys, no cursor). Throws instead of exiting
    /// when curses cannot start, which `initscr` would not allow.
    public init(ascii: Bool, mouse: Bool, environment: Environment = .process) throws {
        self.ascii = ascii
        TerminalRestore.install()
        if environment["ESCDELAY"] == nil { set_escdelay(25) }  // Esc reacts at once, not after a second
        guard nng_newterm(nil) != nil else {
            throw TerminalUnavailable(description: "the terminal (TERM='\(environment["TERM"] ?? "")') could not be opened")
        }
        TerminalRestore.active = true
        raw()          // Ctrl-C arrives as a key and quits cleanly; Ctrl-Z is handled below
        noecho()
        nonl()
        // The modes below are sent to the terminal in one write (`OutputBatch`).
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let setUp = OutputBatch.run { () -> (ColorDepth, [Theme.Pen]) in
            keypad(nng_stdscr(), true)
            // A paste arrives marked, as one key (`readPaste`), so its newlines and letters never act.
            define_key("\u{1B}[200~", Self.pasteStart)
            nng_bracketed_paste(1)
            curs_set(0)
            if mouse {
                mousemask(nng_button1_click_mask() | nng_wheel_up() | nng_wheel_down(), nil)
                mouseinterval(0)
            }
            var depth = ColorDepth.none
            if !noColor && has_colors() {
                start_color()
                use_default_colors()
                depth = nng_colors() >= 256 && nng_color_pairs() >= 32 ? .many : (nng_colors() >= 8 ? .eight : .none)
            }
            return (depth, Theme.install(depth))
        }
        (colors, pens) = (setUp.0, setUp.1)
        width = Int(nng_maxx(nng_stdscr()))
        height = Int(nng_maxy(nng_stdscr()))
    }

    /// The signal (SIGINT, SIGTERM, SIGHUP) that asked the explorer to leave, once `leaveOnSignals()`
    /// is on: the main loop checks it after every key and leaves the way `q` does.
    public var quitSignal: Int32? { TerminalRestore.pendingQuit == 0 ? nil : TerminalRestore.pendingQuit }

    /// From now on an ending signal interrupts `readKey` and sets `quitSignal` instead of ending
    /// the program, so the caller saves what it holds before it goes.
    public func leaveOnSignals() { TerminalRestore.loopLeavesOnSignal = true }

    /// Ends the program of the signal that asked it to leave (after the caller's saves); returns
    /// when no signal did.
    public static func endOfPendingSignal() { TerminalRestore.endOfPendingSignal() }

    /// Puts the terminal back: normal screen, cursor visible, keys cooked. Safe to call twice.
    public func restore() { TerminalRestore.restore() }

    deinit { restore() }

    /// Sends the cells that changed since the last frame. `full` forgets the last frame (Ctrl-L,
    /// after a resize or a suspend).
    public func draw(_ buffer: Buffer, full: Bool = false) {
        let win = nng_stdscr()!
        if full || front == nil || front!.width != buffer.width || front!.height != buffer.height {
            front = nil
            if full { clearok(win, true) }
            werase(win)
        }
        for run in buffer.changes(since: front) { put(run, win) }
        front = buffer
        wnoutrefresh(win)
        // Not batched (`OutputBatch`): `doupdate` itself handles a resize that arrived since the last
        // key, asking the size of its output, which inside a batch is the memory file; the ask fails,
        // curses falls back to terminfo's 80x24 and the frame is drawn at the old size (a loaded CI run
        // caught it: a resize racing a key). Only the set-up, before any `doupdate`, is batched.
        doupdate()
    }

    private func put(_ run: Buffer.Run, _ win: UnsafeMutablePointer<WINDOW>) {
        let i = Int(run.role.rawValue)
        let (attrs, pair) = i < pens.count ? (pens[i].attrs, pens[i].pair) : (nng_a_normal(), Int16(0))
        if run.text.utf8.allSatisfy({ $0 < 0x80 }) {
            var w = run.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            _ = nng_put(win, Int32(run.y), Int32(run.x), &w, Int32(w.count), attrs, pair)
            return
        }
        // Non-ASCII: one grapheme at a time at the column our width table gives it, so a
        // disagreement with the C library's idea of width cannot shift the rest of the line.
        var x = run.x
        for ch in run.text {
            let cw = run.wide ? DisplayWidth.of(ch) : 1
            var text = String(ch)
            if ascii && !ch.isASCII { text = String(repeating: "?", count: max(1, cw)) }
            var w = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            _ = nng_put(win, Int32(run.y), Int32(x), &w, Int32(w.count), attrs, pair)
            if cw == 2 && Int(nng_curx(win)) == x + 1 && x + 1 < width {
                var space: [wchar_t] = [32]
                _ = nng_put(win, Int32(run.y), Int32(x + 1), &space, 1, attrs, pair)
            }
            x += max(1, cw)
        }
    }

    /// The code curses returns for the start of a bracketed paste (above every key it defines).
    static let pasteStart = KEY_MAX + 1

    /// Waits for the next key, at most `timeout` seconds (nil: until one comes); nil when none came
    /// or a signal interrupted the wait. Resizes and mouse events come back as keys too.
    /// Bytes are read one at a time (`wgetch`) and put together into characters here, not by curses'
    /// `wget_wch`, which swallows every later key after one byte that is not UTF-8 (UTF8KeyCollector).
    public func readKey(timeout: Double? = nil) -> Key? {
        let win = nng_stdscr()
        if let timeout { wtimeout(win, Int32(max(0, min(timeout, 3600)) * 1000)) }
        // Only the first byte waits that long: the rest of a character or a sequence is already there.
        defer { if timeout != nil { wtimeout(win, -1) } }
        while true {
            let code: Int32
            if let again = replayCode { code = again; replayCode = nil } else { code = wgetch(win) }
            if code == ERR { _ = utf8.interrupt(); return nil }
            if code > 0xFF {
                if utf8.interrupt() { replayCode = code; return .unknown }
                if code == Self.pasteStart { return readPaste() }
                return special(code)
            }
            if code == 27 && !utf8.isCollecting { return escape() }
            if code < 0x80 && !utf8.isCollecting { return ascii(code) }
            switch utf8.feed(UInt8(code)) {
            case .collecting: continue
            case .character(let ch): return .char(ch)
            case .broken(let replay):
                if replay { replayCode = code }
                return .unknown
            }
        }
    }

    /// Esc, or Alt plus a key: terminals send Alt-x as Esc and x together, so a printable character
    /// already waiting after the Esc is its Alt key (it was reported as "x does nothing here").
    private func escape() -> Key {
        let win = nng_stdscr()
        nodelay(win, true)
        let next = wgetch(win)
        nodelay(win, false)
        if next == ERR { return .escape }
        if (33...126).contains(next) { return .alt(Character(UnicodeScalar(UInt8(next)))) }
        replayCode = next
        return .escape
    }

    /// The rest of a bracketed paste, read as bytes (keypad off, so curses does not take the end
    /// marker or pasted escapes for keys) up to its end marker: one paste key (`PasteReader`).
    /// A terminal sends a paste at once: half a second without a byte ends it where it is, so a start
    /// marker without an end never swallows the keys after it.
    private func readPaste() -> Key {
        let win = nng_stdscr()
        keypad(win, false)
        wtimeout(win, 500)
        defer { keypad(win, true); wtimeout(win, -1) }
        var reader = PasteReader()
        while true {
            let code = wgetch(win)
            // A signal to leave interrupts the read: what was pasted so far is dropped.
            if code == ERR { return quitSignal != nil ? .unknown : .paste(reader.finish()) }
            if code > 0xFF { if code == KEY_RESIZE { replayCode = code }; continue }
            if let text = reader.feed(UInt8(code)) { return .paste(text) }
        }
    }

    private func ascii(_ code: Int32) -> Key {
        switch code {
        case 13, 10: return .enter
        case 9: return .tab
        case 27: return .escape
        case 127, 8: return .backspace
        case 26:
            suspend()
            return .ctrl("l")  // redraw everything after coming back
        case 1...26: return .ctrl(Character(UnicodeScalar(UInt8(code + 96))))
        case 32...126: return .char(Character(UnicodeScalar(UInt8(code))))
        default: return .unknown
        }
    }

    private func special(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(code - KEY_F0))
        case KEY_RESIZE:
            width = Int(nng_maxx(nng_stdscr())); height = Int(nng_maxy(nng_stdscr()))
            front = nil
            return .resize(width: width, height: height)
        case KEY_MOUSE:
            var ev = MEVENT()
            guard getmouse(&ev) == OK else { return .unknown }
            if ev.bstate & nng_wheel_up() != 0 { return .mouse(x: Int(ev.x), y: Int(ev.y), .wheelUp) }
            if nng_wheel_down() != 0 && ev.bstate & nng_wheel_down() != 0 { return .mouse(x: Int(ev.x), y: Int(ev.y), .wheelDown) }
            if ev.bstate & nng_button1_click_mask() != 0 { return .mouse(x: Int(ev.x), y: Int(ev.y), .click) }
            return .unknown
        default: return .unknown
        }
    }

    /// Ctrl-Z: give the terminal back, stop, and take it again when continued.
    private func suspend() {
        endwin()
        kill(getpid(), SIGSTOP)
        // Continued: curses restores its modes on the next refresh.
        front = nil
        refresh()
    }

    /// True once after the program was stopped from outside and continued: draw everything again.
    public func takeResumed() -> Bool {
        defer { TerminalRestore.resumed = false }
        return TerminalRestore.resumed
    }
}
