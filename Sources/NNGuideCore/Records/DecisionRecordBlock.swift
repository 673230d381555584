#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// What a decision record says was decided, kept in the file beside the brief so `nnguide check`
/// can re-decide it against today's guide and overlays (issue 24): the pick (id and title), the
/// date, the nnguide version and the overlays it was decided with, and a summary of its trace (the
/// leaf and the rules that fired) to say later what changed.
///
/// In a saved brief (YAML) it is the `decided:` mapping beside the fields; in a Markdown record it is
/// an HTML comment `<!-- nnguide-record ... -->` holding the same YAML, unseen when rendered.
public struct RecordedDecision: Sendable, Equatable {
    public var pick: String
    public var title: String
    public var date: String
    /// "nnguide 0.1.0".
    public var guide: String
    /// The content and overlays' fingerprint (`GuideFiles`); nil in records written before it existed
    /// and for a guide not read from files.
    public var fingerprint: String?
    /// The overlays' names, in the order they applied.
    public var overlays: [String]
    /// The leaf the route ended at ("primary/text-retrieval"), and the variant tree's when one refined it.
    public var leaf: String?
    /// The rules that fired: "filter (label)".
    public var rules: [String]

    public static let key = "decided"
    public static let commentOpen = "<!-- nnguide-record"
    public static let commentClose = "-->"
    /// The version records are written with (the executable's `--version`).
    public static let version = "0.1.0"

    public init(pick: String, title: String, date: String, guide: String = "nnguide " + RecordedDecision.version,
                fingerprint: String? = nil, overlays: [String] = [], leaf: String? = nil, rules: [String] = []) {
        self.pick = pick; self.title = title; self.date = date; self.guide = guide; self.fingerprint = fingerprint
        self.overlays = overlays; self.leaf = leaf; self.rules = rules
    }

    /// What `decision` decided on `date`, with the overlays it was decided with.
    public init(_ decision: Decision, date: String) {
        self.init(pick: decision.pick.id, title: decision.pick.title, date: date, fingerprint: decision.files?.fingerprint, overlays: decision.overlays,
                  leaf: (decision.refinedBy ?? decision.leaf).description, rules: decision.rules.map(\.traceName))
    }

    /// The `decided:` mapping as YAML lines.
    public var yaml: [String] {
        var out = ["\(Self.key):", "  pick: \(Brief.yamlQuote(pick))", "  title: \(Brief.yamlQuote(title))",
                   "  date: \(Brief.yamlQuote(date))", "  guide: \(Brief.yamlQuote(guide))"]
        if let fingerprint { out.append("  fingerprint: \(Brief.yamlQuote(fingerprint))") }
        out.append("  overlays: [" + overlays.map(Brief.yamlQuote).joined(separator: ", ") + "]")
        if let leaf { out.append("  leaf: \(Brief.yamlQuote(leaf))") }
        out.append("  rules: [" + rules.map(Brief.yamlQuote).joined(separator: ", ") + "]")
        return out
    }

    /// The brief and this record as the Markdown record's closing comment.
    /// `<` and `>` (only ever inside double-quoted values: notes, titles) are written as `\u003c` and
    /// `\u003e`, so nothing the user typed can close the comment or put live HTML in the record.
    public func comment(brief: Brief) -> String {
        let body = (brief.yaml.split(separator: "\n").map(String.init) + yaml).map {
            $0.replacing("<", with: "\\u003c").replacing(">", with: "\\u003e")
        }
        return ([Self.commentOpen] + body + [Self.commentClose]).joined(separator: "\n")
    }

    /// Reads a `decided:` node; nil with a message when it is not a record.
    static func read(_ node: Node) -> (RecordedDecision?, String?) {
        func text(_ k: String) -> String? { node.child(k)?.string }
        func list(_ k: String) -> [String] { node.child(k)?.sequence?.compactMap(\.string) ?? [] }
        guard node.mapping != nil else { return (nil, "'decided' must be a mapping with pick, title, date and guide") }
        guard let pick = text("pick"), !pick.isEmpty else { return (nil, "'decided' has no pick") }
        return (RecordedDecision(pick: pick, title: text("title") ?? pick, date: text("date") ?? "an unknown date", guide: text("guide") ?? "",
                                 fingerprint: text("fingerprint"), overlays: list("overlays"), leaf: text("leaf"), rules: list("rules")), nil)
    }
}

extension FiredRule {
    /// "latency (≤ 100 ms)": how a record names a rule that fired.
    public var traceName: String { filter + (label.map { " (\(InlineParser.plain($0)))" } ?? "") }
}
