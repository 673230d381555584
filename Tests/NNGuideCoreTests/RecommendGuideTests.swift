import Testing
@testable import NNGuideCore

/// The guide's own decisions, replayed: every worked example and quick-reference row, written as a
/// brief in decisions.yaml, must get the pick the guide gives.
@Suite struct RecommendGuideTests {
    let book = DecisionFixture.book
    let recommender = DecisionFixture.recommender

    func recommend(_ e: GuideExample) throws -> Recommendation {
        try #require(DecisionFixture.real.problems.isEmpty, "decisions.yaml must lint clean: \(DecisionFixture.real.problems)")
        let parsed = e.parsedBrief(book.brief)
        let brief = try #require(parsed.brief, "example \(e.id): \(parsed.problems)")
        return try recommender.recommend(brief)
    }

    @Test func theGuideHasFiveWorkedExamplesAndNineQuickReferenceRows() {
        #expect(book.examples.filter { $0.kind == .worked }.map(\.number).sorted() == [1, 2, 3, 4, 5])
        #expect(book.examples.filter { $0.kind == .quick }.map(\.number).sorted() == Array(1...9))
    }

    @Test(arguments: 1...5) func workedExampleGivesTheGuidesPick(_ n: Int) throws {
        let e = try #require(book.workedExample(n))
        let r = try recommend(e)
        #expect(e.expect.contains(r.pick.id), "example \(n): picked \(r.pick.id), the guide picks \(e.expect)")
        for id in e.whyNot { #expect(r.pick.id != id, "example \(n) must not pick \(id)") }
        #expect(!r.path.isEmpty && !r.because.isEmpty && !r.nextSteps.isEmpty)
    }

    @Test(arguments: 1...9) func quickReferenceRowGivesTheGuidesPick(_ n: Int) throws {
        let e = try #require(book.examples.first { $0.kind == .quick && $0.number == n })
        let r = try recommend(e)
        #expect(e.expect.contains(r.pick.id), "row \(n) (\(e.title)): picked \(r.pick.id), the guide says \(e.expect)")
        // Where the guide names two options, the other one is offered as an alternative.
        for other in e.expect where other != r.pick.id {
            #expect(r.alternatives.contains { $0.id == other }, "row \(n): \(other) should be an alternative")
        }
    }

    @Test func exampleOneStartsWithTheVariantsTheGuideNames() throws {
        let r = try recommend(try #require(book.workedExample(1)))
        #expect(r.pick.variants.contains("EfficientNet-B0") && r.pick.variants.contains("MobileNetV3"))
        #expect(Set(r.whyNot.map(\.id)).isSuperset(of: ["vit", "clip"]))
    }

    @Test func exampleThreeKeepsTheTransformerAsTheUpgradePath() throws {
        let r = try recommend(try #require(book.workedExample(3)))
        #expect(r.pick.variants.first == "GRU")
        #expect(r.alternatives.contains { $0.id == "transformer" })
    }

    @Test func everyWorkedExampleExplainsWhyNotWhatTheGuideRejects() throws {
        for n in 1...5 {
            let e = try #require(book.workedExample(n))
            let r = try recommend(e)
            for id in e.whyNot { #expect(r.whyNot.contains { $0.id == id }, "example \(n): no why-not for \(id)") }
        }
    }
}
