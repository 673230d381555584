#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// A condition on Model Brief fields, as written in decisions.yaml under `when`:
///
///     when: {modality: [image, video], samples: "<100000"}          # every field must match
///     when: [{samples: "<100000"}, {deploy: [edge, mobile]}]        # any one mapping must match
///
/// Choices match one of the listed values; `"!value"`s exclude values (`["!a", "!b"]`: neither a nor b). Numbers match
/// `<N`, `<=N`, `>N`, `>=N`, `N..M` (from N up to but not including M) or `N`. Flags match `true`/`false`.
///
/// The text is read once, when decisions.yaml is decoded, into typed tests (`FieldTest`: a field and a
/// `Comparison`); lint checks each test against the brief schema (`problems(in:)`), and evaluating a
/// brief only compares values.
public struct BriefCondition: Codable, Sendable, Equatable {
    /// Alternatives: the condition holds when every test of any one clause holds.
    public var anyOf: [Clause]

    /// One mapping of `when`: every test must hold.
    public struct Clause: Sendable, Equatable {
        public var tests: [FieldTest]
        public init(_ tests: [FieldTest]) { self.tests = tests }
        public var fields: [BriefField] { tests.map(\.field) }
        public func test(_ field: BriefField) -> FieldTest? { tests.first { $0.field == field } }
    }

    /// One field's test, with the values as written (for lint and for writing the YAML back).
    public struct FieldTest: Sendable, Equatable {
        public var field: BriefField
        public var comparison: Comparison
        public var written: [String]
        public init(field: BriefField, written: [String]) {
            self.field = field; self.written = written; comparison = Comparison(written)
        }
    }

    /// What a test compares, decided from how the values are written.
    public enum Comparison: Sendable, Equatable {
        /// A choice is one of `allowed` (any, when empty) and none of `excluded`.
        case choice(allowed: [String], excluded: [String])
        /// A number passes any one of the ranges.
        case number([NumberTest])
        /// A flag is one of these.
        case flag([Bool])

        init(_ written: [String]) {
            if !written.isEmpty, written.allSatisfy({ $0 == "true" || $0 == "false" }) {
                self = .flag(written.map { $0 == "true" }); return
            }
            let numbers = written.compactMap(NumberTest.init)
            if !written.isEmpty, numbers.count == written.count { self = .number(numbers); return }
            self = .choice(allowed: written.filter { !$0.hasPrefix("!") }, excluded: written.filter { $0.hasPrefix("!") }.map { String($0.dropFirst()) })
        }

        /// Whether a value passes; a value of another kind never does.
        public func holds(_ value: BriefValue) -> Bool {
            switch (self, value) {
            case let (.choice(allowed, excluded), .choice(s)): return (allowed.isEmpty || allowed.contains(s)) && !excluded.contains(s)
            case let (.number(tests), .number(n)): return tests.contains { $0.holds(n) }
            case let (.flag(bs), .flag(b)): return bs.contains(b)
            default: return false
            }
        }
    }

    public init(anyOf: [Clause]) { self.anyOf = anyOf }
    /// One clause from `field: [values]` as written.
    public init(_ all: [String: [String]]) { anyOf = [BriefCondition.clause(all)] }

    static func clause(_ fields: [String: [String]]) -> Clause {
        Clause(fields.keys.sorted().map { FieldTest(field: BriefField($0), written: fields[$0] ?? []) })
    }

    /// Three-valued: a brief that leaves a field out neither matches nor fails a test on it.
    public enum Outcome: Sendable, Equatable { case yes, no, unknown }

    public init(from decoder: Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let list = try? single.decode([Written].self) { anyOf = list.map { BriefCondition.clause($0.fields) }; return }
        anyOf = [BriefCondition.clause(try single.decode(Written.self).fields)]
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        let written = anyOf.map { Dictionary(uniqueKeysWithValues: $0.tests.map { ($0.field.name, $0.written) }) }
        if written.count == 1 { try c.encode(written[0]) } else { try c.encode(written) }
    }

    /// One mapping as written; a field may name one value or a list.
    struct Written: Decodable {
        var fields: [String: [String]]
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            var out: [String: [String]] = [:]
            for key in c.allKeys {
                if let list = try? c.decode([String].self, forKey: key) { out[key.stringValue] = list }
                else { out[key.stringValue] = [try c.decode(String.self, forKey: key)] }
            }
            fields = out
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Every field the condition tests.
    public var fields: [BriefField] {
        var out: [BriefField] = []
        for f in anyOf.flatMap(\.fields) where !out.contains(f) { out.append(f) }
        return out
    }

    // MARK: evaluation

    /// Whether the brief meets the condition, and the fields that decided it (for tracing reasons),
    /// in the schema's order.
    public func evaluate(_ brief: Brief) -> (outcome: Outcome, fields: [BriefField]) {
        var sawUnknown = false
        var unknownFields: [BriefField] = []
        for clause in anyOf {
            let (outcome, fields) = BriefCondition.evaluate(clause, brief)
            switch outcome {
            case .yes: return (.yes, fields)
            case .unknown: sawUnknown = true; unknownFields += fields.filter { !unknownFields.contains($0) }
            case .no: continue
            }
        }
        return sawUnknown ? (.unknown, unknownFields) : (.no, [])
    }

    public func holds(for brief: Brief) -> Bool { evaluate(brief).outcome == .yes }

    /// A clause: no if any field fails; unknown (with the missing fields) if any is missing; else yes.
    static func evaluate(_ clause: Clause, _ brief: Brief) -> (Outcome, [BriefField]) {
        var missing: [BriefField] = []
        var matched: [BriefField] = []
        for test in clause.tests {
            guard brief.schema[test.field] != nil else { return (.no, []) }
            guard let value = brief[test.field] else { missing.append(test.field); continue }
            if !test.comparison.holds(value) { return (.no, []) }
            matched.append(test.field)
        }
        let order = { (a: BriefField, b: BriefField) in brief.schema.index(of: a) < brief.schema.index(of: b) }
        return missing.isEmpty ? (.yes, matched.sorted(by: order)) : (.unknown, missing.sorted(by: order))
    }

    // MARK: checking the content

    /// What is wrong with the condition against the brief schema, said for whoever edits
    /// decisions.yaml. Empty when fine.
    public func problems(in schema: BriefSchema) -> [String] {
        var out: [String] = []
        if anyOf.isEmpty { out.append("'when' names no fields") }
        for clause in anyOf {
            if clause.tests.isEmpty { out.append("'when' has an empty mapping") }
            for test in clause.tests {
                let name = test.field.name
                guard let spec = schema[test.field] else {
                    out.append("'when' names " + schema.unknownFieldMessage(name))
                    continue
                }
                if test.written.isEmpty { out.append("'when' gives no values for '\(name)'") }
                for v in test.written {
                    switch spec.kind {
                    case .choice:
                        let bare = v.hasPrefix("!") ? String(v.dropFirst()) : v
                        if !spec.choices.contains(bare) { out.append("'when' value '\(v)' is not a \(name); expected one of: \(spec.validValues) (or !value)") }
                    case .integer, .number:
                        if NumberTest(v) == nil { out.append("'when' value '\(v)' for \(name) is not a number test; expected <N, <=N, >N, >=N, N..M or N") }
                    case .flag:
                        if v != "true" && v != "false" { out.append("'when' value '\(v)' for \(name) must be true or false") }
                    case .text:
                        out.append("'when' cannot test the free-text field '\(name)'")
                    }
                }
            }
        }
        return out
    }

    /// Values that satisfy the condition, keeping those already in `known` where they do: how a path
    /// through a tree is turned back into a brief (`nnguide recommend` flags for a navigated path).
    public func representative(keeping known: [BriefField: BriefValue] = [:], schema: BriefSchema) -> [BriefField: BriefValue] {
        func consistent(_ clause: Clause, requireKnown: Bool) -> Bool {
            clause.tests.allSatisfy { test in
                guard let v = known[test.field] else { return !requireKnown }
                return test.comparison.holds(v)
            }
        }
        if anyOf.contains(where: { consistent($0, requireKnown: true) }) { return [:] }
        guard let clause = anyOf.first(where: { consistent($0, requireKnown: false) }) ?? anyOf.first else { return [:] }
        var out: [BriefField: BriefValue] = [:]
        for test in clause.tests {
            guard let spec = schema[test.field] else { continue }
            if let v = known[test.field], test.comparison.holds(v) { continue }
            switch test.comparison {
            case let .choice(allowed, excluded):
                if let v = (allowed.isEmpty ? spec.choices : allowed).first(where: { !excluded.contains($0) }) { out[test.field] = .choice(v) }
            case .number(let tests):
                if let n = tests.first?.example { out[test.field] = .number(n) }
            case .flag(let bs):
                if let b = bs.first { out[test.field] = .flag(b) }
            }
        }
        return out
    }
}

/// `<N`, `<=N`, `>N`, `>=N`, `N..M` (half-open) or `N`; thousands separators allowed.
public struct NumberTest: Sendable, Equatable {
    var low: Double?
    var lowInclusive = true
    var high: Double?
    var highInclusive = false

    init?(_ text: String) {
        // `replacing` only where there is something to take out: it was most of reading a `when`.
        let t = text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: " ") })
            ? text.replacing(",", with: "").replacing("_", with: "").replacing(" ", with: "") : text
        func num(_ s: Substring) -> Double? { Double(s).flatMap { $0.isFinite ? $0 : nil } }
        if t.hasPrefix("<=") { guard let n = num(t.dropFirst(2)) else { return nil }; high = n; highInclusive = true }
        else if t.hasPrefix(">=") { guard let n = num(t.dropFirst(2)) else { return nil }; low = n; lowInclusive = true }
        else if t.hasPrefix("<") { guard let n = num(t.dropFirst()) else { return nil }; high = n; highInclusive = false }
        else if t.hasPrefix(">") { guard let n = num(t.dropFirst()) else { return nil }; low = n; lowInclusive = false }
        else if let r = t.firstRange(of: "..") {
            guard let a = num(t[..<r.lowerBound]), let b = num(t[r.upperBound...]), a < b else { return nil }
            low = a; high = b
        } else {
            guard let n = num(Substring(t)) else { return nil }
            low = n; high = n; highInclusive = true
        }
    }

    public func holds(_ n: Double) -> Bool {
        if let low, lowInclusive ? n < low : n <= low { return false }
        if let high, highInclusive ? n > high : n >= high { return false }
        return true
    }

    /// A round number inside the range: half of an upper bound, the lower bound itself.
    var example: Double {
        switch (low, high) {
        case let (l?, h?): return l == h ? l : l
        case let (l?, nil): return lowInclusive ? l : l + 1
        case let (nil, h?): return highInclusive ? h : (h / 2).rounded()
        case (nil, nil): return 0
        }
    }
}
