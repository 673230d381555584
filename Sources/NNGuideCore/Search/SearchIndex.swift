/// The whole guide as an inverted index, built once when the guide is loaded.
///
/// Everything searchable is cut into *units* (a page title, a paragraph, a list item, a table, a
/// glossary entry, ...) that belong to an *owner* (the page, table, figure, glossary or catalog entry a
/// hit points at). Each distinct word maps to the sorted list of units holding it, all lists packed in
/// one array. A query word is a prefix: binary search finds the run of sorted words that start with it,
/// and only those words' postings are read, so a query costs what it matches, never a scan of all text.
public struct SearchIndex: Sendable {
    struct Owner: Sendable {
        var kind: SearchKind
        var id: String
        var pageID: String?
        var title: String
        var breadcrumb: [String]
        /// Title (and aliases) as query words joined by spaces, to reward a query that names the owner.
        var keys: [String]
    }

    struct Unit: Sendable {
        var owner: Int32
        /// Plain text pieces (links shown as their labels); snippets are cut from them.
        var parts: [String]
        /// The first `titleParts` parts are titles, names or aliases: matches there weigh more.
        var titleParts: Int
        var block: Int32
    }

    let owners: [Owner]
    let units: [Unit]
    /// `units[i].owner` and `owners[o].kind` again as flat arrays: the query's inner loops read only these.
    let unitOwner: [Int32]
    let ownerKind: [SearchKind]
    /// Distinct words, sorted; postings of `terms[i]` are `postings[termStart[i]..<termStart[i+1]]`.
    let terms: [String]
    let termStart: [Int32]
    /// Unit number << 1 | 1 when the word is in a title part. Sorted by unit within each word.
    let postings: [UInt32]
    /// Sections (every page entry, in reading order): the units of section `s` are
    /// `sectionStart[s]..<sectionStart[s + 1]` (its heading, text, tables and figures), its text owner
    /// `sectionText[s]`; `unitSection[u]` is -1 for units outside the pages (glossary, catalog).
    let sectionStart: [Int32]
    let sectionText: [Int32]
    let unitSection: [Int32]
    /// A one-word glossary name (stemmed) -> the entry's other one-word names: "tabular" -> "table"
    /// when both name Tabular data. Ranking counts them as the word (SectionRank); matching does not.
    let synonyms: [String: [String]]
    /// Glossary entries by their names as query words ("data leakage" -> leakage), with the sections
    /// the guide says discuss them (`used_in`), for ranking those first when the query names the entry.
    let discussedIn: [String: [Int32]]

    public init(guide: Guide) {
        var b = Builder()
        b.add(guide)
        (owners, units) = (b.owners, b.units)
        sectionStart = b.sectionStart + [b.sectionEnd]
        sectionText = b.sectionText
        var of = [Int32](repeating: -1, count: b.units.count)
        for s in b.sectionText.indices {
            for u in Int(b.sectionStart[s])..<Int(s + 1 < b.sectionStart.count ? b.sectionStart[s + 1] : b.sectionEnd) { of[u] = Int32(s) }
        }
        unitSection = of
        unitOwner = units.map(\.owner)
        ownerKind = owners.map(\.kind)
        (terms, termStart, postings) = b.pack()
        var same: [String: [String]] = [:]
        for e in guide.glossary {
            let names = Array(([e.term] + e.aliases).compactMap { name -> String? in
                let w = Tokenizer.words(name)
                return w.count == 1 ? Tokenizer.stem(w[0]) : nil
            }.uniqued())
            for n in names where names.count > 1 { same[n, default: []] += names.filter { $0 != n } }
        }
        synonyms = same
        var sectionOfPage: [String: Int32] = [:]
        for (sec, o) in b.sectionText.enumerated() { sectionOfPage[b.owners[Int(o)].id] = Int32(sec) }
        var discussed: [String: [Int32]] = [:]
        for e in guide.glossary where !e.usedIn.isEmpty {
            let sections = e.usedIn.compactMap { sectionOfPage[$0] }
            for name in [e.term] + e.aliases {
                discussed[Tokenizer.words(name).map(Tokenizer.stem).joined(separator: " "), default: []] += sections
            }
        }
        discussedIn = discussed
    }

    public var wordCount: Int { terms.count }
    public var unitCount: Int { units.count }
}

/// Collects owners and units and the word lists; `pack` sorts and flattens them.
private struct Builder {
    var owners: [SearchIndex.Owner] = []
    var units: [SearchIndex.Unit] = []
    /// Word -> number, in order of first sight; `lists[number]` holds its postings.
    var numbers: [String: Int32] = [:]
    var words: [String] = []
    var lists: [[UInt32]] = []
    var sectionStart: [Int32] = []
    var sectionText: [Int32] = []
    var sectionEnd: Int32 = 0
    /// Glossary id -> term, for the words a glossary link stands for.
    var glossaryTerms: [String: String] = [:]

    mutating func owner(_ kind: SearchKind, _ id: String, page: String?, title: String, breadcrumb: [String], keys: [String] = []) -> Int32 {
        let all = ([title] + keys).map { Tokenizer.words($0).joined(separator: " ") }
        owners.append(.init(kind: kind, id: id, pageID: page, title: title, breadcrumb: breadcrumb, keys: all))
        return Int32(owners.count - 1)
    }

    mutating func number(_ w: String) -> Int32 {
        if let n = numbers[w] { return n }
        let n = Int32(words.count)
        numbers[w] = n; words.append(w); lists.append([])
        return n
    }

    mutating func unit(_ owner: Int32, titles: [String] = [], body: [String], block: Int = -1) {
        // A link to a glossary entry says what its words mean: "[[table|g:tabular-data]]" is about
        // tabular data, so the entry's term is indexed with the passage (not shown in it), and a search
        // for "small tabular" finds the section titled "Small Tables".
        let meant = body.filter(InlineParser.hasLink).flatMap { text in
            InlineParser.parse(text).compactMap { part -> String? in
                if case .link(_, .glossary(let id)) = part { return glossaryTerms[id] }
                return nil
            }
        }
        let titles = titles.map(InlineParser.plain).filter { !$0.isEmpty }
        let body = body.map(InlineParser.plain).filter { !$0.isEmpty }
        let u = UInt32(units.count)
        units.append(.init(owner: owner, parts: titles + body, titleParts: titles.count, block: Int32(block)))
        // Word numbers, title words flagged; sorted so each word is posted once, with its title flag.
        var found: [Int64] = []
        for (flag, texts) in [(Int64(0), titles), (Int64(1), body + meant)] {
            for t in texts { Tokenizer.scan(t) { w, _ in found.append(Int64(number(w)) << 1 | flag) } }
        }
        found.sort()
        var last: Int64 = -1
        for f in found where f >> 1 != last {
            last = f >> 1
            lists[Int(last)].append(u << 1 | (f & 1 == 0 ? 1 : 0))
        }
    }

    mutating func add(_ guide: Guide) {
        glossaryTerms = Dictionary(guide.glossary.map { ($0.id, $0.term) }, uniquingKeysWith: { a, _ in a })
        for entry in guide.readingOrder {
            let p = entry.page
            let crumb = guide.breadcrumb(p.id)
            sectionStart.append(Int32(units.count))
            let h = owner(.heading, p.id, page: p.id, title: p.title, breadcrumb: crumb, keys: p.short.map { [$0] } ?? [])
            unit(h, titles: [p.title] + (p.short.map { [$0] } ?? []), body: [])
            let text = owner(.text, p.id, page: p.id, title: p.title, breadcrumb: crumb)
            sectionText.append(text)
            if let s = p.summary { unit(text, body: [s]) }
            for (i, block) in p.blocks.enumerated() { add(block, index: i, page: p.id, text: text, crumb: crumb) }
        }
        sectionEnd = Int32(units.count)
        for e in guide.glossary {
            let o = owner(.glossary, e.id, page: nil, title: e.term, breadcrumb: ["Glossary"], keys: e.aliases)
            unit(o, titles: [e.term] + e.aliases, body: [e.definition])
        }
        let families = Dictionary(guide.catalog.families.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for a in guide.catalog.architectures {
            let o = owner(.architecture, a.id, page: guide.pageID(showing: a.deepDive), title: a.name,
                          breadcrumb: ["Catalog", families[a.family] ?? a.family], keys: [a.short, a.id].compactMap { $0 })
            unit(o, titles: [a.name] + [a.short].compactMap { $0 } + [a.id],
                 body: [a.summary, a.data] + a.strengths + a.limitations + a.variants.map { "\($0.name): \($0.use)" })
        }
    }

    mutating func add(_ block: Block, index: Int, page: String, text: Int32, crumb: [String]) {
        switch block {
        case .paragraph(let s), .preformatted(let s):
            unit(text, body: [s], block: index)
        case .list(let items), .steps(let items):
            func walk(_ item: ListItem) {
                unit(text, body: [item.label.map { "\($0): \(item.text)" } ?? item.text], block: index)
                item.items.forEach(walk)
            }
            items.forEach(walk)
        case .definitions(let defs):
            for d in defs { unit(text, body: ["\(d.term): \(d.text)"], block: index) }
        case .callout(let c):
            unit(text, body: [c.title, c.text].compactMap { $0 }, block: index)
        case .table(let t):
            let o = owner(.table, t.id, page: page, title: t.title, breadcrumb: crumb)
            let rows = [t.columns] + t.rows
            unit(o, titles: [t.title], body: [t.caption].compactMap { $0 } + rows.map { $0.map(InlineParser.plain).joined(separator: " | ") } + [t.notes].compactMap { $0 }, block: index)
        case .figure(let f):
            let o = owner(.figure, f.id, page: page, title: f.title, breadcrumb: crumb)
            unit(o, titles: [f.title], body: [f.caption].compactMap { $0 } + f.tree.flatMap(\.labels), block: index)
        }
    }

    func pack() -> ([String], [Int32], [UInt32]) {
        let order = words.indices.sorted { words[$0] < words[$1] }
        var start: [Int32] = [0]
        start.reserveCapacity(words.count + 1)
        var flat: [UInt32] = []
        flat.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for i in order {
            flat += lists[i]
            start.append(Int32(flat.count))
        }
        return (order.map { words[$0] }, start, flat)
    }
}
