import NNGuideCore

/// Reading a page: wrapped prose, tables, figures; links to follow; find in page.
public struct ReaderView: FindsOnPage {
    /// The reading unit on screen (a top-level page or a section).
    public var unit = ""
    /// The top line, the columns a wide table is scrolled sideways, the link Tab moved to.
    public var scroll = DocumentViewport()
    public var find = Find()

    public var top: Int {
        get { scroll.top }
        set { scroll.top = newValue }
    }
    /// The block the top line came from and the characters of it above the top line: the same
    /// place after a resize (lines move, these do not).
    var topOrigin = 0
    var topChars = 0

    public init() {}

    public var scopes: [Scope] { [.reader] }
    /// `n` is offered once a find marks the page (a search hit opened, or `/`), as less does after a
    /// search (`]` keeps "next": 40 columns keep it).
    public var idleActions: Set<Action> { find.isEmpty ? [.findNext] : [] }
    public static let bindings: [Binding] = [
        Binding([.tab], .nextLink, .reader, "next link", hint: "link"),
        Binding([.backTab], .previousLink, .reader, "previous link"),
        Binding([.enter], .open, .reader, "follow the link (a glossary term opens in place)", hint: "follow"),
        Binding([.char("]")], .nextSection, .reader, "next section in reading order", hint: "next"),
        Binding([.char("[")], .previousSection, .reader, "previous section"),
        Binding([.char("/")], .find, .reader, "find in this page", hint: "find"),
        Binding([.char("n")], .findNext, .reader, "next match", hint: "next match"),
        Binding([.char("N")], .findPrevious, .reader, "previous match"),
        Binding([.left, .char("h")], .scrollLeft, .reader, "scroll a wide table left"),
        Binding([.right, .char("l")], .scrollRight, .reader, "scroll a wide table right"),
        Binding([.char("S")], .sources, .reader, "sources and review dates of the section at the top: titles, years, URLs"),
    ]

    /// Text column: a margin on wide screens, and lines no longer than is comfortable to read.
    static func textRect(_ r: Rect) -> Rect {
        let margin = r.width >= 60 ? 2 : 0
        return Rect(x: r.x + margin, y: r.y, width: min(r.width - margin * 2, 100), height: r.height)
    }

    func document(_ ctx: ScreenContext) -> Document {
        ctx.library.document(unit, width: Self.textRect(ctx.rect).width, glyphs: ctx.glyphs)
    }

    func maxTop(_ doc: Document, _ ctx: ScreenContext) -> Int { DocumentViewport.maxTop(lines: doc.lines.count, height: ctx.rect.height) }

    // MARK: position

    /// The section whose heading is at or above the top line, and how far below it the screen
    /// starts: in blocks and characters (any width), and in lines (for older readers of the file).
    public func position(_ ctx: ScreenContext) -> Position {
        let doc = document(ctx)
        let anchor = doc.anchors.last { $0.line <= top } ?? (unit, 0)
        guard doc.lines.indices.contains(anchor.line) else { return Position(page: anchor.id, offset: top - anchor.line) }
        return Position(page: anchor.id, offset: top - anchor.line,
                        block: topOrigin - doc.lines[anchor.line].origin, char: topChars)
    }

    public mutating func open(_ p: Position, _ ctx: ScreenContext) {
        guard let u = Reading.unit(for: p.page, in: ctx.guide) else { return }
        if u != unit { clearFind(); scroll = DocumentViewport() }
        unit = u
        let doc = document(ctx)
        let heading = doc.line(ofAnchor: p.page) ?? 0
        if let block = p.block, doc.lines.indices.contains(heading) {
            top = doc.line(origin: doc.lines[heading].origin + block, chars: p.char ?? 0)
            // Remember the exact place even when the screen is too tall to scroll to it.
            topOrigin = doc.lines[heading].origin + block
            topChars = p.char ?? 0
            clamp(doc, ctx, keepOrigin: true)
        } else {
            top = heading + p.offset
            clamp(doc, ctx)
        }
    }

    /// Puts a table, a figure or a block ("page#3") at the top of the screen.
    public mutating func scroll(toPlace key: String, _ ctx: ScreenContext) {
        let doc = document(ctx)
        if let line = doc.places[key] { top = line; clamp(doc, ctx) }
    }

    mutating func clamp(_ doc: Document, _ ctx: ScreenContext, keepOrigin: Bool = false) {
        scroll.clamp(lines: doc.lines.count, height: ctx.rect.height)
        if !keepOrigin { (topOrigin, topChars) = doc.blockOffset(ofLine: top) }
        scroll.clampLeft(width: doc.wideWidth, room: Self.textRect(ctx.rect).width)
        if let f = scroll.focus, f >= doc.links.count { scroll.focus = nil }
        if let m = find.current, m >= find.matches.count { find.current = nil }
    }

    public mutating func fit(_ ctx: inout ScreenContext) {
        guard !unit.isEmpty else { return }
        let doc = document(ctx)
        // After a resize the same block stays on top, whatever its new line number. The block is
        // remembered even when a tall screen pins the page at its top, so shrinking back returns.
        top = doc.line(origin: topOrigin, chars: topChars)
        find.refresh(in: doc)
        clamp(doc, ctx, keepOrigin: true)
    }

    /// The sections of the unit read on this screen: those whose last line is showing (so their
    /// end was reached, or the whole of them fits). A section's subsections are sections of their own.
    public func readOnScreen(_ ctx: ScreenContext) -> [String] {
        let doc = document(ctx)
        let anchors = doc.anchors
        let bottom = top + ctx.rect.height
        var out: [String] = []
        for (k, a) in anchors.enumerated() {
            let end = (k + 1 < anchors.count ? anchors[k + 1].line : doc.lines.count) - 1
            if end >= top && end < bottom { out.append(a.id) }
        }
        return out
    }

    // MARK: actions

    public mutating func handle(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        let doc = document(ctx)
        let h = ctx.rect.height
        defer { clamp(doc, ctx) }
        // Space at the end of a page reads on into the next one, as less goes on to the next file.
        if action == .pageDown && top >= maxTop(doc, ctx) {
            if let next = Reading.nextUnit(after: unit, in: ctx.guide) { return .openPage(next, find: nil) }
            return .message("End of the guide")
        }
        if scroll.scroll(action, lines: doc.lines.count, height: h) { return .none }
        switch action {
        case .scrollLeft, .scrollRight:
            guard doc.wideWidth > Self.textRect(ctx.rect).width else { return .message("Nothing here is wider than the screen") }
            scroll.left += action == .scrollRight ? 8 : -8
        case .nextLink, .previousLink:
            return moveFocus(forward: action == .nextLink, doc, ctx)
        case .open:
            guard let f = scroll.focus, doc.links.indices.contains(f) else {
                return .message(doc.links.isEmpty ? "No links on this page" : "\(Keymap.key(.nextLink, in: .reader)) picks a link, \(Keymap.key(.open, in: .reader)) follows it")
            }
            guard scroll.shows(doc.links[f].line, height: h) else { return .message("The chosen link is off screen; \(Keymap.key(.nextLink, in: .reader)) picks one on screen") }
            return .follow(doc.links[f].target)
        case .pick(let n):
            guard !doc.menu.isEmpty else { return .unhandled }
            guard n <= doc.menu.count else { return .message("This page has \(doc.menu.count) choices") }
            return .follow(doc.links[doc.menu[n - 1]].target)
        case .sources: return sources(doc, ctx)
        case .nextSection: return nextSection(doc, ctx)
        case .previousSection: return previousSection(doc, ctx)
        case .find, .findNext, .findPrevious:
            return findKey(action, ctx) ?? .none
        case .cancel:
            if scroll.focus != nil || !find.isEmpty { scroll.focus = nil; clearFind(); return .none }
            return .unhandled
        default: return .unhandled
        }
        return .none
    }

    /// The sources and review dates of the section whose heading is at or above the top line: its
    /// own and its blocks'.
    func sources(_ doc: Document, _ ctx: ScreenContext) -> Effect {
        let id = doc.anchors.last { $0.line <= top }?.id ?? unit
        guard let page = ctx.guide.page(id)?.page else { return .unhandled }
        let note = SourcesNote(title: page.title, evidence: [page.evidence] + page.blocks.indices.map { page.evidence(ofBlock: $0) })
        guard !note.isEmpty else { return .message("\(page.breadcrumbTitle) cites no sources and has no review date") }
        return .showSources(note)
    }

    mutating func moveFocus(forward: Bool, _ doc: Document, _ ctx: ScreenContext) -> Effect {
        let ok = scroll.cycle(.page, targets: Array(doc.links.indices), at: doc.links.map(\.line), count: doc.lines.count,
                              height: ctx.rect.height, forward: forward)
        return ok ? .none : .message("No links on this page")
    }

    mutating func nextSection(_ doc: Document, _ ctx: ScreenContext) -> Effect {
        if let a = doc.anchors.first(where: { $0.line > top }), a.line <= maxTop(doc, ctx) || a.id != unit {
            if a.line > maxTop(doc, ctx) {
                // The heading is on the last screen already: go on to the next unit instead of stalling.
                if let next = Reading.nextUnit(after: unit, in: ctx.guide) { return .openPage(next, find: nil) }
            }
            top = a.line
            return .none
        }
        if let next = Reading.nextUnit(after: unit, in: ctx.guide) { return .openPage(next, find: nil) }
        return .message("This is the last section of the guide")
    }

    mutating func previousSection(_ doc: Document, _ ctx: ScreenContext) -> Effect {
        if let a = doc.anchors.last(where: { $0.line < top }) { top = a.line; return .none }
        if let prev = Reading.previousUnit(before: unit, in: ctx.guide) { return .openPage(prev, find: nil) }
        return .message("This is the first page of the guide")
    }

    // MARK: find (`FindsOnPage`)

    public static var findScope: Scope { .reader }
    public static var saysWrapped: Bool { true }
    public func findPage(_ ctx: ScreenContext) -> Document { document(ctx) }
    /// Every move of the top line, a find's included, also remembers the block on top.
    public mutating func fitFind(_ doc: Document, _ ctx: ScreenContext) { clamp(doc, ctx) }

    // MARK: drawing

    public func render(_ ctx: ScreenContext, into buf: inout Buffer) {
        let doc = document(ctx)
        let area = Self.textRect(ctx.rect)
        scroll.draw(doc, in: area, into: &buf, .init(link: scroll.focus, finds: find.matches, current: find.current))
        if doc.lines.isEmpty { buf.put("This page is empty.", x: area.x, y: area.y, role: .dim) }
    }

    /// The screen row of the focused link, for placing the popover next to it.
    func focusedRow(_ ctx: ScreenContext) -> Int? {
        let doc = document(ctx)
        guard let f = scroll.focus, doc.links.indices.contains(f), scroll.shows(doc.links[f].line, height: ctx.rect.height) else { return nil }
        return ctx.rect.y + doc.links[f].line - top
    }

    public func status(_ ctx: ScreenContext) -> (String, String) {
        let doc = document(ctx)
        let crumb = ctx.guide.breadcrumb(position(ctx).page).joined(separator: " \(ctx.glyphs.sep) ")
        let pos = scroll.position(lines: doc.lines.count, height: ctx.rect.height)
        let wide = doc.wideWidth > Self.textRect(ctx.rect).width ? " \(ctx.glyphs.bullet) \(Keymap.key(.scrollLeft, in: .reader, preferring: .char("h")))/\(Keymap.key(.scrollRight, in: .reader, preferring: .char("l"))) sideways" : ""
        return (crumb, pos + wide)
    }

    public mutating func click(x: Int, y: Int, _ ctx: inout ScreenContext) -> Effect {
        let doc = document(ctx)
        guard let hit = scroll.hit(doc, x: x, y: y, in: Self.textRect(ctx.rect)) else { return .unhandled }
        guard let l = hit.link else { return .none }
        scroll.focus = l
        return .follow(doc.links[l].target)
    }

    public func violations(_ ctx: ScreenContext) -> [String] {
        guard !unit.isEmpty else { return [] }
        var out: [String] = []
        let doc = document(ctx)
        if ctx.guide.page(unit) == nil { out.append("unknown unit \(unit)") }
        out += scroll.violations(lines: doc.lines.count, height: ctx.rect.height, name: "reader")
        if let f = scroll.focus, !doc.links.indices.contains(f) { out.append("focus \(f) outside \(doc.links.count) links") }
        if let m = find.current, !find.matches.indices.contains(m) { out.append("match \(m) outside \(find.matches.count)") }
        return out
    }
}
