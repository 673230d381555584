import Foundation

/// The Model Brief: the guide's four question groups (input reality, output contract, constraint
/// envelope, risk/governance) as the fields a recommendation is computed from. Only `modality` and
/// `task` are required; whatever else is missing is stated as an assumption.
public struct Brief: Sendable, Equatable {
    public var modality: Modality
    public var task: TaskDomain
    /// Labeled examples available for training (images, series, labelled nodes; for anomaly detection,
    /// labelled anomalies, absent meaning few or none).
    public var samples: Int?
    /// How many nodes the graph has (for many small graphs, nodes per graph); graph size, apart from labels.
    public var nodes: Int?
    /// Inference budget per request, in milliseconds.
    public var latencyMs: Double?
    public var deploy: DeploymentTarget?
    /// Training budget.
    public var compute: ComputeBudget?
    public var interpretability: Interpretability?
    /// Must act on events as they arrive.
    public var streaming: Bool?
    /// How far back a sequence model must look.
    public var context: SequenceContext?
    /// A strong pretrained model exists for this modality.
    public var pretrained: Bool?
    /// Free text, echoed in the decision record.
    public var notes: String?

    public init(modality: Modality, task: TaskDomain, samples: Int? = nil, nodes: Int? = nil, latencyMs: Double? = nil,
                deploy: DeploymentTarget? = nil, compute: ComputeBudget? = nil, interpretability: Interpretability? = nil,
                streaming: Bool? = nil, context: SequenceContext? = nil, pretrained: Bool? = nil, notes: String? = nil) {
        self.modality = modality; self.task = task; self.samples = samples; self.nodes = nodes; self.latencyMs = latencyMs
        self.deploy = deploy; self.compute = compute; self.interpretability = interpretability
        self.streaming = streaming; self.context = context; self.pretrained = pretrained; self.notes = notes
    }

    /// A field's value, for conditions and output. Nil when the brief does not say.
    public subscript(field: BriefField) -> BriefValue? {
        get {
            switch field {
            case .modality: return .choice(modality.rawValue)
            case .task: return .choice(task.rawValue)
            case .samples: return samples.map { .number(Double($0)) }
            case .nodes: return nodes.map { .number(Double($0)) }
            case .latencyMs: return latencyMs.map { .number($0) }
            case .deploy: return deploy.map { .choice($0.rawValue) }
            case .compute: return compute.map { .choice($0.rawValue) }
            case .interpretability: return interpretability.map { .choice($0.rawValue) }
            case .streaming: return streaming.map { .flag($0) }
            case .context: return context.map { .choice($0.rawValue) }
            case .pretrained: return pretrained.map { .flag($0) }
            case .notes: return notes.map { .text($0) }
            }
        }
        set {
            switch field {
            case .modality: if case .choice(let s)? = newValue, let m = Modality(rawValue: s) { modality = m }
            case .task: if case .choice(let s)? = newValue, let t = TaskDomain(rawValue: s) { task = t }
            case .samples: samples = newValue?.number.map { Int($0) }
            case .nodes: nodes = newValue?.number.map { Int($0) }
            case .latencyMs: latencyMs = newValue?.number
            case .deploy: deploy = newValue?.choice.flatMap(DeploymentTarget.init(rawValue:))
            case .compute: compute = newValue?.choice.flatMap(ComputeBudget.init(rawValue:))
            case .interpretability: interpretability = newValue?.choice.flatMap(Interpretability.init(rawValue:))
            case .streaming: streaming = newValue?.flag
            case .context: context = newValue?.choice.flatMap(SequenceContext.init(rawValue:))
            case .pretrained: pretrained = newValue?.flag
            case .notes: if case .text(let s)? = newValue { notes = s } else { notes = nil }
            }
        }
    }

    /// The fields the brief gives, in the table's order.
    public var givenFields: [BriefField] { BriefField.allCases.filter { self[$0] != nil } }
}

/// What the user wants out of the model (Part 2's task domains, widened to the tasks the guide discusses).
public enum TaskDomain: String, Codable, Sendable, CaseIterable {
    case classification, regression, forecasting, detection, segmentation, generation, translation
    case summarization, extraction, retrieval
    case anomalyDetection = "anomaly-detection"
    case imputation, ranking, transcription
}

public enum DeploymentTarget: String, Codable, Sendable, CaseIterable {
    case cloud
    case serverCPU = "server-cpu"
    case edge, mobile, browser, batch
}

public enum ComputeBudget: String, Codable, Sendable, CaseIterable { case low, medium, high }

public enum Interpretability: String, Codable, Sendable, CaseIterable { case none, helpful, required }

public enum SequenceContext: String, Codable, Sendable, CaseIterable { case short, long }

/// One field's value, typed loosely enough for conditions to compare.
public enum BriefValue: Sendable, Equatable, CustomStringConvertible {
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

    static func format(_ n: Double) -> String {
        n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    }
}

/// The brief's fields: names, kinds and valid values. The YAML file, the flags, the conditions in
/// decisions.yaml and the JSON output all read this one table.
public enum BriefField: String, Sendable, CaseIterable {
    case modality, task, samples, nodes
    case latencyMs = "latency_ms"
    case deploy, compute, interpretability, streaming, context, pretrained, notes

    public enum Kind: Sendable, Equatable { case choice([String]), integer, number, flag, text }

    public var name: String { rawValue }
    /// The command-line flag for this field.
    public var flag: String { "--" + rawValue.replacingOccurrences(of: "_", with: "-") }
    public var isRequired: Bool { self == .modality || self == .task }

    public var kind: Kind {
        switch self {
        case .modality: return .choice(Modality.allCases.map(\.rawValue))
        case .task: return .choice(TaskDomain.allCases.map(\.rawValue))
        case .samples, .nodes: return .integer
        case .latencyMs: return .number
        case .deploy: return .choice(DeploymentTarget.allCases.map(\.rawValue))
        case .compute: return .choice(ComputeBudget.allCases.map(\.rawValue))
        case .interpretability: return .choice(Interpretability.allCases.map(\.rawValue))
        case .streaming, .pretrained: return .flag
        case .context: return .choice(SequenceContext.allCases.map(\.rawValue))
        case .notes: return .text
        }
    }

    /// What the field means, for help text.
    public var meaning: String {
        switch self {
        case .modality: return "the structure of the input data"
        case .task: return "what the model must produce"
        case .samples: return "number of labeled examples (images, series, labelled nodes; for anomaly detection, labelled anomalies)"
        case .nodes: return "how many nodes the graph has (for many small graphs, nodes per graph)"
        case .latencyMs: return "inference budget per request, in milliseconds"
        case .deploy: return "where the model runs"
        case .compute: return "training budget"
        case .interpretability: return "how much predictions must be explained"
        case .streaming: return "must act on events as they arrive"
        case .context: return "how far back a sequence model must look"
        case .pretrained: return "a strong pretrained model exists for this modality"
        case .notes: return "free text, echoed in the decision record"
        }
    }

    /// The values a person may write, for messages.
    public var validValues: String {
        switch kind {
        case .choice(let values): return values.joined(separator: ", ")
        case .integer: return "a whole number of samples such as 5000, 5,000 or 5k"
        case .number: return "a positive number of milliseconds such as 200"
        case .flag: return "true or false"
        case .text: return "any text"
        }
    }

    /// Reads a value as written in a brief file or on the command line.
    public func parse(_ raw: String) throws(BriefValueError) -> BriefValue {
        let s = raw.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .choice(let values):
            let v = s.lowercased()
            guard values.contains(v) else { throw BriefValueError(field: self, value: raw) }
            return .choice(v)
        case .integer:
            guard let n = BriefField.count(s), n >= 0 else { throw BriefValueError(field: self, value: raw) }
            return .number(Double(n))
        case .number:
            var t = s.lowercased()
            if t.hasSuffix("ms") { t = String(t.dropLast(2)).trimmingCharacters(in: .whitespaces) }
            guard let n = Double(t), n > 0, n.isFinite else { throw BriefValueError(field: self, value: raw) }
            return .number(n)
        case .flag:
            switch s.lowercased() {
            case "true", "yes", "on", "1": return .flag(true)
            case "false", "no", "off", "0": return .flag(false)
            default: throw BriefValueError(field: self, value: raw)
            }
        case .text:
            return .text(raw)
        }
    }

    /// "5000", "5,000", "5_000", "5k", "2m".
    static func count(_ s: String) -> Int? {
        var t = s.lowercased().replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
        var scale = 1
        if t.hasSuffix("k") { scale = 1_000; t.removeLast() } else if t.hasSuffix("m") { scale = 1_000_000; t.removeLast() }
        if scale > 1, let d = Double(t), d >= 0, d.isFinite, d * Double(scale) < Double(Int.max) {
            return Int((d * Double(scale)).rounded())
        }
        guard !t.isEmpty, t.allSatisfy(\.isASCII), let n = Int(t) else { return nil }
        return n
    }
}

/// A value a field does not accept: names the field, the value and what is valid.
public struct BriefValueError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: BriefField
    public var value: String
    public init(field: BriefField, value: String) { self.field = field; self.value = value }
    public var description: String {
        "unknown value '\(value)' for \(field.name); valid values: \(field.validValues)"
    }
}

extension Brief {
    /// A brief from field values (as read from a file or flags). Throws when modality or task is missing.
    public init(values: [BriefField: BriefValue]) throws(BriefMissingField) {
        guard let m = values[.modality]?.choice.flatMap(Modality.init(rawValue:)) else { throw BriefMissingField(field: .modality) }
        guard let t = values[.task]?.choice.flatMap(TaskDomain.init(rawValue:)) else { throw BriefMissingField(field: .task) }
        self.init(modality: m, task: t)
        for (field, value) in values where !field.isRequired { self[field] = value }
    }
}

/// A required field the brief leaves out.
public struct BriefMissingField: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: BriefField
    public var description: String { "missing required field '\(field.name)' (\(field.meaning)); one of: \(field.validValues)" }
}
