import NNGuideCore

/// A decision screen laid out for one width. A span's `link` is an index into `targets` (what Tab
/// and Enter reach: a breadcrumb answer or a link), and `items` holds the lines of each numbered
/// answer or menu item, for the selection bar and for scrolling it into view.
struct Sheet: DocumentWriter {
    enum Target: Sendable, Equatable {
        /// A breadcrumb answer, a link, a flip on the recommendation screen (Enter applies it).
        case crumb(Int), link(Int), flip(Int)
        var isLink: Bool { if case .link = self { return true }; return false }
    }
    /// A run's role and the target it belongs to (`link` is an index into `targets`).
    typealias Tag = DocumentBuilder.Tag

    var doc = Document()
    var targets: [Target] = []
    var items: [Range<Int>] = []
    /// First line of each target, for scrolling a focused one into view.
    var targetLines: [Int] = []
    /// Stretches of lines a key or a saved file brings into view (`cursor`: the line of a long value
    /// typed across lines that holds the cursor).
    enum Spot: Sendable, Equatable { case command, saved, field, file, cursor, question }
    var spots: [Spot: Range<Int>] = [:]
    let width: Int
    let glyphs: Glyphs
    /// A decision screen is one block: its lines keep no place across widths.
    var origin: Int { 0 }

    init(width: Int, glyphs: Glyphs) { self.width = max(1, width); self.glyphs = glyphs }

    var count: Int { doc.lines.count }

    mutating func line(_ spans: [Span]) {
        for s in spans { if let t = s.link, targetLines[t] < 0 { targetLines[t] = doc.lines.count } }
        doc.lines.append(DocLine(spans))
    }

    mutating func target(_ t: Target) -> Int {
        targets.append(t); targetLines.append(-1)
        return targets.count - 1
    }

    /// Wraps runs with a hanging indent, as every document is (`DocumentBuilder.wrapped`): `first`
    /// before the first line, `rest` before the others.
    mutating func wrap(_ runs: [StyledRun<Tag>], first: [Span] = [], rest: [Span]? = nil) {
        for l in DocumentBuilder.wrapped(runs, width: width, first: first, rest: rest) { line(l) }
    }

    /// Plain text (link markup dropped), wrapped.
    mutating func text(_ s: String, _ role: Role, first: [Span] = [], rest: [Span]? = nil) {
        wrap([StyledRun(plain(s), Tag(role))], first: first, rest: rest)
    }

    /// Content text as this terminal shows it.
    func plain(_ s: String) -> String {
        glyphs.text(InlineParser.plain(s).trimmed())
    }

    /// Lays out one numbered item; its lines are remembered for the selection bar.
    mutating func item(_ body: (inout Sheet) -> Void) {
        let start = doc.lines.count
        body(&self)
        items.append(start..<doc.lines.count)
    }

    /// Lays out a named stretch of lines.
    mutating func spot(_ name: Spot, _ body: (inout Sheet) -> Void) {
        let start = doc.lines.count
        body(&self)
        spots[name] = start..<doc.lines.count
    }

    /// The `y` block: the equivalent command, in a spot a key can bring into view; `notes` say what a
    /// value stands for (a number for a range), as shell comments so the block still pastes.
    /// `scope`: the screen's keys, whose binding hides the block (the form's is ^Y: its letters type).
    mutating func commandBlock(_ command: String, notes: [String] = [], scope: Scope = .decideTree) {
        blank()
        spot(.command) { s in
            s.text("The same with nnguide recommend (\(Keymap.key(.decide(.showCommand), in: scope)) hides it):", .dim)
            s.command(command)
            for n in notes { s.text(n, .dim, first: [Span("  # ", .dim)], rest: [Span("  # ", .dim)]) }
        }
    }

    /// A command shown so it can be copied: one line when it fits, otherwise broken before a flag
    /// (a flag stays with its value) with a shell continuation (` \`), so the copied lines still run.
    /// A quoted value too long for its line is split at spaces into adjacent quoted pieces: the line
    /// ends `'\` and the next starts `'` at the sheet's left edge, with no indent, since whitespace
    /// after a `\`-newline would part the pieces into two words (`commandLines`).
    mutating func command(_ command: String) {
        for l in Sheet.commandLines(glyphs.text(command), width: width) {
            line(l.first == " " ? [Span("  "), Span(String(l.dropFirst(2)), .code)] : [Span(l, .code)])
        }
    }

    /// The lines of `command` as `command(_:)` shows them at `width` (its two-column margin
    /// included): each at most `width - 2` columns wide unless one shell word has no quoted run to
    /// split; stripping every `\`-newline gives back the same shell words as the one line.
    static func commandLines(_ command: String, width: Int) -> [String] {
        let limit = max(12, width - 2)
        // Shell words (single quotes and `\'` escapes kept), then a flag with its values as one unit.
        var units: [String] = []
        for w in ShellWords.split(command) {
            if let last = units.last, last.hasPrefix("--"), !w.hasPrefix("--") { units[units.count - 1] += " " + w } else { units.append(w) }
        }
        var lines: [String] = []
        var current = ""
        for (i, unit) in units.enumerated() {
            let reserve = i == units.count - 1 ? 0 : 2
            let next = current.isEmpty ? "  " + unit : current + " " + unit
            if current.isEmpty || DisplayWidth.of(next) + reserve <= limit { current = next; continue }
            lines.append(current + " \\")
            current = (width < 40 ? "    " : "      ") + unit
            // Too wide alone: split it inside a quoted run, at a space when one fits.
            while DisplayWidth.of(current) + reserve > limit, let cut = splitPoint(current, limit: limit - 2) {
                lines.append(String(current[..<cut]) + "'\\")
                current = "'" + current[cut...]
            }
        }
        lines.append(current)
        return lines
    }

    /// Where to cut `line` so the part before it, plus `'\`, fits `limit` columns: inside a quoted
    /// run (never in a `'\''` escape, never leaving a piece empty), after a space when one fits.
    private static func splitPoint(_ line: String, limit: Int) -> String.Index? {
        var quoted = false, escaped = false
        var width = 0
        var any: String.Index?, space: String.Index?
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            let after = line.index(after: i)
            width += DisplayWidth.of(c)
            if width > limit { break }
            if escaped { escaped = false } else if c == "\\" && !quoted { escaped = true } else if c == "'" { quoted.toggle(); i = after; continue }
            // A cut after `c` is inside the run when the run goes on past it.
            if quoted, after < line.endIndex, line[after] != "'" {
                any = after
                if c == " " { space = after }
            }
            i = after
        }
        return space ?? any
    }

    /// A saved file as "NAME in FOLDER", the home folder as `~`: the name stays whole when a narrow
    /// screen wraps or cuts the folder (a 40-column message line).
    static func fileName(_ path: String, home: String?) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return path }
        var folder = String(path[..<slash])
        if let home, home.count > 1, folder == home || folder.hasPrefix(home + "/") { folder = "~" + folder.dropFirst(home.count) }
        return path[path.index(after: slash)...] + " in " + folder
    }
}

