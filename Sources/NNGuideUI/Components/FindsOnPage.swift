import NNGuideCore

/// `/` on a screen that reads as a page: the reader, help, a pick and the recommendation. The prompt
/// is the screen's (`Find.prompt`; the app gives it the keys of the screen on top through `Screen`'s
/// `prompt` and `promptKey`, which this gives every screen that finds, and draws it on the bottom
/// line); `/` opens it through `handle`, as `n` and `N` step; the prompt's keys, the marks,
/// `n`/`N`, the scrolling to a match and the messages are written here once, over the
/// screen's `Viewport`, its `Find` and the `Document` it lays out. A screen that finds conforms and
/// says which page, in which scope its keys are named and what it keeps valid after a move; a screen
/// that does not conform has no find at all (one conformance, not five defaulted methods on `Screen`).
public protocol FindsOnPage: Screen {
    associatedtype Focus: Equatable & Sendable
    var scroll: Viewport<Focus> { get set }
    var find: Find { get set }
    /// The page as laid out now (asked only while `findable`).
    func findPage(_ ctx: ScreenContext) -> Document
    /// False while the screen is not a page (a question of a tree): `/` does nothing there and the
    /// marks go. Asked without a context, since the app opens the prompt before any layout.
    var findable: Bool { get }
    /// The scope whose keys the messages name ("n next").
    static var findScope: Scope { get }
    /// How "is not ..." ends: "on this page", "in help".
    static var notFound: String { get }
    /// Says " (wrapped to the top)" when `n` goes round from the last match (the reader does).
    static var saysWrapped: Bool { get }
    /// Keeps the viewport valid after a find moved it (the reader also remembers the block on top).
    mutating func fitFind(_ doc: Document, _ ctx: ScreenContext)
}

extension FindsOnPage {
    public var findable: Bool { true }
    public static var notFound: String { "on this page" }
    public static var saysWrapped: Bool { false }

    public mutating func fitFind(_ doc: Document, _ ctx: ScreenContext) {
        scroll.clamp(lines: doc.lines.count, height: ctx.rect.height)
    }

    /// The line a find starts from and Esc in the prompt returns to; nil where there is nothing to find.
    public var findFrom: Int? { findable ? scroll.top : nil }

    /// What Enter in the prompt says ("match 1 of 3; n next, N previous").
    public var findSummary: String { find.summary(Self.findScope, notFound: Self.notFound) }

    /// Marks `text` (case ignored) and scrolls to the first match at or below `line`. With `anyWord`
    /// (a search hit) each word is marked on its own, since search matched them in any order.
    public mutating func setFind(_ text: String, from line: Int, _ ctx: ScreenContext, anyWord: Bool = false) {
        guard findable else { return }
        let doc = findPage(ctx)
        find.set(text, anyWord: anyWord, in: doc, from: line)
        scroll.top = line
        if let m = find.current { scroll.reveal(line: find.matches[m].line, lines: doc.lines.count, height: ctx.rect.height) }
        fitFind(doc, ctx)
    }

    public mutating func clearFind() { find.clear() }

    /// The prompt while it is open (`Screen.prompt`).
    public var prompt: FindPrompt? {
        get { find.prompt }
        set { find.prompt = newValue }
    }

    /// A key while the prompt is open (its action in the prompt's scope, or what it types): the words
    /// are marked as they are typed; Enter closes the prompt and says what was found (an empty prompt
    /// clears the marks); Esc closes it, clears the marks and goes back to where it was opened.
    /// Returns the message to show.
    public mutating func promptKey(_ action: Action?, _ ctx: ScreenContext) -> String? {
        guard var prompt = find.prompt else { return nil }
        switch action {
        case .open?:
            find.prompt = nil
            if prompt.field.text.isEmpty { clearFind(); return nil }
            return findSummary
        case .cancel?:
            find.prompt = nil
            clearFind()
            scroll(to: prompt.returnTo, ctx)
        case .lineUp? where prompt.field.text.isEmpty && !find.last.isEmpty:
            // The prompt opens empty, as less's `/`; Up recalls the last words, as less's history.
            prompt.field.text = find.last
            find.prompt = prompt
            setFind(prompt.field.text, from: prompt.returnTo, ctx)
        case let a?:
            if prompt.field.edit(a) {
                find.prompt = prompt
                setFind(prompt.field.text, from: prompt.returnTo, ctx)
            }
        case nil: break
        }
        return nil
    }

    /// Esc in the prompt: back to the line the find began at.
    public mutating func scroll(to line: Int, _ ctx: ScreenContext) {
        guard findable else { return }
        scroll.top = line
        fitFind(findPage(ctx), ctx)
    }

    /// `/` opens the prompt at the line the find starts from; `n` and `N` step through the marks and
    /// scroll to them; `Esc` with marks clears them. Nil for any other action, and for `/` where
    /// there is nothing to find (the screen handles it), so a screen whose Esc does more takes Esc first.
    public mutating func findKey(_ action: Action, _ ctx: ScreenContext) -> Effect? {
        switch action {
        case .find:
            guard let line = findFrom else { return nil }
            find.prompt = FindPrompt(returnTo: line)
            return Effect.none
        case .findNext, .findPrevious:
            guard findable else { return nil }
            let from = find.current
            guard let line = find.step(forward: action == .findNext) else {
                return .message(find.nothing(Self.findScope, notFound: Self.notFound))
            }
            scroll.reveal(line: line, lines: findPage(ctx).lines.count, height: ctx.rect.height)
            let wrapped = Self.saysWrapped && action == .findNext && find.current == 0 && from != nil
            return .message(findSummary + (wrapped ? " (wrapped to the top)" : ""))
        case .cancel where !find.isEmpty:
            clearFind()
            return Effect.none
        default:
            return nil
        }
    }

    /// The marks on the page laid out again (a new width, a changed brief); gone when it is no page.
    public mutating func refreshFind(_ ctx: ScreenContext) {
        guard !find.isEmpty else { return }
        if findable { find.refresh(in: findPage(ctx)) } else { find.clear() }
    }
}
