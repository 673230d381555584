#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The name of a Model Brief field (`modality`, `latency_ms`). Which fields exist, their kinds and
/// values are data: the `brief:` section of decisions.yaml, read into a `BriefSchema`. The few names
/// below are the fields the Swift code itself reads (the title of a record, the data bands, the form's
/// file name); every other field is only ever handled through the schema.
public struct BriefField: Hashable, Sendable, Codable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let name: String
    public init(_ name: String) { self.name = name }
    public init(stringLiteral name: String) { self.name = name }
    public init(from decoder: Decoder) throws { name = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(name) }
    public var description: String { name }
    public static func < (a: BriefField, b: BriefField) -> Bool { a.name < b.name }

    public static let modality = BriefField("modality")
    public static let task = BriefField("task")
    /// The data-quantity bands read it.
    public static let samples = BriefField("samples")
    /// Free text, shown apart from the other fields.
    public static let notes = BriefField("notes")
}

/// The shape of a field's values.
public enum BriefFieldKind: String, Codable, Sendable, CaseIterable {
    /// One of the listed `values`.
    case choice
    /// A whole count: 5000, 5,000, 5_000, 5k, 2m.
    case integer
    /// A positive number, such as milliseconds (`200`, `200ms`).
    case number
    /// true or false (a `--x` / `--no-x` switch on the command line).
    case flag
    /// Free text.
    case text
}

/// What a field is to the recommender's own rules, beyond the conditions that name it (`role:` in
/// decisions.yaml): the cost rule reads the fields by role, so neither their names nor their values
/// are spelt in Swift. At most one field has each role.
public enum BriefFieldRole: String, Codable, Sendable, CaseIterable {
    /// Where the model runs (a choice): its values name the catalog's `per_prediction_ms` columns and
    /// may say `on_device` and `costs_as`.
    case target
    /// A budget in milliseconds per prediction (a number), held against the catalog's
    /// `per_prediction_ms` where the brief's target is; the rule joins the filter on this field.
    case latencyBudget = "latency_budget"

    /// The kind the role needs.
    public var kind: BriefFieldKind { self == .target ? .choice : .number }
}

/// One allowed value of a choice field, with what it means, and the values of other choice fields it
/// makes sense with (`applies_to: {modality: [text, code]}` on a task): a brief outside them cannot be
/// answered (translation of a table) and is refused, never given a pick. Empty: it applies to every brief.
public struct BriefChoice: Codable, Sendable, Equatable {
    public var value: String
    public var meaning: String
    public var appliesTo: [String: [String]]
    /// Other words a person may write for this value (`mcu` for `microcontroller`); read as the value
    /// itself wherever a brief is parsed, and never stored or shown as a value of their own.
    public var aliases: [String]
    /// A target (the `role: target` field's value) that is a device (`on_device: true`): the recommender names a leaf's
    /// device-sized variants (`device_variants`) for it.
    public var onDevice: Bool
    /// A target whose cost per prediction is read from another's (`costs_as: cloud` on batch):
    /// the catalog's `per_prediction_ms` has no column of its own for it.
    public var costsAs: String?
    public init(_ value: String, meaning: String, appliesTo: [String: [String]] = [:], aliases: [String] = [],
                onDevice: Bool = false, costsAs: String? = nil) {
        self.value = value; self.meaning = meaning; self.appliesTo = appliesTo; self.aliases = aliases
        self.onDevice = onDevice; self.costsAs = costsAs
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case value, meaning, appliesTo = "applies_to", aliases, onDevice = "on_device", costsAs = "costs_as" }
    /// The keys a value may have in decisions.yaml (the reader rejects any other).
    static var yamlKeys: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        value = try c.decode(String.self, forKey: .value)
        meaning = try c.decode(String.self, forKey: .meaning)
        appliesTo = try c.decodeIfPresent([String: [String]].self, forKey: .appliesTo) ?? [:]
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        onDevice = try c.decodeIfPresent(Bool.self, forKey: .onDevice) ?? false
        costsAs = try c.decodeIfPresent(String.self, forKey: .costsAs)
    }

    // Written only when used, so exports of content without them stay as they were.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(meaning, forKey: .meaning)
        if !appliesTo.isEmpty { try c.encode(appliesTo, forKey: .appliesTo) }
        if !aliases.isEmpty { try c.encode(aliases, forKey: .aliases) }
        if onDevice { try c.encode(onDevice, forKey: .onDevice) }
        try c.encodeIfPresent(costsAs, forKey: .costsAs)
    }

    /// Whether the value makes sense with the brief's other values.
    func applies(given values: [BriefField: BriefValue]) -> Bool { BriefSchema.holds(appliesTo, given: values) }
}

/// One field of the brief as decisions.yaml declares it:
///
///     - name: samples                    # as in a brief file and in `when` conditions
///       kind: integer                    # choice | integer | number | flag | text
///       flag: --samples                  # optional; default `--` + name with `_` as `-`
///       meaning: number of labelled examples
///       required: false                  # optional; default false
///       min: 1                           # integer and number only, optional: the smallest valid value
///       accepts: a whole number ...      # optional: how to write a value, for messages
///       applies_to: {modality: [graph]}  # optional: the values of other choice fields it makes sense with
///       role: target                     # optional: what the recommender's own rules read it as (`BriefFieldRole`)
///       values:                          # choice only
///         - {value: image, meaning: photographs, scans, frames}
public struct BriefFieldSpec: Codable, Sendable, Equatable {
    public var name: String
    public var kind: BriefFieldKind
    public var meaning: String
    public var required: Bool
    public var values: [BriefChoice]
    public var min: Double?
    public var accepts: String?
    /// `problem: true`: the field says what the problem is (what is asked), not a constraint on the answer.
    /// Required fields always do (`definesProblem`); "what would change the pick" ranks changing one after
    /// the constraints.
    public var problem: Bool?
    /// The values of other choice fields this field makes sense with (`nodes` only for a graph): the form
    /// shows it only there, and a brief that gives it elsewhere is warned and has it ignored. Empty: always.
    public var appliesTo: [String: [String]] = [:]
    /// What the recommender's cost rule reads the field as (`role:`); nil for most fields.
    public var role: BriefFieldRole?
    private var flagName: String?

    public init(name: String, kind: BriefFieldKind, meaning: String, required: Bool = false, values: [BriefChoice] = [],
                min: Double? = nil, accepts: String? = nil, flag: String? = nil) {
        self.name = name; self.kind = kind; self.meaning = meaning; self.required = required; self.values = values
        self.min = min; self.accepts = accepts; self.flagName = flag
    }

    enum CodingKeys: String, CodingKey { case name, kind, meaning, required, values, min, accepts, problem, appliesTo = "applies_to", role, flagName = "flag" }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decode(BriefFieldKind.self, forKey: .kind)
        meaning = try c.decode(String.self, forKey: .meaning)
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        values = try c.decodeIfPresent([BriefChoice].self, forKey: .values) ?? []
        min = try c.decodeIfPresent(Double.self, forKey: .min)
        accepts = try c.decodeIfPresent(String.self, forKey: .accepts)
        problem = try c.decodeIfPresent(Bool.self, forKey: .problem)
        appliesTo = try c.decodeIfPresent([String: [String]].self, forKey: .appliesTo) ?? [:]
        role = try c.decodeIfPresent(BriefFieldRole.self, forKey: .role)
        flagName = try c.decodeIfPresent(String.self, forKey: .flagName)
    }

    // `applies_to` is written only when used, so exports of content without it stay as they were.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(meaning, forKey: .meaning)
        try c.encode(required, forKey: .required)
        try c.encode(values, forKey: .values)
        try c.encodeIfPresent(min, forKey: .min)
        try c.encodeIfPresent(accepts, forKey: .accepts)
        try c.encodeIfPresent(problem, forKey: .problem)
        if !appliesTo.isEmpty { try c.encode(appliesTo, forKey: .appliesTo) }
        try c.encodeIfPresent(role, forKey: .role)
        try c.encodeIfPresent(flagName, forKey: .flagName)
    }

    /// Whether the field makes sense with the brief's other values (`applies_to`).
    public func applies(given values: [BriefField: BriefValue]) -> Bool { BriefSchema.holds(appliesTo, given: values) }

    public var field: BriefField { BriefField(name) }
    /// Whether the field says what the problem is (a required field, or `problem: true`).
    public var definesProblem: Bool { required || problem == true }
    /// The command-line flag for this field.
    public var flag: String { flagName ?? "--" + name.replacing("_", with: "-") }
    public var choices: [String] { values.map(\.value) }
    /// The declared value `value` (its meaning and properties), when it is one.
    public func choice(_ value: String) -> BriefChoice? { values.first { $0.value == value } }

    /// The values a person may write, for messages.
    public var validValues: String {
        if let accepts { return accepts }
        let floor = min.map { " of at least \(BriefValue.format($0))" } ?? ""
        switch kind {
        case .choice: return choices.joined(separator: ", ")
        case .integer: return "a whole number\(floor) such as 5000, 5,000 or 5k"
        case .number: return "a positive number\(floor) such as 200"
        case .flag: return "true or false"
        case .text: return "any text"
        }
    }

    /// `validValues` with each value's other spellings, as `recommend --fields` lists them
    /// ("mobile (or phone)"), for a person who typed one that is neither.
    public var writtenValues: String {
        guard kind == .choice, accepts == nil else { return validValues }
        return values.map { $0.aliases.isEmpty ? $0.value : "\($0.value) (or \($0.aliases.joined(separator: ", ")))" }.joined(separator: ", ")
    }

    /// Reads a value as written in a brief file or on the command line.
    public func parse(_ raw: String) throws(BriefValueError) -> BriefValue {
        let s = raw.trimmed()
        func bad(_ why: BriefValueError.Reason = .unknown) -> BriefValueError { BriefValueError(spec: self, value: raw, reason: why) }
        switch kind {
        case .choice:
            let v = s.lowercased()
            if choices.contains(v) { return .choice(v) }
            guard let meant = values.first(where: { $0.aliases.contains(v) }) else { throw bad() }
            return .choice(meant.value)
        case .integer:
            guard let n = BriefFieldSpec.count(s) else {
                if let d = Double(s.replacing(",", with: "")), d < 0 { throw bad(.negative) }
                throw bad()
            }
            if n < 0 { throw bad(.negative) }
            if let min, Double(n) < min { throw bad(.tooSmall(min)) }
            return .number(Double(n))
        case .number:
            var t = s.lowercased()
            if t.hasSuffix("ms") { t = t.dropLast(2).trimmed() }
            guard let n = Double(t), n.isFinite else { throw bad() }
            if n < 0 { throw bad(.negative) }
            if n == 0 { throw bad(.tooSmall(min ?? 0)) }
            if let min, n < min { throw bad(.tooSmall(min)) }
            return .number(n)
        case .flag:
            switch s.lowercased() {
            case "true", "yes", "on", "1": return .flag(true)
            case "false", "no", "off", "0": return .flag(false)
            default: throw bad()
            }
        case .text:
            return .text(raw)
        }
    }

    /// "5000", "5,000", "5_000", "5k", "2m", "-5".
    static func count(_ s: String) -> Int? {
        var t = s.lowercased().replacing(",", with: "").replacing("_", with: "")
        var scale = 1
        if t.hasSuffix("k") { scale = 1_000; t.removeLast() } else if t.hasSuffix("m") { scale = 1_000_000; t.removeLast() }
        if scale > 1, let d = Double(t), d.isFinite, abs(d * Double(scale)) < Double(Int.max) {
            return Int((d * Double(scale)).rounded())
        }
        let digits = t.hasPrefix("-") ? t.dropFirst() : Substring(t)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t) else { return nil }
        return n
    }
}

/// What a tree is for: the recommender walks the primary flow, refines through variant trees, and
/// never walks the diagnosis (a tree for a model that already fails). In YAML, a tree's `role:`.
public enum TreeRole: String, Codable, Sendable, CaseIterable {
    case primary, variant, diagnosis
}

/// The brief's fields, in the order every table, form and record shows them: the `brief:` section
/// of decisions.yaml. Everything that reads or writes a brief goes through it, so a new value or a
/// new field is a change to that file alone.
public struct BriefSchema: Codable, Sendable, Equatable {
    public var fields: [BriefFieldSpec]

    public init(fields: [BriefFieldSpec] = []) { self.fields = fields }
    public init(from decoder: Decoder) throws { fields = try decoder.singleValueContainer().decode([BriefFieldSpec].self) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(fields) }

    public subscript(field: BriefField) -> BriefFieldSpec? { fields.first { $0.name == field.name } }
    /// The field with this role (`role:`), if the schema has one.
    public func field(_ role: BriefFieldRole) -> BriefFieldSpec? { fields.first { $0.role == role } }
    public var names: [BriefField] { fields.map(\.field) }
    public var required: [BriefFieldSpec] { fields.filter(\.required) }
    public func index(of field: BriefField) -> Int { fields.firstIndex { $0.name == field.name } ?? Int.max }
    /// The field a command-line flag sets (`--latency-ms`).
    public func field(flag: String) -> BriefFieldSpec? { fields.first { $0.flag == flag } }
    public var fieldList: String { fields.map(\.name).joined(separator: ", ") }

    /// Reads a field's value; the error names the field, the value and what is valid.
    public func parse(_ field: BriefField, _ raw: String) throws(BriefSchemaError) -> BriefValue {
        guard let spec = self[field] else { throw .unknownField(field.name, known: fieldList) }
        do { return try spec.parse(raw) } catch { throw .badValue(error) }
    }

    /// Whether an `applies_to` holds: every field it names has one of its values, or no value yet (a field
    /// the brief leaves out limits nothing). The one reading of `applies_to`, for fields and values alike.
    static func holds(_ appliesTo: [String: [String]], given values: [BriefField: BriefValue]) -> Bool {
        appliesTo.allSatisfy { field, allowed in values[BriefField(field)]?.choice.map(allowed.contains) ?? true }
    }

    /// The fields the brief gives that do not apply to it (`nodes` for an image), each with the first value
    /// that rules it out: they are ignored, with a warning.
    public func notApplying(in values: [BriefField: BriefValue]) -> [BriefInapplicable] {
        fields.compactMap { spec in
            guard values[spec.field] != nil else { return nil }
            for (name, allowed) in spec.appliesTo.sorted(by: { $0.key < $1.key }) {
                guard let given = values[BriefField(name)]?.choice, !allowed.contains(given) else { continue }
                return BriefInapplicable(field: spec, other: name, otherValue: given, appliesTo: allowed)
            }
            return nil
        }
    }

    /// The values of a choice field that make sense with the brief's other values (`applies_to`), in order.
    public func applicable(_ field: BriefField, given values: [BriefField: BriefValue]) -> [String] {
        (self[field]?.values ?? []).filter { $0.applies(given: values) }.map(\.value)
    }

    /// The first value the brief's other values rule out (task translation with modality tabular), or nil.
    public func mismatch(in values: [BriefField: BriefValue]) -> BriefMismatch? {
        for spec in fields where spec.kind == .choice {
            guard let value = values[spec.field]?.choice, let choice = spec.values.first(where: { $0.value == value }) else { continue }
            for (name, allowed) in choice.appliesTo.sorted(by: { $0.key < $1.key }) {
                guard let other = self[BriefField(name)], let given = values[other.field]?.choice, !allowed.contains(given) else { continue }
                return BriefMismatch(field: spec, value: value, other: other, otherValue: given,
                                     valid: applicable(spec.field, given: [other.field: .choice(given)]))
            }
        }
        return nil
    }

    /// What is wrong with the schema itself, for lint (empty when fine).
    public var problems: [(index: Int, message: String)] {
        var out: [(Int, String)] = []
        var seen: Set<String> = [], flags: Set<String> = [], roles: Set<BriefFieldRole> = []
        for (i, f) in fields.enumerated() {
            if let role = f.role {
                if !roles.insert(role).inserted { out.append((i, "brief field '\(f.name)': role \(role.rawValue) is another field's already")) }
                if f.kind != role.kind { out.append((i, "brief field '\(f.name)': role \(role.rawValue) needs kind \(role.kind.rawValue)")) }
            }
            for v in f.values where f.role != .target && (v.onDevice || v.costsAs != nil) {
                out.append((i, "brief field '\(f.name)': value '\(v.value)' says on_device or costs_as, which only the values of the field with role target do"))
            }
            if f.name.isEmpty || !f.name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }) {
                out.append((i, "brief field '\(f.name)': a name is lower-case letters, digits and '_'"))
            }
            if !seen.insert(f.name).inserted { out.append((i, "brief field '\(f.name)' is declared twice")) }
            if !flags.insert(f.flag).inserted { out.append((i, "brief field '\(f.name)': flag '\(f.flag)' is used by another field")) }
            if !f.flag.hasPrefix("--") { out.append((i, "brief field '\(f.name)': flag '\(f.flag)' must start with --")) }
            switch f.kind {
            case .choice:
                if f.values.isEmpty { out.append((i, "brief field '\(f.name)' is a choice with no values")) }
                var vs: Set<String> = []
                for v in f.values {
                    if !vs.insert(v.value).inserted { out.append((i, "brief field '\(f.name)': value '\(v.value)' appears twice")) }
                    for a in v.aliases where f.choices.contains(a) || f.values.contains(where: { $0.value != v.value && $0.aliases.contains(a) }) {
                        out.append((i, "brief field '\(f.name)': alias '\(a)' of '\(v.value)' is also another value or alias"))
                    }
                    for a in v.aliases where a != a.lowercased() || a.isEmpty || a.hasPrefix("!") || a.contains(" ") {
                        out.append((i, "brief field '\(f.name)': alias '\(a)' must be lower case, without spaces or a leading '!'"))
                    }
                    if v.value != v.value.lowercased() || v.value.isEmpty || v.value.hasPrefix("!") || v.value.contains(" ") {
                        out.append((i, "brief field '\(f.name)': value '\(v.value)' must be lower case, without spaces or a leading '!'"))
                    }
                    if NumberTest(v.value) != nil || ["true", "false"].contains(v.value) {
                        out.append((i, "brief field '\(f.name)': value '\(v.value)' reads as a number or a flag; choose a word"))
                    }
                    if let c = v.costsAs, c == v.value || !f.choices.contains(c) {
                        out.append((i, "brief field '\(f.name)': value '\(v.value)' costs_as '\(c)', which is not another value of \(f.name); valid values: \(f.validValues)"))
                    }
                }
            default:
                if !f.values.isEmpty { out.append((i, "brief field '\(f.name)': only a choice lists values (kind is \(f.kind.rawValue))")) }
            }
            if f.min != nil && f.kind != .integer && f.kind != .number {
                out.append((i, "brief field '\(f.name)': only integer and number fields take 'min'"))
            }
            if f.required && f.kind != .choice { out.append((i, "brief field '\(f.name)': only a choice can be required")) }
            if f.required && !f.appliesTo.isEmpty { out.append((i, "brief field '\(f.name)': a required field applies to every brief; remove its applies_to")) }
            out += appliesToProblems(f.appliesTo, of: f, at: "brief field '\(f.name)' applies_to").map { (i, $0) }
            out += applicabilityProblems(f).map { (i, $0) }
        }
        return out
    }
}

extension BriefSchema {
    /// `applies_to` names other choice fields and their real values, and leaves every value of them
    /// at least one value of this field (a modality no task applies to could never be asked about).
    func applicabilityProblems(_ f: BriefFieldSpec) -> [String] {
        var out: [String] = []
        let limited = f.values.filter { !$0.appliesTo.isEmpty }
        for v in limited { out += appliesToProblems(v.appliesTo, of: f, at: "brief field '\(f.name)': value '\(v.value)' applies_to") }
        for name in Set(limited.flatMap(\.appliesTo.keys)).sorted() {
            guard let other = self[BriefField(name)], other.kind == .choice else { continue }
            for o in other.choices where applicable(f.field, given: [other.field: .choice(o)]).isEmpty {
                out.append("brief field '\(f.name)': no value applies to \(name) '\(o)'; list it in some value's applies_to")
            }
        }
        return out
    }
}

extension BriefSchema {
    /// An `applies_to` (a field's or a value's) names other choice fields of the brief and real values of them.
    func appliesToProblems(_ appliesTo: [String: [String]], of f: BriefFieldSpec, at prefix: String) -> [String] {
        var out: [String] = []
        for (name, allowed) in appliesTo.sorted(by: { $0.key < $1.key }) {
            let at = prefix + " '\(name)'"
            guard name != f.name else { out.append(at + ", its own field"); continue }
            guard let other = self[BriefField(name)], other.kind == .choice else {
                out.append(at + ", which is not a choice field of the brief"); continue
            }
            if allowed.isEmpty { out.append(at + " with no values") }
            for a in allowed where !other.choices.contains(a) {
                out.append(at + ": '\(a)' is not a value of \(name); valid values: \(other.validValues)")
            }
        }
        return out
    }
}

/// A field the brief gives where it does not apply: `nodes` with `modality image`. Ignored, with a warning.
public struct BriefInapplicable: Sendable, Equatable, CustomStringConvertible {
    public var field: BriefFieldSpec
    public var other: String
    public var otherValue: String
    /// The values of `other` the field applies to.
    public var appliesTo: [String]
    /// "nodes does not apply to modality image (only to graph) and was ignored."
    public var description: String {
        "\(field.name) does not apply to \(other) \(otherValue) (only to \(appliesTo.joined(separator: ", "))) and was ignored."
    }
}

/// A choice the brief's other values rule out: `task translation` with `modality tabular`. Names both
/// and the values that do apply, so the message says what to write instead.
public struct BriefMismatch: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: BriefFieldSpec
    public var value: String
    public var other: BriefFieldSpec
    public var otherValue: String
    /// The values of `field` that apply with `otherValue`.
    public var valid: [String]
    /// "does not apply to modality tabular; for tabular: classification, regression, ...": what follows
    /// the value as the person wrote it (`--task translation` or `task translation`).
    public var reason: String {
        "does not apply to \(other.name) \(otherValue); for \(otherValue): \(valid.joined(separator: ", "))"
    }
    public var description: String { "\(field.name) \(value) \(reason)" }
}

/// A value a field does not accept: names the field, the value and what is valid.
public struct BriefValueError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable { case unknown, negative, tooSmall(Double) }
    public var spec: BriefFieldSpec
    public var value: String
    public var reason: Reason
    public init(spec: BriefFieldSpec, value: String, reason: Reason = .unknown) { self.spec = spec; self.value = value; self.reason = reason }
    public var field: BriefField { spec.field }
    /// What is wrong, naming the field in the text where nothing before it does (a brief file's line,
    /// the form's row): "unknown value 'imgae' for modality. Did you mean 'image'? Valid values: ...",
    /// "'lots' is not a number; samples takes ...".
    public var description: String { message(naming: nil) }
    /// What is wrong after the flag that gave the value, the field named once and as typed (issue 23):
    /// "--modality: unknown value 'imgae'. Did you mean 'image'? Valid values: ...", "--samples: 'lots'
    /// is not a number; --samples takes ...", as "--limit: ... --limit takes ..." says.
    public var flagged: String { "\(spec.flag): " + message(naming: spec.flag) }

    /// The message with the field called `name` where it says what the field takes; without a name the
    /// unknown value says which field it is for ("for modality"), with one the name before it does.
    private func message(naming name: String?) -> String {
        let takes = "; \(name ?? spec.name) takes "
        switch reason {
        case .unknown:
            switch spec.kind {
            case .integer:
                return WholeNumber.problem(value) + takes + spec.validValues
            case .number:
                return "'\(value)' is not a number" + takes + spec.validValues
            default:
                // The closest value (or accepted alias) first, as a mistyped command or flag gets.
                return Suggestion.refusal("unknown value '\(value)'" + (name == nil ? " for \(spec.name)" : ""),
                                          suggesting: spec.suggestion(for: value).map { [$0] } ?? [],
                                          valid: "valid values: \(spec.writtenValues)")
            }
        // What the field takes, not its whole meaning (ninth retest: the meaning ran to three lines).
        case .negative: return "'\(value)' is negative" + takes + spec.validValues
        case .tooSmall(let min):
            let floor = spec.kind == .number && min == 0 ? "more than 0" : "at least \(BriefValue.format(min))"
            return "'\(value)' is too small" + takes + floor
        }
    }
}

extension BriefFieldSpec {
    /// The value to offer for a mistyped one, "image", or "phone (mobile)" for another spelling of a
    /// value: the closest value or alias by typos, else by sound (`EditDistance.closest`, the one
    /// suggester), for `Suggestion` to word.
    public func suggestion(for value: String) -> String? {
        guard let near = EditDistance.closest(to: value, among: values.flatMap { [$0.value] + $0.aliases }, limit: 1).first else { return nil }
        let of = values.first { $0.aliases.contains(near) }.map { " (\($0.value))" } ?? ""
        return near + of
    }
}

extension BriefSchema {
    /// "unknown brief field 'samplez'. Did you mean 'samples'? Expected one of: ...": a brief file's
    /// field name, offered the closest as a value is (`EditDistance.closest`, `Suggestion`).
    public func unknownFieldMessage(_ name: String) -> String {
        let near = EditDistance.closest(to: name, among: names.map(\.name), limit: 1)
        return Suggestion.refusal("unknown brief field '\(name)'", suggesting: near, valid: "expected one of: \(fieldList)")
    }
}

/// A field or value the schema does not know.
public enum BriefSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownField(String, known: String)
    case badValue(BriefValueError)
    public var description: String {
        switch self {
        case .unknownField(let name, let known): return "unknown brief field '\(name)'; expected one of: \(known)"
        case .badValue(let e): return e.description
        }
    }
}

extension BriefSchema {
    /// The fields as README's Markdown table (field, flag, what it takes); a test keeps README's copy
    /// equal to this, so the documented fields and values are always the content's.
    public var markdownTable: String {
        var rows = ["| field (YAML) | flag | values |", "| --- | --- | --- |"]
        for f in fields {
            let flag = f.kind == .flag ? "`\(f.flag)` / `--no-\(f.flag.dropFirst(2))`" : "`\(f.flag)`"
            var what = f.meaning
            switch f.kind {
            case .choice: what += ": " + f.values.map { "`\($0.value)`" + ($0.aliases.isEmpty ? "" : " (or " + $0.aliases.map { "`\($0)`" }.joined(separator: ", ") + ")") }.joined(separator: ", ")
            case .integer, .number: what += " (\(f.validValues))"
            case .flag, .text: break
            }
            if f.required { what += " (required)" }
            for (name, allowed) in f.appliesTo.sorted(by: { $0.key < $1.key }) { what += " (only for \(name) " + allowed.joined(separator: ", ") + ")" }
            rows.append("| `\(f.name)` | \(flag) | \(what.replacing("|", with: "\\|")) |")
        }
        return rows.joined(separator: "\n") + "\n"
    }
}
