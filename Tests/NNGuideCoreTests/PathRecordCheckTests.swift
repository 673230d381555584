import Foundation
import Testing
@testable import NNGuideCore

/// A decision record saved with `e` from answers given by hand (issue 23, fifth retest): it carries the
/// brief those answers imply, whose pick is the one the record shows, so `nnguide check` re-decides it;
/// and a rule changed in the content since then makes check say the pick moved.
@Suite struct PathRecordCheckTests {
    /// The primary tree answered by hand, question by question, as the recommender answers it for `raw`.
    func handPath(_ raw: [String: String], _ guide: Guide) throws -> Navigator {
        let primary = try #require(guide.decisions.primaryTree)
        let followed = Navigator(tree: primary, brief: try Brief(schema: guide.decisions.brief, raw), recommender: Recommender(guide: guide))
        var hand = Navigator(tree: primary, schema: guide.decisions.brief)
        for a in followed.answers { let took = hand.choose(a.option); #expect(took) }
        #expect(hand.brief == nil && hand.isAtLeaf)
        return hand
    }

    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-path-record-\(UUID().uuidString).md").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aRecordFromAnswersChecksCleanThenMovesWithItsRule() throws {
        let guide = try ContentLoader.load(directory: Fixtures.realContent)
        // A phone classifier: no worked example of the guide passes its leaf, so changing it leaves them be.
        let nav = try handPath(["modality": "image", "task": "classification", "samples": "50000", "deploy": "mobile"], guide)
        let shown = try #require(nav.decision(catalog: guide.catalog, guide: guide))
        let md = try #require(nav.record(catalog: guide.catalog, guide: guide, date: "2026-12-07"))
        #expect(md.contains(RecordedDecision.commentOpen), "no block:\n\(md)")
        let path = try write(md)
        let file = try #require(try RecordFile.read(path, schema: guide.decisions.brief), "check would skip it")
        #expect(file.recorded?.pick == shown.pick.id)
        #expect(try RecordCheck.check(file, guide: guide, date: "2026-12-08").holds)

        // The same content with the recorded leaf's pick changed: the record's pick no longer holds.
        let node = try #require(file.recorded?.leaf?.split(separator: "/").last.map(String.init))
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-content-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Fixtures.realContent, toPath: copy)
        let decisions = copy + "/decisions.yaml"
        var text = try String(contentsOfFile: decisions, encoding: .utf8)
        let leaf = try #require(text.range(of: "- id: \(node)\n"), "no leaf \(node)")
        let pick = try #require(text.range(of: "pick: [\(shown.pick.id)]", range: leaf.upperBound..<text.endIndex))
        text.replaceSubrange(pick, with: "pick: [vit]")
        try text.write(toFile: decisions, atomically: true, encoding: .utf8)
        let changed = try ContentLoader.load(directory: copy)
        let moved = try RecordCheck.check(try #require(try RecordFile.read(path, schema: changed.decisions.brief)), guide: changed, date: "2026-12-08")
        #expect(!moved.holds && moved.recorded?.id == shown.pick.id && moved.today.id != shown.pick.id, "\(moved.line)")
        #expect(!moved.why.isEmpty)
    }

    /// "Reproduce with" gives what the answers gave; a field the record says was assumed is not in it
    /// (seventh retest: `--deploy cloud --interpretability helpful` beside "deploy not given: assumed cloud").
    @Test(arguments: [["modality": "tabular", "task": "classification", "samples": "5000"],
                      ["modality": "image", "task": "classification", "samples": "50000", "deploy": "mobile"]])
    func aPathRecordReproducesWhatWasGiven(_ raw: [String: String]) throws {
        let guide = try ContentLoader.load(directory: Fixtures.realContent)
        let nav = try handPath(raw, guide)
        let md = try #require(nav.record(catalog: guide.catalog, guide: guide, date: "2026-12-07"))
        let lines = md.split(separator: "\n").map(String.init)
        let command = try #require(lines.first { $0.hasPrefix("nnguide recommend ") }, "\(md)")
        let assumed = lines.compactMap { l -> String? in
            guard l.hasPrefix("- "), let r = l.range(of: " not given: assumed ") else { return nil }
            return String(l[l.index(l.startIndex, offsetBy: 2)..<r.lowerBound]).replacingOccurrences(of: "\\_", with: "_")
        }
        #expect(!assumed.isEmpty, "nothing assumed:\n\(md)")
        for name in assumed {
            let flag = try #require(guide.decisions.brief[BriefField(name)]?.flag, "\(name)")
            #expect(!command.contains(flag + " ") && !command.hasSuffix(flag), "\(name) assumed but in \(command)")
        }
        #expect(command.contains("--modality ") && command.contains("--task "), "\(command)")
    }

    /// `y` at a pick and the record saved there print one command (issue 23, seventh retest: `y` added the
    /// defaults the walk read, `--deploy cloud`, which the record lists as assumptions instead).
    @Test(arguments: [["modality": "tabular", "task": "classification", "samples": "5000"],
                      ["modality": "image", "task": "classification", "samples": "50000", "deploy": "mobile"]])
    func yAndTheRecordCarryTheSameCommand(_ raw: [String: String]) throws {
        let guide = try ContentLoader.load(directory: Fixtures.realContent)
        let nav = try handPath(raw, guide)
        let y = try #require(try nav.command(with: Recommender(guide: guide))?.get(), "no command for \(raw)").line
        let md = try #require(nav.record(catalog: guide.catalog, guide: guide, date: "2026-12-07"))
        let recorded = try #require(md.split(separator: "\n").first { $0.hasPrefix("nnguide recommend ") }, "\(md)")
        #expect(y == String(recorded), "y: \(y)\nrecord: \(recorded)")
        #expect(md.contains(" not given: assumed "), "nothing was assumed, so nothing tells the two apart:\n\(md)")
    }

    /// Without the guide there is no recommender to decide the brief: no block, rather than a guess.
    @Test func aRecordWithoutTheGuideCarriesNoBlock() throws {
        let guide = try ContentLoader.load(directory: Fixtures.realContent)
        let nav = try handPath(["modality": "image", "task": "classification", "samples": "50000"], guide)
        let md = try #require(nav.record(catalog: guide.catalog, date: "2026-12-07"))
        #expect(!md.contains(RecordedDecision.commentOpen))
    }
}
