import Foundation
import Testing
@testable import NNGuideCore

/// `--against`: two briefs side by side, and which fields made them differ (checked by re-running).
@Suite struct BriefComparisonTests {
    let recommender = DecisionFixture.recommender

    @Test func theDifferingFieldsAreListedAndTheDecidingOnesFoundByRerunning() throws {
        let a = Brief.make(["modality": "image", "task": "classification", "samples": "50000"])
        let b = Brief.make(["modality": "image", "task": "classification", "samples": "5000", "deploy": "edge"])
        let c = try BriefComparison(a, b, labels: ("a.yaml", "b.yaml"), recommender: recommender)
        #expect(c.differences.map(\.field) == ["samples", "deploy"])
        for d in c.differences {
            var changed = a
            changed[d.field] = b[d.field]
            let alone = try recommender.decide(changed).pick
            let base = try recommender.decide(a).pick
            #expect(d.changesPick == (alone.id != base.id || alone.title != base.title), "\(d.field)")
        }
        let (ra, rb) = (try recommender.recommend(a), try recommender.recommend(b))
        #expect(c.a.pick == ra.pick && c.b.pick == rb.pick)
        let text = c.text(width: 80, style: .ascii, guide: DecisionFixture.real.guide!)
        #expect(text.contains("a.yaml") && text.contains("b.yaml") && text.contains(c.a.pick.title) && text.contains(c.b.pick.title))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(c.json().utf8)) as? [String: Any])
        #expect((json["differences"] as? [[String: Any]])?.count == 2)
        #expect(c.markdown(date: "2026-11-29").contains("| deploy"))
    }

    @Test func theSameBriefHasNoDifferences() throws {
        let a = Brief.make(["modality": "text", "task": "generation"])
        let c = try BriefComparison(a, a, labels: ("a", "b"), recommender: recommender)
        #expect(c.differences.isEmpty)
        #expect(c.text(width: 40, style: .ascii, guide: DecisionFixture.real.guide!).contains("The two briefs are the same."))
    }
}
