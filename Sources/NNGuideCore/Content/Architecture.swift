/// An architecture family of the taxonomy (feedforward, convolutional, ...).
public struct Family: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var principle: String?
    public init(id: String, name: String, principle: String? = nil) { self.id = id; self.name = name; self.principle = principle }
}

/// A criterion on which catalog entries are compared side by side.
public struct Criterion: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var help: String?
    public init(id: String, name: String, help: String? = nil) { self.id = id; self.name = name; self.help = help }
}

/// A named variant of an architecture and what it is for.
public struct Variant: Codable, Sendable, Equatable {
    public var name: String
    public var use: String
    public init(name: String, use: String) { self.name = name; self.use = use }
}

/// What an architecture costs to train and to serve, in the guide's coarse terms.
public struct CostProfile: Codable, Sendable, Equatable {
    public var training: String
    public var inference: String
    public var memory: String
    public var note: String?
    /// Milliseconds for one prediction with the smallest variant worth using, as an order of magnitude, by
    /// deployment target (a `deploy` value of the brief: `server-cpu`, `cloud`, `mobile`, `microcontroller`,
    /// ...). The latency rules compare it with the brief's budget (`per_prediction_ms` in YAML).
    public var perPredictionMs: [String: Double]
    public init(training: String, inference: String, memory: String, note: String? = nil, perPredictionMs: [String: Double] = [:]) {
        self.training = training; self.inference = inference; self.memory = memory; self.note = note
        self.perPredictionMs = perPredictionMs
    }

    enum CodingKeys: String, CodingKey { case training, inference, memory, note, perPredictionMs = "per_prediction_ms" }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        training = try c.decode(String.self, forKey: .training)
        inference = try c.decode(String.self, forKey: .inference)
        memory = try c.decode(String.self, forKey: .memory)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        perPredictionMs = try c.decodeIfPresent([String: Double].self, forKey: .perPredictionMs) ?? [:]
    }

    // Written only when given, so exports of content without it stay as they were.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(training, forKey: .training); try c.encode(inference, forKey: .inference); try c.encode(memory, forKey: .memory)
        try c.encodeIfPresent(note, forKey: .note)
        if !perPredictionMs.isEmpty { try c.encode(perPredictionMs, forKey: .perPredictionMs) }
    }

    /// "per prediction, smallest practical variant (order of magnitude): server-cpu ~1 ms, cloud ~1 ms".
    public var perPredictionLine: String? {
        guard !perPredictionMs.isEmpty else { return nil }
        let parts = perPredictionMs.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map { "\($0.key) ~\(CostProfile.ms($0.value))" }
        return "per prediction, smallest practical variant (order of magnitude): " + parts.joined(separator: ", ")
    }

    static func ms(_ v: Double) -> String {
        if v >= 1000 { return (v / 1000 == (v / 1000).rounded() ? String(Int(v / 1000)) : String(v / 1000)) + " s" }
        if v >= 1 { return (v == v.rounded() ? String(Int(v)) : String(v)) + " ms" }
        return String(Int((v * 1000).rounded())) + " µs"
    }
}

/// One entry of the architecture catalog. Its `id` is the stable name used by tables, decision
/// trees, recommendations and links (`[[CNN|a:cnn]]`).
public struct Architecture: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// Abbreviation or everyday name ("CNN", "GPT-style decoder").
    public var short: String?
    public var family: String
    /// Values of the brief's `modality` field (decisions.yaml, `brief:`) this entry fits; lint checks them.
    public var fits: [String]
    public var summary: String
    public var data: String
    public var variants: [Variant]
    public var strengths: [String]
    public var limitations: [String]
    public var cost: CostProfile
    /// Criterion id -> short value, for side-by-side comparison.
    public var traits: [String: String]
    /// Page id of the deep-dive.
    public var deepDive: String
    /// Glossary id, where the glossary has an entry for it.
    public var glossary: String?
    /// Where the entry comes from; required in YAML (the loader reads and checks it).
    public var origin: Origin = .guide
    public var evidence: Evidence = .none
    /// Notes an overlay added (`extends:`), each with the team's origin; never from Content/.
    public var notes: [TeamNote] = []

    public var displayName: String { short ?? name }

    public init(id: String, name: String, short: String? = nil, family: String, fits: [String],
                summary: String, data: String, variants: [Variant], strengths: [String],
                limitations: [String], cost: CostProfile, traits: [String: String] = [:],
                deepDive: String, glossary: String? = nil) {
        self.id = id; self.name = name; self.short = short; self.family = family; self.fits = fits
        self.summary = summary; self.data = data; self.variants = variants; self.strengths = strengths
        self.limitations = limitations; self.cost = cost; self.traits = traits
        self.deepDive = deepDive; self.glossary = glossary
    }

    enum CodingKeys: String, CodingKey {
        case id, name, short, family, fits, summary, data, variants, strengths, limitations, cost, traits, glossary, origin
        case deepDive = "deep_dive"
        case notes = "team_notes"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        short = try c.decodeIfPresent(String.self, forKey: .short)
        family = try c.decode(String.self, forKey: .family)
        fits = try c.decode([String].self, forKey: .fits)
        summary = try c.decode(String.self, forKey: .summary)
        data = try c.decode(String.self, forKey: .data)
        variants = try c.decode([Variant].self, forKey: .variants)
        strengths = try c.decode([String].self, forKey: .strengths)
        limitations = try c.decode([String].self, forKey: .limitations)
        cost = try c.decode(CostProfile.self, forKey: .cost)
        traits = try c.decodeIfPresent([String: String].self, forKey: .traits) ?? [:]
        deepDive = try c.decode(String.self, forKey: .deepDive)
        glossary = try c.decodeIfPresent(String.self, forKey: .glossary)
        origin = try c.decodeIfPresent(Origin.self, forKey: .origin) ?? .guide
        notes = try c.decodeIfPresent([TeamNote].self, forKey: .notes) ?? []
        evidence = try Evidence(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encodeIfPresent(short, forKey: .short)
        try c.encode(family, forKey: .family); try c.encode(fits, forKey: .fits); try c.encode(summary, forKey: .summary)
        try c.encode(data, forKey: .data); try c.encode(variants, forKey: .variants); try c.encode(strengths, forKey: .strengths)
        try c.encode(limitations, forKey: .limitations); try c.encode(cost, forKey: .cost); try c.encode(traits, forKey: .traits)
        try c.encode(deepDive, forKey: .deepDive); try c.encodeIfPresent(glossary, forKey: .glossary); try c.encode(origin, forKey: .origin)
        if !notes.isEmpty { try c.encode(notes, forKey: .notes) }
        try evidence.encode(to: encoder)
    }
}

/// Content/catalog.yaml as a whole.
public struct Catalog: Codable, Sendable, Equatable {
    public var families: [Family]
    public var criteria: [Criterion]
    public var architectures: [Architecture]
    public init(families: [Family] = [], criteria: [Criterion] = [], architectures: [Architecture] = []) {
        self.families = families; self.criteria = criteria; self.architectures = architectures
    }
}
