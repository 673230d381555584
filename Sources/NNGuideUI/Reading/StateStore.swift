import Foundation
import NNGuideCore

/// Reads and writes the reading state file. `update` never calls it: it asks for a save with
/// `Command.saveReading`, which the `CommandRunner` performs here (decision records and briefs are
/// written by `DecisionFiles`, the content cache by `ContentCache`). Writes are atomic (temp file +
/// rename), so a crash mid-write leaves the previous file whole; nothing here ever stops the app:
/// problems become warnings.
public struct StateStore: Sendable {
    public let directory: String
    public var file: String { (directory as NSString).appendingPathComponent("state.json") }

    public init(directory: String) { self.directory = directory }

    /// `$XDG_STATE_HOME/nnguide`, or `~/.local/state/nnguide`.
    public static func defaultDirectory(environment: [String: String] = ProcessEnvironment.current) -> String {
        if let x = environment["XDG_STATE_HOME"], x.hasPrefix("/") {
            return (x as NSString).appendingPathComponent("nnguide")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return ((home as NSString).appendingPathComponent(".local/state") as NSString).appendingPathComponent("nnguide")
    }

    /// The saved state, or a fresh one with a one-line warning when the file cannot be used.
    /// A corrupt file is kept aside as `state.json.bak` so nothing is thrown away.
    public func load() -> (state: ReadingState, warning: String?) {
        let fm = FileManager.default
        guard fm.fileExists(atPath: file) else { return (ReadingState(), nil) }
        guard let data = fm.contents(atPath: file) else {
            return (ReadingState(), "nnguide: cannot read the saved reading state; starting fresh (\(file))")
        }
        do {
            return (try JSONDecoder().decode(ReadingState.self, from: data), nil)
        } catch {
            let bak = file + ".bak"
            try? fm.removeItem(atPath: bak)
            let kept = (try? fm.moveItem(atPath: file, toPath: bak)) != nil
            // The words that matter first: the in-app message line may cut the path off.
            return (ReadingState(), "nnguide: the saved reading state is corrupt; " + (kept ? "kept it as state.json.bak and " : "") + "starting fresh (\(directory))")
        }
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
            return "nnguide: reading state not saved: \(error.localizedDescription) (\(directory))"
        }
    }

    /// Writes and flushes to disk before the rename, so the renamed file is never half-written.
    static func writeSynced(_ data: Data, to path: String) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        var failure: String?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; failure = String(cString: strerror(errno)); return }
                offset += n
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if failure != nil { unlink(path) }
        return failure
    }
}
