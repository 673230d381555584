/// Tables as text: a grid with box lines when every column can get a readable width, otherwise one
/// card per row ("Column: value" lines under the row's first cell), which reads well at any width.
extension TextRenderer {
    /// Narrowest a column may be squeezed to: its longest word, but at most this many cells (longer
    /// words are then broken), since a grid of very narrow columns is worse than cards.
    static let squeezeLimit = 14
    static let narrowestColumn = 3

    /// With `wholeWords`, a grid that could only fit by breaking a word (a model's name,
    /// "EfficientNet-" / "Lite0" in `--against`, eighth retest) gives way to cards, where each stays whole.
    public func table(_ t: Table, wholeWords: Bool = false) -> [String] {
        var out = wrap(plain(t.title))
        if let cap = t.caption { out += wrap(plain(cap)) }
        let rows = ([t.columns] + t.rows).map { $0.map(plain) }
        if let widths = Self.columnWidths(rows, width: width, wholeWords: wholeWords) {
            out += grid(rows, widths: widths)
        } else {
            out += cards(header: rows[0], rows: Array(rows.dropFirst()))
        }
        if let notes = t.notes { out += hanging(plain(notes), first: "Note: ", rest: "      ") }
        return out
    }

    /// Column widths (content cells, without padding and lines) that fit `width`, or nil when the
    /// table cannot be drawn as a grid there.
    public static func columnWidths(_ rows: [[String]], width: Int, wholeWords: Bool = false) -> [Int]? {
        guard let n = rows.first?.count, n > 0 else { return nil }
        let available = width - (3 * n + 1)   // "│ " + cells joined by " │ " + " │"
        var natural = [Int](repeating: 1, count: n)
        var longest = [Int](repeating: narrowestColumn, count: n)
        for row in rows {
            for (i, cell) in row.enumerated() where i < n {
                natural[i] = max(natural[i], DisplayWidth.of(cell))
                longest[i] = max(longest[i], cell.split(separator: " ").map { DisplayWidth.of($0) }.max() ?? 0)
            }
        }
        if natural.reduce(0, +) <= available { return natural }
        // Every word whole if there is room for that; else words may break beyond `squeezeLimit`.
        var least = (0..<n).map { min(longest[$0], natural[$0]) }
        if least.reduce(0, +) > available {
            if wholeWords { return nil }
            least = least.map { min($0, squeezeLimit) }
            // A header names its column (a brief's file, a model): its words stay whole while they fit.
            let headerWord = rows[0].map { $0.split(separator: " ").map { DisplayWidth.of($0) }.max() ?? 0 }
            let kept = least.indices.map { i in max(least[i], i < headerWord.count ? min(headerWord[i], natural[i]) : 0) }
            if kept.reduce(0, +) <= available { least = kept }
        }
        guard least.reduce(0, +) <= available else { return nil }
        // Share the room left over by water-filling: each spare cell goes to the narrowest column that
        // still wants more, so columns end up as even as their content allows.
        // First, though, a column a few cells short of its natural width gets them: a header or cell
        // broken over two lines for want of two cells reads worse than slightly narrower prose.
        var widths = least
        var spare = available - least.reduce(0, +)
        for i in (0..<n).sorted(by: { natural[$0] - least[$0] < natural[$1] - least[$1] }) {
            let want = natural[i] - widths[i]
            if want <= 6 && want <= spare { widths[i] = natural[i]; spare -= want }
        }
        while spare > 0 {
            guard let i = (0..<n).filter({ widths[$0] < natural[$0] }).min(by: { widths[$0] < widths[$1] }) else { break }
            widths[i] += 1; spare -= 1
        }
        return widths
    }

    /// Widths for a grid that scrolls sideways (too wide for the screen): the first column stays, so
    /// it keeps at most 30 cells; each other column may take the rest of the screen. Rows are as tall
    /// as their tallest cell, hidden columns' included, so every column gets the width that keeps it
    /// within the height the longest cell needs: a short column no longer shows blank lines under its
    /// text for a long one off screen (issue 23's third retest), and narrower columns show more.
    public static func scrollingColumnWidths(_ rows: [[String]], width: Int) -> [Int] {
        guard let n = rows.first?.count, n > 0 else { return [] }
        func cells(_ c: Int) -> [String] { rows.map { c < $0.count ? $0[c] : "" } }
        func height(_ c: Int, _ w: Int) -> Int { cells(c).map { TextWrap.wrap($0, width: w).count }.max() ?? 1 }
        let natural = (0..<n).map { c in max(1, cells(c).map(DisplayWidth.of).max() ?? 1) }
        let first = min(natural[0], 30)
        let room = max(20, width - first - 7)   // "│ " first " │ " column " │"
        let lines = (1..<max(1, n)).map { height($0, min(natural[$0], room)) }.max() ?? 1
        return [first] + (1..<max(1, n)).map { c in
            // The narrowest width (binary search; taller only ever as it narrows) that stays within `lines`.
            // Never narrower than 20 cells or than the header, which would wrap for nothing.
            let header = DisplayWidth.of(rows[0].count > c ? rows[0][c] : "")
            var (lo, hi) = (min(natural[c], max(20, header), room), min(natural[c], room))
            while lo < hi {
                let mid = (lo + hi) / 2
                if height(c, mid) <= lines { hi = mid } else { lo = mid + 1 }
            }
            return hi
        }
    }

    func grid(_ rows: [[String]], widths: [Int]) -> [String] {
        func rule(_ l: String, _ h: String, _ m: String, _ r: String) -> String {
            l + widths.map { String(repeating: h, count: $0 + 2) }.joined(separator: m) + r
        }
        let wrapped = rows.map { row in widths.indices.map { i in Self.cellLines(i < row.count ? row[i] : "", width: widths[i]) } }
        let tall = wrapped.dropFirst().contains { $0.contains { $0.count > 1 } }
        var out = [rule(c.tl, c.h, c.top, c.tr)]
        for (r, cells) in wrapped.enumerated() {
            let height = cells.map(\.count).max() ?? 1
            for line in 0..<height {
                let parts = widths.indices.map { i in TextWrap.pad(line < cells[i].count ? cells[i][line] : "", width: widths[i]) }
                out.append(c.v + " " + parts.joined(separator: " " + c.v + " ") + " " + c.v)
            }
            if r == 0 { out.append(rule(c.headLeft, c.headH, c.headCross, c.headRight)) }
            else if tall && r < wrapped.count - 1 { out.append(rule(c.left, c.h, c.cross, c.right)) }
        }
        out.append(rule(c.bl, c.h, c.bottom, c.br))
        return out
    }

    /// A grid cell's lines at `w` cells: a bulleted line ("• Data-efficient thanks to locality") that
    /// wraps keeps a hanging indent, so the next line starts under its text, not under the bullet
    /// (issue 23, ninth retest).
    static func cellLines(_ s: String, width w: Int) -> [String] {
        s.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let text = String(line)
            guard let bullet = ["• ", "* ", "- "].first(where: { text.hasPrefix($0) }), w > 6 else {
                return TextWrap.wrap(text, width: w, longWords: .broken)
            }
            let indent = String(repeating: " ", count: DisplayWidth.of(bullet))
            return TextWrap.wrap([StyledRun(text, 0)], width: w - indent.count, firstWidth: w, longWords: .broken).enumerated()
                .map { i, runs in (i == 0 ? "" : indent) + runs.map(\.text).joined() }
        }
    }

    func cards(header: [String], rows: [[String]]) -> [String] {
        var out: [String] = []
        for row in rows {
            out.append("")
            let name = wrap(row.first ?? "", width: width - 4)
            for (i, line) in name.enumerated() {
                if i == 0 {
                    let fill = max(1, width - 4 - DisplayWidth.of(line))
                    out.append(c.h + c.h + " " + line + " " + String(repeating: c.h, count: fill))
                } else {
                    out.append("   " + line)
                }
            }
            for (i, cell) in row.enumerated().dropFirst() {
                let label = i < header.count ? header[i] : ""
                out += hanging("\(label): \(cell)", first: "", rest: "  ")
            }
        }
        return out
    }
}
