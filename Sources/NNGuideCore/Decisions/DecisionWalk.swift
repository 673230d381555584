/// How a brief answers a question: the recommender and the navigator's "fill from a brief" share it.
public struct BriefAnswer: Sendable, Equatable {
    /// Index of the option taken.
    public var index: Int
    /// The brief met the option's condition; otherwise the option was taken on an assumption.
    public var decided: Bool
    /// Decided: the fields that met the condition. Assumed: the fields the brief left out.
    public var fields: [BriefField]
}

extension DecisionNode {
    /// The first option whose condition the brief meets; failing that, the first it might meet once a
    /// missing field is known (an assumption), preferring one that says what it assumes (`assume`):
    /// a specialised answer placed early must not be taken on a guess; failing that, the first option
    /// without a condition. Nil when no option can be taken, which only badly written content allows.
    public func answer(for brief: Brief) -> BriefAnswer? {
        var maybe: BriefAnswer?
        var stated: BriefAnswer?
        var fallback: Int?
        for (i, o) in options.enumerated() {
            guard let when = o.when else { if fallback == nil { fallback = i }; continue }
            let (outcome, fields) = when.evaluate(brief)
            switch outcome {
            case .yes: return BriefAnswer(index: i, decided: true, fields: fields)
            case .unknown:
                if maybe == nil { maybe = BriefAnswer(index: i, decided: false, fields: fields) }
                if stated == nil, o.assume != nil { stated = BriefAnswer(index: i, decided: false, fields: fields) }
            case .no: continue
            }
        }
        return stated ?? maybe ?? fallback.map { BriefAnswer(index: $0, decided: false, fields: []) }
    }
}

extension DecisionTree {
    /// Walks from `node` as far as the brief can answer, to a leaf. Throws when the content loops or
    /// has a question no answer of which can be taken.
    public func walk(from node: String? = nil, for brief: Brief) throws(RecommendError) -> (steps: [(node: DecisionNode, answer: BriefAnswer)], leaf: DecisionNode) {
        var steps: [(node: DecisionNode, answer: BriefAnswer)] = []
        var seen: Set<String> = []
        var id = node ?? start
        while true {
            guard let current = self.node(id) else { throw RecommendError("tree '\(self.id)' has no node '\(id)'") }
            guard seen.insert(id).inserted else { throw RecommendError("tree '\(self.id)' loops back to node '\(id)'") }
            if current.isLeaf { return (steps, current) }
            guard let a = current.answer(for: brief) else {
                throw RecommendError("no answer to '\(current.question ?? id)' (\(self.id)/\(id)) fits the brief; every answer's condition fails")
            }
            steps.append((current, a))
            id = current.options[a.index].next
        }
    }
}
