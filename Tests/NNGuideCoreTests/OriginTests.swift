import Foundation
import Testing
@testable import NNGuideCore

/// Origins (issue 11): required on pages, sections, glossary and catalog entries, optional on blocks
/// (which inherit), and carried into every export.
@Suite struct OriginTests {
    func only(_ c: ScratchContent, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ContentProblem {
        let problems = c.problems()
        #expect(problems.count == 1, "expected one problem, got: \(problems)", sourceLocation: sourceLocation)
        return try #require(problems.first, sourceLocation: sourceLocation)
    }

    @Test func aSectionWithoutOriginIsReportedAtItsLine() throws {
        let c = try ScratchContent()
        try c.edit("pages/10-part-a.yaml", "  - id: vision\n    origin: guide\n", "  - id: vision\n")
        let p = try only(c)
        #expect(p.location == SourceLocation(file: "pages/10-part-a.yaml", line: try c.line(of: "- id: vision", in: "pages/10-part-a.yaml"), column: 5))
        #expect(p.message.hasPrefix("section 'vision' has no origin"))
        #expect(p.message.contains("origin: guide"))
    }

    @Test func aTopLevelPageWithoutOriginIsReported() throws {
        let c = try ScratchContent()
        try c.edit("pages/00-intro.yaml", "origin: guide\n", "")
        let p = try only(c)
        #expect(p.location == SourceLocation(file: "pages/00-intro.yaml", line: 1, column: 1))
        #expect(p.message.hasPrefix("page 'intro' has no origin"))
    }

    @Test func glossaryAndCatalogEntriesNeedOrigins() throws {
        let c = try ScratchContent()
        try c.edit("glossary.yaml", "  - id: cnn\n    origin: guide\n", "  - id: cnn\n")
        try c.edit("catalog.yaml", "  - id: vit\n    origin: guide\n", "  - id: vit\n")
        let problems = c.problems()
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.contains { $0.location.file == "glossary.yaml" && $0.location.line == (try? c.line(of: "- id: cnn", in: "glossary.yaml")) && $0.message.hasPrefix("glossary entry 'cnn' has no origin") })
        #expect(problems.contains { $0.location.file == "catalog.yaml" && $0.location.line == (try? c.line(of: "- id: vit", in: "catalog.yaml")) && $0.message.hasPrefix("catalog entry 'vit' has no origin") })
    }

    @Test func anUnknownOriginIsReportedAtItsValueAndTheRestStillChecked() throws {
        let c = try ScratchContent()
        try c.edit("glossary.yaml", "  - id: cnn\n    origin: guide\n", "  - id: cnn\n    origin: borrowed\n")
        let p = try only(c)
        #expect(p.location == SourceLocation(file: "glossary.yaml", line: try c.line(of: "origin: borrowed", in: "glossary.yaml"), column: 13))
        #expect(p.message == "glossary entry 'cnn': unknown origin 'borrowed'; expected one of: guide, refilled, added")
    }

    @Test func anUnknownBlockOriginIsReported() throws {
        let c = try ScratchContent()
        try c.edit("pages/10-part-a.yaml", "  - p: Each section below covers one kind of choice.\n",
                   "  - p: Each section below covers one kind of choice.\n    origin: [added]\n")
        let p = try only(c)
        #expect(p.location.line == (try c.line(of: "origin: [added]", in: "pages/10-part-a.yaml")))
        #expect(p.message.hasPrefix("block: unknown origin (a list); expected one of: guide, refilled, added"))
    }

    @Test func contentWithoutAnyOriginsNamesEveryItem() throws {
        let c = try ScratchContent()
        for file in ["pages/00-intro.yaml", "pages/10-part-a.yaml", "glossary.yaml", "catalog.yaml"] {
            try c.write(file, try c.text(file).split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("origin:") }.joined(separator: "\n"))
        }
        let problems = c.problems()
        let guide = try Fixtures.miniGuide()
        #expect(problems.count == guide.readingOrder.count + guide.glossary.count + guide.catalog.architectures.count)
        #expect(problems.allSatisfy { $0.location.line != nil && $0.message.contains("has no origin") })
    }

    // MARK: inheritance

    @Test func blocksInheritAListInGuideMaterialIsRefilled() throws {
        let c = try ScratchContent()
        try c.edit("pages/10-part-a.yaml", "  - id: worked\n    origin: guide\n", "  - id: worked\n    origin: added\n")
        try c.append("pages/10-part-a.yaml", "      - list: [A list the source kept]\n        origin: guide\n      - list: [A list written here]\n")
        // The appended blocks belong to the last section ("wide"), a guide section.
        let guide = try ContentLoader.load(directory: c.dir)
        let intro = try #require(guide.page("intro")?.page)
        let kinds = intro.blocks.indices.map { (intro.blocks[$0].kindName, intro.origin(ofBlock: $0)) }
        #expect(kinds.contains { $0 == ("paragraph", .guide) })
        #expect(kinds.contains { $0 == ("list", .refilled) })
        #expect(kinds.contains { $0 == ("steps", .refilled) })
        #expect(kinds.contains { $0 == ("callout", .guide) })
        let wide = try #require(guide.page("wide")?.page)
        #expect(wide.blocks.indices.map { wide.origin(ofBlock: $0) } == [.guide, .guide, .refilled])
        let worked = try #require(guide.page("worked")?.page)
        #expect(worked.origin == .added && worked.origin(ofBlock: 0) == .added)
    }

    @Test func inheritanceRule() {
        #expect(Origin.inherited(by: .list([]), on: .guide) == .refilled)
        #expect(Origin.inherited(by: .steps([]), on: .guide) == .refilled)
        #expect(Origin.inherited(by: .list([]), on: .added) == .added)
        #expect(Origin.inherited(by: .paragraph("x"), on: .guide) == .guide)
        #expect(Origin.inherited(by: .paragraph("x"), on: .refilled) == .refilled)
    }

    // MARK: exports

    func markedGuide() throws -> Guide {
        let c = try ScratchContent()
        try c.edit("pages/10-part-a.yaml", "  - id: worked\n    origin: guide\n", "  - id: worked\n    origin: added\n")
        try c.edit("glossary.yaml", "  - id: cnn\n    origin: guide\n", "  - id: cnn\n    origin: added\n")
        return try ContentLoader.load(directory: c.dir)
    }

    @Test func markdownNotesRefilledAndAddedMaterial() throws {
        let guide = try markedGuide()
        let md = MarkdownRenderer(guide: guide)
        let worked = try #require(md.render(id: "worked")).components(separatedBy: "\n")
        #expect(worked.prefix(4) == ["# <a id=\"worked\"></a>A Worked Example", "", "*Added: beyond the source guide, written for nnguide.*", ""])
        let intro = try #require(md.render(id: "intro")).components(separatedBy: "\n")
        let note = "*Refilled: a list the source guide lost, written for nnguide.*"
        // After the bullet list and after the numbered steps, each as a paragraph of its own.
        let at = intro.indices.filter { intro[$0] == note }
        #expect(at.count == 2)
        for i in at { #expect(intro[i - 1] == "" && intro[i + 1] == "") }
        #expect(md.glossaryEntry(try #require(guide.glossaryEntry("cnn"))).contains("*Added: beyond the source guide, written for nnguide.*"))
        #expect(!md.glossaryEntry(try #require(guide.glossaryEntry("attention"))).contains { $0.hasPrefix("*Added") })
    }

    @Test func jsonCarriesOriginOnEveryPageBlockAndEntry() throws {
        let guide = try markedGuide()
        let json = try JSONOutput.string(GuideExport(guide: guide))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        func pages(_ list: [[String: Any]]) -> [[String: Any]] { list.flatMap { [$0] + pages($0["sections"] as? [[String: Any]] ?? []) } }
        let all = pages(try #require(object["pages"] as? [[String: Any]]))
        #expect(all.count == guide.readingOrder.count)
        #expect(all.allSatisfy { $0["origin"] is String })
        let blocks = all.flatMap { $0["blocks"] as? [[String: Any]] ?? [] }
        #expect(!blocks.isEmpty && blocks.allSatisfy { Origin(rawValue: $0["origin"] as? String ?? "") != nil })
        #expect(blocks.contains { $0["list"] != nil && $0["origin"] as? String == "refilled" })
        #expect(all.first { $0["id"] as? String == "worked" }?["origin"] as? String == "added")
        let glossary = try #require(object["glossary"] as? [[String: Any]])
        #expect(glossary.first { $0["id"] as? String == "cnn" }?["origin"] as? String == "added")
        let catalog = try #require((object["catalog"] as? [String: Any])?["architectures"] as? [[String: Any]])
        #expect(catalog.allSatisfy { $0["origin"] as? String == "guide" })
    }

    @Test func textMarksAndShowStatesTheOrigin() throws {
        let guide = try markedGuide()
        let r = TextRenderer(guide: guide, width: 60)
        #expect(try #require(r.render(id: "worked")).components(separatedBy: "\n").contains("A Worked Example [added]"))
        #expect(try #require(r.render(id: "intro")).components(separatedBy: "\n").filter { $0 == "[refilled]" }.count == 2)
        #expect(r.glossaryEntry(try #require(guide.glossaryEntry("cnn"))).last == "Origin: added (beyond the source guide, written for nnguide)")
        #expect(r.architecture(try #require(guide.architecture("vit"))).contains { $0.hasPrefix("Origin: guide (the source guide") })
    }

    @Test func listingOneOrigin() throws {
        let guide = try markedGuide()
        let added = guide.material(of: .added)
        #expect(added.pages.map(\.id) == ["worked"])
        #expect(added.glossary.map(\.id) == ["cnn"])
        #expect(added.blocks.isEmpty && added.architectures.isEmpty)
        let refilled = guide.material(of: .refilled)
        #expect(refilled.pages.isEmpty)
        #expect(refilled.blocks.map { "\($0.entry.id)#\($0.index)" } == ["intro#2", "intro#3"])
    }

    @Test func theCacheKeepsOrigins() throws {
        let guide = try markedGuide()
        let data = try #require(CacheFile.encode(guide, key: "k"))
        let back = try #require(CacheFile(data)?.guide())
        #expect(back.pages == guide.pages && back.glossary == guide.glossary && back.catalog == guide.catalog)
        #expect(back.page("worked")?.page.origin == .added)
    }
}
