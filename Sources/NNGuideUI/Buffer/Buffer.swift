import NNGuideCore

/// A screen's worth of cells. Views draw into it; the backend sends only the cells that changed
/// since the last frame. Widths come from `DisplayWidth`, so wide characters take two cells.
public struct Buffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// A buffer of exactly these cells (a stored frame read back, `StoredFrame`); nil when they do
    /// not fill width x height.
    init?(width: Int, height: Int, cells: [Cell]) {
        guard width >= 0, height >= 0, cells.count == width * height else { return nil }
        self.width = width; self.height = height; self.cells = cells
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
    }

    /// Sets one cell, keeping wide characters whole: overwriting half of one blanks the other half.
    mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = y * width + x
        if cells[i].isContinuation && x > 0 && !cell.isContinuation { cells[i - 1] = Cell(" ", cells[i - 1].role) }
        if x + 1 < width && cells[i + 1].isContinuation && !(DisplayWidth.of(cell.text) == 2) {
            cells[i + 1] = Cell(" ", cells[i].role)
        }
        cells[i] = cell
    }

    /// Writes text from (x, y), clipped to `limit` (exclusive column, default the buffer edge).
    /// Returns the column after the last cell written. A wide character that would straddle the
    /// limit becomes a space, so nothing ever spills past it.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, role: Role = .text, limit: Int? = nil) -> Int {
        let end = min(limit ?? width, width)
        guard y >= 0, y < height else { return x }
        var col = x
        for ch in text {
            if col >= end { break }
            var g = ch
            if g == "\t" || g == "\n" || g == "\r" { g = " " }
            let w = DisplayWidth.of(g)
            if w == 0 { continue }
            if col < 0 { col += w; continue }
            if col + w > end { set(col, y, Cell(" ", role)); col += 1; break }
            set(col, y, Cell(String(g), role))
            if w == 2 { set(col + 1, y, Cell("", role, isContinuation: true)) }
            col += w
        }
        return col
    }

    public mutating func fill(_ rect: Rect, _ text: String = " ", role: Role = .text) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { set(x, y, Cell(text, role)) }
        }
    }

    /// The rule between two panes: across a one-row rect, down any other (the glossary's, compare's
    /// and the brief form's dividers).
    public mutating func divider(_ d: Rect, glyphs: Glyphs) {
        if d.height == 1 && d.width > 1 { put(String(repeating: glyphs.h, count: d.width), x: d.x, y: d.y, role: .border); return }
        for y in d.y..<d.maxY { put(glyphs.v, x: d.x, y: y, role: .border) }
    }

    /// Changes the role of every cell in the rect, leaving the text alone, except cells whose role is
    /// in `keeping` (marks that show through a selection bar: `Role.throughBar`).
    public mutating func paint(_ rect: Rect, role: Role, keeping: Set<Role> = []) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) where !keeping.contains(cells[y * width + x].role) {
                cells[y * width + x].role = role
            }
        }
    }

    /// The row as a user would read it (continuations dropped).
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width where !self[x, y].isContinuation { s += self[x, y].text }
        return s
    }

    public var lines: [String] { (0..<height).map(line) }

    /// Rows with `|` at the end so trailing spaces show: the format of the golden screen files.
    public var golden: String { lines.map { $0 + "|" }.joined(separator: "\n") + "\n" }

    /// Whether the text appears anywhere on screen (a row at a time).
    public func contains(_ text: String) -> Bool { lines.contains { $0.contains(text) } }

    /// Cells that differ from `old`, row by row, as runs of one role the backend can draw in one
    /// call. A changed size means everything changed. Continuation cells are never drawn: the
    /// terminal fills them when it draws the wide lead cell.
    public func changes(since old: Buffer?) -> [Run] {
        let previous = (old?.width == width && old?.height == height) ? old : nil
        func unchanged(_ i: Int) -> Bool { previous.map { $0.cells[i] == cells[i] } ?? false }
        var runs: [Run] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                let i = y * width + x
                if cells[i].isContinuation || unchanged(i) { x += 1; continue }
                let role = cells[i].role, start = x
                var text = ""
                var wide = false
                while x < width {
                    let j = y * width + x
                    if cells[j].isContinuation { wide = true; x += 1; continue }
                    if cells[j].role != role || unchanged(j) { break }
                    text += cells[j].text
                    x += 1
                }
                runs.append(Run(x: start, y: y, text: text, role: role, wide: wide))
            }
        }
        return runs
    }

    public struct Run: Sendable, Equatable {
        public let x: Int, y: Int
        public let text: String
        public let role: Role
        /// Whether a wide character (two cells) is in the run: without one, every character of the
        /// text takes one cell, and the backend need not measure them.
        public var wide = false
    }
}
