import Foundation
import Testing

/// What the eighth retest of issue 23 tripped on at the shell: `check` on a brief that records no
/// pick said "every recorded pick holds" and exited 0.
@Suite(.enabled(if: ExplorerPaths.haveBinary, "needs .build/debug/nnguide (make test builds it)"))
struct Retest8CLITests {
    func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "retest8-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func checkOnABriefWithNoPickSaysNothingWasChecked() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let brief = dir + "/phone-brief.yaml"
        try "modality: image\ntask: classification\ndeploy: mobile\n".write(toFile: brief, atomically: true, encoding: .utf8)
        let r = try CLI.run(["check", brief], content: ExplorerPaths.content)
        #expect(r.status == 66, "\(r.out)\(r.err)")
        #expect(r.err.contains("nnguide: nothing checked: \(brief) records no pick"), "\(r.err)")
        #expect(!r.err.contains("holds"), "\(r.err)")
        let json = try CLI.run(["check", brief, "--json"], content: ExplorerPaths.content)
        #expect(json.status == 66)
        let outcomes = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(outcomes.count == 1 && outcomes.allSatisfy { $0["holds"] == nil }, "\(json.out)")
        // Recording today's pick is an action: --update still exits 0, and then check has a pick to check.
        #expect(try CLI.run(["check", brief, "--update"], content: ExplorerPaths.content).status == 0)
        let after = try CLI.run(["check", brief], content: ExplorerPaths.content)
        #expect(after.status == 0 && after.out.contains("1 brief checked: every recorded pick holds"), "\(after.out)")
    }

    /// An id is one word (eighth retest): "(deep-dive-transformer-" / "limitations)" no more, at any width.
    @Test(arguments: [["glossary", "attention"], ["show", "g:attention"], ["glossary", "transformer"]])
    func anIdIsNeverSplitAtItsHyphen(_ args: [String]) throws {
        for width in [36, 40, 52] {
            let r = try CLI.run(args, content: ExplorerPaths.content, environment: ["COLUMNS": "\(width)"])
            #expect(r.status == 0, "\(r.err)")
            for line in r.lines { #expect(!line.hasSuffix("-"), "\(args) at \(width): split at a hyphen: '\(line)'\n\(r.out)") }
        }
        let r = try CLI.run(["glossary", "attention"], content: ExplorerPaths.content, environment: ["COLUMNS": "40"])
        #expect(r.out.contains("(deep-dive-transformer-limitations),"), "\(r.out)")
    }

    /// `--against` kept "EfficientNet-" / "Lite0" apart while the left column had room; its summary
    /// read "Changed alone, samples, deploy would change…".
    @Test func againstKeepsNamesWholeAndSaysWhatAloneChangesThePick() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "modality: image\ntask: classification\ndeploy: cloud\nsamples: 500000\n".write(toFile: dir + "/server.yaml", atomically: true, encoding: .utf8)
        try "modality: image\ntask: classification\ndeploy: mobile\nsamples: 3000\n".write(toFile: dir + "/phone.yaml", atomically: true, encoding: .utf8)
        for width in stride(from: 40, through: 80, by: 2) {
            let r = try CLI.run(["recommend", "--brief", dir + "/server.yaml", "--against", dir + "/phone.yaml"],
                                content: ExplorerPaths.content, environment: ["COLUMNS": "\(width)"])
            #expect(r.status == 0, "\(r.err)")
            for name in ["EfficientNet-Lite0", "MobileNetV4-Conv-S", "Convolutional"] {
                #expect(r.out.contains(name), "\(name) split at \(width):\n\(r.out)")
            }
            for line in r.lines { #expect(!line.trimmingCharacters(in: CharacterSet(charactersIn: " │")).hasSuffix("-"), "split at \(width): '\(line)'") }
            let said = r.out.split(separator: "\n").joined(separator: " ")
            #expect(said.contains("Changing samples alone, or deploy alone, would change the first brief's pick"), "\(width): \(r.out)")
        }
    }

    /// One error style for every option (eighth retest): "nnguide: --opt: what is wrong; what would
    /// work", exit 64. `--example two` said "nnguide: 'two' is not a number; --example takes…" and
    /// `--width 5` "nnguide: --width must be 20 or more (got 5)".
    @Test(arguments: [
        (["recommend", "--samples", "lots", "--modality", "image", "--task", "classification"], "--samples"),
        (["recommend", "--example", "two"], "--example"),
        (["recommend", "--example", "9"], "--example"),
        (["glossary", "attention", "--width", "5"], "--width"),
        (["toc", "--width", "abc"], "--width"),
        (["search", "x", "--limit", "many"], "--limit"),
        (["search", "x", "--limit", "0"], "--limit"),
        (["lint", "--stale", "soon"], "--stale"),
        (["lint", "--stale", "--as-of", "2026"], "--as-of"),
        (["lint", "--as-of", "2026-12"], "--as-of"),
        (["recommend", "--modality", "image", "--task", "classification", "--json", "--format", "markdown"], "--json"),
    ])
    func everyOptionErrorNamesTheOptionFirst(_ c: (args: [String], option: String)) throws {
        let r = try CLI.run(c.args, content: ExplorerPaths.content)
        #expect(r.status == 64, "\(c.args): \(r.status) \(r.err)")
        let first = r.err.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("nnguide: \(c.option): "), "\(c.args): \(first)")
        #expect(first.contains(";"), "\(c.args): says what is wrong, then what would work: \(first)")
    }
}
