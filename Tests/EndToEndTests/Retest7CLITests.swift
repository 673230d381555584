import Foundation
import Testing

/// What the seventh retest of issue 23 still tripped on at the shell: a ")" wrapped to the start of a
/// line, `sources` ignoring COLUMNS and --width, `check` messages without "nnguide: ", and the parser's
/// "the value 'X' is invalid for '<...>'" with a "Help:" line for a bad choice or number.
@Suite(.enabled(if: ExplorerPaths.haveBinary, "needs .build/debug/nnguide (make test builds it)"))
struct Retest7CLITests {
    func cells(_ s: String) -> Int { s.unicodeScalars.count }

    @Test(arguments: [["glossary", "attention"], ["show", "g:attention"]])
    func aClosingBracketStaysWithItsWordAt40Columns(_ args: [String]) throws {
        let r = try CLI.run(args, content: ExplorerPaths.content, environment: ["COLUMNS": "40"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("limitations),"), "\(r.out)")
        for line in r.lines {
            let text = line.trimmingCharacters(in: .whitespaces)
            #expect(!(text.first.map { ")],;".contains($0) } ?? false), "punctuation starts a line: '\(line)'\n\(r.out)")
            #expect(!line.hasSuffix("("), "a bracket alone at a line's end: '\(line)'\n\(r.out)")
            #expect(cells(line) <= 40, "wider than 40: '\(line)'")
        }
    }

    @Test(arguments: [(["sources"], ["COLUMNS": "50"], 50), (["sources", "--width", "60"], [:], 60),
                      (["sources"], [:], 80), (["sources", "guide", "--width", "40"], [:], 40)])
    func sourcesWrapsLikeTheOtherCommands(_ c: (args: [String], env: [String: String], width: Int)) throws {
        let r = try CLI.run(c.args, content: ExplorerPaths.content, environment: c.env)
        #expect(r.status == 0, "\(c.args): \(r.err)")
        #expect(r.lines.count > 3, "\(r.out)")
        for line in r.lines { #expect(cells(line) <= c.width, "\(c.args) wider than \(c.width): '\(line)'") }
    }

    @Test func checkMessagesStartWithTheProgramsName() throws {
        let dir = NSTemporaryDirectory() + "retest7-check-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bad = dir + "/bad.yaml"
        try "modality: image\n  task: [x\n".write(toFile: bad, atomically: true, encoding: .utf8)
        // A file that is not there cannot be opened (66, ninth retest); one that is there but bad is 65.
        for (path, expected, status) in [(dir + "/nope.md", "nnguide: \(dir)/nope.md: no such file", Int32(66)), (bad, "nnguide: \(bad):2:", Int32(65))] {
            let r = try CLI.run(["check", path], content: ExplorerPaths.content)
            #expect(r.status == status, "\(path): \(r.status) \(r.err)")
            #expect(r.err.hasPrefix(expected), "\(r.err)")
        }
    }

    /// Every subcommand's choice or number option, refused in one style: the option, the value, what it
    /// takes; no "is invalid for" or "Help:" line; exit 64.
    @Test(arguments: [
        (["toc", "--format", "yaml"], "--format: unknown value 'yaml'; valid values: text, markdown, json"),
        (["toc", "--origin", "foo"], "--origin: unknown value 'foo'; valid values: guide, refilled, added, team"),
        (["toc", "--origin", "gide"], "Did you mean 'guide'?"),
        (["toc", "--width", "abc"], "'abc' is not a number; --width takes"),
        (["show", "x", "--format", "yaml"], "--format: unknown value 'yaml'"),
        (["glossary", "x", "--format", "jsn"], "Did you mean 'json'?"),
        (["search", "x", "--limit", "lots"], "'lots' is not a number; --limit takes"),
        (["compare", "cnn", "rnn", "--format", "yaml"], "--format: unknown value 'yaml'"),
        (["sources", "--format", "yaml"], "--format: unknown value 'yaml'"),
        (["sources", "--width", "wide"], "'wide' is not a number; --width takes"),
        (["export", "--format", "yaml"], "--format: unknown value 'yaml'"),
        (["recommend", "--format", "yaml"], "--format: unknown value 'yaml'; valid values: text, json, markdown"),
        (["recommend", "--example", "one"], "'one'"),
        (["lint", "--stale", "soon"], "'soon' is not a number; --stale takes a whole number of months"),
        (["lint", "--format", "yaml"], "unknown option '--format'"),
        (["completions", "tcsh"], "unknown value 'tcsh'; valid values: bash, zsh, fish"),
    ])
    func badValuesComeInOneStyle(_ c: (args: [String], says: String)) throws {
        let r = try CLI.run(c.args, content: nil)
        let what = c.args.joined(separator: " ")
        #expect(r.status == 64, "\(what): exit \(r.status) \(r.err)")
        #expect(r.err.hasPrefix("nnguide: "), "\(what): \(r.err)")
        #expect(r.err.contains(c.says), "\(what): \(r.err)")
        #expect(!r.err.contains("is invalid for") && !r.err.contains("Help:"), "\(what): \(r.err)")
    }
}
