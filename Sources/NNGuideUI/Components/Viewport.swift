import NNGuideCore

/// What a scrolling view shows of a laid-out document: the first line on screen, the columns a wide
/// table is scrolled sideways, and the focused link (`Focus`: a link's index in a document, a
/// decision screen's `Sheet.Target`). Every view that scrolls holds one; the rules of scrolling
/// (how far a page moves, how a line is brought into view, where Tab goes) are written here once.
/// Like bubbles' viewport, it keeps the offsets and the view passes the document's size in; unlike
/// it, the document is not stored (views lay it out from the library's cache for their width).
public struct Viewport<Focus: Equatable & Sendable>: Sendable, Equatable {
    public var top = 0
    /// Columns a wide line (a table wider than the screen) is scrolled to the left.
    public var left = 0
    public var focus: Focus?

    public init(top: Int = 0) { self.top = top }

    /// How far a page moves: one screenful, as less does (its window defaults to one screen).
    /// The one page rule: the reader, help, the lists and the decision screens all use it.
    public static func page(_ height: Int) -> Int { max(1, height) }

    public static func maxTop(lines: Int, height: Int) -> Int { max(0, lines - height) }

    /// The last top of a document whose rows start at `starts` (none: any line): the first row
    /// start at or past the top that puts the end at the bottom, so the last page starts at a row,
    /// never inside one, and may end short (the comparison's last page began inside a card, its
    /// heading on the page before: thirteenth retest).
    public static func maxTop(lines: Int, height: Int, rowStarts starts: [Int]) -> Int {
        let most = maxTop(lines: lines, height: height)
        return starts.filter { $0 >= most && $0 < lines }.min() ?? most
    }

    /// Scrolls for a movement action; false when the action is not one. With `rowStarts`, the
    /// last page starts at a row (`maxTop(lines:height:rowStarts:)`).
    public mutating func scroll(_ action: Action, lines: Int, height: Int, rowStarts: [Int] = []) -> Bool {
        switch action {
        case .lineDown: top += 1
        case .lineUp: top -= 1
        case .pageDown: top += Self.page(height)
        case .pageUp: top -= Self.page(height)
        case .top: top = 0
        case .bottom: top = lines
        default: return false
        }
        clamp(lines: lines, height: height, rowStarts: rowStarts)
        return true
    }

    /// A page down or up that ends at a row's edge, for a table whose rows start at `starts` (lines
    /// counted as `top` counts them): the next page starts at the first row the page did not show
    /// whole, the page before at the first row it can show whole, so no row is split between two
    /// pages (the comparison's PgDn cut a row's wrapped cells in two, eleventh retest). A row taller
    /// than the screen is the one exception: it pages by a screenful. False for any other action.
    public mutating func turnPage(_ action: Action, rowStarts starts: [Int], lines: Int, height: Int) -> Bool {
        guard action == .pageDown || action == .pageUp, !starts.isEmpty else { return false }
        let from = top, page = Self.page(height)
        if action == .pageDown {
            // The first line off screen starts a row, or is the blank or rule before one (the row
            // above it was whole: the next page starts after it, not with that row again).
            let edge = from + page
            let cut = starts.contains(edge) ? edge : starts.contains(edge + 1) ? edge + 1 : starts.last { $0 <= edge } ?? from
            top = cut > from ? cut : from + page
        } else {
            let whole = starts.first { $0 >= from - page && $0 < from } ?? from
            top = whole < from ? whole : from - page
        }
        clamp(lines: lines, height: height, rowStarts: starts)
        return true
    }

    /// Keeps the top inside the document (never past the line that puts its end at the bottom).
    public mutating func clamp(lines: Int, height: Int, rowStarts: [Int] = []) {
        top = min(max(0, top), Self.maxTop(lines: lines, height: height, rowStarts: rowStarts))
    }

    /// Keeps the sideways offset inside the widest line (`width` columns) shown in `room` columns.
    public mutating func clampLeft(width: Int, room: Int) { left = min(max(0, left), max(0, width - room)) }

    public func shows(_ line: Int, height: Int) -> Bool { line >= top && line < top + height }

    /// Brings lines `range` into view, moving as little as possible.
    public mutating func reveal(_ range: Range<Int>, lines: Int, height: Int) {
        top = Self.top(top, toShow: range, height: height, lines: lines)
    }

    /// Brings a line into view a `fraction` of the way down when it is off screen (a find match, a
    /// link scrolled to); leaves the page alone when it is already showing.
    public mutating func reveal(line: Int, fraction: Int = 3, lines: Int, height: Int) {
        top = Self.top(top, toShow: line, fraction: fraction, height: height, lines: lines)
    }

    /// THE rule for where a line brought into view from elsewhere lands (a find match, a link Tab
    /// reached off screen, a list's place opened from another screen): nowhere new while it is on
    /// screen; otherwise `1/fraction` of the way down, as less puts a search match, so what comes
    /// before it shows too. `reveal(line:)`, `LinkFocus` and `SelectList.show` all use it.
    static func top(_ top: Int, toShow line: Int, fraction: Int = 3, height: Int, lines: Int) -> Int {
        let t = line >= top && line < top + height ? top : line - height / max(1, fraction)
        return min(max(0, t), maxTop(lines: lines, height: height))
    }

    /// The top that keeps lines `range` on a screen of `height` rows, moving as little as possible.
    static func top(_ top: Int, toShow range: Range<Int>, height: Int, lines: Int) -> Int {
        var t = top
        if range.upperBound > t + height { t = range.upperBound - height }
        if range.lowerBound < t { t = range.lowerBound }
        return min(max(0, t), maxTop(lines: lines, height: height))
    }

    /// Tab and Shift-Tab: focuses the target after the focused one (`targets` in Tab order, `at` the
    /// first line of each) by the view's policy, and scrolls it into view. False when there are none.
    mutating func cycle(_ policy: LinkFocus, targets: [Focus], at lines: [Int], count: Int, height: Int, forward: Bool) -> Bool {
        let current = focus.flatMap { targets.firstIndex(of: $0) }
        guard let next = policy.next(from: current, lines: lines, top: top, height: height, forward: forward) else { return false }
        focus = targets[next]
        top = policy.top(showing: lines[next], from: top, height: height, count: count)
        return true
    }

    /// How far down the status line says a view is: `All`, `Top`, `Bot` or the percentage read
    /// (the last line on screen). Every scrolling view's status says it this way.
    public func position(lines: Int, height: Int) -> String { Self.position(top: top, lines: lines, height: height) }

    static func position(top: Int, lines: Int, height: Int) -> String {
        if lines <= height { return "All" }
        if top == 0 { return "Top" }
        if top >= lines - height { return "Bot" }
        return "\(min(100, (top + height) * 100 / max(1, lines)))%"
    }

    public func violations(lines: Int, height: Int, name: String, rowStarts: [Int] = []) -> [String] {
        let most = Self.maxTop(lines: lines, height: height, rowStarts: rowStarts)
        var out: [String] = []
        if top < 0 || top > most { out.append("\(name): top \(top) outside 0...\(most)") }
        if left < 0 { out.append("\(name): left \(left) < 0") }
        return out
    }

    // MARK: drawing and clicks

    /// What drawing marks beyond the spans' own roles.
    struct Marks {
        /// The focused link: the index spans carry in `link`.
        var link: Int?
        /// Find matches, and the current one (`matchFocus`; the others `match`).
        var finds: [FindMatch] = []
        var current: Int?
        /// Lines under the selection bar (a chosen menu item).
        var selected: Range<Int>?
        /// The last column of a wide line that stays put while the rest scrolls sideways (a table's
        /// first column); -1: the whole line scrolls.
        var frozen = -1
    }

    /// Draws the document from `top` into `r`.
    func draw(_ doc: Document, in r: Rect, into buf: inout Buffer, _ marks: Marks = Marks()) {
        Self.draw(doc, top: top, left: left, in: r, into: &buf, marks)
    }

    /// Draws a document from line `top`, wide lines shifted `left` columns: the drawing of every
    /// viewport, and of a document shown whole without one (a menu's lines, a summary beside a form).
    /// The document's head (`Document.head(height:)`) stays on the top rows; under it row `y` shows
    /// line `top + y`, as without one, so a scrolled table keeps its header row over its body.
    static func draw(_ doc: Document, top: Int, left: Int = 0, in r: Rect, into buf: inout Buffer, _ marks: Marks = Marks()) {
        func drawLine(_ i: Int, _ rowRect: Rect, _ buf: inout Buffer) {
            let line = doc.lines[i]
            let y = rowRect.y
            func role(_ s: Span) -> Role {
                if let l = s.link, l == marks.link { return .linkFocus }
                return s.role
            }
            let finds = marks.finds.indices.filter { marks.finds[$0].line == i }
            let shift = line.wide ? left : 0
            if shift == 0 && finds.isEmpty {
                line.put(in: rowRect, into: &buf, role: role)
                return
            }
            // Character by character: a match can start inside a span, and a shifted line loses its
            // left columns (the frozen ones stay).
            var pos = 0, char = 0
            for s in line.spans {
                let base = role(s)
                for ch in s.text {
                    var cellRole = base
                    for k in finds where char >= marks.finds[k].start && char < marks.finds[k].start + marks.finds[k].length {
                        cellRole = k == marks.current ? .matchFocus : .match
                    }
                    let w = DisplayWidth.of(ch)
                    var x = pos
                    if shift > 0 && pos > marks.frozen { x = pos - shift }
                    if x > marks.frozen || pos <= marks.frozen {
                        buf.put(String(ch), x: r.x + x, y: y, role: cellRole, limit: r.maxX)
                    } else if x + w > marks.frozen + 1 {
                        // A wide character cut by the left edge: its visible half is a space.
                        buf.put(" ", x: r.x + marks.frozen + 1, y: y, role: cellRole, limit: r.maxX)
                    }
                    pos += w
                    char += 1
                }
            }
        }
        let head = doc.head(height: r.height)
        let chosen: (Int) -> Bool = { marks.selected?.contains($0) ?? false }
        SelectList.rows(from: 0, count: head, in: Rect(x: r.x, y: r.y, width: r.width, height: head), into: &buf, isChosen: chosen, drawLine)
        SelectList.rows(from: top + head, count: doc.lines.count, in: Rect(x: r.x, y: r.y + head, width: r.width, height: r.height - head),
                        into: &buf, isChosen: chosen, drawLine)
    }

    /// The document line at screen row `y` of `r`, and the link drawn at column `x` (as `draw` put
    /// it). A click beside the text (in a margin) still finds its line.
    func hit(_ doc: Document, x: Int, y: Int, in r: Rect) -> (line: Int, link: Int?)? {
        let row = y - r.y
        let i = row < doc.head(height: r.height) ? row : top + row
        guard y >= r.y, y < r.maxY, doc.lines.indices.contains(i) else { return nil }
        var col = r.x - (doc.lines[i].wide ? left : 0)
        for s in doc.lines[i].spans {
            let w = DisplayWidth.of(s.text)
            if x >= col && x < col + w, let l = s.link { return (i, l) }
            col += w
        }
        return (i, nil)
    }
}

extension DocLine {
    /// Puts the spans from the left of `r` (one row), cut at its right edge.
    func put(in r: Rect, into buf: inout Buffer, role: (Span) -> Role) {
        var x = r.x
        for s in spans { x = buf.put(s.text, x: x, y: r.y, role: role(s), limit: r.maxX) }
    }
}

/// A view whose focus is a link of its document (the reader, a glossary entry).
public typealias DocumentViewport = Viewport<Int>
