import Foundation
import Testing

/// What the sixth retest of issue 23 still tripped on at the shell: "(" left alone at a line's end
/// before an id, `lint --stale soon` not saying it takes a whole number, the parser's messages in a
/// second style, and `--help` USAGE lines of 100-150 columns.
@Suite(.enabled(if: ExplorerPaths.haveBinary, "needs .build/debug/nnguide (make test builds it)"))
struct Retest6CLITests {
    @Test func anIdKeepsItsOpeningBracketAt40Columns() throws {
        let r = try CLI.run(["glossary", "attention"], content: ExplorerPaths.content, environment: ["COLUMNS": "40"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("(deep-dive-transformer"), "\(r.out)")
        for line in r.lines {
            #expect(!line.hasSuffix("("), "a bracket alone at a line's end: '\(line)'\n\(r.out)")
            #expect(cells(line) <= 40, "wider than 40: '\(line)'")
        }
    }

    @Test(arguments: ["soon", "1.5"])
    func staleSaysItTakesAWholeNumberOfMonths(_ value: String) throws {
        let r = try CLI.run(["lint", "--stale", value], content: ExplorerPaths.content)
        #expect(r.status == 64)
        #expect(r.err.hasPrefix("nnguide: "), "\(r.err)")
        #expect(r.err.contains("'\(value)'") && r.err.contains("--stale takes a whole number of months"), "\(r.err)")
    }

    /// Every usage error, the parser's own included, in nnguide's one style: `nnguide: ...` first, no
    /// "Error:" or "Please", the usage after it, exit 64.
    @Test(arguments: [
        ["--bogus"], ["--open"], ["show"], ["glossary", "--bogus"], ["completions"], ["completions", "tcsh"],
        ["--generate-completion-script", "tcsh"], ["lint", "--stale", "3", "4"], ["recommend", "--example"],
        ["toc", "--origin", "gide"], ["sources", "--bogus"], ["check"], ["export", "--format"],
    ])
    func parserErrorsComeInNNGuidesStyle(_ args: [String]) throws {
        let r = try CLI.run(args, content: nil)
        let what = args.joined(separator: " ")
        #expect(r.status == 64, "\(what): exit \(r.status)")
        #expect(r.err.hasPrefix("nnguide: "), "\(what): \(r.err)")
        #expect(!r.err.contains("Error:") && !r.err.contains("Please"), "\(what): \(r.err)")
        #expect(r.err.contains("Usage: nnguide"), "\(what): no usage: \(r.err)")
    }

    /// Every command's `--help` fits 80 columns, USAGE line included (it ran to 150 columns).
    @Test func everyHelpFits80Columns() throws {
        // The list's aliases line reads "toc, contents, list": the command is the first word, comma off.
        let commands = try CLIStyleTests.subcommands().map { $0.filter { $0 != "," } } + ["bench", "compile-guide"]
        #expect(commands.contains("recommend") && commands.contains("search"))
        for command in [""] + commands {
            let r = try CLI.run((command.isEmpty ? [] : [command]) + ["--help"], content: nil, environment: ["COLUMNS": "80"])
            #expect(r.status == 0, "\(command) --help: \(r.err)")
            #expect(r.out.contains("USAGE: nnguide"), "\(command)")
            for line in r.lines { #expect(cells(line) <= 80, "nnguide \(command) --help: \(line.count) columns: \(line)") }
        }
    }

    /// The cells a line takes (what the output holds is ASCII and box drawing, one cell each).
    func cells(_ s: String) -> Int { s.unicodeScalars.count }
}
