import NNGuideCore

/// The first screen: what the guide is, where you left off, and every view with its key.
public struct HomeView: Screen {
    public var list = SelectList()
    public init() {}
    public var scopes: [Scope] { [.home] }
    public static let bindings: [Binding] = [
        Binding([.char("H")], .home, .global, "home screen"),
        Binding([.enter], .open, .home, "open the chosen item", hint: "open"),
        Binding([.char("0")], .pick(0), .home, "continue reading where you left off (item 0)"),
    ]

    /// `number` is the item's own, the same whether or not "Continue reading" (0) is there.
    static let unnumbered = -1
    /// `path`: an `about` that is a breadcrumb, cut from the left when narrow so it keeps where it goes.
    struct Item { let number: Int; let title: String; let key: String; let about: String; let effect: Effect; var path: [String] = [] }

    func items(_ ctx: ScreenContext) -> [Item] {
        var out: [Item] = []
        let g = ctx.guide
        if let last = ctx.reading.last, g.pageID(showing: last.page) != nil {
            let parts = g.breadcrumb(last.page)
            out.append(Item(number: 0, title: "Continue reading", key: "", about: parts.joined(separator: " \(ctx.glyphs.sep) "), effect: .resume(last), path: parts))
        }
        if let first = g.readingOrder.first {
            out.append(Item(number: 1, title: "Start at the beginning", key: "", about: first.page.breadcrumbTitle, effect: .openPage(first.id, find: nil)))
        }
        out += Self.views.enumerated().map { n, v in
            Item(number: n + 2, title: v.title, key: Keymap.key(v.action), about: v.about, effect: .show(v.id))
        }
        // Bookmarks are rows of the list, so a short screen scrolls to them and Enter opens one; they
        // have no number (their letter after the jump key opens them from anywhere).
        let jump = Keymap.key(.jumpToMark)
        for name in ctx.reading.bookmarks.keys.sorted() {
            guard let place = ctx.reading.bookmarks[name] else { continue }
            out.append(Item(number: Self.unnumbered, title: "Bookmark \(name)", key: jump + name,
                            about: g.breadcrumb(place.page).last ?? place.page, effect: .resume(place)))
        }
        return out
    }

    /// The views Home lists, from the one table of views (`ViewID.entry`), with the action that opens
    /// each: the key shown beside it is the keymap's own.
    static var views: [(title: String, id: ViewID, action: Action, about: String)] {
        ViewID.allCases.compactMap { id in id.entry.about.map { (id.entry.title, id, id.entry.opens, $0) } }
    }

    static var about: String {
        let keys = Keymap.bindings.first { $0.scope == .global && $0.action == .help }?.keys.map(\.label) ?? [Keymap.key(.help)]
        return "Browse, look up, compare, decide. Keys are at the bottom; \(keys.joined(separator: " or ")) lists all."
    }

    /// The summary under the title, wrapped (never cut off): empty on a short screen.
    func aboutLines(_ ctx: ScreenContext) -> [String] {
        guard ctx.rect.height >= 14 else { return [] }
        return TextWrap.wrap(ctx.glyphs.text(Self.about), width: ctx.rect.width - (ctx.rect.width >= 60 ? 4 : 2))
    }

    func listTop(_ ctx: ScreenContext) -> Int {
        // Title, rule, summary (when it fits), blank.
        let about = aboutLines(ctx).count
        return about == 0 ? 2 : 3 + about
    }

    /// The list's rows: all under the title, but for the last when the items run past them, which
    /// says what is below ("↓ 2 more: bookmarks"; at 40x12 they were below the fold unmarked,
    /// eleventh retest).
    func listHeight(_ ctx: ScreenContext) -> Int {
        let rows = max(1, ctx.rect.height - listTop(ctx))
        return items(ctx).count > rows && rows > 2 ? rows - 1 : rows
    }

    /// "↓ 2 more: bookmarks (j)" under the list while items are below it, "↑ 5 more (k)" once the
    /// list is scrolled to its end; nil when it all fits.
    func moreBelow(_ ctx: ScreenContext) -> String? {
        let all = items(ctx)
        let below = all.count - (list.top + listHeight(ctx))
        guard below > 0 else {
            return list.top > 0 ? "\(ctx.glyphs.ascii ? "^" : "↑") \(list.top) more (\(Keymap.key(.lineUp, in: .home)))" : nil
        }
        let marks = all.suffix(below).filter { $0.number == Self.unnumbered }.count
        let what = marks == below ? ": bookmark\(below == 1 ? "" : "s")" : marks > 0 ? ", with bookmarks" : ""
        return "\(ctx.glyphs.ascii ? "v" : "↓") \(below) more\(what) (\(Keymap.key(.lineDown, in: .home)))"
    }

    public mutating func fit(_ ctx: inout ScreenContext) {
        list.fit(count: items(ctx).count, height: listHeight(ctx))
    }

    public mutating func handle(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        let all = items(ctx)
        if list.move(action, count: all.count, height: listHeight(ctx)) { return .none }
        switch action {
        case .open: return all[list.index].effect
        case .pick(let n):
            guard let i = all.firstIndex(where: { $0.number == n }) else {
                return n == 0 ? .message("Nothing to continue yet: open a page and it is remembered here") : .unhandled
            }
            list.index = i
            fit(&ctx)
            return all[i].effect
        default: return .unhandled
        }
    }

    public func render(_ ctx: ScreenContext, into buf: inout Buffer) {
        let r = ctx.rect.inset(ctx.rect.width >= 60 ? 2 : 1, 0)
        let g = ctx.glyphs
        let opening = ctx.guide.readingOrder.first?.page
        let title = g.text(opening?.title ?? "nnguide")
        var y = r.y
        buf.put(TextWrap.truncate(title, width: r.width, ellipsis: g.ellipsis), x: r.x, y: y, role: .title)
        y += 1
        buf.put(String(repeating: g.heavyH, count: min(r.width, DisplayWidth.of(title))), x: r.x, y: y, role: .title)
        y += 1
        let about = aboutLines(ctx)
        for line in about { buf.put(line, x: r.x, y: y, role: .dim, limit: r.maxX); y += 1 }
        if !about.isEmpty { y += 1 }
        let all = items(ctx)
        let keyCol = 4 + (all.map { DisplayWidth.of($0.title) }.max() ?? 10) + 2
        if let more = moreBelow(ctx) {
            buf.put(TextWrap.truncate(more, width: r.width, ellipsis: g.ellipsis), x: r.x + 1, y: y + listHeight(ctx), role: .accent, limit: r.maxX)
        }
        list.draw(count: all.count, in: Rect(x: r.x, y: y, width: r.width, height: listHeight(ctx)), into: &buf) { i, row, buf in
            let it = all[i]
            let yy = row.y
            if it.number != Self.unnumbered { buf.put("\(it.number)", x: r.x + 1, y: yy, role: .accent) }
            // Narrow, the place says more than the label ("Continue reading  3.4 Tra…" at 40 columns,
            // eighth retest): the label keeps its first word and the place takes the rest of the row.
            let placeFirst = r.width < 44 && !it.path.isEmpty
            let title = placeFirst ? String(it.title.prefix { $0 != " " }) : it.title
            buf.put(title, x: r.x + 4, y: yy, role: .strong, limit: r.maxX)
            var x = r.x + keyCol
            if placeFirst {
                x = r.x + 4 + DisplayWidth.of(title) + 2
            } else if r.width >= 44 {
                if !it.key.isEmpty { buf.put(it.key, x: x, y: yy, role: .hintKey, limit: r.maxX) }
                x += 3
            } else if it.number == Self.unnumbered {
                // Narrow, a bookmark: its key and its place, cut with an ellipsis ("Bookmark a 'a" said
                // nothing of where it goes).
                let x = buf.put(it.key + " ", x: r.x + 4, y: yy, role: .hintKey, limit: r.maxX)
                buf.fill(Rect(x: x, y: yy, width: max(0, r.maxX - x), height: 1))
                buf.put(TextWrap.truncate(g.text(it.about), width: max(0, r.maxX - x), ellipsis: g.ellipsis), x: x, y: yy, role: .dim, limit: r.maxX)
                return
            } else if !it.key.isEmpty {
                // Narrow: the key says more than a cut-off description.
                buf.put(it.key, x: min(x, r.maxX - 1), y: yy, role: .hintKey, limit: r.maxX)
                return
            }
            if x < r.maxX {
                // A breadcrumb keeps its end, the section itself ("Part 6 › …" said nothing at 40 columns).
                let about = it.path.isEmpty ? g.text(it.about)
                    : TextWrap.tail(it.path.map { g.text($0) }, separator: " \(g.sep) ", width: r.maxX - x, ellipsis: g.ellipsis)
                buf.put(TextWrap.truncate(about, width: r.maxX - x, ellipsis: g.ellipsis), x: x, y: yy, role: .dim, limit: r.maxX)
            }
        }
    }

    /// Like every screen, Home says how far down its list the cursor is.
    public func status(_ ctx: ScreenContext) -> (String, String) {
        let count = items(ctx).count
        return ("Home", list.cursor.position(count: count))
    }

    public mutating func click(x: Int, y: Int, _ ctx: inout ScreenContext) -> Effect {
        let all = items(ctx)
        let rows = Rect(x: ctx.rect.x, y: ctx.rect.y + listTop(ctx), width: ctx.rect.width, height: listHeight(ctx))
        guard let i = list.line(atY: y, in: rows, count: all.count) else { return .unhandled }
        list.index = i
        return all[i].effect
    }

    public func violations(_ ctx: ScreenContext) -> [String] {
        list.violations(count: items(ctx).count, height: listHeight(ctx), name: "home")
    }
}
