/// A navigable decision tree: the primary flow of Part 5, a variant tree of Part 4, the failure-mode
/// diagnosis. Nodes are questions (with options) or leaves (with a pick).
public struct DecisionTree: Codable, Sendable, Equatable {
    public var id: String
    /// What the tree is for (`role:` in YAML). Content written before roles existed names the trees
    /// `primary` and `diagnosis`; any other tree without a role is a variant tree.
    public var role: TreeRole
    public var title: String
    public var summary: String?
    /// Page id of the part of the guide this tree comes from.
    public var source: String
    /// Id of the first node.
    public var start: String
    public var nodes: [DecisionNode]

    public init(id: String, role: TreeRole? = nil, title: String, summary: String? = nil, source: String, start: String, nodes: [DecisionNode]) {
        self.id = id; self.role = role ?? DecisionTree.defaultRole(id); self.title = title; self.summary = summary; self.source = source; self.start = start; self.nodes = nodes
    }

    public func node(_ id: String) -> DecisionNode? { nodes.first { $0.id == id } }

    static func defaultRole(_ id: String) -> TreeRole { id == "primary" ? .primary : id == "diagnosis" ? .diagnosis : .variant }

    enum CodingKeys: String, CodingKey { case id, role, title, summary, source, start, nodes }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        role = try c.decodeIfPresent(TreeRole.self, forKey: .role) ?? DecisionTree.defaultRole(id)
        title = try c.decode(String.self, forKey: .title)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        source = try c.decode(String.self, forKey: .source)
        start = try c.decode(String.self, forKey: .start)
        nodes = try c.decode([DecisionNode].self, forKey: .nodes)
    }
}

/// One answer to a question.
public struct DecisionOption: Codable, Sendable, Equatable {
    public var answer: String
    /// One line under the answer to help choose it.
    public var hint: String?
    /// Why this answer leads where it does, in the guide's terms.
    public var why: String?
    /// Id of the node this answer leads to.
    public var next: String
    /// When the recommender takes this answer for a brief. Absent: only when no other answer fits.
    public var when: BriefCondition?
    /// What the recommender says it assumed when it takes this answer without the brief deciding it.
    public var assume: String?
    /// Page ids that explain this answer.
    public var see: [String]
    /// From the guide's own figure, or added for nnguide (`origin:`); nil in content older than provenance.
    public var origin: Origin?
    /// `sources:` and `reviewed:` (Content/sources.yaml).
    public var evidence: Evidence = .none

    public init(answer: String, hint: String? = nil, why: String? = nil, next: String, when: BriefCondition? = nil,
                assume: String? = nil, see: [String] = []) {
        self.answer = answer; self.hint = hint; self.why = why; self.next = next; self.when = when
        self.assume = assume; self.see = see
    }

    enum CodingKeys: String, CodingKey { case answer, hint, why, next, when, assume, see, origin }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        answer = try c.decode(String.self, forKey: .answer)
        hint = try c.decodeIfPresent(String.self, forKey: .hint)
        why = try c.decodeIfPresent(String.self, forKey: .why)
        next = try c.decode(String.self, forKey: .next)
        when = try c.decodeIfPresent(BriefCondition.self, forKey: .when)
        assume = try c.decodeIfPresent(String.self, forKey: .assume)
        see = try c.decodeIfPresent([String].self, forKey: .see) ?? []
        origin = try c.decodeIfPresent(Origin.self, forKey: .origin)
        evidence = try Evidence(from: decoder)
    }

    // Fields added after the first schema are written only when used, so exports of older content stay as they were.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(origin, forKey: .origin)
        try c.encode(answer, forKey: .answer)
        try c.encodeIfPresent(hint, forKey: .hint)
        try c.encodeIfPresent(why, forKey: .why)
        try c.encode(next, forKey: .next)
        try c.encodeIfPresent(when, forKey: .when)
        try c.encodeIfPresent(assume, forKey: .assume)
        if !see.isEmpty { try c.encode(see, forKey: .see) }
        try evidence.encode(to: encoder)
    }
}

/// Why not a strong alternative.
public struct WhyNot: Codable, Sendable, Equatable {
    public var id: String
    public var reason: String
    public init(id: String, reason: String) { self.id = id; self.reason = reason }
}

/// An architecture worth trying after the pick, and why. In YAML either `{id, reason}` or a bare id.
public struct Alternative: Codable, Sendable, Equatable {
    public var id: String
    public var reason: String?
    public init(id: String, reason: String? = nil) { self.id = id; self.reason = reason }

    enum CodingKeys: String, CodingKey { case id, reason }

    public init(from decoder: Decoder) throws {
        if let id = try? decoder.singleValueContainer().decode(String.self) { self.id = id; reason = nil; return }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
    }

    public func encode(to encoder: Encoder) throws {
        guard let reason else { var c = encoder.singleValueContainer(); try c.encode(id); return }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(reason, forKey: .reason)
    }
}

/// Where a leaf continues for the recommender: a node of a variant tree (Part 4) that chooses the
/// variant within the family this leaf picked (Part 5). Lint proves the refinement stays inside the
/// leaf's pick and alternatives.
public struct Refinement: Codable, Sendable, Equatable {
    public var tree: String
    public var node: String
    public init(tree: String, node: String) { self.tree = tree; self.node = node }
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
    /// Leaf: catalog ids worth trying next, with why.
    public var alternatives: [Alternative]
    /// Leaf: variants to start with ("EfficientNet-B0", "DistilBERT").
    public var variants: [String]
    /// Leaf: variants to start with instead when the model runs on a device (edge, mobile, browser).
    public var deviceVariants: [String] = []
    public var why: String?
    public var whyNot: [WhyNot]
    public var warnings: [String]
    /// Leaf: what to do after choosing (baseline, weights to start from, what to measure).
    public var nextSteps: [String]
    /// Leaf: the variant-tree node that refines this pick for the recommender.
    public var refine: Refinement?
    /// Page ids to read next.
    public var see: [String]
    /// From the guide's own figure, or added for nnguide (`origin:`); nil in content older than provenance.
    public var origin: Origin?
    /// `sources:` and `reviewed:` (Content/sources.yaml).
    public var evidence: Evidence = .none

    public var isLeaf: Bool { !pick.isEmpty }

    public init(id: String, question: String? = nil, help: String? = nil, options: [DecisionOption] = [],
                title: String? = nil, pick: [String] = [], alternatives: [Alternative] = [], variants: [String] = [],
                why: String? = nil, whyNot: [WhyNot] = [], warnings: [String] = [], nextSteps: [String] = [],
                refine: Refinement? = nil, see: [String] = []) {
        self.id = id; self.question = question; self.help = help; self.options = options; self.title = title
        self.pick = pick; self.alternatives = alternatives; self.variants = variants; self.why = why
        self.whyNot = whyNot; self.warnings = warnings; self.nextSteps = nextSteps; self.refine = refine; self.see = see
    }

    enum CodingKeys: String, CodingKey {
        case id, question, help, options, title, pick, alternatives, variants, why, warnings, refine, see, origin
        case whyNot = "why_not"
        case nextSteps = "next_steps"
        case deviceVariants = "device_variants"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        deviceVariants = try c.decodeIfPresent([String].self, forKey: .deviceVariants) ?? []
        question = try c.decodeIfPresent(String.self, forKey: .question)
        help = try c.decodeIfPresent(String.self, forKey: .help)
        options = try c.decodeIfPresent([DecisionOption].self, forKey: .options) ?? []
        title = try c.decodeIfPresent(String.self, forKey: .title)
        pick = try c.decodeIfPresent([String].self, forKey: .pick) ?? []
        alternatives = try c.decodeIfPresent([Alternative].self, forKey: .alternatives) ?? []
        variants = try c.decodeIfPresent([String].self, forKey: .variants) ?? []
        why = try c.decodeIfPresent(String.self, forKey: .why)
        whyNot = try c.decodeIfPresent([WhyNot].self, forKey: .whyNot) ?? []
        warnings = try c.decodeIfPresent([String].self, forKey: .warnings) ?? []
        nextSteps = try c.decodeIfPresent([String].self, forKey: .nextSteps) ?? []
        refine = try c.decodeIfPresent(Refinement.self, forKey: .refine)
        see = try c.decodeIfPresent([String].self, forKey: .see) ?? []
        origin = try c.decodeIfPresent(Origin.self, forKey: .origin)
        evidence = try Evidence(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(question, forKey: .question)
        try c.encodeIfPresent(help, forKey: .help)
        try c.encode(options, forKey: .options)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encode(pick, forKey: .pick)
        try c.encode(alternatives, forKey: .alternatives)
        try c.encode(variants, forKey: .variants)
        if !deviceVariants.isEmpty { try c.encode(deviceVariants, forKey: .deviceVariants) }
        try c.encodeIfPresent(why, forKey: .why)
        try c.encode(whyNot, forKey: .whyNot)
        try c.encode(warnings, forKey: .warnings)
        if !nextSteps.isEmpty { try c.encode(nextSteps, forKey: .nextSteps) }
        try c.encodeIfPresent(refine, forKey: .refine)
        try c.encode(see, forKey: .see)
        try c.encodeIfPresent(origin, forKey: .origin)
        try evidence.encode(to: encoder)
    }
}

/// Content/decisions.yaml as a whole: the trees, and what the recommender reads beyond them. The shape
/// of each part is documented in the comments at the top of that file.
public struct DecisionBook: Codable, Sendable, Equatable {
    /// The Model Brief's fields: names, kinds, values, flags, meanings (the `brief:` section).
    public var brief: BriefSchema
    public var trees: [DecisionTree]
    /// The data-quantity bands of Part 5, smallest first.
    public var thresholds: [Threshold]
    /// The five constraint filters of Part 5.
    public var filters: [ConstraintFilter]
    /// The simple-first gaps: evidence that justifies more complexity.
    public var gaps: [Gap]
    /// What the recommender assumes for each field a brief leaves out.
    public var defaults: [FieldDefault]
    /// Briefs that contradict themselves: warnings, never errors.
    public var contradictions: [DecisionRule]
    /// Next steps that depend on the brief and the pick (baselines, weights, metrics).
    public var nextSteps: [DecisionRule]
    /// The worked examples and quick-reference rows as briefs with the guide's pick.
    public var examples: [GuideExample]

    @available(*, deprecated, message: "find the tree by its role: primaryTree")
    public static let primaryTreeID = "primary"

    /// The tree the recommender walks first: the one whose role is primary.
    public var primaryTree: DecisionTree? { trees.first { $0.role == .primary } }
    public func trees(_ role: TreeRole) -> [DecisionTree] { trees.filter { $0.role == role } }

    public init(brief: BriefSchema = BriefSchema(), trees: [DecisionTree] = [], thresholds: [Threshold] = [], filters: [ConstraintFilter] = [], gaps: [Gap] = [],
                defaults: [FieldDefault] = [], contradictions: [DecisionRule] = [], nextSteps: [DecisionRule] = [],
                examples: [GuideExample] = []) {
        self.brief = brief; self.trees = trees; self.thresholds = thresholds; self.filters = filters; self.gaps = gaps
        self.defaults = defaults; self.contradictions = contradictions; self.nextSteps = nextSteps; self.examples = examples
    }

    enum CodingKeys: String, CodingKey {
        case brief, trees, thresholds, filters, gaps, defaults, contradictions, examples
        case nextSteps = "next_steps"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        brief = try c.decodeIfPresent(BriefSchema.self, forKey: .brief) ?? BriefSchema()
        trees = try c.decodeIfPresent([DecisionTree].self, forKey: .trees) ?? []
        thresholds = try c.decodeIfPresent([Threshold].self, forKey: .thresholds) ?? []
        filters = try c.decodeIfPresent([ConstraintFilter].self, forKey: .filters) ?? []
        gaps = try c.decodeIfPresent([Gap].self, forKey: .gaps) ?? []
        defaults = try c.decodeIfPresent([FieldDefault].self, forKey: .defaults) ?? []
        contradictions = try c.decodeIfPresent([DecisionRule].self, forKey: .contradictions) ?? []
        nextSteps = try c.decodeIfPresent([DecisionRule].self, forKey: .nextSteps) ?? []
        examples = try c.decodeIfPresent([GuideExample].self, forKey: .examples) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !brief.fields.isEmpty { try c.encode(brief, forKey: .brief) }
        try c.encode(trees, forKey: .trees)
        if !thresholds.isEmpty { try c.encode(thresholds, forKey: .thresholds) }
        if !filters.isEmpty { try c.encode(filters, forKey: .filters) }
        if !gaps.isEmpty { try c.encode(gaps, forKey: .gaps) }
        if !defaults.isEmpty { try c.encode(defaults, forKey: .defaults) }
        if !contradictions.isEmpty { try c.encode(contradictions, forKey: .contradictions) }
        if !nextSteps.isEmpty { try c.encode(nextSteps, forKey: .nextSteps) }
        if !examples.isEmpty { try c.encode(examples, forKey: .examples) }
    }

    public func tree(_ id: String) -> DecisionTree? { trees.first { $0.id == id } }

    /// The worked example numbered `n` (1-5 in the guide).
    public func workedExample(_ n: Int) -> GuideExample? { examples.first { $0.kind == .worked && $0.number == n } }

    /// The band a number of labeled samples falls in.
    public func threshold(forSamples n: Int) -> Threshold? {
        thresholds.first { n >= $0.min && ($0.max.map { n < $0 } ?? true) }
    }
}
