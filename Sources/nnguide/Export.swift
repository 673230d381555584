import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif
import NNGuideCore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the whole guide as Markdown or JSON.",
        usage: "nnguide export [<options>]",
        discussion: """
            Markdown holds every page in reading order (tables as Markdown tables, figures as nested \
            lists), then the glossary and the architecture catalog. JSON holds the whole model: pages, \
            glossary, catalog and decision trees, with the field names of Content/README.md and sorted \
            keys. `--format text` prints the whole guide as plain text.

            Examples:
              nnguide export --format markdown > guide.md
              nnguide export --format json | jq '.catalog.architectures[].id'
            """)
    @OptionGroup var content: ContentOptions
    @Option(name: .customLong("format"), help: ArgumentHelp("Output format, markdown by default.", valueName: "format")) var chosenFormat: OutputFormat?
    @Flag(help: "Same as --format json.") var json = false
    var format: OutputFormat { (try? jsonFormat(json: json, chosen: chosenFormat, default: .markdown)) ?? .markdown }
    @OptionGroup var wrap: WidthOption
    @Flag(help: "Text output with ASCII characters only.") var ascii = false

    func validate() throws {
        _ = try jsonFormat(json: json, chosen: chosenFormat, default: OutputFormat.markdown)
    }

    func run() throws {
        let guide = try content.load()
        switch format {
        case .markdown: emit(MarkdownRenderer(guide: guide).document())
        case .json: try emitJSON(GuideExport(guide: guide))
        case .text:
            let style: BoxStyle = ascii ? .ascii : BoxStyle.from(environment: ProcessEnvironment.current)
            emit(TextRenderer(guide: guide, width: wrap.columns, style: style).guideText())
        }
    }
}
