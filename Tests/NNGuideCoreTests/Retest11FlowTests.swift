import Testing
@testable import NNGuideCore

/// The eleventh retest's worst friction (issue 23): the primary flow could not tell 800 labels from 20,000.
/// Its data question now has an answer under 1,000 (the guide's data-quantity threshold), whose pick says
/// the under-1,000 band's advice as the recommender says it for the brief; `y` gives a stand-in inside the
/// band the answer names. Each test fails on the old content (no "Very few labels" answer to take).
@Suite struct Retest11FlowTests {
    static let guide = try? ContentLoader.load(directory: Fixtures.realContent)

    /// Images or video, Classify what is there, then the data answer starting with `data`.
    func path(_ guide: Guide, data: String) throws -> Navigator {
        var nav = Navigator(tree: try #require(guide.decisions.primaryTree), schema: guide.decisions.brief)
        for answer in ["Images or video", "Classify what is there", data] {
            let i = try #require(nav.current.options.firstIndex { $0.answer.hasPrefix(answer) }, "no answer '\(answer)' at \(nav.current.id)")
            let took = nav.choose(i); #expect(took)
        }
        #expect(nav.isAtLeaf)
        return nav
    }

    @Test func veryFewLabelsIsItsOwnAnswerWithAStandInUnder1000() throws {
        let guide = try #require(Self.guide)
        let nav = try path(guide, data: "In the cloud or on GPU servers: very few labels")
        let c = try #require(try nav.command(with: Recommender(guide: guide))?.get())
        #expect(c.line.contains("--samples 500"), "\(c.line)")
        #expect(c.notes.contains { $0.contains("any samples under 1,000 gives that answer (the command says 500)") }, "\(c.notes)")
        // The pick says what changes: the band's reason and warning, as the form's pick says them.
        let d = try #require(nav.decision(catalog: guide.catalog, guide: guide))
        #expect(d.pick.id == "cnn")
        #expect(d.warnings.contains { $0.text.contains("With under 1,000 labels") && $0.text.contains("frozen features") && $0.source?.label.contains("samples 500") == false }, "\(d.warnings.map(\.text))")
        #expect(d.because.contains { $0.text.contains("Under a thousand labels") }, "\(d.because.map(\.text))")
        #expect(d.because.contains { $0.text.contains("classical baseline") })
    }

    @Test func limitedLabelsSaysItsRangeAndNoBandItOnlySamples() throws {
        let guide = try #require(Self.guide)
        let nav = try path(guide, data: "In the cloud or on GPU servers: limited labels (1,000 to ~100,000)")
        let c = try #require(try nav.command(with: Recommender(guide: guide))?.get())
        #expect(c.line.contains("--samples 50000"), "\(c.line)")
        #expect(c.notes.contains { $0.contains("any samples from 1,000 up to 100,000 gives that answer (the command says 50000)") }, "\(c.notes)")
        let d = try #require(nav.decision(catalog: guide.catalog, guide: guide))
        #expect(!d.warnings.contains { $0.text.contains("under 1,000") }, "\(d.warnings.map(\.text))")
        #expect(!d.because.contains { $0.text.contains("Most families are viable at this size") }, "a stand-in spoke for the 10k-100k band")
    }

    /// `nnguide recommend` agrees: 800 and 20,000 labels take different answers, and 800 brings the band's warning.
    @Test func theRecommenderTellsEightHundredFromTwentyThousand() throws {
        let guide = try #require(Self.guide)
        let r = Recommender(guide: guide)
        func decide(_ n: String) throws -> Decision {
            try r.decide(Brief.make(["modality": "image", "task": "classification", "deploy": "cloud", "samples": n], schema: guide.decisions.brief))
        }
        let few = try decide("800"), many = try decide("20000")
        #expect(few.steps.contains { $0.answer.contains("very few labels") })
        #expect(many.steps.contains { $0.answer.contains("limited labels") })
        #expect(few.warnings.contains { $0.text.contains("With under 1,000 labels") })
        #expect(!many.warnings.contains { $0.text.contains("With under 1,000 labels") })
        #expect(few.pick.id == "cnn" && many.pick.id == "cnn")
        #expect(few.guidePick == nil, "the guide's own flow reaches the same pick: no departure to report")
    }
}
