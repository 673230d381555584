#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif
import NNGuideCore
import NNGuideUI

/// Reads and writes the reading state file. `update` never calls it: it asks for a save with
/// `Command.saveReading`, which the `CommandRunner` performs here (decision records and briefs are
/// written by `DecisionFiles`, the content cache by `ContentCache`). Writes are atomic (temp file +
/// rename), so a crash mid-write leaves the previous file whole; nothing here ever stops the app:
/// problems become warnings.
public struct StateStore: Sendable {
    public let directory: String
    public var file: String { Path.join(directory, "state.json") }

    public init(directory: String) { self.directory = directory }

    /// `$XDG_STATE_HOME/nnguide`, or `~/.local/state/nnguide`.
    public static func defaultDirectory(environment: Environment = .process) -> String {
        if let x = environment["XDG_STATE_HOME"], x.hasPrefix("/") {
            return Path.join(x, "nnguide")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? Environment.accountHome() ?? "/"
        return Path.join(Path.join(home, ".local/state"), "nnguide")
    }

    /// The saved state, or a fresh one with a one-line warning when the file cannot be used.
    /// A corrupt file is kept aside as `state.json.bak` so nothing is thrown away.
    ///
    /// Read with plain system calls and decoded by hand (`StateFile`): this runs before the
    /// explorer's first frame on every start, and FileManager, Data and JSONDecoder's first use there
    /// cost more than the rest of reading the state (BENCHMARKS.md).
    public func load() -> (state: ReadingState, warning: String?) {
        let (state, warning, _) = loadWithBytes()
        return (state, warning)
    }

    /// `load()`, with the file's bytes when they were read and decoded without a warning (nil when
    /// there is no file): the explorer's stored first frame is keyed on them (`StoredFrame`).
    public func loadWithBytes() -> (state: ReadingState, warning: String?, bytes: [UInt8]?) {
        decode(read())
    }

    /// The state file as read, before decoding: the explorer checks its stored first frame against
    /// the bytes and draws it before the state is decoded (`decode`), whose first use cost about
    /// 0.2 ms before the frame (BENCHMARKS.md, "The first frame, step by step").
    public enum Read: Sendable {
        case none, unreadable, bytes([UInt8])
        /// The bytes, when the file was there and read.
        public var bytes: [UInt8]? { if case .bytes(let b) = self { return b }; return nil }
    }

    /// Reads the file: none (no file or no folder, a first start), unreadable, or its bytes.
    public func read() -> Read {
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            // No file (or no folder) is a first start; a file that is there but unreadable is not.
            var st = stat()
            return stat(file, &st) != 0 ? .none : .unreadable
        }
        let bytes = FileIO.readAll(fd)
        close(fd)
        return bytes.map { .bytes($0) } ?? .unreadable
    }

    /// `loadWithBytes()` from what `read()` found: the state, or a fresh one with a warning; a corrupt
    /// file is kept aside as `state.json.bak`.
    public func decode(_ read: Read) -> (state: ReadingState, warning: String?, bytes: [UInt8]?) {
        let path = file
        let bytes: [UInt8]
        switch read {
        case .none: return (ReadingState(), nil, nil)
        case .unreadable: return (ReadingState(), "nnguide: cannot read the saved reading state; starting fresh (\(path))", nil)
        case .bytes(let b): bytes = b
        }
        if let state = StateFile.decode(bytes) { return (state, nil, bytes) }
        let fm = FileManager.default
        let bak = path + ".bak"
        try? fm.removeItem(atPath: bak)
        let kept = (try? fm.moveItem(atPath: path, toPath: bak)) != nil
        // The words that matter first: the in-app message line may cut the path off.
        return (ReadingState(), "nnguide: the saved reading state is corrupt; " + (kept ? "kept it as state.json.bak and " : "") + "starting fresh (\(directory))", nil)
    }

    /// Whether there is a file (readable or not) where the state is kept.
    public var hasFile: Bool {
        var st = stat()
        return stat(file, &st) == 0
    }

    /// The saved state and the file's bytes, without `load()`'s warnings or its keeping a corrupt file
    /// aside: nil unless the file is there, readable and well formed. (For the stored first frame,
    /// written on the way out, where nothing can be shown.)
    public func peek() -> (state: ReadingState, bytes: [UInt8])? {
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard let bytes = FileIO.readAll(fd), let state = StateFile.decode(bytes) else { return nil }
        return (state, bytes)
    }

    /// Writes atomically; returns a one-line warning instead of throwing.
    @discardableResult
    public func save(_ state: ReadingState) -> String? {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(state)
            let tmp = file + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
            if let problem = Self.writeSynced(data, to: tmp) {
                return "nnguide: reading state not saved: \(problem) (\(directory))"
            }
            if rename(tmp, file) != 0 {
                let err = String(cString: strerror(errno))
                try? fm.removeItem(atPath: tmp)
                return "nnguide: reading state not saved: \(err) (\(file))"
            }
            return nil
        } catch {
            return "nnguide: reading state not saved: \(error) (\(directory))"
        }
    }

    /// Writes and flushes to disk before the rename, so the renamed file is never half-written.
    static func writeSynced(_ data: Data, to path: String) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        var failure = data.withUnsafeBytes { FileIO.writeAll(fd, $0) }.map { String(cString: strerror($0)) }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if failure != nil { unlink(path) }
        return failure
    }
}
