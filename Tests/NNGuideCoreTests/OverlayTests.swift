import Foundation
import Testing
@testable import NNGuideCore

/// Overlays (issue 24): the example overlay over the real guide, and scratch overlays that add,
/// extend, replace, clash and break.
@Suite struct OverlayTests {
    static let example = Fixtures.packageRoot.appendingPathComponent("Content/overlays/example-acme").path
    /// The real guide, loaded once for every test here.
    static let base: Guide = try! ContentLoader.load(directory: Fixtures.realContent)
    static let acme: Guide = {
        let (g, problems) = OverlayMerge.apply([example], to: base, guideDirectory: Fixtures.realContent)
        precondition(problems.errors.isEmpty, "\(problems)")
        return g
    }()

    /// A copy of the example overlay to change.
    static func scratch(_ change: (String) throws -> Void) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-overlay-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: example, toPath: dir)
        try change(dir)
        return dir
    }

    static func apply(_ dirs: [String]) -> (Guide, [ContentProblem]) { OverlayMerge.apply(dirs, to: base, guideDirectory: Fixtures.realContent) }

    @Test func theExampleAddsAPageAGlossaryTermAndACatalogEntryAsTeamMaterial() throws {
        let g = Self.acme
        let team = Origin.team("Acme platform")
        #expect(g.overlays.map(\.name) == ["Acme platform"])
        #expect(g.page("acme-platform")?.page.origin == team)
        #expect(g.glossaryEntry("agpl")?.origin == team)
        #expect(g.architecture("acme-embedder")?.origin == team)
        #expect(g.source("gnu-agpl-3") != nil)
        // Nothing of the guide's own changed origin.
        #expect(g.glossaryEntry("attention")?.origin == Self.base.glossaryEntry("attention")?.origin)
        #expect(Self.base.page("acme-platform") == nil)
        let listing = g.material(of: .team)
        #expect(listing.pages.map(\.id) == ["acme-platform"])
        #expect(listing.glossary.map(\.id).sorted() == ["agpl", "house-embedder"])
        #expect(listing.blocks.map(\.entry.id) == ["detection-segmentation-choice"])
    }

    @Test func extendsAddsTeamBlocksToAGuidePage() throws {
        let before = try #require(Self.base.page("detection-segmentation-choice")?.page)
        let after = try #require(Self.acme.page("detection-segmentation-choice")?.page)
        #expect(after.blocks.count == before.blocks.count + 1)
        #expect(after.origin == before.origin)
        #expect(after.origin(ofBlock: after.blocks.count - 1) == .team("Acme platform"))
        for i in before.blocks.indices { #expect(after.origin(ofBlock: i) == before.origin(ofBlock: i)) }
        guard case .callout(let c) = after.blocks.last else { Issue.record("expected the team's callout"); return }
        #expect(c.title == "At Acme")
    }

    @Test func originMarksNameTheOverlay() throws {
        let team = Origin.team("Acme platform")
        #expect(team.mark == "[team: Acme platform]")
        #expect(team.meaning.contains("Acme platform"))
        let data = try JSONEncoder().encode(team)
        #expect(String(decoding: data, as: UTF8.self) == "\"team:Acme platform\"")
        #expect(try JSONDecoder().decode(Origin.self, from: data) == team)
        let text = try #require(TextRenderer(guide: Self.acme, width: 80).render(id: "acme-platform"))
        #expect(text.contains("[team: Acme platform]"))
    }

    @Test func theSameIDWithoutReplacesNamesBothPlaces() throws {
        let dir = try Self.scratch { d in
            try "entries:\n  - id: attention\n    term: Attentiveness\n    definition: A team's own definition.\n".write(toFile: d + "/glossary.yaml", atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (_, problems) = Self.apply([dir])
        let p = try #require(problems.errors.first { $0.message.contains("'attention'") })
        #expect(p.location.file == dir + "/glossary.yaml" && p.location.line == 2)
        #expect(p.message.contains("Content/glossary.yaml:"))
        #expect(p.message.contains("replaces: attention"))
    }

    @Test func replacesWithAReasonSwapsTheItemAndWithoutOneIsAnError() throws {
        let entry = "  - id: attention\n    replaces: attention\n    reason: the team teaches attention its own way\n    term: Attention\n    definition: The team's own words.\n"
        // Added after the example's own entries, which its page links to.
        func append(_ d: String, _ text: String) throws {
            try (String(contentsOfFile: d + "/glossary.yaml", encoding: .utf8) + text).write(toFile: d + "/glossary.yaml", atomically: true, encoding: .utf8)
        }
        let dir = try Self.scratch { d in try append(d, entry) }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (g, problems) = Self.apply([dir])
        #expect(problems.errors.isEmpty, "\(problems)")
        #expect(g.glossaryEntry("attention")?.definition == "The team's own words.")
        #expect(g.glossaryEntry("attention")?.origin == .team("Acme platform"))
        #expect(g.glossary.count == Self.base.glossary.count + 2)

        let bare = try Self.scratch { d in try append(d, entry.replacingOccurrences(of: "    reason: the team teaches attention its own way\n", with: "")) }
        defer { try? FileManager.default.removeItem(atPath: bare) }
        let (_, without) = Self.apply([bare])
        let line = try #require(String(contentsOfFile: bare + "/glossary.yaml", encoding: .utf8).components(separatedBy: "\n").firstIndex(of: "    replaces: attention")) + 1
        #expect(without.errors.contains { $0.location.file == bare + "/glossary.yaml" && $0.location.line == line && $0.message.contains("needs a reason") })
    }

    @Test func laterOverlaysWinAndAClashBetweenOverlaysNamesTheEarlierOne() throws {
        let second = try Self.scratch { d in
            try "name: Second team\n".write(toFile: d + "/overlay.yaml", atomically: true, encoding: .utf8)
            for f in ["catalog.yaml", "decisions.yaml", "sources.yaml"] { try FileManager.default.removeItem(atPath: d + "/" + f) }
            try FileManager.default.removeItem(atPath: d + "/pages")
            try "entries:\n  - id: agpl\n    replaces: agpl\n    reason: the second team words it its own way\n    term: AGPL-3.0\n    definition: The second team's words.\n"
                .write(toFile: d + "/glossary.yaml", atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(atPath: second) }
        let (g, problems) = Self.apply([Self.example, second])
        #expect(problems.errors.isEmpty, "\(problems)")
        #expect(g.glossaryEntry("agpl")?.definition == "The second team's words.")
        #expect(g.glossaryEntry("agpl")?.origin == .team("Second team"))
        #expect(g.overlays.map(\.name) == ["Acme platform", "Second team"])
    }

    @Test func aBadOverlayFileIsReportedAtItsOwnPathAndLine() throws {
        let dir = try Self.scratch { d in
            try "entries:\n  - id: x\n    term: [unclosed\n".write(toFile: d + "/glossary.yaml", atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (_, problems) = Self.apply([dir])
        let p = try #require(problems.errors.first)
        #expect(p.location.file == dir + "/glossary.yaml")
        #expect(p.location.line != nil)
        #expect(p.message.contains("YAML"))
    }

    @Test func aBrokenLinkInAnOverlayPageIsReportedInTheOverlay() throws {
        let dir = try Self.scratch { d in
            let page = d + "/pages/90-acme-platform.yaml"
            let text = try String(contentsOfFile: page, encoding: .utf8)
            try text.replacingOccurrences(of: "a:acme-embedder", with: "a:no-such-entry").write(toFile: page, atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (_, problems) = Self.apply([dir])
        #expect(problems.errors.contains { $0.location.file == dir + "/pages/90-acme-platform.yaml" && $0.message.contains("no-such-entry") })
    }

    @Test func anOverlayCannotChangeTheTrees() throws {
        let dir = try Self.scratch { d in
            try ("trees: []\n" + String(contentsOfFile: d + "/decisions.yaml", encoding: .utf8)).write(toFile: d + "/decisions.yaml", atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (_, problems) = Self.apply([dir])
        #expect(problems.errors.contains { $0.location.file == dir + "/decisions.yaml" && $0.location.line == 1 && $0.message.contains("cannot change 'trees'") })
    }

    @Test func anEditedOverlayFileIsReadAgain() throws {
        let dir = try Self.scratch { _ in }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(Self.apply([dir]).0.glossaryEntry("agpl")?.term == "AGPL-3.0")
        let file = dir + "/glossary.yaml"
        try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "term: AGPL-3.0", with: "term: AGPL version 3")
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(Self.apply([dir]).0.glossaryEntry("agpl")?.term == "AGPL version 3")
    }

    @Test func overlayFoldersComeFromConfigThenEnvironmentThenFlagsLaterWinning() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-home-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        for name in ["b-team", "a-team"] {
            try FileManager.default.createDirectory(atPath: home + "/config/nnguide/overlays/" + name, withIntermediateDirectories: true)
            try "name: \(name)\n".write(toFile: home + "/config/nnguide/overlays/\(name)/overlay.yaml", atomically: true, encoding: .utf8)
        }
        let env = Environment(["XDG_CONFIG_HOME": home + "/config", Overlay.environmentVariable: "/e1:/e2"])
        let root = home + "/config/nnguide/overlays/"
        #expect(Overlay.folders(explicit: ["/x"], environment: env) == [root + "a-team", root + "b-team", "/e1", "/e2", "/x"])
        // Named twice: applied once, at its last place.
        #expect(Overlay.folders(explicit: ["/e1"], environment: env) == [root + "a-team", root + "b-team", "/e2", "/e1"])
        #expect(Overlay.folders(explicit: [], environment: Environment(["HOME": home])) == [])
    }

    @Test func theGuideItselfCannotClaimTeamOrigin() throws {
        let c = try ScratchContent()
        try c.edit("glossary.yaml", "  - id: cnn\n    origin: guide\n", "  - id: cnn\n    origin: team\n")
        let line = try c.line(of: "origin: team", in: "glossary.yaml")
        #expect(c.problems().errors.contains { $0.location.file == "glossary.yaml" && $0.location.line == line && $0.message.contains("origin team is an overlay's") })
    }

    /// `extends: ID` in glossary.yaml and catalog.yaml adds the team's note to the guide's entry: the
    /// entry keeps its origin, the note carries the team's, and every output shows it.
    @Test func extendsAddsATeamNoteToAGlossaryAndACatalogEntry() throws {
        let team = Origin.team("Acme platform")
        let before = try #require(Self.base.glossaryEntry("embeddings"))
        let entry = try #require(Self.acme.glossaryEntry("embeddings"))
        #expect(before.notes.isEmpty && entry.origin == before.origin && entry.definition == before.definition)
        #expect(entry.notes.count == 1 && entry.notes.first?.origin == team && entry.notes.first?.see == ["acme-platform"])
        let arch = try #require(Self.acme.architecture("sentence-embeddings"))
        #expect(arch.origin == Self.base.architecture("sentence-embeddings")?.origin && arch.notes.first?.origin == team)

        let text = TextRenderer(guide: Self.acme, width: 80)
        #expect(text.glossaryEntry(entry).contains { $0.hasPrefix("[team: Acme platform] At Acme, embeddings come from") })
        #expect(text.architecture(arch).contains { $0.hasPrefix("[team: Acme platform] At Acme, call the house embedder") })
        #expect(MarkdownRenderer(guide: Self.acme).glossaryEntry(entry).contains { $0.hasPrefix("*\\[team: Acme platform\\]* At Acme") || $0.hasPrefix("*[team: Acme platform]* At Acme") })
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(GlossaryEntryJSON(entry, guide: Self.acme))) as? [String: Any])
        #expect((json["team_notes"] as? [[String: Any]])?.first?["origin"] as? String == "team:Acme platform")
        let table = Self.acme.comparisonTable(of: [arch, try #require(Self.acme.architecture("bm25"))])
        #expect(table.rows.contains { $0.first == "Team notes" && $0[1].hasPrefix("[team: Acme platform] At Acme") && $0[2].isEmpty })
        #expect(Self.acme.material(of: .team).notes.map(\.key) == ["g:embeddings", "a:sentence-embeddings"])
    }

    @Test func extendsOfAnUnknownEntryOrWithoutANoteIsReportedAtItsLine() throws {
        func append(_ d: String, _ file: String, _ text: String) throws -> Int {
            let old = try String(contentsOfFile: d + "/" + file, encoding: .utf8)
            try (old + text).write(toFile: d + "/" + file, atomically: true, encoding: .utf8)
            return old.components(separatedBy: "\n").count
        }
        var lines: [String: Int] = [:]
        let dir = try Self.scratch { d in
            lines["g"] = try append(d, "glossary.yaml", "  - extends: no-such-term\n    note: A note.\n")
            lines["a"] = try append(d, "catalog.yaml", "  - extends: no-such-model\n    note: A note.\n  - extends: bm25\n    definition: Not a note.\n")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (_, problems) = Self.apply([dir])
        #expect(problems.errors.contains { $0.location.file == dir + "/glossary.yaml" && $0.location.line == lines["g"]
            && $0.message == "extends 'no-such-term', which the guide has no glossary entry of" }, "\(problems)")
        #expect(problems.errors.contains { $0.location.file == dir + "/catalog.yaml" && $0.location.line == lines["a"]
            && $0.message == "extends 'no-such-model', which the guide has no catalog entry of" }, "\(problems)")
        #expect(problems.errors.contains { $0.location.file == dir + "/catalog.yaml" && $0.message.contains("'definition'") }, "\(problems)")
        #expect(problems.errors.contains { $0.location.file == dir + "/catalog.yaml" && $0.message.contains("extends 'bm25' needs a `note:`") }, "\(problems)")
        // Sources cannot be extended.
        let sources = try Self.scratch { d in _ = try append(d, "sources.yaml", "  - extends: gnu-agpl-3\n    note: x\n") }
        defer { try? FileManager.default.removeItem(atPath: sources) }
        #expect(Self.apply([sources]).1.errors.contains { $0.location.file == sources + "/sources.yaml" && $0.message.hasPrefix("extends adds to a page, a glossary entry or a catalog entry") })
    }
}
