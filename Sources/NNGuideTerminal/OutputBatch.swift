import CNcursesw
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Sends what curses writes during one step (the terminal's set-up; not a frame: `Terminal.draw` says
/// why) to the terminal in one write. ncurses 6 flushes its output after every cursor move until the program has once been
/// suspended (`_nc_mvcur` while `_endwin == ewInitial`), so the home screen went out in 21 writes of
/// 40-290 bytes, each one a trip through the terminal driver that can wake the terminal's reader and
/// give it the CPU in the middle of the frame (BENCHMARKS.md, "The first frame, step by step").
///
/// For the step, standard output is pointed at a file in memory, then back at the terminal, and what
/// was collected is written out at once. Signals that would write to the terminal (leaving, Ctrl-Z,
/// resizes) wait until the frame is on it; a crash meanwhile puts the terminal back first
/// (`abandon`, from `TerminalRestore.restore`). Where there is no memory file, steps write as before.
enum OutputBatch {
    /// The memory file (made once), or -1 when there is none: then steps are not batched.
    nonisolated(unsafe) static var memory: Int32 = -2
    /// The output being collected (standard output) and the terminal it was, kept aside while a step
    /// writes to memory; -1 otherwise.
    nonisolated(unsafe) static var output: Int32 = -1
    nonisolated(unsafe) static var terminal: Int32 = -1

    static let held: [Int32] = TerminalRestore.quitting + [SIGTSTP, SIGCONT, SIGWINCH, SIGALRM]

    /// Runs `body` with what it writes to `fd` (standard output) collected, then writes that to it
    /// in one piece.
    static func run<T>(on fd: Int32 = STDOUT_FILENO, _ body: () -> T) -> T {
        if memory == -2 { memory = nng_memory_file() }
        guard memory >= 0, terminal < 0 else { return body() }
        var hold = sigset_t(), before = sigset_t()
        sigemptyset(&hold)
        for s in held { sigaddset(&hold, s) }
        pthread_sigmask(SIG_BLOCK, &hold, &before)
        defer { pthread_sigmask(SIG_SETMASK, &before, nil) }
        let saved = fcntl(fd, F_DUPFD_CLOEXEC, 3)
        guard saved >= 0, lseek(memory, 0, SEEK_SET) == 0, dup2(memory, fd) >= 0 else {
            if saved >= 0 { close(saved) }
            return body()
        }
        (output, terminal) = (fd, saved)
        let result = body()
        guard terminal >= 0 else { return result }   // abandoned on the way: nothing is sent
        let length = Int(lseek(memory, 0, SEEK_CUR))
        abandon()
        if length > 0 { send(length, to: fd) }
        return result
    }

    /// The output back to the terminal, what was collected dropped. Safe in a signal handler.
    static func abandon() {
        guard terminal >= 0 else { return }
        dup2(terminal, output)
        close(terminal)
        (output, terminal) = (-1, -1)
    }

    /// The first `length` bytes of the memory file, written to the terminal.
    private static func send(_ length: Int, to fd: Int32) {
        var bytes = [UInt8](repeating: 0, count: length)
        let got = bytes.withUnsafeMutableBytes { pread(memory, $0.baseAddress, length, 0) }
        guard got > 0 else { return }
        var at = 0
        while at < got {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + at, got - at) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            at += n
        }
    }
}
