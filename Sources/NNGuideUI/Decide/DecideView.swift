import NNGuideCore

/// The decision navigator (`d`) as a stack of screens (`DecideScreen`): the hub at the bottom; over
/// it the variant menu, a tree session (a variant tree pushed over a pick), the decision map, the
/// brief form, its recommendation, the saved briefs and a comparison of two. The top screen gets the
/// keys and draws; Back dismisses it and the screen under it is where the user was. `d` shows the
/// hub and puts the tree session above it aside, so the hub can offer to resume it (kept while the
/// app runs).
public struct DecideView: AppView {
    /// Bottom first; never empty (the hub, id 0, is always there).
    private(set) var frames: [Frame] = [Frame(id: 0, screen: HubScreen(), then: nil)]
    /// The brief in the form (kept while the app runs; quitting keeps it as a draft).
    public internal(set) var form = BriefForm()
    /// Sessions `d` put aside, whole (a map over them included), by where they began.
    private(set) var aside: [TreeOrigin: [Frame]] = [:]
    private var nextID = 1
    /// The frames whose commands are out, first asked first: the loop runs commands in the order they
    /// were asked for and feeds each result back before the next key (`settle`), so a key starts with
    /// none (`newKey`; a test that drops commands never sends their results).
    private var awaiting: [Int] = []

    public init() {}

    /// The screens on the stack, bottom first.
    var stack: [any DecideScreen] { frames.map(\.screen) }
    /// The screen on top: the one that has the keys.
    var top: any DecideScreen { frames[frames.count - 1].screen }

    public var scopes: [Scope] { top.scopes }
    public var idleActions: Set<Action> { top.idleActions }
    public var typing: Bool { top.typing(form) }
    public var typingScopes: [Scope] { [.briefField] }
    public func lettersType(_ ctx: ViewContext) -> Bool { top.lettersType(context(ctx)) }
    public func hintWords(_ ctx: ViewContext) -> [Action: String] { top.hintWords(context(ctx)) }

    private func context(_ ctx: ViewContext) -> DecideContext {
        DecideContext(ctx, form: form, aside: aside.mapValues { $0.flatMap { $0.screen.resumable?.answers ?? [] } })
    }

    // MARK: the stack

    /// Runs `body` on the frame at `index` with a context over the brief, then applies the changes
    /// it asked for; a command it runs is addressed to it.
    private mutating func on(_ index: Int, _ ctx: ViewContext, _ body: (inout any DecideScreen, inout DecideContext) -> Effect) -> Effect {
        var dctx = context(ctx)
        var effect = body(&frames[index].screen, &dctx)
        form = dctx.form
        if case .run = effect { awaiting.append(frames[index].id) }
        for change in dctx.changes { effect = apply(change, effect, ctx) }
        return effect
    }

    /// Runs `body` on the top screen, then fits the screen now on top.
    private mutating func onTop(_ ctx: ViewContext, _ body: (inout any DecideScreen, inout DecideContext) -> Effect) -> Effect {
        let effect = on(frames.count - 1, ctx, body)
        fit(ctx)
        return effect
    }

    /// Pushes, dismisses, replaces or resumes. A screen pushed is started (its own first command);
    /// one dismissed with a result hands it to its continuation, run over the screen under it.
    private mutating func apply(_ change: DecideContext.StackChange, _ effect: Effect, _ ctx: ViewContext) -> Effect {
        var after = Effect.none
        switch change {
        case .push(let screen, let then):
            frames.append(Frame(id: nextID, screen: screen, then: then))
            nextID += 1
            after = on(frames.count - 1, ctx) { s, c in s.start(&c) }
        case .replace(let screen):
            frames[frames.count - 1].screen = screen
        case .resume(let origin, let fresh):
            if let group = aside.removeValue(forKey: origin) { frames += group } else { return apply(.push(fresh, nil), effect, ctx) }
        case .dismiss(let result):
            guard frames.count > 1 else { return effect }
            let gone = frames.removeLast()
            if let result, let then = gone.then { after = on(frames.count - 1, ctx) { _, c in then(result, &c) } }
        }
        return after == .none ? effect : after
    }

    public mutating func activate(_ ctx: ViewContext) {
        // `d` always shows the hub; a tree session on the stack is put aside for the hub to resume.
        // The brief's path is not: the hub does not offer it, and `p` walks the form's brief afresh.
        guard !typing else { return }
        if let i = frames.firstIndex(where: { $0.screen.resumable != nil }), let origin = frames[i].screen.resumable?.origin, origin != .brief {
            aside[origin] = Array(frames[i...])
        }
        frames.removeSubrange(1...)
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
        var dctx = context(ctx)
        frames[frames.count - 1].screen.fit(&dctx)
        form = dctx.form
    }

    public func render(_ ctx: ViewContext, into buf: inout Buffer) {
        top.render(context(ctx), into: &buf)
    }

    public func status(_ ctx: ViewContext) -> (String, String) {
        top.status(context(ctx))
    }

    mutating func newKey() { awaiting.removeAll() }

    // MARK: find, on the top screen (`FindsOnPage`)

    public var findFrom: Int? { top.findFrom }
    public var findSummary: String { top.findSummary }
    public mutating func setFind(_ text: String, from line: Int, _ ctx: ViewContext) {
        _ = onTop(ctx) { s, c in s.setFind(text, from: line, &c); return .none }
    }
    public mutating func clearFind() { frames[frames.count - 1].screen.clearFind() }
    public mutating func scroll(to line: Int, _ ctx: ViewContext) {
        _ = onTop(ctx) { s, c in s.scroll(to: line, &c); return .none }
    }

    /// The result of a command a decision screen ran reaches the screen that ran it, if it is still
    /// on the stack (results come back before the next key, so it is).
    mutating func deliver(_ result: CommandResult, _ ctx: ViewContext) {
        guard !awaiting.isEmpty else { return }
        let id = awaiting.removeFirst()
        guard let i = frames.firstIndex(where: { $0.id == id }) else { return }
        var dctx = context(ctx)
        frames[i].screen.receive(result, &dctx)
        form = dctx.form
        if i == frames.count - 1 { fit(ctx) }
    }

    public func violations(_ ctx: ViewContext) -> [String] {
        var out = top.violations(context(ctx))
        if frames.first?.screen is HubScreen != true { out.append("decide: the stack does not start at the hub") }
        if frames.dropFirst().contains(where: { $0.screen is HubScreen }) { out.append("decide: a second hub on the stack") }
        if Set(frames.map(\.id)).count != frames.count { out.append("decide: two frames with one id") }
        return out
    }
}
