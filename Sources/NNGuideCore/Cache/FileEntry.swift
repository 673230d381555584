#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// A reference from one content file to something another file may define, kept unresolved in the
/// per-file cache (`FileEntry`) so that the cross-file step can resolve it against every file's ids.
enum Reference: Hashable, Sendable {
    /// A page, section, table or figure id (`Guide.pageID(showing:)`).
    case page(String)
    case glossary(String)
    case architecture(String)
    /// A glossary term or alias (`[[term]]` links).
    case term(String)
    /// A bibliography id (sources.yaml).
    case source(String)
    /// A `reviewed` month (`Evidence.month`) that must not be after the current one: resolved when
    /// the content is checked, not when the file was, so an entry does not keep a date's verdict.
    case month(Int)

    init(_ target: LinkTarget) {
        switch target {
        case .page(let id): self = .page(id)
        case .glossary(let id): self = .glossary(id)
        case .glossaryTerm(let term): self = .term(term)
        case .architecture(let id): self = .architecture(id)
        }
    }
}

/// One result of a file's checks: a problem, or (with a reference) the problem it is when the
/// reference does not resolve. The location is final: it is where the key pointed in the file's own
/// locations, which is where it points in a whole load while no id is defined in two files
/// (`IncrementalLoad` reads everything again when one is).
struct CheckRecord: Equatable, Sendable {
    var location: SourceLocation
    var message: String
    var reference: Reference?
    /// A warning (`ContentProblem.Severity`), not an error.
    var warning = false
}

/// What the replay of decisions.yaml's examples found, for the cache (`ContentChecks.checkExamples`).
enum ReplayRecord: Equatable, Sendable {
    /// The checks never got there (not the decisions part).
    case notReached
    /// This part already holds a problem, so no whole load replays the examples.
    case skipped
    /// The problems the replay found (usually none); used when the whole content has no other problem.
    case ran([CheckRecord])
}

/// What reading one content file produced, without the decoded value: what lint and the cross-file
/// step need. Stored in front of the value in the file's entry, in a small binary form of its own,
/// so that lint reads it without touching the value.
struct FileSummary: Equatable, Sendable {
    var problems: [ContentProblem] = []
    /// The file could not be read as YAML at all (the whole load gives no guide).
    var fatal = false
    var undecoded: [String] = []
    /// For a page file, the locations of ids (page, table, figure ids); for the other files every
    /// location they recorded (glossary and catalog ids, decisions' trees, nodes, rules...).
    var locations: [String: SourceLocation] = [:]
    /// Page and section ids, tables and figures, in reading order.
    var pageIDs: [String] = []
    var tableIDs: [String] = []
    var figureIDs: [String] = []
    /// 1 when the file gave a page (a page file), else 0.
    var topPages = 0
    var glossaryIDs: [String] = []
    /// Every term and alias, normalized (`Guide.normalize`), as `Guide.glossaryEntry(forTerm:)` finds them.
    var terms: [String] = []
    var architectureIDs: [String] = []
    /// For sources.yaml, its ids in file order; for every file, the source ids its items cite.
    var sourceIDs: [String] = []
    var cited: [String] = []
    /// The file's own checks, encoded (`EntryWriter.records`), read one by one at the cross-file step.
    var checks: [UInt8] = []
}

/// Little binary writer and reader for entries: variable-length integers and length-prefixed UTF-8.
struct EntryWriter {
    var bytes: [UInt8] = []

    mutating func int(_ v: Int) {
        var u = UInt64(bitPattern: Int64(v))
        while u >= 0x80 { bytes.append(UInt8(u & 0x7F) | 0x80); u >>= 7 }
        bytes.append(UInt8(u))
    }
    mutating func string(_ s: String) { int(s.utf8.count); bytes.append(contentsOf: s.utf8) }
    mutating func strings(_ list: [String]) { int(list.count); for s in list { string(s) } }
    mutating func location(_ l: SourceLocation) { string(l.file); int((l.line ?? -1) + 1); int((l.column ?? -1) + 1) }
    mutating func problem(_ p: ContentProblem) { location(p.location); string(p.message); int(p.isWarning ? 1 : 0) }

    /// Reference first, so a reader can skip the location and message of one that resolves.
    mutating func record(_ r: CheckRecord) {
        switch r.reference {
        case nil: int(r.warning ? 7 : 0)
        case .page(let id)?: int(1); string(id)
        case .glossary(let id)?: int(2); string(id)
        case .architecture(let id)?: int(3); string(id)
        case .term(let t)?: int(4); string(t)
        case .source(let id)?: int(5); string(id)
        case .month(let m)?: int(6); int(m)
        }
        var body = EntryWriter()
        body.location(r.location); body.string(r.message)
        int(body.bytes.count); bytes += body.bytes
    }
    mutating func records(_ list: [CheckRecord]) { int(list.count); for r in list { record(r) } }

    mutating func summary(_ s: FileSummary) {
        int(s.problems.count); for p in s.problems { problem(p) }
        int(s.fatal ? 1 : 0)
        strings(s.undecoded)
        int(s.locations.count)
        for (k, l) in s.locations { string(k); location(l) }
        strings(s.pageIDs); strings(s.tableIDs); strings(s.figureIDs)
        int(s.topPages)
        strings(s.glossaryIDs); strings(s.terms); strings(s.architectureIDs)
        strings(s.sourceIDs); strings(s.cited)
        int(s.checks.count); bytes += s.checks
    }

    mutating func replay(_ r: ReplayRecord) {
        switch r {
        case .notReached: int(0)
        case .skipped: int(1)
        case .ran(let list): int(2); records(list)
        }
    }
}

struct EntryReader {
    struct Malformed: Error {}
    let bytes: UnsafeRawBufferPointer
    var at: Int

    init(_ bytes: UnsafeRawBufferPointer, at: Int = 0) { self.bytes = bytes; self.at = at }

    var atEnd: Bool { at >= bytes.count }

    mutating func int() throws(Malformed) -> Int {
        var u: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard at < bytes.count, shift < 64 else { throw Malformed() }
            let b = bytes[at]; at += 1
            u |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return Int(Int64(bitPattern: u)) }
            shift += 7
        }
    }
    mutating func count() throws(Malformed) -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.count - at else { throw Malformed() }
        return n
    }
    mutating func string() throws(Malformed) -> String {
        let n = try count()
        defer { at += n }
        guard let s = String(validating: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)]).bindMemory(to: UInt8.self), as: UTF8.self) else { throw Malformed() }
        return s
    }
    mutating func skip() throws(Malformed) { at += try count() }
    mutating func strings() throws(Malformed) -> [String] {
        let n = try count()
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }
    mutating func location() throws(Malformed) -> SourceLocation {
        let file = try string()
        let line = try int(), column = try int()
        return SourceLocation(file: file, line: line == 0 ? nil : line - 1, column: column == 0 ? nil : column - 1)
    }
    mutating func problem() throws(Malformed) -> ContentProblem {
        let l = try location()
        let m = try string()
        return ContentProblem(l, m, severity: try int() == 1 ? .warning : .error)
    }

    /// The next record's reference (and whether it is a warning); then `recordBody()` reads its
    /// location and message, or `skip()` passes over them.
    mutating func reference() throws(Malformed) -> (Reference?, warning: Bool) {
        switch try int() {
        case 0: return (nil, false)
        case 7: return (nil, true)
        case 1: return (.page(try string()), false)
        case 2: return (.glossary(try string()), false)
        case 3: return (.architecture(try string()), false)
        case 4: return (.term(try string()), false)
        case 5: return (.source(try string()), false)
        case 6: return (.month(try int()), false)
        default: throw Malformed()
        }
    }
    mutating func recordBody() throws(Malformed) -> (SourceLocation, String) {
        let n = try count()
        let end = at + n
        let l = try location()
        let m = try string()
        guard at == end else { throw Malformed() }
        return (l, m)
    }
    mutating func records() throws(Malformed) -> [CheckRecord] {
        let n = try count()
        var out: [CheckRecord] = []
        for _ in 0..<n {
            let (reference, warning) = try reference()
            let (l, m) = try recordBody()
            out.append(CheckRecord(location: l, message: m, reference: reference, warning: warning))
        }
        return out
    }

    mutating func summary() throws(Malformed) -> FileSummary {
        var s = FileSummary()
        let np = try count()
        for _ in 0..<np { s.problems.append(try problem()) }
        s.fatal = try int() != 0
        s.undecoded = try strings()
        let nl = try count()
        s.locations.reserveCapacity(nl)
        for _ in 0..<nl { let k = try string(); s.locations[k] = try location() }
        s.pageIDs = try strings(); s.tableIDs = try strings(); s.figureIDs = try strings()
        s.topPages = try int()
        s.glossaryIDs = try strings(); s.terms = try strings(); s.architectureIDs = try strings()
        s.sourceIDs = try strings(); s.cited = try strings()
        let nc = try count()
        s.checks = Array(bytes[at..<(at + nc)]); at += nc
        return s
    }

    mutating func replay() throws(Malformed) -> ReplayRecord {
        switch try int() {
        case 0: return .notReached
        case 1: return .skipped
        case 2: return .ran(try records())
        default: throw Malformed()
        }
    }
}

/// One entry file: `NNGUIDE-ENTRY 3`, the key, the summary's length and checksum and the outline's,
/// the summary, the outline (a page file's titles for `nnguide toc`, `PageOutline`; empty for other
/// files), then the value (`BinaryValue.frame`d: its own version, length and checksum). Written aside
/// and renamed; read mapped, and anything that does not check out is not an entry.
enum FileEntry {
    static let magic = "NNGUIDE-ENTRY 3"

    /// `value`: a framed value, or nothing (the decision checks' entry holds a summary only).
    static func encode(key: String, summary: [UInt8], outline: [UInt8] = [], value: [UInt8]) -> Data {
        let sum = summary.withUnsafeBytes(BinaryValue.checksum)
        let outlineSum = outline.withUnsafeBytes(BinaryValue.checksum)
        var data = Data("\(magic)\n\(key)\n\(summary.count) \(hex(sum)) \(outline.count) \(hex(outlineSum))\n".utf8)
        data.append(contentsOf: summary)
        data.append(contentsOf: outline)
        data.append(contentsOf: value)
        return data
    }

    /// Where the summary starts (from the start of the file), how long it and the outline after it
    /// are, and their checksums, when `data` begins with an entry header with this key.
    struct Header { var start: Int, count: Int, sum: UInt64, outlineCount: Int, outlineSum: UInt64 }

    static func header(_ data: Data, key: String) -> Header? {
        guard let (lines, offset) = headerLines(data, longest: 100), lines[0] == magic, lines[1] == key else { return nil }
        let fields = lines[2].split(separator: " ")
        guard fields.count == 4, let n = Int(fields[0]), n >= 0, let sum = UInt64(fields[1], radix: 16),
              let o = Int(fields[2]), o >= 0, let outlineSum = UInt64(fields[3], radix: 16) else { return nil }
        return Header(start: offset - data.startIndex, count: n, sum: sum, outlineCount: o, outlineSum: outlineSum)
    }

    /// The summary's bytes and the value's (still framed), when `data` is an entry with this key and
    /// its summary is as written.
    static func split(_ data: Data, key: String) -> (summary: Data, value: Data)? {
        guard let h = header(data, key: key), h.count <= data.count - h.start - h.outlineCount else { return nil }
        let s = data.startIndex + h.start
        let summary = data[s..<(s + h.count)]
        guard summary.withUnsafeBytes(BinaryValue.checksum) == h.sum else { return nil }
        return (summary, data[(s + h.count + h.outlineCount)...])
    }

    /// Only the summary of the entry at `path` when it has this key, read without the value: two
    /// `pread`s, where mapping would fault in 64 KiB around each (90 MB over 1,400 entries at 100x).
    static func readSummary(_ path: String, key: String) -> Data? {
        readPart(path, key: key) { h in (h.start, h.count, h.sum) }
    }

    /// Only the outline of the entry at `path` when it has this key (`nnguide toc`): two `pread`s,
    /// skipping the summary, whose checks and locations are most of a page file's entry.
    static func readOutline(_ path: String, key: String) -> Data? {
        readPart(path, key: key) { h in (h.start + h.count, h.outlineCount, h.outlineSum) }
    }

    /// The bytes of one part of the entry (`where` says which, from its header), when they are as written.
    static func readPart(_ path: String, key: String, _ where: (Header) -> (start: Int, count: Int, sum: UInt64)) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var head = Data(count: 256)
        let got = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard got > 0, let h = header(head.prefix(got), key: key) else { return nil }
        let (start, count, sum) = `where`(h)
        var body = Data(count: count)
        let n = count == 0 ? 0 : body.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(start)) }
        return n == count && body.withUnsafeBytes(BinaryValue.checksum) == sum ? body : nil
    }

    /// Written aside and renamed; a failure leaves the old entry (or none), which only costs a parse.
    static func write(_ data: Data, to path: String) {
        _ = data.withUnsafeBytes { writeReplacing(path, [$0]) }
    }
}
