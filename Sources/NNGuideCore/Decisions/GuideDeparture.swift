// Decision data says where it comes from with the content's own `Origin` (guide or added; lint rejects
// `refilled`, which names a lost list, not a rule). Leaving out what was added gives the guide's own pick,
// so a recommendation can say when and why it departs from the guide (issue 10).

extension DecisionBook {
    /// The book as the guide itself has it: every answer, rule and filter marked `origin: added` left
    /// out. Walking it gives the guide's own pick, so a recommendation can say when and why it departs.
    public var guideOnly: DecisionBook {
        var book = self
        for t in book.trees.indices {
            for n in book.trees[t].nodes.indices {
                book.trees[t].nodes[n].options.removeAll { $0.origin == .added }
            }
        }
        book.filters.removeAll { $0.origin == .added }
        for f in book.filters.indices { book.filters[f].rules.removeAll { $0.origin == .added } }
        book.contradictions.removeAll { $0.origin == .added }
        book.nextSteps.removeAll { $0.origin == .added }
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
    /// The guide's pick for the same brief, when it differs from `pick`; nil when they agree.
    func departure(for given: Brief, pick: String, steps: [AnsweredQuestion], fired: [DecisionRule]) -> GuidePick? {
        let guideOnly = Recommender(book: guideBook, catalog: catalog, guide: guide, guideBook: guideBook)
        let theirs = try? guideOnly.decide(given, comparingWithGuide: false)
        if let theirs, theirs.pick.id == pick { return nil }
        // The first added answer on nnguide's path is where the routes part; failing that, an added rule moved the pick.
        var why = "an added rule ranks it differently."
        if let step = steps.first(where: { addedOption(tree: $0.tree, node: $0.node, answer: $0.answer) }) {
            why = "nnguide answers '\(step.question)' with '\(step.answer)' (added for current practice): \(step.why ?? "")"
        } else if let rule = fired.first(where: { $0.origin == .added && ($0.out.isEmpty == false || $0.favor.isEmpty == false) }) {
            why = "an added rule (\(rule.label ?? "constraint")) changes the ranking: \(plain(rule.says ?? rule.out.first?.reason ?? ""))"
        }
        return GuidePick(id: theirs?.pick.id, name: theirs.map { name($0.pick.id) }, leaf: theirs?.leaf.description, why: why)
    }

    private func addedOption(tree: String, node: String, answer: String) -> Bool {
        guard let n = book.tree(tree)?.node(node) else { return false }
        return n.options.contains { plain($0.answer) == answer && $0.origin == .added }
    }
}
