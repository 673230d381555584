import NNGuideCore

/// The decision navigator (`d`) as a stack of screens (`DecideScreen`): the hub at the bottom; over
/// it the variant menu, a tree session (a variant tree pushed over a pick), the decision map, the
/// brief form, its recommendation, the saved briefs and a comparison of two. The top screen gets the
/// keys and draws; Back pops it. `d` shows the hub and puts the tree session above it aside, so the
/// hub can offer to resume it (sessions are kept while the app runs).
public struct DecideView: AppView {
    /// Bottom first; never empty (the hub is always there).
    var stack: [any DecideScreen] = [HubScreen()]
    var shared = DecideShared()

    public init() {}

    /// The screen on top: the one that has the keys.
    var top: any DecideScreen { stack[stack.count - 1] }

    /// The brief in the form (kept while the app runs; quitting keeps it as a draft).
    public internal(set) var form: BriefForm {
        get { shared.form }
        set { shared.form = newValue }
    }

    /// The topmost tree session on the stack (under the map when the map is open); only trees and
    /// maps are ever pushed over a tree.
    var session: TreeSession? { stack.last { $0 is TreeSession } as? TreeSession }

    public var scopes: [Scope] { top.scopes }
    public var idleActions: Set<Action> { top.idleActions }
    public var typing: Bool { top.typing(shared) }
    public var typingScopes: [Scope] { [.briefField] }

    // MARK: the stack

    /// Runs `body` on the top screen with a context over the shared state, then applies the stack
    /// change it asked for and fits the screen now on top.
    mutating func onTop(_ ctx: ViewContext, _ body: (inout any DecideScreen, inout DecideContext) -> Effect) -> Effect {
        var dctx = DecideContext(ctx, shared)
        var screen = stack.removeLast()
        var effect = body(&screen, &dctx)
        stack.append(screen)
        shared = dctx.shared
        if let change = dctx.change { effect = apply(change, effect, ctx) }
        fit(ctx)
        return effect
    }

    /// Pushes, pops or replaces; a popped screen is handed to the one under it (the map's Enter).
    private mutating func apply(_ change: DecideContext.StackChange, _ effect: Effect, _ ctx: ViewContext) -> Effect {
        switch change {
        case .push(let screens):
            stack += screens
        case .replace(let screen):
            stack[stack.count - 1] = screen
        case .pop:
            guard stack.count > 1 else { return effect }
            let popped = stack.removeLast()
            let after = onTop(ctx) { s, c in s.returned(from: popped, &c) }
            return after == .none ? effect : after
        }
        return effect
    }

    public mutating func activate(_ ctx: ViewContext) {
        // `d` always shows the hub; a tree session on the stack is put aside for the hub to resume.
        // The brief's path is not: the hub does not offer it, and `p` walks the form's brief afresh.
        guard !typing else { return }
        if let i = stack.firstIndex(where: { $0 is TreeSession }), let first = stack[i] as? TreeSession, first.origin != .brief {
            shared.parked[first.origin] = Array(stack[i...])
        }
        stack = [stack[0]]
    }

    public mutating func handle(_ action: Action, _ ctx: ViewContext) -> Effect {
        onTop(ctx) { s, c in s.handle(action, &c) }
    }

    /// A click (with `--mouse`) does what the keys would: an answer or menu item is chosen, a
    /// breadcrumb answer reopened, a link followed, a form field focused.
    public mutating func click(x: Int, y: Int, _ ctx: ViewContext) -> Effect {
        onTop(ctx) { s, c in s.click(x: x, y: y, &c) }
    }

    public mutating func fit(_ ctx: ViewContext) {
        var dctx = DecideContext(ctx, shared)
        stack[stack.count - 1].fit(&dctx)
        shared = dctx.shared
    }

    public func render(_ ctx: ViewContext, into buf: inout Buffer) {
        top.render(DecideContext(ctx, shared), into: &buf)
    }

    public func status(_ ctx: ViewContext) -> (String, String) {
        top.status(DecideContext(ctx, shared))
    }

    // MARK: what the loop did (`receive`, in DecideResults.swift, calls these)

    /// A decision record was saved: the screen that asked says where, else the form does.
    mutating func recordSaved(_ path: String, _ ctx: ViewContext) {
        let dctx = DecideContext(ctx, shared)
        if stack[stack.count - 1].recordSaved(path, dctx) { return }
        form.savedRecord = path
        form.notice = "Decision record saved as " + Sheet.fileName(path)
    }

    /// The briefs folder was read: the saved list nearest the top shows it.
    mutating func briefsListed(_ list: [SavedBrief], folder: String) {
        guard let i = stack.lastIndex(where: { $0 is SavedBriefsScreen }), var screen = stack[i] as? SavedBriefsScreen else { return }
        screen.listed(list, folder: folder)
        stack[i] = screen
    }

    /// The saved briefs the list on the stack shows.
    var saved: [SavedBrief] { (stack.last { $0 is SavedBriefsScreen } as? SavedBriefsScreen)?.saved ?? [] }

    public func violations(_ ctx: ViewContext) -> [String] {
        var out = top.violations(DecideContext(ctx, shared))
        if !(stack[0] is HubScreen) { out.append("decide: the stack does not start at the hub") }
        if stack.dropFirst().contains(where: { $0 is HubScreen }) { out.append("decide: a second hub on the stack") }
        return out
    }
}
