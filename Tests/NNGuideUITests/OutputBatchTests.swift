import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import NNGuideTerminal

/// `OutputBatch`: what a step writes reaches the terminal in one piece, after the step, and a crash
/// in the middle (`abandon`) gives the terminal back at once. A pipe stands in for the terminal.
@Suite(.serialized) struct OutputBatchTests {
    /// A pipe whose read end does not wait: (read, write).
    func pipe() -> (Int32, Int32) {
        var fds: [Int32] = [-1, -1]
        #expect(Glibc.pipe(&fds) == 0)
        _ = fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK)
        return (fds[0], fds[1])
    }

    func write(_ s: String, _ fd: Int32) { _ = s.withCString { Glibc.write(fd, $0, strlen($0)) } }

    func drain(_ fd: Int32) -> String {
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &buf, buf.count)
            if n <= 0 { break }
            out += buf[0..<n]
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func aStepsWritesArriveTogetherAfterIt() throws {
        let (r, w) = pipe()
        defer { close(r); close(w) }
        var during = "?"
        let result = OutputBatch.run(on: w) { () -> Int in
            write("\u{1B}[H", w)
            write("home screen", w)
            during = drain(r)
            return 7
        }
        guard OutputBatch.memory >= 0 else { return }   // no memory file here: steps write as they go
        #expect(result == 7)
        #expect(during == "", "the step's writes reached the terminal before the step ended")
        #expect(drain(r) == "\u{1B}[Hhome screen")
        write("next", w)
        #expect(drain(r) == "next", "the output is not the terminal again after the step")
    }

    @Test func abandonGivesTheTerminalBackAtOnce() {
        let (r, w) = pipe()
        defer { close(r); close(w) }
        OutputBatch.run(on: w) {
            write("half a frame", w)
            OutputBatch.abandon()   // what TerminalRestore.restore does first, on a crash
            write("restored", w)
            #expect(drain(r) == "restored")
        }
        #expect(drain(r) == "", "what was collected before the crash was sent after all")
    }
}
