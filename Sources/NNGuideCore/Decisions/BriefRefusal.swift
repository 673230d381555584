/// Why a brief cannot be answered at all: a value its field does not take, a required field left out,
/// or a choice another value rules out (translation of a table). The command line, brief files and the
/// explorer's form refuse such a brief before it reaches the recommender; the recommender refuses one
/// built by hand the same way (`RecommendError.refusal`), with the message the command line prints.
public enum BriefRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case badValue(BriefValueError)
    case missing(BriefMissingField)
    case mismatch(BriefMismatch)

    /// What `nnguide recommend` says after "nnguide: " when the value came from its flag:
    /// `--task translation does not apply to modality tabular; for tabular: classification, ...`.
    public var description: String {
        switch self {
        case .badValue(let e): return e.flagged
        case .missing(let m): return "missing \(m.spec.flag) (\(m.spec.meaning)); one of: \(m.spec.validValues)"
        case .mismatch(let m): return "\(m.field.flag) \(m.value) \(m.reason)"
        }
    }
}

extension BriefSchema {
    /// The first reason, in the schema's field order, that `values` cannot be answered: a value of the
    /// wrong kind, not among a choice's values, negative or under the field's `min`; then a required
    /// field left out; then a choice the others rule out (`applies_to`). Nil for a brief that can be.
    public func refusal(of values: [BriefField: BriefValue]) -> BriefRefusal? {
        for spec in fields {
            if let v = values[spec.field], let e = spec.problem(with: v) { return .badValue(e) }
        }
        if let spec = required.first(where: { values[$0.field] == nil }) { return .missing(BriefMissingField(spec: spec)) }
        return mismatch(in: values).map(BriefRefusal.mismatch)
    }
}

extension BriefFieldSpec {
    /// What is wrong with a value set in code rather than parsed (`parse` refuses the same things in text).
    func problem(with value: BriefValue) -> BriefValueError? {
        let bad = { (why: BriefValueError.Reason) in BriefValueError(spec: self, value: value.description, reason: why) }
        guard value.fits(self) else { return bad(.unknown) }
        guard case .number(let n) = value else { return nil }
        if !n.isFinite { return bad(.unknown) }
        if n < 0 { return bad(.negative) }
        if kind == .number && n == 0 { return bad(.tooSmall(min ?? 0)) }
        if let min, n < min { return bad(.tooSmall(min)) }
        return nil
    }
}
