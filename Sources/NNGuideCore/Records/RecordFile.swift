#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// A saved brief (YAML) or a Markdown decision record, read for `nnguide check`: the brief, what was
/// decided (when the file records it), and where that record sits so `--update` can rewrite it.
public struct RecordFile: Sendable {
    public let path: String
    public let isMarkdown: Bool
    public let values: [BriefField: BriefValue]
    public let recorded: RecordedDecision?
    let lines: [String]
    /// The lines the record takes (the `decided:` mapping, or the whole comment); nil when it has none.
    let block: Range<Int>?

    public static func isRecordPath(_ path: String) -> Bool {
        [".yaml", ".yml", ".md", ".markdown"].contains { path.lowercased().hasSuffix($0) }
    }

    /// Nil for a Markdown file without a record (a README beside the records).
    public static func read(_ path: String, schema: BriefSchema) throws(BriefFileError) -> RecordFile? {
        let at = SourceLocation(file: path)
        guard let data = FileManager.default.contents(atPath: path) else { throw BriefFileError(at, "file not found or unreadable") }
        if Reader.isBinary(data) { throw BriefFileError(at, "binary file; expected a brief (YAML) or a decision record (Markdown)") }
        guard let text = Reader.utf8Text(data) else { throw BriefFileError(at, "not UTF-8 text") }
        // Split on the scalar, as components(separatedBy:) did: a CRLF is one Character and would not split.
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        let markdown = [".md", ".markdown"].contains { path.lowercased().hasSuffix($0) }
        var yamlText = text, offset = 0, block: Range<Int>?
        if markdown {
            guard let open = lines.firstIndex(where: { $0.hasPrefix(RecordedDecision.commentOpen) }) else { return nil }
            guard let close = lines[(open + 1)...].firstIndex(where: { $0.trimmed() == RecordedDecision.commentClose }) else {
                throw BriefFileError(SourceLocation(file: path, line: open + 1), "the nnguide-record comment is not closed with a line '-->'")
            }
            yamlText = lines[(open + 1)..<close].joined(separator: "\n")
            offset = open + 1
            block = open..<(close + 1)
        }
        func shifted(_ e: BriefFileError) -> BriefFileError {
            BriefFileError(SourceLocation(file: path, line: e.location.line.map { $0 + offset }, column: e.location.column), e.message,
                           others: e.others.map(shifted))
        }
        let values: [BriefField: BriefValue]
        do throws(BriefFileError) { values = try BriefReader.parseLocated(yamlText, file: path, schema: schema).values } catch { throw shifted(error) }
        var recorded: RecordedDecision?
        if let root = try? NodeDecoder.compose(yamlText), let decided = root.child(RecordedDecision.key) {
            let (r, problem) = RecordedDecision.read(decided)
            if let problem { throw BriefFileError(SourceLocation(file: path, line: decided.mark.map { $0.line + offset }, column: decided.mark?.column), problem) }
            recorded = r
            if !markdown { block = yamlBlock(lines) }
        }
        return RecordFile(path: path, isMarkdown: markdown, values: values, recorded: recorded, lines: lines, block: block)
    }

    /// The lines of a saved brief's `decided:` mapping (its key and the indented lines under it).
    static func yamlBlock(_ lines: [String]) -> Range<Int>? {
        guard let start = lines.firstIndex(where: { $0.hasPrefix(RecordedDecision.key + ":") }) else { return nil }
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix(" ") || lines[end].isEmpty && end + 1 < lines.count && lines[end + 1].hasPrefix(" ") { end += 1 }
        return start..<end
    }

    /// A saved brief's text without its `decided:` record: what the person chose.
    static func withoutRecord(_ text: String) -> [String] {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        if let block = yamlBlock(lines) { lines.removeSubrange(block) }
        return lines
    }

    /// True when two saved briefs differ at most in their `decided:` records: the same brief, decided
    /// on another day or with another guide. Byte for byte otherwise, so a file someone edited by
    /// hand (a comment, another field) is never taken for the same brief.
    public static func sameBrief(_ a: String, _ b: String) -> Bool { withoutRecord(a) == withoutRecord(b) }

    /// What a saved brief's text records, or nil when it records nothing readable.
    public static func recorded(in text: String) -> RecordedDecision? {
        guard let root = try? NodeDecoder.compose(text), let node = root.child(RecordedDecision.key) else { return nil }
        return RecordedDecision.read(node).0
    }

    /// A brief as the explorer saves it (`w`): its fields, then what it decides today, written as
    /// `check --update` writes it, so a brief saved in the explorer can be checked from the start.
    /// The fields alone while the brief has no pick (modality or task missing, or no answer).
    public static func savedBrief(_ values: [BriefField: BriefValue], guide: Guide, date: String) -> String {
        let schema = guide.decisions.brief
        let yaml = Brief.yaml(values: values, schema: schema)
        guard let brief = try? Brief(schema: schema, values: values), let d = try? Recommender(guide: guide).decide(brief) else { return yaml }
        let file = RecordFile(path: "", isMarkdown: false, values: values, recorded: nil, lines: yaml.components(separatedBy: "\n"), block: nil)
        return file.updated(RecordedDecision(d, date: date), brief: brief)
    }

    /// The file's text with `record` in place of what it recorded (added at the end when it had none).
    public func updated(_ record: RecordedDecision, brief: Brief) -> String {
        let new = isMarkdown ? [record.comment(brief: brief)] : record.yaml
        var out = lines
        if let block {
            out.replaceSubrange(block, with: new)
        } else {
            if out.last == "" { out.removeLast() }
            out += (isMarkdown ? [""] : []) + new + [""]
        }
        return out.joined(separator: "\n")
    }
}
