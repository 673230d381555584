import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// What the twelfth retest of issue 23 found on the decision navigator's questions at 40x12: `g`
/// went to answer 1 but kept the question scrolled away ("73%"), where less's `g` shows the top.
@Suite struct Retest12DecideTests {
    @Test(arguments: [(40, 12), (80, 24)])
    func gOnAQuestionShowsTheQuestion(_ w: Int, _ h: Int) throws {
        // Decide, the primary flow, images, classification: the data question.
        var s = press(try Retest11ListTests.app(w, h), keys("d1", "2", "9"))
        let question = try #require((s.decide.top as? TreeSession)?.question.question)
        let words = "where does it run"
        try #require(question.lowercased().contains(words), "not at the data question: \(question)")
        s = press(s, Array(repeating: Key.char("j"), count: 8))
        s = press(s, keys("g"))
        let screen = render(s).lines.joined(separator: " ").lowercased()
        #expect(screen.contains(words), "\(w)x\(h): g left the question scrolled away:\n\(render(s).lines.joined(separator: "\n"))")
        #expect((s.decide.top as? TreeSession)?.answerList.index == 0)
    }
}
