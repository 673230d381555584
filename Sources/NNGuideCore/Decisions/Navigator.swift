/// Stepping through one decision tree: where you are, the answers so far, stepping back, and changing
/// an earlier answer. The explorer only renders it and feeds it keys; every rule lives here.
public struct Navigator: Sendable, Equatable {
    /// One answered question.
    public struct Answer: Sendable, Equatable {
        public var node: String
        public var option: Int
    }

    /// A breadcrumb entry: the question and the answer chosen for it.
    public struct Crumb: Sendable, Equatable {
        public var node: DecisionNode
        public var option: DecisionOption
        public var index: Int
    }

    public let tree: DecisionTree
    /// The brief's fields, for turning answers back into a brief.
    public let schema: BriefSchema
    public private(set) var answers: [Answer] = []

    public init(tree: DecisionTree, schema: BriefSchema) { self.tree = tree; self.schema = schema }

    /// The brief this path follows (`p` in the form), as the user gave it; nil for a tree stepped
    /// through by hand. Its values stay part of every brief the answers imply, so the pick, `y` and
    /// the record say the samples the user typed, not a number that stands for a range.
    public private(set) var brief: Brief?
    /// The brief as the recommender reads it (defaults filled in): what the answers were taken from.
    private var understood: [BriefField: BriefValue] = [:]
    /// The answers no field of the brief decides (node id: option), taken as the recommender assumes them.
    private var assumed: [String: Int] = [:]

    /// The path a brief takes through the tree: the answers the recommender takes for it, from the brief
    /// as `decide` reads it, so the pick at the end of the path is the recommender's pick for the brief.
    public init(tree: DecisionTree, brief: Brief, recommender: Recommender) {
        self.tree = tree
        schema = brief.schema
        self.brief = brief
        let read = recommender.understood(brief)
        understood = read.values
        guard let walk = try? tree.walk(for: read) else { return }
        answers = walk.steps.map { Answer(node: $0.node.id, option: $0.answer.index) }
        for s in walk.steps where !s.answer.decided { assumed[s.node.id] = s.answer.index }
    }

    /// The answers on the path that no field of the brief decides: the recommender's assumption was
    /// taken, and the screen says so. Empty for a tree stepped through by hand.
    public var assumedByBrief: [Crumb] { breadcrumb.filter { assumed[$0.node.id] == $0.index } }

    /// The node on screen: the start, followed through every answer.
    public var current: DecisionNode { node(after: answers.count) ?? tree.node(tree.start) ?? DecisionNode(id: tree.start) }
    public var isAtLeaf: Bool { current.isLeaf }
    public var leaf: DecisionNode? { isAtLeaf ? current : nil }

    public var breadcrumb: [Crumb] {
        answers.compactMap { a in
            guard let n = tree.node(a.node), n.options.indices.contains(a.option) else { return nil }
            return Crumb(node: n, option: n.options[a.option], index: a.option)
        }
    }

    /// Answers the current question with option `index` (0-based). False when there is no such option.
    @discardableResult
    public mutating func choose(_ index: Int) -> Bool {
        let here = current
        guard !here.isLeaf, here.options.indices.contains(index), tree.node(here.options[index].next) != nil else { return false }
        answers.append(Answer(node: here.id, option: index))
        return true
    }

    /// Takes back the last answer. False at the start.
    @discardableResult
    public mutating func back() -> Bool {
        guard !answers.isEmpty else { return false }
        answers.removeLast()
        return true
    }

    /// Returns to the question of breadcrumb step `step` (0-based), forgetting that answer and later ones.
    @discardableResult
    public mutating func back(to step: Int) -> Bool {
        guard answers.indices.contains(step) else { return false }
        answers.removeSubrange(step...)
        return true
    }

    /// Changes the answer of breadcrumb step `step`. Later answers are kept as long as their questions
    /// still lie on the new path, so changing "limited data" to "large data" does not throw away
    /// answers further down that still apply.
    @discardableResult
    public mutating func change(step: Int, to option: Int) -> Bool {
        guard answers.indices.contains(step), let n = tree.node(answers[step].node),
              n.options.indices.contains(option), tree.node(n.options[option].next) != nil else { return false }
        let later = answers[(step + 1)...]
        answers.removeSubrange(step...)
        answers.append(Answer(node: n.id, option: option))
        for a in later {
            guard current.id == a.node, choose(a.option) else { break }
        }
        return true
    }

    public mutating func reset() { answers = [] }

    /// Brief field values the answers so far imply, from each answer's `when` condition, over the
    /// brief the path follows: a value it gives (or a default it was read with) that meets an answer's
    /// condition is kept; only an answer it does not meet brings a value of its own.
    public var impliedValues: [BriefField: BriefValue] {
        var values = brief?.values ?? [:]
        var known = understood.merging(values) { _, given in given }
        for crumb in breadcrumb {
            guard let when = crumb.option.when else { continue }
            let own = when.representative(keeping: known, schema: schema)
            values.merge(own) { _, new in new }
            known.merge(own) { _, new in new }
        }
        return answerable(values)
    }

    /// An answer that allows several values stands for the first (`Time series or event sequences`:
    /// time-series), which a later answer may rule out (ranking applies to events, not to a time series):
    /// then another value every answer on the path still allows, so the brief is one the schema accepts.
    func answerable(_ values: [BriefField: BriefValue]) -> [BriefField: BriefValue] {
        guard let m = schema.mismatch(in: values) else { return values }
        let conditions = breadcrumb.compactMap(\.option.when)
        for spec in [m.other, m.field] {
            for v in spec.choices where v != values[spec.field]?.choice {
                var tried = values
                tried[spec.field] = .choice(v)
                let brief = Brief(partial: tried, schema: schema)
                if schema.mismatch(in: tried) == nil, conditions.allSatisfy({ $0.evaluate(brief).outcome != .no }) { return tried }
            }
        }
        return values
    }

    /// The brief the answers imply, when they name at least the modality and the task.
    public var impliedBrief: Brief? { try? Brief(schema: schema, values: impliedValues) }

    /// The `nnguide recommend` command equivalent to the answers so far. A required field the answers
    /// leave open is shown as a placeholder (`--task <task>`) for the reader to fill in; nil before any
    /// answer implies anything.
    public var commandLine: String? {
        var values = impliedValues
        guard !values.isEmpty else { return nil }
        let open = schema.required.filter { values[$0.field] == nil }
        for spec in open { values[spec.field] = spec.choices.first.map(BriefValue.choice) }
        guard let brief = try? Brief(schema: schema, values: values) else { return nil }
        var line = brief.commandLine(given: brief.givenFields.filter { f in !open.contains { $0.field == f } })
        for spec in open { line += " \(spec.flag) <\(spec.name)>" }
        return line
    }

    private func node(after count: Int) -> DecisionNode? {
        var id = tree.start
        for a in answers.prefix(count) {
            guard let n = tree.node(id), n.id == a.node, n.options.indices.contains(a.option) else { return nil }
            id = n.options[a.option].next
        }
        return tree.node(id)
    }
}
