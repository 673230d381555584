import Foundation
import Testing
@testable import NNGuideCore

/// One table of fields parses flags and files alike; every bad value names the field, the value and
/// what is valid, and every bad file names the file and the line.
@Suite struct RecommendBriefTests {
    let schema = DecisionFixture.book.brief
    func spec(_ name: String) throws -> BriefFieldSpec { try #require(schema[BriefField(name)], "no field \(name)") }

    @Test func valuesParseAsPeopleWriteThem() throws {
        #expect(try spec("samples").parse("5,000") == .number(5000))
        #expect(try spec("samples").parse("5k") == .number(5000))
        #expect(try spec("samples").parse("2m") == .number(2_000_000))
        #expect(try spec("latency_ms").parse("200ms") == .number(200))
        #expect(try spec("streaming").parse("yes") == .flag(true))
        #expect(try spec("modality").parse("Time-Series") == .choice("time-series"))
    }

    @Test func aBadValueNamesFieldValueAndValidValues() throws {
        let deploy = try spec("deploy")
        #expect(throws: BriefValueError(spec: deploy, value: "moon")) { try deploy.parse("moon") }
        let message = BriefValueError(spec: deploy, value: "moon").description
        #expect(message.contains("deploy") && message.contains("'moon'") && deploy.choices.allSatisfy(message.contains))
        // Issue 23's retest: the other spellings (phone, gpu, ...) are listed too, as `recommend --fields` lists them.
        #expect(message.hasSuffix("valid values: " + deploy.writtenValues))
        for v in deploy.values { for a in v.aliases { #expect(message.contains("\(v.value) (or \(a)"), "\(a): \(message)") } }
        for (field, raw) in [("samples", "-3"), ("samples", "many"), ("samples", "0"), ("latency_ms", "0"), ("latency_ms", "-5"),
                             ("latency_ms", "fast"), ("pretrained", "maybe")] {
            #expect(throws: BriefValueError.self) { try spec(field).parse(raw) }
        }
    }

    @Test func zeroAndNegativeCountsSayWhatIsWrong() throws {
        let samples = try spec("samples")
        do { _ = try samples.parse("0"); Issue.record("0 samples accepted") } catch {
            #expect(error.reason == .tooSmall(1) && error.description.contains("at least 1"))
        }
        do { _ = try samples.parse("-5"); Issue.record("-5 samples accepted") } catch {
            #expect(error.reason == .negative && error.description.contains("'-5' is negative"))
        }
    }

    @Test func requiredFieldsComeFromTheSchema() {
        #expect(schema.required.map(\.name) == ["modality", "task"])
        #expect(throws: BriefMissingField.self) { try Brief(schema: schema, values: [.modality: .choice("text")]) }
        do { _ = try Brief(schema: schema, values: [.task: .choice("generation")]) } catch { #expect(error.field == .modality) }
    }

    @Test func aFileReadsIntoTheSameValues() throws {
        let values = try BriefReader.parse("""
            modality: text
            task: generation
            samples: 5000
            latency_ms: 200
            streaming: true
            notes: "keep it: short"
            """, file: "b.yaml", schema: schema)
        let b = try Brief(schema: schema, values: values)
        #expect(b == Brief.make(["modality": "text", "task": "generation", "samples": "5000", "latency_ms": "200", "streaming": "true", "notes": "keep it: short"]))
    }

    func failure(_ text: String) -> BriefFileError? {
        do { _ = try BriefReader.parse(text, file: "b.yaml", schema: schema); return nil } catch { return error }
    }

    @Test func badFilesNameTheLine() {
        #expect(failure("modality: text\ntask: generate\n")?.description.hasPrefix("b.yaml:2:7: unknown value 'generate' for task") == true)
        #expect(failure("modality: text\nlatency: 5\n")?.description.hasPrefix("b.yaml:2:1: unknown brief field 'latency'") == true)
        #expect(failure("modality: text\ntask: [generation\n")?.description.contains("YAML syntax error") == true)
        #expect(failure("modality: text\ntask: [generation\n")?.location.line != nil)
        // Ninth retest: a key without its colon is reported at its own line, not where libyaml gave up.
        let colon = failure("modality: image\ntask classification\n")
        #expect(colon?.location.line == 2 && colon?.location.column == 1, "\(colon?.description ?? "")")
        #expect(colon?.message.contains("could not find expected ':'") == true)
        // A misspelt field name is offered the closest, as a value is; a value spelt by sound too.
        #expect(failure("modality: image\ntask: classification\nsamplez: 300\n")?.description
            .hasPrefix("b.yaml:3:1: unknown brief field 'samplez'. Did you mean 'samples'? Expected one of: modality") == true)
        #expect(failure("modality: image\ntask: classification\ndeploy: fone\n")?.description.contains("deploy. Did you mean 'phone' (mobile)? Valid values:") == true)
        #expect(failure("- modality: text\n")?.description.contains("expected a mapping") == true)
        #expect(failure("modality: [text, image]\n")?.description.hasPrefix("b.yaml:1:11: modality must be a single value") == true)
        #expect(failure("")?.description.contains("empty") == true)
        #expect(failure("modality: text\nmodality: image\n")?.description.contains("more than once") == true)
    }

    @Test func unreadableFilesAreNamed() throws {
        #expect(throws: BriefFileError.self) { try BriefReader.read(path: "/nonexistent/brief.yaml", schema: schema) }
        let bin = FileManager.default.temporaryDirectory.appendingPathComponent("brief-\(UUID().uuidString).yaml")
        try Data([0x6d, 0x00, 0x01]).write(to: bin)
        defer { try? FileManager.default.removeItem(at: bin) }
        do { _ = try BriefReader.read(path: bin.path, schema: schema); Issue.record("binary file accepted") } catch {
            #expect(error.description.contains(bin.path) && error.description.contains("binary"))
        }
    }

    @Test func theCommandLineReproducesTheBrief() {
        let b = Brief.make(["modality": "text", "task": "generation", "samples": "5000", "streaming": "false", "notes": "it's short"])
        #expect(b.commandLine() == "nnguide recommend --modality text --task generation --samples 5000 --no-streaming --notes 'it'\\''s short'")
        #expect(b.commandLine(given: [.modality, .task]) == "nnguide recommend --modality text --task generation")
    }
}

@Suite struct RecommendBriefFileTests {
    @Test func aSavedBriefReadsBackUnchanged() throws {
        let briefs = [
            Brief.make(["modality": "text", "task": "generation"]),
            Brief.make(["modality": "time-series", "task": "anomaly-detection", "samples": "12345", "latency_ms": "7.5", "deploy": "server-cpu", "compute": "low", "interpretability": "required", "streaming": "false", "context": "long", "pretrained": "true", "notes": "quotes \" and: colons, # hashes, 'single', newline\nand unicode ✓"]),
            Brief.make(["modality": "image", "task": "detection", "notes": "true"]),
        ]
        for b in briefs {
            #expect(try Brief(schema: b.schema, values: BriefReader.parse(b.yaml, file: "saved.yaml", schema: b.schema)) == b, "\(b.yaml)")
        }
    }
}

/// A `Brief` built in code can hold what no entry point lets through (`Brief(schema:values:)` takes any
/// value, `Brief(partial:)` leaves required fields open): the recommender refuses it like the command
/// line does, with a typed refusal and the command line's words, and never gives it a pick.
@Suite struct RecommendRefusalTests {
    let recommender = DecisionFixture.recommender
    var schema: BriefSchema { recommender.book.brief }

    func refusal(_ values: [BriefField: BriefValue], partial: Bool = false) throws -> RecommendError? {
        let brief = partial ? Brief(partial: values, schema: schema) : try Brief(schema: schema, values: values)
        var caught: [RecommendError] = []
        do { _ = try recommender.recommend(brief); Issue.record("recommend answered \(values)") } catch { caught.append(error) }
        do { _ = try recommender.pick(brief); Issue.record("pick answered \(values)") } catch { caught.append(error) }
        do { _ = try recommender.decide(brief, comparingWithGuide: false); Issue.record("decide answered \(values)") } catch { caught.append(error) }
        #expect(caught.count == 3 && Set(caught.map(\.message)).count == 1, "\(caught)")
        return caught.first
    }

    @Test func aTaskTheModalityRulesOutIsRefusedAsTheCommandLineRefusesIt() throws {
        let e = try #require(try refusal([.modality: .choice("tabular"), .task: .choice("translation")]))
        guard case .mismatch(let m)? = e.refusal else { Issue.record("not a mismatch: \(e)"); return }
        #expect(m.value == "translation" && m.otherValue == "tabular")
        let tabular = schema.applicable(.task, given: [.modality: .choice("tabular")])
        #expect(!tabular.contains("translation") && tabular.contains("classification"))
        // Word for word what `nnguide recommend --modality tabular --task translation` prints after "nnguide: ".
        #expect(e.message == "--task translation does not apply to modality tabular; for tabular: " + tabular.joined(separator: ", "))
    }

    @Test func aValueOutsideTheSchemaIsRefusedNamingFlagValueAndValidValues() throws {
        let choices = try #require(schema[.modality]).choices.joined(separator: ", ")
        let banana = try #require(try refusal([.modality: .choice("banana"), .task: .choice("classification")]))
        #expect(banana.refusal == .badValue(BriefValueError(spec: try #require(schema[.modality]), value: "banana")))
        #expect(banana.message == "--modality: unknown value 'banana'; valid values: \(choices)")
        // A near miss names the value meant (issue 23), as a mistyped command or flag does.
        let typo = try #require(try refusal([.modality: .choice("imgae"), .task: .choice("classification")]))
        #expect(typo.message == "--modality: unknown value 'imgae'. Did you mean 'image'? Valid values: \(choices)")
        // A value of the wrong kind, a negative count, a count under its minimum, a fractional count.
        let base: [BriefField: BriefValue] = [.modality: .choice("image"), .task: .choice("classification")]
        let cases: [(BriefField, BriefValue, String)] = [
            (.task, .text("classification"), "--task: unknown value 'classification'"),
            (.samples, .number(-5), "--samples: '-5' is negative"),
            (.samples, .number(0), "--samples: '0' is too small"),
            (.samples, .number(2.5), "--samples: '2.5' is not a whole number"),   // issue 23: not "unknown value"
            (BriefField("latency_ms"), .number(0), "--latency-ms: '0' is too small"),
            (BriefField("streaming"), .choice("yes"), "--streaming: unknown value 'yes'"),
        ]
        for (field, value, start) in cases {
            var values = base
            values[field] = value
            let e = try #require(try refusal(values))
            #expect(e.message.hasPrefix(start), "\(field.name) \(value): \(e.message)")
            #expect(e.refusal.map { if case .badValue = $0 { true } else { false } } == true)
        }
    }

    @Test func aPartialBriefIsRefusedForItsMissingField() throws {
        let e = try #require(try refusal([.modality: .choice("text")], partial: true))
        let task = try #require(schema[.task])
        #expect(e.refusal == .missing(BriefMissingField(spec: task)))
        #expect(e.message == "missing --task (\(task.meaning)); one of: \(task.validValues)")
    }

    /// What a brief that fits is given is unchanged, and "what would change the pick" never offers a
    /// change the schema refuses (a table to translate).
    @Test func aFittingBriefIsAnsweredAndItsFlipsAreAllAnswerable() throws {
        let brief = try Brief(schema: schema, ["modality": "text", "task": "translation"])
        #expect(try recommender.recommend(brief).pick.id.isEmpty == false)
        let flips = Flips.analyze(brief, with: recommender)
        #expect(!flips.isEmpty)
        for f in flips {
            var changed = brief.values
            changed[f.field] = try schema.parse(f.field, f.value)
            #expect(schema.refusal(of: changed) == nil, "a flip to \(f.field.name)=\(f.value) is a brief nnguide refuses")
        }
    }
}
