#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Checks across files: ids that must exist, links that must resolve, sections that must not be
/// empty, decision trees that must be whole.
struct ContentChecks {
    let guide: Guide
    let locations: [String: SourceLocation]
    /// Ids of items that exist but could not be decoded (already reported): references to them are
    /// not reported again, so one bad entry gives one problem, not one per mention.
    let undecoded: Set<String>
    private(set) var problems: [ContentProblem] = []
    /// Non-nil: the checks of one file for the content cache (`FileEntry`). A problem is recorded
    /// with its location instead of reported, and a reference to another file (a page, glossary
    /// entry or term, catalog id) is recorded with the problem it would be, unresolved: the
    /// cross-file step (`IncrementalLoad`) resolves it against the ids of every file.
    var deferred: [CheckRecord]?
    /// What the example replay found when deferring (`checkExamples`).
    var replay: ReplayRecord = .notReached
    /// False for overlays (`OverlayMerge`): the examples are the guide's and were replayed when it
    /// loaded; a team rule that moves one is the point of the rule, not a problem.
    var replaysExamples = true
    /// False in a part of `run`, which replays the examples once every part's problems are known.
    var replaysAtOnce = true

    /// The whole guide's ids, for a check that is not deferred.
    let crossFile: CrossFileCheck<Guide>

    init(guide: Guide, locations: [String: SourceLocation], undecoded: Set<String> = [], deferring: Bool = false) {
        self.guide = guide; self.locations = locations; self.undecoded = undecoded
        crossFile = CrossFileCheck(ids: guide, undecoded: undecoded, at: { locations[$0] ?? ContentChecks.defaultLocation($0) })
        if deferring { deferred = [] }
    }

    /// A problem unless `reference` exists; when deferring, recorded to be resolved across files.
    mutating func require(_ reference: Reference, _ key: String, _ message: @autoclosure () -> String) {
        if deferred != nil {
            deferred!.append(CheckRecord(location: at(key), message: message(), reference: reference))
        } else if !crossFile.resolves(reference) {
            problem(key, message())
        }
    }

    /// A warning: reported by lint, never stops a load (`ContentProblem.Severity`).
    mutating func warning(_ key: String, _ message: String) {
        if deferred != nil { deferred!.append(CheckRecord(location: at(key), message: message, reference: nil, warning: true)) }
        else { problems.append(ContentProblem(at(key), message, severity: .warning)) }
    }

    func at(_ key: String) -> SourceLocation { locations[key] ?? Self.defaultLocation(key) }

    /// Where a problem about `key` is reported when the key has no location of its own.
    static func defaultLocation(_ key: String) -> SourceLocation {
        SourceLocation(file: key.hasPrefix("g:") ? ContentLoader.glossaryFile
            : key.hasPrefix("s:") ? ContentLoader.sourcesFile
            : key.hasPrefix("a:") ? ContentLoader.catalogFile
            : key.hasPrefix("tree:") || key.hasPrefix("node:") || key.hasPrefix("decisions:") ? ContentLoader.decisionsFile : "pages")
    }

    mutating func problem(_ key: String, _ message: String) {
        if deferred != nil { deferred!.append(CheckRecord(location: at(key), message: message, reference: nil)) }
        else { problems.append(ContentProblem(at(key), message)) }
    }

    /// The whole load: the cross-file check's leading part, every file's checks, its trailing part.
    /// The checks of a run of pages, of the other files and of decisions.yaml need nothing from each
    /// other, so each part runs on a copy of these checks, on every core, and their problems are
    /// joined in this order; the examples are replayed after, when no part found an error.
    mutating func run() -> [ContentProblem] {
        problems += crossFile.leading(pages: guide.pages.count, glossary: guide.glossary.count,
                                      architectures: guide.catalog.architectures.count, tableIDs: guide.tables.map(\.table.id))
        let pages = guide.readingOrder.count, slices = 8
        let whole = self
        // decisions.yaml's checks are the longest part: started first.
        let parts = ParallelWork.map(slices + 2, order: Array((0..<slices + 2).reversed())) { part -> [ContentProblem] in
            var checks = whole
            checks.problems = []
            switch part {
            case slices: checks.checkSourceEntries(); checks.checkGlossary(); checks.checkCatalog()
            case slices + 1: checks.replaysAtOnce = false; checks.checkTrees()
            default: checks.checkPages(pages * part / slices ..< pages * (part + 1) / slices)
            }
            return checks.problems
        }
        for part in parts { problems += part }
        if replaysExamples && problems.errors.isEmpty { replayExamples() }
        problems += crossFile.trailing(sources: guide.sources.map(\.id), cited: guide.citedSourceIDs)
        return problems
    }

    // MARK: pages

    /// The pages and sections in `range` of the reading order (all of them when nil).
    mutating func checkPages(_ range: Range<Int>? = nil) {
        for entry in guide.readingOrder[range ?? guide.readingOrder.indices] {
            let p = entry.page
            if p.blocks.isEmpty && p.sections.isEmpty {
                problem(p.id, "section '\(p.id)' (\(p.title)) is empty: give it blocks or sections")
            }
            let what = { "\(entry.depth == 0 ? "page" : "section") '\(p.id)'" }
            checkEvidence(p.evidence, key: p.id, what: what())
            // A page or section that cites its sources covers its blocks and sections.
            let covered = entry.path.contains { guide.page($0)?.page.evidence.isComplete == true }
            if !covered { checkAddedFact(p.origin, p.evidence, [p.title] + (p.summary.map { [$0] } ?? []), key: p.id, what: what()) }
            for (i, block) in p.blocks.enumerated() {
                let key = "block:\(p.id)#\(i)"
                check(block, key: key, pageID: p.id)
                for text in block.texts { checkLinks(text, key: key) }
                // Named only in a message: most blocks have none.
                let what = { "\(block.kindName) \(i + 1) of '\(p.id)'" }
                checkEvidence(p.evidence(ofBlock: i), key: key, what: what())
                if !covered { checkAddedFact(p.origin(ofBlock: i), p.evidence(ofBlock: i), block.texts, key: key, what: what()) }
            }
            if let s = p.summary { checkLinks(s, key: p.id) }
        }
    }

    mutating func check(_ block: Block, key: String, pageID: String) {
        switch block {
        case .list(let items), .steps(let items):
            if items.isEmpty { problem(key, "empty list in '\(pageID)'") }
        case .definitions(let defs):
            if defs.isEmpty { problem(key, "empty defs in '\(pageID)'") }
        case .table(let t):
            if t.columns.isEmpty { problem(key, "table '\(t.id)' has no columns") }
            if t.rows.isEmpty { problem(key, "table '\(t.id)' has no rows") }
            for (r, row) in t.rows.enumerated() where row.count != t.columns.count {
                problem(key, "table '\(t.id)' row \(r + 1) has \(row.count) cells; expected \(t.columns.count) (one per column: \(t.columns.joined(separator: " | ")))")
            }
            if let ids = t.architectures {
                if ids.count != t.columns.count - 1 {
                    problem(key, "table '\(t.id)' names \(ids.count) architectures; expected \(t.columns.count - 1), one per column after the first")
                }
                for id in ids { require(.architecture(id), key, "table '\(t.id)' names unknown catalog id '\(id)'") }
            }
        case .figure(let f):
            if f.tree.isEmpty { problem(key, "figure '\(f.id)' has an empty tree") }
        case .paragraph(let s), .preformatted(let s):
            if s.allSatisfy(\.isWhitespace) { problem(key, "empty paragraph in '\(pageID)'") }
        case .callout(let c):
            if c.text.allSatisfy(\.isWhitespace) { problem(key, "empty callout in '\(pageID)'") }
        }
    }

    mutating func checkLinks(_ text: String, key: String) {
        guard InlineParser.hasLink(text) else { return }
        if Self.pairs(of: 0x5B, in: text) != Self.pairs(of: 0x5D, in: text) { problem(key, "unbalanced link brackets in: \(text.prefix(60))…") }
        for case let .link(label, target) in InlineParser.parse(text) {
            require(Reference(target), key, "broken link [[\(label)\(Self.describe(target))]]: \(Self.explainMissing(target))")
        }
    }

    /// How many `[[` (0x5B) or `]]` (0x5D) the text holds, counted left to right without overlap
    /// (`[[[` is one). Bytes, not Foundation's `range(of:)`, which cost a seventh of a load on Linux.
    static func pairs(of byte: UInt8, in text: String) -> Int {
        var count = 0
        var half = false
        for b in text.utf8 {
            if b != byte { half = false } else if half { count += 1; half = false } else { half = true }
        }
        return count
    }

    static func describe(_ target: LinkTarget) -> String {
        switch target {
        case .page(let id): return "|\(id)"
        case .glossary(let id): return "|g:\(id)"
        case .architecture(let id): return "|a:\(id)"
        case .glossaryTerm: return ""
        }
    }

    static func explainMissing(_ target: LinkTarget) -> String {
        switch target {
        case .page(let id): return "no page, section, table or figure has the id '\(id)'"
        case .glossary(let id): return "no glossary entry has the id '\(id)'"
        case .glossaryTerm(let t): return "no glossary term or alias is '\(t)' (link another way with [[\(t)|g:ID]])"
        case .architecture(let id): return "no catalog entry has the id '\(id)'"
        }
    }

    // MARK: glossary

    mutating func checkGlossary() {
        var owner: [String: String] = [:]
        owner.reserveCapacity(guide.glossary.count * 2)
        for e in guide.glossary {
            let key = "g:" + e.id
            if e.definition.allSatisfy(\.isWhitespace) { problem(key, "glossary entry '\(e.id)' has an empty definition") }
            for r in e.related { require(.glossary(r), key, "glossary entry '\(e.id)': related term '\(r)' is not a glossary id") }
            for p in e.usedIn { require(.page(p), key, "glossary entry '\(e.id)': used_in '\(p)' is not a page id") }
            for p in e.see { require(.page(p), key, "glossary entry '\(e.id)': see '\(p)' is not a page or section id") }
            checkEvidence(e.evidence, key: key, what: "glossary entry '\(e.id)'")
            checkAddedFact(e.origin, e.evidence, [e.definition], key: key, what: "glossary entry '\(e.id)'")
            for name in [e.term] + e.aliases {
                let n = Guide.normalize(name)
                if let other = owner[n], other != e.id { problem(key, "the term or alias '\(name)' of '\(e.id)' is also a term or alias of '\(other)'") }
                owner[n] = e.id
            }
            checkLinks(e.definition, key: key)
        }
    }

    // MARK: catalog

    mutating func checkCatalog() {
        let families = Set(guide.catalog.families.map(\.id))
        let criteria = Set(guide.catalog.criteria.map(\.id))
        for a in guide.catalog.architectures {
            let key = "a:" + a.id
            if !families.contains(a.family) { problem(key, "architecture '\(a.id)': family '\(a.family)' is not one of: \(families.sorted().joined(separator: ", "))") }
            require(.page(a.deepDive), key, "architecture '\(a.id)': deep_dive '\(a.deepDive)' is not a page id")
            if let g = a.glossary { require(.glossary(g), key, "architecture '\(a.id)': glossary '\(g)' is not a glossary id") }
            for k in a.traits.keys.sorted() where !criteria.contains(k) { problem(key, "architecture '\(a.id)': trait '\(k)' is not a criterion id") }
            if a.fits.isEmpty { problem(key, "architecture '\(a.id)': fits is empty") }
            for text in [a.summary, a.data] + a.strengths + a.limitations + a.variants.map(\.use) { checkLinks(text, key: key) }
            checkEvidence(a.evidence, key: key, what: "catalog entry '\(a.id)'")
            checkAddedFact(a.origin, a.evidence, a.evidenceTexts, key: key, what: "catalog entry '\(a.id)'")
        }
    }

    // MARK: evidence

    /// Every cited id is in sources.yaml; `reviewed` is a month written YYYY-MM, not after this one.
    mutating func checkEvidence(_ e: Evidence, key: String, what: @autoclosure () -> String) {
        for id in e.sources {
            require(.source(id), key, "\(what()) cites unknown source '\(id)' (no entry of \(ContentLoader.sourcesFile) has that id)")
        }
        guard let r = e.reviewed else { return }
        if let month = Evidence.month(r) {
            require(.month(month), key, "\(what()): reviewed \(r) is in the future (write the month it was last checked, YYYY-MM)")
        } else {
            problem(key, "\(what()): reviewed '\(r)' is not a month written YYYY-MM (e.g. 2026-12)")
        }
    }

    /// A warning for an `origin: added` item that states something that can age (`FactHeuristic`)
    /// without both `sources` and `reviewed`.
    mutating func checkAddedFact(_ origin: Origin?, _ e: Evidence, _ texts: @autoclosure () -> [String], key: String, what: @autoclosure () -> String) {
        guard origin == .added, !e.isComplete else { return }
        for text in texts() {
            guard let fact = FactHeuristic.fact(in: text) else { continue }
            let missing = e.sources.isEmpty && e.reviewed == nil ? "sources and reviewed" : e.sources.isEmpty ? "sources" : "reviewed"
            warning(key, "\(what()) (origin: added) states \(fact) without \(missing): cite where it comes from (sources.yaml) and the month it was checked (reviewed: YYYY-MM)")
            return
        }
    }

    /// Each bibliography entry is whole: authors or an organisation, a plausible year, an http(s) url.
    mutating func checkSourceEntries() {
        let year = Evidence.month(of: Date()) / 12
        for s in guide.sources {
            for message in s.problems(currentYear: year) { problem("s:" + s.id, message) }
        }
    }

    // Decision trees and the rest of decisions.yaml: Decisions/DecisionChecks.swift (checkTrees).
}
