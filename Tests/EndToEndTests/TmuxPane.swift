import Foundation
import Testing

/// A real terminal for the real binary: a private tmux server (its own socket, no user configuration,
/// no escape delay) with one pane. The explorer tests (`TmuxSession`) and the fault tests
/// (`FaultTerminal`) decide what the pane runs; driving and reading it is the same for both.
class TmuxPane {
    let tmux: String
    let socket: String

    struct Failure: Error, CustomStringConvertible { let description: String; init(_ s: String) { description = s } }

    /// Starts the server with a `width` x `height` window running `command` (an argv).
    init(width: Int, height: Int, command: [String], label: String) throws {
        guard let t = ExplorerPaths.which("tmux") else { throw Failure("tmux is not installed") }
        tmux = t
        socket = "nnguide-\(label)-\(UUID().uuidString.prefix(8))"
        // The tmux server forked here keeps every descriptor it inherits open, among them the pipe
        // the test runner reads its results from: start it with nothing but /dev/null.
        let status = spawnDetached([tmux, "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "t",
                                    "-x", "\(width)", "-y", "\(height)"] + command)
        guard status == 0 else { throw Failure("tmux new-session failed (status \(status))") }
        try run(["set", "-s", "escape-time", "0"])
    }

    deinit {
        // tmux leaves its socket file behind when killed; remove it so runs do not pile them up.
        let socketPath = format("#{socket_path}")
        _ = try? run(["kill-server"])
        if socketPath.hasSuffix(socket) { try? FileManager.default.removeItem(atPath: socketPath) }
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func run(_ args: [String]) throws -> String {
        let r = runTool(tmux, ["-L", socket] + args)
        guard r.status == 0 else { throw Failure("tmux \(args.prefix(3).joined(separator: " ")): \(r.err)") }
        return r.out
    }

    /// Keys by tmux name ("Enter", "BSpace", "Tab", "Escape", "Down", "C-l") or plain characters.
    func send(_ keys: String...) throws { try run(["send-keys", "-t", "t"] + keys) }
    /// Text as typed, character by character.
    func type(_ text: String) throws { try run(["send-keys", "-t", "t", "-l", text]) }
    func screen() -> String { (try? run(["capture-pane", "-p", "-t", "t"])) ?? "" }
    /// A paste: the whole text arrives at once (bracketed when the program asked for it).
    func paste(_ text: String) throws {
        try run(["set-buffer", "-b", "p", text])
        try run(["paste-buffer", "-p", "-b", "p", "-t", "t"])
    }
    func resize(_ w: Int, _ h: Int) throws { try run(["resize-window", "-t", "t", "-x", "\(w)", "-y", "\(h)"]) }
    func format(_ f: String) -> String {
        ((try? run(["display-message", "-p", "-t", "t", f])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `text` shows (bounded): the only way these tests wait. It returns once
    /// two captures in a row show the text and agree, so the lines a test reads next are not from a
    /// frame still reaching tmux (a loaded suite once read a hint line one frame old); a screen that
    /// shows the text but never stops changing is taken at the deadline.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var shown: String?
        while Date() < deadline {
            let now = screen()
            if now.contains(text) {
                if now == shown { return true }
                shown = now
            } else {
                shown = nil
            }
            usleep(40_000)
        }
        if shown != nil { return true }
        Issue.record(Comment(rawValue: "waited \(timeout)s for \"\(text)\"; the screen was:\n\(screen())"), sourceLocation: sourceLocation)
        return false
    }

    /// Polls until `ready` holds for one capture of the screen (bounded) and returns that capture: for
    /// an assertion that reads several things at once, which must not read a frame still being written.
    @discardableResult
    func waitForScreen(_ what: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation,
                       _ ready: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = screen(), ready0 = false
        while Date() < deadline {
            // As `waitFor`: ready in two captures that agree.
            if ready(last) { if ready0 { return last }; ready0 = true } else { ready0 = false }
            usleep(40_000)
            let now = screen()
            if now != last { ready0 = false }
            last = now
        }
        if ready(last) { return last }
        Issue.record(Comment(rawValue: "waited \(timeout)s for \(what); the screen was:\n\(last)"), sourceLocation: sourceLocation)
        return last
    }

    /// The screen once two captures 150 ms apart agree (bounded): a frame may reach tmux in more than
    /// one write, and a screen compared whole must not be a half-written one.
    func settled() -> String {
        var last = screen()
        for _ in 0..<50 {
            usleep(150_000)
            let now = screen()
            if now == last { return now }
            last = now
        }
        return last
    }

    func waitUntilGone(_ text: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !screen().contains(text) { return }
            usleep(40_000)
        }
        Issue.record(Comment(rawValue: "\"\(text)\" still on screen after \(timeout)s:\n\(screen())"), sourceLocation: sourceLocation)
    }

    /// After the program ended: the terminal is back to normal (alternate screen left, cursor shown).
    func expectRestored(_ what: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        let label = what.map { "\($0): " } ?? ""
        #expect(format("#{alternate_on}") == "0", "\(label)still on the alternate screen", sourceLocation: sourceLocation)
        #expect(format("#{cursor_flag}") == "1", "\(label)cursor still hidden", sourceLocation: sourceLocation)
    }
}
