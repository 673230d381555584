import NNGuideCore

/// The guide as a collapsible tree, with a mark on what you have read.
public struct ContentsView: Screen {
    /// Pages whose sections are shown. Top-level pages start open.
    public var expanded: Set<String>?
    public var list = SelectList()
    public init() {}
    public var scopes: [Scope] { [.contents] }
    public static let bindings: [Binding] = [
        Binding([.char("t")], .show(.contents), .global, "contents: the guide as a tree", hint: "contents"),
        Binding([.enter], .open, .contents, "open the page", hint: "open"),
        Binding([.right, .char("l")], .expand, .contents, "expand", hint: "expand"),
        Binding([.left, .char("h")], .collapse, .contents, "collapse, or go to the parent"),
    ]

    func openSet(_ ctx: ScreenContext) -> Set<String> {
        expanded ?? Set(ctx.guide.pages.map(\.id))
    }

    /// The visible rows: every entry whose parents are all expanded.
    func rows(_ ctx: ScreenContext) -> [PageEntry] {
        let open = openSet(ctx)
        return ctx.guide.readingOrder.filter { e in e.path.dropLast().allSatisfy { open.contains($0) } }
    }

    /// A Part's own number ("Part 7: ..." is 7): what its digit opens, wherever the list is scrolled.
    static func partNumber(_ e: PageEntry) -> Int? {
        guard e.depth == 0, e.page.title.hasPrefix("Part ") else { return nil }
        return Int(e.page.title.dropFirst(5).prefix { $0.isNumber })
    }

    public mutating func fit(_ ctx: inout ScreenContext) { fitList(ctx) }

    /// The fit, which only reads the context: `reveal` uses it too.
    private mutating func fitList(_ ctx: ScreenContext) {
        list.fit(count: rows(ctx).count, height: ctx.rect.height)
    }

    public mutating func activate(_ ctx: inout ScreenContext) -> Effect {
        if let p = ctx.reading.last?.page { reveal(p, ctx) }
        return .none
    }

    /// Shows `id` (opening its parents) and puts the cursor on it.
    public mutating func reveal(_ id: String, _ ctx: ScreenContext) {
        guard let e = ctx.guide.page(id) else { return }
        var open = openSet(ctx)
        open.formUnion(e.path.dropLast())
        expanded = open
        let all = rows(ctx)
        if let i = all.firstIndex(where: { $0.id == id }) { list.show(i, count: all.count, height: ctx.rect.height) }
        fitList(ctx)
    }

    public mutating func handle(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        let all = rows(ctx)
        if list.move(action, count: all.count, height: ctx.rect.height) { return .none }
        guard all.indices.contains(list.index) else { return .unhandled }
        let e = all[list.index]
        var open = openSet(ctx)
        switch action {
        case .open: return .openPage(e.id, find: nil)
        case .expand:
            if e.page.sections.isEmpty { return .message("\(e.page.breadcrumbTitle) has no sections") }
            if open.contains(e.id) { list.index += 1 } else { open.insert(e.id) }
        case .collapse:
            if open.contains(e.id) && !e.page.sections.isEmpty { open.remove(e.id) }
            else if let parent = e.parentID, let i = all.firstIndex(where: { $0.id == parent }) { list.index = i }
            else { return .none }
        case .pick(let n):
            // Digits open Parts by their own number, never by screen row.
            let guide = ctx.guide
            guard let part = guide.pages.lazy.compactMap({ guide.page($0.id) }).first(where: { Self.partNumber($0) == n }) else {
                return .message("No Part \(n) in this guide")
            }
            if let i = all.firstIndex(where: { $0.id == part.id }) { list.index = i }
            return .openPage(part.id, find: nil)
        default: return .unhandled
        }
        expanded = open
        fit(&ctx)
        return .none
    }

    public func render(_ ctx: ScreenContext, into buf: inout Buffer) {
        let all = rows(ctx)
        let open = openSet(ctx)
        let g = ctx.glyphs
        let r = ctx.rect
        list.draw(count: all.count, in: r, into: &buf) { i, row, buf in
            let e = all[i]
            let y = row.y
            var x = r.x
            x = buf.put(Self.partNumber(e).map { $0 < 10 ? "\($0) " : "  " } ?? "  ", x: x, y: y, role: .dim)
            let seen = ctx.reading.visited.contains(e.id)
            x = buf.put(seen ? g.check + " " : "  ", x: x, y: y, role: .accent)
            x += 2 * e.depth
            let marker = e.page.sections.isEmpty ? "  " : (open.contains(e.id) ? g.open : g.closed) + " "
            x = buf.put(marker, x: x, y: y, role: .border)
            let role: Role = e.depth == 0 ? .strong : .text
            let title = g.text(e.page.title)
            // Added (or refilled) pages keep their mark in view: the title gives way first.
            let mark = e.page.origin.mark.map { " " + $0 } ?? ""
            let room = max(0, r.maxX - x - (r.maxX - x > mark.count + 8 ? mark.count : 0))
            x = buf.put(TextWrap.truncate(title, width: room, ellipsis: g.ellipsis), x: x, y: y, role: role)
            if !mark.isEmpty, r.maxX - x >= mark.count { x = buf.put(mark, x: x, y: y, role: .dim) }
            if let s = e.page.summary, r.maxX - x > 12 {
                buf.put(TextWrap.truncate("  " + g.text(InlineParser.plain(s)), width: r.maxX - x, ellipsis: g.ellipsis), x: x, y: y, role: .dim)
            }
        }
    }

    public func status(_ ctx: ScreenContext) -> (String, String) {
        let all = rows(ctx)
        let read = ctx.guide.readingOrder.filter { ctx.reading.visited.contains($0.id) }.count
        let crumb = all.indices.contains(list.index) ? ctx.guide.breadcrumb(all[list.index].id).joined(separator: " \(ctx.glyphs.sep) ") : ""
        return ("Contents \(ctx.glyphs.sep) " + crumb, "\(read)/\(ctx.guide.readingOrder.count) read")
    }

    public mutating func click(x: Int, y: Int, _ ctx: inout ScreenContext) -> Effect {
        let all = rows(ctx)
        guard let i = list.line(atY: y, in: ctx.rect, count: all.count) else { return .unhandled }
        list.index = i
        return .openPage(all[i].id, find: nil)
    }

    public func violations(_ ctx: ScreenContext) -> [String] {
        list.violations(count: rows(ctx).count, height: ctx.rect.height, name: "contents")
    }
}
