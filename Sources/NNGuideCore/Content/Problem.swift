/// A place in a content file.
public struct SourceLocation: Sendable, Equatable, Hashable {
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
public struct ContentProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    public init(_ location: SourceLocation, _ message: String) { self.location = location; self.message = message }
    public var description: String { "\(location.description): \(message)" }
}

/// Content that cannot be used. Carries every problem found, not just the first.
public struct ContentError: Error, Sendable, CustomStringConvertible {
    public var problems: [ContentProblem]
    public init(_ problems: [ContentProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
