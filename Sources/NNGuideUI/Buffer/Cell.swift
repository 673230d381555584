/// What a cell means, not how it looks: the backend's theme turns a role into colours or, on a
/// monochrome terminal, into bold / underline / reverse. Views never pick colours.
public enum Role: UInt8, Sendable, CaseIterable, Hashable {
    case text, dim, strong, heading, title
    case link, linkFocus, match, matchFocus
    case selection, border, accent, code, warning
    case status, statusKey, hint, hintKey, prompt
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

public struct Rect: Sendable, Hashable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// Splits off `n` columns on the left; the rest is what remains after a `gap`.
    public func splitLeft(_ n: Int, gap: Int = 0) -> (Rect, Rect) {
        let n = min(max(0, n), width)
        return (Rect(x: x, y: y, width: n, height: height),
                Rect(x: x + n + gap, y: y, width: width - n - gap, height: height))
    }

    public func splitTop(_ n: Int, gap: Int = 0) -> (Rect, Rect) {
        let n = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: n),
                Rect(x: x, y: y + n + gap, width: width, height: height - n - gap))
    }

    public func inset(_ dx: Int, _ dy: Int) -> Rect {
        Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
    }

    public func row(_ i: Int) -> Rect { Rect(x: x, y: y + i, width: width, height: 1) }
}
