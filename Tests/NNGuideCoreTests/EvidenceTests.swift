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

/// The heuristic that finds dated or numeric facts in added prose.
@Suite struct FactHeuristicTests {
    @Test(arguments: [
        ("Released in 2025 with a new tokenizer.", "a year (2025)"),
        ("The weights are CC BY-NC-SA 4.0.", "a licence (CC BY-NC-SA)"),
        ("gpt-oss is Apache-2.0.", "a licence (Apache-2.0)"),
        ("Weights under the Llama community licence.", "a licence (licence)"),
        ("Top-1 accuracy reaches 84.5% on ImageNet.", "a percentage (84.5%)"),
        ("It answers in about 100 ms on one core.", "a figure (100 ms)"),
        ("A 7B model needs 16GB in half precision.", "a figure (7B)"),
        ("SD-Turbo renders about 100 images/s.", "a figure (100 images/s)"),
        ("It decodes 40 tokens/s on a laptop.", "a figure (40 tokens/s)"),
        ("TorchServe is archived.", "a release status (archived)"),
        ("The API is deprecated; move on.", "a release status (deprecated)"),
        ("Llama 3.1 replaced it.", "a version (Llama 3.1)"),
        ("Start with v2 of the checkpoint.", "a version (v2)"),
        ("It costs $0.15 per million input tokens.", "a price ($0.15)"),
        ("A 10x cheaper run.", "a figure (10x)"),
        // Not facts that age: the guide's own counts and names.
        ("See Part 10 and Figure 3.", nil),
        ("ResNet-50 and GPT-4 are names.", nil),
        ("Stack 3 layers with 1x1 convolutions.", nil),
        ("Under 10,000 labelled images, fine-tune.", nil),
        ("Set the threshold at 0.5 and sweep it.", nil),
        ("Link to [[the 2025 survey|part-2021]] by its label only.", "a year (2025)"),
        ("A link [[target|g:mit-2019]] whose target alone has numbers.", nil),
    ] as [(String, String?)])
    func findsFacts(_ text: String, _ expected: String?) {
        #expect(FactHeuristic.fact(in: text) == expected, "\(text)")
    }

    /// The heads are compared packed into a number; a word starts a keyword in any case, and only then.
    @Test func keywordHeadsInAnyCase() {
        func starts(_ word: String) -> Bool { let b = Array(word.utf8); return FactHeuristic.keywordStart(b, 0..<b.count) }
        for head in FactHeuristic.keywordHeads {
            #expect(starts(head + "x") && starts(head.uppercased() + "X") && starts(head.prefix(1).uppercased() + head.dropFirst()), "\(head)")
        }
        for word in ["not", "under", "use", "Used", "arx", "mi", "c1"] { #expect(!starts(word), "\(word)") }
        #expect(starts("cC") && starts("licht"))
    }

    @Test func addedItemsStatingFactsWithoutEvidenceAreWarnings() throws {
        let c = try EvidenceTests.content()
        // An added glossary entry with a year, no evidence: a warning at its line.
        try c.append("glossary.yaml", """
              - id: sam
                origin: added
                term: SAM
                definition: A promptable segmenter released in 2023.
              - id: tidy
                origin: added
                term: Tidy term
                definition: Nothing here can age.
              - id: guide-term
                origin: guide
                term: Guide term
                definition: The guide's own material from 2019 is not flagged.

            """)
        // An added section whose block states a figure: covered when the section cites its sources.
        try c.edit("pages/10-part-a.yaml", "        title: On the Edge\n        sources: [onnx-docs]\n        reviewed: 2026-12\n",
                   "        title: On the Edge\n        origin: added\n")
        try c.edit("pages/10-part-a.yaml", "      - id: vision-edge\n        origin: guide\n", "      - id: vision-edge\n")
        try c.edit("pages/10-part-a.yaml", "          - p: Small convolutional networks such as MobileNet run on phones.",
                   "          - p: Small convolutional networks run in under 5 ms on phones.")
        let warnings = c.problems().filter(\.isWarning).map(\.description)
        let sam = try c.line(of: "  - id: sam", in: "glossary.yaml")
        #expect(warnings.contains("glossary.yaml:\(sam):5: warning: glossary entry 'sam' (origin: added) states a year (2023) without sources and reviewed: cite where it comes from (sources.yaml) and the month it was checked (reviewed: YYYY-MM)"))
        let block = try c.line(of: "under 5 ms", in: "pages/10-part-a.yaml")
        #expect(warnings.contains { $0.hasPrefix("pages/10-part-a.yaml:\(block):") && $0.contains("paragraph 1 of 'vision-edge' (origin: added) states a figure (5 ms)") })
        #expect(warnings.count == 2, "\(warnings)")
        // The section cites its sources: its blocks are covered.
        try c.edit("pages/10-part-a.yaml", "        title: On the Edge\n", "        title: On the Edge\n        sources: [onnx-docs]\n        reviewed: 2026-12\n")
        // Only `sources` on the entry: still a warning, naming what is missing.
        try c.edit("glossary.yaml", "    definition: A promptable segmenter released in 2023.\n", "    definition: A promptable segmenter released in 2023.\n    sources: [resnet-paper]\n")
        let after = c.problems().filter(\.isWarning).map(\.message)
        #expect(after == ["glossary entry 'sam' (origin: added) states a year (2023) without reviewed: cite where it comes from (sources.yaml) and the month it was checked (reviewed: YYYY-MM)"])
        // The per-file entries give the same warnings.
        let s = try IncrementalLoadTests.Setup(from: c.dir)
        s.expectSameAsWholeLoad("with warnings")
    }
}

/// Reasons from rules, bands, answers and leaves that cite sources name them and their review date,
/// in the text, the Markdown record (each section ends with its sources) and the JSON.
@Suite struct EvidenceReasonTests {
    @Test func reasonsNameTheirSourcesAndReviewDate() throws {
        let yaml = DecisionFixture.small.replacingOccurrences(
            of: "{answer: Table, why: Trees fit tables., next: leaf-a, see: [part-5], when: {modality: tabular}}",
            with: "{answer: Table, why: Trees fit tables., next: leaf-a, see: [part-5], when: {modality: tabular}, sources: [grinsztajn-2022], reviewed: 2026-11}") + """

            contradictions:
              - when: {modality: tabular}
                warn: [Check the data.]
                sources: [grinsztajn-2022]
                reviewed: 2026-12

            """
        #expect(yaml.contains("sources: [grinsztajn-2022], reviewed: 2026-11}"))
        let dir = try DecisionFixture.folder(decisions: yaml)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let read = try #require(ContentLoader.read(directory: dir).guide)
        let source = Source(id: "grinsztajn-2022", title: "Why do tree-based models still outperform deep learning on tabular data?",
                            authors: "Léo Grinsztajn et al.", year: 2022, kind: .paper, url: "https://arxiv.org/abs/2207.08815")
        let guide = Guide(pages: read.pages, glossary: read.glossary, catalog: read.catalog, decisions: read.decisions, sources: [source])
        let brief = try Brief(schema: guide.decisions.brief, ["modality": "tabular", "task": "classification"])
        let r = try Recommender(guide: guide).recommend(brief)
        let answer = try #require(r.decision.because.first { $0.text == "Trees fit tables." })
        #expect(answer.evidence == Evidence(sources: ["grinsztajn-2022"], reviewed: "2026-11"))
        #expect(answer.withSource.hasSuffix("sources: Why do tree-based models still outperform deep learning on tabular data? (Léo Grinsztajn et al., 2022); reviewed 2026-11)"))
        let warning = try #require(r.decision.warnings.first { $0.text == "Check the data." })
        #expect(warning.evidenceLabel?.hasSuffix("reviewed 2026-12") == true)
        // The record cites by number and lists the source once at the end, with the latest month a reason
        // citing it was reviewed (issue 23, ninth retest); so does the text.
        let md = r.markdown(date: "2026-12-07")
        let listed = md.components(separatedBy: "\n").filter { $0.contains("Why do tree-based models") }
        #expect(md.contains("\n## Sources\n") && listed.count == 1, "\(md)")
        #expect(listed.first?.hasPrefix("1. ") == true && listed.first?.hasSuffix("· reviewed 2026-12") == true, "\(listed)")
        #expect(md.contains("Trees fit tables.") && !md.contains("*(sources: Why do tree-based models"))
        let text = r.text(width: 200)
        #expect(text.contains("\nSources\n  [1] Why do tree-based models still outperform deep learning on tabular data? (Léo Grinsztajn et al., 2022); reviewed 2026-12"), "\(text)")
        #expect(text.contains("Check the data. [1]"), "\(text)")
        let json = r.json()
        #expect(json.contains("\"sources\" : [\n") && json.contains("\"grinsztajn-2022\"") && json.contains("\"reviewed\" : \"2026-11\""))
        // Without the bibliography the ids stand in for titles.
        let bare = try Recommender(book: guide.decisions, catalog: guide.catalog).recommend(brief)
        #expect(bare.decision.warnings.first { $0.text == "Check the data." }?.withSource == "Check the data. (sources: grinsztajn-2022; reviewed 2026-12)")
    }
}

/// The Markdown export ends sections with their sources and the document with the bibliography.
@Suite struct EvidenceMarkdownTests {
    @Test func theExportCitesAndEndsWithTheBibliography() throws {
        let c = try EvidenceTests.content()
        let g = try ContentLoader.load(directory: c.dir)
        let md = MarkdownRenderer(guide: g).document()
        #expect(md.contains("*Sources:* The fixture guide (the fixture's authors) · *reviewed 2026-11*"))
        #expect(md.contains("*Sources:* [ONNX Runtime documentation](<https://onnxruntime.ai/docs/>) (Microsoft) · *reviewed 2025-06*"))
        #expect(md.contains("*See:* [A.1 Vision › On the Edge](#vision-edge)") || md.contains("*See:* "), "\(md)")
        let bibliography = try #require(md.range(of: "\n# Sources\n"))
        let tail = md[bibliography.upperBound...]
        #expect(tail.contains("- <a id=\"src-resnet-paper\"></a>[Deep Residual Learning for Image Recognition](<https://arxiv.org/abs/1512.03385>) (Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun, 2016) · paper · `resnet-paper`"))
        // The intro's sources end the intro, before the next page's heading.
        let intro = try #require(md.range(of: "*Sources:* The fixture guide"))
        let partA = try #require(md.range(of: "Part A: Choosing Models"))
        #expect(intro.lowerBound < partA.lowerBound)
    }
}

/// `nnguide show` and `nnguide glossary TERM` as text: sources, review date and see.
@Suite struct EvidenceTextTests {
    @Test func textNamesSourcesReviewDatesAndSee() throws {
        let c = try EvidenceTests.content()
        let g = try ContentLoader.load(directory: c.dir)
        let r = TextRenderer(guide: g, width: 100)
        let entry = r.glossaryEntry(try #require(g.glossaryEntry("cnn")))
        #expect(entry.contains("See:     On the Edge (vision-edge)"), "\(entry)")
        #expect(entry.contains { $0.hasPrefix("Sources: Deep Residual Learning for Image Recognition (Kaiming He") })
        #expect(entry.contains("Reviewed: 2026-12"))
        let page = try #require(r.render(id: "intro"))
        #expect(page.contains("Sources: The fixture guide (the fixture's authors)\nReviewed: 2026-11"))
        #expect(page.contains("Sources: ONNX Runtime documentation (Microsoft) <https://onnxruntime.ai/docs/>\nReviewed: 2025-06"))
        #expect(r.architecture(try #require(g.architecture("cnn"))).contains("Reviewed: 2026-10"))
    }
}
