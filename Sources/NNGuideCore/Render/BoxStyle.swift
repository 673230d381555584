/// The characters text output draws with: box-drawing by default, plain ASCII where the terminal's
/// character set cannot show them.
public enum BoxStyle: String, Sendable, CaseIterable {
    case unicode, ascii

    /// Unicode unless the locale environment names a character set other than UTF-8 ("C", "POSIX",
    /// "en_US.ISO-8859-1"). An unset locale counts as UTF-8: nearly every terminal today is.
    public static func from(environment env: [String: String]) -> BoxStyle {
        for key in ["LC_ALL", "LC_CTYPE", "LANG"] {
            guard let v = env[key], !v.isEmpty else { continue }
            let l = v.lowercased()
            return l.contains("utf-8") || l.contains("utf8") ? .unicode : .ascii
        }
        return .unicode
    }

    /// Shared by the plain-text renderer and the explorer, so both draw the same boxes and trees.
    public struct Chars: Sendable, Equatable {
        public let h, v, tl, tr, bl, br, top, bottom, left, right, cross: String
        public let headH, headLeft, headRight, headCross: String
        public let title: String
        public let bullet, subBullet, crumb: String
        public let branch, last, pipe, gap: String
    }

    public var chars: Chars {
        switch self {
        case .unicode:
            return Chars(h: "─", v: "│", tl: "┌", tr: "┐", bl: "└", br: "┘", top: "┬", bottom: "┴", left: "├", right: "┤", cross: "┼",
                         headH: "═", headLeft: "╞", headRight: "╡", headCross: "╪", title: "═",
                         bullet: "•", subBullet: "◦", crumb: " › ",
                         branch: "├── ", last: "└── ", pipe: "│   ", gap: "    ")
        case .ascii:
            return Chars(h: "-", v: "|", tl: "+", tr: "+", bl: "+", br: "+", top: "+", bottom: "+", left: "+", right: "+", cross: "+",
                         headH: "=", headLeft: "+", headRight: "+", headCross: "+", title: "=",
                         bullet: "*", subBullet: "-", crumb: " > ",
                         branch: "|-- ", last: "`-- ", pipe: "|   ", gap: "    ")
        }
    }
}
