import Foundation
import Testing

/// A new account (empty HOME, no user cache) starts from the guide compiled at build time, without
/// parsing the YAML; edited, missing or broken content behaves exactly as without one.
/// `NNGUIDE_TRACE_LOAD` makes nnguide say where the guide came from.
@Suite struct CompiledGuideCLITests {
    /// `base/Content` (the mini fixture), compiled by the binary into `base/guide.compiled` as
    /// `make install` does, and an empty HOME.
    final class Install {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-compiled-cli-\(UUID().uuidString)").path
        var content: String { base + "/Content" }
        var compiled: String { base + "/guide.compiled" }
        var home: String { base + "/home" }
        init() throws {
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: CLI.mini, toPath: content)
            let r = try CLI.run(["compile-guide", "--output", compiled], content: content, environment: ["HOME": home])
            #expect(r.status == 0, "\(r.err)")
            #expect(FileManager.default.fileExists(atPath: compiled))
        }
        deinit { try? FileManager.default.removeItem(atPath: base) }

        func toc() throws -> CLI.Result {
            try CLI.run(["toc"], content: content, environment: ["HOME": home, "NNGUIDE_TRACE_LOAD": "1"])
        }
        /// A copy of the guide in the user cache (`guide-*.cache`). The explorer's stored home screen
        /// (`guide-*.frame`, a few kB) may be there without one.
        var userCacheWritten: Bool {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: home + "/.cache/nnguide")) ?? []
            return names.contains { $0.hasSuffix(".cache") }
        }
        func edit(_ file: String, _ old: String, _ new: String) throws {
            let path = content + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try #require(text.contains(old))
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    @Test func aFreshAccountStartsFromTheCompiledGuide() throws {
        let i = try Install()
        let r = try i.toc()
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("guide from compiled guide " + i.compiled), "\(r.err)")
        #expect(r.out.contains("Vision Models"))
        #expect(!i.userCacheWritten)
    }

    @Test func editedContentIsReadFromTheYAML() throws {
        let i = try Install()
        try i.edit("pages/10-part-a.yaml", "title: Vision Models", "title: Vision Modals")
        let r = try i.toc()
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("guide from YAML"), "\(r.err)")
        #expect(r.out.contains("Vision Modals"))
        #expect(i.userCacheWritten)
    }

    @Test func aMissingCompiledGuideMeansTheYAML() throws {
        let i = try Install()
        try FileManager.default.removeItem(atPath: i.compiled)
        let r = try i.toc()
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("guide from YAML"), "\(r.err)")
    }

    @Test func brokenContentStillNamesFileAndLine() throws {
        let i = try Install()
        try i.edit("glossary.yaml", "    term: Attention", "    term: [Attention")
        let r = try i.toc()
        #expect(r.status == 65)
        #expect(r.err.contains("glossary.yaml:5:"), "\(r.err)")
        // And the build step refuses it the same way.
        let c = try CLI.run(["compile-guide", "--output", i.base + "/again.compiled"], content: i.content)
        #expect(c.status == 65)
        #expect(c.err.contains("glossary.yaml:5:"), "\(c.err)")
        #expect(!FileManager.default.fileExists(atPath: i.base + "/again.compiled"))
    }

    /// The explorer: the home screen from the compiled guide, and no user cache written.
    @Test(.enabled(if: ExplorerPaths.haveTmux, "needs tmux"))
    func theExplorerOnAFreshAccountWritesNoCache() throws {
        let i = try Install()
        let t = try TmuxSession(width: 80, height: 24, args: ["--content", i.content], env: ["HOME": i.home])
        t.waitFor("Start at the beginning")
        try t.send("q")
        t.waitFor("EXIT=0")
        #expect(!i.userCacheWritten)
        // Edited since: the explorer reads the YAML and keeps a cache of it.
        try i.edit("pages/10-part-a.yaml", "title: Vision Models", "title: Vision Modals")
        let u = try TmuxSession(width: 80, height: 24, args: ["--content", i.content], env: ["HOME": i.home])
        u.waitFor("Start at the beginning")
        try u.send("q")
        u.waitFor("EXIT=0")
        #expect(i.userCacheWritten)
    }
}
