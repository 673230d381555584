/// A navigable decision tree: the primary flow of Part 5, a variant tree of Part 4, the failure-mode
/// diagnosis. Nodes are questions (with options) or leaves (with a pick).
public struct DecisionTree: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var summary: String?
    /// Page id of the part of the guide this tree comes from.
    public var source: String
    /// Id of the first node.
    public var start: String
    public var nodes: [DecisionNode]

    public init(id: String, title: String, summary: String? = nil, source: String, start: String, nodes: [DecisionNode]) {
        self.id = id; self.title = title; self.summary = summary; self.source = source; self.start = start; self.nodes = nodes
    }

    public func node(_ id: String) -> DecisionNode? { nodes.first { $0.id == id } }
}

/// A condition on Model Brief fields: every named field must have one of the listed values.
/// Numbers compare as ranges: `samples: "<1000"`, `latency_ms: "<=100"`, `samples: ">=100000"`.
public typealias BriefMatch = [String: [String]]

/// One answer to a question.
public struct DecisionOption: Codable, Sendable, Equatable {
    public var answer: String
    /// One line under the answer to help choose it.
    public var hint: String?
    /// Why this answer leads where it does, in the guide's terms.
    public var why: String?
    /// Id of the node this answer leads to.
    public var next: String
    /// When the recommender takes this answer for a brief.
    public var when: BriefMatch?

    public init(answer: String, hint: String? = nil, why: String? = nil, next: String, when: BriefMatch? = nil) {
        self.answer = answer; self.hint = hint; self.why = why; self.next = next; self.when = when
    }
}

/// Why not a strong alternative.
public struct WhyNot: Codable, Sendable, Equatable {
    public var id: String
    public var reason: String
    public init(id: String, reason: String) { self.id = id; self.reason = reason }
}

/// A question (with `options`) or a leaf (with `pick`).
public struct DecisionNode: Codable, Sendable, Equatable {
    public var id: String
    public var question: String?
    public var help: String?
    public var options: [DecisionOption]
    /// Leaf: title of the recommendation.
    public var title: String?
    /// Leaf: catalog ids, best first.
    public var pick: [String]
    /// Leaf: catalog ids worth trying next.
    public var alternatives: [String]
    /// Leaf: variants to start with ("EfficientNet-B0", "DistilBERT").
    public var variants: [String]
    public var why: String?
    public var whyNot: [WhyNot]
    public var warnings: [String]
    /// Page ids to read next.
    public var see: [String]

    public var isLeaf: Bool { !pick.isEmpty }

    public init(id: String, question: String? = nil, help: String? = nil, options: [DecisionOption] = [],
                title: String? = nil, pick: [String] = [], alternatives: [String] = [], variants: [String] = [],
                why: String? = nil, whyNot: [WhyNot] = [], warnings: [String] = [], see: [String] = []) {
        self.id = id; self.question = question; self.help = help; self.options = options; self.title = title
        self.pick = pick; self.alternatives = alternatives; self.variants = variants; self.why = why
        self.whyNot = whyNot; self.warnings = warnings; self.see = see
    }

    enum CodingKeys: String, CodingKey {
        case id, question, help, options, title, pick, alternatives, variants, why, warnings, see
        case whyNot = "why_not"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        question = try c.decodeIfPresent(String.self, forKey: .question)
        help = try c.decodeIfPresent(String.self, forKey: .help)
        options = try c.decodeIfPresent([DecisionOption].self, forKey: .options) ?? []
        title = try c.decodeIfPresent(String.self, forKey: .title)
        pick = try c.decodeIfPresent([String].self, forKey: .pick) ?? []
        alternatives = try c.decodeIfPresent([String].self, forKey: .alternatives) ?? []
        variants = try c.decodeIfPresent([String].self, forKey: .variants) ?? []
        why = try c.decodeIfPresent(String.self, forKey: .why)
        whyNot = try c.decodeIfPresent([WhyNot].self, forKey: .whyNot) ?? []
        warnings = try c.decodeIfPresent([String].self, forKey: .warnings) ?? []
        see = try c.decodeIfPresent([String].self, forKey: .see) ?? []
    }
}

/// Content/decisions.yaml as a whole. `extras` holds what the recommender reads beyond the trees
/// (worked examples as briefs, constraint filters); its shape is documented in Content/README.md.
public struct DecisionBook: Codable, Sendable, Equatable {
    public var trees: [DecisionTree]
    public init(trees: [DecisionTree] = []) { self.trees = trees }
}
