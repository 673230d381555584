import Foundation
import Testing
@testable import NNGuideCore

/// Issue 23 item 10: output meant for people shows no internals (link markup, bare ids, a default origin).
@Suite struct PeopleOutputTests {
    static let guide: Guide? = try? ContentLoader.load(directory: Fixtures.realContent)

    @Test func glossaryJSONGivesPlainTextAndItsLinksApart() throws {
        let guide = try #require(Self.guide)
        let entry = try #require(guide.glossaryEntry("attention"))
        #expect(entry.definition.contains("[["), "the fixture must hold a link for this test to mean anything")
        let json = try JSONOutput.string(GlossaryEntryJSON(entry, guide: guide))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let definition = try #require(object["definition"] as? String)
        #expect(!definition.contains("[[") && !definition.contains("]]") && !definition.contains("g:"))
        #expect(definition == InlineParser.plain(entry.definition))
        let links = try #require(object["links"] as? [[String: String]])
        #expect(!links.isEmpty)
        for l in links {
            let target = try #require(l["target"])
            #expect(definition.contains(try #require(l["label"])))
            if target.hasPrefix("g:") { #expect(guide.glossaryEntry(String(target.dropFirst(2))) != nil, "\(target)") }
        }
        #expect(object["term"] as? String == entry.term && object["origin"] as? String == entry.origin.rawValue)
    }

    @Test func theCLIGlossaryStatesAnOriginOnlyWhenItIsNotTheGuides() throws {
        let guide = try #require(Self.guide)
        let r = TextRenderer(guide: guide, width: 80)
        let own = try #require(guide.glossary.first { $0.origin == .guide })
        #expect(!r.glossaryEntry(own).contains { $0.hasPrefix("Origin:") })
        if let added = guide.glossary.first(where: { $0.origin == .added }) {
            #expect(r.glossaryEntry(added).contains { $0.hasPrefix("Origin: added") })
        }
    }

    @Test func aRecordNamesWhatToReadByTitleWithTheIdAfter() throws {
        let guide = try #require(Self.guide)
        let brief = try Brief(schema: guide.decisions.brief, ["modality": "tabular", "task": "classification"])
        let r = try Recommender(guide: guide).recommend(brief)
        let id = try #require(r.see.first)
        let title = InlineParser.plain(try #require(guide.breadcrumb(id).last ?? guide.table(id)?.table.title))
        let text = r.text(width: 400)
        let read = try #require(text.components(separatedBy: "\n").drop { $0 != DecisionSection.read.heading }.dropFirst().first)
        #expect(read.contains("\(title) (\(id))"), "\(read)")
        // No id stands alone: every one follows its title.
        for other in r.see { #expect(!read.contains(" \(other);") && !read.hasPrefix("  \(other)"), "\(read)") }
        let md = r.markdown(date: "2026-12-07")
        let line = try #require(md.components(separatedBy: "\n").first { $0.hasPrefix("Sections of the guide") })
        #expect(line.contains(title) && line.contains("`\(id)`"), "\(line)")
    }
}
