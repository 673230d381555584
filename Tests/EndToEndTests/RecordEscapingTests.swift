import Foundation
import Testing

/// The decision record with hostile notes: everything the user typed comes out as text once rendered,
/// and "Reproduce with" run by a shell gives back the same brief, notes and all.
@Suite(.enabled(if: ExplorerPaths.haveBinary, "needs .build/debug/nnguide (make test builds it)"))
struct RecordEscapingTests {
    static let content = ExplorerPaths.content
    static let notes = "<script>alert(1)</script> *bold* _under_ `tick and it's mAP@0.5 | pipe\n# not a heading\n```\n- not a list\n> not a quote"

    func record(_ extra: [String] = []) throws -> String {
        let r = try CLI.run(["recommend", "--modality", "text", "--task", "generation", "--notes", Self.notes, "--format", "markdown"] + extra,
                            content: Self.content)
        try #require(r.status == 0, "\(r.err)")
        return r.out
    }

    @Test(.enabled(if: MarkdownExportTests.pandoc != nil, "pandoc is not installed (.ci/run installs it)"))
    func userTextStaysText() throws {
        let html = try MarkdownExportTests.html(try record())
        #expect(!html.contains("<script>"), "the notes' HTML is live")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<em>bold</em>") && !html.contains("<em>under</em>"), "the notes' emphasis is live")
        #expect(!html.contains("mailto:"))
        #expect(!html.contains(">not a heading</h"), "a notes line became a heading")
        #expect(!html.contains("<li>not a list"), "a notes line became a list")
        #expect(!html.contains("<blockquote>\n<p>not a quote"), "a notes line became a quote")
        // Exactly one h1: the title.
        #expect(html.components(separatedBy: "<h1").count == 2)
    }

    /// The command in the fenced block, run by sh, reproduces the brief the record was made from.
    @Test func reproduceWithIsAShellCommandThatReproduces() throws {
        let lines = try record().components(separatedBy: "\n")
        let open = try #require(lines.firstIndex { $0.hasPrefix("```") && $0.hasSuffix("sh") }, "no sh block")
        let fence = String(lines[open].prefix { $0 == "`" })
        let close = try #require(lines[(open + 1)...].firstIndex { $0 == fence }, "the sh block is not closed")
        var command = lines[(open + 1)..<close].joined(separator: "\n")
        #expect(command.hasPrefix("nnguide recommend "))
        command = TmuxPane.quote(ExplorerPaths.binary) + command.dropFirst("nnguide".count)
            + " --format json --content " + TmuxPane.quote(Self.content)
        let r = runTool("/bin/sh", ["-c", command], environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": ExplorerPaths.tempDir()])
        #expect(r.status == 0, "\(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let brief = try #require(json["brief"] as? [String: Any])
        #expect(brief["notes"] as? String == Self.notes)
        #expect(brief["modality"] as? String == "text")
    }
}
