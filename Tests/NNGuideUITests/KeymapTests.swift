import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI
@testable import NNGuideEffects

/// The keymap is one table; these check that help, hints and key handling all come from it.
@Suite struct KeymapTests {
    @Test func everyBindingIsOnTheHelpScreen() {
        let help = HelpView.document(width: 200, glyphs: .unicode).lines.map(\.text).joined(separator: "\n")
        for b in Keymap.bindings {
            #expect(help.contains(b.keyLabel), "help lacks the keys \(b.keyLabel)")
            #expect(help.contains(b.help), "help lacks \"\(b.help)\"")
        }
    }

    /// Home names a key beside each view: the one the keymap binds, which opens that view.
    @Test func homeNamesTheKeysTheKeymapBinds() throws {
        let s = Fixture.state()
        let items = s.home.items(s.context)
        for v in HomeView.views {
            let item = try #require(items.first { $0.title == v.title })
            let key = try #require(item.key.count == 1 ? Key.char(Character(item.key)) : nil, "\(v.title): no key shown")
            #expect(Keymap.action(for: key, in: [.home, .global]) == v.action, "\(v.title): \(item.key)")
            #expect(press(s, [key]).screen == v.id, "\(item.key) does not open \(v.title)")
        }
    }

    /// ^O is back on every screen, as in vim's jump list (issue 23: on the brief form it opened a saved
    /// brief). The form opens one with a control key nothing else binds, and no terminal or tmux takes.
    @Test func ctrlOIsBackEverywhereAndTheFormOpensBriefsWithAFreeKey() throws {
        for scope in Scope.allCases {
            let a = Keymap.action(for: .ctrl("o"), in: [scope, .global])
            #expect(a == .back, "^O in \(scope): \(a.map { "\($0)" } ?? "nothing")")
        }
        let open = try #require(Keymap.bindings.first { $0.scope == .brief && $0.action == .decide(.openBrief) }?.keys.first)
        guard case .ctrl(let c) = open else { Issue.record("the form opens a brief with \(open.label), no control key"); return }
        // tmux's prefix, interrupt, suspend, quit, flow control, Enter, Tab, Backspace, Esc; ^L redraws.
        #expect(!"bczqsmih[\\l".contains(c), "\(open.label) is taken by the terminal or by convention")
        for b in Keymap.bindings where b.keys.contains(open) {
            #expect(b.action == .decide(.openBrief), "\(open.label) also does \(b.action) in \(b.scope)")
        }
        #expect(Keymap.key(.decide(.openBrief), in: .brief) == open.label)
        let form = press(Fixture.state(), keys("d3", "4"))
        #expect(press(form, [.ctrl("o")]).decide.top is HubScreen, "^O on the form does not go back")
        #expect(press(form, [open]).decide.top is SavedBriefsScreen)
    }

    @Test func noKeyMeansTwoThingsInOneScope() {
        for scope in Scope.allCases {
            var seen: [Key: Action] = [:]
            for b in Keymap.bindings where b.scope == scope {
                for (n, k) in b.keys.enumerated() {
                    let a: Action = { if case .pick = b.action { return .pick(n + 1) }; return b.action }()
                    if let other = seen[k] { #expect(other == a, "\(k.label) in \(scope): \(other) and \(a)") }
                    seen[k] = a
                }
            }
        }
    }

    @Test func theIssuesKeysAllWork() {
        let required: [(Key, Action, [Scope])] = [
            (.char("q"), .quit, [.global]), (.ctrl("c"), .quit, [.field]), (.escape, .cancel, [.field]),
            (.char("?"), .help, [.global]), (.char("t"), .show(.contents), [.global]), (.char("s"), .show(.search), [.global]),
            (.char("i"), .show(.glossary), [.global]), (.char("c"), .show(.compare), [.global]), (.char("d"), .show(.decide), [.global]),
            (.enter, .open, [.global]), (.backspace, .back, [.global]), (.char("j"), .lineDown, [.global]), (.down, .lineDown, [.global]),
            (.char("k"), .lineUp, [.global]), (.up, .lineUp, [.global]), (.char(" "), .pageDown, [.global]), (.pageDown, .pageDown, [.global]),
            (.pageUp, .pageUp, [.global]), (.char("g"), .top, [.global]), (.char("G"), .bottom, [.global]),
            (.char("/"), .find, [.reader]), (.char("n"), .findNext, [.reader]), (.char("N"), .findPrevious, [.reader]),
            (.tab, .nextLink, [.reader]), (.backTab, .previousLink, [.reader]), (.char("]"), .nextSection, [.reader]),
            (.char("["), .previousSection, [.reader]), (.ctrl("l"), .redraw, [.global]), (.char("m"), .setMark, [.global]),
            (.char("'"), .jumpToMark, [.global]), (.char("1"), .pick(1), [.global]), (.char("9"), .pick(9), [.global]),
        ]
        for (key, action, scopes) in required {
            #expect(Keymap.action(for: key, in: scopes) == action, "\(key.label) should be \(action)")
        }
    }

    @Test func theHintLineComesFromTheKeymap() {
        let s = press(Fixture.state(), keys("1"))
        let hint = render(s).lines.last!
        for h in Keymap.hints(for: [.reader, .global], leaving: s.reader.idleActions).prefix(3) {
            #expect(hint.contains("\(h.keys) \(h.words)"))
        }
    }

    @Test func lettersTypeInFieldsAndActOutside() {
        var s = press(Fixture.state(), keys("s", "quit"))
        #expect(!s.quit)
        #expect(s.search.field.text == "quit")
        s = press(s, [.escape, .char("q")])
        #expect(s.quit)
    }

    /// F1 is help in every text field, the brief's number and notes fields too; `?` types there.
    @Test func f1OpensHelpWhileTypingInTheBrief() {
        for path in [keys("d3", Key.down, Key.down, Key.enter, "12"), keys("d3", Key.end, Key.enter, "why")] {
            var s = press(Fixture.state(), path)
            #expect(s.decide.typing && s.screen == .decide, "not typing after \(path.map(\.label))")
            s = press(s, [.function(1)])
            #expect(s.screen == .help, "F1 while typing in the brief after \(path.map(\.label))")
        }
        let asked = press(Fixture.state(), keys("d3", Key.end, Key.enter, "why?"))
        #expect(asked.screen == .decide && asked.decide.draft.values[.notes] == .text("why?"))
    }

    @Test func ctrlCQuitsFromAnywhere() {
        for path in [keys("s", "ab"), keys("i"), keys("1", "/", "x"), keys("1", "m"), keys("1", Key.tab, Key.enter)] {
            let s = press(Fixture.state(), path + [.ctrl("c")])
            #expect(s.quit, "Ctrl-C after \(path.map(\.label))")
        }
    }
}

/// The README names every key the explorer binds, in every scope (`Scope.allCases`: a new view's
/// scope is among them, so its keys must be in the README too).
@Suite struct ReadmeKeysTests {
    /// A run of keys a binding names as one (`Binding.label`), by the word README uses for it: the
    /// brief form's every letter types, which help shows as "a-z" and README calls "letters".
    static let runs = ["a-z": "letters"]

    @Test func everyExplorerKeyIsInTheReadme() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        // The explorer's part: its views and keys, then Deciding in the explorer (Decide's screens).
        let start = try #require(readme.range(of: "## The explorer"))
        let end = try #require(readme.range(of: "### `nnguide recommend`"))
        let section = String(readme[start.lowerBound..<end.lowerBound])
        var checked = 0
        for scope in Scope.allCases {
            for b in Keymap.bindings where b.scope == scope {
                if let label = b.label {
                    let word = try #require(Self.runs[label], "README's word for the keys \(label) (\(b.help)) is not known to this test")
                    #expect(section.contains(word), "README's explorer sections do not name \(word) (\(label): \(b.help))")
                    continue
                }
                for k in b.keys {
                    checked += 1
                    #expect(section.contains("`\(k.label)`") || section.contains("`\(k.label)`-") || section.contains("`1`-`9`") && k.typedCharacter?.isNumber == true,
                            "README's explorer sections do not name \(k.label) (\(scope.rawValue): \(b.help))")
                }
            }
        }
        // Every scope that binds a key was looked at: none is left out of `allCases`.
        #expect(Set(Keymap.bindings.map(\.scope)).isSubset(of: Set(Scope.allCases)))
        #expect(checked > 100, "only \(checked) keys checked")
    }

    /// The hint line is the same in the compare list and its table, so Tab's word must be true in both:
    /// it said "Tab table" while the table was already shown (and Tab went back to the list).
    @Test func compareTabHintIsTrueInTheListAndInTheTable() {
        let list = press(Fixture.state(), keys("c", "jjx"))
        let table = press(list, [.tab])
        let lines = render(table).lines
        #expect(lines[lines.count - 2].contains("table (Tab: list)"), "the table has the focus")
        for s in [list, table] {
            let hint = render(s).lines.last ?? ""
            #expect(hint.contains("Tab switch"))
            #expect(!hint.contains("Tab table"))
        }
    }

    /// Help only scrolls, so its hint line must not offer Enter: it said "Enter open", and Enter only
    /// answered "Nothing to do here for that key".
    @Test func helpHintOffersNoKeyThatDoesNothingThere() {
        let help = press(Fixture.state(), keys("?"))
        let hint = render(help).lines.last ?? ""
        #expect(hint.contains("Backspace back"))
        #expect(!hint.contains("Enter"))
        let entered = press(help, [.enter])
        #expect(entered.message?.contains("Nothing to do here") == true, "Enter still does nothing on help")
        // Elsewhere the global Enter stays in the hint.
        #expect(render(press(Fixture.state(), keys("d"))).lines.last?.contains("Enter open") == true)
    }

    /// The decision hub's hint put the global keys first, so at 40 columns it never said how to open
    /// an item; Enter now comes first, and Backspace still goes back to the view you came from.
    @Test func theDecideHubHintSaysHowToOpenAtFortyColumns() {
        let hub = press(Fixture.state(40, 12), keys("t", "d"))
        #expect(render(hub).lines.last?.hasPrefix("Enter open") == true, "\(render(hub).lines.last ?? "")")
        #expect(press(hub, [.backspace]).screen == .contents)
    }

    @Test func aDiagnosisAndAnEmptyBriefsFolderOfferNoKeyThatDoesNothing() throws {
        let words = { (s: AppState) in s.hintItems.map(\.words) }
        // The primary flow has a command for `y` once a question is answered (ninth retest: not at
        // question 1, where it has none yet); a diagnosis has none.
        #expect(words(press(Fixture.state(), keys("d1", "1"))).contains("command"))
        #expect(!words(press(Fixture.state(), keys("d1"))).contains("command"))
        #expect(!words(press(Fixture.state(), keys("d4"))).contains("command"), "\(words(press(Fixture.state(), keys("d4"))))")
        // Saved briefs: Enter is offered only when there is a brief to open.
        let dir = try TempDir()
        #expect(!words(press(Fixture.state(), keys("d5"), running: dir.runner)).contains("open"))
        // Esc, not `d`, back to the hub: on a choice field `d` types (a task's name starts with it).
        let withBrief = press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.ctrl("s")) + [.escape] + keys("5"), running: dir.runner)
        #expect(withBrief.decide.top is SavedBriefsScreen)
        #expect(words(withBrief).contains("open"), "\(words(withBrief))")
    }
}

/// The keys that act with no screen to take them, a window too small and the letter after a bookmark
/// key, are the keymap's (Anywhere's and the prompts'), so the keys the message and the hint name are
/// the keys that work there: rebinding a row changes both.
@Suite struct KeysWithoutAScreenTests {
    static func bound(_ action: Action, in scope: Scope) -> [Key] {
        Keymap.bindings.filter { $0.scope == scope && $0.action == action }.flatMap(\.keys)
    }

    @Test func aWindowTooSmallTakesAnywheresQuitAndRedraw() {
        let small = update(Fixture.state(), .resize(width: AppState.minimumWidth - 1, height: AppState.minimumHeight))
        #expect(small.tooSmall)
        #expect(render(small).lines.joined(separator: " ").contains("\(Keymap.key(.quit)) quits"), "the message names the quit key")
        let quits = Self.bound(.quit, in: .global), redraws = Self.bound(.redraw, in: .global)
        #expect(!quits.isEmpty && !redraws.isEmpty)
        for k in quits { #expect(update(small, k).quit, "\(k.label) does not quit a window too small") }
        for k in redraws { #expect(update(small, k).redraw && !update(small, k).quit, "\(k.label) does not redraw") }
        // Every other key of Anywhere waits for a larger window.
        for b in Keymap.bindings where b.scope == .global && ![.quit, .redraw].contains(b.action) {
            for k in b.keys {
                let after = update(small, k)
                #expect(!after.quit && after.screen == small.screen && after.message == small.message, "\(k.label) acted in a window too small")
            }
        }
    }

    @Test func theBookmarkLetterTakesThePromptsKeys() {
        let marking = press(Fixture.state(), keys("1", "m"))
        #expect(marking.bookmarkKey == .set)
        let cancels = Self.bound(.cancel, in: .prompt), quits = Self.bound(.quit, in: .prompt)
        #expect(!cancels.isEmpty && !quits.isEmpty)
        let hint = render(marking).lines.last ?? ""
        #expect(hint.contains(Keymap.key(.cancel, in: .prompt)), "\(hint)")
        for k in cancels {
            let s = update(marking, k)
            #expect(s.bookmarkKey == nil && !s.quit && s.message == nil && s.reading.bookmarks.isEmpty, "\(k.label) did not cancel quietly")
        }
        for k in quits { #expect(update(marking, k).quit, "\(k.label) does not quit from the bookmark prompt") }
        #expect(update(marking, .enter).message == "Bookmarks are letters a-z; nothing changed")
        #expect(update(marking, .char("a")).reading.bookmarks["a"] != nil)
    }
}
