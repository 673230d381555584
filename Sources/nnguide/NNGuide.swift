import ArgumentParser
import Foundation
import NNGuideCore

@main
struct NNGuide: ParsableCommand {
    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        commandName: "nnguide",
        abstract: "The Practitioner's Guide to Choosing Neural Network Architectures, in your terminal.",
        discussion: "With no subcommand on a terminal, opens the explorer. Every subcommand prints plain text, Markdown or JSON.",
        version: version,
        subcommands: [Toc.self, Show.self, Glossary.self, Search.self, Compare.self, Export.self, Recommend.self, Lint.self,
                      Benchmark.self]
    )

    @OptionGroup var content: ContentOptions
    @Option(help: "Open a page, section or glossary term by id.") var open: String?
    @Flag(help: "Let the mouse wheel scroll and a click follow a link.") var mouse = false

    func run() throws {
        let guide = try content.load()
        try Explorer.run(guide: guide, open: open, mouse: mouse)
    }
}
