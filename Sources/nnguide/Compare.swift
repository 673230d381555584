import ArgumentParser
import NNGuideCore

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare architectures: the guide's comparison matrices, or catalog entries side by side.",
        usage: "nnguide compare [<options>] [<id> ...]",
        discussion: """
            With nothing, lists the comparison matrices. With one table id (or part of its title), shows \
            that matrix. With two or more catalog ids or names, sets those entries side by side on the \
            catalog's criteria: family, data they fit, traits, cost, strengths and limitations.

            Examples:
              nnguide compare
              nnguide compare matrix-vision
              nnguide compare cnn vit
              nnguide compare rnn transformer ssm --format markdown
            """)
    @OptionGroup var content: ContentOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp("A table id, or two or more catalog ids.", valueName: "id"), completion: Completion.compareIDs) var ids: [String] = []

    func run() throws {
        let guide = try content.load()
        switch ids.count {
        case 0: try list(guide)
        case 1: try matrix(ids[0], guide)
        default: try entries(guide)
        }
    }

    func list(_ guide: Guide) throws {
        let matrices = guide.comparisonMatrices
        switch output.format {
        case .text:
            let r = output.renderer(guide)
            emit(matrices.flatMap { m in
                r.labelled("", m.table.title, m.table.id)
                    + r.hangingLines("compares " + names(m.table, guide).joined(separator: ", "), indent: "  ")
            })
        case .markdown:
            let md = MarkdownText.literal
            emit(matrices.map { "- **\(md($0.table.title))** \(MarkdownText.code($0.table.id)): \(md(names($0.table, guide).joined(separator: ", ")))" })
        case .json:
            try emitPeopleJSON(matrices.map { Matrix(id: $0.table.id, title: $0.table.title, page_id: $0.pageID, architectures: $0.table.architectures ?? []) }, guide)
        }
    }

    struct Matrix: Encodable { var id: String, title: String, page_id: String, architectures: [String] }

    func names(_ t: Table, _ guide: Guide) -> [String] {
        (t.architectures ?? []).map { guide.architecture($0)?.displayName ?? $0 }
    }

    func matrix(_ query: String, _ guide: Guide) throws {
        if guide.table(query) == nil, let entry = guide.architecture(named: query) {
            // The example pairs it with another entry (eleventh retest: "compare transformer transformer").
            let other = ["transformer", "cnn"].first { $0 != entry.id && guide.architecture($0) != nil }
                ?? guide.catalog.architectures.first { $0.id != entry.id }?.id ?? "transformer"
            throw ValidationError("'\(query)' is a catalog entry; compare needs two or more of them (e.g. `nnguide compare \(query) \(other)`), or one table id (`nnguide compare` lists them)")
        }
        let key = Guide.normalize(query)
        let entry = guide.table(query).map { [$0] }
            ?? guide.comparisonMatrices.filter { Guide.normalize($0.table.title).contains(key) }
        guard entry.count == 1 else {
            if entry.count > 1 {
                printError("nnguide: '\(query)' fits \(entry.count) tables; give one of these ids:")
                for t in entry { printError("  \(t.table.id)  \(t.table.title)") }
                throw ExitCode(1)
            }
            let ids = guide.comparisonMatrices.map(\.table.id) + guide.tables.map(\.table.id)
            throw notFound("no table is called '\(query)'", hint: "`nnguide compare` lists the comparison matrices",
                           suggestions: EditDistance.closest(to: query, among: ids))
        }
        try print(entry[0].table, guide, architectures: [])
    }

    func entries(_ guide: Guide) throws {
        var found: [Architecture] = []
        for id in ids {
            guard let a = guide.architecture(named: id) else {
                // A few close names, each as the id to type with its name: not the whole catalog.
                let all = guide.catalog.architectures
                let names = all.flatMap { [$0.id] + [$0.short].compactMap { $0 } }
                var seen: Set<String> = []
                let close = EditDistance.closest(to: id, among: names, limit: 3).compactMap(guide.architecture(named:))
                    .filter { seen.insert($0.id).inserted }
                throw notFound("no catalog entry is called '\(id)'", hint: "`nnguide search` finds one by its words",
                               suggestions: close.map { "'\($0.id)' (\($0.name))" })
            }
            if !found.contains(a) { found.append(a) }
        }
        guard found.count >= 2 else { throw ValidationError("give two or more different catalog entries to compare") }
        try print(guide.comparisonTable(of: found), guide, architectures: found)
    }

    struct Compared: Encodable { var table: Table; var architectures: [Architecture] }

    func print(_ t: Table, _ guide: Guide, architectures: [Architecture]) throws {
        // Entries that are not the source guide's say so under the table, with their mark, as the
        // explorer's compare marks their columns (JSON has each entry's origin).
        let marked = architectures.compactMap { a in a.origin.mark.map { "\(a.displayName) \($0)" } }
        let origins = marked.isEmpty ? [] : ["Origin: " + marked.joined(separator: "; ")]
        switch output.format {
        case .text: emit(output.renderer(guide).table(t) + origins)
        case .markdown: emit(MarkdownRenderer.joined(MarkdownRenderer(guide: guide).table(t) + (origins.isEmpty ? [] : [""] + origins)))
        case .json: try emitPeopleJSON(Compared(table: t, architectures: architectures), guide)
        }
    }
}
