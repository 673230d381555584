/// Finds glossary entries by what a person types: the command `nnguide glossary TERM` and the
/// explorer's glossary filter (called on every keystroke) both use it.
///
/// Tiers, best first: the exact term, an exact alias, a term or alias starting with the query, one
/// containing it, and last a term or alias within a couple of typos ("did you mean").
public struct GlossaryMatcher: Sendable {
    public enum Kind: Int, Sendable, Comparable, Codable {
        case term, alias, prefix, substring, typo
        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    public struct Match: Sendable, Equatable {
        public var entry: GlossaryEntry
        public var kind: Kind
        /// The term or alias that matched, as written in the glossary.
        public var matched: String
        /// Typos between the query and `matched` (0 unless `kind` is `.typo`).
        public var distance: Int
    }

    /// What a look-up of one term comes to.
    public enum Lookup: Sendable, Equatable {
        /// Found by term, alias or, failing those, the closest prefix or substring match; `others` are
        /// further matches of the same tier.
        case found(Match, others: [Match])
        /// Nothing matched; `suggestions` are the entries within a couple of typos.
        case notFound(suggestions: [Match])
    }

    struct Name: Sendable {
        var key: String       // Guide.normalize of the name
        var name: String
        var entry: Int
        var isAlias: Bool
    }

    public let entries: [GlossaryEntry]
    /// Every term and alias, sorted by key, for prefix look-ups by binary search.
    let names: [Name]

    public init(entries: [GlossaryEntry]) {
        self.entries = entries
        var names: [Name] = []
        for (i, e) in entries.enumerated() {
            names.append(Name(key: Guide.normalize(e.term), name: e.term, entry: i, isAlias: false))
            for a in e.aliases { names.append(Name(key: Guide.normalize(a), name: a, entry: i, isAlias: true)) }
        }
        self.names = names.sorted { ($0.key, $0.entry) < ($1.key, $1.entry) }
    }

    /// Every entry that matches, one match per entry (its best), best tier first; within a tier the
    /// shorter name, then alphabetical. An empty query lists every entry alphabetically.
    public func matches(_ query: String, typos: Bool = true) -> [Match] {
        let q = Guide.normalize(query)
        guard !q.isEmpty else {
            return entries.map { Match(entry: $0, kind: .term, matched: $0.term, distance: 0) }
                .sorted { $0.entry.term.lowercased() < $1.entry.term.lowercased() }
        }
        var best: [Int: Match] = [:]
        func offer(_ n: Name, _ kind: Kind, _ d: Int = 0) {
            let m = Match(entry: entries[n.entry], kind: kind, matched: n.name, distance: d)
            if let old = best[n.entry], (old.kind, old.distance, old.matched.count) <= (kind, d, n.name.count) { return }
            best[n.entry] = m
        }
        let keys = [q] + Guide.singulars(of: q)
        // Prefix run: names starting with q, found by binary search (exact names are the run's head).
        var lo = 0, hi = names.count
        while lo < hi { let mid = (lo + hi) / 2; if names[mid].key < q { lo = mid + 1 } else { hi = mid } }
        var i = lo
        while i < names.count, names[i].key.hasPrefix(q) {
            let n = names[i]
            offer(n, n.key == q ? (n.isAlias ? .alias : .term) : .prefix)
            i += 1
        }
        for k in keys.dropFirst() { for n in names where n.key == k { offer(n, n.isAlias ? .alias : .term) } }
        for n in names where !n.key.hasPrefix(q) && n.key.contains(q) { offer(n, .substring) }
        if typos && best.count < 5 {
            let tol = EditDistance.tolerance(for: q)
            if tol > 0 {
                for n in names where best[n.entry] == nil {
                    if let d = EditDistance.distance(q, n.key, limit: tol) { offer(n, .typo, d) }
                }
            }
        }
        return best.values.sorted {
            ($0.kind, $0.distance, $0.matched.count, $0.entry.term.lowercased()) < ($1.kind, $1.distance, $1.matched.count, $1.entry.term.lowercased())
        }
    }

    /// One term, as `nnguide glossary TERM` looks it up: exact term or alias, else the closest prefix
    /// or substring match; typos only ever suggest.
    public func lookup(_ query: String) -> Lookup {
        let all = matches(query)
        guard let first = all.first, first.kind != .typo else {
            return .notFound(suggestions: Array(all.prefix(3)))
        }
        let others = all.dropFirst().filter { $0.kind == first.kind }
        return .found(first, others: Array(others))
    }
}
