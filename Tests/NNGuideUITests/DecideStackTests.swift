import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI
@testable import NNGuideEffects

/// The decision navigator as a stack of screens: what each key pushes and pops, where Back returns,
/// what `d` puts aside and the hub resumes, and the keymap scopes of each screen (fixture decisions:
/// primary flow, a text variant tree the Text/Generate pick refines through, a diagnosis).
@Suite struct DecideStackTests {
    /// The screens on the stack, bottom first, by type name.
    static func names(_ s: AppState) -> [String] { s.decide.stack.map { String(describing: type(of: $0)) } }

    @Test func screensArePushedInOrderAndBackPopsThemInReverse() {
        var s = press(Fixture.state(), keys("d"))
        #expect(Self.names(s) == ["HubScreen"])
        s = press(s, keys("2"))
        #expect(Self.names(s) == ["HubScreen", "VariantMenu"])
        s = press(s, keys("1"))
        #expect(Self.names(s) == ["HubScreen", "VariantMenu", "TreeSession"])
        s = press(s, keys("M"))
        #expect(Self.names(s) == ["HubScreen", "VariantMenu", "TreeSession", "DecisionMap"])
        s = press(s, [.escape])
        #expect(Self.names(s) == ["HubScreen", "VariantMenu", "TreeSession"])
        s = press(s, [.backspace])
        #expect(Self.names(s) == ["HubScreen", "VariantMenu"])
        s = press(s, [.backspace])
        #expect(Self.names(s) == ["HubScreen"])
        // The hub is never popped: Backspace there is the app's Back, to the screen before `d`.
        s = press(s, [.backspace])
        #expect(s.screen == .home && Self.names(s) == ["HubScreen"])
    }

    @Test func backBeforeTheFirstQuestionReturnsWhereTheTreeWasChosen() {
        // From the hub.
        #expect(Self.names(press(Fixture.state(), keys("d1", Key.backspace))) == ["HubScreen"])
        // From the variant menu, with the tree still highlighted there.
        let fromMenu = press(Fixture.state(), keys("d2", "1", Key.backspace))
        #expect(Self.names(fromMenu) == ["HubScreen", "VariantMenu"])
        #expect((fromMenu.decide.top as? VariantMenu)?.menu.index == 0)
        // From the form: the brief's path, back answer by answer, then the form.
        var s = press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.ctrl("p")))
        #expect(Self.names(s) == ["HubScreen", "BriefScreen", "TreeSession"])
        #expect(s.decide.session?.origin == .brief)
        s = press(s, [.backspace, .backspace, .backspace])
        #expect(Self.names(s) == ["HubScreen", "BriefScreen"])
        // From a pick: the variant tree is pushed over the pick's session and pops back to it.
        s = press(Fixture.state(), keys("d1", "22", "1"))
        #expect(Self.names(s) == ["HubScreen", "TreeSession", "TreeSession"])
        #expect(s.decide.session?.nav.tree.id == "text" && s.decide.session?.origin == .tree("primary"))
        s = press(s, [.backspace])
        #expect(Self.names(s) == ["HubScreen", "TreeSession"])
        #expect(s.decide.session?.atPick == true && s.decide.session?.nav.leaf?.id == "text-generate")
    }

    @Test func mOnTheRecommendationOpensTheMapOfTheBriefsPathAndEscReturnsThere() throws {
        var s = press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.ctrl("r"), "j"))
        #expect(Self.names(s) == ["HubScreen", "BriefScreen", "RecommendationScreen"])
        #expect(s.decide.top is RecommendationScreen)
        let before = render(s)
        s = press(s, keys("M"))
        // The map is over the recommendation it was opened from (it was over a tree session of the
        // brief's path, so closing it landed on another screen: issue 22).
        #expect(Self.names(s) == ["HubScreen", "BriefScreen", "RecommendationScreen", "DecisionMap"])
        #expect(s.message == nil, "\(s.message ?? "")")
        #expect(shown(s).contains("Map: "))
        // The map opens on the brief's own pick.
        #expect(try #require(s.decide.top as? DecisionMap).nav.isAtLeaf)
        s = press(s, [.escape])
        #expect(Self.names(s) == ["HubScreen", "BriefScreen", "RecommendationScreen"])
        #expect(render(s) == before, "exactly where it was: the same pick, the same scroll")
        // Enter on a place steps through the tree from there, over the recommendation; Back returns to it.
        s = press(s, keys("M", "g", Key.enter))
        #expect(Self.names(s) == ["HubScreen", "BriefScreen", "RecommendationScreen", "TreeSession"])
        #expect(s.decide.session?.origin == .brief && s.decide.session?.nav.answers.isEmpty == true)
        s = press(s, [.backspace])
        #expect(Self.names(s) == ["HubScreen", "BriefScreen", "RecommendationScreen"])
    }

    @Test func closingTheMapFromATreeLandsOnTheSameQuestionAndEnterGoesToThePlace() {
        var s = press(Fixture.state(), keys("d1", "1", "j"))
        let before = render(s)
        s = press(s, keys("M"))
        #expect(Self.names(s) == ["HubScreen", "TreeSession", "DecisionMap"])
        s = press(s, [.backspace])
        #expect(render(s) == before, "Backspace on the map closes it; the session is as it was, highlight included")
        s = press(s, keys("M", "g", Key.enter))
        #expect(Self.names(s) == ["HubScreen", "TreeSession"])
        #expect(s.decide.session?.nav.answers.isEmpty == true, "the map's first place is the start")
    }

    @Test func dPutsTheSessionAsideAndTheHubResumesItWhole() {
        // A variant tree over a pick, with the map open over it: all of it comes back.
        var s = press(Fixture.state(), keys("d1", "22", "1", "M", "d"))
        #expect(Self.names(s) == ["HubScreen"])
        #expect(s.decide.aside[.tree("primary")]?.count == 3)
        #expect(shown(s).contains("resume: Text \u{203A} Generate"), "the answers of both trees")
        s = press(s, keys("1"))
        #expect(Self.names(s) == ["HubScreen", "TreeSession", "TreeSession", "DecisionMap"])
        #expect(s.decide.aside.isEmpty, "a resumed session is on the stack, not aside")
        s = press(s, [.escape, .backspace])
        #expect(s.decide.session?.nav.leaf?.id == "text-generate")
        // Leaving a tree by Back forgets it: the hub offers a fresh start again.
        s = press(s, [.backspace, .backspace, .backspace])
        #expect(Self.names(s) == ["HubScreen"] && !shown(s).contains("resume:"))
    }

    @Test func aVariantSessionPutAsideIsResumedFromTheVariantMenu() {
        var s = press(Fixture.state(), keys("d2", "1", "1", "d"))
        #expect(shown(s).contains("resume: Text variants"))
        s = press(s, keys("2"))
        #expect(shown(s).contains("(in progress)"))
        s = press(s, [.enter])
        #expect(s.decide.session?.nav.answers.count == 1 && s.decide.session?.origin == .tree("text"))
        // The brief's path is not put aside: ^P always walks the form's brief again.
        s = press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.ctrl("p"), "d"))
        #expect(s.decide.aside.isEmpty)
    }

    @Test func aSavedBriefOpensInTheFormItWasAskedFromOrOverTheHub() throws {
        let dir = try TempDir()
        try FileManager.default.createDirectory(atPath: dir.path("state/briefs"), withIntermediateDirectories: true)
        try "modality: image\ntask: classification\n".write(toFile: dir.path("state/briefs/a.yaml"), atomically: true, encoding: .utf8)
        var s = press(Fixture.state(), keys("d5"), running: dir.runner)
        s = press(s, keys("1"))
        #expect(Self.names(s) == ["HubScreen", "BriefScreen"])
        s = press(s, [.ctrl("t")], running: dir.runner)
        #expect(Self.names(s) == ["HubScreen", "BriefScreen", "SavedBriefsScreen"])
        s = press(s, keys("1"))
        #expect(Self.names(s) == ["HubScreen", "BriefScreen"], "back to the form, not a second form")
        #expect(s.decide.draft.values[.modality] == .choice("image"))
    }

    @Test func theSavedBriefsReturnToTheirCallerAsItWas() throws {
        // From the form: Esc and Backspace leave it exactly as it was, the focused field included.
        let form = press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.down))
        for close in [Key.escape, .backspace] {
            let s = press(form, [.ctrl("t"), close])
            #expect(Self.names(s) == ["HubScreen", "BriefScreen"])
            #expect(try render(s) == render(form) && s.decide.draft == form.decide.draft && s.decide.form == form.decide.form)
        }
        // From the hub: the hub with its last item still chosen.
        let s = press(Fixture.state(), keys("d5", Key.backspace))
        #expect(Self.names(s) == ["HubScreen"])
        #expect((s.decide.top as? HubScreen)?.menu.index == 4)
    }

    @Test func aCommandsResultGoesToTheScreenThatAskedIt() {
        // `e` at a pick: the session that asked says where the record went (the form does not).
        var s = press(Fixture.state(), keys("d1", "22"))
        let (asking, asked) = step(s, .key(.char("e"), at: 0))
        #expect(asked.count == 1 && asked.first?.asker == asking.topAsker)
        s = update(asking, .done(.recordSaved(path: "/w/decision-x.md"), to: asked[0].asker)).0
        #expect(s.message == "Saved record decision-x.md in /w")
        #expect(s.decide.session?.saved == "/w/decision-x.md" && s.decide.draft.savedRecord == nil)
        // The list's own first command (reading the folder) answers the list, not the hub that opened it.
        let (next, commands) = update(press(Fixture.state(), keys("d")), .key(.char("5"), at: 0))
        #expect(commands == [.listBriefs])
        s = update(next, .done(.briefsListed([], folder: "/b"), to: next.topAsker)).0
        #expect(shown(s).contains("In /b"))
    }

    @Test func aResultIsAddressedToItsScreenWhereverItIsNow() {
        // The session asks for its record, then the map is pushed over it before the answer comes:
        // the answer still reaches the session, under the map, and the map stays on top.
        let pick = press(Fixture.state(), keys("d1", "22"))
        let (asking, asked) = step(pick, .key(.char("e"), at: 0))
        let mapped = press(asking, keys("M"))
        var s = update(mapped, .done(.recordSaved(path: "/w/decision-y.md"), to: asked[0].asker)).0
        #expect(s.decide.top is DecisionMap && s.decide.session?.saved == "/w/decision-y.md")
        #expect(s.violations().isEmpty)
        // A screen gone by the time its answer comes gets nothing, and nothing else takes it.
        let (listing, list) = step(press(Fixture.state(), keys("d")), .key(.char("5"), at: 0))
        s = update(press(listing, [.backspace]), .done(.briefsListed([], folder: "/b"), to: list[0].asker)).0
        #expect(Self.names(s) == ["HubScreen"] && s.violations().isEmpty)
        #expect(s.decide.session == nil && s.draft.savedRecord == nil)
    }

    /// A screen reached by keys, and the keymap scopes it must have, most specific first.
    struct ScreenScopes: Sendable, CustomStringConvertible {
        var name: String
        var path: [Key]
        var scopes: [Scope]
        var description: String { name }
    }

    static let scopes: [ScreenScopes] = [
        ScreenScopes(name: "hub", path: keys("d"), scopes: [.decideHub]),
        ScreenScopes(name: "variant menu", path: keys("d2"), scopes: [.decide]),
        ScreenScopes(name: "question", path: keys("d1"), scopes: [.decideTree, .decide]),
        ScreenScopes(name: "pick", path: keys("d1", "22"), scopes: [.decidePick, .decideTree, .decide]),
        ScreenScopes(name: "map", path: keys("d1", "M"), scopes: [.decideMap]),
        ScreenScopes(name: "form", path: keys("d3"), scopes: [.brief]),
        ScreenScopes(name: "recommendation", path: keys("d3", "4", Key.down, "6", Key.ctrl("r")), scopes: [.recommendation, .decidePick, .decideTree, .decide]),
        ScreenScopes(name: "saved briefs", path: keys("d5"), scopes: [.decide]),
    ]

    @Test(arguments: scopes)
    func eachScreenHasItsScopes(_ screen: ScreenScopes) {
        let s = press(Fixture.state(), screen.path)
        #expect(s.decide.scopes == screen.scopes)
        #expect(!s.decide.typing)
    }

    @Test func theFormTypesInItsOwnScopeAndEveryDecideScopeIsReached() {
        let typing = press(Fixture.state(), keys("d3", Key.down, Key.down, Key.enter))
        #expect(typing.decide.typing && typing.decide.typingScopes == [.briefField])
        let reached = Set(Self.scopes.flatMap(\.scopes) + typing.decide.typingScopes)
        let decideScopes = Set(Keymap.bindings.map(\.scope).filter { $0.title.hasPrefix("Decide") })
        #expect(decideScopes.isSubset(of: reached), "scopes no screen uses: \(decideScopes.subtracting(reached))")
    }

    @Test func theTreeSessionLaysItsSheetOutOnceAKey() throws {
        var s = press(Fixture.state(), keys("d1"))
        let first = try #require(s.decide.session).built.misses
        let path = keys("j", "k", "2", "y", "j", Key.tab, Key.backTab, "2", "y", Key.pageDown, Key.backspace, "r")
            + [.resize(width: 40, height: 12), .down]
        for k in path {
            let before = try #require(s.decide.session).built.misses
            s = update(s, k)
            let after = try #require(s.decide.session)
            #expect(after.built.misses - before <= 1, "\(k.label): laid out \(after.built.misses - before) times")
            // The frame and the status line read the same sheet.
            #expect(after.built.holds(after.sheetKey(s.context)), "\(k.label)")
            _ = render(s)
            #expect(s.violations().isEmpty, "\(k.label): \(s.violations())")
        }
        // It is counted: the answers and the resize each needed a new one.
        #expect(try #require(s.decide.session).built.misses - first >= 5)
    }
}
