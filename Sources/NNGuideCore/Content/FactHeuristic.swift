/// Whether a piece of prose states something that can age: a year, a version, a licence, a
/// percentage or a figure with a unit, a release status ("archived", "deprecated") or a price. Lint
/// warns when an `origin: added` item states one without `sources` and `reviewed` (issue 21).
///
/// A scan of words, not regular expressions: it runs over every added item on each load that checks
/// the content, so it must cost little. It errs towards saying yes for things that are facts
/// ("110M parameters", "Apache-2.0", "2025"), and no for the guide's plain counts ("Part 10",
/// "ResNet-50", "3 layers", "10,000 images").
public enum FactHeuristic {
    /// The first dated or numeric fact in `text`, described for a message ("a year (2025)"); nil when
    /// there is none. Link targets (`[[label|target]]`) are not read, only labels.
    public static func fact(in text: String) -> String? {
        let bytes = Array(InlineParser.plain(text).utf8)
        // Words as byte ranges with their edge punctuation trimmed. Only a word that holds a digit or
        // a currency sign, or is one of the keywords, is looked at further (and only then made a
        // String): most prose has neither, and this runs over every added item on each check.
        var words: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            while i < bytes.count, isSpace(bytes[i]) { i += 1 }
            let start = i
            while i < bytes.count, !isSpace(bytes[i]) { i += 1 }
            if i > start { words.append(trimmed(bytes, start..<i)) }
        }
        func word(_ k: Int) -> String {
            guard words.indices.contains(k) else { return "" }
            return String(decoding: bytes[words[k]], as: UTF8.self)
        }
        for k in words.indices {
            let r = words[k]
            guard !r.isEmpty else { continue }
            let numeric = bytes[r].contains { (48...57).contains($0) } || bytes[r.lowerBound] == 0x24 || bytes[r.lowerBound] == 0xE2 || bytes[r.lowerBound] == 0xC2
            guard numeric || keywordStart(bytes, r) else { continue }
            if let found = examine(word(k), previous: word(k - 1), next: word(k + 1)) { return found }
        }
        return nil
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

    /// ASCII punctuation trimmed from both ends (the reader's `trim`, on bytes).
    static func trimmed(_ bytes: [UInt8], _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, isEdge(bytes[lo]) { lo += 1 }
        while hi > lo, isEdge(bytes[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    static func isEdge(_ b: UInt8) -> Bool {
        switch b {
        case 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x22, 0x27, 0x2C, 0x3B, 0x3A, 0x2E, 0x21, 0x3F, 0x2A, 0x5F, 0x60: return true
        default: return false
        }
    }

    /// Curly quotes around a word (non-ASCII, so the byte trim leaves them).
    static func unquoted(_ w: String) -> String {
        let quotes: Set<Character> = ["“", "”", "‘", "’", "(", ")", ",", ".", ";", ":"]
        var s = Substring(w)
        while let c = s.first, quotes.contains(c) { s = s.dropFirst() }
        while let c = s.last, quotes.contains(c) { s = s.dropLast() }
        return String(s)
    }

    /// Whether the word can start a release status or licence keyword (checked in full by `examine`):
    /// its first three letters, so common words ("not", "under", "use") are never looked at.
    static let keywordHeads: Set<String> = ["arc", "apa", "agp", "dep", "dis", "end", "sun", "sup", "unm", "lim", "lic",
                                            "lgp", "gpl", "bsd", "cc-", "cc0", "mpl", "mit", "ope", "non"]
    static func keywordStart(_ bytes: [UInt8], _ r: Range<Int>) -> Bool {
        guard r.count >= 2 else { return false }
        if r.count == 2 { return (bytes[r.lowerBound] | 0x20, bytes[r.lowerBound + 1] | 0x20) == (0x63, 0x63) }   // "CC"
        return packedHeads.contains(packed(bytes[r.lowerBound..<(r.lowerBound + 3)]))
    }

    /// Three bytes, upper-case ASCII letters lowered, as one number: the heads are compared without
    /// making a String of every word (that was a third of this scan at 100x).
    static func packed(_ head: some Sequence<UInt8>) -> UInt32 {
        head.reduce(0) { $0 << 8 | UInt32($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }
    }
    static let packedHeads = Set(keywordHeads.map { packed($0.utf8) })

    /// One word with its neighbours (all trimmed): what it states, if anything.
    static func examine(_ raw: String, previous: String, next: String) -> String? {
        let w = unquoted(raw)
        let lower = w.lowercased()
        if let status = releaseStatus(lower, next: next.lowercased()) { return "a release status (\(status))" }
        if let licence = licence(w, lower: lower, next: next) { return "a licence (\(licence))" }
        if let first = w.unicodeScalars.first, "$€£".unicodeScalars.contains(first), w.unicodeScalars.dropFirst().first.map(isDigit) == true {
            return "a price (\(w))"
        }
        if lower.hasPrefix("v") && w.count > 1 && w.unicodeScalars.dropFirst().allSatisfy({ isDigit($0) || $0 == "." }) {
            return "a version (\(w))"
        }
        let (number, suffix) = split(w)
        guard !number.isEmpty else { return nil }
        if suffix.isEmpty {
            if isYear(number) { return "a year (\(number))" }
            // "Llama 3.1", "wav2vec 2.0": a name before it; "a threshold of 0.5" is not a version.
            if number.contains("."), startsWithLetter(previous), !isNumberWord(previous),
               previous.unicodeScalars.contains(where: { isDigit($0) || ("A"..."Z").contains($0) }) {
                return "a version (\(previous) \(number))"
            }
            if isUnit(next) || next.lowercased() == "percent" { return "a figure (\(number) \(next))" }
        } else if suffix == "%" {
            return "a percentage (\(w))"
        } else if isUnit(suffix) {
            return "a figure (\(w))"
        } else if suffix.hasPrefix("-") || suffix.hasPrefix("–"), isYear(number) {
            return "a year (\(number))"
        }
        return nil
    }

    // MARK: words

    static func isDigit(_ u: Unicode.Scalar) -> Bool { ("0"..."9").contains(u) }

    static func startsWithLetter(_ w: String) -> Bool { w.unicodeScalars.first.map { ("A"..."Z").contains($0) || ("a"..."z").contains($0) } ?? false }

    /// "7B" -> ("7", "B"); "1,000" -> ("1,000", ""); "2.1" -> ("2.1", ""); "ResNet" -> ("", ...).
    static func split(_ w: String) -> (number: String, suffix: String) {
        let scalars = Array(w.unicodeScalars)
        guard let first = scalars.first, isDigit(first) else { return ("", w) }
        var end = 0
        while end < scalars.count {
            let u = scalars[end]
            if isDigit(u) { end += 1; continue }
            // A separator inside a number ("1,000", "2.5"), never at its end.
            if (u == "," || u == "."), end + 1 < scalars.count, isDigit(scalars[end + 1]) { end += 1; continue }
            break
        }
        var number = String.UnicodeScalarView(), suffix = String.UnicodeScalarView()
        number.append(contentsOf: scalars[..<end]); suffix.append(contentsOf: scalars[end...])
        return (String(number), String(suffix))
    }

    static func isYear(_ n: String) -> Bool {
        guard n.count == 4, let y = Int(n) else { return false }
        return (1950...2039).contains(y)
    }

    static func isNumberWord(_ w: String) -> Bool {
        ["part", "figure", "fig", "table", "section", "step", "chapter", "page", "rule", "example", "level", "stage", "phase", "top", "tier"]
            .contains(w.lowercased())
    }

    /// Units a figure is measured in. Single letters are matched by case ("7B", "4x", "5W"), words in any case.
    static let caseUnits: Set<String> = ["B", "M", "K", "k", "T", "W", "x", "×", "s"]
    static let units: Set<String> = [
        "ms", "µs", "us", "ns", "sec", "secs", "second", "seconds", "minute", "minutes", "min", "hour", "hours", "hrs", "h",
        "gb", "mb", "kb", "tb", "gib", "mib", "kib", "tib", "bytes", "bits",
        "ghz", "mhz", "khz", "hz", "kw", "mw", "watts", "watt",
        "flops", "gflops", "tflops", "pflops", "petaflops", "tops", "macs", "gmacs",
        "fps", "px", "pixels", "tokens", "token", "params", "parameters", "billion", "million", "trillion",
        "bn", "mn", "dpi", "db", "°c", "ppm", "mph", "km", "cm", "mm", "nm",
    ]

    static func isUnit(_ w: String) -> Bool {
        guard !w.isEmpty else { return false }
        if caseUnits.contains(w) { return true }
        let lower = w.lowercased()
        if units.contains(lower) { return true }
        // "tokens/s", "img/s", "ms/step": a rate.
        if let slash = lower.firstIndex(of: "/") { return units.contains(String(lower[..<slash])) || lower.hasSuffix("/s") }
        return false
    }

    static func releaseStatus(_ lower: String, next: String) -> String? {
        for word in ["archived", "deprecated", "discontinued", "end-of-life", "sunset", "sunsetted", "unmaintained", "superseded"] where lower == word {
            return word
        }
        if lower == "end" && next == "of" { return "end of life" }
        if lower == "limited" && next == "maintenance" { return "limited maintenance" }
        return nil
    }

    static func licence(_ w: String, lower: String, next: String) -> String? {
        let prefixes = ["apache-2", "gpl", "agpl", "lgpl", "gplv", "bsd-", "cc-by", "cc0", "mpl-2", "openrail", "non-commercial", "noncommercial"]
        for p in prefixes where lower.hasPrefix(p) { return w }
        if lower == "apache" && next.first?.isNumber == true { return "Apache \(next)" }
        if w == "MIT" || w == "BSD" || w == "GPL" { return w }
        if w == "CC" && next.uppercased().hasPrefix("BY") { return "CC \(next)" }
        if ["licence", "license", "licensed", "licences", "licenses", "licensing"].contains(lower) { return lower }
        return nil
    }
}
