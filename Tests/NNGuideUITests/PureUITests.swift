import Foundation
import Testing

/// Issue 22: NNGuideUI is pure. It touches no file and reads no environment: what it needs from the
/// world comes in (the reading state, the home folder, the whole guide) and what it wants done goes
/// out as a `Command`, which NNGuideEffects runs for the loop. This scan of its source fails on a
/// way to the file system or the environment: the C library (whose `open`, `stat`, `mkdir`,
/// `rename`, `unlink`, `getenv` need its import), Foundation's file types, the modules that do I/O,
/// and NNGuideCore's own I/O (the content cache and loader, the process environment).
@Suite struct PureUITests {
    /// Modules that give file or environment access; NNGuideUI imports none of them. (Foundation, the
    /// fallback where FoundationEssentials is missing, is held to `names` like FoundationEssentials.)
    static let modules: Set<String> = ["Glibc", "Darwin", "Musl", "Bionic", "Android", "ucrt", "WinSDK", "WASILibc",
                                       "NNGuideEffects", "NNGuideTerminal", "CNcursesw"]

    /// Names that reach a file or the environment from what NNGuideUI may import (FoundationEssentials,
    /// NNGuideCore), as whole words of code (not comments or strings).
    static let names: Set<String> = [
        "FileManager", "FileHandle", "ProcessInfo", "CommandLine", "URL", "contentsOfFile", "atPath", "toFile",
        "fopen", "open", "read", "write", "stat", "fstat", "lstat", "mkdir", "rename", "unlink", "opendir", "readdir",
        "getenv", "setenv", "environ", "realpath", "getcwd", "access",
        "ProcessEnvironment", "accountHome", "ContentCache", "ContentLoader", "ContentLocator", "CompiledGuide",
        "OverlayReading", "OverlayEntries", "StandardStream",
    ]
    /// Those that are also ordinary method names (a view's `open(hit)`): refused only as a free call,
    /// not after a dot (but `Glibc.read`) or as a declaration. A free C call cannot compile without
    /// `modules` anyway.
    static let methodNames: Set<String> = ["open", "read", "write", "access"]

    /// "File.swift:LINE: what" for each way to the world in one file.
    static func problems(in source: String, file: String) -> [String] {
        var out: [String] = []
        let code = SwiftSource(source).code
        for (n, line) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("import ") || text.contains(" import ") {
                let module = text.split(separator: " ").last.map(String.init) ?? ""
                if modules.contains(module) { out.append("\(file):\(n + 1): imports \(module)") }
                continue
            }
            let chars = Array(line)
            var i = 0
            while i < chars.count {
                guard chars[i].isLetter || chars[i] == "_" else { i += 1; continue }
                let start = i
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { i += 1 }
                let word = String(chars[start..<i])
                guard names.contains(word) else { continue }
                if methodNames.contains(word) {
                    let before = String(chars[..<start]).trimmingCharacters(in: .whitespaces)
                    let call = i < chars.count && chars[i] == "("
                    let qualified = modules.contains { before.hasSuffix($0 + ".") }
                    if !call || (before.hasSuffix(".") && !qualified) || before.hasSuffix("func") { continue }
                    // A call of the type's own method (`open(all[i])` in SearchView) is written the same way:
                    // refused only where the file declares no such method.
                    if !qualified, source.contains("func \(word)(") { continue }
                }
                out.append("\(file):\(n + 1): \(word)")
            }
            if line.contains("Environment.process") { out.append("\(file):\(n + 1): Environment.process") }
        }
        return out
    }

    @Test func noUISourceTouchesAFileOrTheEnvironment() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/NNGuideUI").standardizedFileURL
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }.sorted()
        #expect(files.count > 30, "found only \(files.count) sources under \(root.path)")
        var found: [String] = []
        for file in files {
            found += Self.problems(in: try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8), file: file)
        }
        #expect(found.isEmpty, "NNGuideUI reaches files or the environment; do it in NNGuideEffects and pass the result in:\n\(found.joined(separator: "\n"))")
    }

    /// The scan must catch what it is for (the stored frame's file code as it was in NNGuideUI, the
    /// home folder read from the environment) and let a view's own `open` and words in text through.
    @Test func theScanFindsFileAndEnvironmentAccess() {
        let was = """
        #if canImport(Glibc)
        import Glibc
        #endif
        import NNGuideCore
        enum StoredFrame {
            static func read(_ path: String) -> [UInt8]? {
                let fd = open(path, O_RDONLY | O_CLOEXEC)
                var st = stat()
                guard fstat(fd, &st) == 0 else { return nil }
                let n = Glibc.read(fd, nil, 0)
                mkdir("x", 0o755); unlink("y")
                return nil
            }
            static func fileName(_ path: String, home: String? = ProcessEnvironment.current["HOME"]) -> String { path }
            static let cwd = FileManager.default.currentDirectoryPath
            static let env = Environment.process["TERM"]
        }
        """
        let found = Self.problems(in: was, file: "f").map { $0.split(separator: " ", maxSplits: 1).last.map(String.init) ?? "" }
        #expect(found == ["imports Glibc", "open", "stat", "fstat", "read", "mkdir", "unlink", "ProcessEnvironment", "FileManager", "Environment.process"], "\(found)")
        let pure = """
        struct SearchView {
            mutating func open(_ hit: Int) -> Int { hit }
            mutating func pick() -> Int { open(3) + reader.open(p, context) }
            // open(path) in a comment, and in text:
            let m = "Could not open the file; stat it"
            let n = "Saved \\(ctx.fileName(path))"
        }
        """
        #expect(Self.problems(in: pure, file: "f").isEmpty, "\(Self.problems(in: pure, file: "f"))")
    }
}
