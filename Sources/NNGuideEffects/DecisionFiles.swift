#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif
import NNGuideCore
import NNGuideUI

/// Where decisions and briefs are written. Every write goes to a temporary file first, is flushed,
/// and is then linked into place under a name nobody has: nothing is ever overwritten, and a crash
/// leaves either the old files or the old files plus a whole new one.
public struct DecisionFiles: Sendable {
    /// `$XDG_STATE_HOME/nnguide/briefs`.
    public let briefs: String
    /// `briefs/drafts`: what quitting with unsaved changes keeps, apart from the briefs saved with `w`.
    /// (Folders written before drafts existed hold both; their files stay where they are, as briefs.)
    public var drafts: String { Path.join(briefs, "drafts") }
    /// Decision records go where the user started nnguide (a record is meant to be committed with
    /// the project), or under the state folder when that folder cannot be written.
    public let records: String
    public let fallbackRecords: String
    public let today: @Sendable () -> String

    public init(stateDirectory: String, workingDirectory: String, today: @escaping @Sendable () -> String = RecordDate.today) {
        briefs = Path.join(stateDirectory, "briefs")
        records = workingDirectory
        fallbackRecords = Path.join(stateDirectory, "records")
        self.today = today
    }

    public enum Written: Sendable, Equatable {
        case new(String)
        /// A file with exactly this text already existed: nothing was written.
        case unchanged(String)
        /// The same brief was there with another `decided:` record (another day, another guide): the
        /// record was brought up to date in place; `previous` is what it recorded.
        case updated(String, previous: RecordedDecision?)
        public var path: String { switch self { case .new(let p), .unchanged(let p), .updated(let p, _): return p } }
    }

    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    public func saveRecord(_ markdown: String, name: String) -> Result<Written, Failure> {
        switch Self.writeNew(markdown, in: records, base: name, ext: "md", reuseIdentical: false) {
        case .success(let w): return .success(w)
        case .failure(let first):
            switch Self.writeNew(markdown, in: fallbackRecords, base: name, ext: "md", reuseIdentical: false) {
            case .success(let w): return .success(w)
            case .failure: return .failure(first)
            }
        }
    }

    /// Saves a brief under `name.yaml`, or `name-2.yaml`, ... when that is taken by another brief;
    /// a file with the same text already there is reused instead of copied, and one with the same
    /// brief and another record has its record updated, so saving again on another day piles nothing up.
    public func saveBrief(_ yaml: String, name: String) -> Result<Written, Failure> {
        if let refreshed = Self.refreshSameBrief(yaml, in: briefs, base: name) { return refreshed }
        return Self.writeNew(yaml, in: briefs, base: name, ext: "yaml", reuseIdentical: true)
    }

    /// Writes a brief back to the saved brief it was opened from (`path`, in the briefs folder), as
    /// nano's ^S writes the file it opened: written aside and renamed over it; `.unchanged` when it
    /// holds exactly this text, `.updated` with what it recorded before.
    public func writeBack(_ yaml: String, to path: String) -> Result<Written, Failure> {
        guard Path.parent(path) == briefs else { return saveBrief(yaml, name: Path.stem(path)) }
        let data = Data(yaml.utf8)
        let old = FileManager.default.contents(atPath: path)
        if old == data { return .success(.unchanged(path)) }
        let tmp = Path.join(briefs, ".\(Path.stem(path)).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        if let problem = StateStore.writeSynced(data, to: tmp) { return .failure(Failure(description: "cannot write in \(briefs): \(problem)")) }
        guard rename(tmp, path) == 0 else {
            unlink(tmp)
            return .failure(Failure(description: "cannot save \(path): \(String(cString: strerror(errno)))"))
        }
        return .success(.updated(path, previous: old.flatMap { String(data: $0, encoding: .utf8) }.flatMap(RecordFile.recorded(in:))))
    }

    /// Keeps a brief nobody saved (quitting with changes) as a draft: never among the saved briefs.
    /// A brief opened from a draft (`continuing`) goes on in that draft, replaced whole (written beside
    /// it and renamed over it), so reopening a draft and quitting again does not pile up copies.
    public func saveDraft(_ yaml: String, name: String, continuing: String? = nil) -> Result<Written, Failure> {
        if let continuing, Path.parent(continuing) == drafts,
           FileManager.default.fileExists(atPath: continuing) {
            let data = Data(yaml.utf8)
            if FileManager.default.contents(atPath: continuing) == data { return .success(.unchanged(continuing)) }
            let tmp = continuing + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
            if let problem = StateStore.writeSynced(data, to: tmp) {
                return .failure(Failure(description: "cannot write in \(drafts): \(problem)"))
            }
            guard rename(tmp, continuing) == 0 else {
                unlink(tmp)
                return .failure(Failure(description: "cannot save \(continuing): \(String(cString: strerror(errno)))"))
            }
            return .success(.new(continuing))
        }
        if let refreshed = Self.refreshSameBrief(yaml, in: drafts, base: name) { return refreshed }
        return Self.writeNew(yaml, in: drafts, base: name, ext: "yaml", reuseIdentical: true)
    }

    /// The saved briefs, newest first, then the drafts, newest first.
    public func listAll(_ schema: BriefSchema) -> [SavedBrief] {
        listBriefs(schema) + listBriefs(schema, in: drafts).map { var b = $0; b.draft = true; return b }
    }

    /// Deletes a brief or draft the user confirmed; only a YAML file in the briefs or drafts folder.
    public func deleteBrief(_ path: String) -> Failure? {
        let folder = Path.parent(path)
        guard folder == briefs || folder == drafts, path.hasSuffix(".yaml") || path.hasSuffix(".yml") else {
            return Failure(description: "\(path) is not in \(briefs)")
        }
        if unlink(path) != 0 { return Failure(description: "cannot delete \(path): \(String(cString: strerror(errno)))") }
        return nil
    }

    /// The briefs in `folder` (default: the saved briefs), newest first. A file that cannot be read is
    /// listed with the reason (file and line), never removed.
    public func listBriefs(_ schema: BriefSchema, in folder: String? = nil) -> [SavedBrief] {
        let fm = FileManager.default
        let briefs = folder ?? self.briefs
        guard let names = try? fm.contentsOfDirectory(atPath: briefs) else { return [] }
        var out: [SavedBrief] = []
        for n in names where !n.hasPrefix(".") && (n.hasSuffix(".yaml") || n.hasSuffix(".yml")) {
            let path = Path.join(briefs, n)
            let modified = (try? fm.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
            do {
                // Read as a record: a brief saved with `decided:` (nnguide check --update) says what it decided.
                let file = try RecordFile.read(path, schema: schema)
                var saved = SavedBrief(path: path, values: file?.values ?? [:], problem: nil, modified: modified, order: schema.names)
                saved.recorded = file?.recorded
                out.append(saved)
            } catch {
                out.append(SavedBrief(path: path, values: nil, problem: error.description, modified: modified))
            }
        }
        return out.sorted { ($0.modified, $1.name) > ($1.modified, $0.name) }
    }

    /// A file name made of letters, digits, `.`, `_` and `-`.
    static func safe(_ name: String) -> String {
        let cleaned = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "-" })
        let trimmed = cleaned.trimmed(where: { $0 == "." || $0 == "-" })
        return trimmed.isEmpty ? "untitled" : String(trimmed.prefix(80))
    }

    /// The first of `base.yaml`, `base-2.yaml`, ... holding the same brief as `yaml` with another
    /// record, rewritten with `yaml` (written aside and renamed over it: only its `decided:` lines
    /// change); nil when there is none, or it already holds exactly this text.
    static func refreshSameBrief(_ yaml: String, in directory: String, base: String) -> Result<Written, Failure>? {
        let base = safe(base)
        let data = Data(yaml.utf8)
        for n in 1...9999 {
            let path = Path.join(directory, n == 1 ? "\(base).yaml" : "\(base)-\(n).yaml")
            guard let old = FileManager.default.contents(atPath: path) else { return nil }
            if old == data { return nil }
            guard let text = String(data: old, encoding: .utf8), RecordFile.sameBrief(text, yaml) else { continue }
            let tmp = Path.join(directory, ".\(base).tmp-\(ProcessInfo.processInfo.processIdentifier)")
            if let problem = StateStore.writeSynced(data, to: tmp) { return .failure(Failure(description: "cannot write in \(directory): \(problem)")) }
            guard rename(tmp, path) == 0 else {
                unlink(tmp)
                return .failure(Failure(description: "cannot save \(path): \(String(cString: strerror(errno)))"))
            }
            return .success(.updated(path, previous: RecordFile.recorded(in: text)))
        }
        return nil
    }

    static func writeNew(_ text: String, in directory: String, base: String, ext: String, reuseIdentical: Bool) -> Result<Written, Failure> {
        let fm = FileManager.default
        let data = Data(text.utf8)
        do { try fm.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            return .failure(Failure(description: "cannot create \(directory): \(error)"))
        }
        let base = safe(base)
        let tmp = Path.join(directory, ".\(base).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        if let problem = StateStore.writeSynced(data, to: tmp) {
            return .failure(Failure(description: "cannot write in \(directory): \(problem)"))
        }
        defer { unlink(tmp) }
        for n in 1...9999 {
            let path = Path.join(directory, n == 1 ? "\(base).\(ext)" : "\(base)-\(n).\(ext)")
            if fm.fileExists(atPath: path) {
                if reuseIdentical, fm.contents(atPath: path) == data { return .success(.unchanged(path)) }
                continue
            }
            // link() refuses to replace an existing file, so a name taken in the meantime is skipped, not lost.
            if link(tmp, path) == 0 { return .success(.new(path)) }
            if errno == EEXIST { continue }
            // File systems without hard links: rename, which is atomic but would replace, so check first.
            if !fm.fileExists(atPath: path), rename(tmp, path) == 0 { return .success(.new(path)) }
            return .failure(Failure(description: "cannot save \(path): \(String(cString: strerror(errno)))"))
        }
        return .failure(Failure(description: "too many files named \(base) in \(directory)"))
    }
}

