/// What the recommender says about a Model Brief: the pick, what else to try, the path of decisions,
/// and every reason traced to a brief field or a rule of the guide. Encodes to the JSON of
/// `nnguide recommend --format json` with exactly these field names.
public struct Recommendation: Sendable, Equatable, Encodable {
    public struct Pick: Sendable, Equatable, Encodable {
        public var id: String
        public var name: String
        public var variants: [String]
        /// Title of the leaf that named it ("A mobile-sized CNN").
        public var title: String
    }

    /// A ranked alternative.
    public struct Ranked: Sendable, Equatable, Encodable {
        public var id: String
        public var name: String
        public var reason: String
    }

    /// One question answered on the way to the pick.
    public struct Step: Sendable, Equatable, Encodable {
        public var tree: String
        public var node: String
        public var question: String
        public var answer: String
        public var why: String?
        /// The brief did not decide this answer; an assumption did.
        public var assumed: Bool
    }

    public var pick: Pick
    public var alternatives: [Ranked]
    public var path: [Step]
    public var because: [String]
    public var whyNot: [WhyNot]
    public var warnings: [String]
    public var assumptions: [String]
    public var nextSteps: [String]
    /// The brief as understood: what was given plus the defaults that were assumed.
    public var brief: Brief
    /// Page ids to read.
    public var see: [String]
    /// The leaf of the primary flow, and of the variant tree that refined it ("tree/node").
    public var leaf: String
    public var refinedBy: String?
    /// Fields the brief left out and a default filled in (their values are in `brief`).
    public var assumedFields: [String]
    /// Set when the brief is one of the guide's examples being replayed.
    public var example: Replay?
    /// Set when the pick departs from what the guide's own flow gives: the guide's pick and why.
    public var guidePick: GuidePick?
    /// Fields the brief gives that no answer or rule on this route read (said in `because` too).
    public var unchangedFields: [String] = []

    /// The guide's example a recommendation replays, with the pick the guide gives.
    public struct Replay: Sendable, Equatable, Encodable {
        public var id: String
        public var title: String
        public var problem: String?
        public var guidePick: String
        public var expect: [String]
        enum CodingKeys: String, CodingKey { case id, title, problem, expect, guidePick = "guide_pick" }
        public init(_ e: GuideExample) {
            id = e.id; title = e.title; problem = e.problem; guidePick = e.guidePick; expect = e.expect
        }
    }

    enum CodingKeys: String, CodingKey {
        case pick, alternatives, path, because, warnings, assumptions, brief, see, leaf, example
        case whyNot = "why_not"
        case nextSteps = "next_steps"
        case refinedBy = "refined_by"
        case assumedFields = "assumed_fields"
        case guidePick = "guide_pick"
        case unchangedFields = "unchanged_fields"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pick, forKey: .pick)
        try c.encode(alternatives, forKey: .alternatives)
        try c.encode(path, forKey: .path)
        try c.encode(because, forKey: .because)
        try c.encode(whyNot, forKey: .whyNot)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(assumptions, forKey: .assumptions)
        try c.encode(nextSteps, forKey: .nextSteps)
        try c.encode(brief, forKey: .brief)
        try c.encode(see, forKey: .see)
        try c.encode(leaf, forKey: .leaf)
        try c.encodeIfPresent(refinedBy, forKey: .refinedBy)
        try c.encode(assumedFields, forKey: .assumedFields)
        try c.encodeIfPresent(example, forKey: .example)
        try c.encodeIfPresent(guidePick, forKey: .guidePick)
        try c.encode(unchangedFields, forKey: .unchangedFields)
    }
}

extension Brief: Encodable {
    /// Field names exactly as in a brief file; numbers and flags keep their types.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: BriefCondition.AnyKey.self)
        for field in BriefField.allCases {
            let key = BriefCondition.AnyKey(stringValue: field.name)
            switch self[field] {
            case .choice(let s)?, .text(let s)?: try c.encode(s, forKey: key)
            case .number(let n)?:
                if field.kind == .integer { try c.encode(Int(n), forKey: key) } else { try c.encode(n, forKey: key) }
            case .flag(let b)?: try c.encode(b, forKey: key)
            case nil: break
            }
        }
    }
}

/// The decision data cannot answer a brief: a content problem, not a user error.
public struct RecommendError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
