import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Issue 12 (what a newcomer trips on): one test per finding, each failing before its fix.
@Suite struct NewcomerTests {
    func screen(_ s: AppState) -> String { render(s).lines.joined(separator: "\n") }

    // MARK: 10. small things

    @Test func f1OpensHelpEvenFromAField() {
        #expect(press(Fixture.state(), [.function(1)]).screen == .help)
        let typing = press(Fixture.state(), keys("s", "conv"))
        #expect(typing.current.typing)
        #expect(press(typing, [.function(1)]).screen == .help)
        #expect(Key.function(1).label == "F1")
    }

    @Test(arguments: [80, 60, 44])
    func theHomeIntroIsNeverCutOff(_ width: Int) {
        let rows = render(Fixture.state(width, 24)).lines.map { $0.trimmingCharacters(in: .whitespaces) }
        // The rows between the title's rule and the first blank row: the whole intro, word for word.
        let intro = rows.dropFirst(2).prefix { !$0.isEmpty }.joined(separator: " ")
        #expect(intro == HomeView.about, "\(rows.prefix(6).joined(separator: "\n"))")
    }

    @Test func spacePagesTheGlossaryEntryAtFortyByTwelve() throws {
        // A long entry, out of the filter field, on the smallest usual screen.
        var s = press(Fixture.state(40, 12), keys("i"))
        s = press(s, [.escape])
        let entries = Fixture.guide.glossary
        let long = try #require(entries.max { $0.definition.count < $1.definition.count })
        s.glossary.select(long.id, s.context)
        let h = s.glossary.panes(s.contentRect).detail.height
        let lines = s.glossary.detail(s.context).lines.count
        try #require(lines > h + 1, "the fixture's longest entry fits the pane")
        let before = s.glossary.detailTop
        s = press(s, keys(" "))
        #expect(s.glossary.detailTop - before == min(h - 1, lines - h), "pane \(h) lines high moved \(s.glossary.detailTop - before)")
    }
}
