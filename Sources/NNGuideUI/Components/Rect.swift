/// A rectangle of cells: where a view, a pane or a row draws. Every split and inset keeps the
/// sizes at zero or more, so a screen too small for a layout draws less, never out of bounds.
public struct Rect: Sendable, Hashable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }

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

    /// The text column of a page-like view: margins on wide screens.
    var page: Rect { inset(width >= 60 ? 2 : 0, 0) }
}
