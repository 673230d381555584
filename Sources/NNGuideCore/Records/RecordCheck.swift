#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// One record re-decided against today's guide and overlays (`nnguide check`).
public struct RecordOutcome: Sendable, Encodable {
    public struct Pick: Sendable, Encodable, Equatable { public var id: String; public var title: String; public var date: String? }
    public var file: String
    /// Nil for a brief that records no pick yet.
    public var recorded: Pick?
    public var today: Pick
    /// What changed, from the recorded trace and today's: the rules, answers and overlays.
    public var why: [String]
    public var holds: Bool { recorded == nil || recorded?.id == today.id }
    /// The content or overlays changed since the record was written, pick held or not: the two
    /// fingerprints. Nil when they agree or either is unknown (a record older than fingerprints).
    public var guideChanged: FingerprintChange?
    /// The record `--update` writes.
    public let record: RecordedDecisionBox

    enum CodingKeys: String, CodingKey { case file, recorded, today, why, holds, guideChanged = "guide_changed" }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file); try c.encodeIfPresent(recorded, forKey: .recorded)
        try c.encode(today, forKey: .today); try c.encode(why, forKey: .why)
        // A brief with no pick was not checked: no `holds` to claim (issue 23, eighth retest).
        if recorded != nil { try c.encode(holds, forKey: .holds) }
        try c.encodeIfPresent(guideChanged, forKey: .guideChanged)
    }

    /// "Recorded: X on DATE; today: Y, because ...": what the explorer and `check` say of a moved pick.
    public var line: String {
        guard let r = recorded, !holds else { return "" }
        return RecordCheck.line(r, today, why)
    }
}

/// The guide's fingerprint when the record was written and today's.
public struct FingerprintChange: Sendable, Encodable, Equatable {
    public var from: String
    public var to: String
    /// "the guide changed since (fingerprint A → B)".
    public var line: String { "the guide changed since (fingerprint \(from) → \(to))" }
}

/// Wraps the record so the outcome stays Encodable without encoding it twice.
public struct RecordedDecisionBox: Sendable { public let value: RecordedDecision }

public enum RecordCheck {
    /// The record files named or found under the folders named (recursively, by name), and the
    /// paths that do not exist.
    public static func files(_ paths: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = [], missing: [String] = []
        let fm = FileManager.default
        for p in paths {
            switch Path.kind(p) {
            case .missing: missing.append(p); continue
            case .file: files.append(p); continue
            case .folder: break
            }
            let found = ((try? fm.subpathsOfDirectory(atPath: p)) ?? []).filter(RecordFile.isRecordPath).sorted()
            files += found.map { Path.join(p, $0) }
        }
        return (files, missing)
    }

    /// Re-decides `file` with `guide` (and its overlays) on `date`.
    public static func check(_ file: RecordFile, guide: Guide, date: String) throws(BriefFileError) -> RecordOutcome {
        let brief: Brief
        do throws(BriefMissingField) { brief = try Brief(schema: guide.decisions.brief, values: file.values) }
        catch { throw BriefFileError(SourceLocation(file: file.path), error.description) }
        let d: Decision
        do throws(RecommendError) { d = try Recommender(guide: guide).decide(brief) }
        catch { throw BriefFileError(SourceLocation(file: file.path), error.description) }
        let today = RecordOutcome.Pick(id: d.pick.id, title: d.pick.title, date: date)
        let recorded = file.recorded.map { RecordOutcome.Pick(id: $0.pick, title: $0.title, date: $0.date) }
        let record = RecordedDecision(d, date: date)
        var outcome = RecordOutcome(file: file.path, recorded: recorded, today: today, why: [], record: RecordedDecisionBox(value: record))
        if let then = file.recorded?.fingerprint, let now = record.fingerprint, then != now { outcome.guideChanged = FingerprintChange(from: then, to: now) }
        if let r = file.recorded, r.pick != d.pick.id { outcome.why = why(r, d, guide) }
        return outcome
    }

    static func line(_ r: RecordOutcome.Pick, _ today: RecordOutcome.Pick, _ why: [String]) -> String {
        "Recorded: \(r.title) (\(r.id)) on \(r.date ?? "an unknown date"); today: \(today.title) (\(today.id)), because " + why.joined(separator: "; ")
    }

    /// The explorer's word on opening a saved brief whose recorded pick no longer holds; nil when it holds.
    public static func drift(_ values: [BriefField: BriefValue], recorded r: RecordedDecision, guide: Guide) -> String? {
        guard let brief = try? Brief(schema: guide.decisions.brief, values: values),
              let d = try? Recommender(guide: guide).decide(brief), d.pick.id != r.pick else { return nil }
        return line(RecordOutcome.Pick(id: r.pick, title: r.title, date: r.date), RecordOutcome.Pick(id: d.pick.id, title: d.pick.title, date: nil), why(r, d, guide))
    }

    /// What moved the pick: today's trace against the recorded one.
    static func why(_ r: RecordedDecision, _ d: Decision, _ guide: Guide) -> [String] {
        var out: [String] = []
        let name = { (id: String) in guide.architecture(id)?.displayName ?? id }
        let leaf = (d.refinedBy ?? d.leaf).description
        if let old = r.leaf, old != leaf {
            out.append("the route now ends at \(leaf), not \(old) (" + d.steps.map { "\($0.question) \($0.answer)" }.joined(separator: "; ") + ")")
        }
        let now = d.rules.map(\.traceName)
        let started = now.filter { !r.rules.contains($0) }, stopped = r.rules.filter { !now.contains($0) }
        if !started.isEmpty { out.append("rules that fire now and did not: " + started.joined(separator: ", ")) }
        if !stopped.isEmpty { out.append("rules that fired then and no longer do: " + stopped.joined(separator: ", ")) }
        if let c = d.ranking.first(where: { $0.id == r.pick }), !c.outs.isEmpty {
            out.append("\(name(r.pick)) is ruled out: " + c.outs.map(\.text).joined(separator: " "))
        } else if !d.ranking.contains(where: { $0.id == r.pick }) {
            out.append("\(name(r.pick)) is not a candidate on today's route")
        }
        for rule in d.rules where rule.favoured.contains(d.pick.id) {
            // A rule that fired on assumed values did not speak; its reason is still the book's.
            let says = rule.says ?? guide.decisions.filters.first { $0.id == rule.filter }?.rules.first { $0.label == rule.label }?.says
            out.append("rule \(rule.traceName) favours \(name(d.pick.id))" + (says.map { ": " + InlineParser.plain($0) } ?? ""))
        }
        let overlays = guide.overlays.map(\.name)
        if overlays != r.overlays {
            out.append("overlays then: " + (r.overlays.isEmpty ? "none" : r.overlays.joined(separator: ", ")) + "; now: " + (overlays.isEmpty ? "none" : overlays.joined(separator: ", ")))
        }
        if let o = d.overlayPick { out.append(o.line) }
        if let then = r.fingerprint, let now = d.files?.fingerprint, then != now { out.append(FingerprintChange(from: then, to: now).line) }
        if out.isEmpty { out.append("the guide's content changed how the candidates rank (\(r.guide) then)") }
        return out
    }
}
