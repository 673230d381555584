/// Where a piece of the guide comes from, so a reader can tell the original guide from what this
/// project wrote (issue 11) and from what a team's overlay adds (issue 24). Every page, section,
/// glossary entry and catalog entry states it in YAML (`origin: guide`); a block may, and otherwise
/// inherits it (`Page.origin(ofBlock:)`). Overlay material is always `team`, carrying the overlay's
/// name, whatever its YAML says: an overlay cannot speak for the guide.
public struct Origin: Hashable, Codable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The source guide's own material, in this project's words.
        case guide
        /// A list the source lost on its way to plain text (its heading survived), written here.
        case refilled
        /// Beyond the source: written for this project.
        case added
        /// A team's own guidance, from an overlay (`--overlay`).
        case team
    }

    public let kind: Kind
    /// The overlay's name (`overlay.yaml`), for `team` material.
    public let team: String?

    public init(_ kind: Kind, team: String? = nil) { self.kind = kind; self.team = kind == .team ? team : nil }

    public static let guide = Origin(.guide)
    public static let refilled = Origin(.refilled)
    public static let added = Origin(.added)
    /// Team material whose overlay is not named (yet: the overlay loader names it).
    public static let team = Origin(.team)
    public static func team(_ name: String) -> Origin { Origin(.team, team: name) }

    /// One of each kind, unnamed: what help screens list.
    public static let allCases = Kind.allCases.map { Origin($0) }

    /// The kind's name ("team"); `init(rawValue:)` also reads "team:NAME", the form JSON carries.
    public var rawValue: String { kind.rawValue }
    public init?(rawValue: String) {
        if rawValue.hasPrefix("team:") { self = .team(String(rawValue.dropFirst(5))); return }
        guard let kind = Kind(rawValue: rawValue) else { return nil }
        self.init(kind)
    }

    /// "team:Acme platform" for named team material, else the kind: JSON keeps the overlay's name.
    public var described: String { team.map { "team:" + $0 } ?? kind.rawValue }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let o = Origin(rawValue: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown origin '\(s)'; expected one of: \(Origin.names)"))
        }
        self = o
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(described)
    }

    /// Same kind, whichever overlay: what `toc --origin team` selects.
    public func isKind(_ other: Origin) -> Bool { kind == other.kind && (other.team == nil || other.team == team) }

    /// What a block says when it has no `origin:` of its own: a bullet or numbered list inside the
    /// guide's own material is a refilled one (the source's text lost every list), anything else is
    /// what its page is.
    public static func inherited(by block: Block, on page: Origin) -> Origin {
        switch block {
        case .list, .steps: return page == .guide ? .refilled : page
        default: return page
        }
    }

    /// The quiet mark shown beside refilled, added and team material; nil for the guide's own.
    public var mark: String? {
        switch kind {
        case .guide: return nil
        case .refilled: return "[refilled]"
        case .added: return "[added]"
        case .team: return team.map { "[team: \($0)]" } ?? "[team]"
        }
    }

    /// One sentence on what the origin means, for help screens and exports.
    public var meaning: String {
        switch kind {
        case .guide: return "the source guide's own material, in this project's words"
        case .refilled: return "a list the source guide lost, written for nnguide"
        case .added: return "beyond the source guide, written for nnguide"
        case .team: return team.map { "a team's own guidance, from the overlay \($0)" } ?? "a team's own guidance, from an overlay"
        }
    }

    /// "guide, refilled, added, team": for messages that list the valid values.
    public static let names = Kind.allCases.map(\.rawValue).joined(separator: ", ")
    /// "guide, refilled, added": what Content/'s own items may say (team is an overlay's).
    public static let contentNames = Kind.allCases.filter { $0 != .team }.map(\.rawValue).joined(separator: ", ")
}
