import Foundation
import NNGuideCore
import NNGuideUI

/// Key to finished redraw in the real program in a pseudo-terminal: a key is written, and the time
/// until the last byte of the screen update (the program then stays silent) is its latency. This is
/// everything a user waits for: reading the key, the update, the render and the terminal output.
enum Keystrokes {
    struct Step {
        var bytes: [UInt8]
        /// What the time counts as; nil for keys that only set the scene.
        var label: String?
    }

    static func keys(_ s: String, _ label: String?) -> [Step] { s.map { Step(bytes: Array(String($0).utf8), label: label) } }
    static func key(_ bytes: String, _ label: String?, times: Int = 1) -> [Step] {
        Array(repeating: Step(bytes: Array(bytes.utf8), label: label), count: times)
    }

    /// One session per scenario, each from a fresh start, so no scenario inherits another's state.
    /// Scrolling happens on `longPage`, so every scroll key has somewhere to go.
    static func scenarios(longPage: String) -> [(name: String, args: [String], steps: [Step])] {
        [
            ("search", [], key("s", nil) + keys("transformer attention", "search: each character typed")),
            ("glossary", [], key("i", nil) + keys("gradient boosting", "glossary filter: each character typed")),
            ("open", [], key("t", nil) + key("\r", nil) + key("]", "open the next page (])", times: 15)),
            ("scroll", ["--open", longPage], key("j", "scroll a line (j)", times: 30) + key(" ", "scroll a page (Space)", times: 8)
                + key("k", "scroll a line (j)", times: 10)),
        ]
    }

    /// The page or section that lays out longest at 80 columns, among the first few hundred.
    static func longestPage(_ guide: Guide) -> String {
        let library = Library(guide: guide)
        return guide.readingOrder.prefix(300).max {
            library.document($0.id, width: 80, glyphs: .unicode).lines.count < library.document($1.id, width: 80, glyphs: .unicode).lines.count
        }?.id ?? guide.readingOrder.first?.id ?? ""
    }

    struct Result { var latencies: [String: [Double]]; var silent: [String: Int]; var peakKiB: Double?; var anonKiB: Double?; var fileKiB: Double? }

    static func measure(_ argv: [String], environment: [String: String], longPage: String, quiet: Double = 0.06) throws -> Result {
        var latencies: [String: [Double]] = [:]
        var silent: [String: Int] = [:]
        var peak: Double?, anon: Double?, file: Double?
        for scenario in scenarios(longPage: longPage) {
            let p = try PtyProcess(argv + scenario.args, environment: environment, rows: 24, cols: 80)
            // The first frame; then the whole guide loads behind it, and keys are read once it is
            // in. A key that moves the selection answers only then. (Before the explorer takes the
            // terminal, typed keys would only be echoed, so the screen's text is awaited first.)
            // (An opened page starts at its top, which the status line says as `Top`.)
            p.awaitText(scenario.args.isEmpty ? "Contents" : "Top", limit: 900)
            p.settle(quiet: 0.3)
            p.send("j"); p.awaitOutput(limit: 900); p.settle(quiet: 0.3)
            p.send("k"); p.awaitOutput(limit: 10); p.settle(quiet: 0.3)
            for step in scenario.steps {
                let sent = now()
                p.send(step.bytes)
                // Wait for the answer however long it takes (a slow key must not leave its output to
                // be counted for the next one), then until the screen stops changing.
                let answered = p.awaitOutput(limit: 5)
                p.settle(quiet: quiet)
                guard let label = step.label else { continue }
                if answered, let last = p.lastByteAt { latencies[label, default: []].append(last - (sent - p.started)) }
                else { silent[label, default: 0] += 1 }
            }
            if let kib = p.peakResidentKiB() { peak = max(peak ?? 0, kib) }
            if let kib = p.statusKiB("RssAnon") { anon = max(anon ?? 0, kib) }
            if let kib = p.statusKiB("RssFile") { file = max(file ?? 0, kib) }
            p.send("\u{03}")   // Ctrl-C quits from anywhere, even while typing in a field
            _ = p.finish()
        }
        return Result(latencies: latencies, silent: silent, peakKiB: peak, anonKiB: anon, fileKiB: file)
    }
}
