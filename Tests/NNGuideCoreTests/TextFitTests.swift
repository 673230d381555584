import Testing
@testable import NNGuideCore

/// `TextWrap.longestFitting`, the one rule for a line that says less on a narrow screen (the glossary's
/// and search's messages, the hub's brief line): the first wording that fits, in cells, else the last.
@Suite struct TextFitTests {
    @Test func theFirstWordingThatFitsInCellsElseTheLast() {
        let wordings = ["No term matches; Backspace removes a letter", "No match; try Backspace", "No match"]
        #expect(TextWrap.longestFitting(wordings, width: 80) == wordings[0])
        #expect(TextWrap.longestFitting(wordings, width: 23) == wordings[1])
        #expect(TextWrap.longestFitting(wordings, width: 22) == wordings[2])
        #expect(TextWrap.longestFitting(wordings, width: 3) == wordings[2], "nothing fits: the shortest, whole")
        // Cells, not characters: two wide characters take four.
        #expect(TextWrap.longestFitting(["日本", "jp"], width: 3) == "jp")
        #expect(TextWrap.longestFitting(["日本", "jp"], width: 4) == "日本")
        #expect(TextWrap.longestFitting([], width: 10) == "")
    }
}
