import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// The explorer draws its first frame from the content cache's outline (ContentCache.Preview) and
/// then swaps in the whole guide. That is only right if the home screen is the same either way: the
/// second draw must change nothing on the screen.
@Suite struct PreviewHomeTests {
    /// A cache folder per case: the sizes run at once, and a case whose load found another's per-file
    /// entries half written reused them and left the whole-guide cache to the next load (the lazy
    /// rebuild), so its preview found none (a `make test` failure under load).
    static func cacheDir(_ size: (Int, Int)) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-preview-\(size.0)x\(size.1)-\(UUID().uuidString)").path
    }

    static let readings: [ReadingState] = [
        ReadingState(),
        ReadingState(last: Position(page: "inductive-bias-examples", offset: 3)),
        ReadingState(last: Position(page: "part-2"), bookmarks: ["a": Position(page: "comparison-matrices"), "b": Position(page: "opening")],
                     visited: ["part-2", "opening"]),
        ReadingState(last: Position(page: "a-page-removed-since"), bookmarks: ["z": Position(page: "also-gone")]),
    ]

    @Test(arguments: [(80, 24), (40, 12), (120, 40), (20, 6)])
    func homeIsTheSameFromThePreview(_ size: (Int, Int)) throws {
        let cache = ContentCache(contentDirectory: Fixture.directory, cacheDirectory: Self.cacheDir(size))
        let whole = try cache.load()
        for (i, reading) in Self.readings.enumerated() {
            let shown = ([reading.last?.page] + reading.bookmarks.values.map(\.page)).compactMap { $0 }
            let preview = try #require(cache.preview(pages: shown))
            for glyphs in [Glyphs.unicode, Glyphs.plain] {
                let first = AppState(library: Library(guide: preview.skeleton), width: size.0, height: size.1, reading: reading, glyphs: glyphs)
                let then = AppState(library: Library(guide: whole), width: size.0, height: size.1, reading: reading, glyphs: glyphs)
                #expect(first.screen == .home)
                #expect(render(first) == render(then), "reading state \(i) at \(size.0)x\(size.1):\n\(render(first).golden)\nbecame\n\(render(then).golden)")
            }
        }
    }
}
