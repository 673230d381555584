import ArgumentParser
import NNGuideCore

extension Origin: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
    public static var allValueStrings: [String] { Kind.allCases.map(\.rawValue) }
}

struct Toc: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the guide's pages, sections, tables and figures with their ids (also: contents, list).",
        usage: "nnguide toc [<options>]",
        discussion: """
            Every id listed can be passed to `nnguide show`. With --origin, only the material of that \
            origin is listed: pages and sections, blocks inside pages of another origin (a refilled \
            list in a section of the guide), glossary entries and catalog entries. `guide` is the \
            source guide's own material, `refilled` a list the source lost and nnguide wrote, `added` \
            what nnguide added beyond the source.

            Examples:
              nnguide toc --width 100
              nnguide toc --origin added
              nnguide toc --origin refilled --format json
            """,
        aliases: ["contents", "list"])
    @OptionGroup var content: ContentOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("List only material of this origin (team: an overlay's).", valueName: "origin"))
    var origin: Origin?

    struct Entry: Encodable {
        var id: String, title: String, short: String?, summary: String?, depth: Int, parent: String?, origin: Origin
        var tables: [Item], figures: [Item]
        struct Item: Encodable { var id: String, title: String }
    }

    func run() throws {
        // Without --origin only titles are listed: read without decoding the rest (issue 25).
        if let origin {
            let guide = try content.load()
            return try list(guide.material(of: origin), guide)
        }
        let guide = try content.contents()
        switch output.format {
        case .text:
            emit(output.renderer(guide).contents())
        case .markdown:
            emit(guide.readingOrder.map { e in
                String(repeating: "  ", count: e.depth) + "- [\(MarkdownText.literal(e.page.title))](#\(e.id)) \(MarkdownText.code(e.id))"
            })
        case .json:
            try emitJSON(guide.readingOrder.map { e in
                Entry(id: e.id, title: e.page.title, short: e.page.short, summary: e.page.summary, depth: e.depth, parent: e.parentID, origin: e.page.origin,
                      tables: e.page.blocks.compactMap { if case .table(let t) = $0 { return .init(id: t.id, title: t.title) }; return nil },
                      figures: e.page.blocks.compactMap { if case .figure(let f) = $0 { return .init(id: f.id, title: f.title) }; return nil })
            })
        }
    }

    // MARK: --origin

    struct Listing: Encodable {
        var origin: Origin
        var pages: [Page], blocks: [Block], glossary: [Named], catalog: [Named], notes: [Note]
        /// A note on an entry of another origin: the entry (`g:ID`, `a:ID`) and the note's plain text.
        struct Note: Encodable { var entry: String, name: String, text: String }
        struct Page: Encodable { var id: String, title: String, depth: Int, parent: String? }
        /// A block by the page that holds it and its position there (0-based).
        struct Block: Encodable { var page: String, index: Int, kind: String, text: String }
        struct Named: Encodable { var id: String, name: String }
    }

    /// A block named by its first words: "Learns features from raw inputs…".
    func opening(_ b: Block) -> String {
        TextWrap.truncate(InlineParser.plain(b.texts.first ?? ""), width: 48, ellipsis: "...")
    }

    func notePreview(_ n: TeamNote) -> String { TextWrap.truncate(InlineParser.plain(n.text), width: 48, ellipsis: "...") }

    func list(_ m: OriginListing, _ guide: Guide) throws {
        switch output.format {
        case .json:
            try emitJSON(Listing(
                origin: m.origin,
                pages: m.pages.map { .init(id: $0.id, title: $0.page.title, depth: $0.depth, parent: $0.parentID) },
                blocks: m.blocks.map { .init(page: $0.entry.id, index: $0.index, kind: $0.entry.page.blocks[$0.index].kindName, text: opening($0.entry.page.blocks[$0.index])) },
                glossary: m.glossary.map { .init(id: $0.id, name: $0.term) },
                catalog: m.architectures.map { .init(id: $0.id, name: $0.name) },
                notes: m.notes.map { .init(entry: $0.key, name: $0.name, text: InlineParser.plain($0.note.text)) }))
        case .markdown:
            var out: [String] = []
            func group(_ title: String, _ lines: [String]) {
                guard !lines.isEmpty else { return }
                out += (out.isEmpty ? [] : [""]) + ["## \(title)", ""] + lines
            }
            group("Pages and sections", m.pages.map { "- [\($0.page.title)](#\($0.id)) `\($0.id)`" })
            group("Blocks", m.blocks.map { "- [\($0.entry.page.title)](#\($0.entry.id)): \($0.entry.page.blocks[$0.index].kindName), “\(opening($0.entry.page.blocks[$0.index]))”" })
            group("Glossary", m.glossary.map { "- [\($0.term)](#g-\($0.id)) `g:\($0.id)`" })
            group("Catalog", m.architectures.map { "- [\($0.name)](#a-\($0.id)) `a:\($0.id)`" })
            group("Notes on entries of another origin", m.notes.map { "- [\($0.name)](#\($0.key.replacing(":", with: "-"))) `\($0.key)`: “\(notePreview($0.note))”" })
            emit(out.isEmpty ? ["Nothing in the guide has origin \(m.origin.rawValue)."] : out)
        case .text:
            let r = output.renderer(guide)
            var out: [String] = []
            func group(_ title: String, _ lines: [String]) {
                guard !lines.isEmpty else { return }
                out += (out.isEmpty ? [] : [""]) + [title] + lines
            }
            group("Pages and sections (\(m.pages.count))", m.pages.flatMap { r.labelled("  ", $0.page.title, $0.id) })
            group("Blocks in pages of another origin (\(m.blocks.count))", m.blocks.flatMap { b in
                r.labelled("  ", "\(b.entry.page.breadcrumbTitle): \(b.entry.page.blocks[b.index].kindName), \(opening(b.entry.page.blocks[b.index]))", b.entry.id)
            })
            group("Glossary (\(m.glossary.count))", m.glossary.flatMap { r.labelled("  ", $0.term, "g:" + $0.id) })
            group("Catalog (\(m.architectures.count))", m.architectures.flatMap { r.labelled("  ", $0.name, "a:" + $0.id) })
            group("Notes on entries of another origin (\(m.notes.count))", m.notes.flatMap { r.labelled("  ", "\($0.name): \(notePreview($0.note))", $0.key) })
            emit(out.isEmpty ? ["Nothing in the guide has origin \(m.origin.rawValue) (\(m.origin.meaning))."]
                 : ["Origin \(m.origin.rawValue): \(m.origin.meaning)", ""] + out)
        }
    }
}
