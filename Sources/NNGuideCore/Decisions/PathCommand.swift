#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The `nnguide recommend` command equivalent to answers given in the navigator (`y`), checked by
/// running the recommender: its walk takes the same answers and, at a pick, it picks the same family.
/// The brief comes from the answers' `when` conditions; where that is not enough (a default would
/// send the walk elsewhere), one more field is tried at a time (`PathSearch` says how, and why that is
/// quick). The command carries what the answers gave, never a default the walk read (running it assumes
/// the same again), and a number that stands for a range says so in `notes`.
public struct PathCommand: Sendable, Equatable {
    /// The command, ready to run.
    public var line: String
    /// "You answered “Limited data or edge constraints”: any samples under 100,000 gives that answer
    /// (the command says 50000)".
    public var notes: [String]
    public var brief: Brief
    /// The brief before the defaults the walk read were written out: the recommender's decision on it
    /// gives the same pick and says what it assumed.
    public var answered: Brief
}

/// Why no command reproduces the answers: which answer the recommender cannot be made to take.
public struct PathUnreachable: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension Navigator {
    /// The command that reproduces these answers (and, at a pick, the pick); nil before any answer
    /// says anything about a brief.
    public func command(with recommender: Recommender) -> Result<PathCommand, PathUnreachable>? {
        let crumbs = breadcrumb
        guard !crumbs.isEmpty else { return nil }
        let search = PathSearch(self, recommender)
        let values = search.values, briefs = search.briefs
        let untakeable = self.untakeable
        if case .none = untakeable {
            let fixed = Set(values.keys)
            var failed: Set<[BriefField: BriefValue]> = []
            for brief in briefs {
                if let found = search.reproducing(brief, fixed: fixed, failed: &failed) { return .success(finish(found, recommender, notes: [])) }
            }
        }
        // Why the answers themselves cannot be replayed.
        var why: String
        if let (c, earlier) = untakeable {
            why = "it never answers \u{201C}\(c.option.answer)\u{201D} to \u{201C}\(c.node.question ?? c.node.id)\u{201D} (that answer has no condition in decisions.yaml"
                + (earlier.when == nil ? ")" : ", and \u{201C}\(earlier.answer)\u{201D} comes first and holds for every brief these answers describe)")
        } else if tree.role == .primary {
            why = "it takes other answers for every brief the answers describe"
        } else {
            // nnguide recommend enters a variant tree only where the primary flow's picks refine into it.
            let entries = recommender.book.primaryTree?.nodes.compactMap(\.refine).filter { $0.tree == tree.id }
                .compactMap { tree.node($0.node)?.question.map { "\u{201C}\($0)\u{201D}" } } ?? []
            why = entries.isEmpty ? "it never enters \(tree.title)" : "it enters \(tree.title) only at " + Array(Set(entries)).sorted().joined(separator: " or ")
        }
        // At a pick, a brief that reaches the same pick another way still reproduces what the screen shows.
        if let leaf, let brief = briefs.first(where: { (try? recommender.pick($0))?.id == leaf.pick.first }) {
            return .success(finish(brief, recommender, notes: ["nnguide recommend reaches this pick, but not by these answers: \(why)."]))
        }
        return .failure(PathUnreachable(message: "No nnguide recommend command follows these answers: \(why)."))
    }

    /// The first answer on the path the recommender never takes, with the earlier answer it takes
    /// instead: an answer without a condition is taken only when no earlier answer to its question
    /// is without one, or has a condition that what these answers say already meets.
    public var untakeable: (crumb: Crumb, earlier: DecisionOption)? {
        let known = Brief(partial: impliedValues, schema: schema)
        for c in breadcrumb where c.option.when == nil {
            if let earlier = c.node.options[..<c.index].first(where: { o in o.when.map { $0.evaluate(known).outcome == .yes } ?? true }) {
                return (c, earlier)
            }
        }
        return nil
    }

    /// Whether the recommender, given `brief`, takes these answers and (at a pick) picks the same.
    func reproduces(_ brief: Brief, _ r: Recommender) -> Bool { PathSearch(self, r).replay(brief).reproduces }

    /// The command for a reproducing brief: fields the walk read and a default filled in are written
    /// out, and every number that came from a range is noted.
    private func finish(_ found: Brief, _ r: Recommender, notes first: [String]) -> PathCommand {
        var brief = found
        let understood = r.understood(found)
        var read: Set<BriefField> = []
        if let d = try? r.decide(found) {
            for step in d.steps {
                guard let n = r.book.tree(step.tree)?.node(step.node) else { continue }
                for o in n.options { read.formUnion(o.when?.fields ?? []) }
            }
        }
        for f in found.schema.names where found[f] == nil && read.contains(f) {
            if let v = understood[f] { brief[f] = v }
        }
        var notes = first
        for c in breadcrumb {
            guard let when = c.option.when, let clause = when.anyOf.first(where: { BriefCondition.evaluate($0, brief).0 == .yes }) else { continue }
            for test in clause.tests {
                let f = test.field
                // A number the user typed is theirs: nothing stands in for it.
                guard let n = brief[f]?.number, self.brief?[f] != brief[f], let words = Self.range(test.written, from: Self.floor(f, before: c, in: brief)) else { continue }
                // In the user's terms: they chose an answer, not a number; the number is the command's.
                notes.append("You answered \u{201C}\(InlineParser.plain(c.option.answer))\u{201D}: any \(f.name) \(words) gives that answer (the command says \(BriefValue.format(n)))")
            }
        }
        // A required field the answers leave open: at a question, for the reader to fill in; at a pick, the
        // value that was checked, said to be one of several.
        let open = schema.required.filter { impliedValues[$0.field] == nil }
        if leaf != nil {
            for f in open.map(\.field) { notes.append("\(f.name) \(brief[f]?.description ?? "") is one value these answers leave open") }
        }
        return PathCommand(line: Self.line(brief, answered: found, open: leaf == nil ? open : []), notes: notes, brief: brief, answered: found)
    }

    /// THE command for a path (`y` prints it, the saved record's "Reproduce with" too): what the answers
    /// gave and every required value, never the defaults the walk read, which running it assumes again
    /// and the record lists as assumptions (seventh retest: `y` carried `--deploy cloud`, the record
    /// did not). `open`: required fields left for the reader to fill in (`--task <task>`).
    static func line(_ brief: Brief, answered: Brief, open: [BriefFieldSpec]) -> String {
        let required = Set(brief.schema.required.map(\.field))
        var line = brief.commandLine(given: brief.givenFields.filter { f in
            (answered[f] != nil || required.contains(f)) && !open.contains { $0.field == f }
        })
        for spec in open { line += " \(spec.flag) <\(spec.name)>" }
        return line
    }

    /// Where an answer's range starts once the earlier answers to its question take theirs: "Limited labels"
    /// tests samples under 100,000, but under 1,000 the answer above it is taken first (issue 23), so the
    /// note says "from 1,000 up to 100,000". The highest upper bound of an earlier answer's clause that tests
    /// only an upper bound of the field, its other tests holding for the brief; nil when there is none.
    static func floor(_ f: BriefField, before c: Navigator.Crumb, in brief: Brief) -> Double? {
        var low: Double?
        for o in c.node.options[..<c.index] {
            for clause in o.when?.anyOf ?? [] {
                guard let t = clause.test(f), case .number(let tests) = t.comparison, tests.count == 1,
                      tests[0].low == nil, let high = tests[0].high,
                      clause.tests.allSatisfy({ $0.field == f || (brief[$0.field].map($0.comparison.holds) ?? false) }) else { continue }
                low = Swift.max(low ?? high, high)
            }
        }
        return low
    }

    /// "under 100,000" for a number test that is a range ("from 1,000 up to 100,000" when the earlier answers
    /// take everything under `from`); nil for one exact value.
    static func range(_ written: [String], from floor: Double? = nil) -> String? {
        let words = written.compactMap(NumberTest.init).compactMap { t -> String? in
            switch (t.low, t.high) {
            case let (l?, h?) where l == h: return nil
            case let (nil, h?) where floor.map({ $0 > 0 && $0 < h }) ?? false: return "from \(Flips.count(floor!)) up to \(Flips.count(h))"
            case let (l?, h?): return "from \(Flips.count(l)) up to \(Flips.count(h))"
            case let (l?, nil): return t.lowInclusive ? "of \(Flips.count(l)) or more" : "over \(Flips.count(l))"
            case let (nil, h?): return t.highInclusive ? "of \(Flips.count(h)) or less" : "under \(Flips.count(h))"
            case (nil, nil): return nil
            }
        }
        return words.isEmpty ? nil : words.joined(separator: " or ")
    }
}
