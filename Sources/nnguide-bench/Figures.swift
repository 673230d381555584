import Foundation

/// The figures issue 15 asks for, collected while `make bench` runs and put side by side at the end
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
    static let warm = "1x (Content/)"
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

    /// (part, bytes) largest first, with the file's size and its loaded size.
    static func measure(_ binary: String) -> (file: Int, loaded: Int, unwind: Int, parts: [(String, Int)]) {
        let file = (try? FileManager.default.attributesOfItem(atPath: binary)[.size] as? Int) ?? 0
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
        return (file, loaded, unwind, parts.sorted { $0.value > $1.value })
    }
}

/// The table of issue 15 from one run's figures: each figure, `less` beside it where it applies, the
/// target and whether it is met (or by how much it is missed).
enum Summary {
    static func make(_ rows: [[String]]) -> String {
        func frame(_ label: String, _ name: String) -> (median: Double, peak: Double)? {
            guard let r = rows.last(where: { $0.count >= 5 && $0[0] == "frame" && $0[1] == label && $0[2] == name }),
                  let m = Double(r[3]), let p = Double(r[4]) else { return nil }
            return (m, p)
        }
        func value(_ kind: String, _ label: String, _ i: Int) -> Double? {
            rows.last(where: { $0.count > i && $0[0] == kind && $0[1] == label }).flatMap { Double($0[i]) }
        }
        func ratio(_ a: Double, _ b: Double) -> String { String(format: "%.2fx", a / b) }
        var out: [[String]] = []
        let missing = ["n/a (not measured in this run)", "", "", ""]

        if let w = frame(Labels.warm, "static"), let l = frame(Labels.warm, "less") {
            let met = w.median <= l.median
            out.append(["warm first frame / `less` first frame", "\(msText(w.median)): **\(ratio(w.median, l.median))**", msText(l.median),
                        "<= 1.0x", met ? "yes" : "no, \(msText(w.median - l.median)) over"])
        } else { out.append(["warm first frame / `less` first frame"] + missing) }

        if let f = frame(Labels.fresh, "static, fresh account"), let w = frame(Labels.fresh, "static"), let l = frame(Labels.fresh, "less") {
            let r = f.median / w.median
            out.append(["first start on a fresh account / warm start", "\(msText(f.median)) against \(msText(w.median)): **\(ratio(f.median, w.median))**",
                        "\(msText(l.median)) (\(ratio(f.median, l.median)))", "<= 1.5x", r <= 1.5 ? "yes" : "no"])
        } else { out.append(["first start on a fresh account / warm start"] + missing) }

        func edited(_ label: String, _ name: String) -> Double? {
            rows.last(where: { $0.count >= 4 && $0[0] == "edited" && $0[1] == label && $0[2] == name }).flatMap { Double($0[3]) }
        }
        if let e = frame(Labels.edited, "static, one page edited"), let l = frame(Labels.edited, "less") {
            var text = "**\(msText(e.median))** first frame (cache from before the edit)"
            if let n = frame(Labels.edited, "static, no cache") { text += "; no cache at all \(msText(n.median))" }
            if let t = edited(Labels.tocEdited, "static") { text += "; whole edited guide loaded and checked (`toc`): \(msText(t))" }
            if let t = edited(Labels.tocEdited100, "static") { text += " (100x: \(msText(t)))" }
            out.append(["first start after editing one content file, 1x", text, "\(msText(l.median)) (\(ratio(e.median, l.median)))",
                        "< 50 ms", e.median < 0.05 ? "yes" : "no, \(msText(e.median - 0.05)) over"])
        } else { out.append(["first start after editing one content file, 1x"] + missing) }

        let lint1 = value("lint", Labels.lint1, 2)
        let lintCold = value("lint", Labels.lint, 2)
        if let t = edited(Labels.lintEdited, "static") {
            var text = "**\(msText(t))** after editing one page (per-file cache)"
            if let c = lintCold { text += "; cold (`NNGUIDE_CACHE=off`) \(msText(c))" }
            if let c = lint1 { text += ", 1x cold \(msText(c))" }
            out.append(["`nnguide lint`, 100x", text, "", "< 2 s", t < 2 ? "yes" : "no, \(msText(t - 2)) over"])
        } else if let t = lintCold {
            out.append(["`nnguide lint`, 100x", "**\(msText(t))** cold" + (lint1.map { " (1x: \(msText($0)))" } ?? ""), "", "< 2 s",
                        t < 2 ? "yes" : "no, \(msText(t - 2)) over"])
        } else { out.append(["`nnguide lint`, 100x"] + missing) }

        if let peak = value("keys", Labels.keys, 2) {
            let first = frame(Labels.warm, "static")?.peak
            let lessPeak = frame(Labels.warm, "less")?.peak
            let target = 16e6 / 1024
            let anon = value("keys", Labels.keys, 3), file = value("keys", Labels.keys, 4)
            var text = "**\(mibText(peak))** (\(String(format: "%.1f MB", peak * 1024 / 1e6)))"
            if let first { text += "; \(mibText(first)) at the first frame" }
            if let anon, let file { text += "; private \(mibText(anon)), executable and mapped files \(mibText(file))" }
            out.append(["peak resident memory, whole guide, every view used", text, lessPeak.map(mibText) ?? "",
                        "< 16 MB", peak < target ? "yes" : String(format: "no, %.1f MB over", (peak - target) * 1024 / 1e6)])
        } else { out.append(["peak resident memory, whole guide, every view used"] + missing) }

        if let total = value("size", "file", 2), let loaded = value("size", "loaded", 2) {
            let parts = rows.filter { $0.count >= 4 && $0[0] == "size" && $0[1] == "part" }
                .prefix(4).map { "\($0[2]) \(String(format: "%.1f", (Double($0[3]) ?? 0) / 1048576))" }.joined(separator: ", ")
            out.append(["shipped executable", String(format: "**%.1f MB** (%.1f MiB); %.1f MiB loaded: %@ MiB ...", total / 1e6, total / 1048576, loaded / 1048576, parts),
                        "", "report it", "reported below"])
        } else { out.append(["shipped executable"] + missing) }

        return table(["figure", "measured", "`less`, same rounds", "target", "met?"], out)
    }
}
