import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// The eleventh retest's task 1 in the explorer (issue 23): the form opened from the hub starts from the
/// primary flow's answers, and a question's answers past the ninth say how they are reached. Each test
/// fails on the old code (an empty form; no line under the eleven answers of "What do you need from the images?").
@Suite struct Retest11FlowTests {
    static let sizes: [(Int, Int)] = [(80, 24), (40, 12)]

    /// Decide's primary flow answered by keys: a digit for the first nine answers, Down to the others then Enter.
    static func answered(_ w: Int, _ h: Int, _ answers: [String], from start: AppState? = nil) throws -> AppState {
        var s = press(try start ?? ViewFrictionTests.app(w, h), keys("d1"))
        for a in answers {
            let nav = try #require(s.decide.session?.nav)
            let i = try #require(nav.current.options.firstIndex { $0.answer.hasPrefix(a) }, "no answer '\(a)' at \(nav.current.id)")
            s = i < 9 ? press(s, keys(String(i + 1))) : press(s, [.home] + Array(repeating: Key.down, count: i) + [.enter])
            #expect(s.decide.session?.nav.breadcrumb.last.map { $0.option.answer.hasPrefix(a) } == true, "'\(a)' not taken")
        }
        return s
    }

    @Test(arguments: sizes)
    func theHubsFormStartsFromThePrimaryFlowsAnswers(_ w: Int, _ h: Int) throws {
        var s = try Self.answered(w, h, ["Images or video", "Classify what is there", "In the cloud or on GPU servers: very few labels"])
        s = press(s, keys("d"))
        try #require(s.decide.session == nil, "d did not put the session aside")
        s = press(s, keys("3"))
        #expect(s.decide.top is BriefScreen)
        let v = s.decide.draft.values
        #expect(v[.modality] == .choice("image") && v[.task] == .choice("classification"), "\(v)")
        #expect(v[.samples] == .number(500), "\(v)")
        #expect(shown(s).contains("Started from your answers"), "\(shown(s))")
    }

    @Test func aDraftInTheFormIsContinuedNotReplaced() throws {
        // A brief begun in the form (text), then the primary flow answered.
        let begun = press(try ViewFrictionTests.app(80, 24), keys("d3", "text") + [.enter, .escape])
        try #require(begun.decide.draft.values == [.modality: .choice("text")], "\(begun.decide.draft.values)")
        var s = try Self.answered(80, 24, ["Images or video", "Classify what is there", "In the cloud or on GPU servers: very few labels"], from: begun)
        s = press(s, keys("d3"))
        #expect(s.decide.draft.values == [.modality: .choice("text")])
    }

    @Test(arguments: sizes)
    func answersPastTheNinthSayHowTheyAreReached(_ w: Int, _ h: Int) throws {
        var s = try Self.answered(w, h, ["Images or video"])
        let count = try #require(s.decide.session?.nav.current.options.count)
        try #require(count > 9)
        s = press(s, [.end])
        #expect(shown(s).contains("Answers 10 to \(count):"), "\(shown(s))")
    }
}
