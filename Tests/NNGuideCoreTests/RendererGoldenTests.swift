import Foundation
import Testing
@testable import NNGuideCore

/// Renderer output pinned in golden files (Fixtures/golden), one per page, width and style. Each line
/// ends with `|` so trailing spaces show. Re-record on purpose only: `NNGUIDE_RECORD=1 swift test`.
@Suite struct RendererGoldenTests {
    let guide: Guide
    init() throws { guide = try Fixtures.miniGuide() }

    static let recording = ProcessInfo.processInfo.environment["NNGUIDE_RECORD"] == "1"

    func check(_ output: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = Fixtures.golden.appendingPathComponent(name)
        let framed = output.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + "|" }.joined(separator: "\n")
        if Self.recording {
            try FileManager.default.createDirectory(at: Fixtures.golden, withIntermediateDirectories: true)
            try framed.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try #require(try? String(contentsOf: url, encoding: .utf8),
                                    "no golden \(name); record it with NNGUIDE_RECORD=1", sourceLocation: sourceLocation)
        if framed != expected {
            let a = framed.components(separatedBy: "\n"), b = expected.components(separatedBy: "\n")
            let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            Issue.record("\(name) differs at line \(i + 1):\n got: \(i < a.count ? a[i] : "<end>")\nwant: \(i < b.count ? b[i] : "<end>")",
                         sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [80, 40])
    func pages(width: Int) throws {
        let r = TextRenderer(guide: guide, width: width)
        for id in ["intro", "part-a"] {
            try check(try #require(r.render(id: id)), "\(id)-\(width).txt")
        }
    }

    @Test func asciiFallback() throws {
        let r = TextRenderer(guide: guide, width: 40, style: .ascii)
        let text = try #require(r.render(id: "part-a"))
        try check(text, "part-a-40-ascii.txt")
        let nonASCII = text.unicodeScalars.filter { !$0.isASCII }
        #expect(nonASCII.isEmpty)
    }

    @Test(arguments: [80, 40])
    func reference(width: Int) throws {
        let r = TextRenderer(guide: guide, width: width)
        let lines = r.contents() + [""] + r.glossaryList() + [""] + r.glossaryEntry(guide.glossaryEntry("cnn")!)
            + [""] + r.architecture(guide.architecture("vit")!)
            + [""] + r.table(guide.comparisonTable(of: [guide.architecture("cnn")!, guide.architecture("vit")!]))
        try check(r.joined(lines), "reference-\(width).txt")
    }

    @Test func markdownDocument() throws {
        try check(MarkdownRenderer(guide: guide).document(), "guide.md")
    }

    @Test func jsonExport() throws {
        try check(try JSONOutput.string(GuideExport(guide: guide)), "guide.json")
    }
}

/// Properties every rendering must have, whatever the content.
@Suite struct TextLayoutTests {
    @Test(arguments: [20, 27, 40, 63, 80, 132])
    func noLineIsWiderThanTheWidth(width: Int) throws {
        let guide = try Fixtures.miniGuide()
        for style in BoxStyle.allCases {
            let r = TextRenderer(guide: guide, width: width, style: style)
            for line in r.guideText().split(separator: "\n") where !line.hasPrefix("    output =") {
                let w = DisplayWidth.of(line)
                #expect(w <= width, "\(width) \(style): \(line)")
            }
        }
    }

    @Test func columnsGetTheirNaturalWidthWhenThereIsRoom() {
        let rows = [["A", "Bb"], ["ccc", "d"]]
        #expect(TextRenderer.columnWidths(rows, width: 80) == [3, 2])
    }

    @Test func squeezedColumnsFillTheWidthExactly() throws {
        let long = String(repeating: "word ", count: 30)
        let widths = try #require(TextRenderer.columnWidths([["Name", "Text"], ["x", long]], width: 60))
        let used: Int = widths.reduce(0, +) + 7   // "│ " + " │ " + " │"
        #expect(used == 60)
        #expect(widths[0] == 4)
    }

    @Test func tooManyColumnsBecomeCards() throws {
        let guide = try Fixtures.miniGuide()
        let table = try #require(guide.table("wide-table")).table
        #expect(TextRenderer.columnWidths([table.columns] + table.rows, width: 40) == nil)
        let lines = TextRenderer(guide: guide, width: 40).table(table)
        #expect(lines.contains { $0.hasPrefix("── Transformer ") })
        #expect(lines.contains("Inference cost: Medium to high"))
        #expect(!lines.contains { $0.contains("┼") })
    }

    @Test func linksShowAsTheirLabel() throws {
        let guide = try Fixtures.miniGuide()
        let text = try #require(TextRenderer(guide: guide, width: 200).render(id: "intro"))
        #expect(text.contains("It links to the CNN entry, to attention, and to the vision matrix."))
        #expect(!text.contains("[["))
    }

    @Test func boxStyleFollowsTheLocale() {
        #expect(BoxStyle.from(environment: [:]) == .unicode)
        #expect(BoxStyle.from(environment: ["LANG": "en_US.UTF-8"]) == .unicode)
        #expect(BoxStyle.from(environment: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]) == .ascii)
        #expect(BoxStyle.from(environment: ["LANG": "POSIX"]) == .ascii)
    }

    /// The one rule the commands and the explorer share: NNGUIDE_ASCII, then a VT terminal, then the
    /// character set (the terminal's own codeset when the caller has it, else the locale).
    @Test func boxStyleIsOneRuleForCommandsAndExplorer() {
        #expect(BoxStyle.from(environment: ["NNGUIDE_ASCII": "1", "LANG": "en_US.UTF-8"]) == .ascii)
        #expect(BoxStyle.from(environment: ["NNGUIDE_ASCII": "0", "LANG": "C"]) == .unicode)
        #expect(BoxStyle.from(environment: ["TERM": "vt100", "LANG": "en_US.UTF-8"]) == .ascii)
        #expect(BoxStyle.from(environment: ["TERM": "xterm-256color", "LANG": "en_US.UTF-8"]) == .unicode)
        #expect(BoxStyle.from(environment: ["LANG": "en_US.UTF-8"], codeset: "ANSI_X3.4-1968") == .ascii)
        #expect(BoxStyle.from(environment: ["LANG": "C"], codeset: "UTF-8") == .unicode)
        #expect(BoxStyle.from(environment: ["NNGUIDE_ASCII": "1"], codeset: "UTF-8") == .ascii)
    }
}
