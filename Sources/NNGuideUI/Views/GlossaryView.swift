import NNGuideCore

/// Every term: a filter you type into, the list of matches, and the chosen entry beside it with
/// its related terms and the pages that use it.
public struct GlossaryView: AppView {
    public var field = TextField()
    public var typingActive = true
    public var cursor = ListCursor()
    /// The focused link of the entry (definition links, then related terms, then "used in" pages).
    public var focus: Int?
    public var detailTop = 0
    public init() {}

    public var scopes: [Scope] { [.glossary] }
    public var typing: Bool { typingActive }

    func matches(_ ctx: ViewContext) -> [GlossaryEntry] { ctx.library.filterGlossary(field.text) }

    public var selectedID: String?

    /// List and entry side by side on a wide screen, stacked on a narrow one.
    func panes(_ r: Rect) -> (field: Rect, list: Rect, detail: Rect, divider: Rect?) {
        let body = Rect(x: r.x, y: r.y + 2, width: r.width, height: r.height - 2)
        if r.width >= 64 {
            let lw = min(30, r.width / 3)
            let (list, rest) = body.splitLeft(lw, gap: 0)
            let divider = Rect(x: rest.x, y: body.y, width: 1, height: body.height)
            return (r.row(0), list, Rect(x: rest.x + 2, y: body.y, width: rest.width - 2, height: body.height), divider)
        }
        let lh = max(1, min(body.height / 2 - 1, 8))
        let (list, rest) = body.splitTop(lh, gap: 0)
        return (r.row(0), list, Rect(x: r.x, y: rest.y + 1, width: r.width, height: rest.height - 1), Rect(x: r.x, y: rest.y, width: r.width, height: 1))
    }

    public mutating func fit(_ ctx: ViewContext) {
        let all = matches(ctx)
        if let id = selectedID, let i = all.firstIndex(where: { $0.id == id }) { cursor.index = i }
        cursor.fit(count: all.count, height: panes(ctx.rect).list.height)
        selectedID = all.indices.contains(cursor.index) ? all[cursor.index].id : nil
        let doc = detail(ctx)
        if let f = focus, f >= doc.links.count { focus = nil }
        detailTop = min(max(0, detailTop), max(0, doc.lines.count - panes(ctx.rect).detail.height))
    }

    public mutating func activate(_ ctx: ViewContext) { typingActive = true }

    /// Puts the cursor on an entry, clearing the filter if it hides it.
    public mutating func select(_ id: String, _ ctx: ViewContext) {
        if !matches(ctx).contains(where: { $0.id == id }) { field.text = "" }
        selectedID = id
        typingActive = false
        focus = nil; detailTop = 0
        cursor.top = 0
        fit(ctx)
        cursor.top = max(0, cursor.index - panes(ctx.rect).list.height / 3)
        fit(ctx)
    }

    /// The chosen entry laid out for the detail pane.
    func detail(_ ctx: ViewContext) -> Document {
        let p = panes(ctx.rect).detail
        guard let id = selectedID, let e = ctx.guide.glossaryEntry(id) else { return Document() }
        var b = DocumentBuilder(width: max(1, p.width), glyphs: ctx.glyphs)
        let g = ctx.glyphs
        b.wrap([StyledRun(g.text(e.term), .init(role: .title))] + PageLayout.mark(e.origin))
        if !e.aliases.isEmpty { b.wrap([StyledRun(g.text("also: " + e.aliases.joined(separator: ", ")), .init(role: .dim))]) }
        b.blank()
        b.wrap(b.runs(e.definition, resolve: { ctx.guide.resolves($0) }))
        if let line = SourcesNote.line(e.evidence, scope: .glossary) { b.wrap([StyledRun(g.text(line), .init(role: .dim))]) }
        var n = 0
        func numbered(_ label: String, _ target: LinkTarget, into b: inout DocumentBuilder) {
            n += 1
            b.doc.links.append(DocLink(target: target, label: label, line: -1))
            let link = b.doc.links.count - 1
            b.doc.menu.append(link)
            let lead = String(n).count == 1 ? " \(n)  " : "\(n)  "
            b.wrap([StyledRun(g.text(label), .init(role: .link, link: link))], first: [Span(lead, .accent)], rest: [Span("    ")])
        }
        // What answers the next question (what it costs, what to use instead): the entry's `see`.
        let see = e.see.compactMap { ctx.guide.pageID(showing: $0) }
        if !see.isEmpty {
            b.blank(); b.line([Span("See", .heading)])
            for p in see { numbered(ctx.guide.breadcrumb(p).joined(separator: " \(g.sep) "), .page(p), into: &b) }
        }
        let related = e.related.compactMap { ctx.guide.glossaryEntry($0) }
        if !related.isEmpty {
            b.blank(); b.line([Span("Related", .heading)])
            for r in related { numbered(r.term, .glossary(r.id), into: &b) }
        }
        let pages = e.usedIn.compactMap { ctx.guide.pageID(showing: $0) }
        if !pages.isEmpty {
            b.blank(); b.line([Span("Used in", .heading)])
            for p in pages {
                numbered(ctx.guide.breadcrumb(p).joined(separator: " \(g.sep) "), .page(p), into: &b)
            }
        }
        return b.doc
    }

    public mutating func handle(_ action: Action, _ ctx: ViewContext) -> Effect {
        if field.edit(action) {
            cursor = ListCursor(); selectedID = nil; focus = nil; detailTop = 0
            fit(ctx)
            return .none
        }
        let all = matches(ctx)
        let doc = detail(ctx)
        // Outside the field, paging reads on in a long entry (a narrow screen shows only a few lines).
        if !typingActive, action == .pageDown || action == .pageUp {
            var scroll = ScrollDocument(); scroll.top = detailTop
            let h = panes(ctx.rect).detail.height
            if doc.lines.count > h {
                _ = scroll.scroll(action, lines: doc.lines.count, height: h)
                detailTop = scroll.top
                return .none
            }
        }
        if cursor.move(action, count: all.count, height: panes(ctx.rect).list.height) {
            selectedID = all.indices.contains(cursor.index) ? all[cursor.index].id : nil
            focus = nil; detailTop = 0
            return .none
        }
        switch action {
        case .cancel:
            if typingActive { typingActive = false; return .none }
            if focus != nil { focus = nil; return .none }
            return .unhandled
        case .switchFocus:
            typingActive = false
            return .none
        case .focusField:
            typingActive = true
            return .none
        case .open where typingActive:
            typingActive = false
            return all.isEmpty ? .message("No term matches \"\(field.text)\"; Backspace and try fewer letters") : .none
        case .open:
            guard let f = focus, doc.links.indices.contains(f) else {
                return .message(doc.links.isEmpty ? "This entry links nowhere" : "Tab moves to a related term or page; Enter follows it")
            }
            return follow(doc.links[f].target, ctx)
        case .nextLink, .previousLink:
            let lines = doc.links.map(\.line)
            let h = panes(ctx.rect).detail.height
            guard let next = LinkFocus.entry.next(from: focus, lines: lines, top: detailTop, height: h, forward: action == .nextLink) else {
                return .message("This entry has no links")
            }
            focus = next
            detailTop = LinkFocus.entry.top(showing: lines[next], from: detailTop, height: h, count: doc.lines.count)
            fit(ctx)
            return .none
        case .sources:
            guard let id = selectedID, let e = ctx.guide.glossaryEntry(id) else { return .unhandled }
            let note = SourcesNote(title: e.term, evidence: [e.evidence])
            return note.isEmpty ? .message("\(e.term) cites no sources and has no review date") : .showSources(note)
        case .pick(let k):
            guard doc.menu.indices.contains(k - 1) else { return .unhandled }
            focus = doc.menu[k - 1]
            return follow(doc.links[doc.menu[k - 1]].target, ctx)
        default:
            return .unhandled
        }
    }

    mutating func follow(_ target: LinkTarget, _ ctx: ViewContext) -> Effect {
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

    public func render(_ ctx: ViewContext, into buf: inout Buffer) {
        let p = panes(ctx.rect)
        let g = ctx.glyphs
        field.render(label: "Filter: ", focused: typingActive, at: p.field.x, y: p.field.y, width: p.field.width, into: &buf, glyphs: g)
        let all = matches(ctx)
        var count = field.text.isEmpty ? "\(all.count) terms" : "\(all.count) of \(ctx.guide.glossary.count) terms"
        // The legend of the marks in the list.
        if ctx.guide.glossary.contains(where: \.inSourceGlossary) { count += "  \(g.bullet) = in the guide's own glossary" }
        buf.put(TextWrap.truncate(count, width: p.field.width, ellipsis: g.ellipsis), x: p.field.x, y: p.field.y + 1, role: .dim)
        for row in 0..<p.list.height {
            let i = cursor.top + row
            guard i < all.count else { break }
            let y = p.list.y + row
            let selected = i == cursor.index
            if selected { buf.fill(Rect(x: p.list.x, y: y, width: p.list.width, height: 1), role: .selection) }
            let mark = all[i].inSourceGlossary ? g.bullet : " "
            let x = buf.put(mark + " ", x: p.list.x, y: y, role: selected ? .selection : .accent)
            buf.put(TextWrap.truncate(g.text(all[i].term), width: p.list.maxX - x - 1, ellipsis: g.ellipsis), x: x, y: y, role: selected ? .selection : .text)
        }
        if all.isEmpty {
            buf.put(TextWrap.truncate("No match; Backspace", width: p.list.width, ellipsis: g.ellipsis), x: p.list.x, y: p.list.y, role: .dim)
        }
        if let d = p.divider {
            if d.height == 1 { buf.put(String(repeating: g.h, count: d.width), x: d.x, y: d.y, role: .border) }
            else { for y in d.y..<d.maxY { buf.put(g.v, x: d.x, y: y, role: .border) } }
        }
        let doc = detail(ctx)
        for row in 0..<p.detail.height {
            let i = detailTop + row
            guard doc.lines.indices.contains(i) else { break }
            var x = p.detail.x
            for s in doc.lines[i].spans {
                x = buf.put(s.text, x: x, y: p.detail.y + row, role: s.link != nil && s.link == focus ? .linkFocus : s.role, limit: p.detail.maxX)
            }
        }
    }

    public func status(_ ctx: ViewContext) -> (String, String) {
        let all = matches(ctx)
        let term = selectedID.flatMap { ctx.guide.glossaryEntry($0)?.term } ?? ""
        return ("Glossary" + (term.isEmpty ? "" : " \(ctx.glyphs.sep) " + term), all.isEmpty ? "" : "\(cursor.index + 1)/\(all.count)")
    }

    public mutating func click(x: Int, y: Int, _ ctx: ViewContext) -> Effect {
        let p = panes(ctx.rect)
        if p.field.contains(x: x, y: y) { typingActive = true; return .none }
        if p.list.contains(x: x, y: y) {
            let all = matches(ctx)
            let i = cursor.top + y - p.list.y
            guard all.indices.contains(i) else { return .none }
            cursor.index = i; selectedID = all[i].id; focus = nil; detailTop = 0
            typingActive = false
            return .none
        }
        if p.detail.contains(x: x, y: y) {
            let doc = detail(ctx)
            let i = detailTop + y - p.detail.y
            guard doc.lines.indices.contains(i) else { return .none }
            var col = p.detail.x
            for s in doc.lines[i].spans {
                let w = DisplayWidth.of(s.text)
                if x >= col && x < col + w, let l = s.link { focus = l; return follow(doc.links[l].target, ctx) }
                col += w
            }
        }
        return .none
    }

    public func violations(_ ctx: ViewContext) -> [String] {
        var out = cursor.violations(count: matches(ctx).count, height: panes(ctx.rect).list.height, name: "glossary list")
        let doc = detail(ctx)
        if let f = focus, !doc.links.indices.contains(f) { out.append("focus \(f) outside \(doc.links.count) links") }
        if detailTop < 0 { out.append("detail top \(detailTop) < 0") }
        return out
    }
}
