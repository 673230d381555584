/// A place in a content file.
public struct SourceLocation: Sendable, Equatable, Hashable, Codable {
    /// Path relative to the content folder ("pages/30-part3.yaml").
    public var file: String
    public var line: Int?
    public var column: Int?
    public init(file: String, line: Int? = nil, column: Int? = nil) { self.file = file; self.line = line; self.column = column }

    public var description: String {
        var s = file
        if let line { s += ":\(line)"; if let column { s += ":\(column)" } }
        return s
    }
}

/// One thing wrong with the content, said so that whoever edits the YAML can fix it.
/// A warning (a source nobody cites, an added fact without its source) is reported by lint but does
/// not stop the guide from loading; `lint --strict` fails on warnings too.
public struct ContentProblem: Error, Sendable, Equatable, CustomStringConvertible, Codable {
    public enum Severity: String, Sendable, Codable { case error, warning }
    public var location: SourceLocation
    public var message: String
    public var severity: Severity
    public init(_ location: SourceLocation, _ message: String, severity: Severity = .error) {
        self.location = location; self.message = message; self.severity = severity
    }
    public var isWarning: Bool { severity == .warning }
    public var description: String { "\(location.description): \(isWarning ? "warning: " : "")\(message)" }
}

extension Array where Element == ContentProblem {
    /// The problems that stop a load (everything but warnings).
    public var errors: [ContentProblem] { filter { !$0.isWarning } }
    public var warnings: [ContentProblem] { filter(\.isWarning) }
}

/// Content that cannot be used. Carries every problem found, not just the first.
public struct ContentError: Error, Sendable, CustomStringConvertible {
    public var problems: [ContentProblem]
    public init(_ problems: [ContentProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
