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
        let words = Self.words(stripLinkTargets(text))
        for (i, raw) in words.enumerated() {
            let w = trim(raw)
            guard !w.isEmpty else { continue }
            let lower = w.lowercased()
            let next = i + 1 < words.count ? trim(words[i + 1]) : ""
            let previous = i > 0 ? trim(words[i - 1]) : ""
            if let status = releaseStatus(lower, next: next.lowercased()) { return "a release status (\(status))" }
            if let licence = licence(w, lower: lower, next: next) { return "a licence (\(licence))" }
            if let first = w.unicodeScalars.first, "$€£".unicodeScalars.contains(first), w.unicodeScalars.dropFirst().first.map(isDigit) == true {
                return "a price (\(w))"
            }
            if (lower == "v" || lower.hasPrefix("v")) && w.count > 1 && w.unicodeScalars.dropFirst().allSatisfy({ isDigit($0) || $0 == "." }) {
                return "a version (\(w))"
            }
            let (number, suffix) = split(w)
            guard !number.isEmpty else { continue }
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
        }
        return nil
    }

    // MARK: words

    static func stripLinkTargets(_ text: String) -> String {
        guard text.contains("[[") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "[[") {
            out += rest[..<open.lowerBound]
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "]]") else { out += rest; return out }
            let inner = rest[..<close.lowerBound]
            out += inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).first ?? inner
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
    }

    static let edge: Set<Character> = ["(", ")", "[", "]", "{", "}", "\"", "'", "“", "”", "‘", "’", ",", ";", ":", ".", "!", "?", "*", "_", "`"]

    static func trim(_ w: Substring) -> String {
        var s = w
        while let c = s.first, edge.contains(c) { s = s.dropFirst() }
        while let c = s.last, edge.contains(c) { s = s.dropLast() }
        return String(s)
    }

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
