import NNGuideCore

/// One screen of the decision navigator, on the stack `DecideView` keeps: the hub at the bottom,
/// each screen pushed over the one it was opened from, Back dismisses it. As Textual's
/// `push_screen(screen, callback)` and `dismiss(result)`: a screen is pushed with a continuation
/// (`DecideContext.push(_:then:)`) and dismissed with a value of its own `Returns` type, which the
/// continuation gets; dismissed without one (Back, Esc), the screen under it is exactly as it was.
/// A screen holds only its own state; the brief being filled in is the one model the screens share
/// (`DecideContext.form`). A command a screen runs answers that screen (`receive`).
protocol DecideScreen: Sendable {
    /// What the screen gives back to the one that pushed it (`Never`: nothing).
    associatedtype Returns: Sendable = Never
    /// Keymap scopes, most specific first (`global` is added by the app).
    var scopes: [Scope] { get }
    /// Global actions that do nothing on this screen, left out of its hint line (`AppView.idleActions`).
    var idleActions: Set<Action> { get }
    /// True while a text field has the keys (the form's, whose text is in the brief).
    func typing(_ form: BriefForm) -> Bool
    /// The hint line's words for a key whose effect depends on what is focused (`AppView.hintWords`).
    func hintWords(_ ctx: DecideContext) -> [Action: String]
    /// True when a letter that is no key here goes to the screen as `.type` (`AppView.lettersType`).
    func lettersType(_ ctx: DecideContext) -> Bool
    /// Run once when the screen is pushed: the work it needs before it can show anything (the saved
    /// list reads the folder), as Bubble Tea's `Init() Cmd`; its result comes back to this screen.
    mutating func start(_ ctx: inout DecideContext) -> Effect
    mutating func handle(_ action: Action, _ ctx: inout DecideContext) -> Effect
    mutating func click(x: Int, y: Int, _ ctx: inout DecideContext) -> Effect
    /// The result of a command this screen ran (`Effect.run`); the app shows the message itself.
    mutating func receive(_ result: CommandResult, _ ctx: inout DecideContext)
    /// Keeps scroll and selection valid; called after every key on the top screen and after a resize.
    mutating func fit(_ ctx: inout DecideContext)
    func render(_ ctx: DecideContext, into buf: inout Buffer)
    /// Left: where you are; right: how far.
    func status(_ ctx: DecideContext) -> (String, String)
    func violations(_ ctx: DecideContext) -> [String]
    /// `/` here, as `AppView`'s find (`FindsOnPage`): the line a find starts from, nil where there is
    /// nothing to find; the marks, Esc's way back and what Enter says.
    var findFrom: Int? { get }
    mutating func setFind(_ text: String, from line: Int, _ ctx: inout DecideContext)
    mutating func clearFind()
    mutating func scroll(to line: Int, _ ctx: inout DecideContext)
    var findSummary: String { get }
    /// A tree session that `d` puts aside for the hub to resume: where it began and its answers so
    /// far. Nil for every other screen (and for the brief's own path, which `p` walks afresh).
    var resumable: (origin: TreeOrigin, answers: [String])? { get }
}

extension DecideScreen {
    var idleActions: Set<Action> { [] }
    func typing(_ form: BriefForm) -> Bool { false }
    func hintWords(_ ctx: DecideContext) -> [Action: String] { [:] }
    func lettersType(_ ctx: DecideContext) -> Bool { false }
    mutating func start(_ ctx: inout DecideContext) -> Effect { .none }
    mutating func click(x: Int, y: Int, _ ctx: inout DecideContext) -> Effect { .unhandled }
    mutating func receive(_ result: CommandResult, _ ctx: inout DecideContext) {}
    var resumable: (origin: TreeOrigin, answers: [String])? { nil }
    var findFrom: Int? { nil }
    mutating func setFind(_ text: String, from line: Int, _ ctx: inout DecideContext) {}
    mutating func clearFind() {}
    mutating func scroll(to line: Int, _ ctx: inout DecideContext) {}
    var findSummary: String { "" }

    /// Takes this screen off the stack and gives `result` to the continuation it was pushed with.
    func dismiss(with result: Returns, _ ctx: inout DecideContext) { ctx.dismiss(result) }
}

/// A decision screen that is a numbered menu over a sheet (the hub, the variant trees, the saved
/// briefs): the menu is a `SelectList` whose items are the sheet's numbered items; a click picks the
/// item under it, and fitting keeps the chosen item on screen.
protocol MenuScreen: DecideScreen {
    var menu: SelectList { get set }
    func sheet(_ ctx: DecideContext) -> Sheet
}

extension MenuScreen {
    mutating func click(x: Int, y: Int, _ ctx: inout DecideContext) -> Effect {
        let s = sheet(ctx)
        guard let i = menu.item(atY: y, in: ctx.rect.page, items: s.items, lines: s.count) else { return .unhandled }
        return handle(.pick(i + 1), &ctx)
    }

    /// Which item is chosen ("2/5"), for the status line, as every list says it.
    func position(_ ctx: DecideContext) -> String { menu.position(count: sheet(ctx).items.count) }

    /// Moves the choice for a movement key; false for any other action.
    mutating func moveMenu(_ action: Action, _ ctx: DecideContext) -> Bool {
        let s = sheet(ctx)
        return menu.move(action, items: s.items, lines: s.count, height: ctx.rect.height)
    }

    /// Keeps the choice inside the menu and brings it into view.
    mutating func fitMenu(_ ctx: DecideContext) {
        let s = sheet(ctx)
        menu.fit(items: s.items, lines: s.count, height: ctx.rect.height)
    }

    /// Draws the sheet, the chosen item under the selection bar (none when the menu is empty).
    func drawMenu(_ ctx: DecideContext, into buf: inout Buffer) {
        let s = sheet(ctx)
        menu.draw(s.doc, items: s.items, chosen: !s.items.isEmpty, in: ctx.rect.page, into: &buf)
    }

    func menuViolations(_ ctx: DecideContext, name: String) -> [String] {
        let s = sheet(ctx)
        return menu.violations(items: s.items, lines: s.count, height: ctx.rect.height, name: name)
    }
}

/// Where a tree session began: a tree chosen from the hub or the variant menu, or the path of the
/// brief in the form (`p`). Sessions are put aside and resumed by it; it is never a content id.
enum TreeOrigin: Hashable, Sendable {
    case tree(String)
    case brief
}

/// How a pushed screen's result reaches the screen that pushed it: typed where it is pushed
/// (`DecideContext.push(_:then:)`) and kept with the pushed screen until it is dismissed.
struct Continuation: Sendable {
    private let body: @Sendable (any Sendable, inout DecideContext) -> Effect

    init<R: Sendable>(_ body: @escaping @Sendable (R, inout DecideContext) -> Effect) {
        self.body = { value, ctx in
            // Never nil: only the screen this continuation was pushed with dismisses its frame, and
            // `dismiss(with:)` takes that screen's own `Returns`, the `R` of `push(_:then:)`.
            guard let r = value as? R else { return .none }
            return body(r, &ctx)
        }
    }

    func callAsFunction(_ value: any Sendable, _ ctx: inout DecideContext) -> Effect { body(value, &ctx) }
}

/// One screen on the stack: its id (what the results of its commands are addressed to) and the
/// continuation its result goes to.
struct Frame: Sendable {
    let id: Int
    var screen: any DecideScreen
    let then: Continuation?
}

/// What a Decide screen gets: the app's view context, the brief, what is put aside, and the stack
/// to ask of. The changes it asks for are applied by `DecideView` once the screen returns, in order.
struct DecideContext {
    enum StackChange {
        case push(any DecideScreen, Continuation?)
        case dismiss((any Sendable)?)
        /// The screen on top gives way to another (a session going to a place on its map).
        case replace(any DecideScreen)
        /// The session `d` put aside for this origin comes back whole; `fresh` when there is none.
        case resume(TreeOrigin, fresh: TreeSession)
    }

    let view: ViewContext
    /// The brief being filled in: the form edits it, the recommendation applies flips to it, a saved
    /// brief opens into it. Kept while the app runs; quitting keeps it as a draft.
    var form: BriefForm
    /// The answers of the sessions `d` put aside, by where they began (the hub and the variant menu
    /// offer to resume them).
    let aside: [TreeOrigin: [String]]
    private(set) var changes: [StackChange] = []

    init(_ view: ViewContext, form: BriefForm, aside: [TreeOrigin: [String]]) {
        self.view = view; self.form = form; self.aside = aside
    }

    var guide: Guide { view.guide }
    var glyphs: Glyphs { view.glyphs }
    var rect: Rect { view.rect }

    /// Pushes `screen`; `then` gets what it is dismissed with (nothing happens on a plain Back).
    mutating func push<S: DecideScreen>(_ screen: S, then: (@Sendable (S.Returns, inout DecideContext) -> Effect)? = nil) {
        changes.append(.push(screen, then.map { Continuation($0) }))
    }

    /// Takes the screen on top off the stack (Back): the one under it is as it was.
    mutating func pop() { changes.append(.dismiss(nil)) }
    mutating func dismiss(_ result: any Sendable) { changes.append(.dismiss(result)) }
    mutating func replace(with screen: any DecideScreen) { changes.append(.replace(screen)) }

    /// Starts a tree session, or brings back the one `d` put aside for the same tree.
    mutating func start(_ tree: DecisionTree, origin: TreeOrigin) {
        changes.append(.resume(origin, fresh: TreeSession(Navigator(tree: tree, schema: guide.decisions.brief), origin: origin)))
    }

    /// Asks the loop for disk work; its result comes back to the screen that asked (`receive`).
    func run(_ command: Command) -> Effect { .run(command) }

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
