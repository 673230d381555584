import NNGuideCore

/// `/` on a decision screen that reads as a long page (the recommendation, a pick), as in the reader
/// and help: the app's one prompt (`AppView.findFrom`, the top screen of the stack),
/// the marks drawn by the pane, `n`/`N` stepping and scrolling, `Esc` clearing the marks. The screen
/// keeps a `Find` beside its pane and says which sheet is its page.
protocol FindsOnPage: Screen {
    var pane: Pane { get set }
    var find: Find { get set }
    /// The page as laid out now, or nil where there is nothing to find (a question).
    func page(_ ctx: ScreenContext) -> Sheet?
    /// True while the screen is a page (`findFrom` is asked without a context).
    var findable: Bool { get }
}

extension FindsOnPage {
    static var notFound: String { "on this page" }

    var findFrom: Int? { findable ? pane.top : nil }

    var findSummary: String { find.summary(.decidePick, notFound: Self.notFound) }

    /// Marks `text` (case ignored) and scrolls to the first match at or below `line`.
    mutating func setFind(_ text: String, from line: Int, _ ctx: ScreenContext) {
        guard let s = page(ctx) else { return }
        let height = ctx.rect.height
        find.set(text, in: s.doc, from: line)
        pane.top = line
        if let m = find.current { pane.reveal(line: find.matches[m].line, lines: s.count, height: height) }
        pane.clamp(s, height: height)
    }

    mutating func clearFind() { find.clear() }

    /// Esc in the prompt: back to where the find began.
    mutating func scroll(to line: Int, _ ctx: ScreenContext) {
        guard let s = page(ctx) else { return }
        pane.top = line
        pane.clamp(s, height: ctx.rect.height)
    }

    /// `n`, `N` and `Esc` over marks; nil for any other action (the screen handles it).
    mutating func findKey(_ action: Action, _ ctx: ScreenContext) -> Effect? {
        switch action {
        case .findNext, .findPrevious:
            guard let s = page(ctx) else { return nil }
            guard let line = find.step(forward: action == .findNext) else {
                return .message(find.nothing(.decidePick, notFound: Self.notFound))
            }
            pane.reveal(line: line, lines: s.count, height: ctx.rect.height)
            return .message(findSummary)
        case .cancel where !find.isEmpty:
            clearFind()
            return Effect.none
        default:
            return nil
        }
    }

    /// The marks on the page laid out again (a new width, a changed brief).
    mutating func refreshFind(_ ctx: ScreenContext) {
        guard !find.isEmpty else { return }
        if let s = page(ctx) { find.refresh(in: s.doc) } else { find.clear() }
    }
}
