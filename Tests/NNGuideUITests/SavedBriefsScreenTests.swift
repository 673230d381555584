import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// The saved briefs list and the comparison of two (`v` twice), as golden screens with roles: the
/// list's selection bar is the screen's meaning. The folder's listing is handed in as the loop's
/// command result would bring it, so the screen does not depend on a temporary folder's name.
@Suite struct SavedBriefsScreenTests {
    /// The fields in the schema's order, as the runner lists them.
    static let order = Fixture.guide.decisions.brief.fields.map(\.field)
    static let listed = [
        SavedBrief(path: "/b/text-generation.yaml", values: [.modality: .choice("text"), .task: .choice("generation")], problem: nil, modified: Date(), order: order),
        SavedBrief(path: "/b/text-classification.yaml", values: [.modality: .choice("text"), .task: .choice("classification"), .samples: .number(500)], problem: nil, modified: Date(), order: order),
    ]

    static let screens: [(String, [Key])] = [
        ("decide-saved-briefs", keys("j")),
        ("decide-saved-briefs-versus", keys("v", "j", "v")),
    ]

    @Test(arguments: screens)
    func screen(_ name: String, _ path: [Key]) {
        for (w, h) in ScreenTests.sizes {
            var s = press(Fixture.state(w, h), keys("d5"))
            s = update(s, .done(.briefsListed(Self.listed, folder: "/b"), to: s.topAsker)).0
            s = press(s, path)
            #expect(s.violations().isEmpty, "\(name) \(w)x\(h): \(s.violations())")
            expectGolden(s, "\(name)-\(w)x\(h)", roles: true)
        }
    }

    /// The comparison runs the recommender for each brief and each differing field: it is worked out
    /// once for the two briefs, and frames, fits and scrolling read the one kept.
    @Test func theComparisonIsWorkedOutOnceNotPerFrame() throws {
        var s = press(Fixture.state(80, 24), keys("d5"))
        s = update(s, .done(.briefsListed(Self.listed, folder: "/b"), to: s.topAsker)).0
        s = press(s, keys("v", "j", "v"))
        let misses = try #require(s.decide.top as? BriefComparisonScreen).compared.misses
        #expect(misses == 1)
        let first = render(s)
        for _ in 0..<2 {
            s = press(s, [.resize(width: 80, height: 24)])
            #expect(render(s).lines == first.lines)
        }
        s = press(s, keys("j", "k"))
        let after = try #require(s.decide.top as? BriefComparisonScreen)
        #expect(after.compared.misses == misses, "the comparison was worked out again")
        #expect(after.compared.peek(.init(a: "/b/text-generation.yaml", b: "/b/text-classification.yaml", av: Self.listed[0].values,
                                          bv: Self.listed[1].values, guide: s.context.library.generation)) != nil)
    }
}
