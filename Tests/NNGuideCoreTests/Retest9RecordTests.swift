import Foundation
import Testing
@testable import NNGuideCore

/// The ninth retest's findings on the recommendation's text and the record saved from answers (issue 23).
@Suite struct Retest9RecordTests {
    static let guide = try? ContentLoader.load(directory: Fixtures.realContent)

    /// Decide `1`, then "Images or video", "Classify what is there", "Limited labels (1,000 to ~100,000)": the retest's path.
    func retestPath(_ guide: Guide) throws -> Navigator {
        var nav = Navigator(tree: try #require(guide.decisions.primaryTree), schema: guide.decisions.brief)
        for answer in ["Images or video", "Classify what is there", "In the cloud or on GPU servers: limited labels"] {
            let i = try #require(nav.current.options.firstIndex { $0.answer.hasPrefix(answer) }, "no answer '\(answer)' at \(nav.current.id)")
            let took = nav.choose(i); #expect(took)
        }
        #expect(nav.isAtLeaf)
        return nav
    }

    /// The record's path is the answers given, in order; the variant step the implied brief adds (deploy
    /// defaulted) is apart from them and says what it assumed. Old code: "4. Where will the CNN run?
    /// (vision variants) **On a server or in batch**" was the path's fourth answer.
    @Test func theRecordFromAnswersListsExactlyTheAnswersGiven() throws {
        let guide = try #require(Self.guide)
        let nav = try retestPath(guide)
        let md = try #require(nav.record(catalog: guide.catalog, guide: guide, date: "2026-12-07"))
        let lines = md.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "## Decision path"))
        let numbered = lines[(start + 1)...].prefix { !$0.hasPrefix("## ") }.filter { $0.first?.isNumber == true }
        let given = nav.breadcrumb.map { InlineParser.plain($0.option.answer) }
        #expect(numbered.count == given.count, "\(numbered)")
        for (line, answer) in zip(numbered, given) { #expect(line.contains("**\(MarkdownText.literal(answer))**"), "\(line) is not \(answer)") }
        // The implied step is there, apart and marked.
        let apart = try #require(lines.first { $0.hasPrefix("- ") && $0.contains("Where will the CNN run?") }, "\(md)")
        // Twelfth retest: the data answer now says "in the cloud or on GPU servers", so deploy cloud is the
        // answers' (no longer assumed), and the Brief table says so.
        #expect(!apart.contains("assumed: deploy not given"), "\(apart)")
        #expect(md.contains("| deploy | cloud |"), "\(md)")
        // The flips point at the command where it is, and the Brief heading has the fields table.
        #expect(!md.contains("(the command above)"))
        let brief = try #require(lines.firstIndex(of: "## Brief"))
        #expect(lines[brief + 2] == "| field | value | source |", "\(lines[brief...].prefix(6))")
        #expect(lines[brief...].contains { $0.hasPrefix("| modality | image | one of the values your answers allow |") })   // "Images or video"
        #expect(lines[brief...].contains { $0.hasPrefix("| samples | 50000 | stands for your answer") }, "\(lines[brief...].prefix(8))")
        let flips = try #require(md.range(of: "## What would change the pick")), reproduce = try #require(md.range(of: "Reproduce with:"))
        #expect(flips.lowerBound < reproduce.lowerBound && md.contains("(the command under Brief, below)"))
        // The Decision keeps the steps, the implied ones marked, so nothing else loses them.
        let d = try #require(nav.decision(catalog: guide.catalog, guide: guide))
        #expect(d.steps.filter { !$0.implied }.map(\.answer) == given)
        #expect(d.steps.filter(\.implied).allSatisfy { $0.role == .variant })
    }

    /// A reason ends with its short origin and numbered references; the sources are listed once at the
    /// end. Old code: each "Why" bullet carried every source's full title inline.
    @Test func reasonsCiteNumberedSourcesListedOnceAtTheEnd() throws {
        let guide = try #require(Self.guide)
        let brief = try Brief(schema: guide.decisions.brief, ["modality": "text", "task": "generation", "knowledge": "documents"])
        let r = try Recommender(guide: guide).recommend(brief)
        for (text, heading) in [(r.text(width: 400), "Sources"), (r.markdown(date: "2026-12-07"), "## Sources")] {
            let lines = text.components(separatedBy: "\n")
            let why = try #require(lines.firstIndex { $0 == "Why" || $0 == "## Why" })
            let body = lines[why...].prefix { !$0.hasPrefix("Alternatives") && !$0.hasPrefix("## Alternatives") && !$0.hasPrefix("## Pick") }
            #expect(!body.joined().contains("sources:"), "\(body.joined(separator: "\n"))")
            #expect(!body.joined().contains("gpt-oss-20b model card"), "the title belongs under \(heading)")
            #expect(body.joined().contains("[1"), "\(body.joined(separator: "\n"))")
            let list = try #require(lines.lastIndex(of: heading), "no \(heading) in:\n\(text)")
            let entries = lines[(list + 1)...].filter { $0.contains("gpt-oss-20b model card") }
            #expect(entries.count == 1 && entries[0].contains("OpenAI") && entries[0].contains("2025") && entries[0].contains("reviewed 2026-12"), "\(entries)")
            #expect(text.components(separatedBy: "gpt-oss-20b model card").count == 2, "listed once")
        }
        // The JSON keeps the ids and review date on each reason.
        #expect(r.json().contains("\"gpt-oss-card\""))
    }

    /// The RAG pick's next steps build and evaluate the index and never say to retrain or LoRA-tune.
    @Test func ragNextStepsBuildAndEvaluateTheIndex() throws {
        let guide = try #require(Self.guide)
        let brief = try Brief(schema: guide.decisions.brief, ["modality": "text", "task": "generation", "knowledge": "documents"])
        let d = try Recommender(guide: guide).decide(brief)
        #expect(d.pick.id == "rag")
        let steps = d.nextSteps.joined(separator: "\n")
        #expect(!steps.contains("LoRA") && !steps.contains("retrain when"), "\(steps)")
        // Nor the generic lines the tenth retest still found: a prompt-only baseline, perplexity,
        // splitting "by time, customer or device".
        for generic in ["pretrained model with prompts", "perplexity", "customer or device"] { #expect(!steps.contains(generic), "\(generic) in:\n\(steps)") }
        for needed in ["BM25", "re-rank", "recall@k", "faithful", "re-index", "cite"] { #expect(steps.contains(needed), "no \(needed) in:\n\(steps)") }
        // And the reason states only what the brief gave: documents, not how often they change.
        #expect(!d.because.contains { $0.text.contains("weekly") }, "\(d.because.map(\.text))")
        // A decoder pick keeps its LoRA step.
        let decoder = try Recommender(guide: guide).decide(try Brief(schema: guide.decisions.brief, ["modality": "text", "task": "generation"]))
        if decoder.pick.id == "transformer-decoder" {
            #expect(decoder.nextSteps.contains { $0.contains("LoRA") })
            #expect(decoder.nextSteps.contains { $0.contains("perplexity") } && decoder.nextSteps.contains { $0.contains("customer or device") })
        }
    }

    /// One spelling in what a user reads: "labelled", as most of the content has it. Aliases keep the
    /// other spelling on purpose: they are what a search may be typed as.
    @Test func theContentSpellsLabelledOneWay() throws {
        let root = Fixtures.realContent
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".md") }
        #expect(files.count > 5)
        var found: [String] = []
        let pattern = try Regex(#"\b(?:[Ll]abel|[Mm]islabel|[Uu]nlabel)(?:ed|ing)\b"#)
        for f in files {
            let text = try String(contentsOfFile: root + "/" + f, encoding: .utf8)
            for (n, line) in text.components(separatedBy: "\n").enumerated() where !line.contains("aliases:") && line.contains(pattern) {
                found.append("\(f):\(n + 1): \(line)")
            }
        }
        // And nnguide's own strings a user sees (a line with a string literal in Sources/).
        let sources = (root as NSString).deletingLastPathComponent + "/Sources"
        let swift = (FileManager.default.enumerator(atPath: sources)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".swift") }
        #expect(swift.count > 20)
        for f in swift {
            let text = try String(contentsOfFile: sources + "/" + f, encoding: .utf8)
            for (n, line) in text.components(separatedBy: "\n").enumerated() where line.contains("\"") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && line.contains(pattern) {
                found.append("Sources/\(f):\(n + 1): \(line)")
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
        // The 800-label warning reads as English.
        let guide = try #require(Self.guide)
        let d = try Recommender(guide: guide).decide(try Brief(schema: guide.decisions.brief, ["modality": "image", "task": "classification", "samples": "800"]))
        let said = d.warnings.map(\.text).joined(separator: " ")
        #expect(said.contains("do not train the CNN from scratch"), "\(said)")
    }

    /// A bulleted cell that wraps keeps a hanging indent. Old code: "• Data-efficient thanks" / "to locality".
    @Test func aBulletedCellWrapsUnderItsText() {
        let lines = TextRenderer.cellLines("• Data-efficient thanks to locality and weight sharing\n• Fast", width: 24)
        #expect(lines.first == "• Data-efficient thanks")
        #expect(lines.dropFirst().prefix { !$0.hasPrefix("•") }.allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }, "\(lines)")
        #expect(lines.last == "• Fast")
        #expect(TextRenderer.cellLines("plain words that wrap here", width: 10).allSatisfy { !$0.hasPrefix(" ") })
    }
}

/// The tenth retest: a record from "Text or code" › "Answer from a document collection" said
/// "deploy | cloud | your answers", though no question asked where the model runs (the answer allows
/// cloud, server-cpu or batch, and the command takes one of them).
@Suite struct Retest10RecordTests {
    @Test func aValueTheAnswersLeaveToASetIsNotCalledTheirs() throws {
        let guide = try #require(Retest9RecordTests.guide)
        var nav = Navigator(tree: try #require(guide.decisions.primaryTree), schema: guide.decisions.brief)
        for answer in ["Text or code", "Answer from a document collection"] {
            let i = try #require(nav.current.options.firstIndex { $0.answer.hasPrefix(answer) }, "no answer '\(answer)' at \(nav.current.id)")
            let took = nav.choose(i); #expect(took)
        }
        let md = try #require(nav.record(catalog: guide.catalog, guide: guide, date: "2026-12-07"))
        let rows = md.components(separatedBy: "\n").filter { $0.hasPrefix("| ") }
        let deploy = try #require(rows.first { $0.hasPrefix("| deploy |") }, "no deploy row in:\n\(md)")
        #expect(!deploy.contains("| your answers |"), "\(deploy)")
        #expect(deploy.contains("allow"), "\(deploy)")
        // What the answers did say stays theirs.
        #expect(rows.contains { $0.hasPrefix("| modality | text | your answers |") }, "\(rows)")
    }
}
