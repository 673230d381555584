import NNGuideCore

/// The drawing characters of one terminal. Boxes, rules, bullets and tree branches are core's
/// `BoxStyle` (the same as `nnguide show` prints); the marks only the explorer needs are added here.
/// Where UTF-8 cannot be shown (`LANG=C`, `TERM=vt100`) everything is ASCII, and content text is
/// folded to ASCII too, so the two modes lay out identically in cells.
public struct Glyphs: Sendable, Equatable {
    public var ascii: Bool
    public var box: BoxStyle.Chars
    public var check, open, closed, pointer, ellipsis, sep, bar, arrow: String

    public static let unicode = Glyphs(ascii: false, box: BoxStyle.unicode.chars,
                                       check: "✓", open: "▾", closed: "▸", pointer: "▶", ellipsis: "…", sep: "›", bar: "▌", arrow: "→")
    public static let plain = Glyphs(ascii: true, box: BoxStyle.ascii.chars,
                                     check: "*", open: "-", closed: "+", pointer: ">", ellipsis: "~", sep: ">", bar: "|", arrow: "->")

    // Short names for the box characters the views use most.
    public var h: String { box.h }
    public var v: String { box.v }
    public var tl: String { box.tl }
    public var tr: String { box.tr }
    public var bl: String { box.bl }
    public var br: String { box.br }
    public var bullet: String { box.bullet }
    /// The rule under a page title.
    public var heavyH: String { box.title }

    /// Text as this terminal can show it.
    public func text(_ s: String) -> String { ascii ? ASCIIFold.fold(s) : s }
}
