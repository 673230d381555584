import Foundation
import Testing

/// Issue 23, the eleventh retest of the shell commands: an unknown command's error has the usage lines
/// every other usage error has; every "Did you mean" is worded in one place (`Suggestion`), right after
/// what is wrong; `recommend`'s Brief line keeps each field with its "(assumed)" when it wraps.
@Suite struct Retest11ShellTests {
    static let content = CLI.packageRoot.appendingPathComponent("Content").path

    /// `nnguide serch foo` said only the did-you-mean; gh and git go on with the usage, as nnguide's
    /// missing argument does ("Usage: ..." and "See '... --help' for more information.").
    @Test(arguments: [["serch", "foo"], ["xyzzy"], ["help", "serch"]])
    func anUnknownCommandEndsWithTheUsage(_ args: [String]) throws {
        let r = try CLI.run(args)
        #expect(r.status == 64, "\(r.err)")
        let lines = r.err.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("nnguide: unknown command '\(args[0] == "help" ? args[1] : args[0])'") == true, "\(r.err)")
        #expect(lines.dropFirst().first?.hasPrefix("Usage: nnguide ") == true, "\(r.err)")
        #expect(lines.last == "  See 'nnguide --help' for more information.", "\(r.err)")
        // The same two lines as a missing argument's, so the two read as one style.
        let missing = try CLI.run(["search"]).err.split(separator: "\n").map(String.init)
        #expect(missing.last?.hasPrefix("  See 'nnguide search --help'") == true && missing[missing.count - 2].hasPrefix("Usage: nnguide search"))
        #expect(r.out.isEmpty)
        if args[0] == "help" { #expect(lines.first?.hasSuffix("Did you mean 'nnguide help search'?") == true, "\(r.err)") }
    }

    /// Every did-you-mean a person meets in the shell reads the same: "Did you mean 'x'?", capitalised,
    /// the name quoted, after what is wrong and before any list of what is valid.
    @Test func everyDidYouMeanReadsTheSame() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-r11-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let brief = dir + "/b.yaml"
        try "modality: image\ntask: classification\nsamplez: 300\n".write(toFile: brief, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["serch", "foo"], "nnguide: unknown command 'serch'. Did you mean 'nnguide search'?"),
            (["toc", "--frmat", "json"], "nnguide: unknown option '--frmat'. Did you mean '--format'?"),
            (["toc", "--format", "jsn"], "nnguide: --format: unknown value 'jsn'. Did you mean 'json'? Valid values: text, markdown, json"),
            (["recommend", "--modality", "imgae", "--task", "classification"], "nnguide: --modality: unknown value 'imgae'. Did you mean 'image'? Valid values: tabular,"),
            (["recommend", "--modality", "image", "--task", "classification", "--deploy", "fone"], "--deploy: unknown value 'fone'. Did you mean 'phone' (mobile)? Valid values:"),
            (["recommend", "--brief", brief], ":3:1: unknown brief field 'samplez'. Did you mean 'samples'? Expected one of: modality,"),
            (["glossary", "attenton"], "nnguide: no glossary term or alias matches 'attenton'. Did you mean 'Attention'?"),
            (["show", "atention"], "is called 'atention'. Did you mean 'g:attention' (Attention)"),
        ]
        for (args, says) in cases {
            let r = try CLI.run(args, content: Self.content)
            #expect(r.err.contains(says), "\(args): \(r.err)")
            #expect(!r.err.contains("did you mean") && !r.err.contains("(Did you mean"), "\(args): a second wording: \(r.err)")
        }
    }

    /// One place words it: no other string in the shell, the core or the form spells "did you mean"
    /// (the explorer's search line, with its Enter hint, is its own view's).
    @Test func oneWordingInOnePlace() throws {
        let sources = CLI.packageRoot.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        var builders: [String] = []
        for f in files where !f.hasSuffix("Views/SearchView.swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(f), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let code = line.components(separatedBy: "//").first ?? ""
                if code.lowercased().contains("did you mean") { builders.append("\(f): \(line)") }
            }
        }
        #expect(builders.count == 1 && builders.first?.hasPrefix("NNGuideCore/Search/EditDistance.swift") == true, "\(builders.joined(separator: "\n"))")
    }

    /// At 40 columns the Brief line broke "deploy=cloud" / "(assumed)": a field and its mark are one group.
    @Test(arguments: [30, 40, 52])
    func aBriefFieldKeepsItsMark(_ width: Int) throws {
        let r = try CLI.run(["recommend", "--modality", "text", "--task", "generation", "--knowledge", "documents", "--width", "\(width)"],
                            content: Self.content)
        #expect(r.status == 0, "\(r.err)")
        let lines = r.lines
        let start = try #require(lines.firstIndex(of: "Brief"))
        let brief = lines[(start + 1)...].prefix { !$0.isEmpty }
        #expect(brief.contains { $0.contains("(assumed)") }, "\(brief)")
        for line in brief {
            #expect(!line.trimmingCharacters(in: .whitespaces).hasPrefix("(assumed)"), "a mark parted from its field at \(width):\n\(brief.joined(separator: "\n"))")
            #expect(!line.hasSuffix("="), "\(line)")
            #expect(!line.contains("\u{E000}"), "the glue is never printed")
        }
    }

    /// README's and the help's install lines, run as written in a new home, failed: the folders were
    /// not there. Each shell's lines make the folder first, and at 40 columns a `mkdir -p` too long for
    /// the line breaks with ` \`, as an nnguide example does, so it is still copied whole.
    @Test func completionInstallLinesMakeTheirFolderFirst() throws {
        let wide = try CLI.run(["completions", "--help"], content: nil, environment: ["COLUMNS": "80"]).lines
        for (shell, folder) in [("bash", "~/.local/share/bash-completion/completions"), ("zsh", "~/.zfunc"), ("fish", "~/.config/fish/completions")] {
            let write = try #require(wide.firstIndex { $0.hasPrefix("  nnguide completions \(shell) > \(folder)/") }, "\(wide)")
            #expect(wide[write - 1] == "  mkdir -p \(folder)", "\(shell): \(wide[write - 1])")
        }
        let narrow = try CLI.run(["completions", "--help"], content: nil, environment: ["COLUMNS": "40"]).lines
        let mkdir = try #require(narrow.firstIndex { $0.hasPrefix("  mkdir -p") })
        #expect(narrow[mkdir] == "  mkdir -p \\" && narrow[mkdir + 1] == "    ~/.local/share/bash-completion/completions", "\(narrow)")
        #expect(narrow.allSatisfy { !$0.hasPrefix("  ~/") }, "a path cut from its command: \(narrow)")
    }

    /// A missing file was "brief file not found" to recommend and "not found" to check: one wording,
    /// the one cat and less use, and exit 66 from each.
    @Test func aMissingFileReadsTheSameEverywhere() throws {
        let missing = "/nonexistent-cli12/nope.yaml"
        for args in [["recommend", "--brief", missing], ["recommend", "--modality", "image", "--task", "classification", "--against", missing], ["check", missing]] {
            let r = try CLI.run(args, content: Self.content)
            #expect(r.status == 66 && r.err == "nnguide: \(missing): no such file (no folder /nonexistent-cli12)\n", "\(args): \(r.status) \(r.err)")
        }
    }

    /// `nnguide compare transformer` suggested "nnguide compare transformer transformer".
    @Test func oneEntryToCompareIsOfferedAnother() throws {
        let r = try CLI.run(["compare", "transformer"], content: Self.content)
        #expect(r.status == 64 && r.err.contains("`nnguide compare transformer cnn`"), "\(r.err)")
        let cnn = try CLI.run(["compare", "cnn"], content: Self.content)
        #expect(cnn.status == 64 && cnn.err.contains("`nnguide compare cnn transformer`"), "\(cnn.err)")
    }
}
