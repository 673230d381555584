import Foundation
import Testing

/// `nnguide recommend --brief a.yaml --against b.yaml`, and flips in the command's output.
@Suite struct AgainstCommandTests {
    func files() throws -> (String, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-against-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "modality: image\ntask: classification\nsamples: 50000\n".write(toFile: dir + "/server.yaml", atomically: true, encoding: .utf8)
        try "modality: image\ntask: classification\nsamples: 50000\ndeploy: edge\n".write(toFile: dir + "/phone.yaml", atomically: true, encoding: .utf8)
        return (dir + "/server.yaml", dir + "/phone.yaml")
    }

    @Test func twoBriefsSideBySideInEveryFormat() throws {
        let (a, b) = try files()
        let text = try RecommendRun.run(["--brief", a, "--against", b])
        #expect(text.status == 0, "\(text.err)")
        // Columns are named by the files' stems (issue 23, fifth retest: ".yaml" split each header).
        #expect(text.out.contains("server") && text.out.contains("phone") && !text.out.contains(".yaml"), "\(text.out)")
        #expect(text.out.contains("deploy *"), "deploy alone changes the pick: \(text.out)")
        let json = try RecommendRun.run(["--brief", a, "--against", b, "--format", "json"])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let diffs = try #require(obj["differences"] as? [[String: Any]])
        #expect(diffs.count == 1 && diffs.first?["field"] as? String == "deploy" && diffs.first?["changes_pick"] as? Bool == true)
        let md = try RecommendRun.run(["--brief", a, "--against", b, "--format", "markdown"])
        #expect(md.out.hasPrefix("# Two briefs compared"))
        // A missing second brief cannot be opened (66, sysexits EX_NOINPUT), naming the file.
        let missing = try RecommendRun.run(["--brief", a, "--against", a + ".nope"])
        #expect(missing.status == 66 && missing.err.contains(".nope"))
        // A second brief no one could answer (translation of a table) is refused at the task's line, as the first is.
        let table = (b as NSString).deletingLastPathComponent + "/table.yaml"
        try "modality: tabular\ntask: translation\n".write(toFile: table, atomically: true, encoding: .utf8)
        let refused = try RecommendRun.run(["--brief", a, "--against", table])
        #expect(refused.status == 65 && refused.err.contains("table.yaml:2") && refused.err.contains("task translation does not apply to modality tabular"), "\(refused.err)")
        let example = try RecommendRun.run(["--example", "1", "--against", b])
        #expect(example.status == 64)
    }

    @Test func everyJSONFlipIsWhatTheCommandReturnsWithThatOneChange() throws {
        let base = ["--modality", "image", "--task", "classification", "--samples", "50000"]
        let r = try RecommendRun.run(base + ["--format", "json"])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let flips = try #require(obj["flips"] as? [[String: Any]])
        #expect(!flips.isEmpty)
        // Issue 20: flips change constraints only, and their values are typed (numbers as numbers, switches as booleans).
        #expect(!flips.contains { ["modality", "task"].contains($0["field"] as? String ?? "") }, "\(flips)")
        for f in flips.prefix(6) {
            let field = try #require(f["field"] as? String)
            var args = base
            let flag = "--" + field.replacingOccurrences(of: "_", with: "-")
            let raw = f["value"]
            if ["streaming", "pretrained"].contains(field) {
                #expect(!(raw is String), "\(field): \(String(describing: raw)) should be a boolean")
                let on = (raw as? Bool) ?? ((raw as? NSNumber)?.boolValue ?? false)
                args += [on ? flag : "--no-" + flag.dropFirst(2)]
            } else if ["samples", "nodes", "latency_ms"].contains(field) {
                #expect(!(raw is String), "\(field): \(String(describing: raw)) should be a number")
                let value = (raw as? NSNumber)?.stringValue ?? "\(raw ?? "")"
                if let i = args.firstIndex(of: flag) { args[i + 1] = value } else { args += [flag, value] }
            } else {
                let value = try #require(f["value"] as? String)
                if let i = args.firstIndex(of: flag) { args[i + 1] = value } else { args += [flag, value] }
            }
            let again = try RecommendRun.run(args + ["--format", "json"])
            let pick = (try JSONSerialization.jsonObject(with: Data(again.out.utf8)) as? [String: Any])?["pick"] as? [String: Any]
            #expect(pick?["id"] as? String == f["pick"] as? String, "\(args)")
        }
        let text = try RecommendRun.run(base)
        #expect(text.out.contains("What would change the pick"))
        let md = try RecommendRun.run(base + ["--format", "markdown"])
        #expect(md.out.contains("## What would change the pick"))
    }
}
