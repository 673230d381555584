import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI
@testable import NNGuideEffects

/// Issue 23, ninth retest (retest9a friction 8, retest9b friction 12): Decide's tree sessions in
/// progress survive a quit. Within a session the hub offered "resume: …"; after `q` and a restart the
/// answers were gone. They are kept in the reading state (`ReadingState.decide`) on the way out and
/// rebuilt when the hub first shows over the whole guide (fixture decisions: the primary flow's
/// Text › Generate pick refines through the Text variant tree).
@Suite struct DecidePersistTests {
    static func names(_ s: AppState) -> [String] { DecideStackTests.names(s) }

    /// The reading state as a restart reads it: written by the store, read by the hand reader.
    static func reread(_ state: ReadingState) throws -> ReadingState {
        let dir = NSTemporaryDirectory() + "nnguide-persist-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(StateStore(directory: dir).save(state) == nil)
        let bytes = try #require(FileManager.default.contents(atPath: dir + "/state.json"))
        let read = try #require(StateFile.decode(Array(bytes)), "the hand reader refuses what the store wrote")
        #expect(read == (try JSONDecoder().decode(ReadingState.self, from: bytes)), "the hand reader and Codable differ")
        return read
    }

    /// The commands a quit asks for, and the state after it.
    static func quit(_ s: AppState, _ event: Event = .key(.char("q"), at: 0)) -> (AppState, ReadingState?) {
        let (after, commands) = update(s, event)
        let saved = commands.compactMap { if case .saveReading(let r) = $0 { return r } else { return nil } }.last
        return (after, saved)
    }

    @Test func sessionsRoundTripThroughTheStateFile() throws {
        // Two sessions put aside: the primary flow with a variant tree over its pick (and the map over
        // that), and the diagnosis at its first answer.
        var s = press(Fixture.state(), keys("d1", "22", "1", "1", "M", "d"))
        s = press(s, keys("4", "1", "d"))
        let before = s.sessions
        #expect(before.count == 2)
        let progress = before.progress
        #expect(progress.map { $0.trees.map(\.tree) } == [["diagnosis"], ["primary", "text"]])
        #expect(progress.last?.trees.last?.start == "text-length")

        var state = ReadingState()
        state.decide = progress
        var again = DecideSessions()
        again.restore(try Self.reread(state).decide, guide: Fixture.guide)
        #expect(again.progress == progress)
        for origin in [TreeOrigin.tree("primary"), .tree("diagnosis")] {
            #expect(again.answers(origin) == before.answers(origin))
        }
        // The map is not kept: the trees and their answers are.
        #expect(again[.tree("primary")]?.count == 2)
    }

    @Test func aQuitKeepsTheSessionsAndTheHubOffersThemAfterARestart() throws {
        // The primary flow's variant tree still open (on top) when `q` is pressed.
        let s = press(Fixture.state(), keys("d1", "22", "1"))
        let (after, saved) = Self.quit(s)
        #expect(after.quit)
        let kept = try #require(saved, "the quit saved no reading state")
        #expect(kept.decide.count == 1 && kept.decide.first?.trees.count == 2)

        var r = press(Fixture.state(reading: try Self.reread(kept)), keys("d"))
        #expect(shown(r).contains("resume: Text \u{203A} Generate"), "\(shown(r))")
        r = press(r, keys("1"))
        #expect(Self.names(r) == ["HubScreen", "TreeSession", "TreeSession"])
        #expect(r.decide.session?.nav.tree.id == "text" && r.decide.session?.nav.current.id == "text-length")
        #expect(r.violations().isEmpty, "\(r.violations())")
        // Back before the variant's first question: the primary flow's pick, as it was.
        r = press(r, [.backspace])
        #expect(r.decide.session?.nav.leaf?.id == "text-generate")
        // Resumed, it is on the stack, not aside; a second quit keeps it again.
        #expect(r.sessions.isEmpty)
        #expect(Self.quit(r).1?.decide == [DecideProgress(trees: [kept.decide[0].trees[0]])])
    }

    @Test func signalsAndAQuitFromAnotherViewKeepThemToo() throws {
        // SIGTERM and SIGHUP leave as `q` does.
        let s = press(Fixture.state(), keys("d1", "2"))
        for hangUp in [false, true] {
            let saved = Self.quit(s, .quitSignal(hangUp: hangUp)).1
            #expect(saved?.decide.first?.trees.first?.answers.map(\.answer) == ["Text"])
        }
        // A session under another view (a pick's page opened from it) is kept as well.
        let reading = press(Fixture.state(), keys("d1", "12", "1"))
        #expect(reading.screen == .reader, "the pick's first link opens a page")
        #expect(Self.quit(reading).1?.decide.first?.trees.first?.answers.count == 2)
    }

    @Test func aStateFileWithoutSessionsLoadsAndAQuitBeforeTheHubKeepsThemAsTheyWere() throws {
        let old = #"{"version": 1, "bookmarks": {}, "visited": ["a"], "brief": "/tmp/b.yaml"}"#
        let state = try #require(StateFile.decode(Array(old.utf8)))
        #expect(state.decide.isEmpty && state.brief == "/tmp/b.yaml")
        // Written without sessions, the file has no key for them (older versions read it as before).
        let plain = try JSONEncoder().encode(state)
        #expect(!String(decoding: plain, as: UTF8.self).contains("decide"))

        // Quitting without showing the hub does not forget the sessions kept last time.
        var kept = ReadingState()
        kept.decide = press(Fixture.state(), keys("d1", "2", "d")).sessions.progress
        #expect(!kept.decide.isEmpty)
        let (_, saved) = Self.quit(press(Fixture.state(reading: kept), keys("t")))
        #expect((saved ?? kept).decide == kept.decide)
    }

    @Test func theWholeGuideArrivingAfterThePreviewRestoresThem() throws {
        var kept = ReadingState()
        kept.decide = press(Fixture.state(), keys("d1", "2", "d")).sessions.progress
        // The preview has no decision trees: the hub shown over it cannot rebuild them yet.
        let skeleton = Guide(pages: Fixture.guide.pages, glossary: [], catalog: Catalog(), decisions: DecisionBook())
        var s = AppState(library: Library(guide: skeleton), width: 80, height: 24, reading: kept)
        s = press(s, keys("d"))
        #expect(!s.sessions.restored)
        #expect(Self.quit(s).1.map { $0.decide == kept.decide } ?? true, "a quit now keeps what the file had")
        s = update(s, .wholeGuide(Fixture.guide)).0
        #expect(shown(s).contains("resume: Text"), "\(shown(s))")
    }

    @Test func aSessionTheContentNoLongerHasIsDroppedSilently() throws {
        let good = press(Fixture.state(), keys("d1", "22", "1", "1", "d", "4", "1", "d")).sessions.progress
        #expect(good.count == 2)
        let diagnosis = try #require(good.first { $0.trees[0].tree == "diagnosis" })
        let primary = try #require(good.first { $0.trees[0].tree == "primary" })

        func restored(_ list: [DecideProgress]) -> DecideSessions {
            var d = DecideSessions()
            d.restore(list, guide: Fixture.guide)
            return d
        }
        func changed(_ p: DecideProgress, _ change: (inout DecideProgress) -> Void) -> DecideProgress {
            var c = p
            change(&c)
            return c
        }
        let stale: [DecideProgress] = [
            changed(primary) { $0.trees[0].answers[1].answer = "Write poems" },           // the answer's text changed
            changed(primary) { $0.trees[0].answers[0].node = "data-kind" },               // a question's id changed
            changed(primary) { $0.trees[0].tree = "main" },                               // the tree is gone
            changed(primary) { $0.trees[1].start = "text-kind" },                         // the pick refines elsewhere now
            changed(primary) { $0.trees[0].answers.removeLast() },                        // no pick under the variant tree
            changed(primary) { $0.trees[1].answers[0].option = 7; $0.trees[1].answers[0].answer = "Huge" },
        ]
        for p in stale {
            let d = restored([p, diagnosis])
            #expect(!d.holds(.tree("primary")), "\(p)")
            #expect(d.answers(.tree("diagnosis")) == ["It forgets the start of long inputs"], "the other session still comes back")
        }
        // Options reordered: the answer is found by its text.
        let moved = changed(primary) { $0.trees[0].answers[1].option = 0 }
        #expect(restored([moved]).answers(.tree("primary")) == ["Text", "Generate", "Short"])

        // On screen: the hub offers only what came back, and says nothing of what did not.
        var reading = ReadingState()
        reading.decide = [stale[0], diagnosis]
        let s = press(Fixture.state(reading: reading), keys("d"))
        #expect(!shown(s).contains("resume: Text") && shown(s).contains("resume: It forgets"))
        #expect(s.message == nil && s.violations().isEmpty)
    }
}
