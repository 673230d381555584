// Decision data says where it comes from with the content's own `Origin` (guide or added; lint rejects
// `refilled`, which names a lost list, not a rule). Leaving out what was added gives the guide's own pick,
// so a recommendation can say when and why it departs from the guide (issue 10).

extension DecisionBook {
    /// The book as the guide itself has it: every answer, rule and filter marked `origin: added` (or
    /// a team's, from an overlay) left out. Walking it gives the guide's own pick, so a recommendation can say when and why it departs.
    public var guideOnly: DecisionBook {
        var book = self
        for t in book.trees.indices {
            for n in book.trees[t].nodes.indices {
                book.trees[t].nodes[n].options.removeAll { $0.origin.beyondGuide }
            }
        }
        book.filters.removeAll { $0.origin.beyondGuide }
        for f in book.filters.indices { book.filters[f].rules.removeAll { $0.origin.beyondGuide } }
        book.contradictions.removeAll { $0.origin.beyondGuide }
        book.nextSteps.removeAll { $0.origin.beyondGuide }
        // What nnguide assumes for a missing field is its own reading too (no labelled anomalies, foundation
        // models for forecasting): the guide's flow reads the brief without those defaults.
        book.defaults.removeAll { $0.origin.beyondGuide }
        return book
    }
}

/// What the guide's own flow picks for a brief, when nnguide's pick differs, and why.
public struct GuidePick: Sendable, Equatable, Encodable {
    /// Catalog id of the guide's pick; nil when the guide's flow has no route for the brief at all.
    public var id: String?
    public var name: String?
    /// The guide's leaf ("primary/image-cnn").
    public var leaf: String?
    /// Why nnguide departs: the added answer or rule that changed the pick.
    public var why: String

    /// One line for text output and the decision record.
    public var line: String {
        let guide = name.map { "the guide's own flow picks \($0)" } ?? "the guide's own flow has no route for this brief"
        return "Departs from the guide: \(guide); \(why)"
    }
}

extension Recommender {
    /// The guide's pick for the same brief, when it differs from `pick`; nil when they agree. The reason
    /// names what made the difference: an added answer when the routes reach different leaves, and the
    /// added rule (a filter's threshold or a data band) that ruled the guide's pick out or favoured
    /// nnguide's, with its reason, when a rule moved the pick (also on top of an added answer).
    func departure(for given: Brief, pick: String, leaf: LeafRef, steps: [AnsweredQuestion],
                   fired: [(rule: DecisionRule, record: FiredRule)]) -> GuidePick? {
        var guideOnly = Recommender(book: guideBook, catalog: catalog, guide: guide, guideBook: guideBook)
        guideOnly.comparesCost = false
        let theirs = try? guideOnly.decide(given, comparingWithGuide: false)
        if let theirs, theirs.pick.id == pick { return nil }
        var why: [String] = []
        let answer = steps.first { addedOption(tree: $0.tree, node: $0.node, answer: $0.answer) }
        if let step = answer, theirs?.leaf != leaf || theirs == nil {
            why.append("nnguide answers '\(step.question)' with '\(step.answer)' (added for current practice): \(step.why ?? "")")
        }
        if let theirs, let moved = movingRule(fired, guidePick: theirs.pick.id, pick: pick) { why.append(moved) }
        if why.isEmpty, let step = answer {
            why.append("nnguide answers '\(step.question)' with '\(step.answer)' (added for current practice): \(step.why ?? "")")
        }
        return GuidePick(id: theirs?.pick.id, name: theirs.map { name($0.pick.id) }, leaf: theirs?.leaf.description,
                         why: why.isEmpty ? "an added rule ranks it differently." : why.joined(separator: " Also, "))
    }

    /// The added rule that ruled the guide's pick out, else the one that favoured nnguide's, named with its
    /// filter (or band) and threshold, and its reason.
    private func movingRule(_ fired: [(rule: DecisionRule, record: FiredRule)], guidePick: String, pick: String) -> String? {
        let added = fired.filter { $0.rule.origin == .added }
        if let (rule, record) = added.first(where: { $0.record.ruledOut.contains(guidePick) }) {
            return "\(ruleName(record)) rules out \(name(guidePick))" + because(rule.out.first { $0.ids.contains(guidePick) }?.reason, rule.says)
        }
        if let (rule, record) = added.first(where: { $0.record.favoured.contains(pick) }) {
            return "\(ruleName(record)) favours \(name(pick))" + because(rule.says, record.says)
        }
        return nil
    }

    /// ": the reason" from the first of the texts that says something; "." when none does.
    private func because(_ texts: String?...) -> String {
        guard let text = texts.compactMap({ $0.map(plain) }).first(where: { !$0.isEmpty }) else { return "." }
        return ": " + text
    }

    /// "nnguide's added rule 'Latency' (≤ 50 ms)": the filter's name (or the band's id) and the threshold.
    private func ruleName(_ record: FiredRule) -> String {
        let filter = book.filters.first { $0.id == record.filter }.map { plain($0.name) } ?? record.filter
        return "nnguide's added rule '\(filter)'" + (record.label.map { " (\(plain($0)))" } ?? "")
    }

    private func addedOption(tree: String, node: String, answer: String) -> Bool {
        guard let n = book.tree(tree)?.node(node) else { return false }
        return n.options.contains { plain($0.answer) == answer && $0.origin == .added }
    }
}
