/// What the recommender says about a Model Brief, as `nnguide recommend --format json` shows it: a
/// projection of the `Decision` with exactly today's field names (new fields are added, never
/// renamed; `see` and `why_not` gained titles and names beside their ids). `because`, `warnings`,
/// `assumptions` and `why_not` reasons are plain sentences; `reasons` gives `because` again with each
/// reason's source as data.
public struct Recommendation: Sendable, Equatable, Encodable {
    public struct Pick: Sendable, Equatable, Encodable {
        public var id: String
        public var name: String
        public var variants: [String]
        /// Title of the leaf that named it ("A mobile-sized CNN").
        public var title: String
    }

    /// A ranked alternative; in `why_not`, an architecture ruled out and why.
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

    /// The decision this recommendation shows.
    public var decision: Decision
    /// Set when the brief is one of the guide's examples being replayed.
    public var example: Replay?
    /// What would change the pick (`Flips.analyze`), when it was worked out: every flip is a recommender run.
    public var flips: [Flip]?
    /// For a pick reached by answers (`Navigator.whatWouldChange`): what the section's changes are
    /// worked out from, and, when no brief gives those answers, the other answers and where they lead.
    public var flipsBasis: String?
    public var otherAnswers: [String] = []
    /// Set when the pick departs from what the guide's own flow gives: the guide's pick and why.
    public var guidePick: GuidePick? { decision.guidePick }
    /// Fields the brief gives that no answer or rule on this route read (said in `because` too).
    public var unchangedFields: [String] { decision.unchangedFields.map(\.name) }

    public init(_ decision: Decision, example: Replay? = nil) { self.decision = decision; self.example = example }

    public var pick: Pick { decision.pick }
    public var alternatives: [Ranked] { decision.alternatives.map { Ranked(id: $0.id, name: $0.name, reason: $0.reason.text) } }
    public var path: [Step] {
        decision.steps.map { Step(tree: $0.tree, node: $0.node, question: $0.question, answer: $0.answer, why: $0.why, assumed: $0.assumed) }
    }
    public var because: [String] { decision.because.map(\.text) }
    /// With the name beside the id, as `alternatives` (a person reads the name, a script the id).
    public var whyNot: [Ranked] { decision.whyNot.map { Ranked(id: $0.id, name: $0.name, reason: $0.reasons.map(\.text).joined(separator: " ")) } }
    public var warnings: [String] { decision.warnings.map(\.text) }
    public var assumptions: [String] { decision.assumptions.map(\.text) }
    public var nextSteps: [String] { decision.nextSteps }
    /// The brief as understood: what was given plus the defaults that were assumed.
    public var brief: Brief { decision.brief }
    /// Page ids to read.
    public var see: [String] { decision.see }
    /// `see` as JSON gives it: each id with its title (a section's, page's or table's).
    public var seeNamed: [NamedID] { see.map { NamedID(id: $0, title: decision.seeTitles[$0]) } }
    /// The leaf of the primary flow, and of the variant tree that refined it ("tree/node").
    public var leaf: String { decision.leaf.description }
    public var refinedBy: String? { decision.refinedBy?.description }
    /// Fields the brief left out and a default filled in (their values are in `brief`).
    public var assumedFields: [String] { decision.assumedFields.map(\.name) }

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
        case pick, alternatives, path, because, reasons, warnings, assumptions, brief, see, leaf, example, flips
        case whyNot = "why_not"
        case nextSteps = "next_steps"
        case refinedBy = "refined_by"
        case assumedFields = "assumed_fields"
        case guidePick = "guide_pick"
        case unchangedFields = "unchanged_fields"
        case withoutOverlays = "without_overlays"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pick, forKey: .pick)
        // The sections in their one order (keys are printed sorted; empty lists are kept: a contract).
        for section in DecisionSection.allCases {
            switch section {
            case .path: try c.encode(path, forKey: .path)
            case .because:
                try c.encode(because, forKey: .because)
                try c.encode(decision.because, forKey: .reasons)
            case .alternatives: try c.encode(alternatives, forKey: .alternatives)
            case .flips: try c.encodeIfPresent(flips, forKey: .flips)
            case .whyNot: try c.encode(whyNot, forKey: .whyNot)
            case .warnings: try c.encode(warnings, forKey: .warnings)
            case .assumptions: try c.encode(assumptions, forKey: .assumptions)
            case .nextSteps: try c.encode(nextSteps, forKey: .nextSteps)
            case .brief: try c.encode(brief, forKey: .brief)
            case .read: try c.encode(seeNamed, forKey: .see)
            }
        }
        try c.encode(leaf, forKey: .leaf)
        try c.encodeIfPresent(refinedBy, forKey: .refinedBy)
        try c.encode(assumedFields, forKey: .assumedFields)
        try c.encodeIfPresent(example, forKey: .example)
        try c.encodeIfPresent(guidePick, forKey: .guidePick)
        try c.encodeIfPresent(decision.overlayPick, forKey: .withoutOverlays)
        try c.encode(unchangedFields, forKey: .unchangedFields)
    }
}

extension Reason: Encodable {
    /// `{"text": ..., "source": {"brief": [{"field", "value", "assumed"}]} | {"page": id, "title": ...}}`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Recommendation.JSONKey.self)
        try c.encode(text, forKey: .init("text"))
        switch source {
        case .brief(let values)?:
            var s = c.nestedContainer(keyedBy: Recommendation.JSONKey.self, forKey: .init("source"))
            try s.encode(values, forKey: .init("brief"))
        case .page(let id, let title)?:
            var s = c.nestedContainer(keyedBy: Recommendation.JSONKey.self, forKey: .init("source"))
            try s.encode(id, forKey: .init("page"))
            try s.encode(title, forKey: .init("title"))
        case .added(let id, let title)?:
            var s = c.nestedContainer(keyedBy: Recommendation.JSONKey.self, forKey: .init("source"))
            try s.encode(id, forKey: .init("page"))
            try s.encode(title, forKey: .init("title"))
            try s.encode("added", forKey: .init("origin"))
        case nil: break
        }
        if !evidence.sources.isEmpty { try c.encode(evidence.sources, forKey: .init("sources")) }
        try c.encodeIfPresent(evidence.reviewed, forKey: .init("reviewed"))
    }
}

extension Recommendation {
    struct JSONKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension Brief: Encodable {
    /// Field names exactly as in a brief file; numbers and flags keep their types.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Recommendation.JSONKey.self)
        for spec in schema.fields {
            let key = Recommendation.JSONKey(spec.name)
            switch self[spec.field] {
            case .choice(let s)?, .text(let s)?: try c.encode(s, forKey: key)
            case .number(let n)?:
                if spec.kind == .integer { try c.encode(Int(n), forKey: key) } else { try c.encode(n, forKey: key) }
            case .flag(let b)?: try c.encode(b, forKey: key)
            case nil: break
            }
        }
    }
}

/// The recommender cannot answer a brief. Without a `refusal` the decision data is at fault (a content
/// problem); with one the brief is (a value the schema lacks, translation of a table), and `message` is
/// what the command line says about it.
public struct RecommendError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var refusal: BriefRefusal?
    public init(_ message: String) { self.message = message }
    public init(refusing refusal: BriefRefusal) { self.message = refusal.description; self.refusal = refusal }
    public var description: String { message }
}
