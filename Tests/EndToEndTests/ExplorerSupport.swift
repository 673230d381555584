import Foundation
import Testing

/// Paths of the checkout and of the debug binary the end-to-end tests drive (`make test` builds it first).
enum ExplorerPaths {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/nnguide").path
    static let fixture = root.appendingPathComponent("Tests/NNGuideUITests/Fixtures/Content").path
    static let content = root.appendingPathComponent("Content").path
    static var haveBinary: Bool { FileManager.default.isExecutableFile(atPath: binary) }
    static var haveTmux: Bool { which("tmux") != nil }

    static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    static func tempDir() -> String {
        let d = NSTemporaryDirectory() + "nnguide-e2e-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }
}

/// Runs a command to the end and returns its status and output.
@discardableResult
func runTool(_ path: String, _ args: [String], environment: [String: String]? = nil, stdin: FileHandle? = nil) -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    if let environment { p.environment = environment }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    if let stdin { p.standardInput = stdin }
    do { try p.run() } catch { return (-1, "", "\(error)") }
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

/// The explorer in a `TmuxPane`. The program runs under `sh` so its exit status is printed when it
/// ends and the pane stays to be inspected (alternate screen left? cursor visible?).
final class TmuxSession: TmuxPane {
    let stateDir = ExplorerPaths.tempDir()

    /// `pipe`: a shell pipeline the program's output goes through (`"cat -v"`). `script` builds the
    /// shell script around the program's command line (default: run it, print its exit status).
    init(width: Int, height: Int, args: [String], env: [String: String] = [:], pipe: String? = nil,
         script: ((String) -> String)? = nil) throws {
        var vars = ["XDG_STATE_HOME": stateDir, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        vars.merge(env) { $1 }
        let q = TmuxPane.quote
        let assignments = vars.sorted { $0.key < $1.key }.map { "\($0.key)=\(q($0.value))" }.joined(separator: " ")
        // tmux leaves its own ignored signals (SIGTSTP, SIGQUIT, ...) ignored in the pane; a shell
        // with job control would reset them, so do the same where env can.
        let reset = Self.envResetsSignals ? "--default-signal " : ""
        let program = "env \(reset)\(assignments) \(q(ExplorerPaths.binary)) \(args.map(q).joined(separator: " "))\(pipe.map { " | " + $0 } ?? "")"
        let command = script?(program) ?? "\(program); echo EXIT=$?; sleep 600"
        // In the state folder, not the checkout: a decision record (e) is saved in the working folder.
        try super.init(width: width, height: height, command: ["sh", "-c", "cd \(q(stateDir)) && " + command], label: "e2e")
    }

    deinit { try? FileManager.default.removeItem(atPath: stateDir) }

    /// From the start screen into the Model Brief form, choice keys pressed there (`"4"`, `"Down"`, ...),
    /// then ^S once `pick` is on screen: a brief saved the way a person saves one.
    func saveBrief(_ keys: [String], once pick: String) throws {
        waitFor("Start at the beginning")
        try send("d", "3")
        waitFor("Model Brief")
        for k in keys { try send(k) }
        waitFor(pick)
        try send("C-s")
    }

    static let envResetsSignals: Bool = runTool("/usr/bin/env", ["--default-signal", "true"]).status == 0

    /// The nnguide process under the pane's shell.
    func programPID() -> Int32? {
        let shell = format("#{pane_pid}")
        let r = runTool("/usr/bin/env", ["pgrep", "-P", shell])
        return r.out.split(separator: "\n").compactMap { Int32($0) }.first
    }
}

/// Runs a program with stdin, stdout and stderr on /dev/null and every other descriptor closed, and
/// waits for it: for starting daemons that must not hold the test runner's pipes.
func spawnDetached(_ argv: [String]) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd in Int32(0)...2 {
        posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    // No closefrom in Swift's Glibc: mark every inherited descriptor close-on-exec instead (harmless
    // for this process, which never execs).
    for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
        if let fd = Int32(name), fd > 2 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    }
    var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for p in cargs { free(p) } }
    // Test-runner threads block signals, and a blocked mask is inherited: without this the tmux
    // server would never see the SIGTERM that `kill-server` sends it.
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attr, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for sig in [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU] { sigaddset(&defaults, sig) }
    posix_spawnattr_setsigdefault(&attr, &defaults)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, argv[0], &actions, &attr, &cargs, environ)
    guard rc == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (status >> 8) & 0xFF
}
