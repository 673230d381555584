import NNGuideCore

/// The drawing characters of one terminal: box drawing and marks where UTF-8 works, plain ASCII
/// where it does not (`LANG=C`, `TERM=vt100`). Content text is folded to ASCII too, so the two
/// modes lay out identically in cells.
public struct Glyphs: Sendable, Equatable {
    public var ascii: Bool
    public var h, v, tl, tr, bl, br, teeDown, teeUp, teeRight, teeLeft, cross: String
    public var heavyH: String
    public var bullet, check, open, closed, leaf, pointer, ellipsis, sep, arrow: String
    public var treeMid, treeLast, treePipe: String
    public var bar: String

    public static let unicode = Glyphs(
        ascii: false, h: "─", v: "│", tl: "┌", tr: "┐", bl: "└", br: "┘",
        teeDown: "┬", teeUp: "┴", teeRight: "├", teeLeft: "┤", cross: "┼", heavyH: "━",
        bullet: "•", check: "✓", open: "▾", closed: "▸", leaf: " ", pointer: "▶", ellipsis: "…", sep: "›", arrow: "→",
        treeMid: "├─ ", treeLast: "└─ ", treePipe: "│  ", bar: "▌")

    public static let plain = Glyphs(
        ascii: true, h: "-", v: "|", tl: "+", tr: "+", bl: "+", br: "+",
        teeDown: "+", teeUp: "+", teeRight: "+", teeLeft: "+", cross: "+", heavyH: "=",
        bullet: "*", check: "*", open: "-", closed: "+", leaf: " ", pointer: ">", ellipsis: "~", sep: ">", arrow: "->",
        treeMid: "|- ", treeLast: "`- ", treePipe: "|  ", bar: "|")

    /// Text as this terminal can show it.
    public func text(_ s: String) -> String { ascii ? ASCIIFold.fold(s) : s }
}
