import Foundation
import Testing
import NNGuideCore

/// Issue 23 item 8, on the command line: a flag (or a brief file's field) that does not apply to the
/// brief's modality is a warning on standard error naming it, never an error, and the pick is unchanged.
@Suite struct FieldAppliesCLITests {
    @Test func aFlagThatDoesNotApplyIsWarnedAboutAndIgnored() throws {
        let plain = try RecommendRun.run(["--modality", "image", "--task", "classification", "--format", "json"])
        let r = try RecommendRun.run(["--modality", "image", "--task", "classification", "--nodes", "500", "--context", "long", "--format", "json"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("nnguide: warning: --nodes does not apply to modality image (only to graph); it is ignored"), "\(r.err)")
        #expect(r.err.contains("nnguide: warning: --context does not apply to modality image"), "\(r.err)")
        #expect(plain.err.isEmpty, "\(plain.err)")
        let a = try JSONSerialization.jsonObject(with: Data(plain.out.utf8)) as? [String: Any]
        let b = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        #expect((a?["pick"] as? [String: Any])?["id"] as? String == (b?["pick"] as? [String: Any])?["id"] as? String)
        #expect((b?["warnings"] as? [String])?.contains("nodes does not apply to modality image (only to graph) and was ignored.") == true)
        // Where it applies, no warning.
        let graph = try RecommendRun.run(["--modality", "graph", "--task", "classification", "--nodes", "500"])
        #expect(graph.status == 0 && !graph.err.contains("warning"), "\(graph.err)")
    }

    @Test func aBriefFilesFieldIsNamedByItsLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-applies-\(UUID().uuidString).yaml")
        try "modality: tabular\ntask: classification\ncontext: long\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try RecommendRun.run(["--brief", file.path])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("nnguide: warning: \(file.path):3") && r.err.contains("context does not apply to modality tabular"), "\(r.err)")
    }
}
