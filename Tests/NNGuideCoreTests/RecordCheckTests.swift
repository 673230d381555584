import Foundation
import Testing
@testable import NNGuideCore

/// Decision records that re-check themselves (issue 24): what a record carries, reading it back,
/// re-deciding it, and `--update`'s rewrite.
@Suite struct RecordCheckTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-records-\(UUID().uuidString)").path
    init() throws { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }

    func write(_ name: String, _ text: String) throws -> String {
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func decision(_ guide: Guide) throws -> Decision {
        let schema = guide.decisions.brief
        let brief = try Brief(schema: schema, values: [BriefField("modality"): try schema.parse(BriefField("modality"), "text"),
                                                       BriefField("task"): try schema.parse(BriefField("task"), "retrieval")])
        return try Recommender(guide: guide).decide(brief)
    }

    @Test func aMarkdownRecordCarriesWhatWasDecidedAndChecksClean() throws {
        let guide = OverlayTests.base
        let md = Recommendation(try decision(guide)).markdown(date: "2026-12-01")
        #expect(md.contains("<!-- nnguide-record\nmodality: text\ntask: retrieval\ndecided:\n  pick: bm25\n"))
        let path = try write("search.md", md)
        let file = try #require(try RecordFile.read(path, schema: guide.decisions.brief))
        #expect(file.recorded?.pick == "bm25" && file.recorded?.date == "2026-12-01" && file.recorded?.overlays == [])
        #expect(file.recorded?.leaf == "primary/text-retrieve")
        let outcome = try RecordCheck.check(file, guide: guide, date: "2026-12-07")
        #expect(outcome.holds && outcome.why.isEmpty && outcome.line.isEmpty)
    }

    @Test func aPickTheTeamRulesMoveSaysFromWhatToWhatAndWhy() throws {
        let path = try write("search.md", Recommendation(try decision(OverlayTests.base)).markdown(date: "2026-12-01"))
        let file = try #require(try RecordFile.read(path, schema: OverlayTests.acme.decisions.brief))
        let outcome = try RecordCheck.check(file, guide: OverlayTests.acme, date: "2026-12-07")
        #expect(!outcome.holds)
        #expect(outcome.recorded?.id == "bm25" && outcome.today.id == "sentence-embeddings")
        #expect(outcome.why.contains { $0.hasPrefix("rule acme-embeddings (retrieval) favours") })
        #expect(outcome.why.contains("overlays then: none; now: Acme platform"))
        #expect(outcome.line.hasPrefix("Recorded: Hybrid retrieval: BM25 plus dense embeddings (bm25) on 2026-12-01; today: "))

        // --update: today's pick recorded in place, the rest of the file kept.
        let updated = file.updated(outcome.record.value, brief: try Brief(schema: OverlayTests.acme.decisions.brief, values: file.values))
        try updated.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(updated.components(separatedBy: "<!-- nnguide-record").count == 2)
        #expect(updated.hasPrefix(md(prefix: path)))
        let again = try #require(try RecordFile.read(path, schema: OverlayTests.acme.decisions.brief))
        #expect(again.recorded?.pick == "sentence-embeddings" && again.recorded?.overlays == ["Acme platform"])
        #expect(try RecordCheck.check(again, guide: OverlayTests.acme, date: "2026-12-07").holds)
    }

    /// The record's title line, which an update must keep.
    func md(prefix path: String) -> String { "# Decision record: " }

    @Test func aSavedBriefGainsADecidedRecordOnUpdateAndKeepsItsFields() throws {
        let path = try write("b.yaml", "modality: text\ntask: retrieval\n")
        let schema = OverlayTests.base.decisions.brief
        let file = try #require(try RecordFile.read(path, schema: schema))
        #expect(file.recorded == nil)
        let outcome = try RecordCheck.check(file, guide: OverlayTests.base, date: "2026-12-07")
        #expect(outcome.holds)
        let text = file.updated(outcome.record.value, brief: try Brief(schema: schema, values: file.values))
        #expect(text.hasPrefix("modality: text\ntask: retrieval\ndecided:\n  pick: bm25\n"))
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let back = try #require(try RecordFile.read(path, schema: schema))
        #expect(back.recorded?.pick == "bm25" && back.values == file.values)
        // A second update replaces the record rather than adding one.
        let twice = back.updated(outcome.record.value, brief: try Brief(schema: schema, values: back.values))
        #expect(twice.components(separatedBy: "decided:").count == 2)
    }

    /// Written on Windows: a CRLF is one Character in Swift, so the lines are split on the scalar.
    @Test func aMarkdownRecordWithCRLFLinesReadsTheSame() throws {
        let guide = OverlayTests.base
        let md = Recommendation(try decision(guide)).markdown(date: "2026-12-01").replacing("\n", with: "\r\n")
        let file = try #require(try RecordFile.read(try write("crlf.md", md), schema: guide.decisions.brief))
        #expect(file.recorded?.pick == "bm25" && file.recorded?.date == "2026-12-01")
        #expect(try RecordCheck.check(file, guide: guide, date: "2026-12-07").holds)
    }

    @Test func badFilesNameTheirLine() throws {
        let schema = OverlayTests.base.decisions.brief
        let yaml = try write("bad.yaml", "modality: text\ntask: retrieval\nsize: huge\n")
        #expect(throws: BriefFileError.self) { try RecordFile.read(yaml, schema: schema) }
        do { _ = try RecordFile.read(yaml, schema: schema) } catch { #expect(error.location.line == 3) }

        let md = try write("bad.md", "# A record\n\ntext\n<!-- nnguide-record\nmodality: text\ntask: retrieval\nsize: huge\n-->\n")
        do { _ = try RecordFile.read(md, schema: schema); Issue.record("expected an error") } catch { #expect(error.location.line == 7 && error.location.file == md) }

        let open = try write("open.md", "<!-- nnguide-record\nmodality: text\n")
        do { _ = try RecordFile.read(open, schema: schema); Issue.record("expected an error") } catch { #expect(error.location.line == 1 && error.message.contains("not closed")) }

        // A Markdown file without a record is not one (a README beside the records).
        #expect(try RecordFile.read(try write("README.md", "# Decisions\n"), schema: schema) == nil)
    }

    /// A copy of Content/ (without its overlays) to edit, under the test's folder.
    func contentCopy() throws -> String {
        let copy = dir + "/content"
        try FileManager.default.copyItem(atPath: Fixtures.realContent, toPath: copy)
        try? FileManager.default.removeItem(atPath: copy + "/overlays")
        return copy
    }

    @Test func theFingerprintIsTheContentsAndTheOverlaysBytes() throws {
        let copy = try contentCopy()
        let original = try #require(GuideFiles(content: Fixtures.realContent).fingerprint)
        #expect(original.count == 12)
        // Where the files are does not matter, what they say does.
        #expect(GuideFiles(content: copy).fingerprint == original)
        #expect(GuideFiles(content: copy, overlays: [OverlayTests.example]).fingerprint != original)
        let page = copy + "/pages/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: copy + "/pages").sorted().first))
        try (String(contentsOfFile: page, encoding: .utf8) + "\n").write(toFile: page, atomically: true, encoding: .utf8)
        #expect(GuideFiles(content: copy).fingerprint != original)
        #expect(GuideFiles(content: dir + "/no-such-folder").fingerprint == nil)
    }

    /// The pick holds but the guide's words changed: check says so, in JSON too; a record written
    /// before fingerprints existed still reads and checks.
    @Test func aRecordSaysTheGuideChangedEvenWhenThePickHolds() throws {
        let copy = try contentCopy()
        var guide = OverlayTests.base
        guide.files = GuideFiles(content: copy)
        let md = Recommendation(try decision(guide)).markdown(date: "2026-12-01")
        let then = try #require(GuideFiles(content: copy).fingerprint)
        #expect(md.contains("  fingerprint: \(then)\n"))
        let path = try write("search.md", md)
        #expect(try RecordCheck.check(try #require(try RecordFile.read(path, schema: guide.decisions.brief)), guide: guide, date: "2026-12-07").guideChanged == nil)

        let glossary = copy + "/glossary.yaml"
        try (String(contentsOfFile: glossary, encoding: .utf8) + "# edited\n").write(toFile: glossary, atomically: true, encoding: .utf8)
        guide.files = GuideFiles(content: copy)
        let now = try #require(guide.files?.fingerprint)
        let outcome = try RecordCheck.check(try #require(try RecordFile.read(path, schema: guide.decisions.brief)), guide: guide, date: "2026-12-07")
        #expect(outcome.holds && outcome.guideChanged == FingerprintChange(from: then, to: now))
        #expect(outcome.guideChanged?.line == "the guide changed since (fingerprint \(then) → \(now))")
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(outcome)) as? [String: Any])
        #expect((json["guide_changed"] as? [String: String]) == ["from": then, "to": now])

        let old = try write("old.md", md.replacingOccurrences(of: "  fingerprint: \(then)\n", with: ""))
        let file = try #require(try RecordFile.read(old, schema: guide.decisions.brief))
        #expect(file.recorded?.fingerprint == nil && file.recorded?.pick == "bm25")
        let checked = try RecordCheck.check(file, guide: guide, date: "2026-12-07")
        #expect(checked.holds && checked.guideChanged == nil)
    }

    @Test func twoSavedBriefsAreTheSameWhenOnlyTheirRecordsDiffer() throws {
        let a = "modality: text\ntask: retrieval\ndecided:\n  pick: bm25\n  date: 2026-12-01\n"
        let b = "modality: text\ntask: retrieval\ndecided:\n  pick: sentence-embeddings\n  date: 2026-12-07\n"
        #expect(RecordFile.sameBrief(a, b))
        #expect(RecordFile.sameBrief("modality: text\ntask: retrieval\n", b))
        #expect(!RecordFile.sameBrief("# ours\n" + a, b))
        #expect(!RecordFile.sameBrief(a.replacingOccurrences(of: "retrieval", with: "classification"), b))
        #expect(RecordFile.recorded(in: a)?.pick == "bm25" && RecordFile.recorded(in: "modality: text\n") == nil)
    }
}
