import NNGuideCore

/// Scroll and focus over a sheet: the part every decision screen shares. Tab and Shift-Tab go
/// round the targets (breadcrumb answers, links) and bring the focused one into view.
struct Pane: Sendable, Equatable {
    var top = 0
    var focus: Sheet.Target?

    /// Scrolls for a movement key, as every scrolling view does; false when the action is not one.
    mutating func scroll(_ action: Action, _ sheet: Sheet, height: Int) -> Bool {
        var s = ScrollDocument()
        s.top = top
        guard s.scroll(action, lines: sheet.count, height: height) else { return false }
        top = s.top
        clamp(sheet, height: height)
        return true
    }

    /// Moves the focus to the next target in `order` (indexes into the sheet's targets; default:
    /// top to bottom) and scrolls it into view, by the rule every view's Tab follows (`LinkFocus`).
    mutating func cycle(forward: Bool, _ sheet: Sheet, height: Int, order: [Int]? = nil) -> Bool {
        let order = order ?? Array(sheet.targets.indices)
        let i = focus.flatMap { f in order.firstIndex { sheet.targets[$0] == f } }
        let lines = order.map { max(0, sheet.targetLines[$0]) }
        guard let next = LinkFocus.sheet.next(from: i, lines: lines, top: top, height: height, forward: forward) else { return false }
        focus = sheet.targets[order[next]]
        top = LinkFocus.sheet.top(showing: lines[next], from: top, height: height, count: sheet.count)
        return true
    }

    mutating func show(_ range: Range<Int>, _ sheet: Sheet, height: Int) {
        top = Sheet.scroll(top, toShow: range, height: height, lines: sheet.count)
    }

    mutating func clamp(_ sheet: Sheet, height: Int) {
        top = min(max(0, top), max(0, sheet.count - height))
        if let f = focus, !sheet.targets.contains(f) { focus = nil }
    }

    func violations(_ sheet: Sheet, height: Int, name: String) -> [String] {
        var out: [String] = []
        if top < 0 || top > max(0, sheet.count - height) { out.append("\(name): top \(top) outside 0...\(max(0, sheet.count - height))") }
        if let f = focus, !sheet.targets.contains(f) { out.append("\(name): focus \(f) is not on the screen's targets") }
        return out
    }

    func position(_ sheet: Sheet, height: Int) -> String {
        var s = ScrollDocument()
        s.top = top
        return s.position(lines: sheet.count, height: height)
    }
}
