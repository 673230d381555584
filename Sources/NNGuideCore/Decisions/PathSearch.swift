/// The search behind `Navigator.command(with:)` (`y` in the explorer): which brief makes the
/// recommender take a path's answers (and, at a pick, pick the same).
///
/// How the command is found: the brief comes from the answers' `when` conditions
/// (`Navigator.impliedValues`); a required field they leave open (the task, for "Images") tries each of
/// its values in the schema's order. A brief that does not replay the answers tries one more field
/// at a time, again in the schema's order, and the first brief that replays them is the command. Most
/// of those single changes cannot matter: what a failed replay turned on is the fields that decide
/// which fields apply and which defaults fill in, the question where its walk first left the path
/// (for a variant tree, also the primary walk that enters it), and (when it got as far as a pick)
/// the fields the rules read. A change to any other field is skipped
/// without running the recommender, since it cannot make the replay succeed; so the
/// search finds the same brief as trying every change would, most often in a millisecond rather than
/// seconds (issue 22/23: `y` froze the screen for up to 12 s on paths nothing replays). A variant
/// tree no primary pick enters at a question on the path is not searched at all.
struct PathSearch {
    let navigator: Navigator
    let recommender: Recommender
    /// What the answers say about a brief (`Navigator.impliedValues`).
    let values: [BriefField: BriefValue]
    /// Every value a single change tries, per field, worked out once: a number's scan the whole book.
    let candidates: [BriefField: [BriefValue]]
    /// Read by every replay, whatever the path: which fields apply, and which defaults fill in.
    let alwaysRead: Set<BriefField>
    /// Read by the pick beyond the walks: the filters' rules, the samples band and the cost rule.
    let pickReads: Set<BriefField>
    /// What each question tests, by node id: the primary flow's and the path's own tree's.
    let primaryTested: [String: Set<BriefField>]
    let treeTested: [String: Set<BriefField>]

    init(_ navigator: Navigator, _ recommender: Recommender) {
        self.navigator = navigator
        self.recommender = recommender
        values = navigator.impliedValues
        let schema = navigator.schema, book = recommender.book
        candidates = Dictionary(schema.fields.map { ($0.field, Flips.candidates(for: $0, in: book)) }) { a, _ in a }
        var always = Set<BriefField>()
        for spec in schema.fields { always.formUnion(spec.appliesTo.keys.map { BriefField($0) }) }
        for d in book.defaults { always.formUnion(d.when?.fields ?? []) }
        alwaysRead = always
        var pick: Set<BriefField> = [.samples]
        for f in book.filters { for rule in f.rules { pick.formUnion(rule.when?.fields ?? []) } }
        for role in [BriefFieldRole.latencyBudget, .target] { if let spec = schema.field(role) { pick.insert(spec.field) } }
        pickReads = pick
        primaryTested = Self.tested(book.primaryTree)
        treeTested = Self.tested(navigator.tree)
    }

    /// The briefs the answers describe, in the order they are tried: a required field the answers leave
    /// open takes each of its values (any will do, as long as the walk agrees).
    var briefs: [Brief] {
        var bases: [[BriefField: BriefValue]] = [values]
        for spec in navigator.schema.required where values[spec.field] == nil {
            bases = bases.flatMap { b in (candidates[spec.field] ?? []).map { v in b.merging([spec.field: v]) { a, _ in a } } }
        }
        return bases.compactMap { try? Brief(schema: navigator.schema, values: $0) }
    }

    /// The fields a question's options test, by node id, for the primary flow and the path's own tree.
    static func tested(_ tree: DecisionTree?) -> [String: Set<BriefField>] {
        var out: [String: Set<BriefField>] = [:]
        for n in tree?.nodes ?? [] { out[n.id] = Set(n.options.flatMap { $0.when?.fields ?? [] }) }
        return out
    }

    /// Whether any brief could replay the path at all: the recommender enters a variant tree only where a
    /// primary pick refines into it, at a question on the path.
    var canEnter: Bool {
        let tree = navigator.tree, answers = navigator.answers
        guard let primary = recommender.book.primaryTree else { return false }
        if tree.id == primary.id && tree.start == primary.start { return true }
        let nodes = [tree.start] + answers.compactMap { a in tree.node(a.node).flatMap { $0.options[a.option].next } }
        return primary.nodes.contains { n in n.refine.map { $0.tree == tree.id && nodes.contains($0.node) } ?? false }
    }

    /// Whether the recommender, given `brief`, takes the path's answers and (at a pick) picks the same;
    /// and the fields whose change alone could alter that (nil: any field might, as when a walk failed).
    /// A changed field that neither decides what applies or defaults nor is tested where the walk first
    /// leaves the path walks the same way to that question (or leaves the path earlier), so only those
    /// fields count; past the walk, the fields the pick's rules read. A variant tree's entry rests on the
    /// whole primary walk.
    func replay(_ brief: Brief) -> (reproduces: Bool, reads: Set<BriefField>?) {
        let nav = navigator, tree = nav.tree, answers = nav.answers, r = recommender
        let understood = r.understood(brief)
        guard let primary = r.book.primaryTree, let first = try? primary.walk(for: understood) else { return (false, nil) }
        var reads = alwaysRead
        // The answers the recommender gives in this tree, from this tree's start.
        var taken: [Navigator.Answer]
        if tree.id == primary.id && tree.start == primary.start {
            taken = first.steps.map { Navigator.Answer(node: $0.node.id, option: $0.answer.index) }
        } else {
            for step in first.steps { reads.formUnion(primaryTested[step.node.id] ?? []) }
            guard let refine = first.leaf.refine, refine.tree == tree.id else { return (false, reads) }
            guard let second = try? tree.walk(from: refine.node, for: understood) else { return (false, nil) }
            // The recommender enters this tree at `refine.node`: the answers from there on must match.
            let nodes = [tree.start] + answers.compactMap { a in tree.node(a.node).flatMap { $0.options[a.option].next } }
            guard let k = nodes.firstIndex(of: refine.node) else { return (false, reads) }
            taken = Array(answers.prefix(k)) + second.steps.map { Navigator.Answer(node: $0.node.id, option: $0.answer.index) }
        }
        if let j = answers.indices.first(where: { $0 >= taken.count || taken[$0] != answers[$0] }) {
            guard j < taken.count else { return (false, nil) }
            return (false, reads.union(treeTested[answers[j].node] ?? []))
        }
        // A path that follows the form's brief shows the recommender's pick for it (rules may move it
        // off the leaf's first name), so the answers are all there is to check.
        guard let leaf = nav.leaf, nav.brief == nil else { return (true, reads) }
        // The pick alone is `decide`'s pick (same route, rules and ranking), without the reasons.
        guard let p = try? r.pick(brief) else { return (false, nil) }
        // The pick also walks the tree the primary leaf refines into.
        if let refine = first.leaf.refine, let t = r.book.tree(refine.tree) { for set in Self.tested(t).values { reads.formUnion(set) } }
        return (p.id == leaf.pick.first, reads.union(pickReads))
    }

    /// The brief itself, or the first single-field change of a field the answers did not set, that
    /// the recommender walks down these answers (to this pick). `failed` holds every brief already
    /// replayed without success (one base's change is often another base), so none is replayed twice.
    func reproducing(_ brief: Brief, fixed: Set<BriefField>, failed: inout Set<[BriefField: BriefValue]>) -> Brief? {
        guard canEnter else { return nil }
        let base = replay(brief)
        if base.reproduces { return brief }
        failed.insert(brief.values)
        for spec in brief.schema.fields where !fixed.contains(spec.field) {
            // A field the failed replay did not turn on cannot make it succeed: skip it without replaying.
            if let reads = base.reads, !reads.contains(spec.field) { continue }
            for v in candidates[spec.field] ?? [] where v != brief[spec.field] {
                var b = brief
                b[spec.field] = v
                guard !failed.contains(b.values) else { continue }
                if replay(b).reproduces { return b }
                failed.insert(b.values)
            }
        }
        return nil
    }
}
