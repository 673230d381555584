import NNGuideCore

/// The guide's comparison matrices, and any catalog architectures you pick, side by side on the
/// same criteria; sort by a column, transpose.
public struct CompareView: Screen {
    public var list = SelectList()
    /// Catalog ids picked for side-by-side, in the order picked.
    public var picked: [String] = []
    /// True when the keys scroll the table rather than move in the list.
    public var tableFocus = false
    /// Column the rows are sorted by (of the table as shown); nil keeps the guide's order.
    public var sortColumn: Int?
    public var transposed = false
    /// The table's scroll: down its rows, and sideways a column at a time (`left`).
    public var grid = DocumentViewport()
    /// `/` filters the list as you type (by name, short name or id).
    public var filter = TextField()
    /// Where `/` was pressed: the filter then and the item under the cursor (`Item.id`), so Esc in
    /// the field puts the user back there, picks and all, as Esc leaves less's and vim's `/` prompt.
    var beforeFilter: String?
    var beforeItem: String?
    /// The table laid out for the state and size it shows (a key, the fit after it, the frame and
    /// the status line all read it, each several times: the scroll, the column stops, the arrows).
    private(set) var laid = Memo<TableKey, Document>()
    struct TableKey: Equatable, Sendable {
        var item: String?, picked: [String], transposed: Bool, sortColumn: Int?, left: Int
        var rect: Rect, glyphs: Glyphs, guide: Int
    }
    public init() {}

    public var scopes: [Scope] { [.compare] }
    public static let bindings: [Binding] = [
        Binding([.char("c")], .show(.compare), .global, "compare architectures side by side"),
        Binding([.char("x")], .toggle, .compare, "pick or drop an architecture", hint: "pick"),
        Binding([.enter], .open, .compare, "show a matrix in the table, or pick (or drop) an architecture", hint: "show"),
        Binding([.tab], .switchFocus, .compare, "switch between the list and the table", hint: "switch"),
        Binding([.char("o")], .sort, .compare, "sort by the next column", hint: "sort"),
        Binding([.char("T")], .transpose, .compare, "transpose the table", hint: "transpose"),
        Binding([.char("X")], .clearSelection, .compare, "drop every picked architecture"),
        Binding([.char("/")], .focusField, .compare, "filter the list as you type (\(Keymap.key(.open, in: .field)) or \(Keymap.key(.switchFocus, in: .field)) keeps the filter; \(Keymap.key(.cancel, in: .field)) drops what was typed; \(Keymap.key(.cancel, in: .compare)) in the list clears a kept one)", hint: "filter"),
        Binding([.left, .char("h")], .scrollLeft, .compare, "scroll the table left"),
        Binding([.right, .char("l")], .scrollRight, .compare, "scroll the table right"),
        Binding([.char("S")], .sources, .compare, "sources and review dates of the architectures shown"),
    ]

    public var typing: Bool { filter.focused }
    public func typing(_ ctx: ScreenContext) -> Bool { typing }

    enum Item: Equatable {
        case matrix(TableEntry), architecture(Architecture)
        /// Which item this is, whatever the filter shows around it.
        var id: String {
            switch self {
            case .matrix(let m): return "m:" + m.table.id
            case .architecture(let a): return "a:" + a.id
            }
        }
        /// What the filter looks in.
        var words: String {
            switch self {
            case .matrix(let m): return m.table.title + " " + m.table.id
            case .architecture(let a): return [a.displayName, a.name, a.short ?? "", a.id].joined(separator: " ")
            }
        }
    }

    /// What an item is called, lowercased: an architecture's names and id, a matrix's id.
    static func names(_ item: Item) -> [String] {
        switch item {
        case .matrix(let m): return [m.table.id.lowercased()]
        case .architecture(let a): return [a.displayName, a.name, a.short ?? "", a.id].map { $0.lowercased() }.filter { !$0.isEmpty }
        }
    }

    /// The list as shown: every matrix and architecture, or those the filter's words all occur in.
    func items(_ ctx: ScreenContext) -> [Item] {
        let all = ctx.guide.comparisonMatrices.map(Item.matrix) + ctx.guide.catalog.architectures.map(Item.architecture)
        let words = Tokenizer.words(filter.text)
        guard !words.isEmpty else { return all }
        return all.filter { item in
            let hay = Tokenizer.words(item.words)
            return words.allSatisfy { w in hay.contains { $0.hasPrefix(w) } }
        }
    }

    /// The list's rows: under the filter line once there is a filter.
    func listRows(_ ctx: ScreenContext) -> Rect {
        let l = panes(ctx.rect).list
        guard filter.focused || !filter.text.isEmpty else { return l }
        return Rect(x: l.x, y: l.y + 1, width: l.width, height: max(1, l.height - 1))
    }

    /// List and table side by side only when the table still gets a full 80 columns; otherwise
    /// the list over the table when both have room (80x24: a few rows of list, the table as a preview
    /// of the chosen matrix or the picked architectures under it); on a small screen one at a time
    /// (Tab switches), since a table squeezed beside a list turns into cards.
    var wideLayout: (Rect) -> Bool { { $0.width >= 112 } }
    static func stacked(_ r: Rect) -> Bool { r.width < 112 && r.height >= 16 }
    /// Rows the list keeps over the table when stacked.
    static func stackedListRows(_ r: Rect) -> Int { max(5, r.height / 3) }

    func panes(_ r: Rect) -> (list: Rect, table: Rect, divider: Rect?) {
        if wideLayout(r) {
            let (list, rest) = r.splitLeft(min(32, r.width / 3))
            return (list, Rect(x: rest.x + 2, y: rest.y, width: rest.width - 2, height: rest.height), Rect(x: rest.x, y: r.y, width: 1, height: r.height))
        }
        if Self.stacked(r) {
            let rows = Self.stackedListRows(r)
            let list = Rect(x: r.x, y: r.y, width: r.width, height: rows)
            let divider = Rect(x: r.x, y: r.y + rows, width: r.width, height: 1)
            return (list, Rect(x: r.x, y: r.y + rows + 1, width: r.width, height: r.height - rows - 1), divider)
        }
        return (r, r.page, nil)
    }

    /// Both panes on screen at once (side by side or stacked).
    func bothShown(_ r: Rect) -> Bool { wideLayout(r) || Self.stacked(r) }

    /// Enter on an architecture picks (or drops) it and `x` says the same, so the hint shows Enter
    /// only; on a matrix Enter shows the table (or moves into it when it is already shown) and `x`
    /// does nothing. In the filter field Enter only keeps the filter (it picks nothing). The table only
    /// scrolls: Enter there does nothing and is not offered ("Enter drop MLP" in the table, acting on
    /// the list's row, surprised a new user), as in a matrix's table.
    public func hintWords(_ ctx: ScreenContext) -> [Action: String] {
        // In the field Esc drops what was typed (the field's "done" would say the text stays).
        if filter.focused { return [.cancel: "cancel", .open: "keep filter", .toggle: ""] }
        let all = items(ctx)
        guard all.indices.contains(list.index), !tableFocus else { return [.open: "", .toggle: ""] }
        switch all[list.index] {
        case .matrix: return [.open: bothShown(ctx.rect) ? "into table" : "show", .toggle: ""]
        case .architecture(let a): return [.open: picked.contains(a.id) ? "drop" : "pick", .toggle: ""]
        }
    }

    /// The table the right side shows: the matrix under the cursor, or the picked architectures.
    func table(_ ctx: ScreenContext) -> (title: String, table: Table)? {
        let all = items(ctx)
        guard all.indices.contains(list.index) else { return nil }
        var title: String
        var t: Table
        switch all[list.index] {
        case .matrix(let m):
            title = m.table.title; t = m.table
        case .architecture(let a):
            // The row chosen is always in the table, beside the picks when it is not one of them: a
            // digit on an unpicked row showed the picks alone, not the row README says it shows
            // (eleventh retest).
            let ids = Self.shownIDs(picked, chosen: a.id)
            let archs = ids.compactMap { ctx.guide.architecture($0) }
            let x = Keymap.key(.toggle, in: .compare)
            let picks = archs.filter { picked.contains($0.id) }.map(\.displayName).joined(separator: ", ")
            // The key that picks from the table too (a digit at 40 columns leaves the focus there).
            title = picked.isEmpty ? "\(a.displayName) (\(x) picks it; pick two or more to compare)"
                : picked.contains(a.id) ? "Picked: " + picks : "Picked: \(picks); \(a.displayName) not yet (\(x) picks it)"
            t = ctx.guide.comparisonTable(of: archs)
        }
        if transposed { t = Self.transpose(t) }
        if let c = sortColumn, c < t.columns.count {
            t.rows.sort { $0[c].lowercased() < $1[c].lowercased() }
            title += " \(ctx.glyphs.bullet) sorted by \(t.columns[c])"
        }
        return (title, t)
    }

    /// The architectures the table shows: the picks, then the chosen row when it is not one.
    static func shownIDs(_ picked: [String], chosen: String) -> [String] { picked.contains(chosen) ? picked : picked + [chosen] }

    /// The sources of the architectures the table shows (the picked ones, the one under the cursor,
    /// or a matrix's columns).
    func sourcesNote(_ ctx: ScreenContext) -> SourcesNote? {
        let all = items(ctx)
        guard all.indices.contains(list.index) else { return nil }
        let ids: [String]
        switch all[list.index] {
        case .matrix(let m): ids = m.table.architectures ?? []
        case .architecture(let a): ids = Self.shownIDs(picked, chosen: a.id)
        }
        let archs = ids.compactMap { ctx.guide.architecture($0) }
        let note = SourcesNote(title: archs.map(\.displayName).joined(separator: ", "), evidence: archs.map(\.evidence))
        return note.isEmpty ? nil : note
    }

    /// Rows become columns. The corner names what the first column now lists, the old columns:
    /// architectures when they were ("Criterion" stood above the architectures' names), else nothing.
    static func transpose(_ t: Table) -> Table {
        let cols = [t.architectures == nil ? "" : "Architecture"] + t.rows.map { $0.first ?? "" }
        let rows = t.columns.indices.dropFirst().map { c in [t.columns[c]] + t.rows.map { c < $0.count ? $0[c] : "" } }
        return Table(id: t.id, title: t.title, columns: cols, rows: rows)
    }

    func tableKey(_ ctx: ScreenContext) -> TableKey {
        let all = items(ctx)
        return TableKey(item: all.indices.contains(list.index) ? all[list.index].id : nil, picked: picked, transposed: transposed,
                        sortColumn: sortColumn, left: grid.left, rect: ctx.rect, glyphs: ctx.glyphs, guide: ctx.library.generation)
    }

    /// The table as laid out now: the one the fit kept for this state and size when there is one.
    func document(_ ctx: ScreenContext) -> Document { laid.peek(tableKey(ctx)) ?? layout(ctx) }

    private func layout(_ ctx: ScreenContext) -> Document {
        let p = panes(ctx.rect).table
        var b = DocumentBuilder(width: max(1, p.width), glyphs: ctx.glyphs)
        guard let (title, t) = table(ctx) else { return b.doc }
        b.wrap([StyledRun(ctx.glyphs.text(title), .init(role: .strong))])
        let titled = b.doc.lines.count
        // The title ("Picked: …") and the header row stay while the rows scroll (cards name their columns).
        let body = b.table(t, resolve: { ctx.guide.resolves($0) }, marks: Self.marks(ctx.guide), left: grid.left)
        b.doc.head = body ?? titled
        if let line = sourcesNote(ctx)?.line(scope: .compare) { b.wrap([StyledRun(ctx.glyphs.text(line), .init(role: .dim))]) }
        return b.doc
    }

    /// Architectures that are not the source guide's, by the name a column (or, transposed, a row)
    /// shows: their mark follows the name, as in the reader.
    static func marks(_ guide: Guide) -> [String: Origin] {
        var out: [String: Origin] = [:]
        for a in guide.catalog.architectures where a.origin.mark != nil { out[a.displayName] = a.origin }
        return out
    }

    /// Where the grid's vertical rules stand (from its top rule), when the table scrolls sideways:
    /// the first column (the criterion, or the name when transposed) stays put, and the others scroll.
    static func stops(_ doc: Document) -> [Int] {
        guard let rule = doc.lines.first(where: \.wide) else { return [] }
        let chars = Array(rule.text)
        return chars.indices.filter { $0 == 0 || $0 == chars.count - 1 || "┬╤┳+".contains(chars[$0]) }
    }

    /// Columns cut off or hidden on the left and on the right of a sideways-scrolling table.
    func hiddenColumns(_ ctx: ScreenContext) -> (left: Int, right: Int) {
        let s = Self.stops(document(ctx))
        guard s.count > 2 else { return (0, 0) }
        let edge = grid.left + panes(ctx.rect).table.width - 1
        let cols = 1..<(s.count - 1)
        return (cols.filter { s[$0] < s[1] + grid.left }.count, cols.filter { s[$0 + 1] > edge }.count)
    }

    /// Sideways scrolling moves one architecture column at a time: `left` is where a column starts,
    /// measured from the fixed first column's right rule, so that column is drawn right beside it.
    /// (`fit` keeps the last step inside the table: the rightmost columns then fill the width.)
    func columnOffsets(_ ctx: ScreenContext) -> [Int] {
        let s = Self.stops(document(ctx))
        guard s.count > 2 else { return [] }
        return s[1..<(s.count - 1)].map { $0 - s[1] }
    }
    func columnOffset(after left: Int, _ ctx: ScreenContext) -> Int { columnOffsets(ctx).first { $0 > left } ?? left }
    func columnOffset(before left: Int, _ ctx: ScreenContext) -> Int { columnOffsets(ctx).last { $0 < left } ?? 0 }

    /// The table's lines and rows that scroll: those under its title and header row, which stay.
    func gridSize(_ ctx: ScreenContext) -> (lines: Int, height: Int) { document(ctx).body(height: panes(ctx.rect).table.height) }

    /// The table's rule lines under its fixed head, by their index in the scrolling body (`grid.top`
    /// counts those); empty for cards, which have none.
    private func bodyRules(_ ctx: ScreenContext) -> (lines: [DocLine], isRule: (Int) -> Bool) {
        let doc = document(ctx)
        let body = Array(doc.lines.dropFirst(doc.head(height: panes(ctx.rect).table.height)))
        let left = ctx.glyphs.box.left
        return (body, { body.indices.contains($0) && body[$0].text.hasPrefix(left) })
    }

    /// Back in the table, its top on the first line of the row it was in: a table left scrolled a
    /// line into a tall cell came back showing "│ │ default for tabular │" under the header, a row
    /// with no name (issue 23, eighth retest).
    mutating func snapGridToRow(_ ctx: ScreenContext) {
        let (body, isRule) = bodyRules(ctx)
        guard body.indices.contains(where: isRule) else { return }
        while grid.top > 0 && !isRule(grid.top - 1) { grid.top -= 1 }
    }

    /// A row rule is never the first line under the header's own rule (two rules, no row between):
    /// paging down steps over it, up to the last line of the row above.
    mutating func skipRuleUnderHeader(down: Bool, _ ctx: ScreenContext) {
        let (body, isRule) = bodyRules(ctx)
        guard grid.top > 0, isRule(grid.top) else { return }
        grid.top = down && grid.top + 1 < body.count ? grid.top + 1 : grid.top - 1
    }

    /// Where the table's rows begin, counted as `grid.top` counts the lines under its fixed head.
    func bodyRowStarts(_ ctx: ScreenContext) -> [Int] {
        let doc = document(ctx)
        let h = doc.head(height: panes(ctx.rect).table.height)
        return doc.rowStarts.map { $0 - h }.filter { $0 >= 0 }
    }

    /// A card's heading alone on the last line of the table's pane, the card itself below it: not
    /// drawn there (the next page starts with it and its first line).
    func orphanHeading(_ ctx: ScreenContext) -> Bool {
        // Cards: a table with no box (no top-left corner).
        guard !document(ctx).lines.contains(where: { $0.text.hasPrefix(ctx.glyphs.box.tl) }) else { return false }
        let size = gridSize(ctx)
        let last = grid.top + size.height - 1
        return last > grid.top && last < size.lines - 1 && bodyRowStarts(ctx).contains(last)
    }

    func showsTable(_ ctx: ScreenContext) -> Bool { bothShown(ctx.rect) || tableFocus }
    func showsList(_ ctx: ScreenContext) -> Bool { bothShown(ctx.rect) || !tableFocus }

    public mutating func fit(_ ctx: inout ScreenContext) {
        list.fit(count: items(ctx).count, height: listRows(ctx).height)
        picked = picked.filter { ctx.guide.architecture($0) != nil }
        if let c = sortColumn, let t = table(ctx)?.table, c >= t.columns.count { sortColumn = nil }
        let doc = laidOut(ctx)
        let p = panes(ctx.rect).table
        let size = doc.body(height: p.height)
        grid.clamp(lines: size.lines, height: size.height, rowStarts: bodyRowStarts(ctx))
        grid.clampLeft(width: doc.wideWidth, room: p.width)
        // The sideways offset is part of the layout (the cells cut at the frozen column).
        _ = laidOut(ctx)
    }

    private mutating func laidOut(_ ctx: ScreenContext) -> Document {
        let key = tableKey(ctx)
        return laid.peek(key) ?? laid.keep(key, layout(ctx))
    }

    public mutating func handle(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        defer { fit(&ctx) }
        if filter.focused || action == .focusField {
            if filter.edit(action) {
                // The cursor on the item the words name (fzf's best match first): "vit" put it on
                // the matrix "Vision: CNN vs ViT vs CLIP", and `x` there picked nothing (eleventh retest).
                list = SelectList()
                let typed = filter.text.trimmed().lowercased()
                if let named = items(ctx).firstIndex(where: { Self.names($0).contains(typed) }) {
                    list.show(named, count: items(ctx).count, height: listRows(ctx).height)
                }
                return .none
            }
            if filter.focused && action == .lineUp && filter.recall() { select(beforeItem, ctx); return .none }
            switch action {
            case .focusField:
                // A new filter starts empty, as less's `/` does; Up brings the old one back.
                if !filter.focused {
                    beforeFilter = filter.text; beforeItem = current(ctx)?.id
                    filter.reopen(); select(beforeItem, ctx)
                }
                tableFocus = false; return .none
            case .cancel:
                // What was typed is dropped: the list, the row and so the table are as before `/`
                // (a new user's Esc put the cursor on the first row, a matrix, and Tab showed it).
                filter.focused = false
                filter.text = beforeFilter ?? ""
                select(beforeItem, ctx)
                return .none
            case .switchFocus: filter.focused = false; return .none
            case .open:
                // Enter keeps the filter and nothing else, as in less's and vim's `/` prompt: it also
                // picked the row under the cursor, and the next `x` dropped it (issue 23, fifth retest).
                filter.focused = false
                if items(ctx).isEmpty { return .message("Nothing in the list matches \"\(filter.text)\"; \(Keymap.key(.focusField, in: .compare)) and \(Keymap.key(.clearField, in: .field)) clears the filter") }
                return .none
            default: break
            }
        }
        let all = items(ctx)
        var p = panes(ctx.rect)
        p.list = listRows(ctx)
        if tableFocus {
            let size = gridSize(ctx), from = grid.top, starts = bodyRowStarts(ctx)
            if grid.turnPage(action, rowStarts: starts, lines: size.lines, height: size.height)
                || grid.scroll(action, lines: size.lines, height: size.height, rowStarts: starts) {
                skipRuleUnderHeader(down: grid.top > from, ctx)
                return .none
            }
        } else if list.move(action, count: all.count, height: p.list.height) {
            grid = DocumentViewport()
            return .none
        }
        if action == .cancel && !filter.text.isEmpty && !tableFocus {
            // The row under the cursor stays under it in the whole list.
            let on = current(ctx)?.id
            filter.text = ""
            select(on, ctx)
            return .message("Filter cleared")
        }
        guard all.indices.contains(list.index) else { return .unhandled }
        switch action {
        case .sources:
            return sourcesNote(ctx).map(Effect.showSources) ?? .message("What the table shows cites no sources and has no review date")
        case .switchFocus:
            tableFocus.toggle()
            if tableFocus { snapGridToRow(ctx) }
        case .cancel:
            if tableFocus { tableFocus = false; return .none }
            return .unhandled
        case .open:
            if tableFocus {
                // Short enough for 40 columns.
                return .message("The table only scrolls (\(Keymap.key(.switchFocus, in: .compare)): the list)")
            }
            if case .architecture = all[list.index] { return toggle(all[list.index], ctx) }
            tableFocus = true
        case .toggle:
            return toggle(all[list.index], ctx)
        case .pick(let n):
            // Item n of the list, from the list or the table alike, its table shown (x picks an
            // architecture; a digit never toggles). With both panes on screen the focus stays where
            // it was on every row (a matrix's digit moved it into the table, an architecture's did not:
            // issue 23, eighth retest); with one pane the table is shown for every row, the only way
            // its item is shown (an architecture's digit had kept the list: ninth retest).
            guard all.indices.contains(n - 1) else { return .message("The list has \(all.count) items") }
            list.index = n - 1
            grid = DocumentViewport(); sortColumn = nil
            if !bothShown(ctx.rect) { tableFocus = true }
        case .clearSelection:
            picked = []
            return .message("Dropped every picked architecture")
        case .sort:
            let n = table(ctx)?.table.columns.count ?? 0
            sortColumn = sortColumn.map { $0 + 1 < n ? $0 + 1 : nil } ?? 0
            grid.top = 0
            return .message(sortColumn.map { "Sorted by \(table(ctx)?.table.columns[$0] ?? "column \($0 + 1)"); \(Keymap.key(.sort, in: .compare)) again for the next column" } ?? "Back to the guide's order")
        case .transpose:
            transposed.toggle(); sortColumn = nil; grid = DocumentViewport()
        case .scrollLeft: grid.left = columnOffset(before: grid.left, ctx)
        case .scrollRight: grid.left = columnOffset(after: grid.left, ctx)
        default: return .unhandled
        }
        return .none
    }

    func current(_ ctx: ScreenContext) -> Item? {
        let all = items(ctx)
        return all.indices.contains(list.index) ? all[list.index] : nil
    }

    /// Puts the cursor on the item `id` in the list as it now is (the first row when it is not there).
    mutating func select(_ id: String?, _ ctx: ScreenContext) {
        let all = items(ctx)
        list = SelectList()
        guard let id, let i = all.firstIndex(where: { $0.id == id }) else { return }
        list.show(i, count: all.count, height: listRows(ctx).height)
    }

    mutating func toggle(_ item: Item, _ ctx: ScreenContext) -> Effect {
        guard case .architecture(let a) = item else { return .message("\(Keymap.key(.toggle, in: .compare)) picks architectures; a matrix is shown as it is") }
        if let i = picked.firstIndex(of: a.id) { picked.remove(at: i) } else { picked.append(a.id) }
        sortColumn = nil; grid.top = 0
        return .none
    }

    public func render(_ ctx: ScreenContext, into buf: inout Buffer) {
        var p = panes(ctx.rect)
        let g = ctx.glyphs
        let all = items(ctx)
        if showsList(ctx) && (filter.focused || !filter.text.isEmpty) {
            filter.render(label: "Filter: ", at: p.list.x, y: p.list.y, width: p.list.width - 1, into: &buf, glyphs: g, focusing: .compare)
            if all.isEmpty { buf.put("No match; " + Keymap.key(.deleteBackward, in: .field), x: p.list.x, y: p.list.y + 1, role: .dim, limit: p.list.maxX) }
        }
        p.list = listRows(ctx)
        if showsList(ctx) {
            // With the table focused, the chosen row stays marked without the bar: plain, its
            // accents dropped.
            list.draw(count: all.count, in: p.list, into: &buf, bar: tableFocus ? .text : .selection) { i, row, buf in
                let y = row.y
                var x = buf.put(i < 9 ? "\(i + 1) " : "  ", x: p.list.x, y: y, role: .dim)
                switch all[i] {
                case .matrix(let m):
                    x = buf.put(g.closed + " ", x: x, y: y, role: .accent)
                    buf.put(TextWrap.truncate(g.text(m.table.title), width: max(0, p.list.maxX - x - 1), ellipsis: g.ellipsis), x: x, y: y, role: .strong)
                case .architecture(let a):
                    let on = picked.contains(a.id)
                    x = buf.put(on ? "[\(g.ascii ? "x" : g.check)] " : "[ ] ", x: x, y: y, role: .accent)
                    buf.put(TextWrap.truncate(g.text(a.displayName + (a.short != nil ? "  " + a.name : "")), width: max(0, p.list.maxX - x - 1), ellipsis: g.ellipsis), x: x, y: y, role: .text)
                }
            }
        }
        if let d = p.divider { buf.divider(d, glyphs: g) }
        if showsTable(ctx) {
            let doc = document(ctx)
            // The first column stays while the others scroll under it (its right rule at `frozen`).
            grid.draw(doc, in: p.table, into: &buf, .init(frozen: Self.stops(doc).dropFirst().first ?? -1))
            if orphanHeading(ctx) { buf.fill(Rect(x: p.table.x, y: p.table.maxY - 1, width: p.table.width, height: 1)) }
            let hidden = hiddenColumns(ctx)
            if hidden.right > 0 && showsTable(ctx) {
                // Say there is more, on the table's title line, at its right edge.
                let more = " \(g.ascii ? "->" : "→") \(hidden.right) more (\(Keymap.key(.scrollRight, in: .compare, preferring: .char("l")))) "
                buf.put(more, x: p.table.maxX - DisplayWidth.of(more), y: p.table.y, role: .accent, limit: p.table.maxX)
            }
        }
    }

    public func status(_ ctx: ScreenContext) -> (String, String) {
        let tab = Keymap.key(.switchFocus, in: .compare)
        let where_ = tableFocus ? "table (\(tab): list)" : "list (\(tab): table)"
        let hidden = showsTable(ctx) ? hiddenColumns(ctx) : (0, 0)
        let arrows = [hidden.0 > 0 ? "\(ctx.glyphs.ascii ? "<-" : "←") \(hidden.0)" : nil,
                      hidden.1 > 0 ? "\(hidden.1) more \(ctx.glyphs.ascii ? "->" : "→")" : nil].compactMap { $0 }
        // Where you are, as every screen says it: the list's item, or how far down the table.
        let size = gridSize(ctx)
        let position = tableFocus ? grid.position(lines: size.lines, height: size.height)
                                  : list.cursor.position(count: items(ctx).count)
        let right = ([picked.isEmpty ? nil : "\(picked.count) picked"] + arrows + [position]).compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " \(ctx.glyphs.bullet) ")
        // Where the line is too narrow for both, the pane's name goes whole and "(Tab: table)" goes
        // (at 40 columns it was cut to "list (Tab:…" beside "2 picked").
        let full = "Compare \(ctx.glyphs.sep) " + where_
        let fits = DisplayWidth.of(full) + DisplayWidth.of(right) + 4 <= ctx.rect.width
        return (fits ? full : "Compare \(ctx.glyphs.sep) " + (tableFocus ? "table" : "list"), right)
    }

    public mutating func click(x: Int, y: Int, _ ctx: inout ScreenContext) -> Effect {
        var p = panes(ctx.rect)
        p.list = listRows(ctx)
        guard showsList(ctx), p.list.contains(x: x, y: y) else { return .none }
        let all = items(ctx)
        guard let i = list.line(atY: y, in: p.list, count: all.count) else { return .none }
        list.index = i
        tableFocus = false
        if case .architecture = all[i] { return toggle(all[i], ctx) }
        return .none
    }

    public func violations(_ ctx: ScreenContext) -> [String] {
        let size = gridSize(ctx)
        var out = list.violations(count: items(ctx).count, height: listRows(ctx).height, name: "compare list")
        out += grid.violations(lines: size.lines, height: size.height, name: "compare table", rowStarts: bodyRowStarts(ctx))
        for id in picked where ctx.guide.architecture(id) == nil { out.append("picked unknown \(id)") }
        if let kept = laid.peek(tableKey(ctx)), kept != layout(ctx) { out.append("compare: the kept table differs from the screen's state") }
        return out
    }
}
