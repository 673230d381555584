/// A page placed in the guide: where it sits in reading order and under which parents.
public struct PageEntry: Sendable, Equatable {
    public let page: Page
    /// Ids from the top-level page down to this one (inclusive).
    public let path: [String]
    public let order: Int
    public var id: String { page.id }
    public var depth: Int { path.count - 1 }
    public var parentID: String? { path.count > 1 ? path[path.count - 2] : nil }
}

/// A table or figure and the page that holds it.
public struct TableEntry: Sendable, Equatable {
    public let table: Table
    public let pageID: String
}

/// The whole guide, loaded and validated, with the look-ups everything else needs.
public struct Guide: Sendable {
    public let pages: [Page]
    public let glossary: [GlossaryEntry]
    public let catalog: Catalog
    public let decisions: DecisionBook
    /// The bibliography (Content/sources.yaml), in file order.
    public let sources: [Source]
    /// Every page and section in reading order.
    public let readingOrder: [PageEntry]
    public let tables: [TableEntry]
    public let figures: [(figure: Figure, pageID: String)]
    /// The overlays laid over the guide (`OverlayMerge`), in the order they apply; empty for the guide alone.
    public internal(set) var overlays: [Overlay] = []
    /// The guide as it was before its overlays, when it has any: what a pick would be without the team's rules.
    public internal(set) var withoutOverlays: GuideWithoutOverlays?
    /// The folders it was read from, for the fingerprint a record keeps; nil for a guide built in memory.
    public var files: GuideFiles?

    private let pageIndex: [String: Int]
    private let glossaryIndex: [String: Int]
    private let termIndex: [String: Int]
    private let architectureIndex: [String: Int]
    private let tableIndex: [String: Int]
    private let figureHome: [String: String]
    private let sourceIndex: [String: Int]

    public init(pages: [Page], glossary: [GlossaryEntry], catalog: Catalog, decisions: DecisionBook, sources: [Source] = []) {
        self.pages = pages; self.glossary = glossary; self.catalog = catalog; self.decisions = decisions; self.sources = sources
        sourceIndex = Dictionary(sources.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var order: [PageEntry] = []
        var tables: [TableEntry] = []
        var figures: [(Figure, String)] = []
        func walk(_ p: Page, _ parents: [String]) {
            let path = parents + [p.id]
            order.append(PageEntry(page: p, path: path, order: order.count))
            for b in p.blocks {
                if case .table(let t) = b { tables.append(TableEntry(table: t, pageID: p.id)) }
                if case .figure(let f) = b { figures.append((f, p.id)) }
            }
            for s in p.sections { walk(s, path) }
        }
        for p in pages { walk(p, []) }
        readingOrder = order
        self.tables = tables
        self.figures = figures
        pageIndex = Dictionary(order.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        glossaryIndex = Dictionary(glossary.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var terms: [String: Int] = [:]
        terms.reserveCapacity(glossary.count * 2)
        for (i, e) in glossary.enumerated() {
            for name in [e.term] + e.aliases {
                let term = Guide.normalize(name)
                if terms[term] == nil { terms[term] = i }
            }
        }
        termIndex = terms
        architectureIndex = Dictionary(catalog.architectures.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        tableIndex = Dictionary(tables.enumerated().map { ($1.table.id, $0) }, uniquingKeysWith: { a, _ in a })
        figureHome = Dictionary(figures.map { ($0.0.id, $0.1) }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: look-ups

    public func page(_ id: String) -> PageEntry? { pageIndex[id].map { readingOrder[$0] } }
    public func glossaryEntry(_ id: String) -> GlossaryEntry? { glossaryIndex[id].map { glossary[$0] } }
    public func architecture(_ id: String) -> Architecture? { architectureIndex[id].map { catalog.architectures[$0] } }
    public func table(_ id: String) -> TableEntry? { tableIndex[id].map { tables[$0] } }
    public func source(_ id: String) -> Source? { sourceIndex[id].map { sources[$0] } }
    /// The bibliography entries `evidence` names, in its order (unknown ids left out).
    public func sources(of evidence: Evidence) -> [Source] { evidence.sources.compactMap(source) }

    /// A glossary entry by its term or one of its aliases, ignoring case and a plural ending.
    public func glossaryEntry(forTerm term: String) -> GlossaryEntry? {
        Guide.termKey(term, isTerm: hasTerm).flatMap { termIndex[$0] }.map { glossary[$0] }
    }

    func hasTerm(_ key: String) -> Bool { termIndex[key] != nil }

    /// The key under which `term` is a term or alias (`isTerm`), as written or without a plural ending.
    static func termKey(_ term: String, isTerm: (String) -> Bool) -> String? {
        let key = Guide.normalize(term)
        if isTerm(key) { return key }
        return Guide.singulars(of: key).first(where: isTerm)
    }

    /// The page that shows a page, table or figure id.
    public func pageID(showing id: String) -> String? {
        if pageIndex[id] != nil { return id }
        if let t = table(id) { return t.pageID }
        return figureHome[id]
    }

    /// Titles from the top-level page down to `id` ("Part 3" > "3.2 CNNs").
    public func breadcrumb(_ id: String) -> [String] {
        guard let entry = page(id) else { return [] }
        return entry.path.compactMap { page($0)?.page.breadcrumbTitle }
    }

    /// Whether a link target exists.
    public func resolves(_ target: LinkTarget) -> Bool {
        switch target {
        case .page(let id): return pageID(showing: id) != nil
        case .glossary(let id): return glossaryEntry(id) != nil
        case .glossaryTerm(let term): return glossaryEntry(forTerm: term) != nil
        case .architecture(let id): return architecture(id) != nil
        }
    }

    /// The one normal form for matching terms: lower case, single spaces, no outer punctuation.
    public static func normalize(_ s: String) -> String {
        if let ascii = normalizeASCII(s) { return ascii }
        let lowered = s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        return String(lowered.drop(while: { !$0.isLetter && !$0.isNumber }))
    }

    /// `normalize` by bytes for ASCII text without a carriage return (where `\r\n` would be one
    /// Character): the same result, without Character and Unicode-property work, which was a tenth of
    /// a load after an edit at 100x (the glossary's terms, twice each). Nil for any other text.
    static func normalizeASCII(_ s: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var space = false
        for b in s.utf8 {
            guard b < 0x80, b != 13 else { return nil }
            if b == 32 || b == 10 || b == 9 { space = true; continue }
            let isAlnum = (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
            // Leading characters that are neither letters nor digits go, as do the spaces after them.
            if out.isEmpty && !isAlnum { space = false; continue }
            if space && !out.isEmpty { out.append(32) }
            space = false
            out.append(b >= 65 && b <= 90 ? b + 32 : b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func singulars(of key: String) -> [String] {
        var out: [String] = []
        if key.hasSuffix("ies") { out.append(String(key.dropLast(3)) + "y") }
        if key.hasSuffix("es") { out.append(String(key.dropLast(2))) }
        if key.hasSuffix("s") { out.append(String(key.dropLast())) }
        return out
    }
}

extension Block {
    /// Every piece of prose in the block, in reading order, with link markup still in it.
    public var texts: [String] {
        switch self {
        case .paragraph(let s), .preformatted(let s): return [s]
        case .list(let items), .steps(let items): return items.flatMap(\.texts)
        case .definitions(let defs): return defs.flatMap { [$0.term, $0.text] }
        case .table(let t): return [t.title] + (t.caption.map { [$0] } ?? []) + t.columns + t.rows.flatMap { $0 } + (t.notes.map { [$0] } ?? [])
        case .figure(let f): return [f.title] + (f.caption.map { [$0] } ?? []) + f.tree.flatMap(\.labels)
        case .callout(let c): return (c.title.map { [$0] } ?? []) + [c.text]
        }
    }
}

extension ListItem {
    public var texts: [String] { (label.map { [$0] } ?? []) + [text] + items.flatMap(\.texts) }
}

extension TreeNode {
    public var labels: [String] { [label] + children.flatMap(\.labels) }
}

/// Everything in the guide of one origin: what `nnguide toc --origin` lists.
public struct OriginListing: Sendable {
    public let origin: Origin
    /// Pages and sections whose own origin it is.
    public var pages: [PageEntry] = []
    /// Blocks of that origin inside pages of another (a refilled list in a guide section).
    public var blocks: [(entry: PageEntry, index: Int)] = []
    public var glossary: [GlossaryEntry] = []
    public var architectures: [Architecture] = []
    /// Notes of that origin on entries of another (`extends:` in an overlay): the entry's key
    /// (`g:ID`, `a:ID`), its name and the note.
    public var notes: [(key: String, name: String, note: TeamNote)] = []
    public var isEmpty: Bool { pages.isEmpty && blocks.isEmpty && glossary.isEmpty && architectures.isEmpty && notes.isEmpty }
}

extension Guide {
    /// The material of `origin`, in reading order: a page of that origin stands for its blocks, so
    /// only blocks that differ from their page are listed on their own.
    public func material(of origin: Origin) -> OriginListing {
        var out = OriginListing(origin: origin)
        for e in readingOrder {
            if e.page.origin.isKind(origin) { out.pages.append(e) }
            for i in e.page.blocks.indices where e.page.origin(ofBlock: i).isKind(origin) && !e.page.origin.isKind(origin) {
                out.blocks.append((e, i))
            }
        }
        out.glossary = glossary.filter { $0.origin.isKind(origin) }
        out.architectures = catalog.architectures.filter { $0.origin.isKind(origin) }
        for e in glossary where !e.origin.isKind(origin) { out.notes += e.notes.filter { $0.origin.isKind(origin) }.map { ("g:" + e.id, e.term, $0) } }
        for a in catalog.architectures where !a.origin.isKind(origin) { out.notes += a.notes.filter { $0.origin.isKind(origin) }.map { ("a:" + a.id, a.name, $0) } }
        return out
    }
}

extension Block {
    /// What the block is, in words ("list", "table").
    public var kindName: String {
        switch self {
        case .paragraph: return "paragraph"
        case .list: return "list"
        case .steps: return "steps"
        case .definitions: return "definitions"
        case .table: return "table"
        case .figure: return "figure"
        case .callout: return "callout"
        case .preformatted: return "preformatted text"
        }
    }
}
