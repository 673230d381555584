#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The guide as Markdown: every page in reading order, every table as a Markdown table, lists as lists,
/// figures as nested lists, then the glossary and the catalog. Links become links to anchors named by
/// id (`#part-5`, `#g-attention`, `#a-cnn`), so the document can be read and navigated anywhere.
/// Every anchor is unique, counting the ids renderers derive from heading text (`HeadingAnchors`).
/// Text goes through `MarkdownText`, the one escaping shared with the decision record.
public struct MarkdownRenderer: Sendable {
    public let guide: Guide
    /// How each heading is written (anchor and text), planned over the whole output before it is written.
    var headings = HeadingAnchors.Plan()
    public init(guide: Guide) { self.guide = guide }

    public func document() -> String {
        var r = self
        r.headings = HeadingAnchors.plan(guide: guide, pages: guide.pages, appendices: true)
        var out: [String] = []
        for p in guide.pages { out += r.page(p, level: 1) }
        out += r.glossary()
        out += r.catalog()
        out += r.bibliography()
        return Self.joined(out)
    }

    /// One page, section, table or figure by id (the page with all its sections); nil when unknown.
    public func render(id: String) -> String? {
        var out: [String]
        if let entry = guide.page(id) {
            var r = self
            r.headings = HeadingAnchors.plan(guide: guide, pages: [entry.page], appendices: false)
            out = r.page(entry.page, level: 1)
        }
        else if let t = guide.table(id) { out = table(t.table) }
        else if let f = guide.figures.first(where: { $0.figure.id == id }) { out = figure(f.figure) }
        else { return nil }
        return Self.joined(out)
    }

    /// Lines as a document: ends with exactly one newline, never a blank line.
    public static func joined(_ lines: [String]) -> String {
        var lines = lines
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    public func page(_ p: Page, level: Int) -> [String] {
        var out = [heading(level, key: p.id, id: p.id, text: p.title), ""] + originNote(p.origin)
        if let s = p.summary { out += ["*" + inline(s) + "*", ""] }
        var previous: Block?
        for (i, b) in p.blocks.enumerated() {
            // Two quotes with only a blank line between them are one quote to some renderers.
            if case .callout? = previous, case .callout = b { out += ["<!-- -->", ""] }
            out += block(b) + [""]
            if p.origin(ofBlock: i) != p.origin { out += originNote(p.origin(ofBlock: i)) }
            out += evidenceNote(p.evidence(ofBlock: i))
            previous = b
        }
        // The section ends with its own sources, before its subsections.
        out += evidenceNote(p.evidence)
        for s in p.sections { out += page(s, level: level + 1) }
        return out
    }

    /// "*Sources:* [Title](url) (Organisation, 2025); ... · *reviewed 2026-12*" as a paragraph of its
    /// own; nothing when the item has neither.
    public func evidenceNote(_ e: Evidence) -> [String] {
        guard !e.isEmpty else { return [] }
        var parts: [String] = []
        if !e.sources.isEmpty {
            parts.append("*Sources:* " + e.sources.map { id in guide.source(id).map(sourceCitation) ?? escape(id) }.joined(separator: "; "))
        }
        if let r = e.reviewed { parts.append("*reviewed \(escape(r))*") }
        return [parts.joined(separator: " · "), ""]
    }

    /// A source inline: its title linked to its URL (or plain), then who and when.
    func sourceCitation(_ s: Source) -> String {
        let title = s.url.map { "[\(escape(s.title))](<\($0)>)" } ?? escape(s.title)
        let meta = [s.by, s.year.map(String.init)].compactMap { $0 }
        return meta.isEmpty ? title : "\(title) (\(escape(meta.joined(separator: ", "))))"
    }

    /// The bibliography at the end of the export: every source with its kind and URL.
    func bibliography() -> [String] {
        guard !guide.sources.isEmpty else { return [] }
        return [heading(1, key: HeadingAnchors.sourcesKey, id: nil, text: "Sources"), ""]
            + guide.sources.map { s in "- " + anchor("src-" + s.id) + sourceCitation(s) + " · \(s.kind.rawValue) · `\(s.id)`" } + [""]
    }

    public func block(_ b: Block) -> [String] {
        switch b {
        case .paragraph(let s): return [atLineStart(inline(s))]
        case .list(let items): return list(items, ordered: false, depth: 0)
        case .steps(let items): return list(items, ordered: true, depth: 0)
        case .definitions(let defs): return defs.flatMap { ["**\(inline($0.term))**: \(inline($0.text))", ""] }.dropLast()
        case .table(let t): return table(t)
        case .figure(let f): return figure(f)
        case .callout(let c):
            return ["> **\(escape(TextRenderer.calloutHeading(c)))**", ">", "> " + inline(c.text)]
        case .preformatted(let s):
            let fence = s.contains("```") ? "~~~~" : "```"
            return [fence + "text"] + s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [fence]
        }
    }

    func list(_ items: [ListItem], ordered: Bool, depth: Int) -> [String] {
        let indent = String(repeating: ordered ? "   " : "  ", count: depth)
        return items.enumerated().flatMap { i, item -> [String] in
            let mark = ordered ? "\(i + 1)." : "-"
            let text = item.label.map { "**\(inline($0))**: \(inline(item.text))" } ?? atLineStart(inline(item.text))
            let sub = list(item.items, ordered: false, depth: 0).map { indent + String(repeating: " ", count: mark.count + 1) + $0 }
            return [indent + mark + " " + text] + sub
        }
    }

    public func table(_ t: Table) -> [String] {
        var out = [anchor(t.id) + "**" + inline(t.title) + "**", ""]
        if let cap = t.caption { out += [inline(cap), ""] }
        out.append("| " + t.columns.map(cell).joined(separator: " | ") + " |")
        out.append("|" + t.columns.map { _ in " --- " }.joined(separator: "|") + "|")
        for row in t.rows { out.append("| " + row.map(cell).joined(separator: " | ") + " |") }
        if let notes = t.notes { out += ["", "*Note:* " + inline(notes)] }
        return out
    }

    public func figure(_ f: Figure) -> [String] {
        var out = [anchor(f.id) + "**" + inline(f.title) + "**", ""]
        if let cap = f.caption { out += [inline(cap), ""] }
        func walk(_ n: TreeNode, _ depth: Int) {
            out.append(String(repeating: "  ", count: depth) + "- " + atLineStart(inline(n.label)))
            n.children.forEach { walk($0, depth + 1) }
        }
        f.tree.forEach { walk($0, 0) }
        return out
    }

    func glossary() -> [String] {
        [heading(1, key: HeadingAnchors.glossaryKey, id: nil, text: "Glossary"), ""]
            + guide.glossary.sorted(by: { $0.term.lowercased() < $1.term.lowercased() }).flatMap { glossaryItem($0) }
    }

    /// One entry on its own: the term as a heading.
    public func glossaryEntry(_ e: GlossaryEntry, level: Int = 1) -> [String] {
        [heading(level, key: "g-" + e.id, id: "g-" + e.id, text: e.term), ""] + glossaryBody(e)
    }

    /// One entry in a list of them: the term in bold, not a heading, so that the ids renderers derive
    /// from headings never repeat a page's id (a glossary term is often a section's name).
    public func glossaryItem(_ e: GlossaryEntry) -> [String] {
        [anchor("g-" + e.id) + "**" + escape(e.term) + "**", ""] + glossaryBody(e)
    }

    func glossaryBody(_ e: GlossaryEntry) -> [String] {
        var out = originNote(e.origin)
        if !e.aliases.isEmpty { out += ["*Also:* " + e.aliases.map(escape).joined(separator: ", "), ""] }
        out += [inline(e.definition), ""]
        let related = e.related.compactMap { id in guide.glossaryEntry(id).map { "[\(escape($0.term))](#g-\(id))" } }
        if !related.isEmpty { out += ["*Related:* " + related.joined(separator: ", "), ""] }
        let used = e.usedIn.compactMap { id in guide.page(guide.pageID(showing: id) ?? "").map { "[\(escape($0.page.breadcrumbTitle))](#\(id))" } }
        if !used.isEmpty { out += ["*Used in:* " + used.joined(separator: ", "), ""] }
        let see = e.see.compactMap { id in guide.page(guide.pageID(showing: id) ?? "").map { "[\(escape($0.page.breadcrumbTitle))](#\(id))" } }
        if !see.isEmpty { out += ["*See:* " + see.joined(separator: ", "), ""] }
        out += teamNotes(e.notes)
        out += evidenceNote(e.evidence)
        return out
    }

    func catalog() -> [String] {
        var out = [heading(1, key: HeadingAnchors.catalogKey, id: nil, text: "Architecture catalog"), ""]
        if !guide.catalog.families.isEmpty {
            out += [heading(2, key: HeadingAnchors.familiesKey, id: nil, text: "Families"), "", "| Family | Principle |", "| --- | --- |"]
            out += guide.catalog.families.map { "| \(cell($0.name)) | \(cell($0.principle ?? "")) |" } + [""]
        }
        if !guide.catalog.criteria.isEmpty {
            out += [heading(2, key: HeadingAnchors.criteriaKey, id: nil, text: "Criteria"), ""] + guide.catalog.criteria.map { c in "- **\(escape(c.name))**" + (c.help.map { ": " + inline($0) } ?? "") } + [""]
        }
        return out + guide.catalog.architectures.flatMap { architecture($0, level: 2) }
    }

    public func architecture(_ a: Architecture, level: Int = 1) -> [String] {
        let family = guide.catalog.families.first { $0.id == a.family }?.name ?? a.family
        var out = [heading(level, key: "a-" + a.id, id: "a-" + a.id, text: a.short.map { "\(a.name) (\($0))" } ?? a.name), ""] + originNote(a.origin)
        out += ["*Family:* \(escape(family)) · *Fits:* \(escape(a.fits.joined(separator: ", ")))", ""]
        out += [inline(a.summary), "", inline(a.data), ""]
        func section(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            out += ["**\(title)**", ""] + items.map { "- " + $0 } + [""]
        }
        section("Variants", a.variants.map { "**\(escape($0.name))**: \(inline($0.use))" })
        section("Strengths", a.strengths.map(inline))
        section("Limitations", a.limitations.map(inline))
        section("Cost", ["training \(a.cost.training), inference \(a.cost.inference), memory \(a.cost.memory)"] + [a.cost.note, a.cost.perPredictionLine].compactMap { $0 }.map(inline))
        section("Traits", guide.catalog.criteria.compactMap { c in a.traits[c.id].map { "\(escape(c.name)): \(escape($0))" } })
        if let id = guide.pageID(showing: a.deepDive), let p = guide.page(id) {
            out += ["Deep-dive: [\(escape(p.page.title))](#\(a.deepDive))", ""]
        }
        return out + teamNotes(a.notes) + evidenceNote(a.evidence)
    }

    /// A team's notes on an entry, each a paragraph opening with its overlay's mark.
    func teamNotes(_ notes: [TeamNote]) -> [String] {
        notes.flatMap { n -> [String] in
            let see = n.see.compactMap { id in guide.page(id).map { "[\(escape($0.page.breadcrumbTitle))](#\(id))" } }
            return ["*\(escape(n.origin.mark ?? ""))* " + inline(n.text) + (see.isEmpty ? "" : " *See:* " + see.joined(separator: ", ")), ""]
        }
    }

    /// "*Added: beyond the source guide, written for nnguide.*" as a paragraph of its own (after a
    /// blank line, so it never continues a list); nothing for the guide's own material.
    func originNote(_ origin: Origin) -> [String] {
        origin == .guide ? [] : ["*\(origin.rawValue.prefix(1).uppercased() + origin.rawValue.dropFirst()): \(origin.meaning).*", ""]
    }

    // MARK: inline

    func anchor(_ id: String) -> String { "<a id=\"\(id)\"></a>" }

    /// The anchor goes inside the heading: on a line of its own it would start an HTML block that
    /// swallows the heading. It is left out where the id derived from the text is the same, and the
    /// text is qualified where its derived id would repeat another anchor (the plan decides both).
    func heading(_ level: Int, key: String, id: String?, text: String) -> String {
        let planned = headings.headings[key] ?? HeadingAnchors.Written(anchor: id, text: text)
        return String(repeating: "#", count: min(max(level, 1), 6)) + " " + (planned.anchor.map(anchor) ?? "") + escape(planned.text)
    }

    /// Prose with links turned into Markdown links to anchors.
    func inline(_ s: String) -> String {
        InlineParser.parse(s).map { part in
            switch part {
            case .text(let t): return MarkdownText.prose(t)
            case .link(let label, let target): return "[\(escape(label))](#\(anchorID(target)))"
            }
        }.joined()
    }

    func anchorID(_ target: LinkTarget) -> String {
        switch target {
        case .page(let id): return id
        case .glossary(let id): return "g-" + id
        case .glossaryTerm(let term): return "g-" + (guide.glossaryEntry(forTerm: term)?.id ?? term)
        case .architecture(let id): return "a-" + id
        }
    }

    func atLineStart(_ s: String) -> String { MarkdownText.atLineStart(s) }

    /// A table cell: inline Markdown with pipes escaped and no line breaks.
    func cell(_ s: String) -> String { MarkdownText.cell(inline(s)) }

    /// A name or title: nothing in it is Markdown.
    func escape(_ s: String) -> String { MarkdownText.literal(s) }
}
