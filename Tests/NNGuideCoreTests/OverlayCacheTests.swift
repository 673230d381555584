import Foundation
import Testing
@testable import NNGuideCore

/// Overlay files in the per-file cache (issues 24 and 25): after an edit only the edited file is read
/// from YAML, and the result is always what reading every file fresh gives.
@Suite struct OverlayCacheTests {
    final class Setup {
        let cacheDir = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-overlay-cache-\(UUID().uuidString)").path
        var folders: [String] = []
        deinit {
            try? FileManager.default.removeItem(atPath: cacheDir)
            for f in folders { try? FileManager.default.removeItem(atPath: f) }
        }

        func scratch(_ change: (String) throws -> Void = { _ in }) throws -> String {
            let dir = try OverlayTests.scratch(change)
            folders.append(dir)
            return dir
        }

        /// Applies `dirs` through the cache, checks the result against a fresh read, and returns the
        /// files read from YAML and the problems.
        @discardableResult
        func expectSameAsFresh(_ dirs: [String], _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (parsed: [String], problems: [ContentProblem], guide: Guide) {
            var parsed: [String] = []
            let cached = OverlayMerge.apply(dirs, to: OverlayTests.base, guideDirectory: Fixtures.realContent, cacheDirectory: cacheDir, parsed: &parsed)
            let fresh = OverlayTests.apply(dirs)
            #expect(cached.problems == fresh.1, "\(what): problems differ", sourceLocation: sourceLocation)
            #expect(ContentCacheTests.same(cached.guide, fresh.0), "\(what): guides differ", sourceLocation: sourceLocation)
            #expect(cached.guide.overlays == fresh.0.overlays, "\(what): overlays differ", sourceLocation: sourceLocation)
            return (parsed, cached.problems, cached.guide)
        }
    }

    static func edit(_ path: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try #require(text.contains(old), "\(path) no longer contains \(old)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func anEditedOverlayFileIsReadAgainAlone() throws {
        let s = Setup()
        let dir = try s.scratch()
        let first = s.expectSameAsFresh([dir], "first read")
        #expect(first.parsed.count == OverlayReading.files(dir).count && first.parsed.count >= 7)
        #expect(s.expectSameAsFresh([dir], "unchanged").parsed.isEmpty)

        try Self.edit(dir + "/glossary.yaml", "term: House embedder", "term: House embedding service")
        let edited = s.expectSameAsFresh([dir], "glossary edited")
        #expect(edited.parsed == [dir + "/glossary.yaml"])
        #expect(edited.guide.glossaryEntry("house-embedder")?.term == "House embedding service")

        // The edit makes the team's page take a guide page's id without `replaces`: a clash, named
        // with the overlay file's line, from the one file read again.
        let guideID = try #require(OverlayTests.base.pages.first?.id)
        try Self.edit(dir + "/pages/90-acme-platform.yaml", "id: acme-platform\n", "id: \(guideID)\n")
        let clash = s.expectSameAsFresh([dir], "a clash")
        #expect(clash.parsed == [dir + "/pages/90-acme-platform.yaml"])
        #expect(clash.problems.errors.contains { $0.location.file == dir + "/pages/90-acme-platform.yaml" && $0.location.line != nil && $0.message.contains(guideID) },
                "no clash reported at the overlay's line: \(clash.problems)")
    }

    @Test func aRemovedOverlayAndOneNamedTwice() throws {
        let s = Setup()
        let a = try s.scratch()
        let b = try s.scratch { dir in
            try "name: Beta team\n".write(toFile: dir + "/overlay.yaml", atomically: true, encoding: .utf8)
            for f in ["pages", "catalog.yaml", "decisions.yaml", "sources.yaml"] { try FileManager.default.removeItem(atPath: dir + "/" + f) }
            try Self.edit(dir + "/glossary.yaml", "id: agpl\n", "id: beta-agpl\n")
            try Self.edit(dir + "/glossary.yaml", "id: house-embedder\n", "id: beta-embedder\n")
        }
        s.expectSameAsFresh([a, b], "two overlays")
        // One dropped from the list: the other's entries hold, and nothing of the dropped one shows.
        let one = s.expectSameAsFresh([a], "the second no longer given")
        #expect(one.parsed.isEmpty && one.guide.overlays.map(\.name) == ["Acme platform"])
        // One removed from disk while still named: reported as the fresh read reports it.
        try FileManager.default.removeItem(atPath: b)
        let gone = s.expectSameAsFresh([a, b], "the second removed")
        #expect(gone.problems.contains { $0.location.file == b && $0.message.contains("not found") })
        // `--overlay A --overlay A` applies A once, and through the cache as fresh.
        let twice = Overlay.folders(explicit: [a, a], environment: Environment([:]))
        #expect(twice == [a])
        #expect(s.expectSameAsFresh(twice, "named twice").parsed.isEmpty)
    }

    /// A damaged or foreign entry is read again from YAML, never trusted.
    @Test func aDamagedOverlayEntryIsReadAgain() throws {
        let s = Setup()
        let dir = try s.scratch()
        s.expectSameAsFresh([dir], "first read")
        let entries = OverlayEntries(directory: dir, cacheDirectory: s.cacheDir)
        let entry = entries.path("glossary.yaml")
        let good = try Data(contentsOf: URL(fileURLWithPath: entry))
        for cut in [0, 10, good.count / 2, good.count - 1] {
            try good.prefix(cut).write(to: URL(fileURLWithPath: entry))
            #expect(s.expectSameAsFresh([dir], "cut at \(cut)").parsed == [dir + "/glossary.yaml"])
        }
        var flipped = good
        flipped[good.count - 5] ^= 0x20
        try flipped.write(to: URL(fileURLWithPath: entry))
        #expect(s.expectSameAsFresh([dir], "a flipped byte").parsed == [dir + "/glossary.yaml"])
    }

    /// What the explorer's stored first frame is keyed on with overlays (`ContentCache.overlaySource`)
    /// changes with any file of any overlay and with their order; each list of folders has a frame
    /// file of its own.
    @Test func theStoredFrameIsKeyedOnEveryOverlayFileAndTheirOrder() throws {
        let s = Setup()
        let a = try s.scratch(), b = try s.scratch()
        let first = try #require(ContentCache.overlaySource([a]))
        #expect(ContentCache.overlaySource([a]) == first)
        try Self.edit(a + "/glossary.yaml", "term: House embedder", "term: House embedderZ")
        let edited = try #require(ContentCache.overlaySource([a]))
        #expect(edited != first)
        let added = a + "/pages/99-added.yaml"
        try "id: added\ntitle: Added\nblocks: []\n".write(toFile: added, atomically: true, encoding: .utf8)
        #expect(ContentCache.overlaySource([a]) != edited)
        try FileManager.default.removeItem(atPath: added)
        #expect(ContentCache.overlaySource([a]) == edited, "the same files again")
        #expect(ContentCache.overlaySource([a, b]) != ContentCache.overlaySource([b, a]))
        #expect(ContentCache.overlaySource([a, b]) != edited)
        #expect(ContentCache.overlaySource([a + "-missing"]) == nil)

        let cache = ContentCache(contentDirectory: Fixtures.realContent, cacheDirectory: s.cacheDir)
        let names = [cache.frameFile(), cache.frameFile(overlays: [a]), cache.frameFile(overlays: [a, b]), cache.frameFile(overlays: [b, a])]
        #expect(Set(names.compactMap { $0 }).count == 4, "\(names)")
        #expect(ContentCache(contentDirectory: Fixtures.realContent, cacheDirectory: nil).frameFile(overlays: [a]) == nil)
    }
}
