import Foundation
import Testing
@testable import NNGuideCore

/// Issue 23's leftovers after the eleventh retest (edge12), on the guide's own content.
@Suite struct Leftovers12ContentTests {
    let guide: Guide
    init() throws { guide = try #require(Fixtures.real.guide) }

    func found(_ name: String) -> String? { if case .found(let item) = guide.resolve(name) { return item.id }; return nil }

    /// `nnguide search "data leakage"` places a hit at "Part 7 › Honest splits"; `show honest-splits`
    /// found nothing and offered nothing, though `show "honest splits"` opened it. A heading's slug, a
    /// title's words joined by hyphens, open the item; a near miss of one is offered.
    @Test func aSlugOfATitleOpensTheItem() throws {
        let crumb = try #require(SearchIndex(guide: guide).search("data leakage").groups.flatMap(\.hits).first { $0.id == "splits" })
        #expect(crumb.breadcrumb.last == "Honest splits")
        for name in ["honest-splits", "honest_splits", "Honest-Splits", "train-test-splits-that-dont-lie", "traintest-splits-that-dont-lie"] {
            #expect(found(name) == "splits", "\(name): \(guide.resolve(name))")
        }
        #expect(found("vision-transformer") == "g:vit")   // a glossary term as a slug, as "vision transformer" finds it
        for miss in ["honest-split", "honest-splts", "train-test-split-that-dont-lie"] {
            guard case .notFound(let close) = guide.resolve(miss) else { Issue.record("\(miss): \(guide.resolve(miss))"); continue }
            #expect(close.first?.id == "splits", "\(miss): \(close.map(\.id))")
        }
    }

    /// Every page's and section's title and short title, written as a slug, opens it (or lists it
    /// among the items it fits), unless the slug is already a glossary or catalog id.
    @Test func everyTitleAsASlugOpensItsItem() {
        var checked = 0
        for case .page(let e) in guide.shownItems {
            for name in [e.page.title, e.page.short].compactMap({ $0 }) {
                let slug = Guide.slug(InlineParser.plain(name))
                // A glossary or catalog id ("vit", "interpretability") names that entry first, as before.
                guard !slug.isEmpty, guide.glossaryEntry(slug) == nil, guide.architecture(slug) == nil else { continue }
                checked += 1
                switch guide.resolve(slug) {
                case .found(let item): #expect(item.id == e.id || item.id == slug, "\(slug): \(item.id), not \(e.id)")
                case .ambiguous(let items): #expect(items.contains { $0.id == e.id }, "\(slug): \(items.map(\.id))")
                case .notFound: Issue.record("\(slug) (\(name)) opens nothing")
                }
            }
        }
        #expect(checked > 100)
    }

    /// What a search hit prints as the way to open it (`nnguide show ID`) opens that very item.
    @Test func everySearchHitsIdOpensIt() {
        let index = SearchIndex(guide: guide)
        var checked = 0
        for query in ["data leakage", "attention", "latency", "tabular", "transformer", "splits", "figure", "table", "audio", "cost"] {
            for hit in index.search(query, limit: 1000).groups.flatMap(\.hits) {
                checked += 1
                #expect(found(hit.showID) == hit.showID, "\(query): \(hit.kind) \(hit.showID): \(guide.resolve(hit.showID))")
            }
        }
        #expect(checked > 100)
    }
}
