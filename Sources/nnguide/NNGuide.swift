import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif
import NNGuideCore

@main
struct NNGuide: ParsableCommand {
    static let version = RecordedDecision.version
    static let configuration = CommandConfiguration(
        commandName: "nnguide",
        abstract: "The Practitioner's Guide to Choosing Neural Network Architectures, in your terminal.",
        // The generated synopsis (every option) ran past 80 columns; the options are listed below it.
        usage: "nnguide [<options>] [<subcommand>]",
        discussion: "With no subcommand on a terminal, opens the explorer. Every subcommand prints plain text, Markdown or JSON.",
        version: version,
        subcommands: [Toc.self, Show.self, Glossary.self, Search.self, Compare.self, Export.self, Recommend.self, Check.self, Lint.self, SourcesCommand.self,
                      Completions.self,
                      Benchmark.self, CompileGuide.self]
    )

    @OptionGroup var content: ContentOptions
    @Option(help: ArgumentHelp("Open a page, section or glossary term by id.", valueName: "id"), completion: Completion.guideIDs) var open: String?
    @Flag(help: "Let the mouse wheel scroll and a click follow a link.") var mouse = false

    func run() throws {
        try Explorer.run(content: GuideSource(directory: content.checkedDirectory(), overlays: Overlay.folders(explicit: content.overlay)), open: open, mouse: mouse)
    }

    /// `nnguide` alone opens the explorer without the argument parser: the parser reflects over
    /// every subcommand before it looks at the (empty) arguments, which costs more than everything
    /// else before the first frame (BENCHMARKS.md). Any argument at all takes the ordinary path.
    static func main() {
        // `argc`, not `arguments.count`: building the array of Strings is a generic type's first use.
        guard CommandLine.argc == 1 else {
            // `nnguide help serch` too: the parser printed the top-level help and exited 0.
            let args = CommandLine.arguments, asksHelp = args[1] == "help" && args.count > 2
            if let problem = unknownCommand(asksHelp ? args[2] : args[1], after: asksHelp ? "help " : "") {
                printError(problem)
                exit(withError: ExitCode(64))
            }
            Failure.parseAndRun(Array(CommandLine.arguments.dropFirst()))
        }
        do {
            try Explorer.run(content: GuideSource(directory: ContentLocator.locate(), overlays: Overlay.folders(explicit: [])), open: nil, mouse: false)
        } catch {
            Failure.exit(error, in: nil)
        }
    }

    /// A first argument that is neither an option nor a command (nor an alias): the usage error names
    /// the closest command ("serch" -> "Did you mean 'nnguide search'?") instead of the parser's
    /// "unexpected arguments", then the usage. Nil when the argument is fine.
    static func unknownCommand(_ first: String, after lead: String = "") -> String? {
        guard !first.hasPrefix("-") else { return nil }
        let all = configuration.subcommands
        guard !(all.flatMap { [$0._commandName] + $0.configuration.aliases } + ["help"]).contains(first) else { return nil }
        // Hidden commands (bench, compile-guide) run when named but are never offered.
        let shown = all.filter { $0.configuration.shouldDisplay }
        let names = shown.flatMap { [$0._commandName] + $0.configuration.aliases } + ["help"]
        let near = EditDistance.closest(to: first, among: names, limit: 1).map { "nnguide " + lead + $0 }
        let listed = shown.map { $0._commandName }.joined(separator: ", ")
        // Under it the usage lines every other usage error has (eleventh retest: as gh and git do).
        return "nnguide: " + Suggestion.refusal("unknown command '\(first)'", suggesting: near, valid: near.isEmpty ? "the commands are \(listed)" : nil)
            + "\n" + Failure.usage(of: NNGuide.self)
    }
}
