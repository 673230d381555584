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
        #expect(after.status == 0 && after.err.contains("1 record checked: every recorded pick holds"), "\(after.err)")
    }
}
