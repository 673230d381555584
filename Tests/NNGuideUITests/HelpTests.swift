import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Issue 23 item 1: help closes like less and vim's :help, and opens at the keys of the screen it was
/// asked from.
@Suite struct HelpTests {
    @Test(arguments: [Key.char("q"), Key.escape])
    func qAndEscCloseHelpInsteadOfQuitting(_ key: Key) {
        let reading = press(Fixture.state(), keys("t", Key.enter))
        let s = press(reading, [.char("?"), key])
        #expect(!s.quit, "\(key.label) in help quit nnguide")
        #expect(s.screen == reading.screen)
        // From a fresh start too, where nothing came before help.
        let fresh = press(Fixture.state(), [.function(1), key])
        #expect(!fresh.quit && fresh.screen == .home)
    }

    @Test func helpOpensAtTheKeysOfTheScreenItWasAskedFrom() throws {
        let form = press(Fixture.state(), keys("d3"))
        let s = press(form, [.function(1)])
        #expect(s.screen == .help)
        let top = render(s).lines.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        #expect(top.contains(Scope.brief.title), "help opened at: \(top)")
        let home = press(Fixture.state(), keys("?"))
        #expect(render(home).lines.joined(separator: "\n").contains(Scope.home.title))
        // Ctrl-C still quits from help.
        #expect(press(s, [.ctrl("c")]).quit)
    }
}
