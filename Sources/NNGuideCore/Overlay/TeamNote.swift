/// What an overlay adds to one of the guide's glossary or catalog entries (`extends: ID` in its
/// glossary.yaml or catalog.yaml): a note in the team's words and the pages to see with it. The entry
/// keeps its own origin; the note carries the team's, so every view can say whose words these are.
public struct TeamNote: Codable, Sendable, Equatable {
    public var origin: Origin
    /// Inline markup, as a definition's.
    public var text: String
    /// Page or section ids.
    public var see: [String]

    public init(origin: Origin, text: String, see: [String] = []) {
        self.origin = origin; self.text = text; self.see = see
    }

    /// The keys an `extends:` item of glossary.yaml or catalog.yaml may have.
    static let yamlKeys: Set<String> = ["note", "see"]

    /// "[team: Acme platform] note text", as a plain line for text output and the compare table.
    public var plainLine: String { (origin.mark.map { $0 + " " } ?? "") + InlineParser.plain(text) }
}

/// `extends: ID` in an overlay's glossary.yaml or catalog.yaml: a note for an existing entry.
struct EntryExtension: Codable {
    var target: String
    var note: String
    var see: [String]
    var location: SourceLocation
}
