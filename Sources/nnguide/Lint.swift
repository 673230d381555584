import ArgumentParser
import Foundation
import NNGuideCore

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the guide's Content folder and list every problem.",
        discussion: "Exit status 0 when clean or when only warnings are found (a source nobody cites), 65 when any error is found; with --strict, warnings fail too.")
    @OptionGroup var content: ContentOptions
    @Flag(help: "Exit 65 on warnings as well as errors (for CI).")
    var strict = false

    func run() throws {
        let dir = try content.checkedDirectory()
        let problems = ContentCache(contentDirectory: dir).lint()  // per-file entries unless NNGUIDE_CACHE=off
        if problems.isEmpty { print("\(dir): clean"); return }
        for p in problems { printError(p.description) }
        let errors = problems.errors.count, warnings = problems.warnings.count
        var counts: [String] = []
        if errors > 0 { counts.append("\(errors) problem\(errors == 1 ? "" : "s")") }
        if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        printError("\(counts.joined(separator: " and ")) in \(dir)")
        if errors > 0 || strict { throw ExitCode(65) }
    }
}
