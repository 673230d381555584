import ArgumentParser
import Foundation
import NNGuideCore

@main
struct NNGuide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnguide",
        abstract: "The Practitioner's Guide to Choosing Neural Network Architectures, in your terminal.",
        version: "0.1.0",
        subcommands: [Lint.self]
    )
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check Content/ and list every problem.")
    @Option(help: "Content folder to check.") var content: String?

    func run() throws {
        let dir = ContentLocator.locate(explicit: content)
        let problems = ContentLoader.lint(directory: dir)
        if problems.isEmpty { print("\(dir): clean"); return }
        for p in problems { FileHandle.standardError.write(Data((p.description + "\n").utf8)) }
        throw ExitCode(65)
    }
}
