#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Finds glossary entries by what a person types: the command `nnguide glossary TERM` and the
/// explorer's glossary filter (called on every keystroke) both use it.
///
/// Tiers, best first: the exact term, an exact alias, a term or alias starting with the query, one
/// containing it, and last a term or alias within a couple of typos, or failing those one that sounds
/// the same (`Phonetic`): "did you mean".
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
        var entry: Int32
        var isAlias: Bool
        var length: Int32     // Characters in key, for the typo length filter
        var scalars: [Unicode.Scalar]   // key, for typo distances
    }

    public let entries: [GlossaryEntry]
    /// Every term and alias, sorted by key, for prefix look-ups by binary search.
    let names: [Name]
    /// Fields of `names` the per-keystroke loops read, as flat arrays (no struct copies in the loops).
    let nameEntry: [Int32]
    let nameLength: [Int32]
    let nameScalars: [[Unicode.Scalar]]
    /// All keys in `names` order, each followed by a newline (which no key contains), so one pass
    /// finds every name containing the query.
    let haystack: [UInt8]
    let nameStart: [Int32]
    /// Each entry's place in alphabetical order of terms.
    let alphabetical: [Int32]

    public init(entries: [GlossaryEntry]) {
        self.entries = entries
        var names: [Name] = []
        for (i, e) in entries.enumerated() {
            for (n, alias) in [(e.term, false)] + e.aliases.map({ ($0, true) }) {
                let key = Guide.normalize(n)
                let scalars = Array(key.unicodeScalars)
                names.append(Name(key: key, name: n, entry: Int32(i), isAlias: alias, length: Int32(scalars.count), scalars: scalars))
            }
        }
        names.sort { ($0.key, $0.entry) < ($1.key, $1.entry) }
        self.names = names
        nameEntry = names.map(\.entry); nameLength = names.map(\.length); nameScalars = names.map(\.scalars)
        var hay: [UInt8] = [], starts: [Int32] = []
        for n in names { starts.append(Int32(hay.count)); hay += n.key.utf8; hay.append(0x0A) }
        starts.append(Int32(hay.count))
        haystack = hay; nameStart = starts
        var rank = [Int32](repeating: 0, count: entries.count)
        for (r, i) in entries.indices.sorted(by: { (entries[$0].term.lowercased(), $0) < (entries[$1].term.lowercased(), $1) }).enumerated() {
            rank[i] = Int32(r)
        }
        alphabetical = rank
    }

    /// Every entry that matches, one match per entry (its best), best tier first; within a tier the
    /// fewest typos, the shorter name, then alphabetical. An empty query lists every entry
    /// alphabetically. `limit` keeps only the first ones.
    public func matches(_ query: String, typos: Bool = true, limit: Int = .max) -> [Match] {
        let q = Guide.normalize(query)
        let none = UInt8.max
        var kind = [UInt8](repeating: none, count: entries.count)
        var distance = [UInt8](repeating: 0, count: entries.count)
        var via = [Int32](repeating: -1, count: entries.count)
        var found: [Int32] = []
        func offer(_ n: Int, _ k: Kind, _ d: Int = 0) {
            let e = Int(nameEntry[n])
            let kk = UInt8(k.rawValue), dd = UInt8(d)
            if kind[e] == none { found.append(Int32(e)) }
            else if (kind[e], distance[e], nameLength[Int(via[e])]) <= (kk, dd, nameLength[n]) { return }
            kind[e] = kk; distance[e] = dd; via[e] = Int32(n)
        }
        if q.isEmpty {
            for i in names.indices where !names[i].isAlias { offer(i, .term) }
        } else {
            // Prefix run: names starting with q, found by binary search (exact names head the run).
            var i = lowerBound(q)
            while i < names.count, names[i].key.hasPrefix(q) {
                offer(i, names[i].key == q ? (names[i].isAlias ? .alias : .term) : .prefix)
                i += 1
            }
            for k in Guide.singulars(of: q) {
                var j = lowerBound(k)
                while j < names.count, names[j].key == k { offer(j, names[j].isAlias ? .alias : .term); j += 1 }
            }
            for n in containing(q) { offer(n, .substring) }
            if typos && found.count < 5 {
                // The third typo a long word is allowed ("attenshun") only when nothing else matched:
                // beside a real match it brings in noise ("efficient att" had found EfficientNet).
                let tol = found.isEmpty ? EditDistance.tolerance(for: q) : min(2, EditDistance.tolerance(for: q))
                let qs = Array(q.unicodeScalars)
                let len = Int32(qs.count)
                var scratch = EditDistance.Scratch()
                if tol > 0 {
                    for n in names.indices where kind[Int(nameEntry[n])] == none && abs(nameLength[n] - len) <= tol {
                        if let d = EditDistance.distance(qs, nameScalars[n], limit: tol, scratch: &scratch) { offer(n, .typo, d) }
                    }
                }
                // Nothing within typos: a name that sounds the same ("atenshun": Attention).
                if found.isEmpty, let heard = Phonetic.Query(q) {
                    for n in names.indices { if let d = heard.distance(to: names[n].key, scratch: &scratch) { offer(n, .typo, min(d, 254)) } }
                }
            }
        }
        func before(_ a: Int32, _ b: Int32) -> Bool {
            let (x, y) = (Int(a), Int(b))
            if q.isEmpty { return alphabetical[x] < alphabetical[y] }  // as documented: the whole glossary A-Z
            return (kind[x], distance[x], nameLength[Int(via[x])], alphabetical[x]) < (kind[y], distance[y], nameLength[Int(via[y])], alphabetical[y])
        }
        let ordered = limit < found.count ? found.min(count: limit, sortedBy: before) : found.sorted(by: before)
        return ordered.map { e in
            let n = names[Int(via[Int(e)])]
            return Match(entry: entries[Int(e)], kind: Kind(rawValue: Int(kind[Int(e)]))!, matched: n.name, distance: Int(distance[Int(e)]))
        }
    }

    private func lowerBound(_ key: String) -> Int {
        var lo = 0, hi = names.count
        while lo < hi { let mid = (lo + hi) / 2; if names[mid].key < key { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    /// Indices of names containing `q` anywhere but at their start: one pass over all keys, jumping
    /// between occurrences of the query's first byte with `memchr`.
    private func containing(_ q: String) -> [Int] {
        let needle = Array(q.utf8)
        guard let first = needle.first else { return [] }
        var out: [Int] = []
        haystack.withUnsafeBytes { hay in
            guard let base = hay.baseAddress else { return }
            var at = 0
            while at + needle.count <= hay.count, let hit = memchr(base + at, Int32(first), hay.count - at - needle.count + 1) {
                at = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + at, needle, needle.count) == 0 {
                    // The name holding byte `at`: the last start at or before it.
                    var lo = 0, hi = nameStart.count - 1
                    while lo < hi { let mid = (lo + hi + 1) / 2; if Int(nameStart[mid]) <= at { lo = mid } else { hi = mid - 1 } }
                    if Int(nameStart[lo]) != at && out.last != lo { out.append(lo) }
                }
                at += 1
            }
        }
        return out
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
