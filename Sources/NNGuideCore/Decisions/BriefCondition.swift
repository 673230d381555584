import Foundation

/// A condition on Model Brief fields, as written in decisions.yaml under `when`:
///
///     when: {modality: [image, video], samples: "<100000"}          # every field must match
///     when: [{samples: "<100000"}, {deploy: [edge, mobile]}]        # any one mapping must match
///
/// Choices match one of the listed values; `"!value"`s exclude values (`["!a", "!b"]`: neither a nor b). Numbers match
/// `<N`, `<=N`, `>N`, `>=N`, `N..M` (from N up to but not including M) or `N`. Flags match `true`/`false`.
public struct BriefCondition: Codable, Sendable, Equatable {
    /// Alternatives; each maps a field name to the values it may have.
    public var anyOf: [[String: [String]]]

    public init(anyOf: [[String: [String]]]) { self.anyOf = anyOf }
    public init(_ all: [String: [String]]) { anyOf = [all] }

    /// Three-valued: a brief that leaves a field out neither matches nor fails a test on it.
    public enum Outcome: Sendable, Equatable { case yes, no, unknown }

    public init(from decoder: Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let list = try? single.decode([Clause].self) { anyOf = list.map(\.fields); return }
        anyOf = [try single.decode(Clause.self).fields]
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if anyOf.count == 1 { try c.encode(anyOf[0]) } else { try c.encode(anyOf) }
    }

    /// One mapping; a field may name one value or a list.
    struct Clause: Decodable {
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

    // MARK: evaluation

    /// Whether the brief meets the condition, and the fields that decided it (for tracing reasons).
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

    /// A clause: no if any field fails; unknown (with the missing fields) if any is missing; else yes.
    static func evaluate(_ clause: [String: [String]], _ brief: Brief) -> (Outcome, [BriefField]) {
        var missing: [BriefField] = []
        var matched: [BriefField] = []
        for name in clause.keys.sorted(by: BriefCondition.fieldOrder) {
            guard let field = BriefField(rawValue: name) else { return (.no, []) }
            guard let value = brief[field] else { missing.append(field); continue }
            if !BriefCondition.matches(value, clause[name] ?? []) { return (.no, []) }
            matched.append(field)
        }
        return missing.isEmpty ? (.yes, matched) : (.unknown, missing)
    }

    /// Sorts field names in the brief table's order, so traces read the same way every time.
    static func fieldOrder(_ a: String, _ b: String) -> Bool {
        let ia = BriefField.allCases.firstIndex { $0.rawValue == a } ?? Int.max
        let ib = BriefField.allCases.firstIndex { $0.rawValue == b } ?? Int.max
        return ia == ib ? a < b : ia < ib
    }

    /// Plain values are alternatives; `!value`s are exclusions: `[a, b]` is a or b, `["!a", "!b"]` neither.
    static func matches(_ value: BriefValue, _ patterns: [String]) -> Bool {
        switch value {
        case .choice(let s):
            let excluded = patterns.filter { $0.hasPrefix("!") }.map { String($0.dropFirst()) }
            let allowed = patterns.filter { !$0.hasPrefix("!") }
            return (allowed.isEmpty || allowed.contains(s)) && !excluded.contains(s)
        case .flag(let b):
            return patterns.contains(b ? "true" : "false")
        case .number(let n):
            return patterns.contains { NumberTest($0)?.holds(n) ?? false }
        case .text:
            return false
        }
    }

    // MARK: checking the content

    /// What is wrong with the condition, said for whoever edits decisions.yaml. Empty when fine.
    public var problems: [String] {
        var out: [String] = []
        if anyOf.isEmpty { out.append("'when' names no fields") }
        for clause in anyOf {
            if clause.isEmpty { out.append("'when' has an empty mapping") }
            for name in clause.keys.sorted() {
                guard let field = BriefField(rawValue: name) else {
                    out.append("'when' names unknown brief field '\(name)'; expected one of: \(BriefField.allCases.map(\.name).joined(separator: ", "))")
                    continue
                }
                let values = clause[name] ?? []
                if values.isEmpty { out.append("'when' gives no values for '\(name)'") }
                for v in values {
                    switch field.kind {
                    case .choice(let valid):
                        let bare = v.hasPrefix("!") ? String(v.dropFirst()) : v
                        if !valid.contains(bare) { out.append("'when' value '\(v)' is not a \(name); expected one of: \(valid.joined(separator: ", ")) (or !value)") }
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
    public func representative(keeping known: [BriefField: BriefValue] = [:]) -> [BriefField: BriefValue] {
        func consistent(_ clause: [String: [String]], requireKnown: Bool) -> Bool {
            clause.allSatisfy { name, values in
                guard let f = BriefField(rawValue: name), let v = known[f] else { return !requireKnown }
                return BriefCondition.matches(v, values)
            }
        }
        if anyOf.contains(where: { consistent($0, requireKnown: true) }) { return [:] }
        guard let clause = anyOf.first(where: { consistent($0, requireKnown: false) }) ?? anyOf.first else { return [:] }
        var out: [BriefField: BriefValue] = [:]
        for (name, values) in clause {
            guard let field = BriefField(rawValue: name) else { continue }
            if let v = known[field], BriefCondition.matches(v, values) { continue }
            switch field.kind {
            case .choice(let valid):
                let excluded = values.filter { $0.hasPrefix("!") }.map { String($0.dropFirst()) }
                let allowed = values.filter { !$0.hasPrefix("!") }
                if let v = (allowed.isEmpty ? valid : allowed).first(where: { !excluded.contains($0) }) { out[field] = .choice(v) }
            case .integer, .number:
                if let n = values.first.flatMap(NumberTest.init)?.example { out[field] = .number(n) }
            case .flag:
                if let v = values.first { out[field] = .flag(v == "true") }
            case .text:
                break
            }
        }
        return out
    }
}

/// `<N`, `<=N`, `>N`, `>=N`, `N..M` (half-open) or `N`; thousands separators allowed.
struct NumberTest: Equatable {
    var low: Double?
    var lowInclusive = true
    var high: Double?
    var highInclusive = false

    init?(_ text: String) {
        let t = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "").replacingOccurrences(of: " ", with: "")
        func num(_ s: Substring) -> Double? { Double(s).flatMap { $0.isFinite ? $0 : nil } }
        if t.hasPrefix("<=") { guard let n = num(t.dropFirst(2)) else { return nil }; high = n; highInclusive = true }
        else if t.hasPrefix(">=") { guard let n = num(t.dropFirst(2)) else { return nil }; low = n; lowInclusive = true }
        else if t.hasPrefix("<") { guard let n = num(t.dropFirst()) else { return nil }; high = n; highInclusive = false }
        else if t.hasPrefix(">") { guard let n = num(t.dropFirst()) else { return nil }; low = n; lowInclusive = false }
        else if let r = t.range(of: "..") {
            guard let a = num(t[..<r.lowerBound]), let b = num(t[r.upperBound...]), a < b else { return nil }
            low = a; high = b
        } else {
            guard let n = num(Substring(t)) else { return nil }
            low = n; high = n; highInclusive = true
        }
    }

    func holds(_ n: Double) -> Bool {
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
