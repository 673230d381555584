/// The candidates a recommendation chooses among, and what the constraint rules did to each.
struct Ranking {
    private(set) var candidates: [RankedCandidate] = []

    /// The refining leaf's picks first, then the primary leaf's, then their alternatives.
    init(leaves: [DecisionNode]) {
        let ids = leaves.flatMap(\.pick) + leaves.flatMap { $0.alternatives.map(\.id) }
        for id in ids where !candidates.contains(where: { $0.id == id }) {
            candidates.append(RankedCandidate(id: id, base: candidates.count, outs: [], favoredBy: []))
        }
    }

    /// What a rule does to each candidate: rules it out (with the rule's reason) or favours it.
    mutating func apply(_ rule: DecisionRule, source: ReasonSource) -> (out: [String], favoured: [String]) {
        var out: [String] = [], favoured: [String] = []
        for i in candidates.indices {
            for o in rule.out where o.ids.contains(candidates[i].id) {
                var reason = Reason(InlineParser.plain(o.reason), source: source)
                reason.evidence = rule.evidence
                candidates[i].outs.append(reason)
                out.append(candidates[i].id)
            }
            if rule.favor.contains(candidates[i].id) { candidates[i].favoredBy.append(source); favoured.append(candidates[i].id) }
        }
        return (out, favoured)
    }

    /// What `apply` does to the order, without writing the reasons (for `Recommender.pick`).
    mutating func mark(_ rule: DecisionRule) {
        for i in candidates.indices {
            for o in rule.out where o.ids.contains(candidates[i].id) { candidates[i].outs.append(Reason(o.reason)) }
            if rule.favor.contains(candidates[i].id) { candidates[i].favoredBy.append(.brief([])) }
        }
    }

    /// Not ruled out before ruled out; more favoured before less; then the leaves' order.
    func ranked() -> [RankedCandidate] {
        candidates.sorted {
            let a = ($0.outs.isEmpty ? 0 : 1, -$0.favoredBy.count, $0.base)
            let b = ($1.outs.isEmpty ? 0 : 1, -$1.favoredBy.count, $1.base)
            return a < b
        }
    }

    /// Why an alternative is worth trying, from the leaves, with what the constraints said about it.
    func reason(for c: RankedCandidate, leaves: [DecisionNode], pick: RankedCandidate, name: (String) -> String) -> Reason {
        var text: String
        if let given = leaves.flatMap(\.alternatives).first(where: { $0.id == c.id && $0.reason != nil })?.reason {
            text = InlineParser.plain(given)
        } else if let leaf = leaves.first(where: { $0.pick.contains(c.id) }) {
            text = "Also a first pick at this step (\(InlineParser.plain(leaf.title ?? leaf.id)))."
        } else {
            text = "Named as an alternative at this step."
        }
        if c.base == 0 && pick.base != 0 {
            text = "The flow's first pick, ranked below \(name(pick.id)) by the constraints. " + text
        }
        return Reason(text, source: ReasonSource.merged(c.favoredBy))
    }

    /// A sentence for the reasons: why the pick is not the one the flow named first.
    func displacement(of base: RankedCandidate, by top: RankedCandidate, name: (String) -> String) -> Reason {
        if let first = base.outs.first {
            return Reason("\(name(base.id)) is ruled out, so \(name(top.id)) comes first: \(first.text)",
                          source: ReasonSource.merged(base.outs.compactMap(\.source)))
        }
        return Reason("\(name(top.id)) is favoured over \(name(base.id)) under these constraints.", source: ReasonSource.merged(top.favoredBy))
    }
}
