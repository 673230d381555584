import Foundation
import Testing
@testable import NNGuideCore

/// The guide compiled at build time (`make build`, `make install`): read instead of the YAML when it
/// was compiled from exactly these bytes, never trusted otherwise, and never writing a user cache.
@Suite struct CompiledGuideTests {
    /// `base/Content` (a copy of the mini fixture), its compiled guide at `base/guide.compiled` (where
    /// an install puts it, beside the content) and an empty user cache folder `base/cache`.
    final class Setup {
        let base: String
        var content: String { base + "/Content" }
        var compiled: String { base + "/" + CompiledGuide.fileName }
        var cacheDir: String { base + "/cache" }
        var cache: ContentCache { ContentCache(contentDirectory: content, cacheDirectory: cacheDir) }
        init() throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-compiled-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Fixtures.mini, toPath: content)
        }
        deinit { try? FileManager.default.removeItem(atPath: base) }

        var userCacheWritten: Bool {
            ((try? FileManager.default.contentsOfDirectory(atPath: cacheDir)) ?? []).contains { $0.hasSuffix(".cache") }
        }

        func edit(_ file: String, _ old: String, _ new: String) throws {
            let path = content + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try #require(text.contains(old), "fixture \(file) no longer contains \(old)")
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        }

        /// Changes a title inside the compiled file only (re-encoded under the same key): a load that
        /// returns it was read from the compiled guide, not parsed from the YAML.
        func markCompiled() throws {
            try ContentCacheTests.retitle(cacheFile: compiled, "Vision Models", "Vision Modelz")
        }
    }

    @Test func aMatchingCompiledGuideIsReadAndNoUserCacheIsWritten() throws {
        let s = try Setup()
        let written = try CompiledGuide.write(contentDirectory: s.content, to: s.compiled)
        #expect(ContentCacheTests.same(written, try ContentLoader.load(directory: s.content)))
        try s.markCompiled()
        #expect(try s.cache.load().page("vision")?.page.title == "Vision Modelz")
        #expect(!s.userCacheWritten)
        // The explorer's path: a preview from the compiled guide, then the whole of it once checked.
        let preview = try #require(s.cache.preview(pages: ["vision-edge"]))
        #expect(preview.skeleton.page("vision")?.page.title == "Vision Modelz")
        #expect(preview.whole()?.page("vision")?.page.title == "Vision Modelz")
        #expect(!s.userCacheWritten)
    }

    /// Same length, same names: only the bytes differ, and that is enough.
    @Test func anEditedContentFallsBackToTheYAML() throws {
        let s = try Setup()
        _ = try CompiledGuide.write(contentDirectory: s.content, to: s.compiled)
        try s.markCompiled()
        try s.edit("pages/10-part-a.yaml", "title: Vision Models", "title: Vision Modals")
        let preview = try #require(s.cache.preview(pages: []))   // same shape: drawn first, then checked
        #expect(preview.whole() == nil)
        #expect(try s.cache.load().page("vision")?.page.title == "Vision Modals")
        #expect(s.userCacheWritten)
        // A page added changes the shape: the compiled guide is not even used for a preview.
        try FileManager.default.removeItem(atPath: s.cacheDir)
        try "id: more\norigin: added\ntitle: More\nblocks: [{p: Added.}]\n".write(toFile: s.content + "/pages/20-more.yaml", atomically: true, encoding: .utf8)
        #expect(s.cache.preview(pages: []) == nil)
        #expect(try s.cache.load().page("more") != nil)
    }

    /// The author's first start after editing the content `make build` compiled: the edit changes a
    /// size, yet the home screen is still drawn first from the compiled outline (same file names);
    /// the whole guide is the edited YAML's. A renamed file means another folder: no preview.
    @Test func anEditThatChangesASizeStillPreviewsFromTheCompiledGuide() throws {
        let s = try Setup()
        _ = try CompiledGuide.write(contentDirectory: s.content, to: s.compiled)
        try s.markCompiled()
        try s.edit("pages/10-part-a.yaml", "title: Vision Models", "title: Vision Models for Edge Devices")
        let preview = try #require(s.cache.preview(pages: ["vision-edge"]))
        #expect(preview.skeleton.page("vision")?.page.title == "Vision Modelz")   // the compiled outline
        #expect(preview.whole() == nil)                                           // its bytes no longer match
        #expect(try s.cache.load().page("vision")?.page.title == "Vision Models for Edge Devices")
        try FileManager.default.removeItem(atPath: s.cacheDir)
        try FileManager.default.moveItem(atPath: s.content + "/pages/10-part-a.yaml", toPath: s.content + "/pages/11-part-a.yaml")
        #expect(s.cache.preview(pages: []) == nil)
    }

    @Test func aMissingOrDamagedCompiledGuideFallsBackToTheYAML() throws {
        let s = try Setup()
        let truth = try ContentLoader.load(directory: s.content)
        #expect(s.cache.preview(pages: []) == nil)
        #expect(ContentCacheTests.same(try s.cache.load(), truth))
        #expect(s.userCacheWritten)
        try FileManager.default.removeItem(atPath: s.cacheDir)
        _ = try CompiledGuide.write(contentDirectory: s.content, to: s.compiled)
        let good = try Data(contentsOf: URL(fileURLWithPath: s.compiled))
        for cut in [0, 20, good.count / 2, good.count - 1] {
            try good.prefix(cut).write(to: URL(fileURLWithPath: s.compiled))
            #expect(ContentCacheTests.same(try s.cache.load(), truth), "compiled guide cut at \(cut)")
        }
    }

    @Test func brokenContentIsReportedExactlyAsWithoutACompiledGuide() throws {
        let s = try Setup()
        _ = try CompiledGuide.write(contentDirectory: s.content, to: s.compiled)
        try s.edit("glossary.yaml", "    term: Attention", "    term: [Attention")
        var plain: ContentError?
        do { _ = try ContentLoader.load(directory: s.content) } catch { plain = error }
        let expected = try #require(plain).problems
        #expect(expected.contains { $0.location.file.hasSuffix("glossary.yaml") && $0.location.line != nil })
        #expect(throws: ContentError.self) { try s.cache.load() }
        do { _ = try s.cache.load() } catch { #expect(error.problems == expected) }
        #expect(!s.userCacheWritten)
        // Compiling broken content fails the same way and leaves no file.
        try FileManager.default.removeItem(atPath: s.compiled)
        do { _ = try CompiledGuide.write(contentDirectory: s.content, to: s.compiled); Issue.record("compiled broken content") } catch {
            #expect(error.problems == expected)
        }
        #expect(!FileManager.default.fileExists(atPath: s.compiled))
    }

    @Test func theKeyLineRoundTripsAndRejectsOtherLines() throws {
        let s = try Setup()
        let key = try #require(CompiledGuide.Key(contentDirectory: s.content, readContent: true))
        #expect(CompiledGuide.Key(line: key.line) == key)
        #expect(key.files == 3 + Reader(root: s.content).pageFiles().count)
        for bad in ["", "compiled", "compiled x 1 2", "0123456789abcdef", "compiled 3 zz 1", "cached 3 1 2"] {
            #expect(CompiledGuide.Key(line: bad) == nil, "\(bad)")
        }
    }
}
