import NNGuideCore

/// The viewport of a decision screen: its focus is one of the sheet's targets (a breadcrumb answer,
/// a link, a flip), kept by value so it survives the sheet being laid out again.
typealias Pane = Viewport<Sheet.Target>

extension Viewport where Focus == Sheet.Target {
    /// Scrolls for a movement key, as every scrolling view does; false when the action is not one.
    mutating func scroll(_ action: Action, _ sheet: Sheet, height: Int) -> Bool {
        scroll(action, lines: sheet.count, height: height)
    }

    /// Moves the focus to the next target in `order` (indexes into the sheet's targets; default:
    /// top to bottom) and scrolls it into view, by the rule every view's Tab follows (`LinkFocus`).
    mutating func cycle(forward: Bool, _ sheet: Sheet, height: Int, order: [Int]? = nil, policy: LinkFocus = .sheet) -> Bool {
        let order = order ?? Array(sheet.targets.indices)
        return cycle(policy, targets: order.map { sheet.targets[$0] }, at: order.map { max(0, sheet.targetLines[$0]) },
                     count: sheet.count, height: height, forward: forward)
    }

    mutating func show(_ range: Range<Int>, _ sheet: Sheet, height: Int) { reveal(range, lines: sheet.count, height: height) }

    mutating func clamp(_ sheet: Sheet, height: Int) {
        clamp(lines: sheet.count, height: height)
        if let f = focus, !sheet.targets.contains(f) { focus = nil }
    }

    func violations(_ sheet: Sheet, height: Int, name: String) -> [String] {
        var out = violations(lines: sheet.count, height: height, name: name)
        if let f = focus, !sheet.targets.contains(f) { out.append("\(name): focus \(f) is not on the screen's targets") }
        return out
    }

    func position(_ sheet: Sheet, height: Int) -> String { position(lines: sheet.count, height: height) }

    /// Draws the sheet: the selected item (a numbered answer or menu item) under the selection bar,
    /// the focused target in the link-focus role, the matches of `find` marked.
    func draw(_ sheet: Sheet, in r: Rect, selected: Int?, find: Find = Find(), into buf: inout Buffer) {
        let link = focus.flatMap { sheet.targets.firstIndex(of: $0) }
        let bar = selected.flatMap { sheet.items.indices.contains($0) ? sheet.items[$0] : nil }
        draw(sheet.doc, in: r, into: &buf, .init(link: link, finds: find.matches, current: find.current, selected: bar))
    }

    /// The action a click at (x, y) in `r` stands for on a decision screen: on a target drawn there
    /// (an answer in the breadcrumb, a link, a flip), focusing it and opening it; on a numbered item,
    /// choosing it by its number. Nil for a click on neither.
    mutating func click(_ sheet: Sheet, x: Int, y: Int, in r: Rect) -> Action? {
        let hit = hit(sheet, x: x, y: y, in: r)
        if let t = hit.target { focus = t; return .open }
        return hit.item.map { .pick($0 + 1) }
    }

    /// What a click at (x, y) in `r` is on: the numbered item its line belongs to, the target drawn there.
    func hit(_ sheet: Sheet, x: Int, y: Int, in r: Rect) -> (item: Int?, target: Sheet.Target?) {
        guard let h = hit(sheet.doc, x: x, y: y, in: r) else { return (nil, nil) }
        return (sheet.items.firstIndex { $0.contains(h.line) }, h.link.map { sheet.targets[$0] })
    }
}
