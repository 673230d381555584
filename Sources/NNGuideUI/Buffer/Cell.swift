/// What a cell means, not how it looks: the backend's theme turns a role into colours or, on a
/// monochrome terminal, into bold / underline / reverse. Views never pick colours.
public enum Role: UInt8, Sendable, CaseIterable, Hashable {
    case text, dim, strong, heading, title
    case link, linkFocus, match, matchFocus
    case selection, border, accent, code, warning
    case status, statusKey, hint, hintKey, prompt

    /// The marks a selection bar leaves alone when it is painted over a chosen row: a focused link,
    /// find matches, a field being typed in. Every other role on the row takes the bar's.
    public static let throughBar: Set<Role> = [.linkFocus, .match, .matchFocus, .prompt]
}

/// One terminal cell: a grapheme cluster and its role. A wide grapheme sits in its lead cell and
/// the cell to its right is a continuation, which the backend never draws.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var role: Role
    public var isContinuation: Bool

    public init(_ text: String = " ", _ role: Role = .text, isContinuation: Bool = false) {
        self.text = text; self.role = role; self.isContinuation = isContinuation
    }

    public static let blank = Cell()
    static let continuation = Cell("", .text, isContinuation: true)
}
