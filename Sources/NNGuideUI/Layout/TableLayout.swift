import NNGuideCore

/// Tables in a document: a box when it fits, a box that scrolls sideways on a wide screen, and a
/// card per row on a narrow one. Cells may hold links, so this works on tagged runs, not strings.
extension DocumentBuilder {
    /// Screens narrower than this get cards instead of a sideways-scrolling box.
    static let cardsBelow = 60

    /// `marks`: the origin of what a header cell or a row's first cell names (an architecture added
    /// to the catalog), shown after it as the reader shows it ("[added]", dim).
    mutating func table(_ t: Table, resolve: (LinkTarget) -> Bool, marks: [String: Origin] = [:]) {
        func mark(_ cell: String) -> [StyledRun<Tag>] { marks[cell].map(PageLayout.mark) ?? [] }
        let header = t.columns.map { runs($0, role: .strong, resolve: resolve) + mark($0) }
        let rows = t.rows.map { row in row.enumerated().map { c, cell in runs(cell, resolve: resolve) + (c == 0 ? mark(cell) : []) } }
        let n = t.columns.count
        guard n > 0 else { return }
        let plain = ([header] + rows).map { $0.map { $0.map(\.text).joined() } }
        // Core's rule for column widths (shared with the plain-text renderer), so a table looks the
        // same in `nnguide show` and here.
        if let widths = TextRenderer.columnWidths(plain, width: width) {
            box(header: header, rows: rows, widths: widths, wide: false)
        } else if width >= Self.cardsBelow {
            // Too many columns for the screen but room to read: keep the grid and scroll it sideways.
            let natural = (0..<n).map { c in plain.map { c < $0.count ? min(DisplayWidth.of($0[c]), 30) : 1 }.max() ?? 1 }
            box(header: header, rows: rows, widths: natural, wide: true)
        } else {
            cards(t, header: header, rows: rows)
        }
    }

    private mutating func box(header: [[StyledRun<Tag>]], rows: [[[StyledRun<Tag>]]], widths: [Int], wide: Bool) {
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
        var rowsLines = rows.map(cellLines)
        let multiLine = rowsLines.contains { $0.contains { $0.count > 1 } }
        line(rule(g.tl, g.h, g.top, g.tr), wide: wide)
        rowsLines.insert(cellLines(header), at: 0)
        for (r, cols) in rowsLines.enumerated() {
            let height = cols.map(\.count).max() ?? 1
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
            if r == 0 { line(rule(g.headLeft, g.headH, g.headCross, g.headRight), wide: wide) }
            else if multiLine && r < rowsLines.count - 1 { line(rule(g.left, g.h, g.cross, g.right), wide: wide) }
        }
        line(rule(g.bl, g.h, g.bottom, g.br), wide: wide)
    }

    /// One card per row: the first cell as its title, then "Column: value" for the others.
    private mutating func cards(_ t: Table, header: [[StyledRun<Tag>]], rows: [[[StyledRun<Tag>]]]) {
        for (r, row) in rows.enumerated() {
            if r > 0 { line([]) }
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
