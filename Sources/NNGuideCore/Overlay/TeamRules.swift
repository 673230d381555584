/// How a team's rules (an overlay's decisions.yaml) act on a recommendation: they can leave variants
/// out of the pick's start-with list (a licence policy), and the pick the guide alone would give is
/// worked out beside it, so a recommendation says when the team's rules moved it.

extension Optional where Wrapped == Origin {
    /// Beyond the guide's own flow: nnguide's additions and a team's rules.
    var beyondGuide: Bool { self?.kind == .added || self?.kind == .team }
}

/// The pick without the overlays, when the team's rules changed it, and which rule did.
public struct OverlayPick: Sendable, Equatable, Encodable {
    public var id: String
    public var name: String
    /// The team rule that ruled it out or favoured today's pick.
    public var why: String

    /// One line for text output and the decision record.
    public var line: String { "Team rules moved the pick: without the overlays it would be \(name); \(why)" }
}

extension Recommender {
    /// The fired rules' `drop_variants` applied to the pick's start-with list, with a reason for each
    /// rule that left one out.
    func dropVariants(_ variants: [String], fired: [DecisionRule]) -> (variants: [String], reasons: [Reason]) {
        var kept = variants
        var reasons: [Reason] = []
        for rule in fired where !rule.dropVariants.isEmpty {
            let words = rule.dropVariants.map { $0.lowercased() }
            let dropped = kept.filter { v in words.contains { v.lowercased().contains($0) } }
            guard !dropped.isEmpty else { continue }
            kept.removeAll { dropped.contains($0) }
            let says = rule.says.map(plain) ?? "a rule leaves out variants matching \(rule.dropVariants.joined(separator: ", "))."
            reasons.append(cited(Reason(says + " Left out of the start-with list: " + dropped.joined(separator: "; ") + "."), rule.evidence))
        }
        return (kept, reasons)
    }

    /// What the guide without its overlays picks for the brief, when that differs from `pick`, and the
    /// team rule that made the difference; nil without overlays or when they agree.
    func overlayPick(for given: Brief, pick: String, fired: [DecisionRule]) -> OverlayPick? {
        guard let base = guide?.withoutOverlays?.guide, let theirs = try? Recommender(guide: base).pick(given), theirs.id != pick else { return nil }
        let team = fired.filter { $0.origin?.kind == .team }
        let why = team.first { r in r.out.contains { $0.ids.contains(theirs.id) } }.flatMap { r in r.out.first { $0.ids.contains(theirs.id) }?.reason }
            ?? team.first { $0.favor.contains(pick) }.flatMap(\.says)
            ?? team.first.flatMap(\.says)
            ?? "a team rule ranks the candidates differently."
        return OverlayPick(id: theirs.id, name: name(theirs.id), why: plain(why))
    }
}
