import CNcursesw
import NNGuideUI

/// Roles to attributes and colour pairs for each colour depth. Without colour (a monochrome
/// terminal or NO_COLOR) everything still reads: bold, underline and reverse carry the meaning.
enum Theme {
    struct Look { let fg: Int16; let bg: Int16; let attrs: attr_t }

    static func mono(_ r: Role) -> attr_t {
        switch r {
        case .text, .border, .code, .hint, .accent: return nng_a_normal()
        case .dim: return nng_a_dim()
        case .strong, .heading, .title, .warning, .hintKey, .prompt: return nng_a_bold()
        case .link: return nng_a_underline()
        case .linkFocus: return nng_a_reverse() | nng_a_underline()
        case .match, .selection, .status: return nng_a_reverse()
        case .matchFocus, .statusKey: return nng_a_reverse() | nng_a_bold()
        }
    }

    static func many(_ r: Role) -> Look {
        let b = nng_a_bold(), n = nng_a_normal()
        switch r {
        case .text: return Look(fg: -1, bg: -1, attrs: n)
        case .dim: return Look(fg: 245, bg: -1, attrs: n)
        case .strong: return Look(fg: -1, bg: -1, attrs: b)
        case .heading: return Look(fg: 75, bg: -1, attrs: b)
        case .title: return Look(fg: 214, bg: -1, attrs: b)
        case .link: return Look(fg: 44, bg: -1, attrs: nng_a_underline())
        case .linkFocus: return Look(fg: 16, bg: 44, attrs: b)
        case .match: return Look(fg: 16, bg: 186, attrs: n)
        case .matchFocus: return Look(fg: 16, bg: 214, attrs: b)
        case .selection: return Look(fg: 231, bg: 25, attrs: n)
        case .border: return Look(fg: 242, bg: -1, attrs: n)
        case .accent: return Look(fg: 179, bg: -1, attrs: n)
        case .code: return Look(fg: 150, bg: -1, attrs: n)
        case .warning: return Look(fg: 210, bg: -1, attrs: b)
        case .status: return Look(fg: 252, bg: 237, attrs: n)
        case .statusKey: return Look(fg: 16, bg: 250, attrs: b)
        case .hint: return Look(fg: 244, bg: -1, attrs: n)
        case .hintKey: return Look(fg: 81, bg: -1, attrs: b)
        case .prompt: return Look(fg: 214, bg: -1, attrs: b)
        }
    }

    static func eight(_ r: Role) -> Look {
        let b = nng_a_bold(), n = nng_a_normal()
        let black = Int16(COLOR_BLACK), red = Int16(COLOR_RED), green = Int16(COLOR_GREEN), yellow = Int16(COLOR_YELLOW)
        let blue = Int16(COLOR_BLUE), cyan = Int16(COLOR_CYAN), white = Int16(COLOR_WHITE)
        switch r {
        case .text: return Look(fg: -1, bg: -1, attrs: n)
        case .dim: return Look(fg: -1, bg: -1, attrs: nng_a_dim())
        case .strong: return Look(fg: -1, bg: -1, attrs: b)
        case .heading: return Look(fg: blue, bg: -1, attrs: b)
        case .title: return Look(fg: yellow, bg: -1, attrs: b)
        case .link: return Look(fg: cyan, bg: -1, attrs: nng_a_underline())
        case .linkFocus: return Look(fg: black, bg: cyan, attrs: b)
        case .match: return Look(fg: black, bg: yellow, attrs: n)
        case .matchFocus: return Look(fg: black, bg: yellow, attrs: b | nng_a_underline())
        case .selection: return Look(fg: white, bg: blue, attrs: n)
        case .border: return Look(fg: -1, bg: -1, attrs: nng_a_dim())
        case .accent: return Look(fg: yellow, bg: -1, attrs: n)
        case .code: return Look(fg: green, bg: -1, attrs: n)
        case .warning: return Look(fg: red, bg: -1, attrs: b)
        case .status: return Look(fg: black, bg: white, attrs: n)
        case .statusKey: return Look(fg: black, bg: white, attrs: b)
        case .hint: return Look(fg: -1, bg: -1, attrs: nng_a_dim())
        case .hintKey: return Look(fg: cyan, bg: -1, attrs: b)
        case .prompt: return Look(fg: yellow, bg: -1, attrs: b)
        }
    }

    /// How one role is drawn: attributes and colour pair (0: the terminal's own colours).
    struct Pen { var attrs: attr_t; var pair: Int16 }

    /// One pen per role, indexed by the role's raw value: an array, not a dictionary keyed by role,
    /// whose hashing was a protocol-conformance scan before the first frame (BENCHMARKS.md).
    static func install(_ depth: ColorDepth) -> [Pen] {
        var pens = Array(repeating: Pen(attrs: nng_a_normal(), pair: 0), count: Role.allCases.count)
        for role in Role.allCases {
            let i = Int(role.rawValue)
            switch depth {
            case .none:
                pens[i] = Pen(attrs: mono(role), pair: 0)
            case .eight, .many:
                let look = depth == .many ? many(role) : eight(role)
                let pair = Int16(i + 1)
                init_pair(pair, look.fg, look.bg)
                pens[i] = Pen(attrs: look.attrs, pair: pair)
            }
        }
        return pens
    }
}
