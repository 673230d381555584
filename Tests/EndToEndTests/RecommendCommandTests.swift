import Foundation
import Testing
import NNGuideCore

/// `nnguide recommend` as a user runs it: the examples, the formats, and every kind of bad input.
@Suite struct RecommendCommandTests {
    @Test(arguments: 1...5) func exampleReplaysTheGuidesPick(_ n: Int) throws {
        let expect = try #require(RecommendRun.book.workedExample(n)).expect
        let o = try RecommendRun.json(["--example", "\(n)"])
        let pick = try #require(o["pick"] as? [String: Any])
        // The guide's pick, or a departure whose guide_pick names it and says why.
        let guide = o["guide_pick"] as? [String: Any]
        #expect(expect.contains(pick["id"] as? String ?? "") || expect.contains(guide?["id"] as? String ?? ""), "example \(n): \(pick)")
        if let guide { #expect((guide["why"] as? String)?.isEmpty == false) }
        #expect((o["example"] as? [String: Any])?["id"] as? String == "example-\(n)")
    }

    @Test func flagsGiveTheJSONContract() throws {
        let o = try RecommendRun.json(["--modality", "text", "--task", "generation", "--samples", "5000", "--latency-ms", "200",
                                       "--deploy", "edge", "--compute", "low", "--interpretability", "required", "--streaming",
                                       "--context", "long", "--pretrained", "--notes", "a note"])
        for key in ["pick", "alternatives", "path", "because", "why_not", "warnings", "assumptions", "next_steps", "brief"] {
            #expect(o[key] != nil, "missing \(key)")
        }
        let brief = try #require(o["brief"] as? [String: Any])
        #expect(brief["latency_ms"] as? Double == 200 && brief["streaming"] as? Bool == true && brief["notes"] as? String == "a note")
    }

    /// Issue 23 item 5: every bad value at once, each with what was meant where one is near.
    @Test func everyBadValueIsReportedAtOnce() throws {
        let r = try RecommendRun.run(["--modality", "imgae", "--task", "clasification", "--samples", "lots"])
        #expect(r.status == 64)
        #expect(r.err.contains("--modality: unknown value 'imgae'. Did you mean 'image'? Valid values:"), "\(r.err)")
        #expect(r.err.contains("--task: unknown value 'clasification'. Did you mean 'classification'? Valid values:"), "\(r.err)")
        #expect(r.err.contains("--samples: 'lots' is not a number; --samples takes a whole number"), "\(r.err)")
        #expect(r.out.isEmpty)
    }

    @Test func textIsTheDefaultFormat() throws {
        let r = try RecommendRun.run(["--modality", "image", "--task", "classification"])
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("Pick: ") && r.out.contains("\nDecision path\n") && r.out.contains("\nWhy\n") && r.out.contains("\nNext steps\n"))
        #expect(!r.out.contains("[guide:") && !r.out.contains("[modality="), "reasons carry their source as a suffix, not a tag")
        #expect(r.out.contains("(your brief: modality image)"))
    }

    @Test func markdownIsADatedDecisionRecord() throws {
        let r = try RecommendRun.run(["--example", "1", "--format", "markdown"])
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("# Decision record: "))
        #expect(r.out.range(of: #"- Date: \d{4}-\d{2}-\d{2}\n"#, options: .regularExpression) != nil)
        for section in ["## Brief", "## Decision path", "## Pick: ", "## Why", "## Why not the others", "## Warnings", "## Next steps"] {
            #expect(r.out.contains(section), "missing \(section)")
        }
    }

    @Test func aBriefFileWorksAndFlagsOverrideIt() throws {
        let path = try RecommendRun.briefFile("modality: image\ntask: generation\n")
        let fromFile = try RecommendRun.json(["--brief", path])
        #expect((fromFile["pick"] as? [String: Any])?["id"] as? String == "diffusion")
        let overridden = try RecommendRun.json(["--brief", path, "--task", "classification"])
        #expect((overridden["pick"] as? [String: Any])?["id"] as? String == "cnn")
    }

    @Test func anUnknownValueIsAUsageError() throws {
        let r = try RecommendRun.run(["--modality", "pictures", "--task", "classification"])
        #expect(r.status == 64)
        #expect(r.err.contains("modality") && r.err.contains("'pictures'") && r.err.contains("tabular, image, video"))
        #expect(try RecommendRun.run(["--modality", "text", "--task", "generation", "--samples", "lots"]).status == 64)
        #expect(try RecommendRun.run(["--modality", "text", "--task", "generation", "--format", "yaml"]).status == 64)
    }

    @Test func zeroOrNegativeSamplesSayWhatIsWrong() throws {
        for args in [["--samples", "0"], ["--samples", "-5"], ["--samples=-5"], ["--latency-ms", "-1"]] {
            let r = try RecommendRun.run(["--modality", "image", "--task", "classification"] + args)
            #expect(r.status == 64, "\(args)")
            #expect(r.err.hasPrefix("nnguide: --") && !r.err.contains("Missing value"), "\(args): \(r.err)")
            #expect(r.err.contains("too small") || r.err.contains("negative"), "\(args): \(r.err)")
        }
    }

    @Test func fieldsListsTheContentsSchema() throws {
        let r = try RecommendRun.run(["--fields"])
        #expect(r.status == 0)
        let schema = RecommendRun.book.brief
        #expect(!schema.fields.isEmpty)
        for f in schema.fields {
            #expect(r.out.contains("\n\(f.name)  \(f.flag)") || r.out.hasPrefix("\(f.name)  \(f.flag)"), "\(f.name)")
            for v in f.choices { #expect(r.out.contains("      \(v) "), "\(f.name): \(v)") }
        }
    }

    @Test func aMissingRequiredFieldIsAUsageError() throws {
        let r = try RecommendRun.run(["--modality", "text"])
        #expect(r.status == 64 && r.err.contains("--task"))
    }

    @Test func anUnknownExampleIsAUsageError() throws {
        let r = try RecommendRun.run(["--example", "6"])
        #expect(r.status == 64 && r.err.contains("1, 2, 3, 4, 5"))
        #expect(try RecommendRun.run(["--example", "1", "--modality", "text"]).status == 64)
    }

    @Test func anInvalidBriefFileNamesFileAndLine() throws {
        let bad = try RecommendRun.briefFile("modality: text\ntask: generate\n")
        let r = try RecommendRun.run(["--brief", bad])
        #expect(r.status == 65 && r.err.contains("\(bad):2:7:") && r.err.contains("'generate'"))
        let broken = try RecommendRun.briefFile("modality: text\ntask: [generation\n")
        let s = try RecommendRun.run(["--brief", broken])
        #expect(s.status == 65 && s.err.contains(broken + ":") && s.err.contains("YAML syntax error"))
        let partial = try RecommendRun.briefFile("modality: text\n")
        let t = try RecommendRun.run(["--brief", partial])
        #expect(t.status == 65 && t.err.contains("missing required field 'task'"))
    }

    @Test func anUnreadableBriefFileIsNamed() throws {
        let r = try RecommendRun.run(["--brief", "/nonexistent/brief.yaml"])
        #expect(r.status == 66 && r.err.contains("/nonexistent/brief.yaml") && r.err.contains("no such file"))
    }

    @Test func contradictionsAreWarningsAndStillAnswer() throws {
        let o = try RecommendRun.json(["--modality", "events", "--task", "anomaly-detection", "--streaming", "--deploy", "batch"])
        let warnings = try #require(o["warnings"] as? [String])
        #expect(warnings.contains { $0.contains("streaming") && $0.contains("batch") })
    }
}
