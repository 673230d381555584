import Foundation
import Testing

/// The whole guide exported as Markdown by the real binary, read the way Markdown is read: through
/// pandoc's GitHub-flavoured reader when pandoc is installed (`.ci/run` installs it), and line by
/// line for the details a renderer or a linter trips over.
@Suite struct MarkdownExportTests {
    static let content = CLI.packageRoot.appendingPathComponent("Content").path
    static let pandoc = ExplorerPaths.which("pandoc")

    static func export() throws -> String {
        let r = try CLI.run(["export", "--format", "markdown"], content: content)
        try #require(r.status == 0, "export failed: \(r.err)")
        return r.out
    }

    /// HTML from GFM, as GitHub renders it (heading ids derived from the text, autolinks on).
    static func html(_ markdown: String) throws -> String {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-md-\(UUID().uuidString).md")
        try markdown.write(to: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: input) }
        let r = runTool(try #require(pandoc), ["-f", "gfm", "-t", "html", input.path])
        try #require(r.status == 0, "pandoc failed: \(r.err)")
        return r.out
    }

    static func ids(_ html: String) -> [String] {
        html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test(.enabled(if: pandoc != nil, "pandoc is not installed (.ci/run installs it)"))
    func everyAnchorIsUniqueOnceRendered() throws {
        let html = try Self.html(try Self.export())
        let ids = Self.ids(html)
        let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(ids.count > 100, "the export has its anchors")
        #expect(repeated.isEmpty, "ids that appear twice: \(repeated)")
        // The link the guide writes as #output-contract lands on Part 7's section of that id.
        let toc = try CLI.run(["toc", "--format", "json"], content: Self.content)
        let pages = try #require(try JSONSerialization.jsonObject(with: Data(toc.out.utf8)) as? [[String: Any]])
        let title = try #require(pages.first { $0["id"] as? String == "output-contract" }?["title"] as? String)
        let at = try #require(html.range(of: "id=\"output-contract\""))
        let heading = html[at.upperBound...].prefix(300)
        #expect(heading.replacingOccurrences(of: "\n", with: " ").contains(title), "#output-contract lands on: \(heading)")
        #expect(!html.contains("mailto:"), "text was turned into an e-mail link")
        #expect(html.contains("<code>"), "the guide's code spans stay code")
    }

    /// Every command's Markdown ends with one newline: no blank line a linter (MD012) flags.
    @Test(arguments: [["show", "a:cnn"], ["show", "g:attention"], ["show", "part-5"], ["glossary"], ["glossary", "attention"],
                      ["search", "attention"], ["compare", "cnn", "vit"], ["compare"], ["toc"]])
    func noTrailingBlankLine(_ args: [String]) throws {
        let r = try CLI.run(args + ["--format", "markdown"], content: Self.content)
        #expect(r.status == 0, "\(args): \(r.err)")
        #expect(r.out.hasSuffix("\n") && !r.out.hasSuffix("\n\n"), "\(args) ends with a blank line")
    }

    @Test func markdownDetails() throws {
        let md = try Self.export()
        let lines = md.components(separatedBy: "\n")
        #expect(md.hasSuffix("\n") && !md.hasSuffix("\n\n"), "ends with one newline, no blank line")
        var inFence = false
        for (i, line) in lines.enumerated() where line.hasPrefix("```") || line.hasPrefix("~~~~") {
            if !inFence { #expect(line != "```" && line != "~~~~", "line \(i + 1): a fence without a language") }
            inFence.toggle()
        }
        for i in lines.indices.dropFirst(2) where lines[i].hasPrefix(">") && lines[i - 1].isEmpty && lines[i - 2].hasPrefix(">") {
            Issue.record("line \(i + 1): two quotes with only a blank line between them")
        }
        let deepDives = lines.filter { $0.hasPrefix("Deep-dive: [") }
        #expect(!deepDives.isEmpty)
        for d in deepDives {
            let label = d.dropFirst("Deep-dive: [".count).prefix { $0 != "]" }
            #expect(!label.hasPrefix("deep-dive-"), "a deep-dive link shows its id: \(d)")
        }
        #expect(!md.contains("\\`nnguide"), "a code span in the guide's text shows escaped backticks")
        #expect(md.contains("mAP\\@0.5"), "mAP@0.5 would be an e-mail link in GFM")
    }
}
