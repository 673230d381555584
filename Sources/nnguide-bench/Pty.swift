import Foundation

/// A program running in a fresh pseudo-terminal, as a user's terminal would run it. The harness times
/// output, not internals, so `less` and `nnguide` are measured by exactly the same rule.
final class PtyProcess {
    let master: Int32
    let pid: pid_t
    /// When posix_spawn was called: the zero of every time this process reports.
    let started: Double
    private(set) var output: [UInt8] = []
    /// (seconds since start, bytes) for every read: where the time went, for `trace`.
    private(set) var chunks: [(at: Double, count: Int)] = []
    private(set) var exited = false
    /// When the last byte arrived, since `started`.
    private(set) var lastByteAt: Double?

    struct Failure: Error, CustomStringConvertible { var description: String }

    init(_ argv: [String], environment: [String: String], rows: Int, cols: Int) throws {
        let m = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)  // posix_openpt, which Glibc hides
        guard m >= 0, let slavePath = unlockedSlave(m) else {
            throw Failure(description: "cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        master = m
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(cols), ws_xpixel: 0, ws_ypixel: 0)
        guard setWindowSize(m, &size) else { throw Failure(description: "TIOCSWINSZ failed") }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The child is a session leader (SETSID below), so opening the slave makes it its controlling
        // terminal, exactly as a terminal emulator's login shell gets one.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(); sigemptyset(&none)
        var all = sigset_t(); sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(spawnSetsid | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var child: pid_t = 0
        started = now()
        let rc = posix_spawnp(&child, argv[0], &actions, &attr, cArgs, cEnv)
        guard rc == 0 else { close(m); throw Failure(description: "cannot run \(argv[0]): \(String(cString: strerror(rc)))") }
        pid = child
    }

    /// Reads until the program has been silent for `quiet` seconds (or `limit` passes), and returns the
    /// time of the last byte it wrote, relative to `since`: "the frame was complete then".
    @discardableResult
    func settle(quiet: Double, limit: Double = 10, since: Double? = nil) -> (seconds: Double?, bytes: Int) {
        let zero = since ?? started
        var last: Double?
        var count = 0
        let deadline = now() + limit
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !exited {
            let wait = min(quiet, deadline - now())
            if wait <= 0 { break }
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(wait * 1000))
            if ready < 0 { if errno == EINTR { continue } else { break } }
            if ready == 0 { break }
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { exited = true; break }  // EIO: every slave descriptor is closed, the program is gone
            last = now()
            count += n
            output.append(contentsOf: buffer[0..<n])
            chunks.append((last! - started, n))
            lastByteAt = last! - started
        }
        return (last.map { $0 - zero }, count)
    }

    /// Waits (up to `limit` seconds) until the program writes anything at all.
    @discardableResult
    func awaitOutput(limit: Double) -> Bool {
        let before = output.count
        let deadline = now() + limit
        while output.count == before && !exited && now() < deadline { settle(quiet: 0.05, limit: 0.05) }
        return output.count > before
    }

    /// Waits (up to `limit` seconds) until `text` has been written.
    @discardableResult
    func awaitText(_ text: String, limit: Double) -> Bool {
        let deadline = now() + limit
        while !self.text.contains(text) && !exited && now() < deadline { settle(quiet: 0.05, limit: 0.05) }
        return self.text.contains(text)
    }

    /// The peak resident size so far (VmHWM), in KiB. Read from /proc while the program runs:
    /// wait4's ru_maxrss would include the harness itself, which the child shares until exec.
    func peakResidentKiB() -> Double? { statusKiB("VmHWM") }

    /// A size from /proc/PID/status, in KiB: `RssAnon` is the program's private memory (heap and
    /// stacks), `RssFile` the pages of the executable and mapped files, which the kernel shares and
    /// can drop and read again at any time.
    func statusKiB(_ field: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Double(line.split(separator: " ").dropFirst().first { !$0.isEmpty }.map(String.init) ?? "")
        }
        return nil
    }

    /// Everything written so far, as text.
    var text: String { String(decoding: output, as: UTF8.self) }

    func send(_ bytes: [UInt8]) {
        var rest = bytes[...]
        while !rest.isEmpty {
            let n = rest.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n <= 0 { if errno == EINTR || errno == EAGAIN { continue } else { return } }
            rest = rest.dropFirst(n)
        }
    }

    func send(_ s: String) { send(Array(s.utf8)) }

    func resize(rows: Int, cols: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(cols), ws_xpixel: 0, ws_ypixel: 0)
        _ = setWindowSize(master, &size)
        kill(pid, SIGWINCH)
    }

    /// Waits for the exit; returns the status and the peak resident size in KiB (getrusage's ru_maxrss).
    func finish(limit: Double = 10) -> (status: Int32, peakKiB: Int) {
        let deadline = now() + limit
        var status: Int32 = 0
        var usage = rusage()
        while true {
            // Keep draining so a program blocked on a full terminal can still exit.
            settle(quiet: 0.02, limit: 0.05)
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if now() > deadline { kill(pid, SIGKILL); _ = wait4(pid, &status, 0, &usage); break }
        }
        close(master)
        return (status, Int(usage.ru_maxrss))
    }
}

/// ioctl is variadic, which Swift cannot call directly; through dlsym it takes a fixed signature (the
/// x86-64 and arm64 calling conventions pass the third argument the same way either way).
private typealias IoctlPointer = @convention(c) (Int32, UInt, UnsafeMutableRawPointer?) -> Int32
private let ioctlCall: IoctlPointer = unsafeBitCast(dlsym(nil, "ioctl"), to: IoctlPointer.self)

// grantpt, unlockpt, ptsname and POSIX_SPAWN_SETSID sit behind feature macros the Glibc module is built
// without; on Linux they are these ioctls and this flag (same values on x86-64 and arm64).
private let spawnSetsid: Int32 = 0x80            // <spawn.h>
private let ptyUnlock: UInt = 0x4004_5431         // TIOCSPTLCK
private let ptyNumber: UInt = 0x8004_5430         // TIOCGPTN

private func unlockedSlave(_ master: Int32) -> String? {
    var zero: Int32 = 0
    var number: UInt32 = 0
    guard ioctlCall(master, ptyUnlock, &zero) == 0, ioctlCall(master, ptyNumber, &number) == 0 else { return nil }
    return "/dev/pts/\(number)"
}

private func setWindowSize(_ fd: Int32, _ size: inout winsize) -> Bool {
    ioctlCall(fd, UInt(TIOCSWINSZ), &size) == 0
}

/// Exit status as a shell shows it: the code, or 128 + the signal.
func shellStatus(_ status: Int32) -> Int32 {
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
}
