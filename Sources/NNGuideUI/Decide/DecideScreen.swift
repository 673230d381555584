import NNGuideCore

/// One screen of the decision navigator. `DecideView` keeps them as a stack: the hub at the bottom,
/// each screen pushed over the one it was opened from, Back pops it. A screen holds only its own
/// state; what the screens share (the brief in the form, the sessions put aside) is in
/// `DecideShared`, and what a screen asks of the stack goes through the context (`push`, `pop`).
protocol DecideScreen: Sendable {
    /// Keymap scopes, most specific first (`global` is added by the app).
    var scopes: [Scope] { get }
    /// Global actions that do nothing on this screen, left out of its hint line (`AppView.idleActions`).
    var idleActions: Set<Action> { get }
    /// True while a text field has the keys (the form's, whose text is in the shared brief).
    func typing(_ shared: DecideShared) -> Bool
    mutating func handle(_ action: Action, _ ctx: inout DecideContext) -> Effect
    /// The screen above this one was popped; it may carry what it was opened for (the map's place).
    mutating func returned(from screen: any DecideScreen, _ ctx: inout DecideContext) -> Effect
    mutating func click(x: Int, y: Int, _ ctx: inout DecideContext) -> Effect
    /// Keeps scroll and selection valid; called after every key on the top screen and after a resize.
    mutating func fit(_ ctx: inout DecideContext)
    func render(_ ctx: DecideContext, into buf: inout Buffer)
    /// Left: where you are; right: how far.
    func status(_ ctx: DecideContext) -> (String, String)
    func violations(_ ctx: DecideContext) -> [String]
    /// A decision record this screen asked for was saved: say where. False when it asked for none.
    mutating func recordSaved(_ path: String, _ ctx: DecideContext) -> Bool
}

extension DecideScreen {
    var idleActions: Set<Action> { [] }
    func typing(_ shared: DecideShared) -> Bool { false }
    mutating func returned(from screen: any DecideScreen, _ ctx: inout DecideContext) -> Effect { .none }
    mutating func click(x: Int, y: Int, _ ctx: inout DecideContext) -> Effect { .unhandled }
    mutating func recordSaved(_ path: String, _ ctx: DecideContext) -> Bool { false }
}

/// A decision screen that is a numbered menu over a sheet (the hub, the variant trees, the saved
/// briefs): a click picks the item under it, and fitting keeps the chosen item on screen.
protocol MenuScreen: DecideScreen {
    var menu: ListCursor { get set }
    var pane: Pane { get set }
    func sheet(_ ctx: DecideContext) -> Sheet
}

extension MenuScreen {
    mutating func click(x: Int, y: Int, _ ctx: inout DecideContext) -> Effect {
        let r = ctx.rect.page
        guard let i = pane.hit(sheet(ctx), x: x, y: y, in: r).item else { return .unhandled }
        return handle(.pick(i + 1), &ctx)
    }

    /// Keeps the choice inside the `count` items and brings it into view.
    mutating func fitMenu(count: Int, _ ctx: DecideContext) {
        menu.clamp(count: count)
        let s = sheet(ctx)
        if s.items.indices.contains(menu.index) { pane.show(s.items[menu.index], s, height: ctx.rect.height) }
        pane.clamp(s, height: ctx.rect.height)
    }
}

/// Where a tree session began: a tree chosen from the hub or the variant menu, or the path of the
/// brief in the form (`p`). Sessions are put aside and resumed by it; it is never a content id.
enum TreeOrigin: Hashable, Sendable {
    case tree(String)
    case brief
}

/// What the Decide screens share beyond their own state. Kept while the app runs.
struct DecideShared: Sendable {
    /// The brief being filled in: the form edits it, the recommendation screen applies flips to it,
    /// the saved list opens a file into it.
    var form = BriefForm()
    /// Tree sessions `d` put aside (the session's screens from its first tree up, a map over it
    /// included), by where they began; the hub and the variant menu resume them.
    var parked: [TreeOrigin: [any DecideScreen]] = [:]

    /// The trees of the session put aside for `origin`, first first (a variant tree over a pick: two).
    func parkedTrees(_ origin: TreeOrigin) -> [TreeSession] {
        (parked[origin] ?? []).compactMap { $0 as? TreeSession }
    }
}

/// What a Decide screen gets: the app's view context, the shared state, and the stack to ask of.
struct DecideContext {
    /// A change a screen asks of the stack; applied by `DecideView` once the screen returns.
    enum StackChange {
        case push([any DecideScreen])
        case pop
        /// The top screen gives way to another (an opened saved brief replaces the saved list).
        case replace(any DecideScreen)
    }

    let view: ViewContext
    var shared: DecideShared
    private(set) var change: StackChange?

    init(_ view: ViewContext, _ shared: DecideShared) { self.view = view; self.shared = shared }

    var guide: Guide { view.guide }
    var glyphs: Glyphs { view.glyphs }
    var rect: Rect { view.rect }

    mutating func push(_ screens: any DecideScreen...) { change = .push(screens) }
    mutating func push(all screens: [any DecideScreen]) { change = .push(screens) }
    mutating func pop() { change = .pop }
    mutating func replace(with screen: any DecideScreen) { change = .replace(screen) }

    /// Asks the loop for disk work; its result comes back through `DecideView.receive`, which
    /// hands it to the screen on top (`recordSaved`) or the one it is for (`briefsListed`).
    func run(_ command: Command) -> Effect { .run(command) }
}
