import ArgumentParser
import NNGuideCore

struct Toc: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the guide's pages, sections, tables and figures with their ids.",
        discussion: """
            Every id listed can be passed to `nnguide show`.

            Example:
              nnguide toc --width 100
            """)
    @OptionGroup var content: ContentOptions
    @OptionGroup var output: OutputOptions

    struct Entry: Encodable {
        var id: String, title: String, short: String?, summary: String?, depth: Int, parent: String?
        var tables: [Item], figures: [Item]
        struct Item: Encodable { var id: String, title: String }
    }

    func run() throws {
        let guide = try content.load()
        switch output.format {
        case .text:
            emit(output.renderer(guide).contents())
        case .markdown:
            emit(guide.readingOrder.map { e in
                String(repeating: "  ", count: e.depth) + "- [\(MarkdownText.literal(e.page.title))](#\(e.id)) \(MarkdownText.code(e.id))"
            })
        case .json:
            try emitJSON(guide.readingOrder.map { e in
                Entry(id: e.id, title: e.page.title, short: e.page.short, summary: e.page.summary, depth: e.depth, parent: e.parentID,
                      tables: e.page.blocks.compactMap { if case .table(let t) = $0 { return .init(id: t.id, title: t.title) }; return nil },
                      figures: e.page.blocks.compactMap { if case .figure(let f) = $0 { return .init(id: f.id, title: f.title) }; return nil })
            })
        }
    }
}
