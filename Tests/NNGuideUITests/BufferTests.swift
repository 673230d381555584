import Testing
@testable import NNGuideCore
@testable import NNGuideUI

@Suite struct BufferTests {
    @Test func wideCharactersTakeTwoCells() {
        var b = Buffer(width: 6, height: 1)
        let end = b.put("日本x", x: 0, y: 0)
        #expect(end == 5)
        #expect(b[1, 0].isContinuation && b[3, 0].isContinuation)
        #expect(b.line(0) == "日本x ")
    }

    @Test func aWideCharacterNeverStraddlesTheEdge() {
        var b = Buffer(width: 3, height: 1)
        b.put("ab日", x: 0, y: 0)
        #expect(b.line(0) == "ab ")
        #expect(!b[2, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var b = Buffer(width: 4, height: 1)
        b.put("日本", x: 0, y: 0)
        b.put("x", x: 1, y: 0)
        #expect(b.line(0) == " x本")
        b.put("y", x: 2, y: 0)
        #expect(b.line(0) == " xy ")
    }

    @Test func emojiAndCombiningMarks() {
        var b = Buffer(width: 8, height: 1)
        b.put("e\u{301}🙂!", x: 0, y: 0)
        #expect(b.line(0) == "e\u{301}🙂!    ")
        #expect(b[1, 0].text == "🙂" && b[2, 0].isContinuation && b[3, 0].text == "!")
    }

    @Test func onlyChangedCellsAreSent() {
        var a = Buffer(width: 10, height: 2)
        a.put("hello", x: 0, y: 0)
        var b = a
        b.put("J", x: 0, y: 0)
        b.put("!", x: 9, y: 1, role: .warning)
        let runs = b.changes(since: a)
        #expect(runs == [Buffer.Run(x: 0, y: 0, text: "J", role: .text), Buffer.Run(x: 9, y: 1, text: "!", role: .warning)])
        #expect(b.changes(since: b).isEmpty)
        #expect(b.changes(since: Buffer(width: 3, height: 3)).count >= 2, "a new size redraws everything")
    }

    @Test func runsSkipContinuationCells() {
        var b = Buffer(width: 6, height: 1)
        b.put("日本", x: 0, y: 0)
        #expect(b.changes(since: nil).first?.text == "日本  ")
        #expect(b.changes(since: nil).first?.wide == true)
    }

    /// The backend measures characters only in runs that have a wide one (`Run.wide`).
    @Test func runsSayWhetherTheyHoldAWideCharacter() {
        var b = Buffer(width: 12, height: 2)
        b.put("═══ café ·", x: 0, y: 0)
        b.put("ab日c", x: 0, y: 1)
        let runs = b.changes(since: nil)
        #expect(runs.map(\.y) == [0, 1])
        #expect(runs.map(\.wide) == [false, true])
    }

    @Test func asciiFoldLeavesOnlyASCII() {
        let s = ASCIIFold.fold("naïve — “quoted” → 日本 ✓ café")
        #expect(s.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(s.contains("naive -- \"quoted\" -> ?? * cafe"))
    }
}
