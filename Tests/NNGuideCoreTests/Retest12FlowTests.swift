import Testing
@testable import NNGuideCore

/// The twelfth retest (issue 23), the primary flow: "cloud" was no answer to the image data question, 800 and
/// 20,000 labels gave the same heading, variants and start, and "Quadratic attention cost" did not say what
/// to use instead. Each test fails on the old content (no cloud wording, no deploy in the answers' conditions,
/// no image-few-labels node, no note in the limitations section).
@Suite struct Retest12FlowTests {
    static let guide = try? ContentLoader.load(directory: Fixtures.realContent)

    /// The eleventh retest's walk: images, classification, then the data answer starting with `data`.
    func path(_ guide: Guide, data: String) throws -> Navigator { try Retest11FlowTests().path(guide, data: data) }

    /// The data answers say where they run, and `y` carries --deploy cloud for them.
    @Test func theDataAnswersSayCloudAndTheCommandCarriesIt() throws {
        let guide = try #require(Self.guide)
        let tree = try #require(guide.decisions.primaryTree)
        let node = try #require(tree.node("image-data"))
        #expect(node.question?.contains("cloud") == true, "\(node.question ?? "")")
        for prefix in ["In the cloud or on GPU servers: very few", "In the cloud or on GPU servers: limited"] {
            let nav = try path(guide, data: prefix)
            let c = try #require(try nav.command(with: Recommender(guide: guide))?.get())
            #expect(c.line.contains("--deploy cloud"), "\(c.line)")
        }
    }

    /// Under 1,000 labels has its own pick: its own title and start, and the recommender reaches it for 800.
    @Test func eightHundredLabelsHasItsOwnPick() throws {
        let guide = try #require(Self.guide)
        let nav = try path(guide, data: "In the cloud or on GPU servers: very few")
        #expect(nav.isAtLeaf)
        #expect(nav.current.id == "image-few-labels")
        let r = Recommender(guide: guide)
        func decide(_ n: String) throws -> Decision {
            try r.decide(Brief.make(["modality": "image", "task": "classification", "deploy": "cloud", "samples": n], schema: guide.decisions.brief))
        }
        let few = try decide("800"), many = try decide("20000")
        #expect(few.leaf.node == "image-few-labels" && few.refinedBy == nil)
        #expect(few.pick.id == "cnn")
        #expect(few.pick.title != many.pick.title)
        #expect(few.pick.variants != many.pick.variants)
        #expect(few.pick.variants.contains { $0.contains("DINOv2") && $0.contains("linear probe") }, "\(few.pick.variants)")
        #expect(few.pick.variants.first?.contains("ConvNeXt") == true, "the pick is a CNN: its start comes first: \(few.pick.variants)")
        #expect(few.nextSteps.contains { $0.contains("k-fold cross-validation") }, "\(few.nextSteps)")
        // The command line without --deploy walks the same answers (cloud is the default).
        let bare = try r.decide(Brief.make(["modality": "image", "task": "classification", "samples": "800"], schema: guide.decisions.brief))
        #expect(bare.leaf == few.leaf)
        // Devices and CPU servers still take their own answers first.
        let phone = try r.decide(Brief.make(["modality": "image", "task": "classification", "deploy": "mobile", "samples": "800"], schema: guide.decisions.brief))
        #expect(phone.leaf.node == "image-edge")
    }

    /// Task 2: the limitations section says what to use instead and links the guide's sections on it.
    @Test func quadraticAttentionCostSaysWhatToUseInstead() throws {
        let guide = try #require(Self.guide)
        let entry = try #require(guide.page("deep-dive-transformer-limitations"))
        let text = entry.page.blocks.flatMap(\.texts).joined(separator: " ")
        for needle in ["FlashAttention", "sliding-window", "linear attention", "Mamba", "|newer-techniques]]", "|variants-text-long-context]]"] {
            #expect(text.contains(needle), "no \(needle)")
        }
    }
}
