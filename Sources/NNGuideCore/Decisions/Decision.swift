/// Everything the recommender decided for a Model Brief, and why, as one typed value: the defaults it
/// applied, each question answered (by which fields, or on an assumption), the data band and the
/// constraint rules that fired with what they did, and the ranking that produced the pick. The JSON
/// of `nnguide recommend`, its text, the Markdown decision record and the explorer's outcome screen
/// are projections of it (`Recommendation`, `DecisionSection`).
public struct Decision: Sendable, Equatable {
    /// The brief as the user gave it.
    public var given: Brief
    /// The brief as understood: what was given plus the defaults (every rule read this one).
    public var brief: Brief
    public var defaults: [AppliedDefault]
    /// The questions answered, the primary flow's first, then the variant tree's.
    public var steps: [AnsweredQuestion]
    /// The primary flow's leaf, and the variant tree's leaf that refined it.
    public var leaf: LeafRef
    public var refinedBy: LeafRef?
    /// The data-quantity band the sample count fell in.
    public var band: FiredRule?
    /// The constraint filters' rules that fired, in the order they ran.
    public var rules: [FiredRule]
    /// Every candidate, best first, with what the rules did to it.
    public var ranking: [RankedCandidate]
    public var pick: Recommendation.Pick
    public var alternatives: [RankedAlternative]
    public var whyNot: [Rejection]
    public var because: [Reason]
    public var warnings: [Reason]
    /// Defaults applied and answers assumed, as sentences (each once).
    public var assumptions: [Reason]
    public var nextSteps: [String]
    /// Page ids to read.
    public var see: [String]
    /// What each of `see` is called (a section's title), when the recommender had the guide at hand;
    /// records name a section by its title with its id after it, never by the bare id.
    public var seeTitles: [String: String] = [:]
    /// Where the decision was made: by the recommender from a brief, or by hand along a tree.
    public var origin: DecisionOrigin = .recommender
    /// Set when the pick departs from what the guide's own flow gives (`origin: added` left out): its pick and why.
    public var guidePick: GuidePick? = nil
    /// Set when a team's overlay rules changed the pick: what the guide without the overlays picks, and why.
    public var overlayPick: OverlayPick? = nil
    /// The overlays' names the decision was made with (a record keeps them).
    public var overlays: [String] = []
    /// The folders the guide it was decided on came from (a record keeps their fingerprint).
    public var files: GuideFiles? = nil
    /// Fields the brief gives that no answer or rule on this route read.
    public var unchangedFields: [BriefField] = []
    /// A path's "Reproduce with" command as a brief's fields table: each field of the command, its
    /// value, and where it comes from (the answers, or a value that stands in for one).
    public var commandFields: [CommandField] = []

    /// Fields the brief left out and a default filled in.
    public var assumedFields: [BriefField] { brief.givenFields.filter { given[$0] == nil } }
}

/// One field of a path's command: `samples 50000`, from "stands for your answer".
public struct CommandField: Sendable, Equatable {
    public var field: String
    public var value: String
    public var source: String
    public init(field: String, value: String, source: String) { self.field = field; self.value = value; self.source = source }
}

/// Who made a decision. A path stepped through by hand applies no defaults, bands or filters.
public enum DecisionOrigin: Sendable, Equatable {
    case recommender
    /// A tree walked in the navigator, with the command that reproduces it when the answers imply one.
    case path(tree: String, title: String, command: String?)
}

/// A field value a reason rests on, as the brief gave it or as a default assumed it.
public struct FieldValue: Sendable, Equatable, Codable {
    public var field: BriefField
    public var value: String
    public var assumed: Bool
    public init(field: BriefField, value: String, assumed: Bool) { self.field = field; self.value = value; self.assumed = assumed }
}

/// Where a reason comes from: values of the brief, or a section of the guide.
public enum ReasonSource: Sendable, Equatable {
    case brief([FieldValue])
    /// A page id, with its title for showing.
    case page(id: String, title: String)
    /// Reasoning nnguide added to the guide (`origin: added`), with the page it points to.
    case added(id: String, title: String)

    /// Several sources as one: every brief field value once, in the order met; else the first page.
    public static func merged(_ sources: [ReasonSource]) -> ReasonSource? {
        var values: [FieldValue] = []
        for case .brief(let vs) in sources { for v in vs where !values.contains(v) { values.append(v) } }
        if !values.isEmpty { return .brief(values) }
        return sources.first
    }

    /// A page as a source, by its title in `guide`; reasoning nnguide added to the guide (`origin:
    /// added`) says so. The one rule for the recommender and the answers path (issue 23, eighth retest:
    /// the answers path called added reasoning the guide's).
    public static func section(_ id: String, origin: Origin?, in guide: Guide?) -> ReasonSource {
        let title = guide.flatMap { g in g.pageID(showing: id).flatMap { g.breadcrumb($0).last } } ?? id
        return origin == .added ? .added(id: id, title: title) : .page(id: id, title: title)
    }

    /// As a quiet suffix: "your brief: modality image, samples 50000", "assumed: deploy cloud",
    /// "guide: 3.2 CNNs".
    public var label: String {
        switch self {
        case .brief(let values):
            func list(_ vs: [FieldValue]) -> String { vs.map { "\($0.field.name) \($0.value)" }.joined(separator: ", ") }
            let given = values.filter { !$0.assumed }, assumed = values.filter(\.assumed)
            return [given.isEmpty ? nil : "your brief: " + list(given), assumed.isEmpty ? nil : "assumed: " + list(assumed)]
                .compactMap { $0 }.joined(separator: "; ")
        case .page(_, let title): return "guide: " + title
        case .added(_, let title): return "added to the guide; see " + title
        }
    }
}

/// One reason: what it says, and where it comes from. Never carries its source in its text.
public struct Reason: Sendable, Equatable {
    public var text: String
    public var source: ReasonSource?
    /// The `sources` and `reviewed` of the rule, band, answer or leaf the reason comes from.
    public var evidence: Evidence = .none
    /// Each cited source as a reader sees it ("TorchServe repository (PyTorch, 2025)"), when the
    /// recommender knew the bibliography; otherwise the ids are shown.
    public var citations: [String] = []
    public init(_ text: String, source: ReasonSource? = nil) { self.text = text; self.source = source }

    /// "sources: TorchServe repository (PyTorch, 2025); reviewed 2026-12"; nil without evidence.
    public var evidenceLabel: String? {
        var parts: [String] = []
        let names = citations.isEmpty ? evidence.sources : citations
        if !names.isEmpty { parts.append("sources: " + names.joined(separator: ", ")) }
        if let r = evidence.reviewed { parts.append("reviewed \(r)") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The text with its source (and the rule's sources and review date) as a suffix in parentheses,
    /// for text and Markdown.
    public var withSource: String {
        let labels = [source?.label, evidenceLabel].compactMap { $0 }
        return labels.isEmpty ? text : "\(text) (\(labels.joined(separator: "; ")))"
    }
}

/// A default the recommender applied for a field the brief left out.
public struct AppliedDefault: Sendable, Equatable {
    public var field: BriefField
    /// Nil: the field stays unknown and the rules that read it stay silent.
    public var value: BriefValue?
    /// Why, from decisions.yaml.
    public var says: String
}

/// "tree/node": where a walk ended. JSON shows it as that string.
public struct LeafRef: Sendable, Equatable, CustomStringConvertible {
    public var tree: String
    public var node: String
    public init(tree: String, node: String) { self.tree = tree; self.node = node }
    public var description: String { "\(tree)/\(node)" }
}

/// One question on the way to the pick, and how the brief answered it.
public struct AnsweredQuestion: Sendable, Equatable {
    public var tree: String
    public var role: TreeRole
    public var node: String
    public var question: String
    public var answer: String
    public var why: String?
    /// The fields that met the answer's condition; when `assumed`, the fields the brief left out.
    public var fields: [BriefField]
    /// The brief did not decide this answer; an assumption did.
    public var assumed: Bool
    /// What was assumed, when `assumed`.
    public var assumption: String?
    /// The page the answer's reason comes from.
    public var page: String?
    /// Not answered by the user: a path stepped through by hand shows the steps the recommender then
    /// takes for the brief the answers imply apart from the answers given (issue 23, ninth retest).
    public var implied: Bool = false
}

/// A data band or a constraint filter's rule that fired, with what it did.
public struct FiredRule: Sendable, Equatable {
    /// The filter's id, or the band's.
    public var filter: String
    /// The threshold as shown ("≤ 10 ms", "10K-100K samples").
    public var label: String?
    /// The fields (with values) that made it fire.
    public var values: [FieldValue]
    /// What it said, when it gave the filter's reason.
    public var says: String?
    public var ruledOut: [String]
    public var favoured: [String]
}

/// A candidate as ranked: its place in the leaves' order and what the rules did to it.
public struct RankedCandidate: Sendable, Equatable {
    public var id: String
    /// Position in the order the leaves give.
    public var base: Int
    public var outs: [Reason]
    /// The rules that favour it, by their sources.
    public var favoredBy: [ReasonSource]
}

/// An alternative worth trying after the pick.
public struct RankedAlternative: Sendable, Equatable {
    public var id: String
    public var name: String
    public var reason: Reason
    /// The leaf names it as an equally good first pick, not as a fallback.
    public var alsoFirst: Bool = false
}

/// Why not a candidate: the leaves' reasons and the rules that ruled it out.
public struct Rejection: Sendable, Equatable {
    public var id: String
    public var name: String
    public var reasons: [Reason]
}

/// The sections every projection of a decision shows, with their one set of headings. `allCases` is
/// their one order: text, Markdown, JSON and the TUI's pick screen each iterate it and switch on the
/// section. A projection may leave a section out (the pick screen leaves the path and the brief to the
/// screens before it), but shows every one it has in this order, none before its place or after.
public enum DecisionSection: String, Sendable, CaseIterable {
    case path, because, alternatives, flips, whyNot, warnings, assumptions, nextSteps, brief, read

    public var heading: String {
        switch self {
        case .path: return "Decision path"
        case .because: return "Why"
        case .alternatives: return "Alternatives"
        case .flips: return "What would change the pick"
        case .whyNot: return "Why not the others"
        case .warnings: return "Warnings"
        case .assumptions: return "Assumptions"
        case .nextSteps: return "Next steps"
        case .brief: return "Brief"
        case .read: return "Read more"
        }
    }
}

extension Decision {
    /// Fills `seeTitles` from the guide: a section's or page's title, or a table's.
    public mutating func nameSee(_ guide: Guide) {
        for id in see {
            if let t = guide.breadcrumb(id).last ?? guide.table(id)?.table.title { seeTitles[id] = InlineParser.plain(t) }
        }
    }
}
