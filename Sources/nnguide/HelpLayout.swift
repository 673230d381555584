#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif
import NNGuideCore

/// `--help` laid out at the terminal's width by TextWrap. The parser wraps its help by characters
/// counted from the left edge: an example's continuation lost its indent, a path too long for the
/// line took the next line's first word with it ("…/nnguide" then "zsh" alone), at 40 columns
/// (issue 23, ninth retest). So the parser renders the help at a width nothing reaches, one line per
/// paragraph, row and example, and each line is wrapped here:
/// - an example (an indented line that starts with a `commands` word) breaks before an argument, the line
///   ending in ` \` and the next indented two more, so that what is copied still runs;
/// - a row of OPTIONS, ARGUMENTS or SUBCOMMANDS keeps its text in the parser's column, or, when that
///   column leaves too little room, under its label;
/// - any other line wraps between words under its own indent.
/// A word longer than a line (a path) stays whole on a line of its own.
enum HelpLayout {
    /// The parser's help text, unwrapped: rendered with COLUMNS at a width nothing reaches.
    static func unwrapped(_ render: () -> String) -> String {
        let saved = getenv("COLUMNS").map { String(cString: $0) }
        setenv("COLUMNS", "100000", 1)
        defer { if let saved { setenv("COLUMNS", saved, 1) } else { unsetenv("COLUMNS") } }
        return render()
    }

    /// The commands the help shows to copy: `nnguide`, and `mkdir -p` before a completion script is
    /// written where a new home has no folder yet (eleventh retest: "mkdir -p" / "~/.local/…" at 40).
    static let commands = ["nnguide ", "mkdir "]

    /// The parser's column for a row's text (HelpGenerator.labelColumnWidth).
    static let labelColumn = 26
    /// The least room a row's text keeps beside its label; with less it goes under the label.
    static let rowRoom = 30
    /// Where a row's text goes under its label.
    static let rowIndent = 6

    static func reflow(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let s = String(line)
            let narrow = width - labelColumn < rowRoom
            if let (label, abstract) = row(s), narrow {
                return [label] + hanging(abstract, indent: rowIndent, width: width)
            }
            let indent = s.prefix { $0 == " " }.count
            let body = String(s.dropFirst(indent))
            // A row's text under a label too long to stand beside it.
            if indent == labelColumn, narrow { return hanging(body, indent: rowIndent, width: width) }
            guard DisplayWidth.of(s) > width else { return [s] }
            if indent >= 2, commands.contains(where: body.hasPrefix) { return command(body, indent: indent, width: width) }
            if let (label, abstract) = row(s) {
                let lines = hanging(abstract, indent: labelColumn, width: width)
                return [TextWrap.pad(label, width: labelColumn) + lines[0].dropFirst(labelColumn)] + lines.dropFirst()
            }
            if body.hasPrefix("USAGE: ") { return hanging(String(body.dropFirst(7)), indent: 9, width: width, first: "USAGE: ") }
            return hanging(body, indent: indent, width: width)
        }.joined(separator: "\n")
    }

    /// A row of a section: "  --width <n>             Wrap text at…" as its label (with its indent)
    /// and its text, which starts at the label column; nil for any other line.
    static func row(_ s: String) -> (String, String)? {
        let chars = Array(s)
        guard chars.count > labelColumn, s.hasPrefix("  "), chars[2] != " ",
              chars[labelColumn - 2] == " ", chars[labelColumn - 1] == " ", chars[labelColumn] != " " else { return nil }
        var label = String(chars[..<labelColumn])
        while label.last == " " { label.removeLast() }
        guard !label.dropFirst(2).contains("  ") else { return nil }
        return (label, String(chars[labelColumn...]))
    }

    /// Text wrapped between words after `indent` spaces (`first` before the first line instead).
    static func hanging(_ text: String, indent: Int, width: Int, first: String? = nil) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let lead = first ?? pad
        return TextWrap.wrap([StyledRun(text, 0)], width: max(8, width - indent), firstWidth: max(8, width - DisplayWidth.of(lead)),
                             longWords: .kept).enumerated().map { i, runs in (i == 0 ? lead : pad) + runs.map(\.text).joined() }
    }

    /// A shell command in lines of at most `width` cells, broken before an argument: each line but
    /// the last ends with ` \`, and the lines after the first are indented two spaces more. An option
    /// stays with its value, and a `>` or `|` with what follows it, while they fit on a line.
    static func command(_ body: String, indent: Int, width: Int) -> [String] {
        let words = ShellWords.split(body)
        var units: [String] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            if i + 1 < words.count, w.hasPrefix("-") || w == ">" || w == "|", !words[i + 1].hasPrefix("-") {
                units.append(w + " " + words[i + 1]); i += 2
            } else {
                units.append(w); i += 1
            }
        }
        let first = String(repeating: " ", count: indent), rest = String(repeating: " ", count: indent + 2)
        var lines: [String] = []
        var line = first
        var queue = units[...]
        while let unit = queue.popFirst() {
            // A pair too long for a line of its own goes word by word ("> \" then the long path).
            if unit.contains(" "), !unit.hasPrefix("'"), !unit.hasPrefix("\""), DisplayWidth.of(rest) + DisplayWidth.of(unit) > width,
               case let parts = ShellWords.split(unit), parts.count > 1 {
                queue = (parts + queue)[...]
                continue
            }
            let isFirst = line == first
            let isLast = queue.isEmpty
            let needed = DisplayWidth.of(line) + (isFirst ? 0 : 1) + DisplayWidth.of(unit) + (isLast ? 0 : 2)
            if isFirst || line == rest || needed <= width {
                line += (line == first || line == rest ? "" : " ") + unit
            } else {
                lines.append(line + " \\")
                line = rest
                queue = ([unit] + queue)[...]
            }
        }
        lines.append(line)
        return lines
    }
}
