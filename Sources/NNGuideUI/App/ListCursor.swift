/// A selection in a list of `count` rows shown `height` at a time: the scroll rule of the contents,
/// glossary, home and compare lists (the cursor is always on screen, the list never scrolls past its
/// end). The decide menus, tree sessions and search results still keep cursors of their own (issue 9).
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

    /// Moves for a list action; returns false when the action is not a movement.
    public mutating func move(_ action: Action, count: Int, height: Int) -> Bool {
        let page = max(1, height - 1)
        switch action {
        case .lineDown: index += 1
        case .lineUp: index -= 1
        case .pageDown: index += page; top += page
        case .pageUp: index -= page; top -= page
        case .top: index = 0
        case .bottom: index = count - 1
        default: return false
        }
        fit(count: count, height: height)
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
