/// A glossary entry as `nnguide glossary --format json` prints it: for people and scripts, so the
/// definition is the plain text a reader sees, and the links it holds are listed beside it
/// (`links: [{label, target, title}]`, target as in the YAML: `g:id`, `a:id` or a page id), and
/// `related`, `used_in` and `see` name each id with its title (`{id, title}`). The entry's other
/// fields keep their YAML names. `nnguide export` still writes the YAML's own markup.
public struct GlossaryEntryJSON: Encodable, Sendable {
    public typealias Link = LinkJSON

    public var entry: GlossaryEntry
    public var links: [Link]
    let related: [NamedID], usedIn: [NamedID], see: [NamedID]

    public init(_ entry: GlossaryEntry, guide: Guide) {
        self.entry = entry
        links = LinkJSON.links(in: [entry.definition], guide: guide)
        related = entry.related.map { NamedID(id: $0, title: guide.glossaryEntry($0)?.term) }
        usedIn = entry.usedIn.map { NamedID(id: $0, title: guide.title(ofLink: $0)) }
        see = entry.see.map { NamedID(id: $0, title: guide.title(ofLink: $0)) }
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
        try c.encode(related, forKey: .related)
        try c.encode(usedIn, forKey: .usedIn)
        try c.encode(entry.inSourceGlossary, forKey: .inSourceGlossary)
        try c.encode(entry.origin, forKey: .origin)
        if !see.isEmpty { try c.encode(see, forKey: .see) }
        if !entry.notes.isEmpty { try c.encode(entry.notes, forKey: .notes) }
        try entry.evidence.encode(to: encoder)
    }
}
