import Foundation
import Testing

/// The real binary in a real terminal, for the fault tests: a private tmux server (own socket, no
/// user configuration, no escape delay) running one shell command that starts nnguide, then prints
/// `EXIT=<status>` when it ends and keeps the pane open so the terminal's state can be inspected.
/// Unlike a plain session, the command is any shell text, so a test can change TERM or LANG, run
/// nnguide inside a private mount namespace (a read-only or full state folder), or check files after.
final class FaultTerminal: TmuxPane {
    static let binary = ExplorerPaths.binary
    /// What /proc/PID/exe shows for it (.build/debug is a symbolic link).
    static let resolvedBinary = URL(fileURLWithPath: binary).resolvingSymlinksInPath().path
    /// The explorer's small, stable fixture guide.
    static let content = ExplorerPaths.fixture
    static var available: Bool { ExplorerPaths.haveTmux && ExplorerPaths.haveBinary }

    /// A private HOME with its own state and cache folders.
    let home: String

    /// `environment` is applied to nnguide only (a value of nil unsets the variable); `shell` wraps
    /// the start, with `NNGUIDE` standing for the quoted nnguide command.
    /// `home` (from `newHome()`, prepared by the test) becomes this terminal's and goes with it.
    /// With `jobControl`, nnguide is typed into an interactive shell, so it can be stopped and
    /// brought back with `fg` the way a user does (a shell without job control cannot stop it).
    init(width: Int = 80, height: Int = 24, args: [String] = [], environment: [String: String?] = [:],
         shell: String = "NNGUIDE", home: String = FaultTerminal.newHome(), jobControl: Bool = false) throws {
        guard Self.available else { throw Failure("needs tmux and \(Self.binary) (make test builds it)") }
        self.home = home
        var env: [String: String?] = ["HOME": home, "XDG_STATE_HOME": home + "/state", "XDG_CACHE_HOME": home + "/cache",
                                      "NNGUIDE_CONTENT": Self.content, "LANG": "C.UTF-8", "LC_ALL": nil, "TERM": "xterm-256color"]
        env.merge(environment) { $1 }
        let q = TmuxPane.quote
        let unset = env.filter { $0.value == nil }.keys.sorted().map { "-u \($0)" }.joined(separator: " ")
        let set = env.compactMapValues { $0 }.sorted { $0.key < $1.key }.map { "\($0.key)=\(q($0.value))" }.joined(separator: " ")
        let nnguide = "env \(unset) \(set) \(q(Self.binary)) \(args.map(q).joined(separator: " "))"
        // In the private HOME, not the checkout: random keys can save a decision record (e), which goes
        // to the working folder, and one was once committed from the repository's root.
        let command = "cd \(q(home)) && " + shell.replacingOccurrences(of: "NNGUIDE", with: nnguide) + "; echo EXIT=$?"
        let shellArgs = jobControl ? ["env", "PS1=$ ", "bash", "--norc", "--noprofile", "-i"] : ["sh", "-c", command + "; sleep 600"]
        try super.init(width: width, height: height, command: shellArgs, label: "fault")
        if jobControl {
            try run(["send-keys", "-t", "t", "-l", command])
            try run(["send-keys", "-t", "t", "Enter"])
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: home) }

    static func newHome() -> String {
        let home = NSTemporaryDirectory() + "nnguide-fault-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return home
    }

    /// Raw bytes, exactly: half escape sequences, control bytes, invalid UTF-8.
    func bytes(_ b: [UInt8]) throws {
        guard !b.isEmpty else { return }
        try run(["send-keys", "-t", "t", "-H"] + b.map { String(format: "%02x", $0) })
    }
    /// The status nnguide exited with, once it has (nil while it runs, after `timeout`).
    func exitStatus(timeout: Double = 15) -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            // On terminals without an alternate screen the explorer's last frame stays, so the
            // line may hold more than the status.
            // The shell's echo may follow what was left on the line, so the status is looked for
            // anywhere in it, the last one on the screen.
            if let line = screen().split(separator: "\n").last(where: { $0.contains("EXIT=") }),
               let at = line.range(of: "EXIT=", options: .backwards) {
                return Int(line[at.upperBound...].prefix(while: \.isNumber))
            }
            usleep(40_000)
        }
        return nil
    }

    /// The status nnguide exited with, waiting as long as it is working: a slow machine only makes this
    /// slower, while a program that sits idle for `idleLimit` seconds without ending is reported as hung
    /// (nil). Reads /proc between looks at the screen, so waiting costs the test process little.
    ///
    /// `again`: sent when the program sits idle but alive (random keys can leave it deeper than the
    /// way out unwinds: a prompt over help over a field), at most `attempts` times, as a person would
    /// press Esc once more; a program that answers none of them is still reported as hung.
    func exitStatusWhileWorking(idleLimit: Double = 10, backstop: Double = 900,
                                again: (() throws -> Void)? = nil, attempts: Int = 2) -> Int? {
        let start = Date()
        var lastTicks: Int? = nil
        var idleSince = Date()
        var left = again == nil ? 0 : attempts
        while Date().timeIntervalSince(start) < backstop {
            guard let pid = programPID() else { return exitStatus(timeout: 15) }
            let now = Self.cpu(of: pid)
            if let now, now.ticks != lastTicks || now.state != "S" {
                lastTicks = now.ticks
                idleSince = Date()
            } else if Date().timeIntervalSince(idleSince) > idleLimit {
                // It may be ending (a signal's restore, the shell's echo) on a loaded machine: give the
                // status a few seconds to show before calling it idle.
                if let status = exitStatus(timeout: 5) { return status }
                guard left > 0, programPID() != nil, (try? again?()) != nil else { return nil }
                left -= 1
                idleSince = Date()
            }
            usleep(200_000)
        }
        return nil
    }

    /// A process's scheduler state (R running or runnable, S sleeping, ...) and CPU time used so far.
    static func cpu(of pid: Int32) -> (state: Character, ticks: Int)? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let state = fields[0].first,
              let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return (state, user + system)
    }

    /// Stops nnguide (SIGSTOP) while `body` sends keys, then lets it go on: the keys wait in the
    /// terminal and are read together, as they are when a loaded machine does not schedule it in time.
    func whileStopped(_ body: () throws -> Void) throws {
        guard let pid = programPID() else { throw Failure("nnguide is not running") }
        kill(pid, SIGSTOP)
        defer { kill(pid, SIGCONT) }
        try body()
        usleep(100_000)   // tmux has written every key into the terminal before nnguide reads one
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

    /// Leaves any field, prompt or overlay, then `q`: the way out must work from wherever keys left it.
    func quit() throws {
        // Four Escs: help with find marks over a field, a bookmark prompt open, takes one for the
        // prompt, one for help's marks (as less), one for help, one for the field.
        try send("Escape"); usleep(30_000)
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
    static let pasteStart = Array("\u{1b}[200~".utf8), pasteEnd = Array("\u{1b}[201~".utf8)
    /// Whether a bracketed paste may be open after `bytes` (`open`: one was before them).
    static func pasteOpen(after bytes: [UInt8], _ open: Bool) -> Bool {
        func last(_ marker: [UInt8]) -> Int {
            guard bytes.count >= marker.count else { return -1 }
            return (0...(bytes.count - marker.count)).last { Array(bytes[$0..<($0 + marker.count)]) == marker } ?? -1
        }
        let (start, end) = (last(pasteStart), last(pasteEnd))
        return start == end ? open : start > end
    }
    /// Keys that would end the session early, which the fuzzing leaves out on purpose: q (quit),
    /// Ctrl-C (quit), Ctrl-Z (stop, with no shell to continue it) and Ctrl-\.
    static let excluded: Set<UInt8> = [UInt8(ascii: "q"), 3, 26, 28]
}

