/// Typo distance and "did you mean": one place for every command and view that suggests a name.
/// Where no candidate is within typos, one that sounds the same is suggested (`Phonetic`).
public enum EditDistance {
    /// Optimal string alignment distance (insertions, deletions, substitutions and swaps of two
    /// neighbours each cost 1), or nil when it exceeds `limit`. Compares Characters.
    public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int? {
        var scratch = Scratch()
        return distance(Array(a), Array(b), limit: limit, scratch: &scratch)
    }

    /// Rows of the distance table, kept between calls when comparing one word with many.
    struct Scratch { var rows: [[Int]] = [[], [], []] }

    static func distance<C: Equatable>(_ s: [C], _ t: [C], limit: Int, scratch: inout Scratch) -> Int? {
        if abs(s.count - t.count) > limit { return nil }
        if s.isEmpty { return t.count <= limit ? t.count : nil }
        if t.isEmpty { return s.count <= limit ? s.count : nil }
        let width = t.count + 1
        for r in 0..<3 where scratch.rows[r].count < width { scratch.rows[r] = [Int](repeating: 0, count: width) }
        var prev2 = 0, prev = 1, cur = 2
        for j in 0...t.count { scratch.rows[prev][j] = j }
        for i in 1...s.count {
            scratch.rows[cur][0] = i
            var rowMin = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var d = min(scratch.rows[prev][j] + 1, scratch.rows[cur][j - 1] + 1, scratch.rows[prev][j - 1] + cost)
                if i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1] { d = min(d, scratch.rows[prev2][j - 2] + 1) }
                scratch.rows[cur][j] = d
                rowMin = min(rowMin, d)
            }
            if rowMin > limit { return nil }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        let d = scratch.rows[prev][t.count]
        return d <= limit ? d : nil
    }

    /// How many typos a word of this length may carry and still be recognised.
    public static func tolerance(for word: String) -> Int {
        let n = word.count
        // Nine letters and more forgive three: a word spelt as it sounds ("attenshun") is three away.
        return n < 3 ? 0 : n <= 4 ? 1 : n <= 8 ? 2 : 3
    }

    /// The candidates closest to `query` (case-insensitive, whole strings), best first, within the
    /// tolerance for the query's length (at least 1 per four characters, so long ids forgive more);
    /// with none, the one that sounds like it ("imaj": image).
    public static func closest(to query: String, among candidates: [String], limit: Int = 3, tolerance: Int? = nil) -> [String] {
        let q = query.lowercased()
        let maxD = tolerance ?? max(EditDistance.tolerance(for: q), q.count / 4)
        guard maxD > 0 else { return [] }
        var scored: [(String, Int, Int)] = []
        var seen: Set<String> = []
        for (i, c) in candidates.enumerated() where seen.insert(c.lowercased()).inserted {
            if let d = distance(q, c.lowercased(), limit: maxD) { scored.append((c, d, i)) }
        }
        if scored.isEmpty, let heard = Phonetic.closest(to: q, among: candidates) { return [heard] }
        scored.sort { ($0.1, $0.2) < ($1.1, $1.2) }
        return scored.prefix(limit).map(\.0)
    }
}

/// The one wording of "did you mean", for every command, flag, value, brief field and id that is
/// offered a name (the eleventh retest found a second one built beside it): "Did you mean 'image'?",
/// a title after a name in brackets ("'vit' (Vision Transformer)"), the last two joined by "or".
public enum Suggestion {
    /// "Did you mean 'a', 'b' or 'c'?": each name quoted (one given already quoted is kept as it is),
    /// a title after it (" (Vision Transformer)") left outside the quotes.
    public static func didYouMean(_ names: [String]) -> String {
        let quoted = names.map { s -> String in
            if s.hasPrefix("'") { return s }
            guard let open = s.firstRange(of: " (") else { return "'\(s)'" }
            return "'\(s[..<open.lowerBound])'" + s[open.lowerBound...]
        }
        let list = quoted.count > 1 ? quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1] : quoted.joined()
        return "Did you mean " + list + "?"
    }

    /// A refusal with its suggestion: what is wrong, then the closest names right after it, then what
    /// is valid ("unknown value 'imgae' for modality. Did you mean 'image'? Valid values: ...");
    /// without a suggestion, "what is wrong; what is valid". One order for every such message.
    public static func refusal(_ problem: String, suggesting names: [String], valid: String? = nil) -> String {
        guard !names.isEmpty else { return problem + (valid.map { "; " + $0 } ?? "") }
        return problem + ". " + didYouMean(names) + (valid.map { " " + $0.prefix(1).uppercased() + $0.dropFirst() } ?? "")
    }
}
