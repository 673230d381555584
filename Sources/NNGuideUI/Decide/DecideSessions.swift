import NNGuideCore

// Decide's screens are screens of the app's one stack (`Screen`), pushed over the hub, the decide
// view: the variant menu, tree sessions (a variant tree pushed over the pick it refines), the
// decision map, the brief form, the recommendation, saved briefs and the comparison of two. What
// they share beyond `Screen` is the brief (`ScreenContext.draft`), the numbered menus
// (`MenuScreen`) and, here, the tree sessions: where one began, how one starts, and the ones put aside.

/// Where a tree session began: a tree chosen from the hub or the variant menu, or the path of the
/// brief in the form (`p`). Sessions are put aside and resumed by it; it is never a content id.
public enum TreeOrigin: Hashable, Sendable {
    case tree(String)
    case brief
}

/// The tree sessions `d` put aside, whole (a variant tree chosen at the pick and a map over them
/// included), by where they began, with their answers so far: the hub and the variant menu offer
/// to resume them. Decide's own value: the app keeps it and passes it through the context as it
/// does the brief (`ScreenContext.sessions`), and a session puts itself here when its stack closes
/// (`TreeSession.closing`), so the app's stack knows nothing of sessions.
struct DecideSessions: Sendable {
    private struct Kept: Sendable {
        var answers: [String]
        var screens: [any Screen]
    }
    private var kept: [TreeOrigin: Kept] = [:]

    /// The answers of the session put aside for `origin`, through a variant tree chosen at its pick
    /// too; none when nothing was put aside.
    func answers(_ origin: TreeOrigin) -> [String] { kept[origin]?.answers ?? [] }
    func holds(_ origin: TreeOrigin) -> Bool { kept[origin] != nil }

    var count: Int { kept.count }
    var isEmpty: Bool { kept.isEmpty }
    /// The screens put aside for `origin`, bottom first.
    subscript(origin: TreeOrigin) -> [any Screen]? { kept[origin]?.screens }

    /// Called for each session of a closing stack, top first, with the screens over it. While a
    /// session of an origin is on the stack nothing is kept for that origin (starting one takes
    /// what was: `ScreenContext.start`), so what is kept for it now came from the session over
    /// this one (a variant tree chosen at its pick): this one takes it in, answers first.
    mutating func putAside(_ origin: TreeOrigin, answers: [String], screens: [any Screen]) {
        kept[origin] = Kept(answers: answers + (kept[origin]?.answers ?? []), screens: screens)
    }

    /// What was put aside for `origin`, no longer kept.
    mutating func take(_ origin: TreeOrigin) -> [any Screen]? { kept.removeValue(forKey: origin)?.screens }
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
