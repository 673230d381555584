/// Tab and Shift-Tab over the links of a scrolling document: the reader's page, a glossary entry,
/// every decision screen. The one place that decides which link comes next and how the screen
/// follows it; what differs between views is named here as a policy, not written again.
struct LinkFocus {
    /// Where Tab starts. `onScreen` (a long page): from the focused link only while it is on screen;
    /// otherwise at the first link on screen (Shift-Tab: the last), else the first below it (the last
    /// above). `inOrder` (an entry, a decision screen, short and ordered): from the focused link
    /// wherever it is, else at the first link in Tab order (Shift-Tab: the last).
    enum Start { case onScreen, inOrder }
    /// How the screen follows a focused link. `fraction(n)`: only when it is off screen, and then it
    /// is put 1/n of the way down. `lookahead(n)`: with the `n` lines after it on screen too (the
    /// next links are usually what comes next), moving as little as possible.
    enum Reveal { case fraction(Int), lookahead(Int) }

    var start: Start
    var reveal: Reveal

    /// The reader's page.
    static let page = LinkFocus(start: .onScreen, reveal: .fraction(3))
    /// A glossary entry beside its list.
    static let entry = LinkFocus(start: .inOrder, reveal: .fraction(2))
    /// A decision screen (`Pane`).
    static let sheet = LinkFocus(start: .inOrder, reveal: .lookahead(3))
    /// A decision screen long enough to be read by scrolling (the recommendation): Tab starts on
    /// screen, so from the bottom it reaches "What would change the pick", not the first link far above.
    static let longSheet = LinkFocus(start: .onScreen, reveal: .lookahead(3))

    /// The link after `current` (positions in `lines`, which holds the first line of each link in Tab
    /// order), or nil when there are none.
    func next(from current: Int?, lines: [Int], top: Int, height: Int, forward: Bool) -> Int? {
        let n = lines.count
        guard n > 0 else { return nil }
        func onScreen(_ i: Int) -> Bool { lines[i] >= top && lines[i] < top + height }
        if let c = current, lines.indices.contains(c), start == .inOrder || onScreen(c) {
            return ((forward ? c + 1 : c - 1) + n) % n
        }
        if start == .inOrder { return forward ? 0 : n - 1 }
        let visible = lines.indices.filter(onScreen)
        if let v = forward ? visible.first : visible.last { return v }
        return forward ? (lines.indices.first { lines[$0] >= top } ?? 0) : (lines.indices.last { lines[$0] < top } ?? n - 1)
    }

    /// The top that shows the link at `line` of a document of `count` lines on `height` rows.
    func top(showing line: Int, from top: Int, height: Int, count: Int) -> Int {
        let line = max(0, line)
        switch reveal {
        case .fraction(let n):
            return Viewport<Int>.top(top, toShow: line, fraction: n, height: height, lines: count)
        case .lookahead(let after):
            let t = Viewport<Int>.top(top, toShow: line..<min(count, line + after + 1), height: height, lines: count)
            return Viewport<Int>.top(t, toShow: line..<(line + 1), height: height, lines: count)
        }
    }
}
