#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The Model Brief: the guide's four question groups (input reality, output contract, constraint
/// envelope, risk/governance) as the field values a recommendation is computed from. Which fields
/// there are is data (`BriefSchema`, the `brief:` section of decisions.yaml); a Brief is a set of
/// values that schema accepted. Only the required fields must be given; whatever else is missing is
/// stated as an assumption.
public struct Brief: Sendable, Equatable {
    public let schema: BriefSchema
    public private(set) var values: [BriefField: BriefValue]

    /// A brief from field values (as read from a file or flags). Throws when a required field is
    /// missing or a field is not in the schema.
    public init(schema: BriefSchema, values: [BriefField: BriefValue]) throws(BriefMissingField) {
        for spec in schema.required where values[spec.field] == nil { throw BriefMissingField(spec: spec) }
        self.schema = schema
        self.values = values.filter { schema[$0.key] != nil }
    }

    /// The values a path through a tree implies, which may leave required fields open: for showing
    /// what is known, never for the recommender.
    public init(partial values: [BriefField: BriefValue], schema: BriefSchema) {
        self.schema = schema
        self.values = values.filter { schema[$0.key] != nil }
    }

    /// A brief from values as a person writes them (`["modality": "image", "samples": "5k"]`); a value
    /// the others rule out (`BriefMismatch`: translation of a table) is refused like a bad value.
    public init(schema: BriefSchema, _ raw: [String: String]) throws {
        var values: [BriefField: BriefValue] = [:]
        for (name, value) in raw { values[BriefField(name)] = try schema.parse(BriefField(name), value) }
        if let m = schema.mismatch(in: values) { throw m }
        try self.init(schema: schema, values: values)
    }

    /// A field's value; nil when the brief does not say. Setting a value of the wrong kind or for a
    /// field the schema lacks is ignored, as is clearing a required field.
    public subscript(field: BriefField) -> BriefValue? {
        get { values[field] }
        set {
            guard let spec = schema[field] else { return }
            guard let newValue else { if !spec.required { values[field] = nil }; return }
            guard newValue.fits(spec) else { return }
            values[field] = newValue
        }
    }

    /// The fields the brief gives, in the schema's order.
    public var givenFields: [BriefField] { schema.names.filter { values[$0] != nil } }

    /// The value of a count field as a whole number (the data bands read `samples`).
    public func integer(_ field: BriefField) -> Int? { values[field]?.number.map { Int($0) } }

    /// "image", "classification": a choice or text value as written.
    public func text(_ field: BriefField) -> String? { values[field]?.description }
}

/// One field's value, typed loosely enough for conditions to compare.
public enum BriefValue: Sendable, Equatable, Hashable, CustomStringConvertible {
    case choice(String), number(Double), flag(Bool), text(String)

    public var choice: String? { if case .choice(let s) = self { return s }; return nil }
    public var number: Double? { if case .number(let n) = self { return n }; return nil }
    public var flag: Bool? { if case .flag(let b) = self { return b }; return nil }

    /// As a person would write it: `image`, `50000`, `0.5`, `true`.
    public var description: String {
        switch self {
        case .choice(let s), .text(let s): return s
        case .number(let n): return BriefValue.format(n)
        case .flag(let b): return b ? "true" : "false"
        }
    }

    /// Whether a field of this spec can hold the value.
    func fits(_ spec: BriefFieldSpec) -> Bool {
        switch (self, spec.kind) {
        case (.choice(let s), .choice): return spec.choices.contains(s)
        case (.number(let n), .integer): return n == n.rounded()
        case (.number, .number), (.flag, .flag), (.text, .text): return true
        default: return false
        }
    }

    static func format(_ n: Double) -> String {
        n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    }
}

/// A required field the brief leaves out.
public struct BriefMissingField: Error, Sendable, Equatable, CustomStringConvertible {
    public var spec: BriefFieldSpec
    public var field: BriefField { spec.field }
    public var description: String { "missing required field '\(spec.name)' (\(spec.meaning)); one of: \(spec.validValues)" }
}
