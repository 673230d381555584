import Testing
@testable import NNGuideUI
@testable import NNGuideEffects

/// The explorer's own loop (`RunLoop.run`, as `nnguide` runs it over curses) over a `TestBackend`.
@Suite struct RunLoopTests {
    @Test func keysReachTheLoopAndEachFrameIsDrawnAndTheTerminalIsRestored() throws {
        let dir = try TempDir()
        let backend = TestBackend(keys: keys("t", "j", "q"))
        let end = RunLoop.run(Fixture.state(), on: backend, runner: dir.runner, clock: { 0 })
        #expect(end.quit && !backend.ranOut, "the loop left without the q it was sent")
        #expect(backend.restored == 1)
        // One frame per key but the last (the loop leaves on q without drawing).
        try #require(backend.frames.count == 2)
        let opened = press(Fixture.state(), keys("t"))
        let moved = press(opened, keys("j"))
        #expect(opened.screen == .contents && backend.frames[0] == render(opened))
        #expect(backend.frames[1] == render(moved) && backend.frames[1] != backend.frames[0], "j did not move in the contents")
    }

    @Test func aSignalLeavesTheLoopAsQDoesAndRestores() throws {
        let dir = try TempDir()
        let backend = TestBackend(keys: keys("t"))
        let end = RunLoop.run(Fixture.state(), on: backend, runner: dir.runner, clock: { 0 })
        #expect(backend.ranOut && end.quit && end.screen == .contents)
        #expect(backend.restored == 1 && backend.frames.count == 1)
    }
}
