import Foundation
import TestSupport
import Testing
@testable import NNGuideCore
@testable import NNGuideUI
@testable import NNGuideEffects

/// One event through `update`; returns the commands it asked for.
@discardableResult
private func feed(_ s: inout AppState, _ e: Event) -> [Command] {
    let (next, commands) = update(s, e)
    s = next
    return commands
}

private func key(_ k: Key, _ t: Double = 0) -> Event { .key(k, at: t) }
private func key(_ c: Character, _ t: Double = 0) -> Event { .key(.char(c), at: t) }

/// Effects through update (issue 9): every change of state is an event, disk work goes out as
/// commands and comes back as events, so a log of events replays a session exactly.
@Suite struct EffectsTests {
    // MARK: the reading state's save throttle

    @Test func aMoveWithinAPageIsSavedAtMostEveryFiveSecondsAndEverythingElseAtOnce() throws {
        var s = Fixture.state(40, 12, reading: ReadingState(visited: ["opening"]))
        #expect(feed(&s, key("t", 0.5)).isEmpty, "nothing changed: nothing to save")
        // Opening a page changes the page: saved at once.
        s.openPage("part-1")
        var c = feed(&s, key(.down, 1))
        #expect(c == [.saveReading(s.reading)], "\(c)")
        #expect(s.saves.onDisk == s.reading && s.saves.lastSave == 1)
        // Moves within the page: not before five seconds have passed since that save...
        for t in [2.0, 3.5, 5.9] {
            let before = s.reading
            c = feed(&s, key(.down, t))
            #expect(s.reading != before, "the test needs a page long enough to move in")
            #expect(s.reading.visited == before.visited, "the test needs a move that ticks nothing")
            #expect(c.isEmpty, "at \(t): \(c)")
        }
        // ...then the next key saves where you are.
        c = feed(&s, key(.down, 6.5))
        #expect(c == [.saveReading(s.reading)], "\(c)")
        #expect(feed(&s, key(.down, 7)).isEmpty)
        // A bookmark is saved at once, however soon.
        c = feed(&s, key("m", 7.1))
        #expect(c.isEmpty, "waiting for the letter")
        c = feed(&s, key("a", 7.2))
        #expect(s.reading.bookmarks["a"] != nil)
        #expect(c == [.saveReading(s.reading)], "\(c)")
        // Another page, at once too.
        c = feed(&s, key("]", 7.3))
        #expect(s.reading.last?.page != "part-1")
        #expect(c == [.saveReading(s.reading)], "\(c)")
        // A key that changes nothing saves nothing, even long after.
        #expect(feed(&s, key(.unknown, 100)).isEmpty)
    }

    @Test func whatWasReadIsSavedAtOnce() {
        var s = Fixture.state(40, 12)
        s.openPage("part-1")
        feed(&s, key(.unknown, 0))
        let before = s.reading.visited
        // `G` shows the end of the page: the sections on screen are ticked, and saved at once.
        let c = feed(&s, key("G", 0.1))
        #expect(s.reading.visited != before)
        #expect(c == [.saveReading(s.reading)], "\(c)")
    }

    // MARK: on the way out

    @Test func quittingSavesTheReadingStateAndKeepsTheUnsavedBriefAsADraft() throws {
        var s = press(Fixture.state(), keys("d3", "4", Key.down, "6"))
        s.openPage("part-1")
        let c = feed(&s, key("q", 1))
        #expect(s.quit)
        #expect(c == [.saveReading(s.reading), .keepDraft(values: [.modality: .choice("text"), .task: .choice("generation")], name: "text-generation")], "\(c)")
        // The results: the draft's line is printed once the terminal is restored.
        feed(&s, .done(.readingSaved(warning: nil)))
        feed(&s, .done(.draftKept(path: "/b/drafts/text-generation.yaml", new: true)))
        #expect(s.farewell == ["nnguide: the brief you were filling in is kept as a draft: /b/drafts/text-generation.yaml"])
        // A draft identical to one kept before says nothing; a failure says why.
        var again = s
        again.draftLine = nil
        feed(&again, .done(.draftKept(path: "/b/drafts/text-generation.yaml", new: false)))
        #expect(again.farewell.isEmpty)
        feed(&again, .done(.draftFailed("disk full")))
        #expect(again.farewell == ["nnguide: the brief you were filling in could not be saved: disk full"])
        // Nothing changed, nothing to do.
        var quiet = Fixture.state()
        #expect(feed(&quiet, key("q")).isEmpty && quiet.quit)
    }

    @Test(arguments: [false, true])
    func aQuitSignalLeavesLikeQ(hangUp: Bool) throws {
        let dir = try TempDir()
        var s = press(Fixture.state(), keys("d3", "4"))
        // Typing in a field: `q` would type, a signal still leaves.
        s = press(s, keys(Key.end, Key.enter, "notes"))
        #expect(s.decide.typing)
        let viaQ = update(press(s, [.enter]), key(.ctrl("c"))).1  // q types on the form (issue 23, sixth retest)
        let (left, commands) = update(press(s, [.enter]), .quitSignal(hangUp: hangUp))
        #expect(left.quit && commands == viaQ && commands.contains { if case .keepDraft = $0 { true } else { false } }, "\(commands) vs \(viaQ)")
        // Run for real: the draft is kept either way; after a hang-up nothing is printed.
        let (ended, _, _) = dir.runner.settle(s, .quitSignal(hangUp: hangUp))
        let drafts = try FileManager.default.contentsOfDirectory(atPath: dir.path("state/briefs/drafts"))
        #expect(drafts == ["text.yaml"])
        #expect(ended.draftLine?.contains("text.yaml") == true)
        #expect(ended.farewell == (hangUp ? [] : [ended.draftLine!]))
        // A second signal does not ask again.
        #expect(update(ended, .quitSignal(hangUp: hangUp)).1.isEmpty)
    }

    @Test func aSaveWarningShowsOnceAndIsPrintedOnTheWayOut() throws {
        let dir = try TempDir()
        // A file where the state folder should be: every save fails, for every user (root too).
        try "x".write(toFile: dir.path("blocker"), atomically: true, encoding: .utf8)
        var runner = dir.runner
        runner.store = StateStore(directory: dir.path("blocker/nnguide"))
        var s = Fixture.state()
        s.openPage("part-1")
        // The first key saves the page opened: it fails, and says so in the message line.
        s = runner.settle(s, key("m")).state
        let warning = try #require(s.saves.warning)
        #expect(warning.hasPrefix("nnguide: reading state not saved"))
        #expect(s.message == String(warning.dropFirst("nnguide: ".count)))
        s = runner.settle(s, key("a", 1)).state
        // The next failing save says nothing more.
        s = runner.settle(s, key("m", 2)).state
        let (marked, asked, _) = runner.settle(s, key("b", 3))
        #expect(asked == [.saveReading(marked.reading)])
        #expect(marked.message?.hasPrefix("Bookmark b set at") == true, "\(marked.message ?? "nil")")
        // On the way out: the warning is printed (once), then nothing else.
        let (ended, _, _) = runner.settle(marked, key("q", 4))
        #expect(ended.farewell == [warning])
    }

    @Test func aSaveThatFailsOnlyOnTheWayOutIsPrinted() throws {
        let dir = try TempDir()
        // A small window, so `j` moves within the page (a move the throttle holds back for a while).
        var s = Fixture.state(40, 10)
        s.openPage("part-1")
        // The first key's save works; then the state folder is blocked, and the next save is the one on `q`.
        s = dir.runner.settle(s, key("j")).state
        #expect(s.saves.warning == nil)
        try "x".write(toFile: dir.path("blocker"), atomically: true, encoding: .utf8)
        var runner = dir.runner
        runner.store = StateStore(directory: dir.path("blocker/nnguide"))
        let moved = runner.settle(s, key("j", 1))
        #expect(moved.commands.isEmpty && moved.state.reading != s.reading, "a move within the page, not saved yet")
        let (ended, asked, _) = runner.settle(moved.state, key("q", 2))
        #expect(asked.contains { if case .saveReading = $0 { true } else { false } }, "\(asked)")
        let printed = try #require(ended.farewell.first, "a failed save on the way out must be printed")
        #expect(printed.hasPrefix("nnguide: reading state not saved"))
    }

    // MARK: the decision screens' commands and their results

    @Test func eAtAPickAsksForTheRecordAndItsResultLands() throws {
        var s = press(Fixture.state(), keys("d1", "22"))
        let c = feed(&s, key("e"))
        guard case .saveRecord(.path(let nav))? = c.first, c.count == 1 else { Issue.record("\(c)"); return }
        #expect(nav.leaf?.id == "text-generate")
        var failed = s
        feed(&failed, .done(.recordFailed("cannot create /x: read-only"), to: failed.topAsker))
        #expect(failed.message == "Not saved: cannot create /x: read-only")
        #expect(!shown(failed).contains("Decision record saved"))
        feed(&s, .done(.recordSaved(path: "/work/decision-transformer-2024-05-01.md"), to: s.topAsker))
        #expect(s.message == "Saved record decision-transformer-2024-05-01.md in /work")
        #expect(shown(s).contains("Decision record saved as decision-transformer-2024-05-01.md"))
    }

    @Test func wInTheFormAsksToSaveTheBriefAndItsResultLands() {
        var s = press(Fixture.state(), keys("d3", "4", Key.down, "6"))
        let c = feed(&s, .key(.ctrl("s"), at: 0))
        #expect(c == [.saveBrief(values: [.modality: .choice("text"), .task: .choice("generation")], name: "text-generation")])
        #expect(s.decide.draft.unsaved, "not saved until the result says so")
        var failed = s
        feed(&failed, .done(.briefFailed("cannot write in /b: No space left on device"), to: failed.topAsker))
        #expect(failed.message == "Not saved: cannot write in /b: No space left on device")
        #expect(failed.decide.draft.unsaved)
        var same = s
        feed(&same, .done(.briefSaved(path: "/b/text-generation.yaml", new: false), to: same.topAsker))
        #expect(same.message == "Already saved: text-generation.yaml in /b" && !same.decide.draft.unsaved)
        feed(&s, .done(.briefSaved(path: "/b/text-generation.yaml", new: true), to: s.topAsker))
        #expect(s.message == "Saved brief text-generation.yaml in /b")
        #expect(!s.decide.draft.unsaved && s.decide.draft.file == "/b/text-generation.yaml")
        #expect(render(s).lines[s.height - 2].contains("(brief saved)"))
        // Saved: quitting keeps no draft, and saves the reading state that remembers the brief for the
        // next start (issue 23, fifth retest).
        #expect(feed(&s, key("q")) == [.saveReading(ReadingState(brief: "/b/text-generation.yaml"))])
    }

    @Test func theSavedBriefsAreListedAndDeletedThroughCommands() {
        var s = Fixture.state()
        feed(&s, key("d"))
        #expect(feed(&s, key("5")) == [.listBriefs])
        #expect(shown(s).contains("Reading the briefs folder"))
        let a = SavedBrief(path: "/b/a.yaml", values: [.modality: .choice("image")], problem: nil, modified: Date(timeIntervalSince1970: 2), order: [.modality])
        let b = SavedBrief(path: "/b/b.yaml", values: [.modality: .choice("text")], problem: nil, modified: Date(timeIntervalSince1970: 1), order: [.modality])
        feed(&s, .done(.briefsListed([a, b], folder: "/b"), to: s.topAsker))
        #expect(s.decide.saved == [a, b])
        #expect(shown(s).contains("a.yaml") && shown(s).contains("modality=text"))
        #expect(feed(&s, key("x")).isEmpty, "the first x asks")
        #expect(feed(&s, key("x")) == [.deleteBrief(path: "/b/a.yaml")])
        var failed = s
        feed(&failed, .done(.briefDeleted(path: "/b/a.yaml", problem: "cannot delete /b/a.yaml: Permission denied", remaining: [a, b], folder: "/b"), to: failed.topAsker))
        #expect(failed.message == "Not deleted: cannot delete /b/a.yaml: Permission denied" && failed.decide.saved.count == 2)
        feed(&s, .done(.briefDeleted(path: "/b/a.yaml", problem: nil, remaining: [b], folder: "/b"), to: s.topAsker))
        #expect(s.message == "Deleted /b/a.yaml" && s.decide.saved == [b])
        #expect(!render(s).lines.dropLast(2).joined().contains("a.yaml"), "the list above the status and message lines")
    }

    @Test func theRunnerReturnsEachResult() throws {
        let dir = try TempDir()
        let runner = dir.runner
        let guide = Fixture.guide
        guard case .done(.briefSaved(let path, true), _) = runner.run(.saveBrief(values: [.modality: .choice("text")], name: "t"), guide: guide) else {
            Issue.record("saveBrief"); return
        }
        #expect(path == dir.path("state/briefs/t.yaml"))
        guard case .done(.briefSaved(path, false), _) = runner.run(.saveBrief(values: [.modality: .choice("text")], name: "t"), guide: guide) else {
            Issue.record("saveBrief again"); return
        }
        guard case .done(.briefsListed(let list, let folder), _) = runner.run(.listBriefs, guide: guide) else { Issue.record("list"); return }
        #expect(list.map(\.path) == [path] && folder == dir.path("state/briefs"))
        guard case .done(.briefDeleted(path, nil, let remaining, _), _) = runner.run(.deleteBrief(path: path), guide: guide) else { Issue.record("delete"); return }
        #expect(remaining.isEmpty && !FileManager.default.fileExists(atPath: path))
        guard case .done(.briefDeleted(_, let problem?, _, _), _) = runner.run(.deleteBrief(path: "/etc/passwd"), guide: guide) else { Issue.record("delete outside"); return }
        #expect(problem.contains("is not in"))
        guard case .done(.draftKept(let draft, true), _) = runner.run(.keepDraft(values: [.task: .choice("generation")], name: "g"), guide: guide) else { Issue.record("draft"); return }
        #expect(draft == dir.path("state/briefs/drafts/g.yaml"))
        let reading = ReadingState(last: Position(page: "part-1"), visited: ["opening"])
        guard case .done(.readingSaved(nil), _) = runner.run(.saveReading(reading), guide: guide) else { Issue.record("reading"); return }
        #expect(StateStore(directory: dir.path("state")).load().state == reading)
        guard case .wholeGuide(nil) = runner.run(.loadWholeGuide, guide: guide) else { Issue.record("no loader: failure"); return }
        var loading = runner
        loading.wholeGuide = { guide }
        guard case .wholeGuide(let g?) = loading.run(.loadWholeGuide, guide: guide) else { Issue.record("loader"); return }
        #expect(g.pages.count == guide.pages.count)
    }

    // MARK: the whole guide after the preview

    @Test func theWholeGuideArrivesThroughUpdate() throws {
        let reading = ReadingState(last: Position(page: "part-2"), bookmarks: ["a": Position(page: "opening")])
        var preview = AppState(library: Library(guide: Fixture.guide), width: 80, height: 24, reading: reading, startedAt: 3)
        preview.message = "the saved reading state is corrupt; starting fresh"
        let before = render(preview)
        let whole = Library(guide: Fixture.guide)
        var s = preview
        #expect(feed(&s, .wholeGuide(whole.guide)).isEmpty)
        #expect(s.library !== preview.library, "the state now holds the whole guide")
        #expect(render(s) == before && s.message == preview.message && s.reading == reading && s.saves == preview.saves)
        // It failed to load: the loop ends and reports; nothing to save.
        var failed = preview
        #expect(feed(&failed, .wholeGuide(nil)).isEmpty)
        #expect(failed.quit && failed.guideFailed && failed.farewell.isEmpty)
    }

    /// The whole guide once rebuilt the state by hand and dropped the home folder: a brief saved after
    /// a preview named its folder in full rather than under `~` (issue 22).
    @Test func theWholeGuideKeepsTheHomeFolder() {
        let home = "/home/someone"
        var s = AppState(library: Library(guide: Fixture.guide), width: 80, height: 24, homeFolder: home)
        #expect(feed(&s, .wholeGuide(Fixture.guide)).isEmpty)
        #expect(s.homeFolder == home)
        s = press(s, keys("d3", "4", Key.down, "6", Key.ctrl("s")))
        s = update(s, .done(.briefSaved(path: home + "/.local/state/nnguide/briefs/text-generation.yaml", new: true), to: s.topAsker)).0
        let message = messageRows(s).joined(separator: " ")
        #expect(message.contains("text-generation.yaml in ~/.local/state/nnguide/briefs"), "\(message)")
    }

    // MARK: replaying a session

    /// A session of keys with their times, run for real on temporary folders, recorded as the events
    /// `update` saw; replaying that log from the same start reproduces it without touching the disk.
    @Test func replayingTheEventLogReproducesTheSession() throws {
        let dir = try TempDir()
        let start = Fixture.state(80, 24, reading: ReadingState(visited: ["opening"]), startedAt: 100)
        let typed: [(Key, Double)] = [
            (.char("t"), 100.5), (.enter, 101), (.down, 101.2), (.down, 102), (.down, 107), (.char("m"), 107.1), (.char("a"), 107.2),
            (.char("d"), 108), (.char("3"), 108.5), (.char("4"), 109), (.down, 109.2), (.char("6"), 109.4), (.ctrl("s"), 110),
            (.ctrl("e"), 111), (.escape, 112), (.char("5"), 113), (.char("j"), 114), (.backspace, 115), (.char("3"), 116),
            (.down, 117), (.enter, 118), (.char("9"), 118.1), (.enter, 118.2), (.ctrl("c"), 120),
        ]
        var live = start
        var log: [Event] = []
        var liveCommands: [Command] = []
        for (k, t) in typed {
            let (next, commands, events) = dir.runner.settle(live, .key(k, at: t))
            live = next; log += events; liveCommands += commands
        }
        #expect(live.quit)
        // The session did disk work whose results matter: a brief saved, a record, a list, a draft.
        #expect(liveCommands.contains(.listBriefs))
        #expect(liveCommands.contains { if case .saveBrief = $0 { true } else { false } })
        #expect(liveCommands.contains { if case .saveRecord = $0 { true } else { false } })
        #expect(liveCommands.contains { if case .keepDraft = $0 { true } else { false } })
        #expect(liveCommands.filter { if case .saveReading = $0 { true } else { false } }.count >= 2)
        #expect(log.count > typed.count)

        // The replay: the log alone, no runner, no disk.
        var replayed = start
        var replayedCommands: [Command] = []
        for e in log { replayedCommands += feed(&replayed, e) }
        #expect(render(replayed) == render(live))
        #expect(replayed.reading == live.reading && replayed.saves == live.saves)
        #expect(replayed.message == live.message && replayed.farewell == live.farewell)
        #expect(replayed.decide.saved == live.decide.saved && replayed.decide.draft.file == live.decide.draft.file)
        #expect(replayedCommands == liveCommands)

        // The results are part of the session: the keys alone do not give it back.
        var keysOnly = start
        for e in log { if case .key = e { feed(&keysOnly, e) } }
        #expect(keysOnly.decide.draft.file == nil && live.decide.draft.file != nil)
    }

    /// The same for random sessions: keys from the Decide screens and the reader, at random moments,
    /// with every command run for real; the log replays to the same state and commands at every step.
    @Test(arguments: [UInt64(3), 11, 29])
    func randomSessionsReplayExactly(seed: UInt64) throws {
        let dir = try TempDir()
        var rng = SeededRandom(seed: seed)
        let pool: [Key] = keys("d12345jkgGrxyepwomav'", "]", "[") + [.enter, .backspace, .tab, .escape, .left, .right, .down, .pageDown,
                                                                        .resize(width: 40, height: 12), .resize(width: 80, height: 24)]
        let start = Fixture.state(startedAt: 0)
        var live = start, replayed = start
        var time = 0.0
        for i in 0..<300 {
            time += Double(Int.random(in: 0...40, using: &rng)) / 10
            let k = pool.randomElement(using: &rng)!
            let (next, commands, events) = dir.runner.settle(live, .key(k, at: time))
            live = next
            var again: [Command] = []
            for e in events { again += feed(&replayed, e) }
            guard again == commands, render(replayed) == render(live), replayed.reading == live.reading,
                  replayed.message == live.message, replayed.saves == live.saves else {
                Issue.record("seed \(seed), key \(i) (\(k) at \(time)): the replay differs\n\(commands)\n\(again)")
                return
            }
            #expect(live.violations().isEmpty, "seed \(seed), key \(i): \(live.violations())")
        }
    }

    // MARK: the first step (`start`, as Bubble Tea's Init)

    @Test func startOpensWhatOpenNamesAndAsksForTheWholeGuideOnlyAfterAPreview() throws {
        let (plain, none) = start(Fixture.state(), opening: nil, preview: false)
        #expect(plain.screen == .home && none.isEmpty)
        #expect(start(Fixture.state(), opening: nil, preview: true).1 == [.loadWholeGuide])
        let page = try #require(Fixture.guide.pages.first?.id)
        let (reading, _) = start(Fixture.state(), opening: .page(page), preview: false)
        #expect(reading.screen == .reader && reading.reading.last?.page == page)
        let (glossary, _) = start(Fixture.state(), opening: .glossary("architecture"), preview: false)
        #expect(glossary.screen == .glossary && shown(glossary).contains("rchitecture"))
        // The loop runs what start asked for through the runner, as it runs every command.
        let runner = CommandRunner(files: DecisionFiles(stateDirectory: "/nonexistent", workingDirectory: "/nonexistent"),
                                   store: StateStore(directory: "/nonexistent"), wholeGuide: { Fixture.guide })
        let (previewed, first) = start(Fixture.state(), opening: nil, preview: true)
        let after = first.reduce(previewed) { s, c in runner.settle(s, runner.run(c, guide: s.guide)).state }
        #expect(after.screen == .home && !after.guideFailed)
    }
}
