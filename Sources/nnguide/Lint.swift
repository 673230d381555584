import ArgumentParser
import Foundation
import NNGuideCore

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the guide's Content folder and list every problem.",
        discussion: "Exit status 0 when clean, 65 when any problem is found.")
    @OptionGroup var content: ContentOptions

    func run() throws {
        let dir = try content.checkedDirectory()
        let problems = ContentCache(contentDirectory: dir).lint()  // per-file entries unless NNGUIDE_CACHE=off
        if problems.isEmpty { print("\(dir): clean"); return }
        for p in problems { printError(p.description) }
        printError("\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(dir)")
        throw ExitCode(65)
    }
}
