import NNGuideCore

/// A document that only scrolls: the help screen, the placeholders. Views that are just text use
/// this instead of writing scrolling again.
public struct ScrollDocument: Sendable, Equatable {
    public var top = 0
    public init() {}

    public mutating func scroll(_ action: Action, lines: Int, height: Int) -> Bool {
        switch action {
        case .lineDown: top += 1
        case .lineUp: top -= 1
        case .pageDown: top += Self.page(height)
        case .pageUp: top -= Self.page(height)
        case .top: top = 0
        case .bottom: top = lines
        default: return false
        }
        fit(lines: lines, height: height)
        return true
    }

    /// How far a page moves: the height less a line or two kept for context; only one line on a
    /// short pane (the glossary entry at 40x12 is four lines high), so a page is most of what shows.
    public static func page(_ height: Int) -> Int { max(1, height - (height >= 8 ? 2 : 1)) }

    /// The top that keeps lines `range` on a screen of `height` rows, moving as little as possible.
    static func top(_ top: Int, toShow range: Range<Int>, height: Int, lines: Int) -> Int {
        var t = top
        if range.upperBound > t + height { t = range.upperBound - height }
        if range.lowerBound < t { t = range.lowerBound }
        return min(max(0, t), max(0, lines - height))
    }

    public mutating func fit(lines: Int, height: Int) { top = min(max(0, top), max(0, lines - height)) }

    public func render(_ doc: Document, in r: Rect, into buf: inout Buffer) {
        for row in 0..<r.height {
            let i = top + row
            guard doc.lines.indices.contains(i) else { break }
            var x = r.x
            for s in doc.lines[i].spans { x = buf.put(s.text, x: x, y: r.y + row, role: s.role, limit: r.maxX) }
        }
    }

    public func position(lines: Int, height: Int) -> String { Self.position(top: top, lines: lines, height: height) }

    /// How far down the status line says a view is: `All`, `Top`, `Bot` or the percentage read
    /// (the last line on screen). Every scrolling view's status says it this way.
    public static func position(top: Int, lines: Int, height: Int) -> String {
        if lines <= height { return "All" }
        if top == 0 { return "Top" }
        if top >= lines - height { return "Bot" }
        return "\(min(100, (top + height) * 100 / max(1, lines)))%"
    }

    public func violations(lines: Int, height: Int) -> [String] {
        top < 0 || top > max(0, lines - height) ? ["top \(top) outside 0...\(max(0, lines - height))"] : []
    }
}

extension Rect {
    /// The text column of a page-like view: margins on wide screens.
    var page: Rect { inset(width >= 60 ? 2 : 0, 0) }
}
