import Foundation
import Testing

/// The stored home screen with overlays (issue 24): keyed on the overlay folders and their files as
/// well as the guide, so a start with overlays draws it as a start without them does, and an overlay
/// file edited, added or removed, another overlay or another order never shows a stale one. What is
/// stored is the home screen over the merged guide: the trace says whether the whole guide, once
/// merged, had anything to redraw over it.
@Suite(.enabled(if: ExplorerPaths.haveTmux && ExplorerPaths.haveBinary, "needs tmux and .build/debug/nnguide (make test builds it)"),
       .serialized)
struct ExplorerOverlayFrameTests {
    typealias Home = ExplorerStoredFrameTests.Home
    static let drawn = ExplorerStoredFrameTests.drawn
    static let notDrawn = ExplorerStoredFrameTests.notDrawn
    static let unchanged = "the whole guide left the stored frame as it was"

    /// An overlay folder with one page, `team-LETTER`, "Handbook LETTER" on the home screen.
    static func overlay(_ letter: String) throws -> String {
        let dir = ExplorerPaths.tempDir() + "/team-" + letter.lowercased()
        try FileManager.default.createDirectory(atPath: dir + "/pages", withIntermediateDirectories: true)
        try "name: Team \(letter)\nmaintainer: tests\ndescription: an overlay for the stored-frame tests\n"
            .write(toFile: dir + "/overlay.yaml", atomically: true, encoding: .utf8)
        try page(letter, short: "Handbook \(letter)").write(toFile: dir + "/pages/90-team.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    /// The short title is what "Continue reading" shows.
    static func page(_ letter: String, short: String, id: String? = nil) -> String {
        "id: \(id ?? "team-" + letter.lowercased())\ntitle: Team handbook \(letter)\nshort: \(short)\nsummary: What team \(letter) asks.\nblocks:\n  - p: Team \(letter) keeps its own rules here.\n"
    }

    /// A reading state left on `page`, so the home screen's "Continue reading" names it: an overlay's
    /// page is on the home screen only once the overlay is merged.
    static func leave(_ home: Home, on page: String) throws {
        try FileManager.default.createDirectory(atPath: home.state + "/nnguide", withIntermediateDirectories: true)
        try "{\"version\":1,\"last\":{\"page\":\"\(page)\",\"offset\":0,\"block\":0,\"char\":0},\"bookmarks\":{},\"visited\":[]}\n"
            .write(toFile: home.state + "/nnguide/state.json", atomically: true, encoding: .utf8)
    }

    @Test func theSecondStartWithAnOverlayDrawsTheMergedHomeScreen() throws {
        let home = Home()
        let a = try Self.overlay("A")
        try Self.leave(home, on: "team-a")
        let first = try home.start(args: ["--overlay", a])
        #expect(first.trace.contains(Self.notDrawn), "trace: \(first.trace)")
        #expect(first.screen.contains("Continue reading") && first.screen.contains("Handbook A"), "screen:\n\(first.screen)")
        let second = try home.start(args: ["--overlay", a])
        #expect(second.trace.contains(Self.drawn), "trace: \(second.trace)")
        // The frame drawn first is the one the merged guide gives: nothing to redraw once it is there.
        #expect(second.trace.contains(Self.unchanged), "trace: \(second.trace)")
        #expect(second.screen == first.screen)
        // A start without the overlay keeps a frame of its own, and neither replaces the other.
        #expect(try home.start().trace.contains(Self.notDrawn))
        #expect(try home.start().trace.contains(Self.drawn))
        #expect(try home.start(args: ["--overlay", a]).trace.contains(Self.drawn))
        #expect(home.frames.count == 2)
    }

    /// Each change to the overlays: the next start draws no stored frame and shows the change; the
    /// start after it draws the frame that start stored.
    @Test func anEditedAddedOrRemovedOverlayFileOrAnotherOverlayMeansNoStoredFrame() throws {
        let home = Home()
        let a = try Self.overlay("A"), b = try Self.overlay("B")
        try Self.leave(home, on: "team-a")
        try home.start(args: ["--overlay", a])
        #expect(try home.start(args: ["--overlay", a]).trace.contains(Self.drawn))

        func expectMiss(_ what: String, _ args: [String], shows text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let miss = try home.start(args: args)
            #expect(miss.trace.contains(Self.notDrawn), "\(what) drew the stored frame; trace: \(miss.trace)", sourceLocation: sourceLocation)
            #expect(miss.screen.contains(text), "\(what): screen:\n\(miss.screen)", sourceLocation: sourceLocation)
            let again = try home.start(args: args)
            #expect(again.trace.contains(Self.drawn), "after \(what), trace: \(again.trace)", sourceLocation: sourceLocation)
            #expect(again.screen == miss.screen, "after \(what)", sourceLocation: sourceLocation)
        }
        // Edited: the same size, name and inode, another short title (only its times and bytes differ).
        try Self.page("A", short: "Handbook Z").write(toFile: a + "/pages/90-team.yaml", atomically: false, encoding: .utf8)
        try expectMiss("an edited overlay file", ["--overlay", a], shows: "Handbook Z")
        let added = a + "/pages/91-more.yaml"
        try Self.page("A", short: "More from team A", id: "team-a-more").write(toFile: added, atomically: true, encoding: .utf8)
        try expectMiss("an added overlay file", ["--overlay", a], shows: "Handbook Z")
        try FileManager.default.removeItem(atPath: added)
        try expectMiss("a removed overlay file", ["--overlay", a], shows: "Handbook Z")
        try expectMiss("a second overlay", ["--overlay", a, "--overlay", b], shows: "Handbook Z")
        try expectMiss("the overlays in another order", ["--overlay", b, "--overlay", a], shows: "Handbook Z")
        // Back to the first overlay alone: its frame is still there and still right.
        let back = try home.start(args: ["--overlay", a])
        #expect(back.trace.contains(Self.drawn) && back.trace.contains(Self.unchanged), "trace: \(back.trace)")
    }
}
