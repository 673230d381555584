import ArgumentParser
import NNGuideCore

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a page, section, table or figure (or a glossary or catalog entry).",
        usage: "nnguide show [<options>] <id>",
        discussion: """
            ID is an id from `nnguide toc`, `g:ID` for a glossary entry, `a:ID` for a catalog entry, or \
            a title or any unambiguous part of one. A page is printed with all its sections. When the \
            name fits several items they are listed and the exit status is 1; an unknown name lists the \
            closest ones.

            Examples:
              nnguide show deep-dive-cnn
              nnguide show quick-reference-table --width 60
              nnguide show "worked examples" --format markdown
              nnguide show a:vit
            """)
    @OptionGroup var content: ContentOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp("Id, title or part of a title.", valueName: "id"), completion: Completion.showIDs) var given: String?
    /// Optional so that leaving it out is said in nnguide's words (`validate`), not the parser's
    /// "missing expected argument" (ninth retest); never nil once validated.
    var id: String { given ?? "" }

    func validate() throws {
        if id.allSatisfy(\.isWhitespace) { throw ValidationError("show: which item? give an id or a title; `nnguide toc` lists them") }
    }

    func run() throws {
        let guide = try content.load()
        switch guide.resolve(id) {
        case .found(let item): try show(item, guide)
        case .ambiguous(let items):
            throw ambiguous(id, items, guide)
        case .notFound(let close):
            throw notFound("nothing in the guide is called '\(id)'", hint: "`nnguide toc` lists every id; `nnguide search` searches the text",
                           suggestions: close.map { "\($0.id) (\($0.title))" })
        }
    }

    struct Shown: Encodable {
        var kind: String, id: String, breadcrumb: [String]
        var page: Page? = nil, table: Table? = nil, figure: Figure? = nil
        var glossary: GlossaryEntryJSON? = nil, architecture: Architecture? = nil
    }

    func show(_ item: GuideItem, _ guide: Guide) throws {
        let crumb = item.pageID.map { guide.breadcrumb($0) } ?? []
        switch output.format {
        case .text:
            let r = output.renderer(guide)
            switch item {
            case .page(let e): emit(r.page(e))
            case .table, .figure: emit(r.render(id: item.id) ?? "")
            case .glossary(let g): emit(r.glossaryEntry(g))
            case .architecture(let a): emit(r.architecture(a))
            }
        case .markdown:
            let md = MarkdownRenderer(guide: guide)
            switch item {
            case .page, .table, .figure: emit(md.render(id: item.id) ?? "")
            case .glossary(let g): emit(MarkdownRenderer.joined(md.glossaryEntry(g)))
            case .architecture(let a): emit(MarkdownRenderer.joined(md.architecture(a)))
            }
        case .json:
            var s = Shown(kind: item.kind, id: item.id, breadcrumb: crumb)
            switch item {
            case .page(let e): s.page = e.page
            case .table(let t): s.table = t.table
            case .figure(let f, _): s.figure = f
            case .glossary(let g): s.glossary = GlossaryEntryJSON(g, guide: guide)
            case .architecture(let a): s.architecture = a
            }
            try emitPeopleJSON(s, guide)
        }
    }
}
