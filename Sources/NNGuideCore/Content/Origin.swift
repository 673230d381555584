/// Where a piece of the guide comes from, so a reader can tell the original guide from what this
/// project wrote (issue 11). Every page, section, glossary entry and catalog entry states it in
/// YAML (`origin: guide`); a block may, and otherwise inherits it (`Page.origin(ofBlock:)`).
public enum Origin: String, Codable, Sendable, CaseIterable {
    /// The source guide's own material, in this project's words.
    case guide
    /// A list the source lost on its way to plain text (its heading survived), written here.
    case refilled
    /// Beyond the source: written for this project.
    case added

    /// What a block says when it has no `origin:` of its own: a bullet or numbered list inside the
    /// guide's own material is a refilled one (the source's text lost every list), anything else is
    /// what its page is.
    public static func inherited(by block: Block, on page: Origin) -> Origin {
        switch block {
        case .list, .steps: return page == .guide ? .refilled : page
        default: return page
        }
    }

    /// The quiet mark shown beside refilled and added material; nil for the guide's own.
    public var mark: String? {
        switch self {
        case .guide: return nil
        case .refilled: return "[refilled]"
        case .added: return "[added]"
        }
    }

    /// One sentence on what the origin means, for help screens and exports.
    public var meaning: String {
        switch self {
        case .guide: return "the source guide's own material, in this project's words"
        case .refilled: return "a list the source guide lost, written for nnguide"
        case .added: return "beyond the source guide, written for nnguide"
        }
    }

    /// "guide, refilled, added": for messages that list the valid values.
    public static let names = allCases.map(\.rawValue).joined(separator: ", ")
}
