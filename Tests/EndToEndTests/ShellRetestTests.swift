import Foundation
import Testing

/// Issue 23, the third retest's shell items (5 and 6): `recommend --help` has examples as every command
/// does, `recommend --json` names what its ids stand for, the `--against` table never breaks a file
/// name mid-word, and a value after a switch says it is a switch. Runs the built binary on Content/.
@Suite struct ShellRetestTests {
    func run(_ args: [String]) throws -> CLI.Result { try CLI.run(args, content: ExplorerPaths.content) }

    /// The commands `nnguide --help` lists (hidden ones are not listed).
    func commands() throws -> [String] {
        let help = try run(["--help"]).out.components(separatedBy: "\n")
        let start = try #require(help.firstIndex { $0.hasPrefix("SUBCOMMANDS:") })
        // A command's line starts two spaces in ("  toc, contents, list   List ..."); its description
        // wraps onto lines further in.
        return help[(start + 1)...].prefix { !$0.isEmpty }.filter { !$0.hasPrefix("   ") }
            .compactMap { $0.split(whereSeparator: { $0 == " " || $0 == "," }).first.map(String.init) }
    }

    @Test func everyCommandsHelpHasExamples() throws {
        let names = try commands()
        #expect(names.contains("recommend") && names.count >= 10, "\(names)")
        for name in names where name != "completions" {
            let help = try run([name, "--help"])
            #expect(help.out.contains("Examples:\n  nnguide \(name)"), "nnguide \(name) --help has no Examples section")
        }
    }

    @Test func recommendJSONNamesWhatItsIdsStandFor() throws {
        let r = try run(["recommend", "--modality", "tabular", "--task", "classification", "--json"])
        #expect(r.status == 0, "\(r.err)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let see = try #require(o["see"] as? [[String: Any]], "see is not a list of objects")
        #expect(!see.isEmpty)
        for s in see { #expect(s["id"] is String && !((s["title"] as? String) ?? "").isEmpty, "\(s)") }
        let whyNot = try #require(o["why_not"] as? [[String: Any]])
        #expect(!whyNot.isEmpty)
        for w in whyNot { #expect(w["id"] is String && !((w["name"] as? String) ?? "").isEmpty && w["reason"] is String, "\(w)") }
    }

    @Test(arguments: [60, 80])
    func theAgainstTableNeverBreaksAFileNameMidWord(width: Int) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-against-names-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (a, b) = (dir + "/tabular-classification.yaml", dir + "/tabular-classification-2.yaml")
        try "modality: tabular\ntask: classification\n".write(toFile: a, atomically: true, encoding: .utf8)
        try "modality: tabular\ntask: classification\ndeploy: mobile\n".write(toFile: b, atomically: true, encoding: .utf8)
        let r = try run(["recommend", "--brief", a, "--against", b, "--width", "\(width)"])
        #expect(r.status == 0, "\(r.err)")
        // The header's cells, line by line: each piece of a name ends at a separator or the name's end.
        let header = r.lines.drop { !$0.hasPrefix("┌") }.dropFirst().prefix { !$0.hasPrefix("╞") }
        if header.isEmpty {
            // Too narrow for a grid that keeps every name whole (eighth retest): cards, each line led by
            // a brief's file stem, whole.
            #expect(r.lines.contains { $0.hasPrefix("tabular-classification: ") }
                    && r.lines.contains { $0.hasPrefix("tabular-classification-2: ") }, "\(r.out)")
            #expect(!r.lines.contains { $0.hasSuffix("tabular-") || $0.hasSuffix("classification-") }, "\(r.out)")
            return
        }
        let pieces = header.map { $0.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) } }
        for column in [1, 2] {
            let parts = pieces.compactMap { $0.count > column ? $0[column] : nil }.filter { !$0.isEmpty }
            for part in parts.dropLast() {
                #expect(part.hasSuffix("-") || parts[parts.firstIndex(of: part)! + 1].hasPrefix("."), "a name broke mid-word: \(parts)")
            }
        }
        // Named by the file's stem (issue 23, fifth retest: ".yaml" made the header break).
        #expect(pieces.map { $0.count > 1 ? $0[1] : "" }.joined() == "tabular-classification", "\(header)")
    }

    @Test(arguments: ["streaming", "pretrained", "multilingual"])
    func aValueAfterASwitchNamesTheSwitchAndItsForms(_ name: String) throws {
        let brief = ["recommend", "--modality", "text", "--task", "classification"]
        for given in [["--\(name)", "yes"], ["--no-\(name)", "no"], ["--\(name)=yes"]] {
            let r = try run(brief + given)
            #expect(r.status == 64, "\(given): \(r.status)")
            let first = r.err.components(separatedBy: "\n").first ?? ""
            #expect(first.contains("is a switch") && first.contains("give --\(name) for yes or --no-\(name) for no"), "\(given): \(r.err)")
        }
    }

    @Test func aValueAfterASwitchWithoutAnInversionSaysItStandsAlone() throws {
        let r = try run(["toc", "--ascii", "yes"])
        #expect(r.status == 64)
        #expect(r.err.hasPrefix("nnguide: --ascii is a switch and takes no value (got 'yes')"), "\(r.err)")
    }
}
