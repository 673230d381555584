#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// A brief file that cannot be used, with the place to fix it.
public struct BriefFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    /// More bad values of the same file, each with its place: every one is reported at once, as
    /// bad flags are, so fixing the file takes one run.
    public var others: [BriefFileError] = []
    /// The file is not there or cannot be opened: sysexits' EX_NOINPUT (66), not bad data (65).
    public var noInput = false
    public init(_ location: SourceLocation, _ message: String, others: [BriefFileError] = [], noInput: Bool = false) {
        self.location = location; self.message = message; self.others = others; self.noInput = noInput
    }
    /// The exit status the shell gives: 66 when the file could not be opened, 65 when it is bad.
    public var exitStatus: Int32 { noInput ? 66 : 65 }
    /// This problem and the others, one a line.
    public var lines: [String] { ["\(location.description): \(message)"] + others.flatMap(\.lines) }
    public var description: String { lines.joined(separator: "\n") }
}

/// Reads a Model Brief from YAML: a mapping of the brief's fields (`modality: text`, `samples: 5000`).
/// Every problem names the file and line; values are checked by the same schema as the flags.
public enum BriefReader {
    public static func read(path: String, schema: BriefSchema) throws(BriefFileError) -> [BriefField: BriefValue] {
        try readLocated(path: path, schema: schema).values
    }

    /// The values with the place each was written, so a problem found later (a task the modality rules
    /// out once flags are merged in) still names the line.
    public static func readLocated(path: String, schema: BriefSchema) throws(BriefFileError) -> (values: [BriefField: BriefValue], places: [BriefField: SourceLocation]) {
        let at = SourceLocation(file: path)
        let kind = Path.kind(path)
        guard kind != .missing else { throw BriefFileError(at, Path.missing(path), noInput: true) }
        guard kind != .folder else { throw BriefFileError(at, "is a folder; expected a YAML brief file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw BriefFileError(at, "brief file cannot be read", noInput: true) }
        if Reader.isBinary(data) { throw BriefFileError(at, "binary file; expected a YAML brief such as 'modality: text'") }
        guard let text = Reader.utf8Text(data) else { throw BriefFileError(at, "not UTF-8 text; expected a YAML brief") }
        return try parseLocated(text, file: path, schema: schema)
    }

    public static func parse(_ text: String, file: String, schema: BriefSchema) throws(BriefFileError) -> [BriefField: BriefValue] {
        try parseLocated(text, file: file, schema: schema).values
    }

    public static func parseLocated(_ text: String, file: String, schema: BriefSchema) throws(BriefFileError) -> (values: [BriefField: BriefValue], places: [BriefField: SourceLocation]) {
        func loc(_ mark: Mark?) -> SourceLocation { SourceLocation(file: file, line: mark?.line, column: mark?.column) }
        let root: Node
        do {
            guard let node = try NodeDecoder.compose(text) else {
                throw BriefFileError(loc(nil), "brief file is empty; expected at least 'modality:' and 'task:'")
            }
            root = node
        } catch let e as BriefFileError {
            throw e
        } catch let e as YAMLError {
            throw BriefFileError(loc(e.mark), "YAML syntax error: \(e.message)")
        } catch {
            throw BriefFileError(loc(nil), "YAML error: \(error)")
        }
        guard let mapping = root.mapping else {
            throw BriefFileError(loc(root.mark), "expected a mapping of brief fields (modality: ..., task: ...), found \(describe(root))")
        }
        var values: [BriefField: BriefValue] = [:]
        var places: [BriefField: SourceLocation] = [:]
        var bad: [BriefFileError] = []
        for (k, v) in mapping {
            // Every problem is collected and reported together, as a compiler does: an unknown field
            // on line 5 hid the bad values on lines 3 and 4 (ninth retest).
            guard let name = k.string else { bad.append(BriefFileError(loc(k.mark), "a brief field name must be text")); continue }
            if name == RecordedDecision.key { continue }  // what was decided (RecordFile), not a field
            guard let field = schema[BriefField(name)] else {
                bad.append(BriefFileError(loc(k.mark), schema.unknownFieldMessage(name))); continue
            }
            guard let scalar = v.scalar else {
                bad.append(BriefFileError(loc(v.mark), "\(name) must be a single value (\(field.validValues)), found \(describe(v))")); continue
            }
            if scalar.string.isEmpty && scalar.style == .plain { continue }  // `samples:` with nothing after it
            do { values[field.field] = try field.parse(scalar.string) } catch { bad.append(BriefFileError(loc(v.mark), error.description)); continue }
            places[field.field] = loc(v.mark)
        }
        if var first = bad.first { first.others = Array(bad.dropFirst()); throw first }
        return (values, places)
    }
}

extension Brief {
    /// The brief as a YAML file `BriefReader` reads back unchanged: how the explorer saves briefs.
    public var yaml: String { Brief.yaml(values: values, schema: schema) }

    /// Field values as YAML, in the table's order; modality and task may be missing (a draft the
    /// explorer's brief form keeps), which `BriefReader` reads back unchanged.
    public static func yaml(values: [BriefField: BriefValue], schema: BriefSchema) -> String {
        var lines: [String] = []
        for field in schema.names {
            guard let value = values[field] else { continue }
            switch value {
            case .text(let s), .choice(let s): lines.append("\(field.name): \(Brief.yamlQuote(s))")
            case .number, .flag: lines.append("\(field.name): \(value)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Double-quoted YAML: JSON's string escapes are valid in it.
    static func yamlQuote(_ s: String) -> String {
        let plain = !s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } && Double(s) == nil
            && !["true", "false", "yes", "no", "on", "off", "null", "~"].contains(s.lowercased())
        if plain { return s }
        // A JSON string is a YAML double-quoted scalar; JSON's optional "\/" is left out, as people
        // read these files ("primary/tabular-glassbox"). Files written with it still read (YAML knows it).
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(s), let quoted = String(data: data, encoding: .utf8) else { return "\"\"" }
        return quoted
    }
}
