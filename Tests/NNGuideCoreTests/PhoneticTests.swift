import Testing
@testable import NNGuideCore

/// Issue 23, seventh retest: "atenshun" found nothing and suggested nothing (four typos from
/// "attention", past any tolerance that keeps nonsense out). Every "did you mean" falls back on sound.
@Suite struct PhoneticTests {
    /// Misspellings a person types, with the word meant.
    static let heard: [(typed: String, meant: String)] = [
        ("atenshun", "attention"), ("convolushun", "convolution"), ("transformr", "transformer"),
        ("dropowt", "dropout"), ("embeding", "embedding"), ("regularisation", "regularization"),
        ("normalisashun", "normalization"), ("imaj", "image"), ("fotograph", "photograph"),
    ]
    /// Strings that are no word: nothing may be suggested for them.
    static let nonsense = ["xqzvbk", "qwrtplkj", "zzzz", "mnbvcxz", "kjhgfdsa", "plokij", "vvvvvv"]

    static let guide: Guide = { try! ContentLoader.load(directory: Fixtures.realContent) }()
    static let index = SearchIndex(guide: guide)

    @Test(arguments: heard)
    func aWordSpeltAsItSoundsHasTheKeyOfTheWordMeant(_ pair: (typed: String, meant: String)) {
        #expect(Phonetic.key(pair.typed) == Phonetic.key(pair.meant), "\(pair.typed): \(Phonetic.key(pair.typed)), \(pair.meant): \(Phonetic.key(pair.meant))")
    }

    @Test func keysKeepWordsApartAndTellDifferentWordsApart() {
        #expect(Phonetic.key("self-attention") == Phonetic.key("self atenshun"))
        #expect(Phonetic.key("self-attention").contains(" "))
        for (a, b) in [("attention", "retention"), ("convolution", "evolution"), ("dropout", "droplet"), ("image", "imagine")] {
            #expect(Phonetic.key(a) != Phonetic.key(b), "\(a) and \(b) share \(Phonetic.key(a))")
        }
    }

    /// `nnguide search`, the explorer's search and every command's "did you mean" read this one suggester.
    @Test func theSearchSuggestsTheWordMeant() throws {
        for (typed, meant) in [("atenshun", "attention"), ("convolushun", "convolution"), ("dropowt", "dropout"), ("transformr", "transformer")] {
            let r = Self.index.search(typed)
            #expect(r.isEmpty, "\(typed) finds something itself")
            #expect(r.suggestion == meant, "\(typed): \(r.suggestion ?? "no suggestion")")
        }
        // A word among others: only the one that matches nothing is replaced.
        #expect(Self.index.search("atenshun cost").suggestion == "attention cost")
    }

    @Test func theGlossarySuggestsTheTermMeant() throws {
        let matcher = GlossaryMatcher(entries: Self.guide.glossary)
        guard case .notFound(let near) = matcher.lookup("atenshun") else { Issue.record("atenshun found an entry"); return }
        #expect(near.first?.entry.term == "Attention", "\(near.map(\.entry.term))")
        // The explorer's glossary filter lists it too.
        #expect(matcher.matches("atenshun").first?.entry.term == "Attention")
    }

    @Test func namesAndValuesAreSuggestedBySoundToo() {
        #expect(EditDistance.closest(to: "imaj", among: ["text", "image", "audio", "tabular"]) == ["image"])
        #expect(EditDistance.closest(to: "convolushun", among: ["transformer", "convolution", "recurrent"]) == ["convolution"])
        // Typos first: a candidate within typos is preferred to one that only sounds alike.
        #expect(EditDistance.closest(to: "imgae", among: ["image", "imaj"]).first == "image")
        // Ninth retest: "fone" is two sounds (FN), too few among a whole vocabulary, but among a
        // field's values it is heard as "phone".
        #expect(EditDistance.closest(to: "fone", among: ["cloud", "gpu", "mobile", "phone", "edge"]) == ["phone"])
        #expect(Phonetic.closest(to: "fone", among: Array(repeating: "phone", count: Phonetic.shortList + 1)) == nil)
    }

    @Test(arguments: nonsense)
    func nonsenseSuggestsNothing(_ typed: String) {
        let r = Self.index.search(typed)
        #expect(r.isEmpty && r.suggestion == nil, "\(typed): \(r.suggestion ?? "found \(r.total)")")
        if case .notFound(let near) = GlossaryMatcher(entries: Self.guide.glossary).lookup(typed) {
            #expect(near.isEmpty, "\(typed): \(near.map(\.entry.term))")
        } else { Issue.record("\(typed) found a glossary entry") }
        let names = Self.guide.catalog.architectures.map(\.id) + Self.guide.glossary.map(\.term)
        #expect(EditDistance.closest(to: typed, among: names).isEmpty, "\(typed): \(EditDistance.closest(to: typed, among: names))")
    }
}
