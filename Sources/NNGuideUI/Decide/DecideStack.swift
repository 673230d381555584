import NNGuideCore

/// Decide's screens are screens of the app's one stack (`Screen`), pushed over the hub, the decide
/// view: the variant menu, tree sessions (a variant tree pushed over the pick it refines), the
/// decision map, the brief form, the recommendation, saved briefs and the comparison of two. What
/// they share beyond the `Screen` protocol is here: the numbered menus, where a session began, and
/// the two ways a screen starts a session.

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

/// Where a tree session began: a tree chosen from the hub or the variant menu, or the path of the
/// brief in the form (^P). Sessions are put aside and resumed by it; it is never a content id.
public enum TreeOrigin: Hashable, Sendable {
    case tree(String)
    case brief
}

extension ScreenContext {
    /// Starts a tree session, or brings back the one `d` put aside for the same tree.
    mutating func start(_ tree: DecisionTree, origin: TreeOrigin) {
        resume(origin, fresh: TreeSession(Navigator(tree: tree, schema: guide.decisions.brief), origin: origin))
    }

    /// A pick's link: a page opens in the reader; "choose the variant" pushes that variant tree's
    /// session, begun at the node the pick names, over the screen it was chosen on.
    mutating func follow(_ link: Outcome.Link, from origin: TreeOrigin) -> Effect {
        switch link {
        case .page(let id): return .openPage(id, find: nil)
        case .refine(let r):
            guard var tree = guide.decisions.tree(r.tree), tree.node(r.node) != nil else {
                return .message("The variant tree '\(r.tree)' is not in this content")
            }
            tree.start = r.node
            push(TreeSession(Navigator(tree: tree, schema: guide.decisions.brief), origin: origin))
            return .none
        }
    }
}
