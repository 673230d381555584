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
        let s = press(AppState(library: Library(guide: g), width: 80, height: 24), keys("d3", "4", Key.down, "9"))
        try #require(s.decide.draft.values[.task] == .choice("retrieval"), "the shipped guide's task list moved: \(shown(s))")
        return s
    }

    @Test func theRecommendationSaysWhenTheTeamsRulesMovedThePick() throws {
        let lines = render(press(try retrieval(Self.acme), [.ctrl("r")])).lines
        let moved = try #require(lines.firstIndex { $0.contains("Team rules moved the pick: without the overlays it would be BM25;") },
                                 "\(lines.joined(separator: "\n"))")
        // Near the pick: after its line, before the first section.
        let pick = try #require(lines.firstIndex { $0.contains("Pick: Sentence embeddings") })
        let why = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == DecisionSection.because.heading })
        #expect(pick < moved && moved < why)
        // Without the overlay nothing moved it, and the screen says nothing of it.
        #expect(!shown(press(try retrieval(Self.base), [.ctrl("r")])).contains("Team rules moved"))
    }

    @Test func aBriefSavedWithCtrlSRecordsWhatItDecidedAndChecks() throws {
        let dir = try TempDir()
        let acme = try #require(Self.acme), base = try #require(Self.base)
        let (s, commands, _) = dir.runner.settle(try retrieval(acme), .key(.ctrl("s"), at: 0))
        #expect(commands.count == 1)
        let path = try #require(s.decide.draft.file)
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
                                                   .key(.ctrl("s"), at: 0))
        let partialPath = try #require(partial.decide.draft.file)
        #expect(try String(contentsOfFile: partialPath, encoding: .utf8) == "modality: text\n")
    }

    /// Saving the same brief again on another day brings its record up to date in the same file, and
    /// says what it recorded when the pick moved; a file someone edited by hand is never written over.
    @Test func theSameBriefSavedAgainUpdatesItsRecordInPlace() throws {
        let dir = try TempDir()
        let acme = try #require(Self.acme), base = try #require(Self.base)
        func runner(_ day: String) -> CommandRunner {
            CommandRunner(files: DecisionFiles(stateDirectory: dir.path("state"), workingDirectory: dir.path("cwd"), today: { day }),
                          store: StateStore(directory: dir.path("state")))
        }
        let (first, _, _) = runner("2024-05-01").settle(try retrieval(acme), .key(.ctrl("s"), at: 0))
        let path = try #require(first.decide.draft.file)
        // The next day, without the overlay: the pick moves, and the file is the same.
        let (again, _, _) = runner("2024-05-02").settle(try retrieval(base), .key(.ctrl("s"), at: 0))
        #expect(again.decide.draft.file == path)
        #expect(again.message?.hasPrefix("Pick moved from Sentence embeddings with a light head") == true, "\(again.message ?? "")")
        #expect(again.message?.contains("on 2024-05-01; updated text-retrieval.yaml") == true, "\(again.message ?? "")")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("modality: text\ntask: retrieval\ndecided:\n  pick: bm25\n") && text.contains("  date: 2024-05-02\n"), "\(text)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("state/briefs")).filter { $0.hasSuffix(".yaml") } == ["text-retrieval.yaml"])
        // Another day, the same pick: updated, with no word of a move.
        let (third, _, _) = runner("2024-05-03").settle(try retrieval(base), .key(.ctrl("s"), at: 0))
        #expect(third.message?.hasPrefix("Updated brief text-retrieval.yaml") == true, "\(third.message ?? "")")
        // A comment added by hand makes it another file: the next save leaves it alone.
        let edited = "# our search brief\n" + (try String(contentsOfFile: path, encoding: .utf8))
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let (fourth, _, _) = runner("2024-05-04").settle(try retrieval(base), .key(.ctrl("s"), at: 0))
        #expect(fourth.decide.draft.file == dir.path("state/briefs/text-retrieval-2.yaml"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == edited)
    }

    /// A brief kept as a draft on quitting holds its fields and no `decided:` pick: nobody decided
    /// it (eleventh retest: a draft's block read as the saved brief's old one); ^S records one.
    @Test func aDraftKeptOnQuittingRecordsNoPick() throws {
        let dir = try TempDir()
        let (s, commands, _) = dir.runner.settle(try retrieval(Self.acme), .key(.ctrl("c"), at: 0))
        #expect(s.quit && commands.contains { if case .keepDraft = $0 { true } else { false } })
        let draft = dir.path("state/briefs/drafts/text-retrieval.yaml")
        let text = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(text == "modality: text\ntask: retrieval\n", "\(text)")
    }
}
