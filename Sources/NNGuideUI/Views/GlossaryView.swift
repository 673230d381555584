import NNGuideCore

/// Every term: a filter you type into, the list of matches, and the chosen entry beside it with
/// its related terms and the pages that use it.
public struct GlossaryView: Screen {
    public var field = TextField(focused: true)
    public var list = SelectList()
    /// The chosen entry beside the list; its focus is a link of the entry (definition links, then
    /// related terms, then "used in" pages).
    public var entry = DocumentViewport()
    public init() {}

    public var scopes: [Scope] { [.glossary] }
    public static let bindings: [Binding] = [
        Binding([.char("i")], .show(.glossary), .global, "glossary, filter as you type", hint: "glossary"),
        Binding([.char("/"), .char("i")], .focusField, .glossary, "type to filter again", hint: "filter"),
        Binding([.tab], .nextLink, .glossary, "next related term or page", hint: "link"),
        Binding([.backTab], .previousLink, .glossary, "previous link"),
        Binding([.enter], .open, .glossary, "follow the chosen link"),
        Binding([.char(" "), .pageDown], .pageDown, .glossary, "read on in a long entry (\(Keymap.key(.lineDown, in: .glossary))/\(Keymap.key(.lineUp, in: .glossary)) move through the terms)"),
        Binding([.pageUp, .char("b")], .pageUp, .glossary, "back up in a long entry"),
        Binding([.char("S")], .sources, .glossary, "sources and review date of the entry: titles, years, URLs"),
    ]

    public var typing: Bool { field.focused }
    public func typing(_ ctx: ScreenContext) -> Bool { typing }

    func matches(_ ctx: ScreenContext) -> [GlossaryEntry] { ctx.library.filterGlossary(field.text) }

    public var selectedID: String?

    /// List and entry side by side on a wide screen, stacked on a narrow one. Stacked, the list takes
    /// only the rows its matches need, and one row (the term) while you read the entry out of the
    /// field: at 40x12 the entry had 3 rows and the definition took two pages (issue 23, fifth retest).
    func panes(_ ctx: ScreenContext) -> (field: Rect, list: Rect, detail: Rect, divider: Rect?) {
        let r = ctx.rect
        let body = Rect(x: r.x, y: r.y + 2, width: r.width, height: r.height - 2)
        if r.width >= 64 {
            let lw = min(30, r.width / 3)
            let (list, rest) = body.splitLeft(lw, gap: 0)
            let divider = Rect(x: rest.x, y: body.y, width: 1, height: body.height)
            return (r.row(0), list, Rect(x: rest.x + 2, y: body.y, width: rest.width - 2, height: body.height), divider)
        }
        // While you read, the count line goes too: the list it counts is one row.
        let (list, rest) = field.focused
            ? body.splitTop(min(max(1, min(body.height / 2 - 1, 8)), max(1, matches(ctx).count)), gap: 0)
            : Rect(x: r.x, y: r.y + 1, width: r.width, height: r.height - 1).splitTop(1, gap: 0)
        return (r.row(0), list, Rect(x: r.x, y: rest.y + 1, width: r.width, height: rest.height - 1), Rect(x: r.x, y: rest.y, width: r.width, height: 1))
    }

    public mutating func fit(_ ctx: inout ScreenContext) { fitList(ctx) }

    /// The fit, which only reads the context: `select`, which the app asks outside any key, uses it too.
    mutating func fitList(_ ctx: ScreenContext) {
        let all = matches(ctx)
        if let id = selectedID, let i = all.firstIndex(where: { $0.id == id }) { list.index = i }
        list.fit(count: all.count, height: panes(ctx).list.height)
        selectedID = all.indices.contains(list.index) ? all[list.index].id : nil
        let doc = detail(ctx)
        if let f = entry.focus, f >= doc.links.count { entry.focus = nil }
        entry.clamp(lines: doc.lines.count, height: entryRows(doc, ctx))
    }

    public mutating func activate(_ ctx: inout ScreenContext) -> Effect { field.focused = true; return .none }
    public var fieldClosesForHelp: Bool { true }

    /// Puts the cursor on an entry, clearing the filter if it hides it.
    public mutating func select(_ id: String, _ ctx: ScreenContext) {
        if !matches(ctx).contains(where: { $0.id == id }) { field.text = "" }
        selectedID = id
        field.focused = false
        entry = DocumentViewport()
        list.top = 0
        fitList(ctx)
        list.show(list.index, count: matches(ctx).count, height: panes(ctx).list.height)
        fitList(ctx)
    }

    /// The chosen entry laid out for the detail pane: the term, the definition, then the "See" links
    /// that answer the next question (what it costs, what to use instead), related terms and the pages
    /// that use it. The definition comes first at every size (issue 23, fifth retest: at 40x12 "See"
    /// came first and pushed the definition out of sight); the line under a short pane names the links below.
    func detail(_ ctx: ScreenContext) -> Document {
        let p = panes(ctx).detail
        guard let id = selectedID, let e = ctx.guide.glossaryEntry(id) else { return Document() }
        var b = DocumentBuilder(width: max(1, p.width), glyphs: ctx.glyphs)
        let g = ctx.glyphs
        b.wrap([StyledRun(g.text(e.term), .init(role: .title))] + PageLayout.mark(e.origin))
        func numbered(_ label: String, shown: String? = nil, _ target: LinkTarget, into b: inout DocumentBuilder) {
            let (link, lead) = b.menuLink(target, label: label, tab: Keymap.key(.nextLink, in: .glossary))
            b.wrap([StyledRun(g.text(shown ?? label), .init(role: .link, link: link))], first: [lead], rest: [Span("    ")])
        }
        // A page's link on one line that keeps the end of its breadcrumb, the part that says where it
        // goes ("… › 3.4 Transformers › Limitations"): wrapped at 40 columns its second line fell below the pane.
        func page(_ id: String, into b: inout DocumentBuilder) {
            let crumb = ctx.guide.breadcrumb(id).map { g.text($0) }
            let sep = " \(g.sep) "
            numbered(crumb.joined(separator: sep), shown: TextWrap.tail(crumb, separator: sep, width: p.width - 4, ellipsis: g.ellipsis), .page(id), into: &b)
        }
        // What answers the next question (what it costs, what to use instead): the entry's `see`.
        // A team's notes point to pages too; they join the entry's own, once each.
        var see: [String] = []
        for id in e.see + e.notes.flatMap(\.see) { if let p = ctx.guide.pageID(showing: id), !see.contains(p) { see.append(p) } }
        if !e.aliases.isEmpty { b.wrap([StyledRun(g.text("also: " + e.aliases.joined(separator: ", ")), .init(role: .dim))]) }
        b.blank()
        b.doc.places[Self.definition] = b.doc.lines.count
        b.wrap(b.runs(e.definition, resolve: { ctx.guide.resolves($0) }))
        if let line = SourcesNote.line(e.evidence, scope: .glossary) { b.wrap([StyledRun(g.text(line), .init(role: .dim))]) }
        // What a team added (`extends:`), after the guide's words and marked as its own.
        for note in e.notes {
            b.blank()
            b.wrap(b.runs(note.text, resolve: { ctx.guide.resolves($0) }) + PageLayout.mark(note.origin))
        }
        if !see.isEmpty {
            b.blank(); b.line([Span("See", .heading)])
            for p in see { page(p, into: &b) }
        }
        let related = e.related.compactMap { ctx.guide.glossaryEntry($0) }
        if !related.isEmpty {
            b.blank(); b.line([Span("Related", .heading)])
            for r in related { numbered(r.term, .glossary(r.id), into: &b) }
        }
        let pages = e.usedIn.compactMap { ctx.guide.pageID(showing: $0) }
        if !pages.isEmpty {
            b.blank(); b.line([Span("Used in", .heading)])
            for p in pages { page(p, into: &b) }
        }
        return b.doc
    }

    public mutating func handle(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        if field.edit(action) {
            list = SelectList(); selectedID = nil; entry = DocumentViewport()
            fit(&ctx)
            return .none
        }
        // Up in the field `/` emptied: the old filter back (the term chosen stays chosen).
        if field.focused && action == .lineUp && field.recall() { fit(&ctx); return .none }
        let all = matches(ctx)
        let doc = detail(ctx)
        // Outside the field, paging reads on in a long entry (a narrow screen shows only a few lines).
        if !field.focused, action == .pageDown || action == .pageUp, doc.lines.count > panes(ctx).detail.height {
            _ = entry.scroll(action, lines: doc.lines.count, height: entryRows(doc, ctx))
            return .none
        }
        if list.move(action, count: all.count, height: panes(ctx).list.height) {
            selectedID = all.indices.contains(list.index) ? all[list.index].id : nil
            entry = DocumentViewport()
            return .none
        }
        switch action {
        case .cancel:
            if field.focused { field.focused = false; return .none }
            if entry.focus != nil { entry.focus = nil; return .none }
            return .unhandled
        case .switchFocus:
            field.focused = false
            return .none
        case .focusField:
            // A new filter starts empty, as less's `/` does (the term chosen stays chosen); Up recalls the old.
            if !field.focused { field.reopen(); fit(&ctx) }
            return .none
        case .open where field.focused:
            field.focused = false
            return all.isEmpty ? .message("No term matches \"\(field.text)\"; \(Keymap.key(.deleteBackward, in: .field)) and try fewer letters") : .none
        case .open:
            guard let f = entry.focus, doc.links.indices.contains(f) else {
                return .message(doc.links.isEmpty ? "This entry links nowhere" : "\(Keymap.key(.nextLink, in: .glossary)) picks a link, \(Keymap.key(.open, in: .glossary)) follows it")
            }
            return follow(doc.links[f].target, ctx)
        case .nextLink, .previousLink:
            guard entry.cycle(.entry, targets: Array(doc.links.indices), at: doc.links.map(\.line), count: doc.lines.count,
                              height: entryRows(doc, ctx), forward: action == .nextLink) else {
                return .message("This entry has no links")
            }
            fit(&ctx)
            return .none
        case .sources:
            guard let id = selectedID, let e = ctx.guide.glossaryEntry(id) else { return .unhandled }
            let note = SourcesNote(title: e.term, evidence: [e.evidence])
            return note.isEmpty ? .message("\(e.term) cites no sources and has no review date") : .showSources(note)
        case .pick(let k):
            guard doc.menu.indices.contains(k - 1) else { return .unhandled }
            entry.focus = doc.menu[k - 1]
            return follow(doc.links[doc.menu[k - 1]].target, ctx)
        default:
            return .unhandled
        }
    }

    mutating func follow(_ target: LinkTarget, _ ctx: ScreenContext) -> Effect {
        switch target {
        case .glossary(let id):
            select(id, ctx); return .none
        case .glossaryTerm(let t):
            if let e = ctx.guide.glossaryEntry(forTerm: t) { select(e.id, ctx) }
            return .none
        default:
            return .follow(target)
        }
    }

    public func render(_ ctx: ScreenContext, into buf: inout Buffer) {
        let p = panes(ctx)
        let g = ctx.glyphs
        field.render(label: "Filter: ", at: p.field.x, y: p.field.y, width: p.field.width, into: &buf, glyphs: g, focusing: .glossary)
        let all = matches(ctx)
        var count = field.text.isEmpty ? "\(all.count) terms" : "\(all.count) of \(ctx.guide.glossary.count) terms"
        // The legend of the marks in the list, in fewer words where the whole one would be cut (40 columns).
        if ctx.guide.glossary.contains(where: \.inSourceGlossary) {
            count += TextWrap.longestFitting(["  \(g.bullet) = in the guide's own glossary", "  \(g.bullet) = guide's glossary", ""], width: p.field.width - DisplayWidth.of(count))
        }
        if p.list.y > p.field.y + 1 { buf.put(TextWrap.truncate(count, width: p.field.width, ellipsis: g.ellipsis), x: p.field.x, y: p.field.y + 1, role: .dim) }
        list.draw(count: all.count, in: p.list, into: &buf) { i, r, buf in
            let mark = all[i].inSourceGlossary ? g.bullet : " "
            let x = buf.put(mark + " ", x: r.x, y: r.y, role: .accent)
            buf.put(TextWrap.truncate(g.text(all[i].term), width: r.maxX - x - 1, ellipsis: g.ellipsis), x: x, y: r.y, role: .text)
        }
        if all.isEmpty {
            // What to do first; never cut ("No match; Backspace" read as cut off, sixth retest).
            let bs = Keymap.key(.deleteBackward, in: .field)
            let words = TextWrap.longestFitting(["No term matches; \(bs) removes a letter", "No match; \(bs) removes a letter", "No match; try \(bs)", "No match"], width: p.list.width)
            buf.put(words, x: p.list.x, y: p.list.y, role: .dim, limit: p.list.maxX)
        }
        if let d = p.divider { buf.divider(d, glyphs: g) }
        let doc = detail(ctx)
        let rows = entryRows(doc, ctx)
        entry.draw(doc, in: Rect(x: p.detail.x, y: p.detail.y, width: p.detail.width, height: rows), into: &buf, .init(link: entry.focus))
        // A short pane (40x12): a line of its own says what is below (the definition, or the numbered
        // links a digit opens), and which key reads on (the retest found it only by paging blindly).
        if doc.lines.count > entry.top + rows {
            let keys = (field.focused ? Keymap.key(.switchFocus, in: .field) + ", " : "") + Keymap.key(.pageDown, in: .glossary)
            let hidden = doc.menu.indices.filter { doc.links[doc.menu[$0]].line >= entry.top + rows }
            let below = (doc.places[Self.definition] ?? 0) >= entry.top + rows ? "definition"
                : hidden.first.map { Self.linksBelow(from: $0, of: doc.menu.count) } ?? "more"
            let more = "\(g.ascii ? "v" : "\u{2193}") \(below) (\(keys))"
            buf.put(TextWrap.truncate(more, width: p.detail.width, ellipsis: g.ellipsis), x: p.detail.x, y: p.detail.maxY - 1, role: .accent, limit: p.detail.maxX)
        }
    }

    /// The links below, by the numbers a digit opens ("links 4-9", "link 9"); past the ninth, unnumbered.
    static func linksBelow(from first: Int, of count: Int) -> String {
        let last = min(count, DocumentBuilder.digitLinks)
        guard first < last else { return "more links" }
        let more = count > last ? " and more" : ""
        return first + 1 < last ? "links \(first + 1)-\(last)\(more)" : "link \(first + 1)\(more)"
    }

    /// The entry's rows: all of the pane, or all but the last when the entry is longer, which says so.
    func entryRows(_ doc: Document, _ ctx: ScreenContext) -> Int {
        let h = panes(ctx).detail.height
        return doc.lines.count > h ? max(1, h - 1) : h
    }

    /// The line the definition starts on (`Document.places`).
    static let definition = "definition"

    public func status(_ ctx: ScreenContext) -> (String, String) {
        let all = matches(ctx)
        let term = selectedID.flatMap { ctx.guide.glossaryEntry($0)?.term } ?? ""
        return ("Glossary" + (term.isEmpty ? "" : " \(ctx.glyphs.sep) " + term), list.cursor.position(count: all.count))
    }

    public mutating func click(x: Int, y: Int, _ ctx: inout ScreenContext) -> Effect {
        let p = panes(ctx)
        if p.field.contains(x: x, y: y) { field.focused = true; return .none }
        if p.list.contains(x: x, y: y) {
            let all = matches(ctx)
            guard let i = list.line(atY: y, in: p.list, count: all.count) else { return .none }
            list.index = i; selectedID = all[i].id; entry = DocumentViewport()
            field.focused = false
            return .none
        }
        if p.detail.contains(x: x, y: y) {
            let doc = detail(ctx)
            if let l = entry.hit(doc, x: x, y: y, in: p.detail)?.link { entry.focus = l; return follow(doc.links[l].target, ctx) }
        }
        return .none
    }

    public func violations(_ ctx: ScreenContext) -> [String] {
        var out = list.violations(count: matches(ctx).count, height: panes(ctx).list.height, name: "glossary list")
        let doc = detail(ctx)
        if let f = entry.focus, !doc.links.indices.contains(f) { out.append("focus \(f) outside \(doc.links.count) links") }
        if entry.top < 0 { out.append("entry top \(entry.top) < 0") }
        return out
    }
}
