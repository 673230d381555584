#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NNGuideCore

/// What a decision record is made from (`Command.saveRecord`): a path stepped through by hand, or
/// the brief's recommendation.
public enum RecordSource: Sendable, Equatable {
    case path(Navigator)
    case brief(Recommendation)

    public var pickID: String {
        switch self {
        case .path(let nav): return nav.leaf?.pick.first ?? nav.tree.id
        case .brief(let r): return r.pick.id
        }
    }
}

/// A brief file in the briefs folder: its values, or why it cannot be read.
public struct SavedBrief: Sendable, Equatable {
    public var path: String
    public var values: [BriefField: BriefValue]?
    public var problem: String?
    public var modified: Date
    /// The fields in the order the schema shows them.
    var order: [BriefField] = []
    /// Kept on quitting with unsaved changes (in `briefs/drafts`), not saved with ^S.
    public var draft = false
    /// What the file records was decided (`decided:`), to say when today's pick differs.
    public var recorded: RecordedDecision?

    public init(path: String, values: [BriefField: BriefValue]?, problem: String?, modified: Date,
                order: [BriefField] = [], draft: Bool = false, recorded: RecordedDecision? = nil) {
        self.path = path; self.values = values; self.problem = problem; self.modified = modified
        self.order = order; self.draft = draft; self.recorded = recorded
    }

    public var name: String { Path.lastComponent(path) }

    /// "modality=text task=generation samples=500", the way `nnguide recommend` shows a brief.
    public var summary: String {
        guard let values else { return problem ?? "" }
        let shown = order.filter { $0 != .notes }.compactMap { f in values[f].map { "\(f.name)=\($0)" } }
        return shown.isEmpty ? "(empty)" : shown.joined(separator: " ")
    }
}
