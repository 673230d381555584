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
                      Benchmark.self, CompileGuide.self]
    )

    @OptionGroup var content: ContentOptions
    @Option(help: "Open a page, section or glossary term by id.") var open: String?
    @Flag(help: "Let the mouse wheel scroll and a click follow a link.") var mouse = false

    func run() throws {
        try Explorer.run(content: content.source, open: open, mouse: mouse)
    }

    /// `nnguide` alone opens the explorer without the argument parser: the parser reflects over
    /// every subcommand before it looks at the (empty) arguments, which costs more than everything
    /// else before the first frame (BENCHMARKS.md). Any argument at all takes the ordinary path.
    static func main() {
        guard CommandLine.arguments.count == 1 else { return main(nil) }
        do {
            try Explorer.run(content: GuideSource(directory: ContentLocator.locate()), open: nil, mouse: false)
        } catch {
            exit(withError: error)
        }
    }
}
