import ArgumentParser
import NNGuideCore

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search the whole guide: headings, glossary, catalog, tables, figures and text.",
        usage: "nnguide search [<options>] <query> ...",
        discussion: """
            Every word must match the start of a word (case ignored), so `conv net` finds \
            "convolutional networks", and other forms of a word count ("leakage" finds "leak", \
            "leaking"). Text results are sections holding every word, ranked by how much they are \
            about them (headings count most). Results are grouped by kind, best first, each with \
            where it sits in the guide. When few results come back, --any (any of the words) is suggested. Nothing found \
            exits 1, with a corrected query when one would match.

            Examples:
              nnguide search attention
              nnguide search data augment --limit 3
              nnguide search latency --format json
              nnguide search --any data leakage
            """)
    @OptionGroup var content: ContentOptions
    @OptionGroup var output: OutputOptions
    @Option(parsing: .unconditional, help: ArgumentHelp("Hits shown per group.", valueName: "n"),
            transform: WholeNumber.reader("--limit", "how many hits to show per group, 1 or more"))
    var limit = 10
    @Flag(help: "The broader search: passages holding any of the words, the more the better.") var any = false
    @Argument(help: ArgumentHelp("Words to search for.", valueName: "query")) var query: [String] = []

    func validate() throws {
        if query.joined().allSatisfy({ !$0.isLetter && !$0.isNumber }) {
            throw ValidationError("give one or more words to search for, e.g. `nnguide search attention`")
        }
        if limit < 1 { throw ValidationError("--limit: '\(limit)' is too small; --limit takes how many hits to show per group, 1 or more") }
    }

    func run() throws {
        let guide = try content.load()
        let q = query.joined(separator: " ")
        let results = SearchIndex(guide: guide).search(q, limit: limit, anyWord: any)
        let broader = "nnguide search --any " + query.joined(separator: " ")
        if results.isEmpty {
            if results.suggestion == nil && results.offersBroader { printError("Nothing has every word; '\(broader)' finds passages with any of them.") }
            throw notFound("nothing in the guide matches '\(q)'", suggestions: results.suggestion.map { ["'\($0)'"] } ?? [])
        }
        if results.offersBroader {
            printError("Only \(results.total) result\(results.total == 1 ? "" : "s") with every word; '\(broader)' finds passages with any of them.")
        }
        switch output.format {
        case .text: emit(text(results, output.renderer(guide)))
        case .markdown: emit(MarkdownRenderer.joined(markdown(results)))
        case .json: try emitJSON(JSONResults(results))
        }
    }

    func text(_ results: SearchResults, _ r: TextRenderer) -> [String] {
        var out: [String] = []
        let bold = Terminal.highlights
        for g in results.groups {
            if !out.isEmpty { out.append("") }
            out.append(g.kind.title + (g.total > g.hits.count ? " (\(g.hits.count) of \(g.total))" : " (\(g.total))"))
            for h in g.hits {
                out += r.labelled("  ", h.title, showID(h))
                var crumb = h.breadcrumb.joined(separator: r.style == .ascii ? " > " : " › ")
                if h.passages > 1 { crumb += " (\(h.passages) passages)" }
                if let note = h.spread { crumb += " (\(note))" }   // the explorer's words (SearchHit.spreadNote)
                if !crumb.isEmpty { out += r.hangingLines(crumb, indent: "    ") }
                if h.kind != .heading { out += snippet(h.snippet, width: r.width - 4, bold: bold).map { "    " + $0 } }
            }
        }
        return out
    }

    /// The id `nnguide show` takes for the hit.
    func showID(_ h: SearchHit) -> String { h.showID }

    /// The snippet wrapped, its matches in bold on a terminal.
    func snippet(_ s: SearchSnippet, width: Int, bold: Bool) -> [String] {
        let runs = s.segments.map { StyledRun(String($0.text), $0.isMatch) }
        return TextWrap.wrap(runs, width: width, longWords: .whole).map { line in
            line.map { bold && $0.tag ? "\u{1B}[1m\($0.text)\u{1B}[22m" : $0.text }.joined()
        }
    }

    func markdown(_ results: SearchResults) -> [String] {
        let md = MarkdownText.literal
        var out = ["# Search: \(md(results.query))", ""]
        for g in results.groups {
            out += ["## \(g.kind.title) (\(g.total))", ""]
            for h in g.hits {
                let marked = h.snippet.segments.map { $0.isMatch ? "**\(md(String($0.text)))**" : md(String($0.text)) }.joined()
                out.append("- **\(md(h.title))** \(MarkdownText.code(showID(h))) — \(md(h.breadcrumb.joined(separator: " › ")))" + (h.kind == .heading ? "" : ": " + marked))
            }
            out.append("")
        }
        return out
    }

    struct JSONResults: Encodable {
        struct Hit: Encodable {
            var kind: String, id: String, page_id: String?, title: String, breadcrumb: [String]
            var snippet: String, matches: [[Int]], passages: Int, score: Int
        }
        struct Group: Encodable { var kind: String, title: String, total: Int, hits: [Hit] }
        var query: String, total: Int, groups: [Group]
        init(_ r: SearchResults) {
            query = r.query; total = r.total
            groups = r.groups.map { g in
                Group(kind: g.kind.rawValue, title: g.kind.title, total: g.total, hits: g.hits.map { h in
                    Hit(kind: h.kind.rawValue, id: h.id, page_id: h.pageID, title: h.title, breadcrumb: h.breadcrumb,
                        snippet: h.snippet.text, matches: h.snippet.matchOffsets.map { [$0.lowerBound, $0.upperBound] },
                        passages: h.passages, score: h.score)
                })
            }
        }
    }
}
