/// A selection in a list of `count` rows shown `height` at a time: the one scroll rule of the lists
/// (the cursor is always on screen, the list never scrolls past its end). Most lists have a line per
/// item; one whose items take several lines (search results) counts `top` in lines and says which
/// lines the chosen item needs (`fit(count:lines:height:showing:)`).
public struct ListCursor: Sendable, Equatable {
    public var index = 0
    public var top = 0

    public init(index: Int = 0, top: Int = 0) { self.index = index; self.top = top }

    public mutating func fit(count: Int, height: Int) {
        let h = max(1, height)
        index = count == 0 ? 0 : min(max(0, index), count - 1)
        if index < top { top = index }
        if index >= top + h { top = index - h + 1 }
        top = min(max(0, top), max(0, count - h))
    }

    /// Fits a list whose items take several lines: `index` counts items, `top` lines (of `lines`), and
    /// `showing(i)` is the lines item `i` needs on screen (its title, the group heading above it).
    public mutating func fit(count: Int, lines: Int, height: Int, showing: (Int) -> Range<Int>?) {
        let h = max(1, height)
        index = count == 0 ? 0 : min(max(0, index), count - 1)
        if count > 0, let r = showing(index) {
            if r.lowerBound < top { top = r.lowerBound }
            if r.upperBound > top + h { top = r.upperBound - h }
        }
        top = min(max(0, top), max(0, lines - h))
    }

    /// Moves for a list action; returns false when the action is not a movement.
    public mutating func move(_ action: Action, count: Int, height: Int) -> Bool {
        let page = max(1, height - 1)
        guard step(action, count: count, page: page) else { return false }
        // A page turns the list with the cursor, so the rows under it are the next page's.
        if action == .pageDown { top += page }
        if action == .pageUp { top -= page }
        fit(count: count, height: height)
        return true
    }

    /// Moves the cursor alone (`page` items for a page); the caller fits the list after it.
    public mutating func step(_ action: Action, count: Int, page: Int) -> Bool {
        switch action {
        case .lineDown: index += 1
        case .lineUp: index -= 1
        case .pageDown: index += page
        case .pageUp: index -= page
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
