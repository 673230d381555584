import NNGuideCore

/// Lays out one reading unit: a top-level page (its own blocks, then a numbered menu of its
/// sections) or a section with all its subsections inline. Re-run for every width.
enum PageLayout {
    static func document(unit: PageEntry, guide: Guide, width: Int, glyphs: Glyphs) -> Document {
        var b = DocumentBuilder(width: width, glyphs: glyphs)
        let resolve: (LinkTarget) -> Bool = { guide.resolves($0) }
        let page = unit.page
        b.wrap([StyledRun(glyphs.text(page.title), .init(role: .title))] + mark(page.origin), anchor: page.id)
        b.line([Span(String(repeating: glyphs.heavyH, count: min(width, max(4, DisplayWidth.of(glyphs.text(page.title))))), .title)])
        if let s = page.summary { b.wrap(b.runs(s, role: .dim, resolve: resolve)) }
        evidence(page.evidence, into: &b)
        b.blank()
        blocks(of: page, into: &b, resolve: resolve)
        if unit.depth == 0 {
            if !page.sections.isEmpty { menu(page, into: &b) }
        } else {
            for s in page.sections { section(s, level: 2, into: &b, resolve: resolve) }
        }
        footer(unit, guide: guide, into: &b)
        while b.doc.lines.last?.spans.isEmpty == true { b.doc.lines.removeLast() }
        return b.doc
    }

    static func section(_ p: Page, level: Int, into b: inout DocumentBuilder, resolve: (LinkTarget) -> Bool) {
        b.blank()
        b.origin += 1  // after the blank: the heading is the first line of its block, so a resize keeps it on top
        let title = b.glyphs.text(p.title)
        b.wrap([StyledRun(title, .init(role: .heading))] + mark(p.origin), anchor: p.id)
        if level == 2 { b.line([Span(String(repeating: b.glyphs.h, count: min(b.width, DisplayWidth.of(title))), .heading)]) }
        evidence(p.evidence, into: &b)
        b.blank()
        blocks(of: p, into: &b, resolve: resolve)
        for s in p.sections { section(s, level: level + 1, into: &b, resolve: resolve) }
    }

    /// "In this part": the sections as menu links (`DocumentBuilder.menuLink` numbers them).
    static func menu(_ page: Page, into b: inout DocumentBuilder) {
        b.blank()
        b.origin += 1
        b.line([Span("In this part", .heading)])
        b.blank()
        for s in page.sections {
            let (link, lead) = b.menuLink(.page(s.id), label: b.glyphs.text(s.title), tab: Keymap.key(.nextLink, in: .reader))
            let pad = String(repeating: " ", count: DisplayWidth.of(lead.text))
            b.wrap([StyledRun(b.glyphs.text(s.title), .init(role: .link, link: link))] + mark(s.origin), first: [lead], rest: [Span(pad)])
            if let summary = s.summary {
                b.wrap([StyledRun(b.glyphs.text(InlineParser.plain(summary)), .init(role: .dim))], first: [Span(pad)], rest: [Span(pad)])
            }
        }
    }

    /// "Next: ..." at the end, so Space at the bottom of a page shows where reading goes on.
    static func footer(_ unit: PageEntry, guide: Guide, into b: inout DocumentBuilder) {
        guard let next = Reading.nextUnit(after: unit.id, in: guide), let entry = guide.page(next) else { return }
        b.blank()
        b.origin += 1
        b.doc.links.append(DocLink(target: .page(next), label: b.glyphs.text(entry.page.title), line: -1))
        let link = b.doc.links.count - 1
        b.wrap([StyledRun(b.glyphs.text(entry.page.title), .init(role: .link, link: link))],
               first: [Span(b.glyphs.h + b.glyphs.h + " Next ( ] ): ", .dim)], rest: [Span("   ")])
    }

    static func blocks(of page: Page, into b: inout DocumentBuilder, resolve: (LinkTarget) -> Bool) {
        let g = b.glyphs
        for (index, block) in page.blocks.enumerated() {
            b.origin += 1
            b.doc.places[Document.place(page.id, block: index)] = b.doc.lines.count
            if case .table(let t) = block { b.doc.places[t.id] = b.doc.lines.count }
            if case .figure(let f) = block { b.doc.places[f.id] = b.doc.lines.count }
            switch block {
            case .paragraph(let s):
                b.wrap(b.runs(s, resolve: resolve))
            case .list(let items):
                list(items, numbered: false, indent: 0, into: &b, resolve: resolve)
            case .steps(let items):
                list(items, numbered: true, indent: 0, into: &b, resolve: resolve)
            case .definitions(let defs):
                for d in defs {
                    b.wrap(b.runs(d.term, role: .strong, resolve: resolve))
                    b.wrap(b.runs(d.text, resolve: resolve), first: [Span("  ")], rest: [Span("  ")])
                }
            case .table(let t):
                b.wrap(b.runs(t.title, role: .strong, resolve: resolve), anchor: nil)
                if let c = t.caption { b.wrap(b.runs(c, role: .dim, resolve: resolve)) }
                b.table(t, resolve: resolve)
                if let n = t.notes { b.wrap(b.runs(n, role: .dim, resolve: resolve)) }
            case .figure(let f):
                b.wrap(b.runs(f.title, role: .strong, resolve: resolve))
                b.tree(f.tree, resolve: resolve)
                if let c = f.caption { b.wrap(b.runs(c, role: .dim, resolve: resolve)) }
            case .callout(let c):
                let name = TextRenderer.calloutName(c.kind)
                let title = c.title ?? name
                let bar = [Span(g.bar + " ", .accent)]
                b.wrap(b.runs(title, role: .accent, resolve: resolve), first: bar, rest: bar)
                b.wrap(b.runs(c.text, resolve: resolve), first: bar, rest: bar)
            case .preformatted(let s):
                for raw in g.text(s).split(separator: "\n", omittingEmptySubsequences: false) {
                    for piece in TextWrap.cut(String(raw), width: b.width - 2) { b.line([Span("  "), Span(piece, .code)]) }
                }
            }
            // Marked where it differs from its page: a page marked [added] does not repeat it per block.
            let origin = page.origin(ofBlock: index)
            if origin != page.origin { suffix(origin, ownLine: block.isDrawn, into: &b) }
            evidence(page.evidence(ofBlock: index), into: &b)
            b.blank()
        }
    }

    /// The quiet line under a page, section or block that cites sources or says when it was reviewed.
    static func evidence(_ e: Evidence, into b: inout DocumentBuilder) {
        guard let line = SourcesNote.line(e, scope: .reader) else { return }
        b.wrap([StyledRun(b.glyphs.text(line), .init(role: .dim))])
    }

    /// The quiet mark after an added or refilled title ("[added]"); none for the guide's own.
    static func mark(_ origin: Origin) -> [StyledRun<DocumentBuilder.Tag>] {
        origin.mark.map { [StyledRun(" " + $0, .init(role: .dim))] } ?? []
    }

    /// The mark at the end of a block's last line, or on a line of its own when it does not fit.
    /// Tables, figures and preformatted text (`ownLine`) end in drawing, not prose: the mark goes below.
    static func suffix(_ origin: Origin, ownLine: Bool, into b: inout DocumentBuilder) {
        guard let m = origin.mark else { return }
        if !ownLine, let last = b.doc.lines.last, !last.spans.isEmpty, !last.wide, last.width + 1 + m.count <= b.width {
            b.doc.lines[b.doc.lines.count - 1].spans.append(Span(" " + m, .dim))
        } else {
            if b.doc.lines.last?.spans.isEmpty == true { b.doc.lines.removeLast() }
            b.line([Span(m, .dim)])
        }
    }

    static func list(_ items: [ListItem], numbered: Bool, indent: Int, into b: inout DocumentBuilder, resolve: (LinkTarget) -> Bool) {
        let pad = String(repeating: " ", count: indent)
        let numberWidth = String(items.count).count
        for (i, item) in items.enumerated() {
            let mark = numbered ? String(repeating: " ", count: numberWidth - String(i + 1).count) + "\(i + 1). " : b.glyphs.bullet + " "
            var r: [StyledRun<DocumentBuilder.Tag>] = []
            if let label = item.label { r += b.runs(label, role: .strong, resolve: resolve); r.append(StyledRun(": ", .init(role: .strong))) }
            r += b.runs(item.text, resolve: resolve)
            b.wrap(r, first: [Span(pad), Span(mark, .accent)], rest: [Span(pad + String(repeating: " ", count: DisplayWidth.of(mark)))])
            if !item.items.isEmpty {
                list(item.items, numbered: false, indent: indent + DisplayWidth.of(mark), into: &b, resolve: resolve)
            }
        }
    }
}

extension Block {
    /// Blocks drawn as a grid or tree rather than wrapped prose.
    var isDrawn: Bool {
        switch self {
        case .table, .figure, .preformatted: return true
        default: return false
        }
    }
}
