#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// One entry of the bibliography, Content/sources.yaml: what an item's `sources: [id, ...]` names.
public struct Source: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case guide, paper, docs, releaseNotes = "release-notes", benchmark, licence, repository, article
        /// "guide, paper, ...": for messages that list the valid values.
        public static let names = allCases.map(\.rawValue).joined(separator: ", ")
    }

    public var id: String
    public var title: String
    /// "Oquab et al." or a list joined with ", "; a source names authors, an organisation, or both.
    public var authors: String?
    public var organisation: String?
    public var year: Int?
    public var kind: Kind
    public var url: String?

    public init(id: String, title: String, authors: String? = nil, organisation: String? = nil, year: Int? = nil,
                kind: Kind, url: String? = nil) {
        self.id = id; self.title = title; self.authors = authors; self.organisation = organisation
        self.year = year; self.kind = kind; self.url = url
    }

    enum CodingKeys: String, CodingKey { case id, title, authors, organisation, year, kind, url }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        if let list = try? c.decodeIfPresent([String].self, forKey: .authors) {
            authors = list.joined(separator: ", ")
        } else {
            authors = try c.decodeIfPresent(String.self, forKey: .authors)
        }
        organisation = try c.decodeIfPresent(String.self, forKey: .organisation)
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        kind = try c.decode(Kind.self, forKey: .kind)
        url = try c.decodeIfPresent(String.self, forKey: .url)
    }

    /// Who wrote it: the authors, else the organisation.
    public var by: String? { authors ?? organisation }

    /// "Title (Organisation, 2025)": one line for lists.
    public var citation: String {
        let meta = [by, year.map(String.init)].compactMap { $0 }
        return meta.isEmpty ? title : "\(title) (\(meta.joined(separator: ", ")))"
    }

    /// What is wrong with the entry beyond what decoding catches, each said for the author.
    public func problems(currentYear: Int) -> [String] {
        var out: [String] = []
        if id.isEmpty || id.contains(where: { $0.isWhitespace || $0 == "," }) { out.append("source id '\(id)' must be one word (letters, digits, - and _)") }
        if title.allSatisfy(\.isWhitespace) { out.append("source '\(id)' has an empty title") }
        if (authors ?? "").allSatisfy(\.isWhitespace) && (organisation ?? "").allSatisfy(\.isWhitespace) {
            out.append("source '\(id)' names neither authors nor an organisation")
        }
        if let year, year < 1900 || year > currentYear { out.append("source '\(id)': year \(year) is not a year between 1900 and \(currentYear)") }
        if year == nil && kind == .paper { out.append("source '\(id)' is a paper without a year") }
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.contains(where: \.isWhitespace) {
            out.append("source '\(id)': url '\(url)' is not an http(s) address")
        }
        return out
    }
}

/// Where an item's claims come from and when they were last checked: `sources: [id, ...]` (ids of
/// Content/sources.yaml) and `reviewed: YYYY-MM`, beside the item's other keys in YAML. Pages,
/// sections, blocks, glossary entries, catalog entries, decision rules, bands, answers and nodes carry it.
public struct Evidence: Codable, Sendable, Equatable, Hashable {
    public var sources: [String]
    /// "2026-12"; checked by lint (`Evidence.month`), kept as written.
    public var reviewed: String?

    public init(sources: [String] = [], reviewed: String? = nil) { self.sources = sources; self.reviewed = reviewed }

    public static let none = Evidence()
    public var isEmpty: Bool { sources.isEmpty && reviewed == nil }
    /// Both keys given: what an added item stating a dated or numeric fact needs.
    public var isComplete: Bool { !sources.isEmpty && reviewed != nil }

    enum CodingKeys: String, CodingKey { case sources, reviewed }

    /// Read from the item's own mapping (the keys sit beside its other keys).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sources = try c.decodeIfPresent([String].self, forKey: .sources) ?? []
        reviewed = try c.decodeIfPresent(String.self, forKey: .reviewed)
    }

    /// Written into the item's own mapping, and only what is there (JSON and the caches).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !sources.isEmpty { try c.encode(sources, forKey: .sources) }
        try c.encodeIfPresent(reviewed, forKey: .reviewed)
    }

    /// The quiet line a reader sees: "as of 2026-12 · 2 sources"; nil when there is nothing to say.
    public var line: String? {
        var parts: [String] = []
        if let reviewed { parts.append("as of \(reviewed)") }
        if !sources.isEmpty { parts.append("\(sources.count) source\(sources.count == 1 ? "" : "s")") }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// `YYYY-MM` as a month number (year * 12 + month - 1), or nil when it is not that form.
    public static func month(_ text: String) -> Int? {
        let u = Array(text.utf8)
        guard u.count == 7, u[4] == UInt8(ascii: "-"), u.enumerated().allSatisfy({ $0.offset == 4 || (48...57).contains($0.element) }),
              let y = Int(text.prefix(4)), let m = Int(text.suffix(2)), (1...12).contains(m), y >= 1900 else { return nil }
        return y * 12 + m - 1
    }

    /// The month number of `date` in UTC (`month(_:)`'s scale), from the C library's calendar: time
    /// zones by name need ICU (issue 25).
    public static func month(of date: Date = Date()) -> Int {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return 1970 * 12 }
        return (Int(parts.tm_year) + 1900) * 12 + Int(parts.tm_mon)
    }

    /// "2026-12" for a month number.
    public static func monthText(_ month: Int) -> String {
        let y = month / 12, m = month % 12 + 1
        return "\(y)-\(m < 10 ? "0" : "")\(m)"
    }
}

/// One item of the guide that can carry evidence, with the key lint locates it by (`ContentChecks`'s
/// location keys), what a message calls it, its origin and its text (for the fact heuristic).
public struct EvidenceItem: Sendable {
    public var key: String
    public var what: String
    public var origin: Origin?
    public var evidence: Evidence
    /// The prose of the item itself (not of its sections or blocks), with link markup still in it.
    public var texts: [String]
    /// The page id a reader opens to see it (pages, sections and blocks), else nil.
    public var pageID: String?
}

extension Guide {
    /// Every item that may carry `sources`/`reviewed`, in file order: pages with their blocks and
    /// sections, then the glossary, the catalog and decisions.yaml.
    public var evidenceItems: [EvidenceItem] {
        var out: [EvidenceItem] = []
        for e in readingOrder {
            let p = e.page
            out.append(EvidenceItem(key: p.id, what: "\(e.depth == 0 ? "page" : "section") '\(p.id)'", origin: p.origin,
                                    evidence: p.evidence, texts: [p.title] + (p.summary.map { [$0] } ?? []), pageID: p.id))
            for i in p.blocks.indices {
                out.append(EvidenceItem(key: "block:\(p.id)#\(i)", what: "\(p.blocks[i].kindName) \(i + 1) of '\(p.id)'",
                                        origin: p.origin(ofBlock: i), evidence: p.evidence(ofBlock: i), texts: p.blocks[i].texts, pageID: p.id))
            }
        }
        for g in glossary {
            out.append(EvidenceItem(key: "g:" + g.id, what: "glossary entry '\(g.id)'", origin: g.origin, evidence: g.evidence,
                                    texts: [g.definition]))
        }
        for a in catalog.architectures {
            out.append(EvidenceItem(key: "a:" + a.id, what: "catalog entry '\(a.id)'", origin: a.origin, evidence: a.evidence,
                                    texts: a.evidenceTexts))
        }
        out += decisions.evidenceItems
        return out
    }

    /// Every source id some item of `evidenceItems` cites, found without building the items (their
    /// keys, names and texts were most of what this cost a cold lint at 100x).
    public var citedSourceIDs: Set<String> {
        var cited: Set<String> = []
        for e in readingOrder {
            cited.formUnion(e.page.evidence.sources)
            for b in e.page.blockEvidence { cited.formUnion(b.sources) }
        }
        for g in glossary { cited.formUnion(g.evidence.sources) }
        for a in catalog.architectures { cited.formUnion(a.evidence.sources) }
        return cited.union(decisions.citedSourceIDs)
    }
}

extension Architecture {
    /// The entry's prose, for the fact heuristic.
    var evidenceTexts: [String] {
        [name, summary, data] + strengths + limitations + variants.flatMap { [$0.name, $0.use] } + [cost.note].compactMap { $0 }
    }
}

extension DecisionRule {
    var texts: [String] { [label, says].compactMap { $0 } + out.map(\.reason) + (warn + next).map(\.text) }
}

extension DecisionBook {
    /// Nodes, answers, filter rules, bands, contradictions and next-step rules (`Guide.evidenceItems`).
    public var evidenceItems: [EvidenceItem] { evidenceItems { _, _ in true } }

    /// The items whose origin and evidence `keep` accepts; the others are not built (lint at 100x
    /// spent more on the keys, names and texts of items with nothing to check than on checking).
    func evidenceItems(where keep: (Origin?, Evidence) -> Bool) -> [EvidenceItem] {
        var out: [EvidenceItem] = []
        forEachEvidenceItem { origin, evidence, item in if keep(origin, evidence) { out.append(item()) } }
        return out
    }

    /// Every source id some item cites.
    public var citedSourceIDs: Set<String> {
        var cited: Set<String> = []
        forEachEvidenceItem { _, evidence, _ in cited.formUnion(evidence.sources) }
        return cited
    }

    /// Each item of `evidenceItems` in order: its origin, its evidence and the item, built when asked.
    func forEachEvidenceItem(_ body: (Origin?, Evidence, () -> EvidenceItem) -> Void) {
        for t in trees {
            for n in t.nodes {
                body(n.origin, n.evidence) {
                    EvidenceItem(key: "node:\(t.id)/\(n.id)", what: "node '\(n.id)' of tree '\(t.id)'", origin: n.origin, evidence: n.evidence,
                                 texts: [n.question, n.help, n.title, n.why].compactMap { $0 } + n.variants + n.deviceVariants
                                     + n.warnings + n.nextSteps + n.whyNot.map(\.reason) + n.alternatives.compactMap(\.reason))
                }
                for o in n.options {
                    body(o.origin, o.evidence) {
                        EvidenceItem(key: "node:\(t.id)/\(n.id)", what: "answer '\(o.answer)' of '\(n.id)'", origin: o.origin, evidence: o.evidence,
                                     texts: [o.answer, o.hint, o.why, o.assume].compactMap { $0 })
                    }
                }
            }
        }
        for (i, f) in filters.enumerated() {
            for (j, r) in f.rules.enumerated() {
                body(r.origin, r.evidence) {
                    EvidenceItem(key: "decisions:filter#\(i)/\(j)", what: "rule '\(r.label ?? "\(j + 1)")' of filter '\(f.id)'",
                                 origin: r.origin, evidence: r.evidence, texts: r.texts)
                }
            }
        }
        for (i, t) in thresholds.enumerated() {
            body(t.rule.origin, t.rule.evidence) {
                EvidenceItem(key: "decisions:threshold#\(i)", what: "band '\(t.id)'", origin: t.rule.origin, evidence: t.rule.evidence,
                             texts: [t.canDo] + t.rule.texts)
            }
        }
        for (i, r) in contradictions.enumerated() {
            body(r.origin, r.evidence) {
                EvidenceItem(key: "decisions:contradictions#\(i)", what: "contradiction \(i + 1)", origin: r.origin, evidence: r.evidence, texts: r.texts)
            }
        }
        for (i, r) in nextSteps.enumerated() {
            body(r.origin, r.evidence) {
                EvidenceItem(key: "decisions:next_steps#\(i)", what: "next step rule \(i + 1)", origin: r.origin, evidence: r.evidence, texts: r.texts)
            }
        }
    }
}

/// An item whose review date is older than a limit (`nnguide lint --stale`).
public struct StaleItem: Sendable {
    public var item: EvidenceItem
    public var location: SourceLocation
    /// Whole months between its `reviewed` and now.
    public var age: Int
}

extension Guide {
    /// Items reviewed more than `months` months before `now` (a month number, `Evidence.month`),
    /// oldest first; items of the same month in file order.
    public func stale(olderThan months: Int, now: Int, locations: [String: SourceLocation]) -> [StaleItem] {
        var out: [StaleItem] = []
        for item in evidenceItems {
            guard let r = item.evidence.reviewed, let m = Evidence.month(r), now - m > months else { continue }
            out.append(StaleItem(item: item, location: ContentLoader.location(of: item.key, in: locations), age: now - m))
        }
        // A stable sort: the oldest first, file order within a month.
        return out.enumerated().sorted { ($0.element.age, -$0.offset) > ($1.element.age, -$1.offset) }.map(\.element)
    }

    /// The items that cite source `id`, in file order.
    public func citations(of id: String) -> [EvidenceItem] {
        evidenceItems.filter { $0.evidence.sources.contains(id) }
    }
}
