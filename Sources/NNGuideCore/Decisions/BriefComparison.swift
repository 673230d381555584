#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Two briefs' recommendations side by side (`nnguide recommend --brief a.yaml --against b.yaml`), and
/// which fields made them differ: every field whose value differs, and for each whether that change
/// alone, made to the first brief, changes its pick (found by running the recommender, as flips are).
public struct BriefComparison: Sendable {
    public struct Difference: Sendable, Equatable, Encodable {
        public var field: BriefField
        /// As each brief gives it; nil when it leaves the field out.
        public var a: String?
        public var b: String?
        /// Giving the first brief the second's value alone changes its pick.
        public var changesPick: Bool

        enum CodingKeys: String, CodingKey { case field, a, b, changesPick = "changes_pick" }
    }

    public var a: Recommendation
    public var b: Recommendation
    /// Names for the two columns: the files, usually.
    public var labels: (String, String)
    public var differences: [Difference]

    public init(_ first: Brief, _ second: Brief, labels: (String, String), recommender: Recommender) throws(RecommendError) {
        a = try recommender.recommend(first)
        b = try recommender.recommend(second)
        self.labels = labels
        let base = Flips.outcome(first, recommender)
        differences = first.schema.fields.map(\.field).compactMap { f in
            guard first[f] != second[f] else { return nil }
            var changed = first
            changed[f] = second[f]
            let alone = f != .notes && Flips.outcome(changed, recommender) != base
            return Difference(field: f, a: first[f]?.description, b: second[f]?.description, changesPick: alone)
        }
    }

    /// The pick, its title and what to start with, then every field of either brief, side by side.
    public var rows: [[String]] {
        func pick(_ r: Recommendation) -> String { "\(r.pick.name) (\(r.pick.id))" }
        var rows = [["pick", pick(a), pick(b)], ["title", a.pick.title, b.pick.title]]
        if !a.pick.variants.isEmpty || !b.pick.variants.isEmpty {
            rows.append(["start with", VariantList.line(a.pick.variants), VariantList.line(b.pick.variants)])
        }
        for f in a.brief.schema.fields.map(\.field) where f != .notes {
            let (x, y) = (a.decision.given[f]?.description, b.decision.given[f]?.description)
            guard x != nil || y != nil else { continue }
            let mark = differences.first { $0.field == f }.map { $0.changesPick ? " *" : " ~" } ?? ""
            rows.append([f.name + mark, x ?? "(not given)", y ?? "(not given)"])
        }
        return rows
    }

    /// "deploy alone changes the pick; samples differs but alone does not."
    public var verdict: [String] {
        if differences.isEmpty { return ["The two briefs are the same."] }
        var out: [String] = []
        let deciding = differences.filter(\.changesPick).map(\.field.name)
        let other = differences.filter { !$0.changesPick }.map(\.field.name)
        let same = a.pick.id == b.pick.id && a.pick.title == b.pick.title
        // The same family under another leaf is no different pick (thirteenth retest: "The picks differ."
        // over two columns both saying cnn): the variant differs, and says how.
        if same { out.append("Both briefs get the same pick.") }
        else if a.pick.id == b.pick.id { out.append("Both briefs pick the same family (\(a.pick.id)); the variant differs: \u{201C}\(a.pick.title)\u{201D} against \u{201C}\(b.pick.title)\u{201D}.") }
        else { out.append("The picks differ.") }
        // "Changing samples alone, or deploy alone, would change…": each field on its own, said so.
        let alone = deciding.map { "\($0) alone" }
        let either = alone.count < 2 ? alone.joined() : alone.dropLast().joined(separator: ", ") + ", or " + alone.last! + ","
        if !deciding.isEmpty { out.append("Changing \(either) would change the first brief's pick (marked *).") }
        if !other.isEmpty { out.append("\(other.joined(separator: ", ")) differ\(other.count == 1 ? "s" : "") but alone would not (marked ~).") }
        if !same && deciding.isEmpty { out.append("No single difference does it alone: the fields act together.") }
        return out
    }

    public func text(width: Int, style: BoxStyle, guide: Guide) -> String {
        let t = Table(id: "against", title: "Two briefs compared", columns: ["", labels.0, labels.1], rows: rows)
        var out = TextRenderer(guide: guide, width: width, style: style).table(t, wholeWords: true)
        out.append("")
        for v in verdict { out += TextWrap.wrap(v, width: max(20, width), longWords: .whole) }
        return out.joined(separator: "\n") + "\n"
    }

    public func markdown(date: String) -> String {
        func cell(_ s: String) -> String { s.replacing("|", with: "\\|").replacing("\n", with: " ") }
        var md = ["# Two briefs compared", "", "- Date: \(date)", "", "| | \(cell(labels.0)) | \(cell(labels.1)) |", "| --- | --- | --- |"]
        for r in rows { md.append("| " + r.map(cell).joined(separator: " | ") + " |") }
        md.append("")
        md += verdict
        return md.joined(separator: "\n") + "\n"
    }

    public func json() -> String {
        struct Out: Encodable {
            var a: Recommendation, b: Recommendation, labels: [String], differences: [Difference]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let out = Out(a: a, b: b, labels: [labels.0, labels.1], differences: differences)
        guard let data = try? encoder.encode(out), let s = String(data: data, encoding: .utf8) else { return "{}" }
        return s + "\n"
    }
}
