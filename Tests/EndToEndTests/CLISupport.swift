import Foundation
import Testing

/// Runs the built `nnguide` (`.build/debug/nnguide`; `make test` builds it before the suite).
enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = packageRoot.appendingPathComponent(".build/debug/nnguide").path
    static let mini = packageRoot.appendingPathComponent("Tests/NNGuideCoreTests/Fixtures/mini").path
    static let golden = packageRoot.appendingPathComponent("Tests/NNGuideCoreTests/Fixtures/golden")

    struct Result {
        var status: Int32
        var out: String
        var err: String
        var lines: [String] { out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Runs `nnguide ARGS` on the mini fixture (unless `content` is given) with a clean environment.
    static func run(_ args: [String], content: String? = mini, environment: [String: String] = [:]) throws -> Result {
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the binary first: `make test` or `swift build --product nnguide`")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args + (content.map { ["--content", $0] } ?? [])
        p.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"].merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        // Read before waiting, so a large output cannot fill the pipe and stall the child.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// A golden file of the renderer tests, without the `|` that marks line ends.
    static func golden(_ name: String) throws -> String {
        let framed = try String(contentsOf: golden.appendingPathComponent(name), encoding: .utf8)
        return framed.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.dropLast()) }.joined(separator: "\n")
    }

    /// A copy of the mini fixture to break.
    static func scratch(_ change: (String) throws -> Void) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-cli-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: mini, toPath: dir)
        try change(dir)
        return dir
    }
}
