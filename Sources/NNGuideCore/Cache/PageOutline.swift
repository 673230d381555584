/// What `nnguide toc` needs of one page file, kept in the file's entry beside its summary
/// (`FileEntry`): the page and its sections with their ids, titles, short titles, summaries and
/// origins, and each one's tables and figures (id and title) in block order; and whether reading and
/// checking the file alone found an error. At 100x, `toc` reads 1,400 of these (a few hundred bytes
/// each) instead of decoding the whole guide (BENCHMARKS.md).
struct PageOutline: Equatable {
    /// The page as `toc` shows it: blocks other than tables and figures left out, and those with
    /// only their id and title.
    var page: Page?
    /// The file's own problems include an error (YAML, schema or a check of the file alone); a load
    /// of the folder fails, so `toc` takes the whole load to report it.
    var hasErrors: Bool

    /// The outline of a parsed page file: its page (nil when it gave none) and what reading and
    /// checking it alone found.
    init(page: Page?, problems: [ContentProblem], fatal: Bool, checks: [CheckRecord]) {
        self.page = page.map(Self.titles)
        hasErrors = fatal || !problems.errors.isEmpty || checks.contains { $0.reference == nil && !$0.warning }
    }

    init(page: Page?, hasErrors: Bool) { self.page = page; self.hasErrors = hasErrors }

    /// `page` with what `toc` shows and nothing else.
    static func titles(_ page: Page) -> Page {
        let shown: [Block] = page.blocks.compactMap {
            switch $0 {
            case .table(let t): return .table(Table(id: t.id, title: t.title, columns: [], rows: []))
            case .figure(let f): return .figure(Figure(id: f.id, title: f.title, tree: []))
            default: return nil
            }
        }
        return Page(id: page.id, title: page.title, short: page.short, summary: page.summary, origin: page.origin,
                    blocks: shown, sections: page.sections.map(titles))
    }

    var bytes: [UInt8] {
        var w = EntryWriter()
        w.int(hasErrors ? 1 : 0)
        if let page { w.int(1); Self.write(page, &w) } else { w.int(0) }
        return w.bytes
    }

    static func write(_ p: Page, _ w: inout EntryWriter) {
        w.string(p.id); w.string(p.title)
        for optional in [p.short, p.summary] {
            if let s = optional { w.int(1); w.string(s) } else { w.int(0) }
        }
        w.string(p.origin.described)
        w.int(p.blocks.count)
        for b in p.blocks {
            switch b {
            case .table(let t): w.int(0); w.string(t.id); w.string(t.title)
            case .figure(let f): w.int(1); w.string(f.id); w.string(f.title)
            default: w.int(2)   // not written by `titles`; read back as nothing
            }
        }
        w.int(p.sections.count)
        for s in p.sections { write(s, &w) }
    }

    /// The outline in `raw`, or nil when it is not one this build wrote.
    init?(_ raw: UnsafeRawBufferPointer) {
        var r = EntryReader(raw)
        guard let errors = try? r.int(), let present = try? r.int(), errors <= 1, present <= 1 else { return nil }
        var page: Page?
        if present == 1 {
            guard let p = try? Self.read(&r, depth: 0) else { return nil }
            page = p
        }
        guard r.atEnd else { return nil }
        self.init(page: page, hasErrors: errors == 1)
    }

    /// Nesting deeper than any loader accepts is not an outline we wrote (and would exhaust the stack).
    static let deepest = 64

    static func read(_ r: inout EntryReader, depth: Int) throws(EntryReader.Malformed) -> Page {
        guard depth < deepest else { throw EntryReader.Malformed() }
        let id = try r.string(), title = try r.string()
        var optionals: [String?] = []
        for _ in 0..<2 {
            switch try r.int() {
            case 0: optionals.append(nil)
            case 1: optionals.append(try r.string())
            default: throw EntryReader.Malformed()
            }
        }
        guard let origin = Origin(rawValue: try r.string()) else { throw EntryReader.Malformed() }
        var blocks: [Block] = []
        for _ in 0..<(try r.count()) {
            switch try r.int() {
            case 0: blocks.append(.table(Table(id: try r.string(), title: try r.string(), columns: [], rows: [])))
            case 1: blocks.append(.figure(Figure(id: try r.string(), title: try r.string(), tree: [])))
            case 2: break
            default: throw EntryReader.Malformed()
            }
        }
        var sections: [Page] = []
        for _ in 0..<(try r.count()) { sections.append(try read(&r, depth: depth + 1)) }
        return Page(id: id, title: title, short: optionals[0], summary: optionals[1], origin: origin, blocks: blocks, sections: sections)
    }
}
