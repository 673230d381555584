/// A rule of the guide the recommender applies when a brief meets its condition: a constraint filter's
/// threshold, a data-quantity band, a contradiction, a next step.
public struct DecisionRule: Codable, Sendable, Equatable {
    public var id: String?
    /// The threshold as shown in a filter's table ("≤ 10 ms").
    public var label: String?
    /// Absent: the rule always applies.
    public var when: BriefCondition?
    /// The reason the rule adds to the recommendation when it applies.
    public var says: String?
    /// Candidates this rule rules out, and why.
    public var out: [RuleOut]
    /// Candidates this rule moves ahead of the others.
    public var favor: [String]
    /// Warnings, each for every pick or for some picks.
    public var warn: [TargetedText]
    /// Next steps, each for every pick or for some picks.
    public var next: [TargetedText]
    public var see: [String]
    /// From the guide, or added for nnguide (`origin:`); nil in content older than provenance.
    public var origin: Origin?
    /// `sources:` and `reviewed:` (Content/sources.yaml); a band's are its rule's.
    public var evidence: Evidence = .none
    /// Words (matched ignoring case) whose variants are left out of the pick's start-with list: a
    /// team's licence policy (`drop_variants: [AGPL]`).
    public var dropVariants: [String] = []

    public init(id: String? = nil, label: String? = nil, when: BriefCondition? = nil, says: String? = nil, out: [RuleOut] = [],
                favor: [String] = [], warn: [TargetedText] = [], next: [TargetedText] = [], see: [String] = []) {
        self.id = id; self.label = label; self.when = when; self.says = says; self.out = out
        self.favor = favor; self.warn = warn; self.next = next; self.see = see
    }

    enum CodingKeys: String, CodingKey { case id, label, when, says, out, favor, warn, next, see, origin, dropVariants = "drop_variants" }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        when = try c.decodeIfPresent(BriefCondition.self, forKey: .when)
        says = try c.decodeIfPresent(String.self, forKey: .says)
        out = try c.decodeIfPresent([RuleOut].self, forKey: .out) ?? []
        favor = try c.decodeIfPresent([String].self, forKey: .favor) ?? []
        warn = try c.decodeIfPresent([TargetedText].self, forKey: .warn) ?? []
        next = try c.decodeIfPresent([TargetedText].self, forKey: .next) ?? []
        see = try c.decodeIfPresent([String].self, forKey: .see) ?? []
        origin = try c.decodeIfPresent(Origin.self, forKey: .origin)
        dropVariants = try c.decodeIfPresent([String].self, forKey: .dropVariants) ?? []
        evidence = try Evidence(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !dropVariants.isEmpty { try c.encode(dropVariants, forKey: .dropVariants) }
        try c.encodeIfPresent(id, forKey: .id); try c.encodeIfPresent(label, forKey: .label)
        try c.encodeIfPresent(when, forKey: .when); try c.encodeIfPresent(says, forKey: .says)
        try c.encode(out, forKey: .out); try c.encode(favor, forKey: .favor)
        try c.encode(warn, forKey: .warn); try c.encode(next, forKey: .next)
        try c.encode(see, forKey: .see); try c.encodeIfPresent(origin, forKey: .origin)
        try evidence.encode(to: encoder)
    }

    /// Every catalog id the rule names.
    public var catalogIDs: [String] {
        out.flatMap(\.ids) + favor + (warn + next).flatMap { ($0.ids ?? []) + ($0.except ?? []) }
    }
}

/// Candidates a rule rules out.
public struct RuleOut: Codable, Sendable, Equatable {
    public var ids: [String]
    public var reason: String
    public init(ids: [String], reason: String) { self.ids = ids; self.reason = reason }
}

/// A sentence that applies to every pick, to the picks in `ids`, or to every pick but those in
/// `except`. In YAML either a plain string or `{ids, text}` / `{except, text}`.
public struct TargetedText: Codable, Sendable, Equatable {
    public var ids: [String]?
    public var except: [String]?
    public var text: String

    public init(_ text: String, ids: [String]? = nil, except: [String]? = nil) { self.text = text; self.ids = ids; self.except = except }

    enum CodingKeys: String, CodingKey { case ids, except, text }

    public init(from decoder: Decoder) throws {
        if let s = try? decoder.singleValueContainer().decode(String.self) { text = s; ids = nil; except = nil; return }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        ids = try c.decodeIfPresent([String].self, forKey: .ids)
        except = try c.decodeIfPresent([String].self, forKey: .except)
    }

    public func applies(to pick: String) -> Bool {
        if let ids, !ids.contains(pick) { return false }
        if let except, except.contains(pick) { return false }
        return true
    }
}

/// One of the five constraint filters of Part 5 (latency, training data volume, compute budget,
/// interpretability, deployment target): what each threshold of one brief field rules in or out.
public struct ConstraintFilter: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// The brief field the filter reads.
    public var field: String
    public var question: String?
    public var summary: String
    public var rules: [DecisionRule]
    public var see: [String]
    /// One of the guide's five filters, or added for nnguide (`origin:`).
    public var origin: Origin?

    public init(id: String, name: String, field: String, question: String? = nil, summary: String, rules: [DecisionRule], see: [String] = []) {
        self.id = id; self.name = name; self.field = field; self.question = question; self.summary = summary; self.rules = rules; self.see = see
    }

    enum CodingKeys: String, CodingKey { case id, name, field, question, summary, rules, see, origin }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        field = try c.decode(String.self, forKey: .field)
        question = try c.decodeIfPresent(String.self, forKey: .question)
        summary = try c.decode(String.self, forKey: .summary)
        rules = try c.decodeIfPresent([DecisionRule].self, forKey: .rules) ?? []
        see = try c.decodeIfPresent([String].self, forKey: .see) ?? []
        origin = try c.decodeIfPresent(Origin.self, forKey: .origin)
    }
}

/// A data-quantity band of Part 5: from `min` labeled samples up to (not including) `max`.
public struct Threshold: Codable, Sendable, Equatable {
    public var id: String
    /// As the guide writes it: "< 1,000 samples".
    public var label: String
    public var min: Int
    public var max: Int?
    /// What you can realistically do with this much data (the table's second column).
    public var canDo: String
    /// What the band adds to a recommendation: `says`, `favor`, `out`, `warn`, `next`, `see`.
    public var rule: DecisionRule

    public init(id: String, label: String, min: Int, max: Int?, canDo: String, rule: DecisionRule = DecisionRule()) {
        self.id = id; self.label = label; self.min = min; self.max = max; self.canDo = canDo; self.rule = rule
    }

    enum CodingKeys: String, CodingKey { case id, label, min, max, canDo = "can_do" }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        label = try c.decode(String.self, forKey: .label)
        min = try c.decode(Int.self, forKey: .min)
        max = try c.decodeIfPresent(Int.self, forKey: .max)
        canDo = try c.decode(String.self, forKey: .canDo)
        rule = try DecisionRule(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(label, forKey: .label); try c.encode(min, forKey: .min)
        try c.encodeIfPresent(max, forKey: .max); try c.encode(canDo, forKey: .canDo)
        try rule.encode(to: encoder)
    }
}

/// A simple-first gap: evidence from a simple model that justifies reaching for more.
public struct Gap: Codable, Sendable, Equatable {
    public var id: String
    /// What you observe ("Model misses global context").
    public var symptom: String
    /// Catalog ids to consider once you see it.
    public var consider: [String]
    public var why: String
    public var see: [String]
    public init(id: String, symptom: String, consider: [String], why: String, see: [String] = []) {
        self.id = id; self.symptom = symptom; self.consider = consider; self.why = why; self.see = see
    }
}

/// What the recommender assumes when a brief leaves a field out: a value (when `when` holds), or no
/// value and a note of which rules then stay silent.
public struct FieldDefault: Codable, Sendable, Equatable {
    public var field: String
    public var when: BriefCondition?
    public var value: String?
    public var says: String
    /// From the guide, or added for nnguide (`origin:`).
    public var origin: Origin?
    public init(field: String, when: BriefCondition? = nil, value: String? = nil, says: String) {
        self.field = field; self.when = when; self.value = value; self.says = says
    }
}

/// A worked example or quick-reference row of Part 5, written as a brief with the pick the guide gives.
public struct GuideExample: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case worked, quick }
    public var id: String
    public var kind: Kind
    /// 1-5 for worked examples, 1-9 for quick-reference rows, in the guide's order.
    public var number: Int
    public var title: String
    public var problem: String?
    /// Brief field name -> value, as in a brief file.
    public var brief: [String: String]
    /// Catalog ids the guide gives: the recommendation's pick must be one of them.
    public var expect: [String]
    /// The guide's pick in words ("CNN (EfficientNet-B0 or MobileNetV3) with transfer learning").
    public var guidePick: String
    /// Ids the guide explains not picking.
    public var whyNot: [String]
    public var see: [String]

    enum CodingKeys: String, CodingKey {
        case id, kind, number, title, problem, brief, expect, see
        case guidePick = "guide_pick"
        case whyNot = "why_not"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(Kind.self, forKey: .kind)
        number = try c.decode(Int.self, forKey: .number)
        title = try c.decode(String.self, forKey: .title)
        problem = try c.decodeIfPresent(String.self, forKey: .problem)
        brief = try c.decode([String: String].self, forKey: .brief)
        expect = try c.decode([String].self, forKey: .expect)
        guidePick = try c.decode(String.self, forKey: .guidePick)
        whyNot = try c.decodeIfPresent([String].self, forKey: .whyNot) ?? []
        see = try c.decodeIfPresent([String].self, forKey: .see) ?? []
    }

    /// The example's brief, parsed by the same schema as a brief file; nil with the problems when it is bad.
    public func parsedBrief(_ schema: BriefSchema) -> (brief: Brief?, problems: [String]) {
        var values: [BriefField: BriefValue] = [:]
        var problems: [String] = []
        for name in brief.keys.sorted() {
            do { values[BriefField(name)] = try schema.parse(BriefField(name), brief[name] ?? "") } catch { problems.append(error.description) }
        }
        if let m = schema.mismatch(in: values) { problems.append(m.description) }
        do { return problems.isEmpty ? (try Brief(schema: schema, values: values), []) : (nil, problems) }
        catch { return (nil, problems + [error.description]) }
    }
}
