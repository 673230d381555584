import Foundation
import Testing

/// The shipped binary links no ICU (issue 25): Foundation proper brings FoundationInternationalization
/// and _FoundationICU (about half of the static binary), FoundationEssentials does not. So a shipped
/// source file imports Foundation only in the `#else` of `#if canImport(FoundationEssentials)` (for
/// platforms without it), and Yams (which imports Foundation) not at all. Every folder of Sources/
/// counts as shipped except the benchmark tool, so a new target is checked without being listed.
@Suite struct ShippedImportsTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources").path
    static let notShipped: Set<String> = ["nnguide-bench"]

    /// "Target/File.swift:LINE: what is wrong" for each import that would bring ICU back.
    static func problems(in text: String, file: String) -> [String] {
        var out: [String] = []
        var inEssentialsElse = false, inEssentialsIf = false
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line == "#if canImport(FoundationEssentials)" { inEssentialsIf = true; continue }
            if line == "#else", inEssentialsIf { inEssentialsIf = false; inEssentialsElse = true; continue }
            if line.hasPrefix("#endif") { inEssentialsIf = false; inEssentialsElse = false; continue }
            guard line.hasPrefix("import ") || line.hasPrefix("@_exported import ") || line.hasPrefix("@preconcurrency import ") else { continue }
            let module = line.split(separator: " ").last.map(String.init) ?? ""
            if module == "Yams" {
                out.append("\(file):\(n + 1): imports Yams (only a test dependency; content is read with YAMLReader)")
            } else if module.hasPrefix("Foundation"), module != "FoundationEssentials", !inEssentialsElse {
                out.append("\(file):\(n + 1): imports \(module) outside `#if canImport(FoundationEssentials) ... #else` (links ICU)")
            }
        }
        return out
    }

    @Test func noShippedFileImportsFoundationOrYams() throws {
        let fm = FileManager.default
        let targets = try fm.contentsOfDirectory(atPath: Self.sources).filter { !Self.notShipped.contains($0) }.sorted()
        #expect(targets.contains("NNGuideCore") && targets.contains("nnguide"), "Sources/ not found at \(Self.sources)")
        var checked = 0, problems: [String] = []
        for target in targets {
            let folder = Self.sources + "/" + target
            for file in (fm.subpaths(atPath: folder) ?? []) where file.hasSuffix(".swift") {
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                problems += Self.problems(in: text, file: target + "/" + file)
                checked += 1
            }
        }
        #expect(checked > 50)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// The checker itself: what it lets through and what it refuses.
    @Test func theCheckRefusesABareImportAndAcceptsTheFallback() {
        let fallback = "#if canImport(FoundationEssentials)\nimport FoundationEssentials\nimport Glibc\n#else\nimport Foundation\n#endif\nimport NNGuideCore\n"
        #expect(Self.problems(in: fallback, file: "f").isEmpty)
        #expect(Self.problems(in: "import Foundation\n", file: "f") == ["f:1: imports Foundation outside `#if canImport(FoundationEssentials) ... #else` (links ICU)"])
        #expect(Self.problems(in: "import ArgumentParser\nimport Yams\n", file: "f").count == 1)
        #expect(Self.problems(in: fallback + "import FoundationInternationalization\n", file: "f").count == 1)
        // An unrelated #if's #else is not the fallback.
        #expect(Self.problems(in: "#if os(Linux)\nimport Glibc\n#else\nimport Foundation\n#endif\n", file: "f").count == 1)
    }
}
