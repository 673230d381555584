import Foundation
import Testing

/// Help that the parser wraps, and errors in one style, through the real binary.
@Suite(.enabled(if: ExplorerPaths.haveBinary, "needs .build/debug/nnguide (make test builds it)"))
struct CLIStyleTests {
    /// The subcommands `nnguide --help` lists.
    static func subcommands() throws -> [String] {
        let help = try CLI.run(["--help"], content: nil, environment: ["COLUMNS": "80"]).out
        let after = help.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        return after.split(separator: "\n").compactMap { line in
            line.hasPrefix("  ") && !line.hasPrefix("   ") ? line.split(separator: " ").first.map(String.init) : nil
        }.filter { $0 != "help" && $0 != "See" }
    }

    /// No paragraph of the overview is broken before the width: each line ends only where the next
    /// word would not have fitted on it (discussion text with hard line breaks came out as "With /
    /// a term, prints / the entry" at 80 columns).
    @Test func helpParagraphsWrapAtTheWidth() throws {
        let subs = try Self.subcommands()
        #expect(subs.count >= 8, "\(subs)")
        for sub in [""] + subs {
            let r = try CLI.run((sub.isEmpty ? [] : [sub]) + ["--help"], content: nil, environment: ["COLUMNS": "80"])
            let overview = r.out.components(separatedBy: "USAGE:").first ?? ""
            let lines = overview.components(separatedBy: "\n")
            for (a, b) in zip(lines, lines.dropFirst()) {
                #expect(a.count <= 80, "\(sub) --help: wider than 80: \(a)")
                // Prose lines only: examples and lists are indented, headings end with a colon.
                guard !a.isEmpty, !b.isEmpty, !a.hasPrefix(" "), !b.hasPrefix(" "), !a.hasSuffix(":") else { continue }
                let next = b.prefix { $0 != " " }
                // The parser keeps the last column free, so a line is full at 79.
                #expect(a.count + 1 + next.count > 79, "\(sub) --help breaks a line early: '\(a)' / '\(b)'")
            }
        }
    }

    @Test func theHiddenBenchIsNotListed() throws {
        #expect(!(try Self.subcommands()).contains("bench"))
    }

    func expectError(_ args: [String], content: String? = CLI.mini, status: Int32 = 64, says: String, usage: String?) throws {
        let r = try CLI.run(args, content: content)
        let what = args.joined(separator: " ")
        #expect(r.status == status, "\(what): exit \(r.status)")
        #expect(r.err.hasPrefix("nnguide: "), "\(what): \(r.err)")
        #expect(!r.err.contains("Error:"), "\(what): \(r.err)")
        #expect(r.err.contains(says), "\(what): \(r.err)")
        if let usage { #expect(r.err.contains("Usage: \(usage) "), "\(what): not the usage of \(usage): \(r.err)") }
        #expect(r.out.isEmpty, "\(what): wrote to stdout")
    }

    @Test func usageErrorsShowTheSubcommandsUsage() throws {
        try expectError(["compare", "cnn"], says: "catalog entry", usage: "nnguide compare")
        try expectError(["recommend", "--example", "9"], content: ExplorerPaths.content, says: "no such worked example", usage: "nnguide recommend")
        try expectError(["show"], says: "show: which item?", usage: "nnguide show")
        try expectError(["toc", "--bogus"], says: "unknown option '--bogus'", usage: "nnguide toc")
    }

    @Test func aNegativeNumberIsExplained() throws {
        for flag in ["--latency-ms", "--samples"] {
            try expectError(["recommend", "--modality", "text", "--task", "generation", flag, "-5"], content: ExplorerPaths.content,
                            says: "'-5' is negative", usage: "nnguide recommend")
        }
    }

    @Test func aFileGivenForTheContentFolderIsNamed() throws {
        let file = CLI.mini + "/glossary.yaml"
        for args in [["show", "x"], ["lint"], ["toc"]] {
            try expectError(args, content: file, says: "--content: \(file) is a file, not a folder", usage: "nnguide \(args[0])")
        }
    }
}
