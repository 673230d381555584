import Foundation

/// The figures issues 15 and 25 ask for, collected while `make bench` runs and put side by side at the end
/// (`summary`). Every measuring command appends its key numbers to the figures file (`--figures
/// FILE`) as tab-separated lines: `kind`, the label it ran under, then names and numbers. The summary
/// reads them back by the labels Tests/Benchmarks/run.sh uses (`Labels`), so one run gives one table.
enum Figures {
    nonisolated(unsafe) static var file: String?

    static func record(_ fields: [String]) {
        guard let file, let h = FileHandle(forWritingAtPath: file) ?? {
            FileManager.default.createFile(atPath: file, contents: nil)
            return FileHandle(forWritingAtPath: file)
        }() else { return }
        h.seekToEndOfFile()
        h.write(Data((fields.joined(separator: "\t") + "\n").utf8))
        try? h.close()
    }

    static func read(_ path: String) -> [[String]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }
}

/// The labels run.sh gives the runs the summary reads.
enum Labels {
    /// The warm start: a returning reader, the compiled guide; beside it the same binary without its
    /// stored home frame (`@noframe`).
    static let warm = "1x (Content/)"
    /// With the example overlay (`@overlay=`) against without, the same rounds.
    static let overlay = "1x, example overlay"
    static let fresh = "1x, fresh account"
    /// The first start after an edit: `@edited` (the cache from before the edit) and `@nocache` rows.
    static let edited = "1x, one page edited"
    static let keys = "static 1x"
    /// `nnguide lint` cold (`NNGUIDE_CACHE=off`: every file parsed).
    static let lint = "lint 100x, no cache"
    static let lint1 = "lint 1x, no cache"
    /// `nnguide lint` after one page file is edited, the per-file cache from before the edit present.
    static let lintEdited = "lint 100x, one page edited"
    static let tocEdited = "toc 1x, one page edited"
    static let tocEdited100 = "toc 100x, one page edited"
}

/// `nnguide lint` timed from the outside (wall clock of the whole process, as an author waits for it).
enum LintTiming {
    static func measure(_ binary: String, content: String, runs: Int) -> (times: [Double], peakKiB: Double, status: Int32) {
        var times: [Double] = []
        var peak = 0.0
        var last: Int32 = 0
        for _ in 0..<runs {
            let r = timedRun([binary, "lint", "--content", content], environment: ProcessInfo.processInfo.environment)
            if r.status == 127 { return ([], .nan, 127) }
            times.append(r.seconds)
            peak = max(peak, r.peakKiB)
            last = r.status
        }
        return (times, peak, last)
    }
}

/// What the executable is made of: the file, what is loaded (allocated sections) and, within that,
/// the symbols by the library they come from (`nm -S`). Symbols are grouped by their Swift module
/// (from the mangled name) or by the C and C++ libraries' prefixes.
enum ExecutableParts {
    static func run(_ tool: String, _ args: [String]) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle(forWritingAtPath: "/dev/null")
        guard (try? p.run()) != nil else { return "" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func part(_ name: String) -> String {
        if name.hasPrefix("icudt") { return "ICU data" }
        if name.contains("icu_") || name.hasSuffix("_76") || name.hasPrefix("ucol") || name.hasPrefix("ubrk") { return "ICU code" }
        if name.hasPrefix("$s") || name.hasPrefix("_$s") {
            let rest = name.drop(while: { $0 != "s" }).dropFirst()
            if rest.first == "s" || rest.hasPrefix("S") { return "Swift standard library" }
            let digits = rest.prefix(while: \.isNumber)
            guard let n = Int(digits) else { return "Swift, other" }
            let module = String(rest.dropFirst(digits.count).prefix(n))
            switch module {
            case "NNGuideCore", "NNGuideUI", "nnguide", "NNGuideTerminal": return "nnguide's own code"
            case "Foundation", "FoundationEssentials", "FoundationInternationalization", "_FoundationCollections",
                 "FoundationNetworking", "_FoundationCShims", "FoundationXML": return "Swift Foundation"
            case "Yams": return "Yams and libyaml"
            case "ArgumentParser", "ArgumentParserToolInfo": return "ArgumentParser"
            case "_RegexParser", "_StringProcessing": return "Swift regex (_StringProcessing)"
            case "Algorithms", "RealModule", "_NumericsShims", "_RopeModule", "InternalCollectionsUtilities": return "swift-collections, swift-algorithms"
            default:
                if module.contains("Collection") || module.contains("Deque") || module.contains("Heap") || module.contains("Hash") || module.contains("BitCollections") {
                    return "swift-collections, swift-algorithms"
                }
                if module.hasPrefix("Swift") || module.hasPrefix("_Swift") || module.hasPrefix("_Concurrency") { return "Swift standard library" }
                return "Swift, other (\(module))"
            }
        }
        if name.hasPrefix("yaml_") { return "Yams and libyaml" }
        if name.hasPrefix("swift_") || name.hasPrefix("_swift") || name.hasPrefix("_ZN5swift") || name.hasPrefix("_ZNSt") || name.hasPrefix("_ZSt")
            || name.hasPrefix("__cxa") || name.hasPrefix("_ZTV") || name.hasPrefix("_ZTI") || name.hasPrefix("_ZTS") { return "Swift runtime, C++ support" }
        if name.hasPrefix("CF") || name.hasPrefix("_CF") || name.hasPrefix("__CF") || name.hasPrefix("kCF") || name.hasPrefix("dispatch")
            || name.hasPrefix("_dispatch") || name.hasPrefix("_os_") { return "CoreFoundation, libdispatch" }
        return "C library, ncursesw, other"
    }

    static func fileSize(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }

    /// The size `make install` installs: a copy stripped as it strips it (0 when `strip` fails).
    static func stripped(_ binary: String) -> Int {
        let copy = NSTemporaryDirectory() + "nnguide-bench-stripped-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        _ = run("strip", ["-o", copy, binary])
        return fileSize(copy)
    }

    /// (part, bytes) largest first, with the file's size, its size stripped and its loaded size.
    static func measure(_ binary: String) -> (file: Int, stripped: Int, loaded: Int, unwind: Int, parts: [(String, Int)]) {
        let file = fileSize(binary)
        var loaded = 0, unwind = 0
        // `readelf -SW`: [Nr] Name Type Address Off Size ES Flg ...; allocated sections carry A.
        for line in run("readelf", ["-SW", binary]).split(separator: "\n") {
            guard let close = line.firstIndex(of: "]") else { continue }
            let f = line[line.index(after: close)...].split(separator: " ")
            guard f.count >= 7, let size = Int(f[4], radix: 16), f.dropFirst(6).contains(where: { $0.contains("A") && $0.allSatisfy(\.isLetter) }) else { continue }
            if f[1] == "NOBITS" { continue }
            loaded += size
            if f[0].hasPrefix(".eh_frame") || f[0] == ".gcc_except_table" { unwind += size }
        }
        var parts: [String: Int] = [:]
        for line in run("nm", ["-S", "--defined-only", binary]).split(separator: "\n") {
            let f = line.split(separator: " ")
            guard f.count == 4, let size = Int(f[1], radix: 16), "bBdDrRtTvVwW".contains(f[2]) else { continue }
            if f[2] == "b" || f[2] == "B" { continue }   // zero-filled: takes no room in the file
            parts[part(String(f[3])), default: 0] += size
        }
        return (file, stripped(binary), loaded, unwind, parts.sorted { $0.value > $1.value })
    }
}
