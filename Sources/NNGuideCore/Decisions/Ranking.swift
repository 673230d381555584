/// The candidates a recommendation chooses among, and what the constraint rules did to each.
struct Ranking {
    struct Candidate: Equatable {
        var id: String
        /// Position in the order the leaves give.
        var base: Int
        var outs: [(reason: String, tag: String)] = []
        /// Tags of the rules that favour it.
        var favoredBy: [String] = []

        static func == (a: Candidate, b: Candidate) -> Bool { a.id == b.id && a.base == b.base }
    }

    private(set) var candidates: [Candidate] = []

    /// The refining leaf's picks first, then the primary leaf's, then their alternatives.
    init(leaves: [DecisionNode]) {
        let ids = leaves.flatMap(\.pick) + leaves.flatMap { $0.alternatives.map(\.id) }
        for id in ids where !candidates.contains(where: { $0.id == id }) { candidates.append(Candidate(id: id, base: candidates.count)) }
    }

    mutating func apply(_ rule: DecisionRule, tag: String) {
        for i in candidates.indices {
            for out in rule.out where out.ids.contains(candidates[i].id) {
                candidates[i].outs.append((InlineParser.plain(out.reason), tag))
            }
            if rule.favor.contains(candidates[i].id) { candidates[i].favoredBy.append(tag) }
        }
    }

    /// Not ruled out before ruled out; more favoured before less; then the leaves' order.
    func ranked() -> [Candidate] {
        candidates.sorted {
            let a = ($0.outs.isEmpty ? 0 : 1, -$0.favoredBy.count, $0.base)
            let b = ($1.outs.isEmpty ? 0 : 1, -$1.favoredBy.count, $1.base)
            return a < b
        }
    }

    /// Why an alternative is worth trying, from the leaves, with what the constraints said about it.
    func reason(for c: Candidate, leaves: [DecisionNode], pick: Candidate, name: (String) -> String) -> String {
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
        if !c.favoredBy.isEmpty { text += " Favoured by [\(c.favoredBy.joined(separator: "; "))]." }
        return text
    }

    /// A sentence for the reasons: why the pick is not the one the flow named first.
    func displacement(of base: Candidate, by top: Candidate, name: (String) -> String) -> String {
        if !base.outs.isEmpty {
            return "[\(base.outs.map(\.tag).joined(separator: "; "))] \(name(base.id)) is ruled out, so \(name(top.id)) comes first: \(base.outs[0].reason)"
        }
        return "[\(top.favoredBy.joined(separator: "; "))] \(name(top.id)) is favoured over \(name(base.id)) under these constraints."
    }
}
