import Foundation
import Testing
@testable import NNGuideCore

/// The thirteenth retest (issue 23): a start list whose items have commas of their own; the record's
/// `latency\_ms`; "The picks differ." over one family; a missing file with no way forward; "a output";
/// the RAG pick's reason said twice. Each fails on the code or content before the fix.
@Suite struct Retest13Tests {
    static let guide = try? ContentLoader.load(directory: Fixtures.realContent)

    @Test func aStartListWhoseItemsHaveCommasIsJoinedBySemicolons() {
        #expect(VariantList.line(["MobileNet at 0.25 width, 96x96 input, int8", "MCUNet"]) == "MobileNet at 0.25 width, 96x96 input, int8; MCUNet")
        // Commas inside brackets are the bracket's: the list keeps its commas.
        #expect(VariantList.line(["BM25 (Elasticsearch, OpenSearch)", "a re-ranker"]) == "BM25 (Elasticsearch, OpenSearch), a re-ranker")
        #expect(VariantList.line(["PatchCore", "PaDiM"]) == "PatchCore, PaDiM")
    }

    /// Every shipped start list: joined by semicolons where an item has its own comma, else by commas.
    @Test func everyShippedStartListSplitsBackIntoItsItems() throws {
        let guide = try #require(Self.guide)
        for tree in guide.decisions.trees {
            for node in tree.nodes {
                let items = node.variants
                guard items.count > 1 else { continue }
                let line = VariantList.line(items)
                // Semicolons exactly when an item has a comma of its own; commas only when none has.
                let own = items.contains(where: VariantList.hasOwnComma)
                #expect(line == items.joined(separator: own ? "; " : ", "), "\(node.id): \(line)")
            }
        }
    }

    @Test func anUnderscoreInsideAWordIsNotEscaped() {
        #expect(MarkdownText.literal("latency_ms not given") == "latency_ms not given")
        #expect(MarkdownText.literal("_emphasis_ and snake_case") == "\\_emphasis\\_ and snake_case")
        #expect(MarkdownText.literal("trailing_") == "trailing\\_")
    }

    @Test func theIndefiniteArticleFitsTheWord() {
        #expect(Article.a("output") == "an output" && Article.a("task") == "a task" && Article.a("interpretability") == "an interpretability")
    }

    @Test func aMissingFileSaysWhereItLooked() throws {
        let dir = FileManager.default.temporaryDirectory.path
        #expect(Path.missing("/nonexistent-13/nope.yaml") == "no such file (no folder /nonexistent-13)")
        #expect(Path.missing(dir + "/nope-13.yaml") == "no such file (\(dir) holds no nope-13.yaml)")
        #expect(Path.missing("nope-13.yaml").hasPrefix("no such file in /"))
    }

    /// Two briefs whose picks are one family under two leaves: not "The picks differ.".
    @Test func theSameFamilyUnderAnotherLeafIsSaidSo() throws {
        let guide = try #require(Self.guide)
        let r = Recommender(guide: guide)
        let phone = try Brief.make(["modality": "image", "task": "classification", "deploy": "mobile", "samples": "800"], schema: guide.decisions.brief)
        let cloud = try Brief.make(["modality": "image", "task": "classification", "deploy": "cloud", "samples": "800"], schema: guide.decisions.brief)
        let c = try BriefComparison(phone, cloud, labels: ("phone", "cloud"), recommender: r)
        let verdict = c.verdict.joined(separator: " ")
        #expect(!verdict.contains("The picks differ."), "\(verdict)")
        #expect(verdict.contains("same family (cnn)"), "\(verdict)")
    }

    /// The RAG pick's reasons: the answer's and the leaf's say different things (both said that
    /// re-indexing replaces retraining).
    @Test func theRAGReasonsSayDifferentThings() throws {
        let guide = try #require(Self.guide)
        let d = try Recommender(guide: guide).decide(Brief.make(["modality": "text", "task": "generation", "knowledge": "documents"], schema: guide.decisions.brief))
        let said = d.because.map { $0.text.lowercased() }.filter { $0.contains("retrain") }
        #expect(said.count <= 1, "\(said)")
    }
}
