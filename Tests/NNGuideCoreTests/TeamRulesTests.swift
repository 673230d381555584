import Foundation
import Testing
@testable import NNGuideCore

/// A team's rules in the recommender (issue 24), with the example overlay over the real guide.
@Suite struct TeamRulesTests {
    func decide(_ guide: Guide, _ values: [String: String]) throws -> Decision {
        let schema = guide.decisions.brief
        var v: [BriefField: BriefValue] = [:]
        for (k, s) in values { v[BriefField(k)] = try schema.parse(BriefField(k), s) }
        return try Recommender(guide: guide).decide(try Brief(schema: schema, values: v))
    }

    @Test func aTeamRuleMovesThePickAndSaysSo() throws {
        let brief = ["modality": "text", "task": "retrieval"]
        let before = try decide(OverlayTests.base, brief)
        let after = try decide(OverlayTests.acme, brief)
        #expect(before.pick.id == "bm25" && before.overlayPick == nil)
        #expect(after.pick.id == "sentence-embeddings")
        let moved = try #require(after.overlayPick)
        #expect(moved.id == "bm25")
        #expect(moved.why.hasPrefix("team rule (Acme platform): "))
        #expect(after.because.contains { $0.text.hasPrefix("team rule (Acme platform): Retrieval at Acme") })
        #expect(after.overlays == ["Acme platform"])
        // The guide's own pick leaves the team's rules out as it leaves nnguide's additions out.
        #expect(after.guidePick?.id == before.guidePick?.id)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Recommendation(after))) as? [String: Any]
        let without = try #require(json?["without_overlays"] as? [String: Any])
        #expect(without["id"] as? String == "bm25")
        #expect(Recommendation(after).render(.text, width: 80, date: "2026-12-07").contains("Team rules moved the pick"))
    }

    @Test func theLicenceRuleLeavesAGPLVariantsOut() throws {
        let brief = ["modality": "image", "task": "detection", "deploy": "edge"]
        let before = try decide(OverlayTests.base, brief)
        let after = try decide(OverlayTests.acme, brief)
        #expect(before.pick.id == "detector" && after.pick.id == "detector")
        #expect(before.pick.variants.contains { $0.contains("AGPL") })
        #expect(!after.pick.variants.isEmpty && !after.pick.variants.contains { $0.contains("AGPL") })
        let reasons = after.because.filter { $0.text.hasPrefix("team rule (Acme platform): AGPL-3.0") }
        #expect(reasons.count == 1)
        #expect(reasons.first?.text.contains("Left out of the start-with list: YOLO") == true)
        #expect(reasons.first?.evidence.sources == ["gnu-agpl-3"])
    }
}
