import Foundation
import Testing
@testable import NNGuideCore

/// The bibliography (sources.yaml) and the `sources`/`reviewed` keys every kind of item may carry,
/// the glossary's `see`: read, checked by lint, and kept whole through the caches and JSON.
@Suite struct EvidenceTests {
    static let sourcesYAML = """
        sources:
          - id: guide
            title: The fixture guide
            organisation: the fixture's authors
            kind: guide
          - id: resnet-paper
            title: Deep Residual Learning for Image Recognition
            authors: [Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun]
            year: 2016
            kind: paper
            url: https://arxiv.org/abs/1512.03385
          - id: onnx-docs
            title: ONNX Runtime documentation
            organisation: Microsoft
            kind: docs
            url: https://onnxruntime.ai/docs/

        """

    /// The mini fixture with a bibliography and evidence on a page, a block, a section, a glossary
    /// entry (with `see`), a catalog entry, a node and an answer.
    static func content() throws -> ScratchContent {
        let c = try ScratchContent()
        try c.write("sources.yaml", sourcesYAML)
        try c.edit("pages/00-intro.yaml", "short: Intro\n", "short: Intro\nsources: [guide]\nreviewed: 2026-11\n")
        try c.edit("pages/00-intro.yaml", "  - pre: \"output = activation(W × input + b)\"\n",
                   "  - pre: \"output = activation(W × input + b)\"\n    sources: [onnx-docs]\n    reviewed: 2025-06\n")
        try c.edit("pages/10-part-a.yaml", "        title: On the Edge\n", "        title: On the Edge\n        sources: [onnx-docs]\n        reviewed: 2026-12\n")
        try c.edit("glossary.yaml", "    used_in: [vision]\n", "    used_in: [vision]\n    see: [vision-edge]\n    sources: [resnet-paper]\n    reviewed: 2026-12\n")
        try c.edit("catalog.yaml", "    deep_dive: vision\n    glossary: cnn\n", "    deep_dive: vision\n    glossary: cnn\n    sources: [resnet-paper, onnx-docs]\n    reviewed: 2026-10\n")
        try c.edit("decisions.yaml", "{answer: Images, next: images}", "{answer: Images, next: images, sources: [resnet-paper], reviewed: 2026-12}")
        try c.edit("decisions.yaml", "        why: Locality fits images.\n", "        why: Locality fits images.\n        sources: [resnet-paper]\n        reviewed: 2026-09\n")
        return c
    }

    @Test func everyKindOfItemCarriesItsEvidence() throws {
        let c = try Self.content()
        #expect(c.problems() == [])
        let g = try ContentLoader.load(directory: c.dir)
        #expect(g.sources.map(\.id) == ["guide", "resnet-paper", "onnx-docs"])
        #expect(g.source("resnet-paper")?.authors == "Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun")
        #expect(g.source("resnet-paper")?.year == 2016)
        #expect(g.source("onnx-docs")?.kind == .docs)
        let intro = try #require(g.page("intro")?.page)
        #expect(intro.evidence == Evidence(sources: ["guide"], reviewed: "2026-11"))
        let pre = try #require(intro.blocks.firstIndex { $0 == .preformatted("output = activation(W × input + b)") })
        #expect(intro.evidence(ofBlock: pre) == Evidence(sources: ["onnx-docs"], reviewed: "2025-06"))
        #expect(intro.evidence(ofBlock: 0) == .none)
        #expect(g.page("vision-edge")?.page.evidence.reviewed == "2026-12")
        let cnn = try #require(g.glossaryEntry("cnn"))
        #expect(cnn.see == ["vision-edge"])
        #expect(cnn.evidence.sources == ["resnet-paper"])
        #expect(g.architecture("cnn")?.evidence == Evidence(sources: ["resnet-paper", "onnx-docs"], reviewed: "2026-10"))
        let tree = try #require(g.decisions.trees.first)
        #expect(tree.node("images")?.evidence.reviewed == "2026-09")
        #expect(tree.node("modality")?.options.first?.evidence == Evidence(sources: ["resnet-paper"], reviewed: "2026-12"))
        #expect(g.sources(of: Evidence(sources: ["onnx-docs", "guide"])).map(\.id) == ["onnx-docs", "guide"])
        #expect(Evidence(sources: ["a", "b"], reviewed: "2026-12").line == "as of 2026-12 · 2 sources")
        #expect(g.citedSourceIDs == ["guide", "resnet-paper", "onnx-docs"])
    }

    /// The per-file entries, the whole-guide cache and the compiled guide give back the same guide.
    @Test func evidenceRoundTripsThroughTheCaches() throws {
        let c = try Self.content()
        let s = try IncrementalLoadTests.Setup(from: c.dir)
        let first = s.expectSameAsWholeLoad("first load")
        #expect(first.contains("sources.yaml"))
        try s.content.edit("sources.yaml", "title: ONNX Runtime documentation", "title: ONNX Runtime docs")
        #expect(s.expectSameAsWholeLoad("the bibliography edited") == ["sources.yaml"])
        // The bibliography loses an id a glossary entry, the catalog and decisions cite.
        try s.content.edit("sources.yaml", "  - id: resnet-paper\n", "  - id: he-2016\n")
        #expect(s.expectSameAsWholeLoad("a source renamed") == ["sources.yaml"])
        let lint = s.load.read(guide: false).problems
        #expect(lint.contains { $0.location.file == "glossary.yaml" && $0.message.contains("unknown source 'resnet-paper'") })
        #expect(lint.contains { $0.location.file == "sources.yaml" && $0.isWarning && $0.message.contains("'he-2016' is cited by nothing") })
        try s.content.edit("sources.yaml", "  - id: he-2016\n", "  - id: resnet-paper\n")
        s.expectSameAsWholeLoad("restored")

        let yaml = try ContentLoader.load(directory: s.content.dir)
        let cache = ContentCache(contentDirectory: s.content.dir, cacheDirectory: s.cacheDir)
        _ = try cache.load()
        #expect(ContentCacheTests.same(yaml, try cache.load()))
        let compiled = s.cacheDir + "/guide.compiled"
        _ = try CompiledGuide.write(contentDirectory: s.content.dir, to: compiled)
        let file = try #require(CacheFile(try Data(contentsOf: URL(fileURLWithPath: compiled))))
        #expect(ContentCacheTests.same(yaml, try #require(file.guide())))
    }

    @Test func theJSONExportCarriesSourcesAndReviewDates() throws {
        let c = try Self.content()
        let g = try ContentLoader.load(directory: c.dir)
        let json = try JSONOutput.string(GuideExport(guide: g))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let pages = try #require(object["pages"] as? [[String: Any]])
        #expect(pages.first?["reviewed"] as? String == "2026-11")
        #expect(pages.first?["sources"] as? [String] == ["guide"])
        let blocks = try #require(pages.first?["blocks"] as? [[String: Any]])
        #expect(blocks.contains { $0["sources"] as? [String] == ["onnx-docs"] && $0["reviewed"] as? String == "2025-06" && $0["pre"] != nil })
        let bibliography = try #require(object["sources"] as? [[String: Any]])
        #expect(bibliography.map { $0["id"] as? String } == ["guide", "resnet-paper", "onnx-docs"])
        #expect(bibliography[1]["url"] as? String == "https://arxiv.org/abs/1512.03385")
        let glossary = try #require(object["glossary"] as? [[String: Any]])
        #expect(glossary.first { $0["id"] as? String == "cnn" }?["see"] as? [String] == ["vision-edge"])
    }

    @Test func lintReportsUnknownIdsAndBadMonthsWithTheirLines() throws {
        let c = try Self.content()
        try c.edit("glossary.yaml", "    sources: [resnet-paper]\n    reviewed: 2026-12\n", "    sources: [resnet-papr]\n    reviewed: 2026-12\n")
        try c.edit("catalog.yaml", "    reviewed: 2026-10\n", "    reviewed: Oct 2026\n")
        try c.edit("pages/10-part-a.yaml", "        reviewed: 2026-12\n", "        reviewed: 2999-01\n")
        try c.edit("pages/00-intro.yaml", "    reviewed: 2025-06\n", "    reviewed: 2025-13\n")
        try c.edit("decisions.yaml", "sources: [resnet-paper], reviewed: 2026-12}", "sources: [nobody], reviewed: 2026-12}")
        let problems = c.problems().map(\.description)
        let cnn = try c.line(of: "  - id: cnn", in: "glossary.yaml")
        #expect(problems.contains("glossary.yaml:\(cnn):5: glossary entry 'cnn' cites unknown source 'resnet-papr' (no entry of sources.yaml has that id)"))
        let entry = try c.line(of: "  - id: cnn", in: "catalog.yaml")
        #expect(problems.contains("catalog.yaml:\(entry):5: catalog entry 'cnn': reviewed 'Oct 2026' is not a month written YYYY-MM (e.g. 2026-12)"))
        let edge = try c.line(of: "  - id: vision-edge", in: "pages/10-part-a.yaml")
        #expect(problems.contains { $0.hasPrefix("pages/10-part-a.yaml:\(edge):") && $0.contains("section 'vision-edge': reviewed 2999-01 is in the future") })
        let pre = try c.line(of: "  - pre: \"output", in: "pages/00-intro.yaml")
        #expect(problems.contains { $0.hasPrefix("pages/00-intro.yaml:\(pre):5: preformatted text") && $0.contains("reviewed '2025-13' is not a month") })
        let modality = try c.line(of: "      - id: modality", in: "decisions.yaml")
        #expect(problems.contains("decisions.yaml:\(modality):9: answer 'Images' of 'modality' cites unknown source 'nobody' (no entry of sources.yaml has that id)"))
        #expect(problems.count == 5, "\(problems)")
        // resnet-paper is still cited by the catalog and decisions: no warning for it.
        let warned = c.problems().contains(where: { $0.isWarning })
        #expect(!warned)
    }

    @Test func lintChecksTheBibliographyItself() throws {
        let c = try Self.content()
        try c.append("sources.yaml", """
              - id: vague
                title: Something we read
                kind: article
                year: 3024
                url: www.example.com
              - id: blog
                title: A post
                organisation: Someone
                kind: blog
              - id: loose
                title: Never cited
                organisation: Someone
                kind: benchmark
              - id: guide
                title: Twice
                organisation: Someone
                kind: guide

            """)
        let problems = c.problems()
        let text = problems.map(\.description)
        let vague = try c.line(of: "  - id: vague", in: "sources.yaml")
        #expect(text.contains("sources.yaml:\(vague):5: source 'vague' names neither authors nor an organisation"))
        #expect(text.contains { $0.hasPrefix("sources.yaml:\(vague):5: source 'vague': year 3024 is not a year") })
        #expect(text.contains("sources.yaml:\(vague):5: source 'vague': url 'www.example.com' is not an http(s) address"))
        let kind = try c.line(of: "kind: blog", in: "sources.yaml")
        #expect(text.contains { $0.hasPrefix("sources.yaml:\(kind):") && $0.contains("guide, paper, docs, release-notes, benchmark, licence, repository, article") }, "\(text)")
        #expect(text.contains { $0.contains("duplicate id 'guide'") })
        let loose = try c.line(of: "  - id: loose", in: "sources.yaml")
        let warnings = problems.filter(\.isWarning).map(\.description)
        #expect(warnings.contains("sources.yaml:\(loose):5: warning: source 'loose' is cited by nothing (cite it with `sources: [loose]` or remove it)"))
        #expect(warnings.contains { $0.contains("'vague' is cited by nothing") })
        #expect(warnings.count == 2, "\(warnings)")
    }

    /// A warning alone does not stop the guide from loading.
    @Test func warningsDoNotStopALoad() throws {
        let c = try Self.content()
        try c.append("sources.yaml", "  - {id: spare, title: Spare, organisation: Someone, kind: docs}\n")
        let problems = c.problems()
        #expect(problems.count == 1 && problems[0].isWarning)
        let g = try ContentLoader.load(directory: c.dir)
        #expect(g.source("spare") != nil)
    }

    @Test func glossarySeeMustNameAPage() throws {
        let c = try Self.content()
        try c.edit("glossary.yaml", "    see: [vision-edge]\n", "    see: [vision-edge, nowhere]\n")
        let line = try c.line(of: "  - id: cnn", in: "glossary.yaml")
        #expect(c.problems().map(\.description) == ["glossary.yaml:\(line):5: glossary entry 'cnn': see 'nowhere' is not a page or section id"])
    }

    @Test func monthsAreReadStrictly() {
        #expect(Evidence.month("2026-12") == 2026 * 12 + 11)
        for bad in ["2026-1", "2026-00", "2026-13", "26-12", "2026/12", "2026-12-01", "abcd-12", " 2026-12"] {
            #expect(Evidence.month(bad) == nil, "\(bad)")
        }
        #expect(Evidence.monthText(2026 * 12 + 11) == "2026-12")
        #expect(Evidence.monthText(2027 * 12) == "2027-01")
    }

    /// Rules and bands of decisions.yaml take the keys too; a bad one is reported at the rule.
    @Test func decisionRulesCarryEvidence() throws {
        let yaml = DecisionFixture.small + """

            contradictions:
              - when: {modality: tabular}
                warn: [Check the data.]
                sources: [missing-source]
                reviewed: 2026-12

            """
        let dir = try DecisionFixture.folder(decisions: yaml)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (guide, problems) = ContentLoader.read(directory: dir)
        #expect(guide?.decisions.contradictions.first?.evidence == Evidence(sources: ["missing-source"], reviewed: "2026-12"))
        #expect(problems.map(\.message).contains("contradiction 1 cites unknown source 'missing-source' (no entry of sources.yaml has that id)"))
    }
}
