import Foundation
import Testing

/// The home screen stored finished on the way out (`StoredFrame`) is drawn first on the next start
/// only when everything it was drawn for is unchanged, and then the terminal receives exactly the
/// bytes it receives without it: the same frame, no blank screen in between, nothing sent twice.
/// `NNGUIDE_TRACE_LOAD` says on standard error whether a stored frame was drawn.
@Suite(.enabled(if: ExplorerPaths.haveTmux && ExplorerPaths.haveBinary, "needs tmux and .build/debug/nnguide (make test builds it)"),
       .serialized)
struct ExplorerStoredFrameTests {
    static let drawn = "home screen from the stored frame"
    static let notDrawn = "no stored frame for this state"

    /// One state folder and one cache folder, used by every start of a test.
    final class Home {
        let state = ExplorerPaths.tempDir()
        let cache = ExplorerPaths.tempDir()
        let trace = ExplorerPaths.tempDir() + "/trace"
        deinit { for d in [state, cache] { try? FileManager.default.removeItem(atPath: d) } }

        var frames: [String] {
            let dir = cache + "/nnguide"
            return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".frame") }.map { dir + "/" + $0 }
        }

        /// Starts the explorer, waits for the home screen, quits with q; returns what the start
        /// traced and the screen. `record`: the terminal's whole byte stream goes to that file; `args`
        /// follow `--content`.
        @discardableResult
        func start(_ w: Int = 80, _ h: Int = 24, env: [String: String] = [:], args: [String] = [], record: String? = nil, keys: [String] = [],
                   sourceLocation: SourceLocation = #_sourceLocation) throws -> (trace: String, screen: String) {
            try? FileManager.default.removeItem(atPath: trace)
            // NO_COLOR empty unless a test sets it: the test runner's own environment may set it.
            var vars = ["XDG_CACHE_HOME": cache, "XDG_STATE_HOME": state, "NNGUIDE_TRACE_LOAD": "1", "NO_COLOR": ""]
            vars.merge(env) { $1 }
            let q = TmuxPane.quote, trace = self.trace
            let pane = try TmuxSession(width: w, height: h, args: ["--content", ExplorerPaths.fixture] + args, env: vars) { program in
                let run = "\(program) 2>\(q(trace))"
                let wrapped = record.map { "script -q -c \(q(run)) \(q($0))" } ?? run
                return "\(wrapped); echo EXIT=$?; sleep 600"
            }
            #expect(pane.waitFor("Home"), sourceLocation: sourceLocation)
            usleep(300_000)   // the whole guide arrives after the first frame
            let screen = pane.screen()
            for k in keys { try pane.send(k) }
            if !keys.isEmpty { usleep(300_000) }
            try pane.send("q")
            #expect(pane.waitFor("EXIT=0"), sourceLocation: sourceLocation)
            return ((try? String(contentsOfFile: trace, encoding: .utf8)) ?? "", screen)
        }
    }

    @Test func drawnWhenNothingChangedAndTheScreenIsTheSame() throws {
        let home = Home()
        let first = try home.start()          // the YAML is read and cached; no frame yet
        #expect(!first.trace.contains(Self.drawn))
        #expect(home.frames.count == 1, "no frame stored on the way out")
        let second = try home.start()
        #expect(second.trace.contains(Self.drawn), "trace: \(second.trace)")
        #expect(second.screen == first.screen)
    }

    /// The byte stream of a start over a stored frame equals that of the same start without one:
    /// the pre-drawn frame is the explorer's own, nothing blanks it, nothing is drawn twice.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1)"))
    func theTerminalReceivesTheSameBytes() throws {
        let home = Home()
        try home.start()
        try home.start()                      // the state file as the explorer writes it on the way out
        let with = ExplorerPaths.tempDir() + "/with", without = ExplorerPaths.tempDir() + "/without"
        let a = try home.start(record: with)
        #expect(a.trace.contains(Self.drawn), "trace: \(a.trace)")
        for f in home.frames { try FileManager.default.removeItem(atPath: f) }
        let b = try home.start(record: without)
        #expect(b.trace.contains(Self.notDrawn), "trace: \(b.trace)")
        // script(1) brackets the stream with a line of its own at each end.
        func body(_ path: String) throws -> [Substring] {
            let text = try String(decoding: Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            return Array(text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast(2))
        }
        let x = try body(with), y = try body(without)
        #expect(!x.isEmpty)
        #expect(x == y, "the stream differs with the stored frame:\n\(x.joined(separator: "\n").debugDescription)\nwithout:\n\(y.joined(separator: "\n").debugDescription)")
    }

    /// Any change in what the frame was drawn for means no pre-draw: the size, the reading state,
    /// the content's cache, TERM, NO_COLOR, the locale, ASCII; a damaged store is ignored.
    @Test func anyChangeOfItsKeyMeansNoStoredFrame() throws {
        let home = Home()
        try home.start(keys: ["1", "H"])      // a page opened: a reading state to come back to
        let back = try home.start()
        #expect(back.trace.contains(Self.drawn), "trace: \(back.trace)")
        #expect(back.screen.contains("Continue reading"))
        let changes: [(String, [String: String], (Int, Int))] = [
            ("another size", [:], (60, 20)),
            ("another TERM", ["TERM": "xterm"], (80, 24)),
            ("NO_COLOR", ["NO_COLOR": "1"], (80, 24)),
            ("a non-UTF-8 locale", ["LANG": "C", "LC_ALL": "C"], (80, 24)),
            ("ASCII forced", ["NNGUIDE_ASCII": "1"], (80, 24)),
        ]
        for (what, env, size) in changes {
            // Each of these stores a frame of its own on the way out, so start unchanged again after.
            let t = try home.start(size.0, size.1, env: env).trace
            #expect(t.contains(Self.notDrawn), "\(what) drew the stored frame; trace: \(t)")
            let again = try home.start().trace
            #expect(again.contains(Self.notDrawn), "back from \(what), a frame stored for it was drawn; trace: \(again)")
        }
        // The reading state: the same state written with other bytes.
        let stateFile = home.state + "/nnguide/state.json"
        let saved = try String(contentsOfFile: stateFile, encoding: .utf8)
        try (saved + "\n").write(toFile: stateFile, atomically: true, encoding: .utf8)
        #expect(try home.start().trace.contains(Self.notDrawn), "a changed state file drew the stored frame")
        // The content's cache replaced (as a reload after an edit replaces it).
        #expect(try home.start().trace.contains(Self.drawn))
        let cacheFile = try #require(try FileManager.default.contentsOfDirectory(atPath: home.cache + "/nnguide").first { $0.hasSuffix(".cache") })
        let path = home.cache + "/nnguide/" + cacheFile
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try FileManager.default.removeItem(atPath: path)
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(try home.start().trace.contains(Self.notDrawn), "a replaced content cache drew the stored frame")
        // A damaged frame file.
        #expect(try home.start().trace.contains(Self.drawn))
        let frame = try #require(home.frames.first)
        var damaged = try Data(contentsOf: URL(fileURLWithPath: frame))
        damaged[damaged.count / 2] ^= 0x01
        try damaged.write(to: URL(fileURLWithPath: frame))
        let t = try home.start()
        #expect(t.trace.contains(Self.notDrawn), "a damaged frame was drawn; trace: \(t.trace)")
        #expect(t.screen.contains("Continue reading") || t.screen.contains("Start at the beginning"))
    }
}
