import NNGuideCore

/// The screen stacks: what a screen asks of its stack (`ScreenContext`: push, dismiss with a result,
/// push again what it kept), one Back, and where commands' and pushed screens' results go: to the screen that asked.
extension AppState {
    /// Asks a screen with a context over the brief, keeps the brief it changed and applies
    /// the changes it asked of the stack, in order. A command it runs is asked in its name, so the
    /// result comes back to it.
    mutating func run(_ id: ScreenID, _ ask: Ask) -> Effect {
        var ctx = context
        var effect = screens.call(id, ask, &ctx)
        draft = ctx.draft
        sessions = ctx.sessions
        if case .run(let command) = effect {
            pending.append((command, Asker(screen: id)))
            effect = .none
        }
        for change in ctx.changes { effect = apply(change, effect, from: id) }
        return effect
    }

    /// Asks the screen on top, then fits the screen on top now: a screen that came on top,
    /// or a pushed one (a decision screen lays itself out for the state it is in).
    mutating func onTop(_ ask: Ask) -> Effect {
        let was = top
        let effect = run(top, ask)
        if top != was || !top.isView { fitTop() }
        return effect
    }

    /// Does `call` to the screen on top, for what only reads the context (the find prompt).
    mutating func withTop<C: ScreenCall>(_ call: C) -> C.Result {
        var ctx = context
        return screens.call(top, call, &ctx)
    }

    mutating func fitTop() { _ = run(top, .fit) }

    /// Pushes, dismisses or pushes again, on the stack shown, for the screen `asker`. A screen pushed
    /// is started (its own first command) and remembers who pushed it; one dismissed with a result
    /// sends it to that screen's `resume`, as a command's result reaches the screen that ran it.
    private mutating func apply(_ change: StackChange, _ effect: Effect, from asker: ScreenID?) -> Effect {
        var after = Effect.none
        switch change {
        case .push(let screen):
            let id = screens.add(screen)
            frames.append(Frame(screen: id, pusher: asker))
            after = run(id, .start)
        case .pushAgain(let kept):
            var pusher = asker
            for screen in kept {
                let id = screens.add(screen)
                frames.append(Frame(screen: id, pusher: pusher))
                pusher = id
            }
        case .dismiss(let result):
            guard let gone = frames.popLast() else { return effect }
            screens.remove(gone.screen)
            if let result, let pusher = gone.pusher, screens.holds(pusher) { after = run(pusher, .resume(result)) }
        }
        return after == .none ? effect : after
    }

    /// Pushes a modal box (the popover, the sources) over the screen on top, on the same stack.
    mutating func pushBox<S: Screen>(_ box: S) {
        _ = apply(.push(box), .none, from: nil)
    }

    /// True when the screen on top is a modal box (`Presentation.modal`).
    public var modalOnTop: Bool { type(of: current).modal }

    /// The screen that draws and names the status line: the one on top, or the one a modal box is over.
    var shown: any Screen {
        screens[frames.last { !type(of: screens[$0.screen]).modal }?.screen ?? .view(base)]
    }

    /// Pushes a view over the screen showing (Help; never over itself); Back dismisses it.
    mutating func push(_ id: ViewID) {
        guard !stack.contains(id) else { return }
        // From a text field, help opens at the field's keys: they are the ones that act there (help
        // opens at the first section of those it is given).
        let beneath = typing ? current.typingScopes : current.scopes
        // Help over a filter closes back to its list (sixth retest expected the list).
        if typing, current.fieldClosesForHelp { _ = run(top, .handle(.cancel)) }
        frames.append(Frame(screen: .view(id), pusher: nil))
        withView(id, Tell.pushOver(beneath))
    }

    /// Takes the top screen off: the one under it is exactly as it was (fitted, for a resize meanwhile).
    mutating func pop() {
        _ = apply(.dismiss(nil), .none, from: nil)
        fitTop()
    }

    /// One Back: the screen on top takes it first (an answer to step back, a flip to undo) and is
    /// dismissed when it does not; with nothing over the view shown, back in reading history.
    mutating func back() {
        guard !frames.isEmpty else {
            guard let prev = history.popLast() else { message = "Nothing to go back to"; return }
            forwardHistory.append(location)
            show(prev)
            return
        }
        let effect = onTop(.handle(.back))
        if effect == .unhandled { pop() } else { apply(effect, for: .back) }
    }

    /// A view asked for by its key shows itself, not what was over it: the screens over it close,
    /// each told first, top first, with the ones over it (`Screen.closing`), so one may keep itself
    /// and them to push again (Decide's tree sessions, which the hub resumes). A stack whose top is
    /// typing (help over the brief form, then `d`) is left as it is.
    mutating func clearStack() {
        guard !typing else { return }
        let gone = frames
        frames = []
        var ctx = context
        for i in gone.indices.reversed() {
            let above = gone[(i + 1)...].map { screens[$0.screen] }
            screens.call(gone[i].screen, Closing(above: above), &ctx)
        }
        draft = ctx.draft
        sessions = ctx.sessions
        for f in gone { screens.remove(f.screen) }
    }

    /// On the way out: Decide's tree sessions, those put aside and those still on a stack (told they
    /// close, as `d` tells them, on copies: the screen drawn last stays), go into the reading state
    /// for the hub to offer after a restart. Until the ones the last quit kept were rebuilt (the hub
    /// not yet shown over the whole guide), those are kept as they were.
    mutating func keepSessions() {
        var ctx = context
        var store = screens
        for frames in stacks.values {
            for i in frames.indices.reversed() {
                let above = frames[(i + 1)...].map { store[$0.screen] }
                store.call(frames[i].screen, Closing(above: above), &ctx)
            }
        }
        guard ctx.sessions.restored else { return }
        reading.decide = ctx.sessions.progress
    }

    /// Help closes when a place opens: it is about the screen it was pushed over. What another
    /// screen pushed stays on its view's stack.
    mutating func closePushedViews() {
        frames.removeAll { $0.screen.isView }
    }

    /// The result of a command a screen ran reaches that screen, wherever it is, if it is still held.
    mutating func deliver(_ result: CommandResult, to asker: Asker) {
        guard let id = asker.screen, screens.holds(id) else { return }
        // A screen's result may change its stack, which a box on top of it would take instead: the
        // box, about what was on screen, closes first.
        if modalOnTop && id != top { pop() }
        _ = run(id, .receive(result))
        if id == top { fitTop() }
    }
}
