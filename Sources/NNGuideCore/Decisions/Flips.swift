#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// One single-field change to a brief that gives a different pick: "with samples under 1,000: linear".
/// Found by running the recommender on the changed brief, never written by hand.
public struct Flip: Sendable, Equatable, Encodable {
    public var field: BriefField
    /// What `--FIELD` accepts on the command line: `edge`, `999`, `true`.
    public var value: String
    /// The id `nnguide recommend` returns with that one change.
    public var pick: String
    /// The pick as the screen titles it ("A mobile-sized CNN"): two leaves may pick the same family.
    public var title: String
    /// The change in words: "deploy=edge", "samples under 1,000", "latency_ms 10 or less".
    public var change: String
    /// The field's kind, so JSON writes the value typed (a number, a boolean or a string).
    public var kind: BriefFieldKind = .choice

    enum CodingKeys: String, CodingKey { case field, value, pick, title }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(field.name, forKey: .field)
        switch kind {
        case .integer, .number:
            if let n = Double(value) {
                if n == n.rounded(), abs(n) < 1e15 { try c.encode(Int(n), forKey: .value) } else { try c.encode(n, forKey: .value) }
            } else { try c.encode(value, forKey: .value) }
        case .flag: try c.encode(value == "true", forKey: .value)
        case .choice, .text: try c.encode(value, forKey: .value)
        }
        try c.encode(pick, forKey: .pick)
        try c.encode(title, forKey: .title)
    }

    /// "with samples under 1,000: Linear models": one line of "What would change the pick".
    public var sentence: String { "with \(change): \(title)" }

    /// The change as a command-line option: `--samples 999`, `--deploy edge`, `--no-streaming`.
    public func option(_ schema: BriefSchema) -> String {
        guard let spec = schema[field] else { return "\(field.name)=\(value)" }
        if spec.kind == .flag { return value == "true" ? spec.flag : "--no-" + spec.flag.dropFirst(2) }
        return "\(spec.flag) \(value)"
    }
}

/// For a brief, the smallest single-field changes of its constraints that change the pick. The required
/// fields (modality and task) define the problem and are never offered as a change (issue 20), and a change
/// that reaches no real route (every candidate ruled out by the brief) is not offered either. Choice
/// fields try every other value, flags the other value, numbers the values either side of every boundary that
/// decisions.yaml draws for that field (conditions and data-quantity bands), walking outward from the
/// brief's value and reporting the first value in each direction that reaches each new pick.
/// Ordered by how small the change is: a constraint's choice or flag counts as one step, a required
/// field's (the data, the task) as two, a number by how many orders of magnitude it moves (a field the
/// brief left out counts as one step).
public enum Flips {
    /// Whether a field's changes are offered: the constraints, not what defines the problem or free text.
    /// The output (issue 26) defines the problem as the task does (`problem: true`), so it is left out too.
    public static func offers(_ spec: BriefFieldSpec) -> Bool { !spec.definesProblem && spec.kind != .text }

    /// A pick as the user sees it: the family and the leaf's title.
    struct Outcome: Equatable { var id: String; var title: String }

    public static func analyze(_ brief: Brief, with recommender: Recommender) -> [Flip] {
        guard let base = outcome(brief, recommender) else { return [] }
        var flips: [(cost: Double, order: Int, flip: Flip)] = []
        for (order, spec) in brief.schema.fields.enumerated() {
            for (cost, flip) in changes(of: spec, in: brief, from: base, recommender) {
                flips.append((cost, order, flip))
            }
        }
        return flips.sorted { ($0.cost, $0.order) < ($1.cost, $1.order) }.map(\.flip)
    }

    /// Every value a single-field change tries, for the sweep test and the analysis alike.
    public static func candidates(for spec: BriefFieldSpec, in book: DecisionBook) -> [BriefValue] {
        switch spec.kind {
        case .choice: return spec.choices.map { .choice($0) }
        case .flag: return [.flag(false), .flag(true)]
        case .integer, .number: return points(for: spec, in: book).map { .number($0.value) }
        case .text: return []
        }
    }

    static func outcome(_ brief: Brief, _ r: Recommender) -> Outcome? {
        guard let p = try? r.pick(brief) else { return nil }
        return Outcome(id: p.id, title: p.title)
    }

    /// The pick a changed brief reaches, or nil when it reaches none or only one the brief itself rules
    /// out (every candidate ruled out: no real route to offer).
    static func reached(_ brief: Brief, _ r: Recommender) -> Outcome? {
        guard let p = try? r.checkedPick(brief), !p.ruledOut else { return nil }
        return Outcome(id: p.id, title: p.title)
    }

    private static func changes(of spec: BriefFieldSpec, in brief: Brief, from base: Outcome, _ r: Recommender) -> [(Double, Flip)] {
        let field = spec.field
        guard offers(spec) else { return [] }
        switch spec.kind {
        case .text: return []
        case .choice, .flag:
            var out: [(Double, Flip)] = []
            for value in candidates(for: spec, in: r.book) where value != brief[field] {
                var changed = brief
                changed[field] = value
                guard let o = reached(changed, r), o != base else { continue }
                out.append((1, Flip(field: field, value: value.description, pick: o.id, title: o.title, change: "\(field.name)=\(value)", kind: spec.kind)))
            }
            return out
        case .integer, .number:
            return numberChanges(of: spec, in: brief, from: base, r)
        }
    }

    /// A value to try and how to say it: "under 1,000" for 999 below a `<1000` boundary.
    struct Point { var value: Double; var below: String; var above: String }

    /// The values either side of every boundary: for a boundary B, B-1 ("under B"), B ("B or more" going
    /// up, "B or less" going down) and B+1 ("over B"). Boundaries are whole numbers in the data, so every
    /// stretch between two boundaries holds one of these points.
    static func points(for spec: BriefFieldSpec, in book: DecisionBook) -> [Point] {
        let field = spec.field
        var bounds: Set<Double> = []
        func scan(_ c: BriefCondition?) {
            for clause in c?.anyOf ?? [] {
                guard case .number(let tests)? = clause.test(field)?.comparison else { continue }
                for t in tests {
                    if let l = t.low { bounds.insert(l) }
                    if let h = t.high { bounds.insert(h) }
                }
            }
        }
        for tree in book.trees { for n in tree.nodes { for o in n.options { scan(o.when) } } }
        for f in book.filters { for rule in f.rules { scan(rule.when) } }
        for rule in book.contradictions + book.nextSteps { scan(rule.when) }
        for d in book.defaults { scan(d.when) }
        if field == .samples {
            for t in book.thresholds { bounds.insert(Double(t.min)); if let m = t.max { bounds.insert(Double(m)) } }
        }
        var out: [Double: Point] = [:]
        for b in bounds.sorted() {
            let s = count(b)
            for (v, below, above) in [(b - 1, "under \(s)", "under \(s)"), (b, "\(s) or less", "\(s) or more"), (b + 1, "over \(s)", "over \(s)")]
            where v > 0 && v >= (spec.min ?? 0) && (spec.kind != .integer || v == v.rounded()) && out[v] == nil {
                out[v] = Point(value: v, below: below, above: above)
            }
        }
        return out.values.sorted { $0.value < $1.value }
    }

    /// Walks outward from the brief's value (both ways from nothing when the brief leaves it out) and
    /// reports the first point that reaches each pick other than the brief's own.
    private static func numberChanges(of spec: BriefFieldSpec, in brief: Brief, from base: Outcome, _ r: Recommender) -> [(Double, Flip)] {
        let field = spec.field
        let points = points(for: spec, in: r.book)
        let current = brief[field]?.number
        let down = current.map { c in points.filter { $0.value < c }.reversed() } ?? []
        let up = current.map { c in points.filter { $0.value > c } } ?? points
        var out: [(Double, Flip)] = []
        for (direction, goingDown) in [(Array(down), true), (up, false)] {
            var seen: [Outcome] = [base]
            let outcomes = direction.map { p -> Outcome? in
                var changed = brief
                changed[field] = .number(p.value)
                return reached(changed, r)
            }
            for (k, p) in direction.enumerated() {
                guard let o = outcomes[k], !seen.contains(o) else { continue }
                seen.append(o)
                let cost = current.map { abs(log10(p.value / max($0, 1))) } ?? 1
                var words = "\(field.name) " + (goingDown ? p.below : p.above)
                var example = p.value
                if current == nil {
                    // From nothing, "over 0" says little: name the stretch that gives this pick. The
                    // points sit either side of every boundary, so a run of equal outcomes is exact.
                    var m = k
                    while m + 1 < direction.count, outcomes[m + 1] == o { m += 1 }
                    let low = count(p.value), high = count(direction[m].value)
                    if m + 1 == direction.count { words = "\(field.name) \(low) or more" }
                    else if k == 0 { words = "\(field.name) \(high) or less"; example = direction[m].value }
                    else { words = "\(field.name) from \(low) to \(high)" }
                }
                out.append((cost, Flip(field: field, value: BriefValue.format(example), pick: o.id, title: o.title, change: words, kind: spec.kind)))
            }
        }
        return out
    }

    /// 1000 -> "1,000".
    static func count(_ n: Double) -> String {
        let digits = Array(BriefValue.format(n))
        guard !digits.contains("."), digits.count >= 4 else { return String(digits) }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
