import Foundation
import Testing
@testable import NNGuideCore

/// The fifth retest's command-line frictions (issue 23): check on a file that is no record, `--open`'s
/// "did you mean", `--against`'s column names, ids kept whole at 40 columns, and --deploy's aliases.
@Suite struct CLIFrictionTests {
    static let content = CLI.packageRoot.appendingPathComponent("Content").path

    func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-fixcli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A file named that has no block is said to be one, by name, with 66; nothing checked never passes.
    @Test func checkOnAFileWithoutABlockSaysSoAndFails() throws {
        let dir = try folder()
        let path = dir + "/decision-cnn-2026-12-07.md"
        try "# Decision record: a CNN\n\n- Date: 2026-12-07\n".write(toFile: path, atomically: true, encoding: .utf8)
        let named = try CLI.run(["check", path], content: Self.content)
        #expect(named.status == 66, "\(named.status) \(named.err)")
        #expect(named.err.contains("\(path): no nnguide-record block: not a record nnguide wrote"), "\(named.err)")
        #expect(!named.err.contains("every recorded pick holds"), "\(named.err)")
        let scanned = try CLI.run(["check", dir], content: Self.content)
        #expect(scanned.status == 66 && scanned.err.contains("no records checked"), "\(scanned.status) \(scanned.err)")
        #expect(!scanned.err.contains("every recorded pick holds"))
        // Beside a record that holds, a README found in the folder is still skipped quietly.
        // (A brief with no pick is not a record that holds, eighth retest: `--update` records one first.)
        try "modality: text\ntask: retrieval\n".write(toFile: dir + "/search.yaml", atomically: true, encoding: .utf8)
        #expect(try CLI.run(["check", dir + "/search.yaml", "--update"], content: Self.content).status == 0)
        let mixed = try CLI.run(["check", dir], content: Self.content)
        #expect(mixed.status == 0 && mixed.out.contains("1 brief checked"), "\(mixed.status) \(mixed.out)")
    }

    @Test func openSuggestsTheGlossaryTermAsGlossaryDoes() throws {
        let open = try CLI.run(["--open", "g:attenshun"], content: Self.content)
        #expect(open.status == 1 && open.err.contains("Did you mean 'g:attention' (Attention)"), "\(open.err)")
        let glossary = try CLI.run(["glossary", "attenshun"], content: Self.content)
        #expect(glossary.status == 1 && glossary.err.contains("Did you mean 'Attention'"), "\(glossary.err)")
    }

    /// Seventh retest: a word spelt as it sounds, four typos from the term, got no suggestion from
    /// search or glossary; both now offer the word meant.
    @Test func searchAndGlossarySuggestAWordSpeltAsItSounds() throws {
        let search = try CLI.run(["search", "atenshun"], content: Self.content)
        #expect(search.status == 1 && search.err.contains("Did you mean 'attention'?"), "\(search.err)")
        let glossary = try CLI.run(["glossary", "atenshun"], content: Self.content)
        #expect(glossary.status == 1 && glossary.err.contains("Did you mean 'Attention'"), "\(glossary.err)")
        let nonsense = try CLI.run(["search", "xqzvbk"], content: Self.content)
        #expect(nonsense.status == 1 && !nonsense.err.contains("Did you mean"), "\(nonsense.err)")
    }

    @Test func againstNamesColumnsByStemAndKeepsThemWhole() throws {
        let dir = try folder()
        let (a, b) = (dir + "/server-image-classifier-brief.yaml", dir + "/phone-image-classifier-brief.yaml")
        try "modality: image\ntask: classification\ndeploy: cloud\n".write(toFile: a, atomically: true, encoding: .utf8)
        try "modality: image\ntask: classification\ndeploy: mobile\n".write(toFile: b, atomically: true, encoding: .utf8)
        let r = try CLI.run(["recommend", "--brief", a, "--against", b, "--width", "80"], content: Self.content)
        #expect(r.status == 0, "\(r.err)")
        let header = try #require(r.lines.first { $0.contains("server-image") }, "\(r.out)")
        #expect(header.contains("server-image-classifier-brief") && header.contains("phone-image-classifier-brief"), "\(r.out)")
        #expect(!r.out.contains(".yaml"), "\(r.out)")
    }

    /// At 40 columns, "(deep-dive-transformer-limitations)," is a cell too long for its indented line.
    /// The seventh retest broke it at a hyphen; the eighth says an id is one word: it stands whole on
    /// a line of its own (giving up a cell of its indent) and no line ends at a hyphen.
    @Test func glossaryAtFortyColumnsKeepsIdsWhole() throws {
        let r = try CLI.run(["glossary", "attention"], content: Self.content, environment: ["COLUMNS": "40"])
        #expect(r.status == 0)
        #expect(r.lines.contains { $0.trimmingCharacters(in: .whitespaces) == "(deep-dive-transformer-limitations)," }, "\(r.out)")
        #expect(r.lines.filter { $0.hasSuffix("-") }.isEmpty, "\(r.out)")
    }

    /// The values' other spellings, from the schema (so they follow the content, not the help text).
    @Test func deployHelpListsItsAliases() throws {
        let r = try CLI.run(["recommend", "--help"], content: Self.content, environment: ["COLUMNS": "80"])
        let schema = try ContentLoader.load(directory: Self.content).decisions.brief
        let deploy = try #require(schema[BriefField("deploy")])
        let help = r.out.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        for v in deploy.values where !v.aliases.isEmpty {
            #expect(help.contains("\(v.value) (or \(v.aliases.joined(separator: ", ")))"), "\(v.value): \(r.out)")
        }
        #expect(deploy.values.contains { $0.aliases.contains("phone") })
        #expect(r.out.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(r.out)")
    }
}
