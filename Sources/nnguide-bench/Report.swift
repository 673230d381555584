import Foundation

/// Medians and spreads as BENCHMARKS.md shows them.
struct Stats {
    let values: [Double]
    var median: Double { medianOf(values) }
    var p90: Double { quantile(0.9) }
    var min: Double { values.min() ?? .nan }
    var max: Double { values.max() ?? .nan }

    func quantile(_ q: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let s = values.sorted()
        return s[Swift.min(s.count - 1, Int((Double(s.count - 1) * q).rounded()))]
    }
}

/// Milliseconds with the precision the number deserves.
func msText(_ seconds: Double) -> String {
    let m = seconds * 1000
    if m.isNaN { return "n/a" }
    if m < 0.1 { return String(format: "%.3f ms", m) }
    if m < 10 { return String(format: "%.2f ms", m) }
    return String(format: "%.1f ms", m)
}

func mibText(_ kib: Double) -> String { kib.isNaN ? "n/a" : String(format: "%.1f MiB", kib / 1024) }

/// A Markdown table, columns padded so the raw file reads well too.
func table(_ header: [String], _ rows: [[String]]) -> String {
    let widths = header.indices.map { c in ([header[c]] + rows.map { c < $0.count ? $0[c] : "" }).map(\.count).max() ?? 0 }
    func line(_ cells: [String]) -> String {
        "| " + cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |"
    }
    return ([line(header), "| " + widths.map { String(repeating: "-", count: $0) }.joined(separator: " | ") + " |"] + rows.map(line))
        .joined(separator: "\n") + "\n"
}

/// Output goes to stdout and, when `--out FILE` was given, is appended to that file too.
final class Output: @unchecked Sendable {
    static let shared = Output()
    var file: FileHandle?

    func say(_ s: String) {
        FileHandle.standardOutput.write(Data((s + "\n").utf8))
        file?.write(Data((s + "\n").utf8))
    }
}

func say(_ s: String) { Output.shared.say(s) }
