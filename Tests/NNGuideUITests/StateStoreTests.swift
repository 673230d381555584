import Foundation
import Testing
@testable import NNGuideUI
@testable import NNGuideEffects

@Suite struct StateStoreTests {
    func tempDir() -> String {
        let d = NSTemporaryDirectory() + "nnguide-state-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    @Test func roundTrip() {
        let store = StateStore(directory: tempDir() + "/nnguide")
        let state = ReadingState(last: Position(page: "part-1", offset: 4), bookmarks: ["a": Position(page: "opening")], visited: ["x", "y"])
        #expect(store.save(state) == nil)
        let (loaded, warning) = store.load()
        #expect(warning == nil)
        #expect(loaded == state)
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: store.directory)) ?? []
        #expect(leftovers == ["state.json"], "no temp files left behind")
    }

    @Test func missingFileIsAFreshStartWithoutWarning() {
        let (s, w) = StateStore(directory: tempDir() + "/none").load()
        #expect(s == ReadingState() && w == nil)
    }

    @Test func corruptFileIsKeptAsideWithOneLineWarning() throws {
        let store = StateStore(directory: tempDir())
        try "{\"last\": 12".write(toFile: store.file, atomically: true, encoding: .utf8)
        let (s, w) = store.load()
        #expect(s == ReadingState())
        let warning = try #require(w)
        #expect(!warning.contains("\n") && warning.contains("corrupt"))
        #expect(FileManager.default.fileExists(atPath: store.file + ".bak"))
        #expect(!FileManager.default.fileExists(atPath: store.file))
    }

    // Root writes anywhere; the path test below covers the same warning for every user.
    @Test(.enabled(if: getuid() != 0, "root writes anywhere, so no folder is read-only to it"))
    func readOnlyDirectoryWarnsAndNothingBreaks() throws {
        let dir = tempDir()
        chmod(dir, 0o500)
        defer { chmod(dir, 0o700) }
        let w = StateStore(directory: dir).save(ReadingState(visited: ["a"]))
        #expect(w?.contains("not saved") == true)
    }

    @Test func unwritablePathWarnsAndNothingBreaks() throws {
        // A file where the folder should be: fails for every user, root included.
        let dir = tempDir()
        let blocker = dir + "/file"
        try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
        let w = StateStore(directory: blocker + "/nnguide").save(ReadingState(visited: ["a"]))
        let warning = try #require(w)
        #expect(!warning.contains("\n") && warning.contains("not saved"))
    }

    @Test func saveReplacesTheOldFileWhole() throws {
        let store = StateStore(directory: tempDir())
        store.save(ReadingState(visited: Set((0..<500).map { "page-\($0)" })))
        store.save(ReadingState(visited: ["one"]))
        let data = try #require(FileManager.default.contents(atPath: store.file))
        let decoded = try JSONDecoder().decode(ReadingState.self, from: data)
        #expect(decoded.visited == ["one"])
    }

    @Test func defaultDirectoryFollowsXDG() {
        #expect(StateStore.defaultDirectory(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/h"]) == "/x/state/nnguide")
        #expect(StateStore.defaultDirectory(environment: ["HOME": "/h"]) == "/h/.local/state/nnguide")
        #expect(StateStore.defaultDirectory(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/nnguide")
    }
}
