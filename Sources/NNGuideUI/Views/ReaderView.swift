import NNGuideCore

/// A match of the find words: the line and the character offsets in it.
public struct FindMatch: Sendable, Equatable {
    public var line: Int
    public var start: Int
    public var length: Int
}

/// Reading a page: wrapped prose, tables, figures; links to follow; find in page.
public struct ReaderView: AppView {
    /// The reading unit on screen (a top-level page or a section).
    public var unit = ""
    public var top = 0
    /// Columns scrolled sideways, for tables wider than the screen.
    public var left = 0
    /// The link Tab moved to, by index into the document's links.
    public var focus: Int?
    public var findText = ""
    public var matches: [FindMatch] = []
    public var currentMatch: Int?
    /// The find words came from a search: each is marked on its own.
    public var findWords = false

    var needles: [String] {
        guard !findText.isEmpty else { return [] }
        return findWords ? Tokenizer.words(findText) : [findText]
    }
    /// The block the top line came from and the characters of it above the top line: the same
    /// place after a resize (lines move, these do not).
    var topOrigin = 0
    var topChars = 0

    public init() {}

    public var scopes: [Scope] { [.reader] }

    /// Text column: a margin on wide screens, and lines no longer than is comfortable to read.
    static func textRect(_ r: Rect) -> Rect {
        let margin = r.width >= 60 ? 2 : 0
        return Rect(x: r.x + margin, y: r.y, width: min(r.width - margin * 2, 100), height: r.height)
    }

    func document(_ ctx: ViewContext) -> Document {
        ctx.library.document(unit, width: Self.textRect(ctx.rect).width, glyphs: ctx.glyphs)
    }

    func maxTop(_ doc: Document, _ ctx: ViewContext) -> Int { max(0, doc.lines.count - ctx.rect.height) }

    // MARK: position

    /// The section whose heading is at or above the top line, and how far below it the screen
    /// starts: in blocks and characters (any width), and in lines (for older readers of the file).
    public func position(_ ctx: ViewContext) -> Position {
        let doc = document(ctx)
        let anchor = doc.anchors.last { $0.line <= top } ?? (unit, 0)
        guard doc.lines.indices.contains(anchor.line) else { return Position(page: anchor.id, offset: top - anchor.line) }
        return Position(page: anchor.id, offset: top - anchor.line,
                        block: topOrigin - doc.lines[anchor.line].origin, char: topChars)
    }

    public mutating func open(_ p: Position, _ ctx: ViewContext) {
        guard let u = Reading.unit(for: p.page, in: ctx.guide) else { return }
        if u != unit { clearFind(); focus = nil; left = 0 }
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

    /// Scrolls so `line` is the top line (as far as the page allows).
    public mutating func scroll(to line: Int, _ ctx: ViewContext) {
        top = line
        clamp(document(ctx), ctx)
    }

    /// Puts a table, a figure or a block ("page#3") at the top of the screen.
    public mutating func scroll(toPlace key: String, _ ctx: ViewContext) {
        let doc = document(ctx)
        if let line = doc.places[key] { top = line; clamp(doc, ctx) }
    }

    mutating func clamp(_ doc: Document, _ ctx: ViewContext, keepOrigin: Bool = false) {
        top = min(max(0, top), maxTop(doc, ctx))
        if !keepOrigin { (topOrigin, topChars) = doc.blockOffset(ofLine: top) }
        let room = max(0, doc.wideWidth - Self.textRect(ctx.rect).width)
        left = min(max(0, left), room)
        if let f = focus, f >= doc.links.count { focus = nil }
        if let m = currentMatch, m >= matches.count { currentMatch = nil }
    }

    public mutating func fit(_ ctx: ViewContext) {
        guard !unit.isEmpty else { return }
        let doc = document(ctx)
        // After a resize the same block stays on top, whatever its new line number. The block is
        // remembered even when a tall screen pins the page at its top, so shrinking back returns.
        top = doc.line(origin: topOrigin, chars: topChars)
        if !findText.isEmpty { matches = Self.find(needles, in: doc) }
        clamp(doc, ctx, keepOrigin: true)
    }

    /// The sections of the unit read on this screen: those whose last line is showing (so their
    /// end was reached, or the whole of them fits). A section's subsections are sections of their own.
    public func readOnScreen(_ ctx: ViewContext) -> [String] {
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

    public mutating func handle(_ action: Action, _ ctx: ViewContext) -> Effect {
        let doc = document(ctx)
        let h = ctx.rect.height
        defer { clamp(doc, ctx) }
        switch action {
        case .lineDown: top += 1
        case .lineUp: top -= 1
        case .pageDown:
            if top >= maxTop(doc, ctx) {
                if let next = Reading.nextUnit(after: unit, in: ctx.guide) { return .openPage(next, find: nil) }
                return .message("End of the guide")
            }
            top += max(1, h - 2)
        case .pageUp: top -= max(1, h - 2)
        case .top: top = 0
        case .bottom: top = maxTop(doc, ctx)
        case .scrollLeft:
            guard doc.wideWidth > Self.textRect(ctx.rect).width else { return .message("Nothing here is wider than the screen") }
            left -= 8
        case .scrollRight:
            guard doc.wideWidth > Self.textRect(ctx.rect).width else { return .message("Nothing here is wider than the screen") }
            left += 8
        case .nextLink, .previousLink:
            return moveFocus(forward: action == .nextLink, doc, ctx)
        case .open:
            guard let f = focus, doc.links.indices.contains(f) else {
                return .message(doc.links.isEmpty ? "No links on this page" : "Tab moves to a link; Enter then follows it")
            }
            guard isVisible(doc.links[f].line, ctx) else { return .message("The chosen link is off screen; Tab picks one on screen") }
            return .follow(doc.links[f].target)
        case .pick(let n):
            guard !doc.menu.isEmpty else { return .unhandled }
            guard n <= doc.menu.count else { return .message("This page has \(doc.menu.count) choices") }
            return .follow(doc.links[doc.menu[n - 1]].target)
        case .sources: return sources(doc, ctx)
        case .nextSection: return nextSection(doc, ctx)
        case .previousSection: return previousSection(doc, ctx)
        case .findNext, .findPrevious:
            guard !matches.isEmpty else { return .message(findText.isEmpty ? "Nothing to find yet: / and some words" : "\"\(findText)\" is not on this page") }
            let forward = action == .findNext
            let from = currentMatch ?? -1
            let n = matches.count
            let i = forward ? (from + 1) % n : (from - 1 + n) % n
            currentMatch = i
            reveal(matches[i].line, ctx)
            return .message(findSummary + ((forward && i == 0 && from >= 0) ? " (wrapped to the top)" : ""))
        case .cancel:
            if focus != nil || !findText.isEmpty { focus = nil; clearFind(); return .none }
            return .unhandled
        default: return .unhandled
        }
        return .none
    }

    /// The sources and review dates of the section whose heading is at or above the top line: its
    /// own and its blocks'.
    func sources(_ doc: Document, _ ctx: ViewContext) -> Effect {
        let id = doc.anchors.last { $0.line <= top }?.id ?? unit
        guard let page = ctx.guide.page(id)?.page else { return .unhandled }
        let note = SourcesNote(title: page.title, evidence: [page.evidence] + page.blocks.indices.map { page.evidence(ofBlock: $0) })
        guard !note.isEmpty else { return .message("\(page.breadcrumbTitle) cites no sources and has no review date") }
        return .showSources(note)
    }

    var findSummary: String {
        guard !findText.isEmpty else { return "" }
        guard !matches.isEmpty else { return "\"\(findText)\" is not on this page" }
        return "\"\(findText)\": match \((currentMatch ?? 0) + 1) of \(matches.count); n next, N previous"
    }

    func isVisible(_ line: Int, _ ctx: ViewContext) -> Bool { line >= top && line < top + ctx.rect.height }

    mutating func reveal(_ line: Int, _ ctx: ViewContext) {
        if !isVisible(line, ctx) { top = line - ctx.rect.height / 3 }
    }

    mutating func moveFocus(forward: Bool, _ doc: Document, _ ctx: ViewContext) -> Effect {
        let lines = doc.links.map(\.line)
        guard let next = LinkFocus.page.next(from: focus, lines: lines, top: top, height: ctx.rect.height, forward: forward) else {
            return .message("No links on this page")
        }
        focus = next
        top = LinkFocus.page.top(showing: lines[next], from: top, height: ctx.rect.height, count: doc.lines.count)
        return .none
    }

    mutating func nextSection(_ doc: Document, _ ctx: ViewContext) -> Effect {
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

    mutating func previousSection(_ doc: Document, _ ctx: ViewContext) -> Effect {
        if let a = doc.anchors.last(where: { $0.line < top }) { top = a.line; return .none }
        if let prev = Reading.previousUnit(before: unit, in: ctx.guide) { return .openPage(prev, find: nil) }
        return .message("This is the first page of the guide")
    }

    // MARK: find

    /// Marks `text` in the page and goes to the first match at or below `line`. With `anyWord`
    /// (a search hit) each word is marked on its own, since search matched them in any order.
    public mutating func setFind(_ text: String, from line: Int, _ ctx: ViewContext, anyWord: Bool = false) {
        findText = text
        findWords = anyWord
        let doc = document(ctx)
        matches = Self.find(needles, in: doc)
        currentMatch = matches.firstIndex { $0.line >= line } ?? (matches.isEmpty ? nil : 0)
        if let m = currentMatch { top = line; reveal(matches[m].line, ctx) } else { top = line }
        clamp(doc, ctx)
    }

    public mutating func clearFind() { findText = ""; findWords = false; matches = []; currentMatch = nil }

    /// Case-insensitive matches of any needle, line by line, in reading order (a phrase broken
    /// across lines is not found).
    static func find(_ needles: [String], in doc: Document) -> [FindMatch] {
        let ns = needles.map { $0.map { $0.lowercased() } }.filter { !$0.isEmpty }
        guard !ns.isEmpty else { return [] }
        var out: [FindMatch] = []
        for (i, l) in doc.lines.enumerated() {
            let hay = l.text.map { $0.lowercased() }
            var j = 0
            while j < hay.count {
                if let n = ns.first(where: { j + $0.count <= hay.count && hay[j] == $0[0] && Array(hay[j..<j + $0.count]) == $0 }) {
                    out.append(FindMatch(line: i, start: j, length: n.count)); j += n.count
                } else { j += 1 }
            }
        }
        return out
    }

    // MARK: drawing

    public func render(_ ctx: ViewContext, into buf: inout Buffer) {
        let doc = document(ctx)
        let area = Self.textRect(ctx.rect)
        for row in 0..<ctx.rect.height {
            let i = top + row
            guard doc.lines.indices.contains(i) else { break }
            let line = doc.lines[i]
            let shift = line.wide ? left : 0
            var x = area.x - shift
            var charIndex = 0
            let lineMatches = matches.enumerated().filter { $0.element.line == i }
            for span in line.spans {
                var role = span.role
                if let l = span.link, l == focus { role = .linkFocus }
                for ch in span.text {
                    var r = role
                    for (mi, m) in lineMatches where charIndex >= m.start && charIndex < m.start + m.length {
                        r = mi == currentMatch ? .matchFocus : .match
                    }
                    let w = DisplayWidth.of(ch)
                    if x >= area.x { buf.put(String(ch), x: x, y: area.y + row, role: r, limit: area.maxX) }
                    else if x + w > area.x { buf.put(" ", x: area.x, y: area.y + row, role: r, limit: area.maxX) }
                    x += w
                    charIndex += 1
                }
            }
        }
        if doc.lines.isEmpty { buf.put("This page is empty.", x: area.x, y: area.y, role: .dim) }
    }

    /// The screen row of the focused link, for placing the popover next to it.
    func focusedRow(_ ctx: ViewContext) -> Int? {
        let doc = document(ctx)
        guard let f = focus, doc.links.indices.contains(f), isVisible(doc.links[f].line, ctx) else { return nil }
        return ctx.rect.y + doc.links[f].line - top
    }

    public func status(_ ctx: ViewContext) -> (String, String) {
        let doc = document(ctx)
        let crumb = ctx.guide.breadcrumb(position(ctx).page).joined(separator: " \(ctx.glyphs.sep) ")
        let pos = ScrollDocument.position(top: top, lines: doc.lines.count, height: ctx.rect.height)
        let wide = doc.wideWidth > Self.textRect(ctx.rect).width ? " \(ctx.glyphs.bullet) h/l sideways" : ""
        return (crumb, pos + wide)
    }

    public mutating func click(x: Int, y: Int, _ ctx: ViewContext) -> Effect {
        let doc = document(ctx)
        let i = top + y - ctx.rect.y
        guard doc.lines.indices.contains(i) else { return .unhandled }
        let line = doc.lines[i]
        var col = Self.textRect(ctx.rect).x - (line.wide ? left : 0)
        for span in line.spans {
            let w = DisplayWidth.of(span.text)
            if x >= col && x < col + w, let l = span.link { focus = l; return .follow(doc.links[l].target) }
            col += w
        }
        return .none
    }

    public func violations(_ ctx: ViewContext) -> [String] {
        guard !unit.isEmpty else { return [] }
        var out: [String] = []
        let doc = document(ctx)
        if ctx.guide.page(unit) == nil { out.append("unknown unit \(unit)") }
        if top < 0 || top > maxTop(doc, ctx) { out.append("top \(top) outside 0...\(maxTop(doc, ctx))") }
        if let f = focus, !doc.links.indices.contains(f) { out.append("focus \(f) outside \(doc.links.count) links") }
        if left < 0 { out.append("left \(left) < 0") }
        if let m = currentMatch, !matches.indices.contains(m) { out.append("match \(m) outside \(matches.count)") }
        return out
    }
}
