import NNGuideCore

/// A decision screen that is a numbered menu over a sheet (the hub, the variant trees, the saved
/// briefs): the menu is a `SelectList` whose items are the sheet's numbered items; a click picks the
/// item under it, and fitting keeps the chosen item on screen.
protocol MenuScreen: Screen {
    var menu: SelectList { get set }
    func sheet(_ ctx: ScreenContext) -> Sheet
}

extension MenuScreen {
    mutating func click(x: Int, y: Int, _ ctx: inout ScreenContext) -> Effect {
        let s = sheet(ctx)
        guard let i = menu.item(atY: y, in: ctx.rect.page, items: s.items, lines: s.count) else { return .unhandled }
        return handle(.pick(i + 1), &ctx)
    }

    /// Which item is chosen ("2/5"), for the status line, as every list says it.
    func position(_ ctx: ScreenContext) -> String { menu.position(count: sheet(ctx).items.count) }

    /// Moves the choice for a movement key; false for any other action.
    mutating func moveMenu(_ action: Action, _ ctx: ScreenContext) -> Bool {
        let s = sheet(ctx)
        return menu.move(action, items: s.items, lines: s.count, height: ctx.rect.height)
    }

    /// Keeps the choice inside the menu and brings it into view.
    mutating func fitMenu(_ ctx: ScreenContext) {
        let s = sheet(ctx)
        menu.fit(items: s.items, lines: s.count, height: ctx.rect.height)
    }

    /// Draws the sheet, the chosen item under the selection bar (none when the menu is empty).
    func drawMenu(_ ctx: ScreenContext, into buf: inout Buffer) {
        let s = sheet(ctx)
        menu.draw(s.doc, items: s.items, chosen: !s.items.isEmpty, in: ctx.rect.page, into: &buf)
    }

    func menuViolations(_ ctx: ScreenContext, name: String) -> [String] {
        let s = sheet(ctx)
        return menu.violations(items: s.items, lines: s.count, height: ctx.rect.height, name: name)
    }
}

/// The keys of Decide's menus (`Scope.decide`, one heading in help): every menu Decide pushes (the
/// variant trees, the saved briefs, two briefs side by side) takes them, so they are written once,
/// beside the protocol, the saved list's own among them.
enum DecideMenuKeys {
    static let bindings: [Binding] = [
        Binding([.enter], .open, .decide, "open the chosen item", hint: "open"),
        Binding([.char("x"), .delete], .decide(.deleteBrief), .decide, "in the saved briefs: delete the chosen brief or draft (\(Keymap.key(.decide(.deleteBrief), in: .decide)) again confirms)", hint: "delete"),
        Binding([.backspace, .left], .back, .decide, "back one step: an answer, a menu, the hub", hint: "back"),
        Binding([.char("v")], .decide(.versus), .decide, "in the saved briefs: mark one, then \(Keymap.key(.decide(.versus), in: .decide)) on another shows the two side by side"),
    ]
}
