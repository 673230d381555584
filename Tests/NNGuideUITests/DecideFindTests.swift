import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Issue 23, third retest item 8: `/` on the recommendation (`r`) and at a pick said "/ does nothing
/// here" on pages long enough to scroll. They find now as the reader and help do: the one prompt,
/// marks, `n`/`N` stepping and scrolling, Esc in the prompt back where the find began.
@Suite struct DecideFindTests {
    /// The recommendation for a tabular regression brief, on the shipped guide.
    static func recommendation(_ w: Int = 80, _ h: Int = 24) throws -> AppState {
        let app = AppState(library: try #require(BriefFormChoiceTests.library, "Content/ does not load"), width: w, height: h)
        let s = press(app, keys("d3", "1", Key.down, "2", Key.ctrl("r")))
        try #require(s.decide.scopes.first == .recommendation, "not on the recommendation: \(s.decide.scopes)")
        return s
    }

    static func screen(_ s: AppState) -> String { render(s).lines.joined(separator: "\n") }
    static func position(_ s: AppState) -> String {
        let l = render(s).lines
        return l[l.count - 2].split(separator: " ").last.map(String.init) ?? ""
    }
    /// Cells drawn as matches (`m`) and as the current match (`M`).
    static func marks(_ s: AppState) -> (all: Int, current: Int) {
        let layer = roleLayer(render(s))
        return (layer.filter { $0 == "m" || $0 == "M" }.count, layer.filter { $0 == "M" }.count)
    }
    /// "match 2 of 7" as (2, 7).
    static func match(_ s: AppState) -> (Int, Int)? {
        guard let m = s.message, let r = m.range(of: "match ") else { return nil }
        let n = m[r.upperBound...].split(separator: ";")[0].split(separator: " ")
        guard n.count == 3, let a = Int(n[0]), let b = Int(n[2]) else { return nil }
        return (a, b)
    }

    @Test func theRecommendationFindsStepsAndScrolls() throws {
        let s = try Self.recommendation()
        #expect(Self.position(s) == "Top")
        let found = press(s, keys("/model", Key.enter))
        let (first, count) = try #require(Self.match(found), "\(found.message ?? "no message")")
        #expect(first == 1 && count >= 3, "\(found.message ?? "")")
        #expect(Self.marks(found).current == 5 && Self.marks(found).all >= 10, "\(Self.marks(found))")
        // n steps on and N back, round the ends.
        #expect(Self.match(press(found, keys("nn")))?.0 == 3)
        #expect(Self.match(press(found, keys("N")))?.0 == count)
        // A match far down scrolls the page to it, marked.
        let far = press(s, keys("/pretrained not given", Key.enter))
        #expect(Self.position(far) != "Top", "\(Self.screen(far))")
        #expect(Self.screen(far).lowercased().contains("pretrained not given"))
        #expect(Self.marks(far).current == "pretrained not given".count)
        // Esc clears the marks; n then has nothing to step through.
        let cleared = press(far, [.escape])
        #expect(Self.marks(cleared).all == 0)
        #expect(press(cleared, keys("n")).message?.hasPrefix("Nothing to find yet") == true)
        // Esc in the prompt goes back to where the find began, unmarked.
        let cancelled = press(s, keys("/pretrained not given", Key.escape))
        #expect(Self.position(cancelled) == "Top" && Self.marks(cancelled).all == 0)
        #expect(s.violations().isEmpty && far.violations().isEmpty, "\(far.violations())")
    }

    @Test func aWordNotOnThePageSaysSo() throws {
        let s = press(try Self.recommendation(), keys("/zebra", Key.enter))
        #expect(s.message == "\"zebra\" is not on this page")
    }

    /// The marks follow the page laid out again at another width.
    @Test func theMarksFollowAResize() throws {
        let found = press(try Self.recommendation(), keys("/leakage", Key.enter))
        #expect(Self.marks(found).current == "leakage".count)
        let narrow = press(found, [.resize(width: 40, height: 12)])
        #expect(narrow.violations().isEmpty, "\(narrow.violations())")
        #expect(Self.match(press(narrow, keys("n"))).map { $0 == (1, 1) } == true)
    }

    @Test func aPickFindsAndAQuestionDoesNot() throws {
        let pick = press(Fixture.state(), keys("d1", "22"))
        let word = "pick"
        try #require(Self.screen(pick).contains("Pick"), Comment(rawValue: Self.screen(pick)))
        let found = press(pick, keys("/", word, Key.enter))
        #expect(Self.match(found)?.0 == 1, "\(found.message ?? "no message")")
        #expect(Self.marks(found).current == word.count)
        // Back to the question: the marks go with the pick, and a question has no find.
        let question = press(found, [.backspace])
        #expect(Self.marks(question).all == 0)
        #expect(press(question, keys("/")).message?.hasPrefix("/ does nothing here") == true)
    }
}
