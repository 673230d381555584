import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// The decision map (`M`): the whole tree, the path marked without colour, Enter jumps, Esc returns.
@Suite struct DecisionMapTests {
    static let screens: [(String, [Key])] = [
        ("decide-map", keys("d1", "2", "M")),
        ("decide-map-moved", keys("d1", "2", "M", "jjj")),
    ]

    @Test(arguments: screens)
    func screen(_ name: String, _ path: [Key]) {
        expectGoldenAtEverySize(name, path, roles: true)
    }

    @Test func theMapOpensOnTheCurrentNodeAndMarksThePath() throws {
        let s = press(Fixture.state(), keys("d1", "2", "M"))
        let session = try #require(s.decide.session)
        let map = try #require(s.decide.top as? DecisionMap)
        let places = DecisionMap.places(session.nav.tree)
        #expect(places[map.cursor.index].answers == session.nav.answers.map(\.option))
        let text = shown(s)
        // The path keeps a marker without colour: the check on the answer taken, the pointer on here.
        let lines = text.split(separator: "\n").map { $0.drop { $0 == " " } }
        #expect(lines.contains { $0.hasPrefix("\u{2713} What structure") })
        #expect(lines.contains { $0.hasPrefix("\u{25B6} ") && $0.contains("Text") })
        #expect(lines.filter { $0.hasPrefix("\u{25B6} ") }.count == 1)
    }

    @Test func enterJumpsToThePlaceAndEscReturns() throws {
        var s = press(Fixture.state(), keys("d1", "M"))
        #expect(s.decide.top is DecisionMap)
        s = press(s, [.escape])
        #expect(s.decide.top is TreeSession)
        #expect(s.decide.session?.nav.answers.isEmpty == true)
        // Every place is a list of answers; Enter on each reaches exactly that place.
        let tree = try #require(s.decide.session?.nav.tree)
        for (i, place) in DecisionMap.places(tree).enumerated() {
            var t = press(s, keys("M"))
            t = press(t, [.home] + Array(repeating: Key.char("j"), count: i) + [.enter])
            #expect(t.decide.top is TreeSession)
            #expect(t.decide.session?.nav.answers.map(\.option) == place.answers)
            #expect(t.violations().isEmpty)
        }
    }

    @Test func everyLabelKeepsItsWordsAtFortyColumns() throws {
        // Nothing truncated to nothing: every answer and question of the tree appears, wrapped.
        let s = press(Fixture.state(40, 12), keys("d1", "M"))
        let session = try #require(s.decide.session)
        let sheet = try #require(s.decide.top as? DecisionMap).sheet(s.context)
        let all = sheet.doc.lines.map(\.text).joined(separator: " ").split(whereSeparator: { $0 == " " }).joined(separator: " ")
        for n in session.nav.tree.nodes {
            for o in n.options {
                for word in o.answer.split(separator: " ") { #expect(all.contains(word), "\(word) of \(o.answer)") }
            }
        }
        #expect(sheet.doc.lines.allSatisfy { $0.width <= 40 })
    }

    @Test func asciiAndNoColourKeepThePath() {
        let s = press(Fixture.state(80, 24, glyphs: .plain), keys("d1", "2", "M"))
        let text = shown(s)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(text.contains("* What structure"))
        #expect(text.contains("> "))
    }
}
