import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif
import NNGuideCore

/// `nnguide sources [ID]`: the bibliography (Content/sources.yaml), or one source and every item
/// that cites it, with its file and line.
struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List the bibliography, or one source and where it is cited.",
        usage: "nnguide sources [<options>] [<id>]",
        discussion: """
            With no id, lists every source of Content/sources.yaml: id, title, authors or organisation, \
            year, kind, url and how many items cite it. With an id, prints that source and every page, \
            section, block, glossary entry, catalog entry or decision rule that cites it, with its file, \
            line and review date. An id that matches nothing exits 1.

            Examples:
              nnguide sources
              nnguide sources guide
              nnguide sources --width 60
              nnguide sources --json | jq '.[] | select(.cited_by == 0) | .id'
            """)
    @OptionGroup var content: ContentOptions
    @Option(name: .customLong("format"), help: ArgumentHelp("text (the default), markdown or json.", valueName: "format"), completion: .list(OutputFormat.allCases.map(\.rawValue))) var formatText: String?
    var chosenFormat: OutputFormat? { OptionProblems.choice(formatText, "--format", as: OutputFormat.self).value }
    @Flag(help: "Same as --format json.") var json = false
    @OptionGroup var wrap: WidthOption
    @Argument(help: ArgumentHelp("A source id (as in sources.yaml).", valueName: "id")) var id: String?

    var format: OutputFormat { (try? jsonFormat(json: json, chosen: chosenFormat, default: .text)) ?? .text }

    /// The format, the width and their agreement, every problem at once (`OptionProblems`).
    func validate() throws {
        try OptionProblems.output(format: formatText, json: json, default: OutputFormat.text, width: wrap).check()
    }

    /// One source as JSON: its fields, how many items cite it, and (for one id) where.
    struct Entry: Encodable {
        var id: String, title: String
        var authors: String?, organisation: String?, year: Int?, kind: String, url: String?
        var cited_by: Int
        var citations: [Citation]?
        init(_ s: Source, cited: Int, citations: [Citation]? = nil) {
            id = s.id; title = s.title; authors = s.authors; organisation = s.organisation; year = s.year
            kind = s.kind.rawValue; url = s.url; cited_by = cited; self.citations = citations
        }
    }
    struct Citation: Encodable {
        var item: String, file: String, line: Int?, column: Int?, reviewed: String?, page: String?
    }

    func run() throws {
        let dir = try content.checkedDirectory()
        var (loaded, problems, locations) = ContentLoader.located(directory: dir)
        // The overlays' sources and citations too, at their own files and lines.
        let overlays = Overlay.folders(explicit: content.overlay)
        if let base = loaded, problems.errors.isEmpty, !overlays.isEmpty {
            let merged = OverlayMerge.located(overlays, to: base, guideDirectory: dir)
            loaded = merged.guide
            problems += merged.problems
            locations.merge(merged.locations) { _, overlay in overlay }
        }
        guard let guide = loaded, problems.errors.isEmpty else { throw GuideSource(directory: dir, overlays: overlays).report(ContentError(problems.errors)) }
        let items = guide.evidenceItems
        var counts: [String: Int] = [:]
        for item in items { for s in Set(item.evidence.sources) { counts[s, default: 0] += 1 } }
        guard let id else { return try list(guide, counts) }
        guard let source = guide.source(id) else {
            let near = EditDistance.closest(to: id, among: guide.sources.map(\.id), limit: 3)
            throw notFound("no source has the id '\(id)'", hint: "`nnguide sources` lists them all", suggestions: near)
        }
        let citations = guide.citations(of: id).map { item -> Citation in
            let l = ContentLoader.location(of: item.key, in: locations)
            return Citation(item: item.what, file: l.file, line: l.line, column: l.column, reviewed: item.evidence.reviewed, page: item.pageID)
        }
        switch format {
        case .json: try emitJSON(Entry(source, cited: citations.count, citations: citations))
        case .markdown:
            var lines = ["## \(source.title)", ""] + Self.fields(source).map { "- \($0.0): \($0.1)" }
            lines += ["", "Cited by \(citations.count):", ""] + citations.map { "- \($0.item) (\(Self.place($0)))\($0.reviewed.map { ", reviewed \($0)" } ?? "")" }
            emit(lines)
        case .text:
            let text = TextRenderer(guide: guide, width: wrap.columns)
            var lines = text.hanging("\(source.id): \(source.title)", first: "", rest: "  ")
            lines += Self.fields(source).flatMap { text.hanging("\($0.0): \($0.1)", first: "  ", rest: "    ") }
            lines.append(citations.isEmpty ? "Cited by nothing." : "Cited by \(citations.count):")
            // The place leads as written: two spaces set it apart from what cites (the wrapper would make them one).
            lines += citations.flatMap {
                text.hanging("\($0.item)\($0.reviewed.map { " · reviewed \($0)" } ?? "")", lead: "  \(Self.place($0))  ", rest: "    ")
            }
            emit(lines)
        }
    }

    static func place(_ c: Citation) -> String {
        SourceLocation(file: c.file, line: c.line, column: c.column).description
    }

    static func fields(_ s: Source) -> [(String, String)] {
        var out: [(String, String)] = []
        if let a = s.authors { out.append(("authors", a)) }
        if let o = s.organisation { out.append(("organisation", o)) }
        if let y = s.year { out.append(("year", String(y))) }
        out.append(("kind", s.kind.rawValue))
        if let u = s.url { out.append(("url", u)) }
        return out
    }

    func list(_ guide: Guide, _ counts: [String: Int]) throws {
        switch format {
        case .json: try emitJSON(guide.sources.map { Entry($0, cited: counts[$0.id] ?? 0) })
        case .markdown:
            emit(guide.sources.map { s in
                "- **\(s.id)**: \(s.citation)\(s.url.map { ", <\($0)>" } ?? "") (\(s.kind.rawValue); cited by \(counts[s.id] ?? 0))"
            })
        case .text:
            guard !guide.sources.isEmpty else { emit(["No sources: the content folder has no sources.yaml, or it lists none."]); return }
            let text = TextRenderer(guide: guide, width: wrap.columns)
            // Ids in a column while that leaves room for the citation; else each id alone before its indented lines.
            let idWidth = guide.sources.map { DisplayWidth.of($0.id) }.max() ?? 0
            let column = wrap.columns - idWidth - 2 >= 30
            let rest = String(repeating: " ", count: column ? idWidth + 2 : 4)
            var lines: [String] = []
            for s in guide.sources {
                if !column { lines.append(s.id) }
                let first = column ? s.id + String(repeating: " ", count: idWidth - DisplayWidth.of(s.id) + 2) : rest
                lines += text.hanging("\(s.citation) · \(s.kind.rawValue) · cited by \(counts[s.id] ?? 0)", first: first, rest: rest)
                if let u = s.url { lines += text.hanging(u, first: rest, rest: rest) }
            }
            emit(lines)
        }
    }
}
