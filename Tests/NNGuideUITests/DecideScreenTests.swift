import TestSupport
import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI
@testable import NNGuideEffects

/// The decision navigator's screens, reached by keys from a fresh start (fixture decisions: primary
/// flow Images / Text / Time series, Text -> Classify / Generate, a text variant tree, a diagnosis).
@Suite struct DecideScreenTests {
    static let screens: [(String, [Key])] = [
        ("decide-question", keys("d1", "2")),
        ("decide-pick", keys("d1", "22")),
        ("decide-pick-command", keys("d1", "22", "y")),
        ("decide-changing", keys("d1", "22", Key.backTab, Key.backTab, Key.enter)),
        ("decide-variants", keys("d2")),
        ("decide-brief", keys("d3")),
        ("decide-brief-filled", keys("d3", "4", Key.down, Key.right, Key.right, Key.right, Key.right, Key.right, Key.right, Key.down, "500", Key.enter)),
        ("decide-brief-typing", keys("d3", "4", Key.down, "6", Key.down, Key.down, Key.enter, "20")),
        ("decide-brief-result", keys("d3", "4", Key.down, "6", Key.down, "500", Key.enter, Key.ctrl("r"))),
    ]

    @Test(arguments: screens)
    func screen(_ name: String, _ path: [Key]) {
        expectGoldenAtEverySize(name, path, roles: true)
    }

    // MARK: stepping

    @Test func textGenerationReachesAPickAndBackspaceStepsBack() {
        var s = press(Fixture.state(), keys("d1", "2"))
        #expect(s.decide.session?.nav.current.id == "text-need")
        s = press(s, keys("2"))
        #expect(s.decide.session?.atPick == true)
        #expect(s.decide.session?.nav.leaf?.id == "text-generate")
        #expect(shown(s).contains("Why not the others"))
        // One answer back: the question again, with the answer taken back highlighted.
        s = press(s, [.backspace])
        #expect(s.decide.session?.nav.current.id == "text-need")
        #expect(s.decide.session?.answerList.index == 1)
        s = press(s, [.backspace])
        #expect(s.decide.session?.nav.answers.isEmpty == true)
        // Before the first question: the hub; from the hub, Backspace goes where you were before `d`.
        s = press(s, [.backspace])
        #expect(s.screen == .decide && s.decide.top is HubScreen)
        s = press(s, [.backspace])
        #expect(s.screen == .home)
    }

    @Test func arrowsAndEnterPickLikeDigits() {
        let byDigits = press(Fixture.state(), keys("d1", "22"))
        let byArrows = press(Fixture.state(), keys("d", Key.enter, Key.down, Key.enter, "j", Key.enter))
        #expect(byArrows.decide.session?.nav.answers == byDigits.decide.session?.nav.answers)
    }

    @Test func anEarlierAnswerChangesFromTheBreadcrumb() {
        // At the pick, Tab goes to the links first, Shift-Tab to the breadcrumb from its end; Enter
        // on an answer reopens its question.
        var s = press(Fixture.state(), keys("d1", "22", Key.backTab, Key.backTab, Key.enter))
        #expect(s.decide.session?.changing == 0)
        #expect(s.decide.session?.answerList.index == 1, "the current answer is highlighted")
        #expect(shown(s).contains("(your answer)"))
        // Esc keeps the old answer and the whole path.
        let kept = press(s, [.escape])
        #expect(kept.decide.session?.atPick == true && kept.decide.session?.nav.answers.count == 2)
        // A new answer: later answers that no longer apply are dropped.
        s = press(s, keys("1"))
        #expect(s.decide.session?.nav.breadcrumb.map(\.option.answer) == ["Images"])
        #expect(s.decide.session?.nav.current.id == "image-data")
        // Changing the second answer keeps the first.
        s = press(Fixture.state(), keys("d1", "22", Key.backTab, Key.enter, "1"))
        #expect(s.decide.session?.nav.breadcrumb.map(\.option.answer) == ["Text", "Classify"])
        #expect(s.decide.session?.nav.leaf?.id == "text-classify")
    }

    @Test func theVariantLinkOpensTheVariantTreeAndBackspaceReturnsToThePick() {
        var s = press(Fixture.state(), keys("d1", "22", "1"))
        #expect(s.decide.session?.nav.tree.id == "text")
        #expect(s.decide.session?.nav.current.id == "text-length")
        s = press(s, [.backspace])
        #expect(s.decide.session?.nav.leaf?.id == "text-generate")
    }

    /// Issue 20, item 9: a pick shows what its `y` command gives when run, the variant tree's title and
    /// start-with list included (Text > Generate refines into the text tree), not the leaf's own.
    @Test func thePickIsWhatItsCommandGives() throws {
        let s = press(Fixture.state(), keys("d1", "22"))
        let nav = try #require(s.decide.session?.nav)
        let recommender = Recommender(guide: Fixture.guide)
        let command = try #require(try nav.command(with: recommender)?.get())
        let r = try recommender.decide(command.brief)
        #expect(r.refinedBy?.tree == "text" && r.pick.title != nav.leaf?.title, "the fixture's case: a variant title")
        let screen = shown(s)
        let startWith = r.pick.variants.isEmpty ? !screen.contains("Start with:") : screen.contains("Start with: " + r.pick.variants.joined(separator: ", "))
        #expect(screen.contains(r.pick.title) && startWith, "\(screen)")
    }

    @Test func aDeepDiveLinkOpensTheReaderAndBackspaceReturnsToThePick() {
        var s = press(Fixture.state(), keys("d1", "22", "2"))
        #expect(s.screen == .reader)
        // The same by Tab: the links come first at a pick.
        let tabbed = press(Fixture.state(), keys("d1", "22", Key.tab, Key.tab, Key.enter))
        #expect(tabbed.screen == .reader && tabbed.reader.unit == s.reader.unit)
        s = press(s, [.backspace])
        #expect(s.screen == .decide && s.decide.session?.atPick == true)
    }

    @Test func dReturnsToTheHubWhichResumes() {
        var s = press(Fixture.state(), keys("d1", "2", "d"))
        #expect(s.decide.top is HubScreen)
        #expect(shown(s).contains("resume: Text"))
        s = press(s, keys("1"))
        #expect(s.decide.session?.nav.current.id == "text-need")
        s = press(s, keys("r"))
        #expect(s.decide.session?.nav.answers.isEmpty == true)
    }

    @Test func clicksChooseAnswersAndFollowLinks() {
        // With --mouse: click the row of "2  Generate" (its line on screen, found by its text).
        var s = press(Fixture.state(), keys("d1", "2"))
        let row = render(s).lines.firstIndex { $0.contains("2  Generate") }!
        s = press(s, [.mouse(x: 6, y: row, .click)])
        #expect(s.decide.session?.nav.leaf?.id == "text-generate")
        // A click on a breadcrumb answer reopens its question.
        let crumbRow = render(s).lines.firstIndex { $0.contains("Answers:") }!
        let col = render(s).lines[crumbRow].range(of: "Text")!.lowerBound.utf16Offset(in: render(s).lines[crumbRow])
        s = press(s, [.mouse(x: col, y: crumbRow, .click)])
        #expect(s.decide.session?.changing == 0)
    }

    // MARK: y and e

    @Test func yShowsTheEquivalentCommandAndHidesIt() {
        var s = press(Fixture.state(), keys("d1", "22", "y"))
        #expect(shown(s).contains("nnguide recommend --modality text --task generation"))
        s = press(s, keys("y"))
        #expect(!shown(s).contains("nnguide recommend"))
        // The diagnosis says nothing about a brief: no command, and the screen says so.
        s = press(Fixture.state(), keys("d4", "1", "y"))
        #expect(shown(s).contains("No nnguide recommend command"))
    }

    @Test func yAtAQuestionOnASmallScreenScrollsToTheCommand() {
        // 40x8: six rows, too few for both the highlighted answer and the command.
        let s = press(Fixture.state(40, 8), keys("d1", "2", "y"))
        #expect(shown(s).contains("--task <task>"), "the whole command is in view")
        // The next move brings the highlighted answer back.
        let moved = press(s, [.down])
        #expect(shown(moved).contains("2  Generate"))
    }

    @Test func eAsksForTheRecordAndTheRunnerSavesItWithoutOverwriting() throws {
        let dir = try TempDir()
        let atPick = press(Fixture.state(), keys("d1", "22"))
        let (asked, commands) = update(atPick, .key(.char("e"), at: 0))
        #expect(commands.count == 1)
        if case .saveRecord(.path(let nav))? = commands.first { #expect(nav.leaf?.id == "text-generate") } else { Issue.record("e asked for \(commands)") }
        #expect(asked.message == nil && !shown(asked).contains("Decision record saved as"), "nothing is saved before the result comes back")
        var s = press(atPick, keys("e"), running: dir.runner)
        let first = dir.path("cwd/decision-transformer-2024-05-01.md")
        let text = try String(contentsOfFile: first, encoding: .utf8)
        // The title the recommender gives for these answers (the text tree's), not the leaf's own (issue 20, item 9).
        #expect(text.hasPrefix("# Decision record: A decoder Transformer"))
        #expect(text.contains("nnguide recommend --modality text --task generation"))
        // The name first, then its folder (issue 23 item 3: 80 columns cut a name that came after the folder).
        #expect(s.message == "Saved record decision-transformer-2024-05-01.md in " + dir.path("cwd"))
        #expect(shown(s).contains("Decision record saved as"))
        // Again: a second file, the first untouched.
        s = press(s, keys("e"), running: dir.runner)
        #expect(FileManager.default.fileExists(atPath: dir.path("cwd/decision-transformer-2024-05-01-2.md")))
        #expect(try String(contentsOfFile: first, encoding: .utf8) == text)
        // At a question there is nothing to record yet.
        let (q, none) = update(press(Fixture.state(), keys("d1", "2")), .key(.char("e"), at: 0))
        #expect(none.isEmpty && q.message?.contains("once you reach a pick") == true)
    }

    @Test(.enabled(if: getuid() != 0, "root writes anywhere, so no folder is read-only to it"))
    func aRecordGoesToTheStateFolderWhenTheWorkingFolderIsReadOnly() throws {
        let dir = try TempDir()
        try FileManager.default.createDirectory(atPath: dir.path("ro"), withIntermediateDirectories: true)
        chmod(dir.path("ro"), 0o555)
        defer { chmod(dir.path("ro"), 0o755) }
        try #require(access(dir.path("ro"), W_OK) != 0, "the folder must be read-only for this test")
        let files = DecisionFiles(stateDirectory: dir.path("state"), workingDirectory: dir.path("ro"), today: { "2024-05-01" })
        _ = press(Fixture.state(), keys("d1", "22", "e"), running: CommandRunner(files: files, store: StateStore(directory: dir.path("state"))))
        #expect(FileManager.default.fileExists(atPath: dir.path("state/records/decision-transformer-2024-05-01.md")))
    }

    // MARK: the brief form

    @Test func choicesCycleAndDigitsPick() {
        var s = press(Fixture.state(), keys("d3", Key.right, Key.right))
        #expect(s.decide.draft.values[.modality] == .choice("image"))
        s = press(s, [.left, .left])
        #expect(s.decide.draft.values[.modality] == nil, "before the first value: not set")
        s = press(s, keys("4"))
        #expect(s.decide.draft.values[.modality] == .choice("text"))
        s = press(s, [.delete])
        #expect(s.decide.draft.values[.modality] == nil)
    }

    /// ^Y in the form shows the command under the focused field, which the form keeps in view: below
    /// the last field it was off screen on any form taller than the window, so the key seemed to do nothing.
    @Test func yInTheBriefFormShowsTheCommandWhereTheFocusIs() throws {
        var s = press(Fixture.state(80, 12), keys("d3", "4", Key.down, Key.right, Key.up, Key.ctrl("y")))
        #expect(try s.decide.form.field == 0, "the focus stays on modality")
        #expect(shown(s).contains("modality*"))
        #expect(shown(s).contains("nnguide recommend --modality text"), "the command is on screen")
        s = press(s, [.ctrl("y")])
        #expect(!shown(s).contains("nnguide recommend --modality"))
    }

    /// With `applies_to` on a task (here translation: text and video only), the form offers it only for
    /// those modalities, and a modality chosen after it says the brief cannot be answered instead of a pick.
    @Test func theFormOffersOnlyTheTasksOfTheModality() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-applies-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: Fixture.directory, toPath: dir.path)
        let file = dir.appendingPathComponent("decisions.yaml").path
        let yaml = try String(contentsOfFile: file, encoding: .utf8)
        let limited = yaml.replacingOccurrences(of: "{value: translation, meaning: \"the same content in another language or form\"}",
                                                with: "{value: translation, meaning: \"the same content in another language or form\", applies_to: {modality: [text, video]}}")
        try #require(limited != yaml)
        try limited.write(toFile: file, atomically: true, encoding: .utf8)
        let library = Library(guide: try ContentLoader.load(directory: dir.path))
        func tasks(_ modalityKey: String) -> Set<String> {
            var s = press(AppState(library: library, width: 80, height: 24), keys("d3", modalityKey, Key.down))
            var seen: Set<String> = []
            for _ in 0..<30 {
                s = press(s, [.right])
                if let task = s.decide.draft.values[.task] { seen.insert(task.description) }
            }
            return seen
        }
        #expect(tasks("4").contains("translation"), "text")
        #expect(!tasks("2").contains("translation"), "image")
        #expect(tasks("2").contains("classification"))

        var s = press(AppState(library: library, width: 80, height: 24), keys("d3", "4", Key.down))
        while s.decide.draft.values[.task] != .choice("translation") { s = press(s, [.right]) }
        #expect(!shown(s).contains("does not apply"))
        s = press(s, keys(Key.up, "2"))  // modality: image, with translation still chosen
        let problem = s.decide.draft.outcome(library.guide).problem ?? ""
        #expect(problem.hasPrefix("Task translation does not apply to modality image; for image: classification"), "\(problem)")
        #expect(shown(s).contains("does not apply"), "\(shown(s))")
        #expect(!shown(s).contains("Pick:"))
        s = press(s, [.ctrl("r")])  // the whole result says why there is none
        #expect(shown(s).contains("Task translation does not apply"), "\(shown(s))")
    }

    @Test func theRecommendationFollowsTheForm() {
        var s = press(Fixture.state(), keys("d3", "4", Key.down, "6"))
        #expect(shown(s).contains("Pick: Transformer (transformer)"))
        s = press(s, keys(Key.up, "3"))  // modality: video
        #expect(shown(s).contains("A small CNN"))
        #expect(!shown(s).contains("Pick: Transformer"))
        // Without a task there is nothing to recommend, and the pane says what is missing.
        s = press(s, [.down, .delete])
        #expect(shown(s).contains("Choose a modality and a task"))
    }

    @Test func lettersTypeInTheNotesAndQDoesNotQuit() {
        var s = press(Fixture.state(), keys("d3", Key.end, Key.enter, "quit? try it"))
        #expect(!s.quit)
        #expect(s.decide.typing)
        #expect(s.decide.draft.values[.notes] == .text("quit? try it"))
        s = press(s, [.backspace, .backspace, .enter])
        #expect(s.decide.draft.values[.notes] == .text("quit? try "))
        #expect(!s.decide.typing)
        // Out of the field q types too (issue 23, sixth retest: every letter types on the form); ^C quits.
        #expect(!press(s, keys("q")).quit && press(s, keys("q")).decide.typing)
        #expect(press(s, [.ctrl("c")]).quit)
    }

    @Test func aBadNumberSaysWhatIsValid() {
        let s = press(Fixture.state(), keys("d3", Key.down, Key.down, Key.enter, "12kx"))
        #expect(s.decide.draft.values[.samples] == nil)
        #expect(shown(s).contains("is not a number"), "\(shown(s))")   // and what samples takes (issue 23: not "unknown value")
        let ok = press(s, [.backspace, .up])
        #expect(ok.decide.draft.values[.samples] == .number(12_000))
    }

    @Test func briefsSaveAsNewFilesAndOpenAgain() throws {
        let dir = try TempDir()
        var s = press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.ctrl("s")), running: dir.runner)
        let first = dir.path("state/briefs/text-generation.yaml")
        // The brief and what it decided on the day (issue 24: the record `nnguide check` reads).
        let firstText = try String(contentsOfFile: first, encoding: .utf8)
        #expect(firstText.hasPrefix("modality: text\ntask: generation\ndecided:\n  pick: transformer\n"), "\(firstText)")
        #expect(firstText.contains("\n  date: 2024-05-01\n"))
        #expect(!s.decide.draft.unsaved)
        // Saving the same brief again writes nothing new.
        s = press(s, [.ctrl("s")], running: dir.runner)
        #expect(s.message?.hasPrefix("Already saved:") == true)
        // A change is written back to the brief's file, as nano's ^S writes the file it opened
        // (twelfth retest: it had piled up text-generation-2.yaml).
        s = press(s, keys(Key.down, Key.enter, "500", Key.enter, Key.ctrl("s")), running: dir.runner)
        #expect(try String(contentsOfFile: first, encoding: .utf8).contains("samples: 500"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("state/briefs/text-generation-2.yaml")))
        #expect(s.message?.hasPrefix("Updated brief text-generation.yaml") == true, "\(s.message ?? "")")
        // Open the list and the first brief saved.
        let (listing, asked) = update(press(Fixture.state(), keys("d"), running: dir.runner), .key(.char("5"), at: 0))
        // Besides the list, the brief `d` continued is remembered with the reading state (issue 23, fifth retest).
        #expect(asked.filter { if case .saveReading = $0 { return false }; return true } == [.listBriefs])
        #expect(shown(listing).contains("Reading the briefs folder"), "the list shows once the result comes back")
        var fresh = press(Fixture.state(), keys("d5"), running: dir.runner)
        #expect(fresh.decide.saved.count == 1)
        let index = try #require(fresh.decide.saved.firstIndex { $0.path == first })
        fresh = press(fresh, keys("\(index + 1)"))
        #expect(fresh.decide.top is BriefScreen)
        #expect(fresh.decide.draft.values == [.modality: .choice("text"), .task: .choice("generation"), .samples: .number(500)])
    }

    @Test func aBriefWhoseTaskChangedIsSavedUnderItsNewName() throws {
        let dir = try TempDir()
        // Saved as text-generation.yaml; then the task changes: the next save is named after it, never
        // text-generation-2.yaml holding another task.
        var s = press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.ctrl("s")), running: dir.runner)
        #expect(FileManager.default.fileExists(atPath: dir.path("state/briefs/text-generation.yaml")))
        s = press(s, [.right], running: dir.runner)
        let task = try #require(s.decide.draft.values[.task]?.description)
        #expect(task != "generation")
        s = press(s, [.ctrl("s")], running: dir.runner)
        let saved = try FileManager.default.contentsOfDirectory(atPath: dir.path("state/briefs")).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(saved == ["text-\(task).yaml", "text-generation.yaml"].sorted(), "\(saved)")
        // A change that keeps modality and task is written back to that file (no -2 copy).
        s = press(s, keys(Key.down, Key.enter, "500", Key.enter, Key.ctrl("s")), running: dir.runner)
        #expect(!FileManager.default.fileExists(atPath: dir.path("state/briefs/text-\(task)-2.yaml")))
        #expect(try String(contentsOfFile: dir.path("state/briefs/text-\(task).yaml"), encoding: .utf8).contains("samples: 500"))
    }

    @Test func openingABriefOverUnsavedChangesAsksFirst() throws {
        let dir = try TempDir()
        try FileManager.default.createDirectory(atPath: dir.path("state/briefs"), withIntermediateDirectories: true)
        try "modality: image\ntask: classification\n".write(toFile: dir.path("state/briefs/a.yaml"), atomically: true, encoding: .utf8)
        var s = press(Fixture.state(), keys("d3", "4", Key.ctrl("t")), running: dir.runner)
        s = press(s, keys("1"))
        #expect(s.decide.top is SavedBriefsScreen && s.decide.draft.values[.modality] == .choice("text"))
        #expect(s.message?.contains("unsaved changes") == true)
        s = press(s, keys("1"))
        #expect(s.decide.top is BriefScreen && s.decide.draft.values[.modality] == .choice("image"))
    }

    @Test func aBrokenBriefFileIsListedWithItsLineAndKept() throws {
        let dir = try TempDir()
        try FileManager.default.createDirectory(atPath: dir.path("state/briefs"), withIntermediateDirectories: true)
        let bad = dir.path("state/briefs/bad.yaml")
        try "modality: text\ntask: dancing\n".write(toFile: bad, atomically: true, encoding: .utf8)
        var s = press(Fixture.state(), keys("d5"), running: dir.runner)
        #expect(shown(s).contains("bad.yaml"))
        s = press(s, keys("1"))
        #expect(s.message?.contains("dancing") == true && s.message?.contains(":2") == true)
        #expect(FileManager.default.fileExists(atPath: bad))
    }

    @Test func quittingKeepsAnUnsavedBrief() throws {
        let dir = try TempDir()
        let s = press(Fixture.state(), keys("d3", "4", Key.down, Key.down, Key.enter, "5k", Key.enter, Key.ctrl("c")), running: dir.runner)
        let line = try #require(s.farewell.first)
        #expect(line.contains("text.yaml") && line.contains("draft"))
        #expect(try String(contentsOfFile: dir.path("state/briefs/drafts/text.yaml"), encoding: .utf8) == "modality: text\nsamples: 5000\n")
        #expect(press(Fixture.state(), keys("d3", Key.ctrl("c")), running: dir.runner).farewell.isEmpty)
    }

    @Test func thePathOfABriefOpensInTheTree() {
        var s = press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.ctrl("p")))
        #expect(s.decide.top is TreeSession && s.decide.session?.nav.leaf?.id == "text-generate")
        s = press(s, [.backspace, .backspace, .backspace])
        #expect(s.decide.top is BriefScreen)
    }

    @Test func randomKeysKeepTheDecideScreensValid() {
        var rng = SeededRandom(seed: 7)  // the tests' one seeded generator: a failing run replays exactly
        let pool: [Key] = keys("d123459jkgGrxyepwo", " ") + [.ctrl("r"), .ctrl("p"), .ctrl("y"), .ctrl("n"), .delete, .enter, .backspace, .tab, .backTab, .escape, .left, .right, .up, .down,
                                                          .pageDown, .pageUp, .resize(width: 40, height: 12), .resize(width: 80, height: 24)]
        var s = press(Fixture.state(), keys("d"))
        for i in 0..<1000 {
            let k = pool.randomElement(using: &rng)!
            if k == .char("q") { continue }
            s = update(s, k)
            // Every fourth state is checked: the app-wide checks cost more than the keys.
            guard i % 4 == 0 else { continue }
            if !s.violations().isEmpty { Issue.record("after key \(i) (\(k)): \(s.violations())"); return }
            _ = render(s)
        }
    }
}

/// The screen as text, for `contains` checks that print readably when they fail.
func shown(_ s: AppState) -> String { render(s).lines.joined(separator: "\n") }

/// A scratch folder with `state/` and `cwd/`, removed when the test ends.
final class TempDir {
    let root: String
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-decide-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/cwd", withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: root) }
    func path(_ p: String) -> String { root + "/" + p }
    var files: DecisionFiles { DecisionFiles(stateDirectory: path("state"), workingDirectory: path("cwd"), today: { "2024-05-01" }) }
    /// Runs commands on these folders (records in `cwd/`, briefs and the reading state in `state/`).
    var runner: CommandRunner { CommandRunner(files: files, store: StateStore(directory: path("state"))) }
}
