import NNGuideCore

/// Which screen a frame of a stack shows: one of the views, or a screen another pushed.
enum ScreenID: Hashable, Sendable {
    case view(ViewID)
    case pushed(Int)

    var isView: Bool { if case .view = self { return true } else { return false } }
}

/// One screen on a stack: which it is (what the results of its commands are addressed to), and the
/// screen that pushed it, which what it is dismissed with is sent to (`Screen.resume`).
struct Frame: Sendable {
    let screen: ScreenID
    let pusher: ScreenID?
}

/// Every screen the app holds. One value of each view, in a stored property of its own type, kept
/// while the app runs and changed in place (Textual's installed screens: Help pushed again is the
/// same help); and each screen pushed by another, kept while it is on a stack. The views are few and
/// fixed, so each has its own typed property: the app reaches the reader and the glossary as
/// themselves, and the generic paths reach any screen through `call`, which hands each view to a
/// generic method as its own type, so nothing is ever cast back. The last of a new view's three
/// edits (`ViewID`): its property here and its case in the two switches (the compiler names both);
/// the keymap reaches the view's keys through the type held here (`ViewID.bindings`).
struct ScreenStore: Sendable {
    var home = HomeView()
    var contents = ContentsView()
    var reader = ReaderView()
    var search = SearchView()
    var glossary = GlossaryView()
    var compare = CompareView()
    var decide = HubScreen()
    var help = HelpView()
    private var pushed: [Int: any Screen] = [:]
    private var nextID = 1

    /// A fresh store, for what a view is before it is ever shown (`ViewID.pushed`).
    static let initial = ScreenStore()

    subscript(id: ViewID) -> any Screen {
        switch id {
        case .home: return home
        case .contents: return contents
        case .reader: return reader
        case .search: return search
        case .glossary: return glossary
        case .compare: return compare
        case .decide: return decide
        case .help: return help
        }
    }

    /// A frame's screen. A pushed screen is there from `add` until `remove`.
    subscript(id: ScreenID) -> any Screen {
        switch id {
        case .view(let v): return self[v]
        case .pushed(let n): return pushed[n]!
        }
    }

    /// Does `call` to a screen in place, as its own type: a view in its property, a pushed screen
    /// opened out of its existential (and put back as what it was: a generic method cannot change it).
    mutating func call<C: ScreenCall>(_ id: ScreenID, _ call: C, _ ctx: inout ScreenContext) -> C.Result {
        switch id {
        case .pushed(let n): return call(&pushed[n]!, &ctx)
        case .view(.home): return call(&home, &ctx)
        case .view(.contents): return call(&contents, &ctx)
        case .view(.reader): return call(&reader, &ctx)
        case .view(.search): return call(&search, &ctx)
        case .view(.glossary): return call(&glossary, &ctx)
        case .view(.compare): return call(&compare, &ctx)
        case .view(.decide): return call(&decide, &ctx)
        case .view(.help): return call(&help, &ctx)
        }
    }

    /// Keeps a screen pushed by another, under an id no other screen has had.
    mutating func add(_ screen: any Screen) -> ScreenID {
        defer { nextID += 1 }
        pushed[nextID] = screen
        return .pushed(nextID)
    }

    /// Forgets a pushed screen taken off its stack (a view is kept whatever happens).
    mutating func remove(_ id: ScreenID) {
        if case .pushed(let n) = id { pushed[n] = nil }
    }

    func holds(_ id: ScreenID) -> Bool {
        if case .pushed(let n) = id { return pushed[n] != nil }
        return true
    }

    /// The pushed screens held, for the check that none is lost or kept past its frame.
    var pushedIDs: Set<ScreenID> { Set(pushed.keys.map { .pushed($0) }) }
}

/// Something done to one screen in place, whatever its type. A generic method rather than a
/// closure (a closure cannot be generic, so it could only be handed `any Screen`, which the store
/// would have to cast back into a view's typed property).
protocol ScreenCall {
    associatedtype Result
    func callAsFunction<S: Screen>(_ screen: inout S, _ ctx: inout ScreenContext) -> Result
}

/// What the app asks of a screen that may answer with an effect and changes asked of its stack
/// (`AppState.run`).
enum Ask: ScreenCall {
    case handle(Action)
    case click(x: Int, y: Int)
    case start
    case resume(ScreenResult)
    case receive(CommandResult)
    case fit
    /// The view was asked for by its key (`Screen.activate`).
    case activate

    func callAsFunction<S: Screen>(_ s: inout S, _ ctx: inout ScreenContext) -> Effect {
        switch self {
        case .activate: return s.activate(&ctx)
        case .handle(let action): return s.handle(action, &ctx)
        case .click(let x, let y): return s.click(x: x, y: y, &ctx)
        case .start: return s.start(&ctx)
        case .resume(let result): return s.resume(result, &ctx)
        case .receive(let result): s.receive(result, &ctx); return .none
        case .fit: s.fit(&ctx); return .none
        }
    }
}

/// What the app tells a screen that only reads the context (`AppState.withView`, `withTop`).
enum Tell: ScreenCall {
    /// The view was pushed over screens with these keymap scopes (`Screen.push(over:)`).
    case pushOver([Scope])
    /// The find prompt closes, the marks typed staying.
    case closePrompt

    func callAsFunction<S: Screen>(_ s: inout S, _ ctx: inout ScreenContext) {
        switch self {
        case .pushOver(let scopes): s.push(over: scopes, ctx)
        case .closePrompt: s.prompt = nil
        }
    }
}

/// A key for the open find prompt (`Screen.promptKey`): the message to show.
struct PromptKey: ScreenCall {
    let action: Action?
    func callAsFunction<S: Screen>(_ s: inout S, _ ctx: inout ScreenContext) -> String? { s.promptKey(action, ctx) }
}

/// The screen's stack closes (`Screen.closing`), with the screens that were over it.
struct Closing: ScreenCall {
    let above: [any Screen]
    func callAsFunction<S: Screen>(_ s: inout S, _ ctx: inout ScreenContext) { s.closing(above: above, &ctx) }
}
