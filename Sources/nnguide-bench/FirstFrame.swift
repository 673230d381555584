import Foundation
import NNGuideUI
import NNGuideEffects

/// One program to start: how to run it and a piece of text its first screen must show (so an error
/// message is never timed as a frame).
struct Variant {
    var name: String
    var argv: [String]
    var environment: [String: String] = [:]
    var expect: String
    /// Run before each start, untimed (the edited start puts its cache back and edits a file again).
    var prepare: (() -> Void)? = nil
}

/// The environment every measured program gets: a known terminal and locale, and nothing from the
/// user's own setup (state, caches and pager settings live in the bench folder).
func baseEnvironment(home: String) -> [String: String] {
    ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": home, "PATH": "/usr/bin:/bin",
     "LESSHISTFILE": "-", "XDG_STATE_HOME": home + "/state", "XDG_CACHE_HOME": home + "/cache"]
}

enum FirstFrame {
    struct Result { var frame: Stats; var peakKiB: Stats; var failures: Int }

    /// Time from exec to the last byte of the first screen (the program then stays silent for
    /// `quiet` seconds), in a fresh 80x24 pseudo-terminal. Rounds interleave the variants, so a busy
    /// moment on the machine falls on all of them alike; the first `warmup` rounds are not counted.
    static func measure(_ variants: [Variant], rounds: Int, warmup: Int = 2, quiet: Double = 0.25,
                        rows: Int = 24, cols: Int = 80) -> [Result] {
        var frames = Array(repeating: [Double](), count: variants.count)
        var peaks = Array(repeating: [Double](), count: variants.count)
        var failures = Array(repeating: 0, count: variants.count)
        for round in 0..<(warmup + rounds) {
            for (i, v) in variants.enumerated() {
                v.prepare?()
                guard let p = try? PtyProcess(v.argv, environment: v.environment, rows: rows, cols: cols) else { failures[i] += 1; continue }
                // The frame is complete when the text it must show is there and the program then
                // stays quiet. (Quiet alone is not enough: terminal set-up comes first, and a start
                // without cache may pause for seconds before the screen itself.)
                p.awaitText(v.expect, limit: 900)
                p.settle(quiet: quiet)
                let t = p.lastByteAt
                let peak = p.peakResidentKiB()
                let shown = p.text.contains(v.expect)
                p.send("q")
                let (status, _) = p.finish(limit: 900)
                guard shown, let t, shellStatus(status) == 0 else {
                    failures[i] += 1
                    if failures[i] == 1 {
                        let why = t == nil ? "no output" : !shown ? "no '\(v.expect)' on screen" : "exit status \(shellStatus(status))"
                        let dump = NSTemporaryDirectory() + "nnguide-bench-failed-\(getpid())-\(i).out"
                        FileManager.default.createFile(atPath: dump, contents: Data(p.output))
                        say("  ! \(v.name): \(why) (whole output in \(dump)); output ends: \(p.text.suffix(200).debugDescription)")
                    }
                    continue
                }
                if round >= warmup {
                    frames[i].append(t)
                    if let peak { peaks[i].append(peak) }
                }
            }
        }
        return variants.indices.map { Result(frame: Stats(values: frames[$0]), peakKiB: Stats(values: peaks[$0]), failures: failures[$0]) }
    }
}

/// The reading state of someone coming back: the last place a third of the way into the guide, two
/// bookmarks further on, the first twenty pages read. Page ids come from the program itself
/// (`toc --format json`), which also leaves its content cache warm, as any earlier start would.
enum ReturningReader {
    static func seed(binary: String, content: String, environment: [String: String], stateHome: String) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["toc", "--format", "json", "--content", content]
        p.environment = environment
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle(forWritingAtPath: "/dev/null")
        guard (try? p.run()) != nil else { return false }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        struct Entry: Decodable { var id: String }
        guard p.terminationStatus == 0, let ids = try? JSONDecoder().decode([Entry].self, from: data).map(\.id), ids.count >= 4 else { return false }
        let state = ReadingState(last: Position(page: ids[ids.count / 3], block: 2, char: 0),
                                 bookmarks: ["a": Position(page: ids[ids.count / 2]), "b": Position(page: ids[ids.count * 3 / 4])],
                                 visited: Set(ids.prefix(20)))
        return StateStore(directory: stateHome + "/nnguide").save(state) == nil
    }
}
