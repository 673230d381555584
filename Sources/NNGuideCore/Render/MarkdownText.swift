/// The one place text becomes Markdown. Both the guide's export (`MarkdownRenderer`) and the decision
/// record go through it, so what a user typed and what the guide says are escaped the same way.
///
/// Two kinds of text: *literal* text (a user's notes, a title, a name) where nothing is Markdown,
/// and the guide's *prose*, where a pair of backticks marks code (`nnguide glossary`) and is kept as
/// a code span. Everything else that GitHub-flavoured Markdown would read as syntax is escaped:
/// emphasis, code, raw HTML and entities, links, strike-through, and what its autolink extension
/// turns into links (`mAP@0.5` as an e-mail address, `www.` and `http://` text as web addresses).
public enum MarkdownText {
    /// Text in which nothing is Markdown, escaped for the middle of a line.
    public static func literal(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        let chars = Array(s)
        for (i, ch) in chars.enumerated() {
            if ch == "_", i > 0, i + 1 < chars.count, isAlphanumeric(chars[i - 1]), isAlphanumeric(chars[i + 1]) {
                // An underscore between letters or digits can neither open nor close emphasis (it is
                // both left- and right-flanking with no punctuation beside it): "latency_ms" stays as
                // written (thirteenth retest: "latency\_ms" in a record read with cat).
            } else if "\\*_`<>[]&".contains(ch) {
                out.append("\\")
            } else if ch == "~", !cannotClose(chars, i) {
                // A tilde strikes only as a closer paired with an opener (GFM's strikethrough follows
                // emphasis' flanking rules; github.com takes one tilde or two). One that cannot close,
                // wherever the text is put, stays bare: "under ~1,000" is read as written in a pager.
                out.append("\\")
            } else if ch == "@", i > 0, isLocalPart(chars[i - 1]), i + 1 < chars.count, chars[i + 1].isLetter || chars[i + 1].isNumber {
                // `name@host.tld` is an e-mail autolink in GFM; an escaped `@` breaks it.
                out.append("\\")
            } else if ch == ":", chars[(i + 1)...].starts(with: ["/", "/"]) {
                // `scheme://...` is a URL autolink.
                out.append("\\")
            } else if ch == ".", i >= 3, String(chars[(i - 3)..<i]).lowercased() == "www", i == 3 || !isWordChar(chars[i - 4]) {
                // `www.example.org` is a URL autolink.
                out.append("\\")
            }
            out.append(ch)
        }
        return out
    }

    /// Whether the tilde at `i` can never close a strike-through, whatever text surrounds `chars`: a
    /// lone tilde inside the text (not first or last), after a space, or after punctuation and before a
    /// letter or digit, is not right-flanking (CommonMark's delimiter-run rule). The twelfth retest
    /// found every tilde escaped ("under \~1,000"), noise in a pager.
    static func cannotClose(_ chars: [Character], _ i: Int) -> Bool {
        guard i > 0, i + 1 < chars.count, chars[i - 1] != "~", chars[i + 1] != "~" else { return false }
        let before = chars[i - 1], after = chars[i + 1]
        if before.isWhitespace { return true }
        return isPunctuation(before) && !after.isWhitespace && !isPunctuation(after)
    }

    private static func isPunctuation(_ c: Character) -> Bool { c.isPunctuation || c.isSymbol }
    private static func isAlphanumeric(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// The guide's prose: code spans (text between a pair of backticks) kept as code, the rest literal.
    public static func prose(_ s: String) -> String {
        var out = ""
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "`") {
            guard let close = rest[rest.index(after: open)...].firstIndex(of: "`"), close > rest.index(after: open) else { break }
            out += literal(String(rest[..<open])) + code(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out + literal(String(rest))
    }

    /// Text as a code span, fenced with more backticks than any run inside it.
    public static func code(_ s: String) -> String {
        var longest = 0, run = 0
        for ch in s { run = ch == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = s.hasPrefix("`") || s.hasSuffix("`") ? " " : ""
        return fence + pad + s + pad + fence
    }

    /// Escaped text that starts a line, kept from being read as a heading, quote, list item, rule or
    /// setext underline: "1. Define" in a bullet would otherwise open a numbered list inside it.
    public static func atLineStart(_ s: String) -> String {
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = s.dropFirst(digits.count).first, next == "." || next == ")" {
            return String(digits) + "\\" + String(s.dropFirst(digits.count))
        }
        let trimmed = s.drop { $0 == " " }
        guard let first = trimmed.first else { return s }
        // `>` quotes with or without a space; `#`, `+`, `-`, `=` mark something only before a space
        // or alone ("-1 is negative" and "#hashtag" are text).
        let next = trimmed.dropFirst().first
        if first == ">" || ("#+-=".contains(first) && (next == nil || next == " " || (first != "+" && next == first))) {
            return String(s.prefix(s.count - trimmed.count)) + "\\" + trimmed
        }
        return s
    }

    /// Literal text that may hold line breaks (a user's notes): every line escaped, and escaped at its
    /// start, joined by hard line breaks so the lines stay lines.
    public static func literalLines(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false)
            .map { atLineStart(literal(String($0).trimmingTrailingSpaces())) }
            .filter { !$0.isEmpty }
            .joined(separator: "\\\n")
    }

    /// Text as a fenced block, its fence longer than any run of backticks inside (so no line of the
    /// text can close it).
    public static func fenced(_ text: String, language: String) -> [String] {
        var longest = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let run = line.drop { $0 == " " }.prefix { $0 == "`" }.count
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return [fence + language] + text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [fence]
    }

    /// A table cell: pipes escaped, line breaks as `<br>`.
    public static func cell(_ markdown: String) -> String {
        markdown.replacing("|", with: "\\|").replacing("\n", with: "<br>")
    }

    /// A word quoted for a POSIX shell: as it is when it holds only characters no shell treats
    /// specially, else in single quotes (a single quote inside written `'\''`).
    public static func shellWord(_ s: String) -> String {
        let plain = !s.isEmpty && s.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSetLite.isAlphanumeric($0) || "-_./:=,+@%".unicodeScalars.contains($0))
        }
        return plain ? s : "'" + s.replacing("'", with: "'\\''") + "'"
    }

    /// The id GitHub (and pandoc's `gfm_auto_identifiers`) give a heading with this text: lower case,
    /// punctuation other than `-` and `_` removed, spaces as `-`. Duplicates are numbered by `HeadingIDs`.
    public static func headingSlug(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch == " " { out.append("-") }
            else if ch == "-" || ch == "_" || ch.isLetter || ch.isNumber { out.append(ch) }
        }
        return out
    }

    static func isLocalPart(_ c: Character) -> Bool { c.isLetter || c.isNumber || ".-+_".contains(c) }
    static func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
}

/// The ids a Markdown renderer derives from heading text, numbered as GitHub and pandoc number them
/// (`glossary`, `glossary-1`, ...), so anchors can be chosen that no derived id repeats.
public struct HeadingIDs: Sendable {
    private var used: [String: Int] = [:]
    public init() {}

    /// The id the next heading with this text gets.
    public mutating func derive(_ text: String) -> String {
        let (base, id, k) = next(text)
        if let k { used[base] = k }
        used[id] = used[id] ?? 0
        return id
    }

    /// The id the next heading with this text would get, without counting it.
    public func peek(_ text: String) -> String { next(text).id }

    private func next(_ text: String) -> (base: String, id: String, count: Int?) {
        let base = MarkdownText.headingSlug(text)
        guard let n = used[base] else { return (base, base, nil) }
        var k = n, id = base
        repeat { k += 1; id = "\(base)-\(k)" } while used[id] != nil
        return (base, id, k)
    }
}

/// ASCII letter and digit test without Foundation's CharacterSet (NNGuideCore's renderers stay light).
enum CharacterSetLite {
    static func isAlphanumeric(_ u: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(u) || ("A"..."Z").contains(u) || ("0"..."9").contains(u)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " || s.last == "\t" || s.last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
