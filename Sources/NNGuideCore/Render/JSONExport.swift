#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The whole guide as JSON. Field names are the Content/ YAML names (see Content/README.md), so the
/// schema documented for writers is the schema of the export; keys are sorted so output is stable.
public struct GuideExport: Encodable, Sendable {
    /// Bumped when a field is renamed or removed (adding fields keeps it).
    public static let formatVersion = 1

    public var format_version = GuideExport.formatVersion
    public var pages: [Page]
    public var glossary: [GlossaryEntry]
    public var catalog: Catalog
    public var decisions: DecisionBook
    /// The bibliography (Content/sources.yaml) the items' `sources` name.
    public var sources: [Source]

    public init(guide: Guide) {
        pages = guide.pages; glossary = guide.glossary; catalog = guide.catalog; decisions = guide.decisions
        sources = guide.sources
    }
}

public enum JSONOutput {
    /// Pretty, key-sorted JSON of any encodable value, ending with a newline.
    public static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
