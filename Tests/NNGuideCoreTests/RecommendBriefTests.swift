import Foundation
import Testing
@testable import NNGuideCore

/// One table of fields parses flags and files alike; every bad value names the field, the value and
/// what is valid, and every bad file names the file and the line.
@Suite struct RecommendBriefTests {
    @Test func valuesParseAsPeopleWriteThem() throws {
        #expect(try BriefField.samples.parse("5,000") == .number(5000))
        #expect(try BriefField.samples.parse("5k") == .number(5000))
        #expect(try BriefField.samples.parse("2m") == .number(2_000_000))
        #expect(try BriefField.latencyMs.parse("200ms") == .number(200))
        #expect(try BriefField.streaming.parse("yes") == .flag(true))
        #expect(try BriefField.modality.parse("Time-Series") == .choice("time-series"))
    }

    @Test func aBadValueNamesFieldValueAndValidValues() {
        #expect(throws: BriefValueError(field: .deploy, value: "moon")) { try BriefField.deploy.parse("moon") }
        let message = BriefValueError(field: .deploy, value: "moon").description
        #expect(message.contains("deploy") && message.contains("'moon'") && message.contains("cloud, server-cpu, edge, mobile, browser, batch"))
        for (field, raw) in [(BriefField.samples, "-3"), (.samples, "many"), (.latencyMs, "0"), (.latencyMs, "fast"), (.pretrained, "maybe")] {
            #expect(throws: BriefValueError.self) { try field.parse(raw) }
        }
    }

    @Test func modalityAndTaskAreRequired() {
        #expect(throws: BriefMissingField(field: .task)) { try Brief(values: [.modality: .choice("text")]) }
        #expect(throws: BriefMissingField(field: .modality)) { try Brief(values: [.task: .choice("generation")]) }
    }

    @Test func aFileReadsIntoTheSameValues() throws {
        let values = try BriefReader.parse("""
            modality: text
            task: generation
            samples: 5000
            latency_ms: 200
            streaming: true
            notes: "keep it: short"
            """, file: "b.yaml")
        let b = try Brief(values: values)
        #expect(b == Brief(modality: .text, task: .generation, samples: 5000, latencyMs: 200, streaming: true, notes: "keep it: short"))
    }

    func failure(_ text: String) -> BriefFileError? {
        do { _ = try BriefReader.parse(text, file: "b.yaml"); return nil } catch { return error }
    }

    @Test func badFilesNameTheLine() {
        #expect(failure("modality: text\ntask: generate\n")?.description.hasPrefix("b.yaml:2:7: unknown value 'generate' for task") == true)
        #expect(failure("modality: text\nlatency: 5\n")?.description.hasPrefix("b.yaml:2:1: unknown brief field 'latency'") == true)
        #expect(failure("modality: text\ntask: [generation\n")?.description.contains("YAML syntax error") == true)
        #expect(failure("modality: text\ntask: [generation\n")?.location.line != nil)
        #expect(failure("- modality: text\n")?.description.contains("expected a mapping") == true)
        #expect(failure("modality: [text, image]\n")?.description.hasPrefix("b.yaml:1:11: modality must be a single value") == true)
        #expect(failure("")?.description.contains("empty") == true)
        #expect(failure("modality: text\nmodality: image\n")?.description.contains("more than once") == true)
    }

    @Test func unreadableFilesAreNamed() throws {
        #expect(throws: BriefFileError.self) { try BriefReader.read(path: "/nonexistent/brief.yaml") }
        let bin = FileManager.default.temporaryDirectory.appendingPathComponent("brief-\(UUID().uuidString).yaml")
        try Data([0x6d, 0x00, 0x01]).write(to: bin)
        defer { try? FileManager.default.removeItem(at: bin) }
        do { _ = try BriefReader.read(path: bin.path); Issue.record("binary file accepted") } catch {
            #expect(error.description.contains(bin.path) && error.description.contains("binary"))
        }
    }

    @Test func theCommandLineReproducesTheBrief() {
        let b = Brief(modality: .text, task: .generation, samples: 5000, streaming: false, notes: "it's short")
        #expect(b.commandLine() == "nnguide recommend --modality text --task generation --samples 5000 --no-streaming --notes 'it'\\''s short'")
        #expect(b.commandLine(given: [.modality, .task]) == "nnguide recommend --modality text --task generation")
    }
}

@Suite struct RecommendBriefFileTests {
    @Test func aSavedBriefReadsBackUnchanged() throws {
        let briefs = [
            Brief(modality: .text, task: .generation),
            Brief(modality: .timeSeries, task: .anomalyDetection, samples: 12_345, latencyMs: 7.5, deploy: .serverCPU, compute: .low,
                  interpretability: .required, streaming: false, context: .long, pretrained: true,
                  notes: "quotes \" and: colons, # hashes, 'single', newline\nand unicode ✓"),
            Brief(modality: .image, task: .detection, notes: "true"),
        ]
        for b in briefs {
            #expect(try Brief(values: BriefReader.parse(b.yaml, file: "saved.yaml")) == b, "\(b.yaml)")
        }
    }
}
