import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Issue 22: one table of views (adding a view is three edits), and Help a screen pushed over
/// whatever is showing and dismissed back onto it exactly as it was.
@Suite struct ViewTableTests {
    /// The actions that bring a view up besides `.show(id)`; the reader has none of its own (pages,
    /// the contents, search and links open it).
    static let opening: [Action: ViewID] = [.home: .home, .help: .help]

    @Test func everyViewIDHasAViewOfItsTypeAndAKey() {
        let s = Fixture.state()
        for id in ViewID.allCases {
            #expect(s.view(id).scopes.first == .view(id), "\(id.rawValue) holds \(type(of: s.view(id))), whose scopes are \(s.view(id).scopes)")
            #expect(!id.title.isEmpty, "\(id.rawValue) has no title")
            let keyed = Keymap.bindings.contains { $0.scope == .global && ($0.action == .show(id) || Self.opening[$0.action] == id) }
            #expect(keyed || id == .reader, "no key in Keymap.bindings shows \(id.rawValue)")
            // Every view's own keys are in the keymap, so help lists them.
            let own = s.view(id).scopes.first { $0 != .global }
            #expect(own.map { o in Keymap.bindings.contains { $0.scope == o } } ?? true, "\(id.rawValue)'s scope has no keys")
        }
    }

    /// A view's keys are declared beside its type and nowhere else: the keymap's rows in its scope,
    /// and the row that shows it, are its type's list, in its order; the rows the keymap writes
    /// itself (Anywhere's, the shared components') show no view and have no view's scope.
    @Test func aViewsKeysAreItsOwnListAndNowhereElse() {
        func shows(_ b: Binding, _ id: ViewID) -> Bool { b.scope == .global && (b.action == .show(id) || Self.opening[b.action] == id) }
        func row(_ b: Binding) -> String { "\(b.scope.rawValue) \(b.keyLabel) \(b.help)" }
        for id in ViewID.allCases {
            let table = Keymap.bindings.filter { $0.scope == .view(id) || shows($0, id) }
            #expect(table.map(row) == id.bindings.map(row), "\(id.rawValue): the keymap's rows are not its type's list")
            #expect(id.bindings.allSatisfy { $0.scope == .view(id) || shows($0, id) }, "\(id.rawValue) declares another's keys")
        }
        for b in Keymap.anywhereFirst + Keymap.anywhere + Keymap.components {
            #expect(!ViewID.allCases.contains { b.scope == .view($0) || shows(b, $0) }, "Keymap.swift writes a view's key: \(row(b))")
        }
    }

    @Test func changingOneViewLeavesTheOthersAsTheyWere() throws {
        var s = press(Fixture.state(), keys("c"))
        s.compare.list.index = try #require(s.compare.items(s.context).firstIndex { if case .architecture = $0 { return true }; return false })
        s = press(s, [.enter])
        #expect(s.compare.picked.count == 1)
        let t = press(s, keys("t", "j"))
        #expect(t.compare.picked == s.compare.picked && t.screen == .contents)
    }
}

@Suite struct ScreenStackTests {
    @Test func helpOverThePageClosesOntoTheSameLineAndLeavesHistoryAlone() throws {
        let reading = press(Fixture.state(80, 24), keys("t", Key.enter, "jjjjj"))
        try #require(reading.screen == .reader)
        for close in [Key.char("q"), .escape, .backspace] {
            let inHelp = press(reading, keys("?", "jjj"))
            #expect(inHelp.screen == .help && inHelp.stack == [.help] && inHelp.base == .reader)
            #expect(inHelp.history == reading.history, "opening help went into reading history")
            let s = press(inHelp, [close])
            #expect(!s.quit && s.screen == .reader && s.stack.isEmpty, "\(close.label)")
            #expect(s.reader.top == reading.reader.top && s.history == reading.history && s.forwardHistory == reading.forwardHistory)
            #expect(render(s).lines == render(reading).lines, "\(close.label) did not come back to the same screen")
        }
    }

    @Test func helpIsNeverPushedOverItselfAndAPlaceOpenedFromItClosesIt() {
        let home = Fixture.state()
        let twice = press(home, keys("?", "j", "?"))
        #expect(twice.stack == [.help])
        // A view asked for from help opens in its place; Back then goes to what was under help.
        let contents = press(home, keys("?", "t"))
        #expect(contents.screen == .contents && contents.stack.isEmpty)
        #expect(press(contents, [.backspace]).screen == .home)
        #expect(press(contents, [.backspace]).violations().isEmpty)
    }

    @Test func helpFromTheBriefFormClosesOntoTheFormWithWhatWasTyped() throws {
        // Typing a number, a number typed and finished, typing the notes.
        for path in [keys("d3", Key.down, Key.down, Key.enter, "12"), keys("d3", Key.down, Key.down, Key.enter, "12", Key.enter), keys("d3", Key.end, Key.enter, "why")] {
            let form = press(Fixture.state(), path)
            for close in [Key.char("q"), .escape] {
                let s = press(form, [.function(1), .char("j"), close])
                #expect(!s.quit && s.screen == .decide, "\(close.label) in help over the form after \(path.map(\.label))")
                #expect(try s.decide.draft.values == form.decide.draft.values && s.decide.form.field == form.decide.form.field)
                #expect(try s.decide.form.editing?.text == form.decide.form.editing?.text && s.decide.typing == form.decide.typing)
                #expect(render(s).lines == render(form).lines, "the form changed under help")
            }
        }
    }
}
