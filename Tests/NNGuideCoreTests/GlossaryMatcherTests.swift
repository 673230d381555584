import Testing
@testable import NNGuideCore

@Suite struct GlossaryMatcherTests {
    let matcher: GlossaryMatcher
    init() throws { matcher = GlossaryMatcher(entries: try Fixtures.miniGuide().glossary) }

    func found(_ q: String) -> GlossaryMatcher.Match? {
        if case .found(let m, _) = matcher.lookup(q) { return m }
        return nil
    }

    @Test func exactTermIgnoringCaseAndPlural() {
        #expect(found("cnn")?.entry.id == "cnn")
        #expect(found("cnn")?.kind == .term)
        #expect(found("  Inductive   BIAS ")?.entry.id == "inductive-bias")
        #expect(found("CNNs")?.entry.id == "cnn")
    }

    @Test func alias() {
        #expect(found("convnet")?.entry.id == "cnn")
        #expect(found("convnet")?.kind == .alias)
        #expect(found("ViT")?.entry.id == "vit")
        #expect(found("ViT")?.matched == "ViT")
    }

    @Test func prefixThenSubstring() {
        #expect(found("induct")?.entry.id == "inductive-bias")
        #expect(found("induct")?.kind == .prefix)
        #expect(found("prior")?.kind == .substring)
        let trans = matcher.matches("trans")
        #expect(trans.map(\.entry.id) == ["transformer", "vit"])
        #expect(trans.map(\.kind) == [.prefix, .substring])
    }

    @Test func aTypoOnlySuggests() {
        guard case .notFound(let suggestions) = matcher.lookup("atention") else {
            Issue.record("a typo must not count as found"); return
        }
        #expect(suggestions.map(\.entry.id) == ["attention"])
        #expect(suggestions.first?.distance == 1)
    }

    @Test func nothingCloseSuggestsNothing() {
        #expect(matcher.lookup("xylophone") == .notFound(suggestions: []))
    }

    @Test func filterListsTiersInOrder() {
        let kinds = matcher.matches("cnn").map(\.kind)
        #expect(kinds == kinds.sorted())
        #expect(matcher.matches("").count == matcher.entries.count)
    }
}

@Suite struct LookupTests {
    let guide: Guide
    init() throws { guide = try Fixtures.miniGuide() }

    func id(_ r: Resolution) -> String? { if case .found(let item) = r { return item.id }; return nil }

    @Test func idsOfEveryKind() {
        #expect(id(guide.resolve("vision")) == "vision")
        #expect(id(guide.resolve("vision-matrix")) == "vision-matrix")
        #expect(id(guide.resolve("flow-figure")) == "flow-figure")
        #expect(id(guide.resolve("g:cnn")) == "g:cnn")
        #expect(id(guide.resolve("a:vit")) == "a:vit")
        #expect(id(guide.resolve("overfitting")) == "g:overfitting")
    }

    @Test func titlesWholeOrInPart() {
        #expect(id(guide.resolve("A Worked Example")) == "worked")
        #expect(id(guide.resolve("worked ex")) == "worked")
        #expect(id(guide.resolve("A.1 Vision")) == "vision")     // the short title
        #expect(id(guide.resolve("costs at")) == "wide-table")
    }

    @Test func ambiguousNamesListTheCandidates() {
        guard case .ambiguous(let items) = guide.resolve("models") else { Issue.record("expected ambiguous"); return }
        #expect(items.map(\.id) == ["intro", "part-a", "vision"])
        guard case .ambiguous(let both) = guide.resolve("cnn") else { Issue.record("expected ambiguous"); return }
        #expect(both.map(\.id) == ["g:cnn", "a:cnn"])
    }

    @Test func unknownNamesSuggestTheClosest() {
        guard case .notFound(let close) = guide.resolve("visoin") else { Issue.record("expected not found"); return }
        #expect(close.first?.id == "vision")
    }
}
