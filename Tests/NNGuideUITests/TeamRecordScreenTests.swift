import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI
@testable import NNGuideEffects

/// Issue 24 in the explorer, on the shipped guide with the example overlay (Content/overlays/example-acme):
/// the recommendation screen says when the team's rules moved the pick, and a brief saved with `w`
/// carries the `decided:` record `nnguide check` reads.
@Suite struct TeamRecordScreenTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Content").path
    static let base: Guide? = try? ContentLoader.load(directory: content)
    static let acme: Guide? = base.flatMap { base in
        let (g, problems) = OverlayMerge.apply([content + "/overlays/example-acme"], to: base, guideDirectory: content)
        return problems.errors.isEmpty ? g : nil
    }

    /// The brief form with modality text and task retrieval, which the example overlay's house default moves.
    func retrieval(_ guide: Guide?) throws -> AppState {
        let g = try #require(guide, "Content/ or the example overlay does not load")
        let s = press(AppState(library: Library(guide: g), width: 80, height: 24), keys("d3", "4j9"))
        try #require(s.decide.form.values[.task] == .choice("retrieval"), "the shipped guide's task list moved: \(shown(s))")
        return s
    }

    @Test func theRecommendationSaysWhenTheTeamsRulesMovedThePick() throws {
        let lines = render(press(try retrieval(Self.acme), keys("r"))).lines
        let moved = try #require(lines.firstIndex { $0.contains("Team rules moved the pick: without the overlays it would be BM25;") },
                                 "\(lines.joined(separator: "\n"))")
        // Near the pick: after its line, before the first section.
        let pick = try #require(lines.firstIndex { $0.contains("Pick: Sentence embeddings") })
        let why = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == DecisionSection.because.heading })
        #expect(pick < moved && moved < why)
        // Without the overlay nothing moved it, and the screen says nothing of it.
        #expect(!shown(press(try retrieval(Self.base), keys("r"))).contains("Team rules moved"))
    }

    @Test func aBriefSavedWithWRecordsWhatItDecidedAndChecks() throws {
        let dir = try TempDir()
        let acme = try #require(Self.acme), base = try #require(Self.base)
        let (s, commands, _) = dir.runner.settle(try retrieval(acme), .key(.char("w"), at: 0))
        #expect(commands.count == 1)
        let path = try #require(s.decide.form.file)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("modality: text\ntask: retrieval\ndecided:\n  pick: sentence-embeddings\n"), "\(text)")
        #expect(text.contains("  date: 2024-05-01\n") && text.contains("  overlays: [\"Acme platform\"]\n"), "\(text)")
        let file = try #require(try RecordFile.read(path, schema: acme.decisions.brief))
        #expect(try RecordCheck.check(file, guide: acme, date: "2024-05-02").holds)
        // Without the overlay the pick moves, and the check says which rules stopped firing.
        let moved = try RecordCheck.check(file, guide: base, date: "2024-05-02")
        #expect(!moved.holds && moved.today.id == "bm25")
        #expect(moved.why.contains { $0.contains("acme-embeddings (retrieval)") }, "\(moved.why)")
        // A brief without a pick yet is saved as its fields alone.
        let other = try TempDir()
        let (partial, _, _) = other.runner.settle(press(AppState(library: Library(guide: acme), width: 80, height: 24), keys("d3", "4")),
                                                   .key(.char("w"), at: 0))
        let partialPath = try #require(partial.decide.form.file)
        #expect(try String(contentsOfFile: partialPath, encoding: .utf8) == "modality: text\n")
    }
}
