import NNGuideCore

// Decide's screens are screens of the app's one stack (`Screen`), pushed over the hub, the decide
// view: the variant menu, tree sessions (a variant tree pushed over the pick it refines), the
// decision map, the brief form, the recommendation, saved briefs and the comparison of two. What
// they share beyond `Screen` is the brief (`ScreenContext.draft`), the numbered menus
// (`MenuScreen`) and, here, the tree sessions: where one began, how one starts, and the ones put aside.

/// Where a tree session began: a tree chosen from the hub or the variant menu, or the path of the
/// brief in the form (^P). Sessions are put aside and resumed by it; it is never a content id.
public enum TreeOrigin: Hashable, Sendable {
    case tree(String)
    case brief
}

/// The tree sessions `d` put aside, whole (a variant tree chosen at the pick and a map over them
/// included), by where they began, with their answers so far: the hub and the variant menu offer
/// to resume them. Decide's own value: the app keeps it and passes it through the context as it
/// does the brief (`ScreenContext.sessions`), and a session puts itself here when its stack closes
/// (`TreeSession.closing`), so the app's stack knows nothing of sessions. Across a quit they are
/// kept in the reading state as `DecideProgress` (the trees and answers, not the screens): `kept`
/// on the way out, `restore` when the hub is first shown over the whole guide.
struct DecideSessions: Sendable {
    private struct Kept: Sendable {
        /// Each tree of the session, bottom first, as the reading state keeps it.
        var trees: [DecideProgress.Walk]
        var screens: [any Screen]
        /// Every answer, through the variant trees, as the hub's resume line says them.
        var answers: [String] { trees.flatMap { $0.answers.map(\.answer) } }
    }
    private var kept: [TreeOrigin: Kept] = [:]
    /// The sessions the reading state kept were rebuilt (or there were none to rebuild): until then
    /// a quit keeps the reading state's list as it was (`AppState.leave`).
    private(set) var restored = false

    /// The answers of the session put aside for `origin`, through a variant tree chosen at its pick
    /// too; none when nothing was put aside.
    func answers(_ origin: TreeOrigin) -> [String] { kept[origin]?.answers ?? [] }
    func holds(_ origin: TreeOrigin) -> Bool { kept[origin] != nil }
    /// The navigator of the session put aside for `origin` (its bottom tree): what its answers imply.
    func navigator(_ origin: TreeOrigin) -> Navigator? { (kept[origin]?.screens.first as? TreeSession)?.nav }

    var count: Int { kept.count }
    var isEmpty: Bool { kept.isEmpty }
    /// The screens put aside for `origin`, bottom first.
    subscript(origin: TreeOrigin) -> [any Screen]? { kept[origin]?.screens }

    /// Called for each session of a closing stack, top first, with the screens over it. While a
    /// session of an origin is on the stack nothing is kept for that origin (starting one takes
    /// what was: `ScreenContext.start`), so what is kept for it now came from the session over
    /// this one (a variant tree chosen at its pick): this one takes it in, answers first.
    mutating func putAside(_ origin: TreeOrigin, _ nav: Navigator, screens: [any Screen]) {
        let walk = DecideProgress.Walk(tree: nav.tree.id, start: nav.tree.start, answers: nav.breadcrumb.map {
            DecideProgress.Answer(node: $0.node.id, option: $0.index, answer: InlineParser.plain($0.option.answer))
        })
        let over = kept[origin]
        kept[origin] = Kept(trees: [walk] + (over?.trees ?? []), screens: screens)
    }

    /// What was put aside for `origin`, no longer kept.
    mutating func take(_ origin: TreeOrigin) -> [any Screen]? { kept.removeValue(forKey: origin)?.screens }

    /// The sessions with an answer given, for the reading state, in the order of their trees' ids
    /// (the file diffs cleanly). A session with no answer is not worth resuming.
    var progress: [DecideProgress] {
        kept.compactMap { origin, k -> (String, DecideProgress)? in
            guard case .tree(let id) = origin, !k.answers.isEmpty else { return nil }
            return (id, DecideProgress(trees: k.trees))
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Rebuilds the sessions the reading state kept (`ReadingState.decide`), once, over `guide`: each
    /// tree's answers are given again as the keys gave them, and the sessions are put aside for the
    /// hub to offer. One whose tree, question or answer the content no longer has (the text of an
    /// answer included), or whose variant tree its pick no longer offers, is dropped without a word.
    /// Not over a guide with no decision trees (the preview drawn before the whole guide arrives):
    /// then nothing is marked rebuilt, and the next call tries again.
    mutating func restore(_ list: [DecideProgress], guide: Guide) {
        guard !restored, !guide.decisions.trees.isEmpty else { return }
        restored = true
        for p in list {
            guard let first = p.trees.first, !holds(.tree(first.tree)),
                  let sessions = Self.rebuild(p, origin: .tree(first.tree), guide: guide) else { continue }
            for (i, session) in sessions.enumerated().reversed() {
                putAside(session.origin, session.nav, screens: sessions[i...].map { $0 as any Screen })
            }
        }
    }

    /// The sessions of one kept progress, bottom first; nil when any of it no longer fits the content.
    static func rebuild(_ p: DecideProgress, origin: TreeOrigin, guide: Guide) -> [TreeSession]? {
        var out: [TreeSession] = []
        for (i, walk) in p.trees.enumerated() {
            guard var tree = guide.decisions.tree(walk.tree) else { return nil }
            if i > 0 {
                // A variant tree over a pick begins at the node that pick names, as it did.
                guard let r = out[i - 1].nav.leaf?.refine, r.tree == walk.tree, r.node == walk.start,
                      tree.node(r.node) != nil else { return nil }
                tree.start = r.node
            }
            var nav = Navigator(tree: tree, schema: guide.decisions.brief)
            for a in walk.answers {
                let here = nav.current
                guard here.id == a.node else { return nil }
                // The option at its place, if its text is unchanged; else the one with that text (options reordered).
                let texts = here.options.map { InlineParser.plain($0.answer) }
                guard let k = texts.indices.contains(a.option) && texts[a.option] == a.answer ? a.option : texts.firstIndex(of: a.answer),
                      nav.choose(k) else { return nil }
            }
            out.append(TreeSession(nav, origin: origin))
        }
        return out.isEmpty ? nil : out
    }
}

extension ScreenContext {
    /// Starts a tree session, or brings back the one `d` put aside for the same tree, whole.
    mutating func start(_ tree: DecisionTree, origin: TreeOrigin) {
        if let kept = sessions.take(origin) { pushAgain(kept); return }
        push(TreeSession(Navigator(tree: tree, schema: guide.decisions.brief), origin: origin))
    }

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
