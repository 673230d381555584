/// A term the guide uses, with what it means and where the guide uses it.
public struct GlossaryEntry: Codable, Sendable, Equatable {
    public var id: String
    public var term: String
    public var aliases: [String]
    public var definition: String
    /// Glossary ids of related terms.
    public var related: [String]
    /// Page ids where the guide uses the term.
    public var usedIn: [String]
    /// True for the eighteen entries of the source's own glossary.
    public var inSourceGlossary: Bool
    /// Where the entry comes from; required in YAML (the loader reports a missing one).
    public var origin: Origin
    /// Page or section ids that answer the next question (what the term costs, what to use
    /// instead): shown under the definition in the glossary view and the popover.
    public var see: [String] = []
    public var evidence: Evidence = .none
    /// Notes an overlay added (`extends:`), each with the team's origin; never from Content/.
    public var notes: [TeamNote] = []

    public init(id: String, term: String, aliases: [String] = [], definition: String,
                related: [String] = [], usedIn: [String] = [], inSourceGlossary: Bool = false, origin: Origin = .guide) {
        self.id = id; self.term = term; self.aliases = aliases; self.definition = definition
        self.related = related; self.usedIn = usedIn; self.inSourceGlossary = inSourceGlossary; self.origin = origin
    }

    enum CodingKeys: String, CodingKey {
        case id, term, aliases, definition, related, origin, see
        case notes = "team_notes"
        case usedIn = "used_in"
        case inSourceGlossary = "source_glossary"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        term = try c.decode(String.self, forKey: .term)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        definition = try c.decode(String.self, forKey: .definition)
        related = try c.decodeIfPresent([String].self, forKey: .related) ?? []
        usedIn = try c.decodeIfPresent([String].self, forKey: .usedIn) ?? []
        inSourceGlossary = try c.decodeIfPresent(Bool.self, forKey: .inSourceGlossary) ?? false
        // Optional here: the loader reads and checks it with its line (ContentLoader's `origin`).
        origin = try c.decodeIfPresent(Origin.self, forKey: .origin) ?? .guide
        see = try c.decodeIfPresent([String].self, forKey: .see) ?? []
        notes = try c.decodeIfPresent([TeamNote].self, forKey: .notes) ?? []
        evidence = try Evidence(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(term, forKey: .term)
        try c.encode(aliases, forKey: .aliases)
        try c.encode(definition, forKey: .definition)
        try c.encode(related, forKey: .related)
        try c.encode(usedIn, forKey: .usedIn)
        try c.encode(inSourceGlossary, forKey: .inSourceGlossary)
        try c.encode(origin, forKey: .origin)
        if !see.isEmpty { try c.encode(see, forKey: .see) }
        if !notes.isEmpty { try c.encode(notes, forKey: .notes) }
        try evidence.encode(to: encoder)
    }
}
