import Foundation
import Testing

/// `nnguide toc --origin` and the origin lines of `show`, through the built binary.
@Suite struct TocOriginTests {
    /// The mini fixture with one section and one glossary entry added.
    static func marked() throws -> String {
        try CLI.scratch { dir in
            for (file, old, new) in [("pages/10-part-a.yaml", "  - id: worked\n    origin: guide\n", "  - id: worked\n    origin: added\n"),
                                     ("glossary.yaml", "  - id: cnn\n    origin: guide\n", "  - id: cnn\n    origin: added\n")] {
                let path = dir + "/" + file
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try #require(text.contains(old))
                try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
            }
        }
    }

    @Test func tocListsOnlyTheAddedMaterial() throws {
        let dir = try Self.marked()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = try CLI.run(["toc", "--origin", "added"], content: dir)
        #expect(text.status == 0)
        #expect(text.lines.first == "Origin added: beyond the source guide, written for nnguide")
        #expect(text.lines.contains { $0.hasPrefix("  A Worked Example") && $0.hasSuffix("worked") })
        #expect(text.lines.contains { $0.hasPrefix("  CNN") && $0.hasSuffix("g:cnn") })
        #expect(!text.out.contains("Vision Models") && !text.out.contains("Catalog ("))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(try CLI.run(["toc", "--origin", "added", "--format", "json"], content: dir).out.utf8)) as? [String: Any])
        #expect(json["origin"] as? String == "added")
        #expect((json["pages"] as? [[String: Any]])?.map { $0["id"] as? String } == ["worked"])
        #expect((json["glossary"] as? [[String: Any]])?.map { $0["id"] as? String } == ["cnn"])
        #expect((json["catalog"] as? [Any])?.isEmpty == true)

        let md = try CLI.run(["toc", "--origin", "added", "--format", "markdown"], content: dir)
        #expect(md.lines.contains("- [A Worked Example](#worked) `worked`"))
        #expect(md.lines.contains("- [CNN](#g-cnn) `g:cnn`"))
    }

    @Test func tocListsRefilledBlocksByTheirPage() throws {
        let r = try CLI.run(["toc", "--origin", "refilled", "--format", "json"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        #expect(blocks.map { "\($0["page"] as? String ?? "")#\($0["index"] as? Int ?? -1) \($0["kind"] as? String ?? "")" } == ["intro#2 list", "intro#3 steps"])
        #expect((json["pages"] as? [Any])?.isEmpty == true)
    }

    @Test func anUnknownOriginIsAUsageError() throws {
        let r = try CLI.run(["toc", "--origin", "borrowed"])
        #expect(r.status == 64)
        #expect(r.err.contains("'borrowed'") && r.err.contains("guide") && r.err.contains("added"))
    }

    @Test func showStatesTheOriginOfEntries() throws {
        let dir = try Self.marked()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try CLI.run(["show", "g:cnn"], content: dir).lines.contains("Origin: added (beyond the source guide, written for nnguide)"))
        #expect(try CLI.run(["show", "a:vit"], content: dir).lines.contains { $0.hasPrefix("Origin: guide") })
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(try CLI.run(["show", "g:cnn", "--format", "json"], content: dir).out.utf8)) as? [String: Any])
        #expect((entry["glossary"] as? [String: Any])?["origin"] as? String == "added")
    }

    @Test func contentWithoutOriginsFailsLintWithFileAndLine() throws {
        let dir = try CLI.scratch { dir in
            let path = dir + "/pages/00-intro.yaml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: "origin: guide\n", with: "").write(toFile: path, atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["lint"], content: dir)
        #expect(r.status == 65)
        #expect((r.out + r.err).contains("pages/00-intro.yaml:1:1: page 'intro' has no origin"))
    }
}
