import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// What the thirteenth retest of issue 23 found at 40x12 on a pick, Compare and the questions.
@Suite struct Retest13ListTests {
    /// Decide, the primary flow, images, classification, then the first answer until a pick.
    static func pick(_ w: Int, _ h: Int) throws -> AppState {
        var s = press(try Retest11ListTests.app(w, h), keys("d1", "2", "9"))
        for _ in 0..<8 where (s.decide.top as? TreeSession)?.atPick != true { s = press(s, keys("1")) }
        try #require((s.decide.top as? TreeSession)?.atPick == true, "no pick reached")
        return s
    }

    // MARK: 1. `y` `y` at a pick returns to the line being read

    @Test(arguments: [(40, 12), (80, 24)])
    func hidingTheCommandReturnsToTheReadingPlace(_ w: Int, _ h: Int) throws {
        let read = press(try Self.pick(w, h), [Key.char(" "), Key.char(" "), Key.char(" ")])
        let top = try #require((read.decide.top as? TreeSession)?.scroll.top)
        try #require(top > 0)
        let shown = press(read, keys("y"))
        #expect((shown.decide.top as? TreeSession)?.showCommand == true)
        let hidden = press(shown, keys("y"))
        let session = try #require(hidden.decide.top as? TreeSession)
        #expect(!session.showCommand)
        #expect(session.scroll.top == top, "\(w)x\(h): y y left the page at \(session.scroll.top), read at \(top)")
    }

    // MARK: 2. Compare's last page starts at a row

    @Test(arguments: [(40, 12, "G"), (40, 12, "  "), (80, 24, "G")])
    func compareLastPageStartsAtARow(_ w: Int, _ h: Int, _ typed: String) throws {
        var s = press(try Retest11ListTests.app(w, h), keys("c", "1"))
        if !s.compare.tableFocus && !s.compare.bothShown(s.context.rect) { s = press(s, [.tab]) }
        if !s.compare.tableFocus { s = press(s, [.tab]) }
        try #require(s.compare.tableFocus)
        s = press(s, typed.map { Key.char($0) })
        let starts = s.compare.bodyRowStarts(s.context)
        let top = s.compare.grid.top
        #expect(top == 0 || starts.contains(top), "\(w)x\(h) \(typed): the page starts inside a row (top \(top), rows at \(starts))")
        if typed.hasSuffix("G") || typed == "  " {
            let size = s.compare.gridSize(s.context)
            #expect(top + size.height >= size.lines, "\(w)x\(h): the last page does not reach the end")
        }
        #expect(s.compare.violations(s.context).isEmpty, "\(s.compare.violations(s.context))")
    }

    // MARK: 3. `y` on a pick's key line at 40 columns, and in view when help opens there

    @Test(arguments: [(40, 12), (80, 24)])
    func aPickOffersYAndHelpOpensWhereItShows(_ w: Int, _ h: Int) throws {
        let s = try Self.pick(w, h)
        let keyLine = try #require(render(s).lines.last)
        #expect(keyLine.contains("y command"), "\(w)x\(h): the pick's key line has no y: \(keyLine)")
        let help = press(s, keys("?"))
        let screen = render(help).lines
        #expect(screen.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("y ") && $0.contains("equivalent") },
                "\(w)x\(h): help at a pick opens without y in view:\n\(screen.joined(separator: "\n"))")
    }

    // MARK: 4. A question's text stays in view while the answers move

    static func questionShown(_ s: AppState) throws -> Bool {
        let q = try #require((s.decide.top as? TreeSession)?.question.question)
        return render(s).lines.joined(separator: " ").contains(String(q.prefix(12)))
    }

    @Test(arguments: [(40, 12), (80, 24)])
    func theQuestionStaysInViewOnArrivalWhileMovingAndOnBackspace(_ w: Int, _ h: Int) throws {
        var s = press(try Retest11ListTests.app(w, h), keys("d1", "2", "9"))
        try #require((s.decide.top as? TreeSession)?.nav.answers.count == 2)
        #expect(try Self.questionShown(s), "\(w)x\(h): arrival hides the question:\n\(render(s).lines.joined(separator: "\n"))")
        s = press(s, Array(repeating: Key.char("j"), count: 4))
        s = press(s, Array(repeating: Key.char("k"), count: 4))
        #expect(try Self.questionShown(s), "\(w)x\(h): k back to answer 1 left the question away:\n\(render(s).lines.joined(separator: "\n"))")
        s = press(s, [.backspace, .backspace])
        try #require((s.decide.top as? TreeSession)?.nav.answers.isEmpty == true)
        #expect(try Self.questionShown(s), "\(w)x\(h): Backspace to question 1 hides it:\n\(render(s).lines.joined(separator: "\n"))")
        #expect(render(s).lines.joined(separator: " ").contains((s.decide.top as? TreeSession)?.nav.tree.title ?? "?"),
                "\(w)x\(h): Backspace to question 1 hides the title")
        #expect(s.decide.top.violations(s.context).isEmpty)
    }
}
