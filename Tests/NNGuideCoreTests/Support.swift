import Foundation
import Testing
@testable import NNGuideCore

enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// A small, complete guide whose wording never changes: the base of loader, search and renderer tests.
    static let mini = folder.appendingPathComponent("mini").path
    static let golden = folder.appendingPathComponent("golden")
    static let packageRoot = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let realContent = packageRoot.appendingPathComponent("Content").path

    static func miniGuide() throws -> Guide {
        do { return try ContentLoader.load(directory: mini) } catch { throw error }
    }
}

/// A throwaway copy of the mini fixture, to break on purpose.
final class ScratchContent {
    let dir: String

    init(copying source: String = Fixtures.mini) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: source, toPath: dir)
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func path(_ file: String) -> String { (dir as NSString).appendingPathComponent(file) }

    func text(_ file: String) throws -> String { try String(contentsOfFile: path(file), encoding: .utf8) }

    func write(_ file: String, _ text: String) throws { try text.write(toFile: path(file), atomically: true, encoding: .utf8) }

    /// Replaces text that must be there (so a fixture change cannot silently make a test vacuous).
    func edit(_ file: String, _ old: String, _ new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let t = try text(file)
        try #require(t.contains(old), "fixture \(file) no longer contains \(old)", sourceLocation: sourceLocation)
        try write(file, t.replacingOccurrences(of: old, with: new))
    }

    func append(_ file: String, _ more: String) throws { try write(file, try text(file) + more) }

    /// 1-based number of the first line containing `needle`.
    func line(of needle: String, in file: String) throws -> Int {
        let lines = try text(file).components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.contains(needle) }) + 1
    }

    func problems() -> [ContentProblem] { ContentLoader.lint(directory: dir) }
}
