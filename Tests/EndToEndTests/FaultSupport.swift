import Foundation
import Testing

/// The real binary in a real terminal, for the fault tests: a private tmux server (own socket, no
/// user configuration, no escape delay) running one shell command that starts nnguide, then prints
/// `EXIT=<status>` when it ends and keeps the pane open so the terminal's state can be inspected.
/// Unlike a plain session, the command is any shell text, so a test can change TERM or LANG, run
/// nnguide inside a private mount namespace (a read-only or full state folder), or check files after.
final class FaultTerminal {
    static let binary = ExplorerPaths.binary
    /// What /proc/PID/exe shows for it (.build/debug is a symbolic link).
    static let resolvedBinary = URL(fileURLWithPath: binary).resolvingSymlinksInPath().path
    /// The explorer's small, stable fixture guide.
    static let content = ExplorerPaths.fixture
    static var tmux: String? { ExplorerPaths.which("tmux") }
    static var available: Bool { ExplorerPaths.haveTmux && ExplorerPaths.haveBinary }

    let socket = "nnguide-fault-\(UUID().uuidString.prefix(8))"
    /// A private HOME with its own state and cache folders.
    let home: String

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// `environment` is applied to nnguide only (a value of nil unsets the variable); `shell` wraps
    /// the start, with `NNGUIDE` standing for the quoted nnguide command.
    /// `home` (from `newHome()`, prepared by the test) becomes this terminal's and goes with it.
    /// With `jobControl`, nnguide is typed into an interactive shell, so it can be stopped and
    /// brought back with `fg` the way a user does (a shell without job control cannot stop it).
    init(width: Int = 80, height: Int = 24, args: [String] = [], environment: [String: String?] = [:],
         shell: String = "NNGUIDE", home: String = FaultTerminal.newHome(), jobControl: Bool = false) throws {
        guard Self.available else { throw Failure(description: "needs tmux and \(Self.binary) (make test builds it)") }
        self.home = home
        var env: [String: String?] = ["HOME": home, "XDG_STATE_HOME": home + "/state", "XDG_CACHE_HOME": home + "/cache",
                                      "NNGUIDE_CONTENT": Self.content, "LANG": "C.UTF-8", "LC_ALL": nil, "TERM": "xterm-256color"]
        env.merge(environment) { $1 }
        let unset = env.filter { $0.value == nil }.keys.sorted().map { "-u \($0)" }.joined(separator: " ")
        let set = env.compactMapValues { $0 }.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let nnguide = "env \(unset) \(set) \(Self.quote(Self.binary)) \(args.map(Self.quote).joined(separator: " "))"
        let command = shell.replacingOccurrences(of: "NNGUIDE", with: nnguide) + "; echo EXIT=$?"
        let session = ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)"]
        let shellArgs = jobControl ? ["env", "PS1=$ ", "bash", "--norc", "--noprofile", "-i"] : ["sh", "-c", command + "; sleep 600"]
        guard spawnDetached([Self.tmux!] + session + shellArgs) == 0 else { throw Failure(description: "tmux new-session failed") }
        try run(["set", "-s", "escape-time", "0"])
        if jobControl {
            try run(["send-keys", "-t", "t", "-l", command])
            try run(["send-keys", "-t", "t", "Enter"])
        }
    }

    deinit {
        let socketPath = format("#{socket_path}")
        _ = try? run(["kill-server"])
        if socketPath.hasSuffix(socket) { try? FileManager.default.removeItem(atPath: socketPath) }
        try? FileManager.default.removeItem(atPath: home)
    }

    static func newHome() -> String {
        let home = NSTemporaryDirectory() + "nnguide-fault-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return home
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func run(_ args: [String]) throws -> String {
        let r = runTool(Self.tmux!, ["-L", socket] + args)
        guard r.status == 0 else { throw Failure(description: "tmux \(args.prefix(3).joined(separator: " ")): \(r.err)") }
        return r.out
    }

    /// Keys by tmux name ("Enter", "Escape", "Up", "C-l") or plain characters.
    func send(_ keys: String...) throws { try run(["send-keys", "-t", "t"] + keys) }
    /// Text as typed, character by character.
    func type(_ text: String) throws { try run(["send-keys", "-t", "t", "-l", text]) }
    /// Raw bytes, exactly: half escape sequences, control bytes, invalid UTF-8.
    func bytes(_ b: [UInt8]) throws {
        guard !b.isEmpty else { return }
        try run(["send-keys", "-t", "t", "-H"] + b.map { String(format: "%02x", $0) })
    }
    /// A paste: the whole text arrives at once (bracketed when the program asked for it).
    func paste(_ text: String) throws {
        try run(["set-buffer", "-b", "p", text])
        try run(["paste-buffer", "-p", "-b", "p", "-t", "t"])
    }
    func resize(_ w: Int, _ h: Int) throws { try run(["resize-window", "-t", "t", "-x", "\(w)", "-y", "\(h)"]) }
    func screen() -> String { (try? run(["capture-pane", "-p", "-t", "t"])) ?? "" }
    func format(_ f: String) -> String {
        ((try? run(["display-message", "-p", "-t", "t", f])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls (bounded) until `text` is on screen; records an issue showing the screen otherwise.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen().contains(text) { return true }
            usleep(40_000)
        }
        Issue.record(Comment(rawValue: "waited \(timeout)s for \"\(text)\"; the screen was:\n\(screen())"), sourceLocation: sourceLocation)
        return false
    }

    /// The status nnguide exited with, once it has (nil while it runs, after `timeout`).
    func exitStatus(timeout: Double = 15) -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            // On terminals without an alternate screen the explorer's last frame stays, so the
            // line may hold more than the status.
            if let line = screen().split(separator: "\n").last(where: { $0.hasPrefix("EXIT=") }) {
                return Int(line.dropFirst(5).prefix(while: \.isNumber))
            }
            usleep(40_000)
        }
        return nil
    }

    /// The nnguide process of this session: our binary, with this session's HOME.
    func programPID() -> Int32? {
        let mark = Array(("HOME=" + home + "\u{0}").utf8)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(name),
                  (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(name)/exe")) == Self.resolvedBinary,
                  let environ = FileManager.default.contents(atPath: "/proc/\(name)/environ") else { continue }
            if Array(environ).firstRange(of: mark) != nil { return pid }
        }
        return nil
    }

    /// After nnguide ended: the normal screen is back and the cursor shows.
    func expectRestored(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(format("#{alternate_on}") == "0", "\(what): still on the alternate screen", sourceLocation: sourceLocation)
        #expect(format("#{cursor_flag}") == "1", "\(what): cursor still hidden", sourceLocation: sourceLocation)
    }

    /// Leaves any field, prompt or overlay, then `q`: the way out must work from wherever keys left it.
    func quit() throws {
        try send("Escape"); usleep(30_000)
        try send("Escape"); usleep(30_000)
        try send("Escape"); usleep(30_000)
        try send("q")
    }
}

/// Escape sequences a terminal sends, whole and cut short.
enum KeyBytes {
    static let sequences: [[UInt8]] = [
        "\u{1b}[A", "\u{1b}[B", "\u{1b}[C", "\u{1b}[D", "\u{1b}[5~", "\u{1b}[6~", "\u{1b}[H", "\u{1b}[F", "\u{1b}[Z",
        "\u{1b}OA", "\u{1b}OP", "\u{1b}[1;5C", "\u{1b}[3~", "\u{1b}[200~", "\u{1b}[201~", "\u{1b}[M !!", "\u{1b}[<0;10;5M",
        "\u{1b}[", "\u{1b}O", "\u{1b}[1;", "\u{1b}[12", "\u{1b}", "\u{1b}\u{1b}",
    ].map { Array($0.utf8) }
    /// Keys that would end the session early, which the fuzzing leaves out on purpose: q (quit),
    /// Ctrl-C (quit), Ctrl-Z (stop, with no shell to continue it) and Ctrl-\.
    static let excluded: Set<UInt8> = [UInt8(ascii: "q"), 3, 26, 28]
}

