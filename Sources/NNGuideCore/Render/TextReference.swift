/// Text for the reference parts of the guide: contents, glossary, catalog entries.
extension TextRenderer {
    /// Contents: every page and section indented by depth with its id, and the tables and figures it
    /// holds (the ids `nnguide show` takes).
    public func contents() -> [String] {
        var out: [String] = []
        for entry in guide.readingOrder {
            let indent = String(repeating: "  ", count: entry.depth)
            if entry.depth == 0 && !out.isEmpty { out.append("") }
            out += labelled(indent, entry.page.title, entry.id)
            for b in entry.page.blocks {
                if case .table(let t) = b { out += labelled(indent + "  ", "Table: " + plain(t.title), t.id) }
                if case .figure(let f) = b { out += labelled(indent + "  ", "Figure: " + plain(f.title), f.id) }
            }
        }
        return out
    }

    /// `title` after `indent`, with `id` at the right edge (on a line of its own when it does not fit).
    public func labelled(_ indent: String, _ title: String, _ id: String) -> [String] {
        let idWidth = DisplayWidth.of(id)
        var lines = hanging(title, first: indent, rest: indent + "  ")
        let last = lines[lines.count - 1]
        let room = width - DisplayWidth.of(last) - idWidth
        if room >= 2 {
            lines[lines.count - 1] = last + String(repeating: " ", count: room) + id
        } else {
            lines.append(String(repeating: " ", count: max(0, width - idWidth)) + id)
        }
        return lines
    }

    /// Every glossary term with the first sentence of its definition, alphabetically.
    public func glossaryList(_ entries: [GlossaryEntry]? = nil) -> [String] {
        let list = (entries ?? guide.glossary).sorted { $0.term.lowercased() < $1.term.lowercased() }
        // Wide enough for nine terms in ten; the longest few take a line of their own.
        let widths = list.map { DisplayWidth.of($0.term) }.sorted()
        let termWidth = min(max(12, width / 3), widths.isEmpty ? 0 : widths[(widths.count - 1) * 9 / 10])
        return list.flatMap { e -> [String] in
            let gloss = TextWrap.truncate(Self.firstSentence(plain(e.definition)), width: width - termWidth - 2)
            if DisplayWidth.of(e.term) > termWidth {
                return [e.term, String(repeating: " ", count: termWidth + 2) + gloss]
            }
            return [TextWrap.pad(e.term, width: termWidth) + "  " + gloss]
        }
    }

    static func firstSentence(_ s: String) -> String {
        var end = s.endIndex
        var i = s.startIndex
        while i < s.endIndex {
            let next = s.index(after: i)
            if s[i] == "." && (next == s.endIndex || s[next] == " ") { end = next; break }
            i = next
        }
        return String(s[..<end])
    }

    /// One glossary entry in full: term, aliases, definition, related terms and where the guide uses it.
    public func glossaryEntry(_ e: GlossaryEntry) -> [String] {
        var out = heading(e.term, level: 1)
        if !e.aliases.isEmpty { out += hanging(e.aliases.joined(separator: ", "), first: "Also: ", rest: "      ") }
        out += [""] + wrap(plain(e.definition))
        let related = e.related.compactMap { guide.glossaryEntry($0)?.term }
        let used = e.usedIn.compactMap { id in guide.pageID(showing: id).flatMap { guide.page($0) }.map { "\($0.page.breadcrumbTitle) (\(id))" } }
        let see = e.see.compactMap { id in guide.pageID(showing: id).flatMap { guide.page($0) }.map { "\($0.page.breadcrumbTitle) (\(id))" } }
        if !related.isEmpty { out.append("") }
        out += labelledLists([("Related:", related), ("Used in:", used), ("See:", see)])
        out += teamNotes(e.notes)
        out += evidenceLines(e.evidence)
        if e.inSourceGlossary { out.append("From the guide's own glossary.") }
        // The guide's own material is the default, so only refilled or added entries say where they come from.
        if e.origin != .guide { out += originLine(e.origin) }
        return out
    }

    /// Labelled lists under one another (a glossary entry's Related, Used in and See) at one indent:
    /// the widest label's column, or, when an item is too long for that, one column left of it for
    /// every list, each label on its own line. A "Title (id)" that fits a line is kept together
    /// (twelfth retest: at 40 columns See's items started at column 4 and the others' at 9, and
    /// "Newer" / "techniques (newer-techniques)" fell on two lines).
    func labelledLists(_ lists: [(label: String, items: [String])]) -> [String] {
        let lists = lists.filter { !$0.items.isEmpty }
        guard let column = lists.map({ DisplayWidth.of($0.label) + 1 }).max() else { return [] }
        // The widest word the lines must hold (with its comma): at the label column when it fits there,
        // else as far left as it needs, for every list.
        let longest = lists.flatMap(\.items).flatMap { $0.split(separator: " ") }.map { DisplayWidth.of(String($0)) + 1 }.max() ?? 0
        let indent = longest <= width - column ? column : max(2, column - (longest - (width - column)))
        let room = max(8, width - indent)
        let joined = lists.map { ($0.label, $0.items.map { DisplayWidth.of($0) + 1 <= room ? TextWrap.together($0) : $0 }.joined(separator: ", ")) }
        if indent == column {
            let spaces = String(repeating: " ", count: column)
            return joined.flatMap { hanging($0.1, first: TextWrap.pad($0.0, width: column), rest: spaces) }
        }
        let pad = String(repeating: " ", count: indent)
        return joined.flatMap { [$0.0] + wrap($0.1, width: room).map { $0.isEmpty ? "" : pad + $0 } }
    }

    /// A catalog entry in full.
    public func architecture(_ a: Architecture) -> [String] {
        let family = guide.catalog.families.first { $0.id == a.family }?.name ?? a.family
        var out = heading(a.short.map { "\(a.name) (\($0))" } ?? a.name, level: 1)
        out += hanging(family, first: "Family: ", rest: "        ")
        out += hanging(a.fits.joined(separator: ", "), first: "Fits: ", rest: "      ")
        out += [""] + wrap(plain(a.summary)) + [""] + wrap(plain(a.data))
        func section(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            out += ["", title] + items.flatMap { hanging(plain($0), first: c.bullet + " ", rest: "  ") }
        }
        section("Variants", a.variants.map { "\($0.name): \($0.use)" })
        section("Strengths", a.strengths)
        section("Limitations", a.limitations)
        section("Cost", ["training \(a.cost.training), inference \(a.cost.inference), memory \(a.cost.memory)"] + [a.cost.note, a.cost.perPredictionLine].compactMap { $0 })
        let traits = guide.catalog.criteria.compactMap { c in a.traits[c.id].map { "\(c.name): \($0)" } }
        section("Traits", traits)
        if let page = guide.page(a.deepDive) { out += ["", "Deep-dive: \(page.page.title) (\(a.deepDive))"] }
        out += teamNotes(a.notes)
        return out + [""] + originLine(a.origin) + evidenceLines(a.evidence)
    }

    /// A team's notes on an entry (`extends:` in an overlay), each marked with its overlay, with the
    /// pages it points to.
    func teamNotes(_ notes: [TeamNote]) -> [String] {
        notes.flatMap { n -> [String] in
            let see = n.see.compactMap { id in guide.page(id).map { "\($0.page.breadcrumbTitle) (\(id))" } }
            return [""] + wrap(n.plainLine) + (see.isEmpty ? [] : hanging(see.joined(separator: ", "), first: "See: ", rest: "     "))
        }
    }

    /// "Sources: Title (Organisation, 2025) <https://...>; ..." and "Reviewed: 2026-12"; none without evidence.
    public func evidenceLines(_ e: Evidence) -> [String] {
        var out: [String] = []
        if !e.sources.isEmpty {
            let names = e.sources.map { id in guide.source(id).map { s in s.citation + (s.url.map { " <\($0)>" } ?? "") } ?? id }
            out += hanging(names.joined(separator: "; "), first: "Sources: ", rest: "         ")
        }
        if let r = e.reviewed { out.append("Reviewed: \(r)") }
        return out
    }

    /// "Origin: added (beyond the source guide, written for nnguide)".
    func originLine(_ origin: Origin) -> [String] {
        hanging("\(origin.rawValue) (\(origin.meaning))", first: "Origin: ", rest: "        ")
    }
}
