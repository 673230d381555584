/// A selection in a list of `count` rows shown `height` at a time: the one scroll rule of the lists
/// (the cursor is always on screen, the list never scrolls past its end). Most lists have a line per
/// item; one whose items take several lines (search results) counts `top` in lines and says which
/// lines the chosen item needs (`fit(count:lines:height:showing:)`).
public struct ListCursor: Sendable, Equatable {
    public var index = 0
    public var top = 0

    public init(index: Int = 0, top: Int = 0) { self.index = index; self.top = top }

    /// "3/9": where the cursor is in a list of `count`, as the status line says it; empty for none.
    public func position(count: Int) -> String { count == 0 ? "" : "\(min(max(0, index), count - 1) + 1)/\(count)" }

    public mutating func fit(count: Int, height: Int) {
        fit(count: count, lines: count, height: height) { $0..<($0 + 1) }
    }

    /// Fits a list whose items take several lines: `index` counts items, `top` lines (of `lines`), and
    /// `showing(i)` is the lines item `i` needs on screen (its title, the group heading above it).
    /// The chosen item comes into view as a line stepped to does, moving the list as little as
    /// possible (`Viewport.top(_:toShow:)` with a range).
    public mutating func fit(count: Int, lines: Int, height: Int, showing: (Int) -> Range<Int>?) {
        let h = max(1, height)
        index = count == 0 ? 0 : min(max(0, index), count - 1)
        if count > 0, let r = showing(index) { top = Viewport<Int>.top(top, toShow: r, height: h, lines: lines) }
        top = min(max(0, top), Viewport<Int>.maxTop(lines: lines, height: h))
    }

    /// Moves for a list action; returns false when the action is not a movement.
    public mutating func move(_ action: Action, count: Int, height: Int) -> Bool {
        switch action {
        case .pageDown, .pageUp: turnPage(down: action == .pageDown, items: (0..<count).map { $0..<($0 + 1) }, height: height)
        default: guard step(action, count: count) else { return false }
        }
        fit(count: count, height: height)
        return true
    }

    /// THE page rule of every list, one line per item or several: the cursor moves a screenful of
    /// lines (`Viewport.page`) to the item that starts that far on (at least the next one), and the
    /// list turns with it, so the rows under the cursor are the next page's. One-line items page by
    /// a screen of items, taller ones (search hits with a snippet, wrapped answers) by fewer. `items`:
    /// each item's lines; the caller fits the list after it.
    mutating func turnPage(down: Bool, items: [Range<Int>], height: Int) {
        guard items.indices.contains(index) else { return }
        let from = items[index].lowerBound, page = Viewport<Int>.page(height)
        if down {
            index = min(items.count - 1, max(index + 1, items.lastIndex { $0.lowerBound <= from + page } ?? index))
            top += page
        } else {
            index = max(0, min(index - 1, items.firstIndex { $0.lowerBound >= from - page } ?? 0))
            top -= page
        }
    }

    /// Moves the cursor alone a line or to an end (a page is `turnPage`); the caller fits the list after it.
    public mutating func step(_ action: Action, count: Int) -> Bool {
        switch action {
        case .lineDown: index += 1
        case .lineUp: index -= 1
        case .top: index = 0
        case .bottom: index = count - 1
        default: return false
        }
        return true
    }

    public func violations(count: Int, height: Int, name: String) -> [String] {
        var out: [String] = []
        if count > 0 && !(0..<count).contains(index) { out.append("\(name): cursor \(index) outside 0..<\(count)") }
        if top < 0 || (count > 0 && top > max(0, count - 1)) { out.append("\(name): top \(top) outside the list of \(count)") }
        if count > 0 && (index < top || index >= top + max(1, height)) { out.append("\(name): cursor \(index) not on screen (top \(top), height \(height))") }
        return out
    }
}

/// A list drawn a row per line with a chosen row: the contents, home, the glossary's terms, the
/// compare list, search results (whose items take several lines: `top` then counts lines). The
/// cursor is ratatui's `ListState`; drawing takes a closure for a row, as ratatui's `List` takes
/// items, and paints the chosen row in the bar's role itself, as `List` applies its
/// `highlight_style`: a row closure draws in its ordinary roles and never asks whether it is chosen.
public struct SelectList: Sendable, Equatable {
    public var cursor = ListCursor()
    public init(index: Int = 0, top: Int = 0) { cursor = ListCursor(index: index, top: top) }

    public var index: Int {
        get { cursor.index }
        set { cursor.index = newValue }
    }
    public var top: Int {
        get { cursor.top }
        set { cursor.top = newValue }
    }

    public mutating func move(_ action: Action, count: Int, height: Int) -> Bool { cursor.move(action, count: count, height: height) }
    public mutating func fit(count: Int, height: Int) { cursor.fit(count: count, height: height) }

    /// Puts `i` on screen as a place opened from elsewhere (not stepped to) lands: by the one reveal
    /// rule, `Viewport.top(_:toShow:fraction:height:lines:)`.
    public mutating func show(_ i: Int, count: Int, height: Int) {
        cursor.index = i
        cursor.top = Viewport<Int>.top(top, toShow: i, height: height, lines: count)
        fit(count: count, height: height)
    }

    /// Draws the lines on screen, `count` in all, by `row(line, rect, &buf)`; the chosen one
    /// (`isChosen`, by default the line of the cursor's item) under the bar (`rows`).
    func draw(count: Int, in r: Rect, into buf: inout Buffer, bar: Role = .selection, isChosen: ((Int) -> Bool)? = nil,
              _ row: (_ line: Int, _ r: Rect, _ buf: inout Buffer) -> Void) {
        Self.rows(from: top, count: count, in: r, into: &buf, bar: bar, isChosen: isChosen ?? { $0 == index }, row)
    }

    /// THE row loop of every list and scrolling view (`Viewport.draw` too): lines `top...` of
    /// `count` down `r`. A chosen line's row is blanked, drawn by `row` in its own roles, then painted
    /// in `bar` across its width, the marks of `Role.throughBar` left showing: the one place a
    /// screen's choice is painted.
    static func rows(from top: Int, count: Int, in r: Rect, into buf: inout Buffer, bar: Role = .selection, isChosen: (Int) -> Bool,
                     _ row: (_ line: Int, _ r: Rect, _ buf: inout Buffer) -> Void) {
        for y in 0..<max(0, r.height) {
            let i = top + y
            guard i >= 0, i < count else { break }
            let line = r.row(y)
            guard isChosen(i) else { row(i, line, &buf); continue }
            buf.fill(line, role: bar)
            row(i, line, &buf)
            buf.paint(line, role: bar, keeping: Role.throughBar)
        }
    }

    /// The line drawn at screen row `y` of `r` (a click), or nil past the end of the list.
    func line(atY y: Int, in r: Rect, count: Int) -> Int? {
        let i = top + y - r.y
        return y >= r.y && y < r.maxY && i >= 0 && i < count ? i : nil
    }

    public func violations(count: Int, height: Int, name: String) -> [String] {
        cursor.violations(count: count, height: height, name: name)
    }
}

/// A menu laid out in a document (a decision screen's numbered items, the map's places, the brief
/// form's fields): each item is a stretch of the document's lines (an item wraps), so `top` counts
/// lines and `index` items.
extension SelectList {
    /// Keeps the choice inside the items and its lines on screen; `showing`: the lines the chosen
    /// item needs when more than its own (the brief form's focused field, opened to say what it
    /// takes), from its first line, which comes first when they do not all fit.
    mutating func fit(items: [Range<Int>], lines: Int, height: Int, showing: Range<Int>? = nil) {
        let chosen = index
        cursor.fit(count: items.count, lines: lines, height: height) { i in
            items.indices.contains(i) ? (i == chosen ? showing ?? items[i] : items[i]) : nil
        }
    }

    /// Up, Down, top and bottom, and a page by the lists' one rule (`ListCursor.turnPage`). False for
    /// any other action.
    mutating func move(_ action: Action, items: [Range<Int>], lines: Int, height: Int) -> Bool {
        switch action {
        case .pageDown, .pageUp: cursor.turnPage(down: action == .pageDown, items: items, height: height)
        default:
            guard cursor.step(action, count: items.count) else { return false }
        }
        fit(items: items, lines: lines, height: height)
        return true
    }

    /// Draws the document's lines on screen, the chosen item's under the selection bar (none when
    /// `chosen` is false: an empty list).
    func draw(_ doc: Document, items: [Range<Int>], chosen: Bool = true, in r: Rect, into buf: inout Buffer) {
        let bar = chosen && items.indices.contains(index) ? items[index] : nil
        Viewport<Int>.draw(doc, top: top, in: r, into: &buf, .init(selected: bar))
    }

    /// The item drawn at screen row `y` of `r` (a click), or nil.
    func item(atY y: Int, in r: Rect, items: [Range<Int>], lines: Int) -> Int? {
        line(atY: y, in: r, count: lines).flatMap { l in items.firstIndex { $0.contains(l) } }
    }

    func violations(items: [Range<Int>], lines: Int, height: Int, name: String) -> [String] {
        var out: [String] = []
        if !items.isEmpty && !items.indices.contains(index) { out.append("\(name): choice \(index) outside the menu of \(items.count)") }
        let most = Viewport<Int>.maxTop(lines: lines, height: height)
        if top < 0 || top > most { out.append("\(name): top \(top) outside 0...\(most)") }
        return out
    }

    /// Some line of the chosen item is on screen (or there are no rows to show it on).
    func showsChoice(items: [Range<Int>], height: Int) -> Bool {
        height <= 0 || !items.indices.contains(index) || items[index].overlaps(top..<(top + height))
    }

    /// How far down the list is, as every scrolling view says it (`Viewport.position`).
    /// "3/9": which item is chosen, for the status line.
    public func position(count: Int) -> String { cursor.position(count: count) }
    func position(lines: Int, height: Int) -> String { Viewport<Int>.position(top: top, lines: lines, height: height) }
}
