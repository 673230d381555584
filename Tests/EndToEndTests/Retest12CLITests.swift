import Foundation
import Testing

/// The twelfth retest (issue 23), the shell's leftovers (cli13).
@Suite struct Retest12CLITests {
    static let content = CLI.packageRoot.appendingPathComponent("Content").path

    /// A misspelt id is offered its near miss on the error's own `nnguide:` line, right after what is
    /// wrong, as values, options and commands are; "Did you mean" stood on a line of its own.
    @Test func anIdsDidYouMeanIsOnTheErrorLine() throws {
        let cases: [([String], String)] = [
            (["show", "splts"], "nnguide: nothing in the guide is called 'splts'. Did you mean 'splits' (Train/Test Splits That Don't Lie)? (`nnguide toc` lists every id"),
            (["compare", "cnn", "vitt"], "nnguide: no catalog entry is called 'vitt'. Did you mean 'vit' ("),
            (["glossary", "atenshun"], "nnguide: no glossary term or alias matches 'atenshun'. Did you mean 'Attention'? (`nnguide glossary` lists them all"),
        ]
        for (args, says) in cases {
            let r = try CLI.run(args, content: Self.content)
            #expect(r.status == 1)
            let lines = r.err.split(separator: "\n").map(String.init)
            #expect(lines.contains(where: { $0.hasPrefix(says) }), "\(args): \(r.err)")
            #expect(lines.allSatisfy { $0.hasPrefix("nnguide: ") }, "\(args): a line of its own: \(r.err)")
        }
    }

    static let briefs: [[String]] = [
        ["--modality", "text", "--task", "generation", "--knowledge", "documents", "--deploy", "cloud"],
        ["--modality", "text", "--task", "generation"],
        ["--modality", "image", "--task", "classification", "--samples", "500"],
        ["--modality", "tabular", "--task", "classification", "--samples", "30000", "--interpretability", "required"],
        ["--modality", "audio", "--task", "classification", "--samples", "800"],
        ["--modality", "image", "--task", "detection", "--deploy", "mobile"],
        ["--modality", "time-series", "--task", "forecasting"],
    ]

    /// No sentence of the text output is said twice (the RAG pick's departure and its second Why
    /// bullet were the same four lines), and a flag stays with its value at a wrap ("--deploy" /
    /// "mobile)" were split), at 80 and 40 columns.
    @Test(arguments: briefs) func saidOnceAndFlagsKeptWithTheirValues(_ brief: [String]) throws {
        for width in ["80", "40"] {
            let r = try CLI.run(["recommend"] + brief + ["--width", width], content: Self.content)
            guard r.status == 0 else { continue }
            let lines = r.out.split(separator: "\n").map(String.init)
            let text = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            var seen: Set<String> = []
            for sentence in text.components(separatedBy: ". ") where sentence.count > 60 {
                #expect(seen.insert(sentence).inserted, "\(brief) at \(width): said twice: \(sentence)")
            }
            let flips = Array(lines.drop { $0 != "What would change the pick" }.prefix { !$0.isEmpty })
            for (l, next) in zip(flips, flips.dropFirst()) {
                let last = l.split(separator: " ").last.map(String.init) ?? ""
                let value = next.split(separator: " ").first.map(String.init) ?? ""
                #expect(!(last.hasPrefix("--") && value.hasSuffix(")")), "\(brief) at \(width): a flag parted from its value: \(l) / \(next)")
            }
        }
    }

    /// A bad brief file and a bad flag together: both are reported (only the flag's was).
    @Test func aBadFileAndABadFlagAreReportedTogether() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-r12-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bad = dir + "/bad.yaml"
        try "modality: imgae\ntask: classification\nsamplez: 300\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try CLI.run(["recommend", "--brief", bad, "--samples", "x"], content: Self.content)
        #expect(r.status == 64)
        #expect(r.err.contains("unknown brief field 'samplez'") && r.err.contains("unknown value 'imgae'"), "the file's problems: \(r.err)")
        #expect(r.err.contains("--samples: 'x' is not a number"), "the flag's: \(r.err)")
    }

    /// `glossary attention` at 40 columns: Related, Used in and See hang at one indent, and a
    /// "Title (id)" that fits a line is not parted ("Newer" / "techniques (newer-techniques)").
    @Test(arguments: [40, 80]) func glossaryListsShareOneIndent(_ width: Int) throws {
        let r = try CLI.run(["glossary", "attention"], content: Self.content, environment: ["COLUMNS": "\(width)"])
        #expect(r.status == 0, "\(r.err)")
        var indents: Set<Int> = []
        for label in ["Related:", "Used in:", "See:"] {
            let block = try #require(ShellText9Tests.block(label, in: r.lines), "\(r.out)")
            for line in block.dropFirst() { indents.insert(line.prefix { $0 == " " }.count) }
            if block[0] != label { indents.insert(block[0].dropFirst(label.count).prefix { $0 == " " }.count + label.count) }
        }
        #expect(indents.count == 1, "at \(width): indents \(indents.sorted()):\n\(r.out)")
        #expect(r.lines.contains { $0.contains("Newer techniques (newer-techniques)") }, "at \(width):\n\(r.out)")
    }
}
