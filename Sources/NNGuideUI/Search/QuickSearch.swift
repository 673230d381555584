import Foundation
import NNGuideCore

/// Interim search for the explorer until NNGuideCore/Search lands; then this file goes and the
/// views call the core index. Kept small on purpose: substring matching of every query word, ranked
/// by where the words appear.
public final class QuickSearch: @unchecked Sendable {
    public enum Kind: Int, Sendable, CaseIterable, Comparable {
        case section, glossary, table, text
        public var title: String {
            switch self {
            case .section: return "Sections"
            case .glossary: return "Glossary"
            case .table: return "Tables and figures"
            case .text: return "Text"
            }
        }
        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    public struct Hit: Sendable, Equatable {
        public var kind: Kind
        public var title: String
        /// Page, table or figure id to open (or glossary id for glossary hits).
        public var target: String
        /// Where the hit is ("Part 1 › Inductive Bias").
        public var breadcrumb: [String]
        public var snippet: String
        var score: Int
    }

    struct Doc { let kind: Kind; let title: String; let target: String; let page: String; let body: [String] }

    let docs: [Doc]
    private let lock = NSLock()
    private var lastQuery = ""
    private var lastHits: [Hit] = []

    public init(guide: Guide) {
        var docs: [Doc] = []
        for e in guide.readingOrder {
            docs.append(Doc(kind: .section, title: e.page.title, target: e.id, page: e.id, body: [e.page.short, e.page.summary].compactMap { $0 }.map(InlineParser.plain)))
            for b in e.page.blocks {
                switch b {
                case .table(let t):
                    docs.append(Doc(kind: .table, title: t.title, target: t.id, page: e.id, body: b.texts.map(InlineParser.plain)))
                case .figure(let f):
                    docs.append(Doc(kind: .table, title: f.title, target: f.id, page: e.id, body: b.texts.map(InlineParser.plain)))
                default:
                    for t in b.texts { docs.append(Doc(kind: .text, title: e.page.title, target: e.id, page: e.id, body: [InlineParser.plain(t)])) }
                }
            }
        }
        for g in guide.glossary {
            docs.append(Doc(kind: .glossary, title: g.term, target: g.id, page: "", body: g.aliases + [InlineParser.plain(g.definition)]))
        }
        self.docs = docs
        self.guide = guide
    }

    let guide: Guide

    /// Hits in group order (sections, glossary, tables, text), best first within a group. Text
    /// hits are one per page.
    public func search(_ query: String) -> [Hit] {
        let q = query.trimmingCharacters(in: .whitespaces)
        lock.lock(); defer { lock.unlock() }
        if q == lastQuery { return lastHits }
        let words = q.lowercased().split(separator: " ").map(String.init)
        var hits: [Hit] = []
        var textPages: Set<String> = []
        if !words.isEmpty {
            for d in docs {
                let title = d.title.lowercased()
                let body = d.body.joined(separator: " ").lowercased()
                guard words.allSatisfy({ title.contains($0) || body.contains($0) }) else { continue }
                if d.kind == .text && !textPages.insert(d.page).inserted { continue }
                var score = 0
                for w in words {
                    if title == w { score += 100 } else if title.hasPrefix(w) { score += 60 }
                    else if title.contains(w) { score += 40 } else { score += 5 }
                }
                let snippet = d.kind == .section ? (d.body.last ?? "") : Self.snippet(d.body.joined(separator: " "), around: words[0])
                let crumb = d.kind == .glossary ? [] : guide.breadcrumb(d.page)
                hits.append(Hit(kind: d.kind, title: d.title, target: d.target, breadcrumb: crumb, snippet: snippet, score: score))
            }
        }
        hits = hits.enumerated().sorted { a, b in
            a.element.kind != b.element.kind ? a.element.kind < b.element.kind
                : a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset
        }.map(\.element)
        lastQuery = q; lastHits = hits
        return hits
    }

    /// Some words either side of the first match.
    static func snippet(_ text: String, around word: String) -> String {
        guard let r = text.range(of: word, options: .caseInsensitive) else { return String(text.prefix(80)) }
        let start = text.index(r.lowerBound, offsetBy: -30, limitedBy: text.startIndex) ?? text.startIndex
        var s = String(text[start...].prefix(120))
        if start != text.startIndex, let sp = s.firstIndex(of: " ") { s = "…" + s[s.index(after: sp)...] }
        return s
    }
}

/// Interim glossary filter (prefix, then substring, then one or two typos) until NNGuideCore/Search
/// has the glossary matcher.
public enum GlossaryFilter {
    public static func filter(_ entries: [GlossaryEntry], _ query: String) -> [GlossaryEntry] {
        let q = Guide.normalize(query)
        guard !q.isEmpty else { return entries.sorted { $0.term.lowercased() < $1.term.lowercased() } }
        var scored: [(Int, String, GlossaryEntry)] = []
        for e in entries {
            let names = ([e.term] + e.aliases).map(Guide.normalize)
            var best = Int.max
            for n in names {
                if n.hasPrefix(q) { best = min(best, 0) }
                else if n.contains(q) { best = min(best, 1) }
                else {
                    let d = distance(q, String(n.prefix(q.count)))
                    let allowed = q.count >= 7 ? 2 : q.count >= 3 ? 1 : 0
                    if d <= allowed { best = min(best, 2 + d) }
                }
            }
            if best == Int.max && Guide.normalize(e.definition).contains(q) && q.count >= 3 { best = 5 }
            if best != Int.max { scored.append((best, e.term.lowercased(), e)) }
        }
        return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// Edit distance with adjacent swaps counted as one.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
