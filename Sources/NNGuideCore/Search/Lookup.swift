/// Anything of the guide a person can ask for by name.
public enum GuideItem: Sendable, Equatable {
    case page(PageEntry)
    case table(TableEntry)
    case figure(Figure, pageID: String)
    case glossary(GlossaryEntry)
    case architecture(Architecture)

    /// The id as `nnguide show` takes it (glossary and catalog ids carry their link prefix).
    public var id: String {
        switch self {
        case .page(let e): return e.id
        case .table(let t): return t.table.id
        case .figure(let f, _): return f.id
        case .glossary(let g): return "g:" + g.id
        case .architecture(let a): return "a:" + a.id
        }
    }

    public var title: String {
        switch self {
        case .page(let e): return e.page.title
        case .table(let t): return t.table.title
        case .figure(let f, _): return f.title
        case .glossary(let g): return g.term
        case .architecture(let a): return a.name
        }
    }

    public var kind: String {
        switch self {
        case .page(let e): return e.depth == 0 ? "page" : "section"
        case .table: return "table"
        case .figure: return "figure"
        case .glossary: return "glossary"
        case .architecture: return "architecture"
        }
    }

    /// The page that shows the item, if any.
    public var pageID: String? {
        switch self {
        case .page(let e): return e.id
        case .table(let t): return t.pageID
        case .figure(_, let p): return p
        case .glossary: return nil
        case .architecture(let a): return a.deepDive
        }
    }
}

/// How a name given by a person resolves.
public enum Resolution: Sendable, Equatable {
    case found(GuideItem)
    /// Several items fit equally well; the person has to choose.
    case ambiguous([GuideItem])
    /// Nothing fits; the closest names, for "did you mean".
    case notFound(suggestions: [GuideItem])
}

extension Guide {
    /// Every page, section, table and figure, in reading order.
    public var shownItems: [GuideItem] {
        readingOrder.flatMap { entry -> [GuideItem] in
            [.page(entry)] + entry.page.blocks.compactMap { b in
                if case .table(let t) = b { return .table(TableEntry(table: t, pageID: entry.id)) }
                if case .figure(let f) = b { return .figure(f, pageID: entry.id) }
                return nil
            }
        }
    }

    /// Resolves what a person typed: an id of a page, section, table or figure; `g:ID` or `a:ID`
    /// (or a bare glossary or catalog id no page uses); a title, whole or a part of it unambiguous.
    public func resolve(_ query: String) -> Resolution {
        let q = String(query.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        let items = shownItems
        if let hit = items.first(where: { $0.id == q }) { return .found(hit) }
        if q.hasPrefix("g:"), let g = glossaryEntry(String(q.dropFirst(2))) { return .found(.glossary(g)) }
        if q.hasPrefix("a:"), let a = architecture(String(q.dropFirst(2))) { return .found(.architecture(a)) }
        let byID = [glossaryEntry(q).map(GuideItem.glossary), architecture(q).map(GuideItem.architecture)].compactMap { $0 }
        if byID.count == 1 { return .found(byID[0]) }
        if byID.count > 1 { return .ambiguous(byID) }

        let key = Guide.normalize(q)
        guard !key.isEmpty else { return .notFound(suggestions: []) }
        func names(_ item: GuideItem) -> [String] {
            if case .page(let e) = item, let s = e.page.short { return [e.page.title, s] }
            return [item.title]
        }
        let exact = items.filter { names($0).contains { Guide.normalize(InlineParser.plain($0)) == key } }
        if exact.count == 1 { return .found(exact[0]) }
        if exact.count > 1 { return .ambiguous(exact) }
        // A name written as a slug: "honest-splits" for the section search places at "Part 7 › Honest
        // splits", a title's words joined by hyphens ("train-test-splits-that-dont-lie"), as a
        // heading's anchor is written (issue 23): the same letters and digits in the same order.
        let squashed = Guide.squash(q)
        if !squashed.isEmpty {
            let slugged = items.filter { names($0).contains { Guide.squash(InlineParser.plain($0)) == squashed } }
            if slugged.count == 1 { return .found(slugged[0]) }
            if slugged.count > 1 { return .ambiguous(slugged) }
        }
        if let g = glossaryEntry(forTerm: q) { return .found(.glossary(g)) }
        // A term as a slug ("vision-transformer"), where the term itself has no hyphen.
        if q.contains(where: { $0 == "-" || $0 == "_" }), let g = glossaryEntry(forTerm: Guide.slug(q).replacing("-", with: " ")) {
            return .found(.glossary(g))
        }
        let partial = items.filter { names($0).contains { Guide.normalize(InlineParser.plain($0)).contains(key) } }
        if partial.count == 1 { return .found(partial[0]) }
        if partial.count > 1 { return .ambiguous(partial) }

        let everything = items + glossary.map(GuideItem.glossary) + catalog.architectures.map(GuideItem.architecture)
        var byName: [String: GuideItem] = [:]
        var candidates: [String] = []
        for item in everything {
            // Each name as words and as a slug, so a near miss of either is offered ("honest-split").
            let written = names(item).map(InlineParser.plain)
            for name in [item.id] + written.map(Guide.normalize) + written.map(Guide.slug) where byName[name] == nil {
                byName[name] = item; candidates.append(name)
            }
        }
        // A glossary name (`g:attenshun`) is suggested as `nnguide glossary` suggests one: by its terms
        // and aliases, not by the id with its prefix, which no person spells.
        let term = q.hasPrefix("g:") ? String(q.dropFirst(2)) : q
        let glossed = GlossaryMatcher(entries: glossary).matches(term).filter { $0.kind == .typo }.prefix(3).map { GuideItem.glossary($0.entry) }
        // An item's several names can be the closest few: five items, not five names of one.
        let close = EditDistance.closest(to: key, among: candidates, limit: 15).compactMap { byName[$0] }
        var seen: Set<String> = []
        let unique = Array(close.filter { seen.insert($0.id).inserted }.prefix(5))
        seen = []
        return .notFound(suggestions: (q.hasPrefix("g:") ? glossed + unique : unique + glossed).filter { seen.insert($0.id).inserted })
    }

    /// The letters and digits of a name, lowercased: "Honest splits", "honest-splits" and
    /// "honest_splits" are one key, as are "Train/Test Splits That Don't Lie" and its slug.
    static func squash(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// A name as a slug, its words joined by hyphens, an apostrophe dropped inside a word:
    /// "Train/Test Splits That Don't Lie" is "train-test-splits-that-dont-lie".
    static func slug(_ name: String) -> String {
        name.lowercased().filter { $0 != "'" && $0 != "\u{2019}" }
            .split { !$0.isLetter && !$0.isNumber }.joined(separator: "-")
    }
}
