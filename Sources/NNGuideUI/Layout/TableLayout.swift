import NNGuideCore

/// Tables in a document: a box when it fits, a box that scrolls sideways on a wide screen, and a
/// card per row on a narrow one. Cells may hold links, so this works on tagged runs, not strings.
extension DocumentBuilder {
    /// Screens narrower than this get cards instead of a sideways-scrolling box.
    static let cardsBelow = 60

    /// `marks`: the origin of what a header cell or a row's first cell names (an architecture added
    /// to the catalog), shown after it as the reader shows it ("[added]", dim). `left`: how far a
    /// sideways-scrolling grid is scrolled (cells right of its first column), when the caller redraws
    /// the table for each scroll: its rows are then as tall as the columns on screen need, not as a
    /// column out of sight does (those blank lines read as padding, issue 23's third retest).
    /// Returns the line after the header row's rule (the first body line) of a box; nil for cards,
    /// which name each value's column on its own line.
    @discardableResult
    mutating func table(_ t: Table, resolve: (LinkTarget) -> Bool, marks: [String: Origin] = [:], left: Int? = nil) -> Int? {
        func mark(_ cell: String) -> [StyledRun<Tag>] { marks[cell].map(PageLayout.mark) ?? [] }
        let header = t.columns.map { runs($0, role: .strong, resolve: resolve) + mark($0) }
        let rows = t.rows.map { row in row.enumerated().map { c, cell in runs(cell, resolve: resolve) + (c == 0 ? mark(cell) : []) } }
        let n = t.columns.count
        guard n > 0 else { return nil }
        let plain = ([header] + rows).map { $0.map { $0.map(\.text).joined() } }
        // Core's rule for column widths (shared with the plain-text renderer), so a table looks the
        // same in `nnguide show` and here.
        if let widths = TextRenderer.columnWidths(plain, width: width) {
            return box(header: header, rows: rows, widths: widths, wide: false)
        } else if width >= Self.cardsBelow {
            // Too many columns for the screen but room to read: keep the grid and scroll it sideways.
            let widths = TextRenderer.scrollingColumnWidths(plain, width: width)
            return box(header: header, rows: rows, widths: widths, wide: true, shown: left.map { Self.shownColumns(widths, left: $0, width: width) })
        }
        cards(t, header: header, rows: rows)
        return nil
    }

    /// The columns a sideways-scrolling grid shows, wholly or in part, scrolled `left` cells: the
    /// first (it stays), and those between its right rule and the screen's edge.
    static func shownColumns(_ widths: [Int], left: Int, width: Int) -> Set<Int> {
        guard let first = widths.first else { return [] }
        let room = width - (first + 3)
        var out: Set<Int> = [0]
        var start = 0
        for c in widths.indices.dropFirst() {
            let end = start + widths[c] + 3
            if end > left && start < left + room { out.insert(c) }
            start = end
        }
        return out
    }

    /// `shown`: the columns on screen, whose cells alone set a row's height (nil: every column's).
    private mutating func box(header: [[StyledRun<Tag>]], rows: [[[StyledRun<Tag>]]], widths: [Int], wide: Bool, shown: Set<Int>? = nil) -> Int {
        let g = glyphs.box
        func rule(_ l: String, _ h: String, _ m: String, _ r: String) -> [Span] {
            [Span(l + widths.map { String(repeating: h, count: $0 + 2) }.joined(separator: m) + r, .border)]
        }
        func cellLines(_ row: [[StyledRun<Tag>]]) -> [[[Span]]] {
            widths.indices.map { c in
                let cell = c < row.count ? row[c] : []
                return TextWrap.wrap(cell, width: widths[c]).map { $0.map { Span($0.text, $0.tag.role, link: $0.tag.link) } }
            }
        }
        func counted(_ c: Int) -> Bool { shown?.contains(c) ?? true }
        var rowsLines = rows.map(cellLines)
        let multiLine = rowsLines.contains { $0.enumerated().contains { counted($0.offset) && $0.element.count > 1 } }
        line(rule(g.tl, g.h, g.top, g.tr), wide: wide)
        rowsLines.insert(cellLines(header), at: 0)
        var body = 0
        for (r, cols) in rowsLines.enumerated() {
            if r > 0 { doc.rowStarts.append(doc.lines.count) }
            let height = cols.enumerated().filter { counted($0.offset) }.map(\.element.count).max() ?? 1
            for i in 0..<height {
                var spans: [Span] = [Span(g.v + " ", .border)]
                for (c, col) in cols.enumerated() {
                    let content = i < col.count ? col[i] : []
                    let w = DisplayWidth.of(content.map(\.text).joined())
                    spans += content
                    spans.append(Span(String(repeating: " ", count: max(0, widths[c] - w)) + " ", .text))
                    spans.append(Span(c == cols.count - 1 ? g.v : g.v + " ", .border))
                }
                line(spans, wide: wide)
            }
            if r == 0 { line(rule(g.headLeft, g.headH, g.headCross, g.headRight), wide: wide); body = doc.lines.count }
            else if multiLine && r < rowsLines.count - 1 { line(rule(g.left, g.h, g.cross, g.right), wide: wide) }
        }
        line(rule(g.bl, g.h, g.bottom, g.br), wide: wide)
        return body
    }

    /// One card per row: the first cell as its title, then "Column: value" for the others.
    private mutating func cards(_ t: Table, header: [[StyledRun<Tag>]], rows: [[[StyledRun<Tag>]]]) {
        for (r, row) in rows.enumerated() {
            if r > 0 { line([]) }
            doc.rowStarts.append(doc.lines.count)
            let title = (row.first ?? []).map { StyledRun($0.text, Tag(role: $0.tag.link == nil ? .strong : .link, link: $0.tag.link)) }
            wrap(title, first: [Span(glyphs.bar + " ", .accent)], rest: [Span(glyphs.bar + " ", .accent)])
            for c in 1..<max(1, row.count) where c < t.columns.count {
                let label = header[c].map(\.text).joined()
                wrap(row[c], first: [Span("  "), Span(label + ": ", .dim)], rest: [Span("    ")])
            }
        }
    }

    /// A figure's tree with connector lines; labels wrap under their own text.
    mutating func tree(_ nodes: [TreeNode], resolve: (LinkTarget) -> Bool) {
        func walk(_ node: TreeNode, prefix: String, isRoot: Bool, isLast: Bool) {
            let lead = isRoot ? glyphs.bullet + " " : prefix + (isLast ? glyphs.box.last : glyphs.box.branch)
            let childPrefix = isRoot ? "  " : prefix + (isLast ? glyphs.box.gap : glyphs.box.pipe)
            // Wrapped label lines continue under the label, with the sibling line still drawn.
            let r = runs(node.label, role: isRoot ? .strong : .text, resolve: resolve)
            wrap(r, first: [Span(lead, .border)], rest: [Span(childPrefix, .border)])
            for (i, child) in node.children.enumerated() {
                walk(child, prefix: childPrefix, isRoot: false, isLast: i == node.children.count - 1)
            }
        }
        for (i, n) in nodes.enumerated() {
            // Branches read apart: a blank line between roots when either has children.
            if i > 0 && (!n.children.isEmpty || !nodes[i - 1].children.isEmpty) { line([]) }
            walk(n, prefix: "", isRoot: true, isLast: true)
        }
    }
}
