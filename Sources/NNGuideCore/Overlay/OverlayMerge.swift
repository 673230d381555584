#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Lays overlays over a loaded guide, in order (later ones win): adds their items, appends the
/// blocks of `extends:` pages, swaps in `replaces:` items, and refuses an id the guide (or an
/// earlier overlay) already has without `replaces:`, naming both places. Every item an overlay
/// brings is `team` with the overlay's name, and every sentence of its decision rules opens with
/// "team rule (NAME): ", so a reason from it says where it comes from wherever it is shown.
public enum OverlayMerge {
    /// The guide with `folders` laid over it, or every problem found (overlay files by their paths).
    /// `guideDirectory` is read again only to name the guide's line when an overlay collides with it.
    /// With `cacheDirectory` (`ContentCache.cacheDirectory`), each overlay file is read through the
    /// per-file cache (`OverlayEntries`): only the files changed since are parsed.
    public static func apply(_ folders: [String], to guide: Guide, guideDirectory: String,
                             cacheDirectory: String? = nil) -> (guide: Guide, problems: [ContentProblem]) {
        var parsed: [String] = []
        let l = located(folders, to: guide, guideDirectory: guideDirectory, cacheDirectory: cacheDirectory, parsed: &parsed)
        return (l.guide, l.problems)
    }

    /// `parsed`: each overlay file read from YAML, as `FOLDER/FILE` (for tests).
    static func apply(_ folders: [String], to guide: Guide, guideDirectory: String, cacheDirectory: String?,
                      parsed: inout [String]) -> (guide: Guide, problems: [ContentProblem]) {
        let l = located(folders, to: guide, guideDirectory: guideDirectory, cacheDirectory: cacheDirectory, parsed: &parsed)
        return (l.guide, l.problems)
    }

    /// `apply`, with where each item the overlays brought is defined (Content's location keys, the
    /// overlay's files by path): what `nnguide sources` prints beside a citation.
    public static func located(_ folders: [String], to guide: Guide, guideDirectory: String, cacheDirectory: String? = nil)
        -> (guide: Guide, problems: [ContentProblem], locations: [String: SourceLocation]) {
        var parsed: [String] = []
        return located(folders, to: guide, guideDirectory: guideDirectory, cacheDirectory: cacheDirectory, parsed: &parsed)
    }

    static func located(_ folders: [String], to guide: Guide, guideDirectory: String, cacheDirectory: String?,
                        parsed: inout [String]) -> (guide: Guide, problems: [ContentProblem], locations: [String: SourceLocation]) {
        guard !folders.isEmpty else { return (guide, [], [:]) }
        var merge = Merge(guide: guide, guideDirectory: guideDirectory)
        for folder in folders {
            guard let cacheDirectory else { merge.lay(OverlayReading.read(folder)); continue }
            var files: [String] = []
            merge.lay(OverlayEntries(directory: folder, cacheDirectory: cacheDirectory).read(parsed: &files))
            parsed += files.map { Path.join(folder, $0) }
        }
        var merged = merge.result()
        merged.overlays = merge.overlays
        merged.withoutOverlays = GuideWithoutOverlays(guide)
        let overlayFiles = merge.overlays.map(\.directory)
        // The cross-file checks of the whole guide, kept to what the overlays brought: the guide itself
        // was checked when it loaded.
        var checks = ContentChecks(guide: merged, locations: merge.locations)
        checks.replaysExamples = false
        let checked = checks.run().filter { p in overlayFiles.contains { p.location.file.hasPrefix($0) } }
        return (merged, merge.problems + checked, merge.locations)
    }
}

/// The guide before its overlays, for the pick a recommendation would have without the team's rules.
public final class GuideWithoutOverlays: Sendable {
    public let guide: Guide
    init(_ guide: Guide) { self.guide = guide }
}

struct Merge {
    var pages: [Page]
    var glossary: [GlossaryEntry]
    var catalog: Catalog
    var decisions: DecisionBook
    var sources: [Source]
    var overlays: [Overlay] = []
    var problems: [ContentProblem] = []
    /// Where overlay items are defined (Content's location keys), for the cross-file checks.
    var locations: [String: SourceLocation] = [:]
    let guideDirectory: String
    /// The guide's own locations, read only when an overlay collides with it.
    var guideLocations: [String: SourceLocation]?

    init(guide: Guide, guideDirectory: String) {
        pages = guide.pages; glossary = guide.glossary; catalog = guide.catalog; decisions = guide.decisions; sources = guide.sources
        self.guideDirectory = guideDirectory
    }

    func result() -> Guide { Guide(pages: pages, glossary: glossary, catalog: catalog, decisions: decisions, sources: sources) }

    /// Where the item with this key was first defined: an earlier overlay's file, else the guide's.
    mutating func firstDefinition(_ key: String) -> String {
        if let l = locations[key] { return l.description }
        if guideLocations == nil { guideLocations = ContentLoader.located(directory: guideDirectory).locations }
        let l = ContentLoader.location(of: key, in: guideLocations ?? [:])
        return SourceLocation(file: Path.join(guideDirectory, l.file), line: l.line, column: l.column).description
    }

    mutating func lay(_ content: OverlayContent) {
        let o = content.overlay
        let team = Origin.team(o.name)
        overlays.append(o)
        problems += content.problems

        // Pages: added at the end of the contents, or standing in for the page they replace.
        var ids = Set(Guide(pages: pages, glossary: [], catalog: Catalog(), decisions: DecisionBook()).readingOrder.map(\.id))
        for item in content.pages {
            var page = item.value
            Merge.mark(&page, team)
            if let r = item.replaces {
                if r != page.id { problems.append(ContentProblem(item.location, "replaces '\(r)' but its id is '\(page.id)': a replacing page keeps the id it replaces")); continue }
                guard Merge.replace(r, with: page, in: &pages) else { problems.append(ContentProblem(item.location, "replaces '\(r)', which the guide has no page or section of")); continue }
            } else if let clash = ([page] + page.allSections).first(where: { ids.contains($0.id) }) {
                problems.append(ContentProblem(item.location, "id '\(clash.id)' is already defined at \(firstDefinition(clash.id)); add `replaces: \(clash.id)` with a reason to replace it, or choose another id"))
                continue
            } else {
                pages.append(page)
            }
            for p in [page] + page.allSections { ids.insert(p.id); locations[p.id] = item.location }
        }
        for ext in content.extensions {
            var added = ext.page
            Merge.mark(&added, team)
            let before = Guide(pages: pages, glossary: [], catalog: Catalog(), decisions: DecisionBook()).page(ext.target)?.page.blocks.count ?? 0
            for i in added.blocks.indices { locations["block:\(ext.target)#\(before + i)"] = content.locations["extends:\(ext.target)#\(i)"] }
            guard Merge.extend(ext.target, with: added, in: &pages) else {
                problems.append(ContentProblem(ext.location, "extends '\(ext.target)', which the guide has no page or section of")); continue
            }
            for s in added.sections { locations[s.id] = ext.location }
        }

        glossary = merged(glossary, content.glossary, prefix: "g:", id: \.id) { $0.origin = team }
        catalog.architectures = merged(catalog.architectures, content.architectures, prefix: "a:", id: \.id) { $0.origin = team }
        let pageIDs = Set(Guide(pages: pages, glossary: [], catalog: Catalog(), decisions: DecisionBook()).readingOrder.map(\.id))
        glossary = noted(glossary, content.glossaryNotes, id: \.id, notes: \.notes, what: "glossary entry", team: team, pages: pageIDs)
        catalog.architectures = noted(catalog.architectures, content.catalogNotes, id: \.id, notes: \.notes, what: "catalog entry", team: team, pages: pageIDs)
        sources = merged(sources, content.sources, prefix: "s:", id: \.id) { _ in }

        // Decision rules: filters are added (or replace the filter of their id); a house default comes
        // before the guide's, since the first default for a field wins.
        let book = content.decisions
        for (i, var f) in book.filters.enumerated() {
            f.origin = team
            f.rules = f.rules.map { Merge.spoken($0, team) }
            let at = i < content.filterLocations.count ? content.filterLocations[i] : SourceLocation(file: o.directory)
            if let j = decisions.filters.firstIndex(where: { $0.id == f.id }) {
                problems.append(ContentProblem(at, "filter id '\(f.id)' is already defined at \(firstDefinition("decisions:filter#\(j)")); choose another id"))
                continue
            }
            locations["decisions:filter#\(decisions.filters.count)"] = at
            // Its rules by their place among the guide's filters, so citations and checks name the overlay's lines.
            for j in f.rules.indices { locations["decisions:filter#\(decisions.filters.count)/\(j)"] = content.locations["decisions:filter#\(i)/\(j)"] ?? at }
            decisions.filters.append(f)
        }
        decisions.defaults = book.defaults.map { d in var d = d; d.origin = team; d.says = Merge.teamRule(team) + d.says; return d } + decisions.defaults
        decisions.contradictions += book.contradictions.map { Merge.spoken($0, team) }
        decisions.nextSteps += book.nextSteps.map { Merge.spoken($0, team) }
        decisions.gaps += book.gaps
        // Last, so a clash above names the earlier definition, not this overlay's own.
        locations.merge(content.locations.filter { !$0.key.hasPrefix("extends:") && !$0.key.hasPrefix("decisions:") }) { _, new in new }
    }

    /// Adds `items` to `existing`: a new id at the end, a `replaces:` in place; an id already there
    /// without `replaces:` is refused with both places named.
    mutating func merged<T>(_ existing: [T], _ items: [OverlayItem<T>], prefix: String, id: KeyPath<T, String>, mark: (inout T) -> Void) -> [T] {
        var out = existing
        for item in items {
            var value = item.value
            mark(&value)
            let key = value[keyPath: id]
            let at = out.firstIndex { $0[keyPath: id] == key }
            if let r = item.replaces {
                guard r == key, let at else {
                    problems.append(ContentProblem(item.location, r == key ? "replaces '\(r)', which is not defined before this overlay" : "replaces '\(r)' but its id is '\(key)': a replacing item keeps the id it replaces"))
                    continue
                }
                out[at] = value
            } else if at != nil {
                problems.append(ContentProblem(item.location, "id '\(key)' is already defined at \(firstDefinition(prefix + key)); add `replaces: \(key)` with a reason to replace it, or choose another id"))
                continue
            } else {
                out.append(value)
            }
            locations[prefix + key] = item.location
        }
        return out
    }

    /// The team's notes added to the entries they extend (after this overlay's own entries, so one
    /// may extend an entry an earlier overlay brought); an unknown entry or page is refused where it is.
    mutating func noted<T>(_ entries: [T], _ notes: [EntryExtension], id: KeyPath<T, String>, notes key: WritableKeyPath<T, [TeamNote]>,
                           what: String, team: Origin, pages: Set<String>) -> [T] {
        var out = entries
        for n in notes {
            guard let i = out.firstIndex(where: { $0[keyPath: id] == n.target }) else {
                problems.append(ContentProblem(n.location, "extends '\(n.target)', which the guide has no \(what) of")); continue
            }
            if let bad = n.see.first(where: { !pages.contains($0) }) {
                problems.append(ContentProblem(n.location, "extends '\(n.target)': see '\(bad)' is not a page or section id")); continue
            }
            out[i][keyPath: key].append(TeamNote(origin: team, text: n.note, see: n.see))
        }
        return out
    }

    static func teamRule(_ team: Origin) -> String { "team rule (\(team.team ?? "overlay")): " }

    /// The rule marked `team`, each of its sentences saying so.
    static func spoken(_ rule: DecisionRule, _ team: Origin) -> DecisionRule {
        var r = rule
        let prefix = teamRule(team)
        r.origin = team
        r.says = r.says.map { prefix + $0 }
        r.out = r.out.map { RuleOut(ids: $0.ids, reason: prefix + $0.reason) }
        r.warn = r.warn.map { TargetedText(prefix + $0.text, ids: $0.ids, except: $0.except) }
        r.next = r.next.map { TargetedText(prefix + $0.text, ids: $0.ids, except: $0.except) }
        return r
    }

    /// The page, its blocks and its sections all `team`: an overlay cannot speak for the guide.
    static func mark(_ page: inout Page, _ team: Origin) {
        page.origin = team
        page.blockOrigins = page.blocks.map { _ in team }
        for i in page.sections.indices { mark(&page.sections[i], team) }
    }

    static func replace(_ id: String, with page: Page, in pages: inout [Page]) -> Bool {
        for i in pages.indices {
            if pages[i].id == id { pages[i] = page; return true }
            if replace(id, with: page, in: &pages[i].sections) { return true }
        }
        return false
    }

    static func extend(_ id: String, with added: Page, in pages: inout [Page]) -> Bool {
        for i in pages.indices {
            if pages[i].id == id {
                var p = pages[i]
                // Keep evidence index for index with the blocks when either side has any.
                if !p.blockEvidence.isEmpty || !added.blockEvidence.isEmpty {
                    p.blockEvidence = p.blocks.indices.map { p.evidence(ofBlock: $0) } + added.blocks.indices.map { added.evidence(ofBlock: $0) }
                }
                p.blockOrigins = p.blocks.indices.map { p.origin(ofBlock: $0) } + added.blockOrigins
                p.blocks += added.blocks
                p.sections += added.sections
                pages[i] = p
                return true
            }
            if extend(id, with: added, in: &pages[i].sections) { return true }
        }
        return false
    }
}

extension Page {
    /// Every section under the page, at any depth.
    var allSections: [Page] { sections.flatMap { [$0] + $0.allSections } }
}
