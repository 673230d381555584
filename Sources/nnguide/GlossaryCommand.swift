import ArgumentParser
import NNGuideCore

struct Glossary: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Look a term up, or list every term.",
        usage: "nnguide glossary [<options>] [<term> ...]",
        discussion: """
            With no term, lists every term with the first sentence of its definition. With a term, prints \
            the entry whose term or alias it is (case and plural ignored), else the closest entry whose \
            name starts with or contains it. A term that matches nothing exits 1 and suggests the \
            closest spellings.

            Examples:
              nnguide glossary
              nnguide glossary "inductive bias"
              nnguide glossary convnet --format json
            """)
    @OptionGroup var content: ContentOptions
    @OptionGroup var output: OutputOptions
    @Argument(parsing: .remaining, help: ArgumentHelp("The term (several words are joined).", valueName: "term"), completion: Completion.glossaryTerms) var term: [String] = []

    func run() throws {
        let guide = try content.load()
        let query = term.joined(separator: " ")
        guard !query.allSatisfy(\.isWhitespace) else { return try list(guide) }
        switch GlossaryMatcher(entries: guide.glossary).lookup(query) {
        case .found(let match, let others):
            try show(match.entry, guide)
            if !others.isEmpty && output.format != .json {
                printError("Also matching '\(query)': " + others.prefix(8).map(\.entry.term).joined(separator: ", "))
            }
        case .notFound(let suggestions):
            throw notFound("no glossary term or alias matches '\(query)'", hint: "`nnguide glossary` lists them all; `nnguide search` searches the text",
                           suggestions: suggestions.map(\.entry.term))
        }
    }

    func list(_ guide: Guide) throws {
        let sorted = guide.glossary.sorted { $0.term.lowercased() < $1.term.lowercased() }
        switch output.format {
        case .text: emit(output.renderer(guide).glossaryList(sorted))
        case .markdown:
            let md = MarkdownRenderer(guide: guide)
            emit(MarkdownRenderer.joined(sorted.flatMap { md.glossaryItem($0) }))
        case .json: try emitJSON(sorted.map { GlossaryEntryJSON($0, guide: guide) })
        }
    }

    func show(_ e: GlossaryEntry, _ guide: Guide) throws {
        switch output.format {
        case .text: emit(output.renderer(guide).glossaryEntry(e))
        case .markdown: emit(MarkdownRenderer.joined(MarkdownRenderer(guide: guide).glossaryEntry(e)))
        case .json: try emitJSON(GlossaryEntryJSON(e, guide: guide))
        }
    }
}
