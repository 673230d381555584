/// A glossary entry as `nnguide glossary --format json` prints it: for people and scripts, so the
/// definition is the plain text a reader sees, and the links it holds are listed beside it
/// (`links: [{label, target}]`, target as in the YAML: `g:id`, `a:id` or a page id). The entry's other
/// fields keep their YAML names. `nnguide export` still writes the YAML's own markup.
public struct GlossaryEntryJSON: Encodable, Sendable {
    public struct Link: Encodable, Sendable, Equatable {
        public var label: String
        public var target: String
    }

    public var entry: GlossaryEntry
    public var links: [Link]

    public init(_ entry: GlossaryEntry, guide: Guide) {
        self.entry = entry
        links = InlineParser.parse(entry.definition).compactMap { inline in
            guard case .link(let label, let target) = inline else { return nil }
            switch target {
            case .page(let id): return Link(label: label, target: id)
            case .glossary(let id): return Link(label: label, target: "g:" + id)
            case .architecture(let id): return Link(label: label, target: "a:" + id)
            case .glossaryTerm(let term): return Link(label: label, target: guide.glossaryEntry(forTerm: term).map { "g:" + $0.id } ?? "g:" + term)
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, term, aliases, definition, related, origin, see, links
        case notes = "team_notes"
        case usedIn = "used_in"
        case inSourceGlossary = "source_glossary"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entry.id, forKey: .id)
        try c.encode(entry.term, forKey: .term)
        try c.encode(entry.aliases, forKey: .aliases)
        try c.encode(InlineParser.plain(entry.definition), forKey: .definition)
        try c.encode(links, forKey: .links)
        try c.encode(entry.related, forKey: .related)
        try c.encode(entry.usedIn, forKey: .usedIn)
        try c.encode(entry.inSourceGlossary, forKey: .inSourceGlossary)
        try c.encode(entry.origin, forKey: .origin)
        if !entry.see.isEmpty { try c.encode(entry.see, forKey: .see) }
        if !entry.notes.isEmpty { try c.encode(entry.notes, forKey: .notes) }
        try entry.evidence.encode(to: encoder)
    }
}
