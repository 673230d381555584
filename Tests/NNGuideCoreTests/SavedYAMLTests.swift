import Foundation
import Testing
@testable import NNGuideCore

/// Issue 23: what nnguide writes for people to read and keep (saved briefs, records, JSON).
@Suite struct SavedYAMLTests {
    static let guide: Guide? = try? ContentLoader.load(directory: Fixtures.realContent)

    /// A saved brief's `decided:` record wrote `leaf: "primary\/tabular-glassbox"`: JSON's optional
    /// escape of `/`. Written plainly now; a file written with it still reads the same.
    @Test func aSavedBriefHasNoEscapedSlashAndOldFilesStillRead() throws {
        let guide = try #require(Self.guide)
        let brief = try Brief(schema: guide.decisions.brief, ["modality": "tabular", "task": "classification", "notes": "churn a/b test"])
        let decision = try Recommender(guide: guide).recommend(brief).decision
        let record = RecordedDecision(decision, date: "2026-12-07")
        let leaf = try #require(record.leaf)
        #expect(leaf.contains("/"), "the leaf names its tree: \(leaf)")
        let saved = brief.yaml + record.yaml.joined(separator: "\n") + "\n"
        #expect(!saved.contains("\\/"), "\(saved)")
        #expect(saved.contains("leaf: \"\(leaf)\"") && saved.contains("notes: \"churn a/b test\""), "\(saved)")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("brief-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for text in [saved, saved.replacing("/", with: "\\/")] {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let file = try #require(try RecordFile.read(path, schema: guide.decisions.brief))
            #expect(file.recorded?.leaf == leaf && file.values[BriefField("notes")] == .text("churn a/b test"), "\(text)")
        }
    }

    /// `show`, `compare` and `glossary` JSON: the text a reader sees, the links apart with titles.
    @Test func peopleJSONTurnsMarkupIntoTextAndListsTheLinks() throws {
        let guide = try #require(Self.guide)
        let page = try #require(guide.page("deep-dive-cnn")?.page)
        #expect(page.blocks.contains { if case .paragraph(let p) = $0 { return InlineParser.hasLink(p) }; return false },
                "the page must hold a link for this test to mean anything")
        let json = try PeopleJSON.string(["page": page], guide: guide)
        #expect(!json.contains("[[") && !json.contains("]]"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let links = try #require(object["links"] as? [[String: String]])
        #expect(!links.isEmpty)
        for l in links {
            let target = try #require(l["target"]), title = try #require(l["title"], "\(target) has no title")
            let label = try #require(l["label"])
            #expect(title == guide.title(ofLink: target) && json.contains(label), "\(l)")
        }
        #expect(Set(links.map { $0["target"]! }).count == links.count, "each target once")
    }
}
