/// The characters text output draws with: box-drawing by default, plain ASCII where the terminal's
/// character set cannot show them.
public enum BoxStyle: String, Sendable, CaseIterable {
    case unicode, ascii

    /// The one rule for whether nnguide draws in ASCII, for the commands and the explorer alike:
    /// `NNGUIDE_ASCII` forces it (`0` forbids it); a VT-series terminal (`TERM=vt100`) has no box
    /// characters; otherwise the character set decides: `codeset` when the caller knows it (the
    /// explorer asks the C library after `setlocale`), else the locale environment ("C", "POSIX",
    /// "en_US.ISO-8859-1" are not UTF-8). An unset locale counts as UTF-8: nearly every terminal today is.
    public static func from(environment env: Environment, codeset: String? = nil) -> BoxStyle {
        if let forced = env["NNGUIDE_ASCII"], !forced.isEmpty { return forced != "0" ? .ascii : .unicode }
        if (env["TERM"] ?? "").hasPrefix("vt") { return .ascii }
        if let codeset { return isUTF8(codeset) ? .unicode : .ascii }
        for key in ["LC_ALL", "LC_CTYPE", "LANG"] {
            guard let v = env[key], !v.isEmpty else { continue }
            return isUTF8(v) ? .unicode : .ascii
        }
        return .unicode
    }

    static func isUTF8(_ name: String) -> Bool {
        // Compared as ASCII bytes, not with Foundation's `contains`: that goes through NSString, whose
        // first use cost a tenth of a millisecond before the explorer's first frame (BENCHMARKS.md).
        let b = name.utf8.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
        for pattern in ["utf-8", "utf8"] {
            let p = Array(pattern.utf8)
            guard b.count >= p.count else { continue }
            for i in 0...(b.count - p.count) where b[i..<(i + p.count)].elementsEqual(p) { return true }
        }
        return false
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
