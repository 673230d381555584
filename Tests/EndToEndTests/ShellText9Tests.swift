import Foundation
import Testing

/// The shell's text at 40 columns (issue 23, ninth retest, frictions 7 to 9): `--help` wrapped by the
/// parser (an example's path took the next line's first word, continuation lines lost their indent,
/// "bash, zsh or fish. (values: bash, zsh, fish)"), the glossary's "See" id one column left of the
/// others, and messages on standard error broken mid-word by the terminal.
@Suite(.enabled(if: ExplorerPaths.haveBinary, "needs .build/debug/nnguide (make test builds it)"))
struct ShellText9Tests {
    static let commands = ["", "toc", "show", "glossary", "search", "compare", "export", "recommend", "check", "lint", "sources", "completions"]

    func help(_ command: String, width: Int) throws -> [String] {
        let r = try CLI.run((command.isEmpty ? [] : [command]) + ["--help"], content: ExplorerPaths.content, environment: ["COLUMNS": "\(width)"])
        #expect(r.status == 0, "\(command): \(r.err)")
        return r.lines
    }

    static func indent(_ s: String) -> Int { s.prefix { $0 == " " }.count }

    /// The examples (indented lines that start with `nnguide`), each with the lines that continue it
    /// (after a ` \`) joined back; a continuation not indented two past its command is recorded.
    static func examples(_ lines: [String], _ what: String) -> [String] {
        var out: [String] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let start = indent(line)
            guard start >= 2, line.dropFirst(start).hasPrefix("nnguide ") else { i += 1; continue }
            var command = String(line.dropFirst(start))
            while command.hasSuffix(" \\"), i + 1 < lines.count {
                i += 1
                #expect(indent(lines[i]) == start + 2, "\(what): a continuation line not indented under its command: '\(lines[i])'")
                command = String(command.dropLast(2)) + " " + lines[i].trimmingCharacters(in: .whitespaces)
            }
            out.append(command)
            i += 1
        }
        return out
    }

    /// Every subcommand's help at 40 and 80 columns: no line over the width but a single word (a path),
    /// no list of values said twice, every example whole once its ` \` lines are joined.
    @Test(arguments: commands)
    func helpReadsCleanlyAt40And80(_ command: String) throws {
        let wide = try help(command, width: 80)
        let narrow = try help(command, width: 40)
        for (width, lines) in [(80, wide), (40, narrow)] {
            let what = "nnguide \(command) --help at \(width)"
            for line in lines where line.count > width {
                var token = line.trimmingCharacters(in: .whitespaces)
                if token.hasSuffix(" \\") { token.removeLast(2) }
                #expect(!token.contains(" "), "\(what): a line over the width: '\(line)'")
            }
            // "(values: a, b, c)" after a text that names a, b and c already.
            let text = lines.joined(separator: "\n")
            var rest = text[...]
            while let r = rest.range(of: "(values: ") {
                let end = rest[r.upperBound...].firstIndex(of: ")") ?? rest.endIndex
                let values = rest[r.upperBound..<end].split(whereSeparator: { ", \n".contains($0) }).map(String.init)
                let rowStart = text[..<r.lowerBound].range(of: "\n  -", options: .backwards)?.lowerBound
                    ?? text[..<r.lowerBound].range(of: "\n  <", options: .backwards)?.lowerBound ?? text.startIndex
                let row = text[rowStart..<r.lowerBound]
                let words = Set(row.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).map(String.init))
                #expect(!values.allSatisfy(words.contains), "\(what): the values said twice: '\(row)(values: …'")
                rest = rest[end...]
            }
        }
        let examples = Self.examples(wide, command)
        #expect(Self.examples(narrow, command) == examples, "\(command): the examples at 40 are not the examples at 80:\n\(narrow.joined(separator: "\n"))")
        if ["completions", "recommend", "sources"].contains(command) { #expect(!examples.isEmpty) }
    }

    /// `nnguide completions --help` at 40 columns, as the retest read it.
    @Test func completionsHelpAt40() throws {
        let lines = try help("completions", width: 40)
        let text = lines.joined(separator: "\n")
        #expect(text.contains("\n  nnguide completions bash > \\\n    ~/.local/share/bash-completion/completions/nnguide\n"), "\(text)")
        #expect(lines.contains("  mkdir -p ~/.zfunc") && text.contains("fpath+=(~/.zfunc)"), "\(text)")
        #expect(!text.contains("bash, zsh or fish. (values"), "\(text)")
    }

    /// The lines of a labelled block ("See: ...") in a glossary entry: the label's line and those after
    /// it that are indented.
    static func block(_ label: String, in lines: [String]) -> [String]? {
        guard let i = lines.firstIndex(where: { $0.hasPrefix(label) }) else { return nil }
        return [lines[i]] + lines[(i + 1)...].prefix { $0.hasPrefix(" ") }
    }

    /// Every line of "See:" and "Used in:" hangs at one indent, at 40 and at 60 (ninth retest: the
    /// long id one column left of the others at 40).
    @Test(arguments: [40, 60])
    func glossaryBlocksHangAtOneIndent(_ width: Int) throws {
        let r = try CLI.run(["glossary", "attention"], content: ExplorerPaths.content, environment: ["COLUMNS": "\(width)"])
        #expect(r.status == 0, "\(r.err)")
        for label in ["See:", "Used in:"] {
            let block = try #require(Self.block(label, in: r.lines), "\(r.out)")
            let rest = block.dropFirst()
            #expect(Set(rest.map(Self.indent)).count <= 1, "\(label) at \(width):\n\(block.joined(separator: "\n"))")
            // Text after the label on its line: the lines below start where it starts.
            // (Twelfth retest: at the widest label's column, "Used in: ", for every block.)
            if block[0] != label, let i = rest.first.map(Self.indent) {
                #expect(i == "Used in: ".count, "\(label) at \(width):\n\(block.joined(separator: "\n"))")
            }
            for line in block where line.count > width {
                #expect(!line.trimmingCharacters(in: .whitespaces).contains(" "), "\(label) at \(width): over the width: '\(line)'")
            }
        }
        let see = Self.block("See:", in: r.lines)!.joined(separator: " ")
        #expect(see.contains("(deep-dive-transformer-limitations)"), "\(see)")
    }

    /// The lines a 40-column pane shows from `first` up to the `EXIT=` line.
    func paneLines(_ pane: TmuxPane, from first: String) -> [String] {
        let lines = pane.screen().split(separator: "\n", omittingEmptySubsequences: false).map { s -> String in
            var s = String(s)
            while s.last == " " { s.removeLast() }
            return s
        }
        guard let start = lines.firstIndex(where: { $0.contains(first) }) else { return [] }
        return Array(lines[start...].prefix { !$0.hasPrefix("EXIT=") })
    }

    /// A long usage error on a 40-column terminal: wrapped between words (the same words, in order, as
    /// the one line it is in a pipe), lines after the first indented two spaces.
    @Test(.enabled(if: ExplorerPaths.haveTmux, "needs tmux"))
    func aLongErrorWrapsBetweenWordsOnATerminal() throws {
        let args = ["recommend", "--modality", "image", "--task", "survival", "--content", ExplorerPaths.content]
        let piped = try CLI.run(Array(args.dropLast(2)), content: ExplorerPaths.content)
        #expect(piped.status == 64, "\(piped.err)")
        let message = try #require(piped.err.split(separator: "\n").first.map(String.init))
        #expect(message.count > 120, "\(message)")
        let q = TmuxPane.quote
        let pane = try TmuxPane(width: 40, height: 24, command: ["sh", "-c", "LANG=C.UTF-8 \(q(ExplorerPaths.binary)) \(args.map(q).joined(separator: " ")); echo EXIT=$?; sleep 600"], label: "out9")
        pane.waitFor("EXIT=64")
        let lines = paneLines(pane, from: "nnguide: ")
        #expect(lines.count > 3 && lines[1].hasPrefix("  ") && !lines[1].hasPrefix("   "), "\(lines.joined(separator: "\n"))")
        let expected = message.split(separator: " ")
        let words = lines.joined(separator: " ").split(separator: " ")
        #expect(Array(words.prefix(expected.count)) == expected, "a word broken across lines:\n\(lines.joined(separator: "\n"))")
    }

    /// The notice printed when the explorer exits, in a 40-column pane: its words whole, the path of
    /// the draft whole on a line of its own (the terminal folds it only where it is longer than a line).
    @Test(.enabled(if: ExplorerPaths.haveTmux, "needs tmux"))
    func theExitNoticeWrapsBetweenWords() throws {
        let t = try TmuxSession(width: 40, height: 12, args: ["--content", ExplorerPaths.fixture])
        t.waitFor("Start")
        try t.send("d", "3")
        t.waitFor("Brief")
        try t.send("4")
        t.waitFor("◂ text ▸")
        try t.send("C-c")
        t.waitFor("EXIT=0")
        t.waitFor("kept as a draft:")
        let lines = paneLines(t, from: "nnguide: the brief")
        let sentence = lines.prefix { !$0.hasPrefix("  /") }
        #expect(sentence.joined(separator: " ").split(separator: " ").joined(separator: " ")
                == "nnguide: the brief you were filling in is kept as a draft:", "\(lines.joined(separator: "\n"))")
        let path = lines.dropFirst(sentence.count).joined()
        #expect(path.hasPrefix("  " + t.stateDir) && path.hasSuffix(".yaml"), "\(lines.joined(separator: "\n"))")
    }
}
