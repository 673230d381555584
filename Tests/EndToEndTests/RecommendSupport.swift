import Foundation
import NNGuideCore

/// Runs the built `nnguide` (make test builds it first) against the plan fixture plus the real
/// decisions.yaml, so the command is tested on the decision data without depending on page wording.
enum RecommendRun {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/nnguide").path

    static let content: String = {
        // Under .build so repeated runs reuse one folder instead of littering /tmp.
        let dir = root.appendingPathComponent(".build/test-fixtures/recommend-content-\(getpid())").path
        try? FileManager.default.removeItem(atPath: dir)
        try? FileManager.default.createDirectory(atPath: (dir as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? FileManager.default.copyItem(atPath: root.appendingPathComponent("Tests/Fixtures/PlanContent").path, toPath: dir)
        try? FileManager.default.copyItem(atPath: root.appendingPathComponent("Content/decisions.yaml").path, toPath: dir + "/decisions.yaml")
        // The real decisions cite the real bibliography.
        try? FileManager.default.copyItem(atPath: root.appendingPathComponent("Content/sources.yaml").path, toPath: dir + "/sources.yaml")
        return dir
    }()

    static var book: DecisionBook { (try? ContentLoader.load(directory: content))?.decisions ?? DecisionBook() }

    struct Result { var status: Int32; var out: String; var err: String }

    /// `content: false` leaves out `--content` (the caller passes its own folder).
    static func run(_ args: [String], content useFixture: Bool = true) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "\(binary) is missing: run `swift build --product nnguide` (make test does)"])
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["recommend"] + (useFixture ? ["--content", content] : []) + args
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = try FileHandle(forWritingTo: errFile)
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let err = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
        return Result(status: p.terminationStatus, out: String(decoding: data, as: UTF8.self), err: err)
    }

    static func json(_ args: [String]) throws -> [String: Any] {
        let r = try run(args + ["--format", "json"])
        guard r.status == 0, let o = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any] else {
            throw CocoaError(.coderInvalidValue, userInfo: [NSLocalizedDescriptionKey: "status \(r.status): \(r.err)"])
        }
        return o
    }

    static func briefFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("brief-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
