#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The ids every content file defines, as the cross-file check looks them up: a whole `Guide`
/// (`ContentLoader`) or the summaries of the per-file cache's entries (`IncrementalLoad`).
protocol GuideIDs {
    /// A page or section id.
    func isPage(_ id: String) -> Bool
    /// A page, section, table or figure id: what a link or `see` may name.
    func isShown(_ id: String) -> Bool
    func isGlossary(_ id: String) -> Bool
    /// A term or alias in `Guide.normalize`d form.
    func isTerm(_ key: String) -> Bool
    func isArchitecture(_ id: String) -> Bool
    func isSource(_ id: String) -> Bool
}

/// The checks that need the ids of every file: references resolve, the required parts exist,
/// table ids are unique, every source is cited. The whole load (`ContentChecks`) and the per-file
/// cache's merge (`IncrementalLoad`) both run these, so a new cross-file rule is written here once.
struct CrossFileCheck<IDs: GuideIDs> {
    let ids: IDs
    /// Ids (with their `g:`/`a:`/`s:` prefix) of items that exist but could not be decoded (already
    /// reported): a reference to one is not reported again.
    let undecoded: Set<String>
    let at: (String) -> SourceLocation
    let thisMonth = Evidence.month(of: Date())

    func resolves(_ reference: Reference) -> Bool {
        switch reference {
        case .source(let id): return ids.isSource(id) || undecoded.contains("s:" + id)
        case .month(let m): return m <= thisMonth
        case .page(let id): return ids.isShown(id) || undecoded.contains(id)
        case .glossary(let id): return ids.isGlossary(id) || undecoded.contains("g:" + id)
        case .architecture(let id): return ids.isArchitecture(id) || undecoded.contains("a:" + id)
        case .term(let term): return Guide.termKey(term, isTerm: ids.isTerm) != nil || undecoded.contains { $0.hasPrefix("g:") }
        }
    }

    /// What comes before every file's own checks: the three parts the guide cannot do without, and
    /// table ids (in reading order) against every table and page id.
    func leading(pages: Int, glossary: Int, architectures: Int, tableIDs: [String]) -> [ContentProblem] {
        var out: [ContentProblem] = []
        if pages == 0 { out.append(ContentProblem(SourceLocation(file: ContentLoader.pagesFolder), "no pages: expected files pages/NN-name.yaml")) }
        if glossary == 0 { out.append(ContentProblem(at("g:"), "the glossary has no entries")) }
        if architectures == 0 { out.append(ContentProblem(at("a:"), "the catalog has no architectures")) }
        var seen: Set<String> = []
        for id in tableIDs where !seen.insert(id).inserted || ids.isPage(id) {
            out.append(ContentProblem(at(id), "duplicate id '\(id)': a table id must differ from every page, table and figure id"))
        }
        return out
    }

    /// What comes after: a warning for each bibliography entry (in file order) no item cites.
    func trailing(sources: [String], cited: Set<String>) -> [ContentProblem] {
        sources.filter { !cited.contains($0) }.map {
            ContentProblem(at("s:" + $0), "source '\($0)' is cited by nothing (cite it with `sources: [\($0)]` or remove it)", severity: .warning)
        }
    }
}

extension Guide: GuideIDs {
    func isPage(_ id: String) -> Bool { page(id) != nil }
    func isShown(_ id: String) -> Bool { pageID(showing: id) != nil }
    func isGlossary(_ id: String) -> Bool { glossaryEntry(id) != nil }
    func isTerm(_ key: String) -> Bool { hasTerm(key) }
    func isArchitecture(_ id: String) -> Bool { architecture(id) != nil }
    func isSource(_ id: String) -> Bool { source(id) != nil }
}
