/// A piece of text with a tag that survives wrapping (a style, a link number).
public struct StyledRun<Tag: Sendable & Equatable>: Sendable, Equatable {
    public var text: String
    public var tag: Tag
    public init(_ text: String, _ tag: Tag) { self.text = text; self.tag = tag }
}

/// The one text-wrapping routine: greedy by words, measured in terminal cells, breaking words longer
/// than a line, keeping each run's tag. Newlines in the text force a break.
public enum TextWrap {
    /// What becomes of a word longer than a whole line.
    public enum LongWords: Sendable {
        /// Broken where a compound word or file name may break (`cutPoint`): a screen cannot overflow.
        case broken
        /// Kept whole on a line of its own, overflowing it: text printed to a terminal, where an id
        /// ("deep-dive-transformer-limitations") split at its hyphen reads as two words and cannot be
        /// copied back (issue 23, eighth retest). The terminal folds what overflows. A path or URL
        /// (a word with `/`) still breaks as `.broken` does: after a `/` it reads as one.
        case whole
        /// Kept whole, a path or URL too, on a line of its own: a message on standard error, whose
        /// paths are copied back into a shell (ninth retest: "/tmp/…/n" / "nguide/briefs/…").
        case kept
    }

    /// `firstWidth` is the first line's room when it differs from the others' (a label before the first
    /// line and a shorter indent before the rest, as in a card's "Column: value").
    public static func wrap<Tag>(_ runs: [StyledRun<Tag>], width: Int, firstWidth: Int? = nil, longWords: LongWords = .broken) -> [[StyledRun<Tag>]] {
        let rest = max(1, width)
        var width = max(1, firstWidth ?? rest)
        var lines: [[StyledRun<Tag>]] = []
        var line: [StyledRun<Tag>] = []
        var lineWidth = 0
        var pendingSpace: StyledRun<Tag>? = nil

        func append(_ text: String, _ tag: Tag) {
            if let last = line.last, last.tag == tag { line[line.count - 1].text += text } else { line.append(StyledRun(text, tag)) }
        }
        func breakLine() {
            lines.append(line); line = []; lineWidth = 0; pendingSpace = nil; width = rest
        }
        for piece in pieces(runs) {
            switch piece {
            case .newline:
                breakLine()
            case .space(let tag):
                if lineWidth > 0 { pendingSpace = StyledRun(" ", tag) }
            case .word(let parts):
                let ww = parts.reduce(0) { $0 + DisplayWidth.of($1.text) }
                let spaceWidth = pendingSpace == nil ? 0 : 1
                // A word too long for a line of its own starts one all the same, never leaving a "(" alone
                // at the end of this line (sixth retest); `cutPoint` says where it breaks.
                if lineWidth > 0 && lineWidth + spaceWidth + ww > width { breakLine() }
                if let s = pendingSpace { append(s.text, s.tag); lineWidth += 1; pendingSpace = nil }
                if ww <= width - lineWidth || longWords == .kept || (longWords == .whole && !parts.contains { $0.text.contains("/") }) {
                    for p in parts { append(p.text, p.tag) }
                    lineWidth += ww
                } else {
                    // Longer than a whole line: cut it where a file name or compound word may break
                    // ("tabular-" / "classification" / ".yaml"), by characters only where none fits.
                    var rest = parts.flatMap { p in p.text.map { ($0, p.tag) } }
                    while !rest.isEmpty {
                        let chars = rest.map(\.0)
                        let cut = cutPoint(chars, room: width - lineWidth, lineEmpty: lineWidth == 0)
                        if cut == 0 { breakLine(); continue }
                        for (c, tag) in rest[..<cut] { append(String(c), tag); lineWidth += DisplayWidth.of(c) }
                        rest.removeFirst(cut)
                        if !rest.isEmpty { breakLine() }
                    }
                }
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// How many of `chars` go on a line with `room` cells: all when they fit; else up to the last
    /// place a long word may break (after `-`, `_` or `/`, before `.`); else as many as fit (at least
    /// one on an empty line, so a character wider than the line still moves on). No cut leaves a
    /// closing bracket, or only punctuation, to start the next line: "(deep-dive-transformer-" /
    /// "limitations)," rather than "…limitations" / ")," (seventh retest).
    static func cutPoint(_ chars: [Character], room: Int, lineEmpty: Bool) -> Int {
        func orphans(_ k: Int) -> Bool {
            k < chars.count && (")]}".contains(chars[k]) || chars[k...].allSatisfy { trailing.contains($0) })
        }
        var fits = 0, w = 0, lastBreak = 0
        for (i, c) in chars.enumerated() {
            w += DisplayWidth.of(c)
            if w > room { break }
            fits = i + 1
            if i > 0, "-_/".contains(c), !orphans(i + 1) { lastBreak = i + 1 }
            if i + 2 < chars.count, chars[i + 1] == ".", i > 0, !orphans(i + 1) { lastBreak = i + 1 }
        }
        if fits == chars.count { return fits }
        if lastBreak > 0 { return lastBreak }
        var cut = fits
        while cut > 1, orphans(cut) { cut -= 1 }
        return cut > 0 ? cut : (lineEmpty ? 1 : 0)
    }

    /// What stays with the word before it: closing brackets and the punctuation after a word.
    static let trailing: Set<Character> = [")", "]", "}", ",", ".", ";", ":", "!", "?", "'", "\"", "’", "”", "…"]

    /// Cut by characters, never re-flowed: preformatted text (code), whose spaces and words are its own.
    public static func cut(_ s: String, width: Int) -> [String] {
        let width = max(1, width)
        var out: [String] = [], cur = "", w = 0
        for ch in s {
            let cw = DisplayWidth.of(ch)
            if w + cw > width && !cur.isEmpty { out.append(cur); cur = ""; w = 0 }
            cur.append(ch); w += cw
        }
        out.append(cur)
        return out
    }

    /// Keeps `text` on one line when it is wrapped: its spaces do not break, and are printed as spaces
    /// ("deploy=cloud (assumed)": a field never parted from its mark, eleventh retest). A group longer
    /// than a whole line is a long word (`LongWords`).
    public static func together(_ text: String) -> String { String(text.map { $0 == " " ? glue : $0 }) }

    /// The space inside a group kept `together`: part of the word, turned back into a space as the
    /// words are read (`pieces`), so it is never printed.
    static let glue: Character = "\u{E000}"

    /// Plain text wrapped to lines.
    public static func wrap(_ text: String, width: Int, longWords: LongWords = .broken) -> [String] {
        wrap([StyledRun(text, 0)], width: width, longWords: longWords).map { $0.map(\.text).joined() }
    }

    /// A message for a terminal's standard error, each line wrapped at `width` cells between words,
    /// every word kept whole (a path or id longer than a line stands on a line of its own), the lines
    /// that continue one indented two spaces past it. Lines that fit are left as they are.
    public static func message(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let s = String(line)
            guard DisplayWidth.of(s) > width else { return [s] }
            let lead = String(s.prefix { $0 == " " })
            let rest = lead + "  "
            return wrap([StyledRun(String(s.dropFirst(lead.count)), 0)], width: max(8, width - rest.count),
                        firstWidth: max(8, width - lead.count), longWords: .kept).enumerated().map { i, runs in
                (i == 0 ? lead : rest) + runs.map(\.text).joined()
            }
        }.joined(separator: "\n")
    }

    /// Cuts text to at most `width` cells, ending with `ellipsis` when something was cut.
    public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let ew = DisplayWidth.of(ellipsis)
        guard width > ew else { return String(repeating: ".", count: max(0, width)) }
        var out = "", w = 0
        for c in text {
            let cw = DisplayWidth.of(c)
            if w + cw > width - ew { break }
            out.append(c); w += cw
        }
        return out + ellipsis
    }

    /// The first of `wordings` (longest first) that fits in `width` cells, else the last: a line that
    /// says less on a narrow screen rather than one cut mid-word.
    public static func longestFitting(_ wordings: [String], width: Int) -> String {
        wordings.first { DisplayWidth.of($0) <= width } ?? wordings.last ?? ""
    }

    /// A path of parts ("Part 3", "3.4 Transformers", "Limitations") in at most `width` cells, cut from
    /// the left a whole part at a time ("… › 3.4 Transformers › Limitations"): its end says where it
    /// leads. A last part too wide even alone follows the ellipsis whole, to be wrapped.
    public static func tail(_ parts: [String], separator: String, width: Int, ellipsis: String = "…") -> String {
        let whole = parts.joined(separator: separator)
        guard DisplayWidth.of(whole) > width, let last = parts.last else { return whole }
        var kept = [last]
        for part in parts.dropLast().reversed() {
            let more = ([part] + kept).joined(separator: separator)
            guard DisplayWidth.of(ellipsis + separator + more) <= width else { break }
            kept.insert(part, at: 0)
        }
        if kept.count == parts.count { return whole }
        // When even "… › last" does not fit, the last part alone says more than a cut "… › La…".
        let cut = ellipsis + separator + kept.joined(separator: separator)
        return DisplayWidth.of(cut) <= width ? cut : kept.joined(separator: separator)
    }

    /// Pads text with spaces to exactly `width` cells (cutting it when longer).
    public static func pad(_ text: String, width: Int) -> String {
        let t = truncate(text, width: width)
        return t + String(repeating: " ", count: max(0, width - DisplayWidth.of(t)))
    }

    enum Token { case word(String), space, newline }

    enum Piece<Tag: Sendable & Equatable> { case word([StyledRun<Tag>]), space(Tag), newline }

    /// The runs as words, spaces and line breaks, a word that runs on from one run into the next kept
    /// whole ("data" highlighted and the comma after it), so a break never falls inside it.
    static func pieces<Tag>(_ runs: [StyledRun<Tag>]) -> [Piece<Tag>] {
        var out: [Piece<Tag>] = []
        for run in runs {
            for token in tokens(run.text) {
                switch token {
                case .newline: out.append(.newline)
                case .space: out.append(.space(run.tag))
                case .word(var w):
                    if w.contains(glue) { w = String(w.map { $0 == glue ? " " : $0 }) }
                    if case .word(var parts)? = out.last {
                        parts.append(StyledRun(w, run.tag))
                        out[out.count - 1] = .word(parts)
                    } else {
                        out.append(.word([StyledRun(w, run.tag)]))
                    }
                }
            }
        }
        return out
    }

    static func tokens(_ s: String) -> [Token] {
        var out: [Token] = []
        var word = ""
        for c in s {
            if c == "\n" {
                if !word.isEmpty { out.append(.word(word)); word = "" }
                out.append(.newline)
            } else if c == " " || c == "\t" {
                if !word.isEmpty { out.append(.word(word)); word = "" }
                if case .space? = out.last {} else { out.append(.space) }
            } else {
                word.append(c)
            }
        }
        if !word.isEmpty { out.append(.word(word)) }
        return out
    }
}
