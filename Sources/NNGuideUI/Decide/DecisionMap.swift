import NNGuideCore

/// The decision map (`M` in the navigator): the whole tree on one scrolling screen, every question
/// and answer with the picks at the leaves, the path taken marked and the current node pointed at.
/// Each line is a place in the tree reached by a list of answers from the start, so Enter can jump
/// there with the navigator's own `choose`; a node reached twice is drawn once and referred to after.
/// A screen of the Decide stack, pushed over the screen it was opened from; Enter dismisses it with
/// the place chosen (`ScreenResult.place`, sent to the screen that opened it), Esc without one, so
/// the screen under it is as it was.
struct DecisionMap: Screen {
    typealias Place = MapPlace

    /// The path being mapped (a copy: the screen below changes only when Enter chooses a place).
    let nav: Navigator
    /// Which place is chosen: a list whose items are places, whose top counts lines (places wrap).
    var cursor = SelectList()
    /// The map laid out for one size: the map does not change while it is open, only the size does.
    private var built = Memo<SheetKey, Sheet>()
    private struct SheetKey: Equatable, Sendable { var width: Int; var glyphs: Glyphs; var guide: Int }

    /// Opens on the current node, so the map starts where the reader is.
    init(_ nav: Navigator, _ ctx: ScreenContext) {
        self.nav = nav
        let places = Self.places(nav.tree)
        let here = nav.answers.map(\.option)
        cursor.index = places.firstIndex { $0.answers == here } ?? 0
        fitMap(ctx)
    }

    // MARK: the tree as places

    /// Every place in depth-first order: the start, then each answer of each question it reaches.
    /// A node reached a second time is listed (Enter still reaches it that way) but not expanded again.
    static func places(_ tree: DecisionTree) -> [Place] {
        var out = [Place(answers: [])]
        var expanded: Set<String> = []
        func walk(_ id: String, _ answers: [Int]) {
            guard let n = tree.node(id), !n.isLeaf, expanded.insert(id).inserted else { return }
            for (i, o) in n.options.enumerated() {
                out.append(Place(answers: answers + [i]))
                walk(o.next, answers + [i])
            }
        }
        walk(tree.start, [])
        return out
    }

    /// The node a list of answers reaches, and whether the map expands it at that place.
    static func node(_ tree: DecisionTree, _ answers: [Int]) -> DecisionNode? {
        var id = tree.start
        for a in answers {
            guard let n = tree.node(id), n.options.indices.contains(a) else { return nil }
            id = n.options[a].next
        }
        return tree.node(id)
    }

    // MARK: layout

    /// The map laid out for one width: one item per place. Every line starts with a two-cell gutter
    /// that marks the path (the check glyph) and the current node (the pointer), so the path stays
    /// visible without colour; the branch glyphs are BoxStyle's, ASCII where the terminal needs it.
    static func sheet(_ nav: Navigator, guide: Guide, width: Int, glyphs g: Glyphs) -> Sheet {
        var s = Sheet(width: width, glyphs: g)
        let tree = nav.tree
        let taken = nav.answers.map(\.option)
        s.text("Map: " + tree.title, .title)
        s.text("\(g.check) your path \(g.bullet) \(g.pointer) you are here \(g.bullet) \(Keymap.key(.open, in: .decideMap)) jumps \(g.bullet) \(Keymap.key(.decide(.map), in: .decideMap, preferring: .escape)) returns", .dim)
        s.blank()
        var expanded: Set<String> = []
        /// Branch glyphs per level; below a depth where labels would get too narrow, levels stop indenting.
        let b = g.box
        func label(_ n: DecisionNode) -> String {
            n.isLeaf ? "Pick: " + (n.title ?? n.pick.first.map { name($0, guide) } ?? n.id) : (n.question ?? n.id)
        }
        func mark(_ answers: [Int]) -> (String, Role) {
            if answers == taken { return (g.pointer + " ", .accent) }
            if answers.count <= taken.count, Array(taken.prefix(answers.count)) == answers { return (g.check + " ", .strong) }
            return ("  ", .text)
        }
        /// `below` continues the tree's lines past a wrapped label: the siblings' and the children's.
        func place(_ answers: [Int], prefix: String, lead: String, below: String, runs: [StyledRun<Sheet.Tag>]) {
            let (m, role) = mark(answers)
            s.item { s in
                let first = [Span(m, role), Span(prefix + lead, .dim)]
                let rest = [Span("  "), Span(below, .dim)]
                s.wrap(runs, first: first, rest: rest)
            }
        }
        func walk(_ id: String, _ answers: [Int], prefix: String) {
            guard let n = tree.node(id), !n.isLeaf, expanded.insert(id).inserted else { return }
            for (i, o) in n.options.enumerated() {
                let last = i == n.options.count - 1
                let path = answers + [i]
                let next = tree.node(o.next)
                let seen = next.map { !$0.isLeaf && expanded.contains($0.id) } ?? false
                var runs = [StyledRun(s.plain(o.answer), Sheet.Tag(.strong)), StyledRun(" \(g.arrow) ", Sheet.Tag(.dim))]
                if let next {
                    runs.append(StyledRun(s.plain(label(next)), Sheet.Tag(next.isLeaf ? .accent : .text)))
                    if next.isLeaf, let r = next.refine, let t = guide.decisions.tree(r.tree) {
                        runs.append(StyledRun(" (then " + s.plain(t.title) + ")", Sheet.Tag(.dim)))
                    }
                    if seen { runs.append(StyledRun(" (its answers are shown above)", Sheet.Tag(.dim))) }
                } else {
                    runs.append(StyledRun("(missing node \(o.next))", Sheet.Tag(.warning)))
                }
                // Keep at least half the width for the label: deeper levels stop indenting.
                let deep = DisplayWidth.of(prefix) + 8 > width / 2
                let childPrefix = deep ? prefix : prefix + (last ? b.gap : b.pipe)
                let opens = next.map { !$0.isLeaf && !seen } ?? false
                place(path, prefix: prefix, lead: deep ? String((last ? b.last : b.branch).prefix(2)) : (last ? b.last : b.branch),
                      below: childPrefix + (opens ? String(b.pipe.prefix(2)) : "  "), runs: runs)
                walk(o.next, path, prefix: childPrefix)
            }
        }
        if let start = tree.node(tree.start) {
            place([], prefix: "", lead: "", below: "", runs: [StyledRun(s.plain(label(start)), Sheet.Tag(.heading))])
            walk(start.id, [], prefix: "")
        }
        return s
    }

    static func name(_ id: String, _ guide: Guide) -> String {
        guide.catalog.architectures.first { $0.id == id }?.name ?? id
    }

    // MARK: the screen

    var scopes: [Scope] { [.decideMap] }
    static let bindings: [Binding] = [
        Binding([.enter], .open, .decideMap, "jump to the chosen question or pick", hint: "jump"),
        Binding([.char("M"), .escape, .backspace], .decide(.map), .decideMap, "close the map, back where you were", hint: "close"),
    ]

    private func key(_ ctx: ScreenContext) -> SheetKey {
        SheetKey(width: ctx.rect.page.width, glyphs: ctx.glyphs, guide: ctx.library.generation)
    }

    private func layout(_ ctx: ScreenContext) -> Sheet { Self.sheet(nav, guide: ctx.guide, width: ctx.rect.page.width, glyphs: ctx.glyphs) }

    func sheet(_ ctx: ScreenContext) -> Sheet { built.peek(key(ctx)) ?? layout(ctx) }

    private mutating func laidOut(_ ctx: ScreenContext) -> Sheet { built.peek(key(ctx)) ?? built.keep(key(ctx), layout(ctx)) }

    mutating func handle(_ action: Action, _ dctx: inout ScreenContext) -> Effect {
        let places = Self.places(nav.tree)
        switch action {
        case .decide(.map), .cancel:
            dctx.pop()
        case .open:
            guard places.indices.contains(cursor.index) else { return .unhandled }
            dctx.dismiss(.place(places[cursor.index]))
        default:
            let s = laidOut(dctx)
            guard cursor.move(action, items: s.items, lines: s.count, height: dctx.rect.height) else { return .unhandled }
        }
        return .none
    }

    mutating func fit(_ dctx: inout ScreenContext) { fitMap(dctx) }

    /// Keeps the chosen place's lines on screen (a place may wrap to several); reads the context only.
    mutating func fitMap(_ ctx: ScreenContext) {
        let s = laidOut(ctx)
        cursor.fit(items: s.items, lines: s.count, height: ctx.rect.height)
    }

    func render(_ dctx: ScreenContext, into buf: inout Buffer) {
        let s = sheet(dctx)
        cursor.draw(s.doc, items: s.items, in: dctx.rect.page, into: &buf)
    }

    func status(_ dctx: ScreenContext) -> (String, String) {
        let g = dctx.glyphs
        return ("Decide \(g.sep) " + g.text(nav.tree.title),
                "map \(g.bullet) " + cursor.position(lines: sheet(dctx).count, height: dctx.rect.height))
    }

    func violations(_ dctx: ScreenContext) -> [String] {
        let s = sheet(dctx)
        var out = cursor.violations(items: s.items, lines: s.count, height: dctx.rect.height, name: "decide map")
        // The map is fitted when it is pushed, so its choice is on screen from the first frame.
        if !cursor.showsChoice(items: s.items, height: dctx.rect.height) { out.append("decide map: the chosen place is off screen") }
        return out
    }
}

/// One line of the decision map: the answers that lead to it from the tree's start.
public struct MapPlace: Sendable, Equatable {
    public var answers: [Int]
}
