import Foundation
import NNGuideCore

/// `nnguide-bench`: what `make bench` (Tests/Benchmarks/run.sh) runs. Every command prints Markdown
/// that BENCHMARKS.md quotes; `--out FILE` appends it to FILE as well.
///
///   gen SOURCE SCALE OUT                    synthetic content SCALE times the size of SOURCE
///   frames LABEL RUNS CONTENT LESSFILE NAME=BINARY[@nocache|@fresh|@edited|@noframe|@overlay=DIR]...
///                                           time to first frame and peak memory, side by side with less
///   keys NAME=BINARY CONTENT                key to finished redraw in a pseudo-terminal
///   inproc CONTENT CACHEDIR RUNS            loading, search and update+render inside one process
///   flips CONTENT RUNS                      what would change the pick: the analysis of one brief
///   lint LABEL RUNS BINARY CONTENT          `nnguide lint` timed from the outside, no cache (cold)
///   edited LABEL RUNS CONTENT SUBCOMMAND NAME=BINARY[@cold]...
///                                           `nnguide lint` or `toc` after one page file is edited,
///                                           the cache from before the edit put back each round
///   inproc-edited CONTENT RUNS              the same inside one process: load and lint after an edit
///   size BINARY                             what the executable is made of
///   summary FIGURES                         issue 25's table from the figures of one run
///   trace ARGV...                           what a program writes, when (for finding where time goes)
///
/// `--figures FILE` appends each command's key numbers to FILE for `summary` (Figures.swift).

var args = Array(CommandLine.arguments.dropFirst())
if let i = args.firstIndex(of: "--out"), i + 1 < args.count {
    let path = args[i + 1]
    if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
    Output.shared.file = FileHandle(forWritingAtPath: path)
    Output.shared.file?.seekToEndOfFile()
    args.removeSubrange(i...(i + 1))
}
if let i = args.firstIndex(of: "--figures"), i + 1 < args.count {
    Figures.file = args[i + 1]
    args.removeSubrange(i...(i + 1))
}

func usage() -> Never {
    FileHandle.standardError.write(Data("usage: see the comment at the top of Sources/nnguide-bench/main.swift\n".utf8))
    exit(64)
}

/// A scratch HOME per command, so state and caches never come from the user's own.
func scratchHome(_ label: String) -> String {
    let dir = NSTemporaryDirectory() + "nnguide-bench-\(label)-\(getpid())"
    try? FileManager.default.createDirectory(atPath: dir + "/state", withIntermediateDirectories: true)
    return dir
}

func named(_ spec: String) -> (name: String, path: String) {
    guard let eq = spec.firstIndex(of: "=") else { return (spec, spec) }
    return (String(spec[..<eq]), String(spec[spec.index(after: eq)...]))
}

switch args.first {
case "gen":
    guard args.count == 4, let scale = Int(args[2]) else { usage() }
    let t0 = now()
    let (bytes, sourceBytes) = try Generate.run(from: args[1], scale: scale, to: args[3])
    say(String(format: "generated x%d in %@: %.1f MB of YAML, %.1fx the %.0f kB of %@ (%.1f s)",
               scale, args[3], Double(bytes) / 1e6, Double(bytes) / Double(sourceBytes), Double(sourceBytes) / 1e3, args[1], now() - t0))

case "frames":
    guard args.count >= 6, let runs = Int(args[2]) else { usage() }
    let (label, content, lessFile) = (args[1], args[3], args[4])
    let home = scratchHome("frames")
    var env = baseEnvironment(home: home)
    env["NNGUIDE_CONTENT"] = content
    // less shows the source text; its first screen ends with the file name in the prompt.
    var variants = [Variant(name: "less", argv: ["less", lessFile], environment: env, expect: (lessFile as NSString).lastPathComponent)]
    // nnguide starts as a returning reader would: a saved place, bookmarks and pages read.
    var seeded = false
    let edit = EditRound(content: content)
    var snapshots: [CacheSnapshot] = []
    for (i, spec) in args.dropFirst(5).enumerated() {
        var (name, path) = named(spec)
        var venv = env
        var prepare: (() -> Void)?
        if path.hasSuffix("@nocache") {   // no cache at all: every start parses and checks the YAML
            path.removeLast("@nocache".count)
            venv[ContentCache.environmentVariable] = "off"
            name += ", no cache"
        } else if path.hasSuffix("@edited"), let edit {
            // The first start after an edit: one page file edited, the cache from before the edit
            // (its own folder, saved after a start) put back before every round.
            path.removeLast("@edited".count)
            let snapshot = CacheSnapshot(folder: home + "/cache-edited-\(i)")
            venv[ContentCache.environmentVariable] = snapshot.folder
            edit.restore()
            _ = timedRun([path, "toc", "--content", content], environment: venv)
            snapshot.save()
            snapshots.append(snapshot)
            prepare = { snapshot.restore(); edit.edit() }
            name += ", one page edited"
        } else if path.hasSuffix("@fresh") {
            // A new account, every round: empty cache and state folders (what the previous round
            // wrote on its way out is removed), so only what the build compiled is there to read.
            path.removeLast("@fresh".count)
            let fresh = home + "/fresh-\(i)"
            venv["XDG_CACHE_HOME"] = fresh + "/cache"
            venv["XDG_STATE_HOME"] = fresh + "/state"
            prepare = { try? FileManager.default.removeItem(atPath: fresh) }
            name += ", fresh account"
        } else if path.hasSuffix("@noframe") {
            // The warm start without the home screen stored on the way out (`StoredFrame`): the same
            // binary, state and cache, its `.frame` files removed before every round.
            path.removeLast("@noframe".count)
            let folder = env["XDG_CACHE_HOME"]! + "/nnguide"
            prepare = {
                for f in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where f.hasSuffix(".frame") {
                    try? FileManager.default.removeItem(atPath: folder + "/" + f)
                }
            }
            name += ", no stored frame"
        } else if let at = path.range(of: "@overlay=") {   // with an overlay folder (NNGUIDE_OVERLAY)
            venv["NNGUIDE_OVERLAY"] = String(path[at.upperBound...])
            path = String(path[..<at.lowerBound])
            name += ", overlay " + (venv["NNGUIDE_OVERLAY"]! as NSString).lastPathComponent
        }
        if !seeded, (path as NSString).lastPathComponent.hasPrefix("nnguide") {
            seeded = ReturningReader.seed(binary: path, content: content, environment: env, stateHome: env["XDG_STATE_HOME"]!)
            if !seeded { say("  ! could not write a reading state for the runs; they start as a first-time reader") }
        }
        variants.append(Variant(name: name, argv: [path], environment: venv, expect: "Contents", prepare: prepare))
    }
    let results = FirstFrame.measure(variants, rounds: runs)
    if !snapshots.isEmpty { edit?.restore() }
    for s in snapshots { s.remove() }
    let less = results[0].frame.median
    var rows: [[String]] = []
    for (v, r) in zip(variants, results) {
        Figures.record(["frame", label, v.name, "\(r.frame.median)", "\(r.peakKiB.median)"])
        rows.append([v.name, msText(r.frame.median), msText(r.frame.p90), String(format: "%.2f", r.frame.median / less),
                     mibText(r.peakKiB.median), "\(r.frame.values.count)" + (r.failures > 0 ? " (\(r.failures) failed)" : "")])
    }
    say("\n**\(label)** — time to first frame, 80x24 pseudo-terminal, \(runs) interleaved rounds after 2 warm-up rounds:\n")
    say(table(["program", "median", "p90", "ratio to less", "peak RSS", "runs"], rows))
    try? FileManager.default.removeItem(atPath: home)

case "keys":
    guard args.count == 3 else { usage() }
    let (name, path) = named(args[1])
    let home = scratchHome("keys")
    var env = baseEnvironment(home: home)
    env["NNGUIDE_CONTENT"] = args[2]
    // Warm the content cache first, as any second start would find it.
    let guide = try ContentCache(contentDirectory: args[2], cacheDirectory: home + "/cache/nnguide").load()
    // Warm nnguide's own content cache (it is kept per executable) as any second start would find it.
    let warm = try PtyProcess([path, "toc"], environment: env, rows: 24, cols: 80)
    warm.settle(quiet: 1, limit: 900)
    _ = warm.finish(limit: 900)
    let r = try Keystrokes.measure([path], environment: env, longPage: Keystrokes.longestPage(guide))
    Figures.record(["keys", name, "\(r.peakKiB ?? .nan)", "\(r.anonKiB ?? .nan)", "\(r.fileKiB ?? .nan)"])
    let rows = r.latencies.keys.sorted().map { label -> [String] in
        let s = Stats(values: r.latencies[label]!)
        return [label, msText(s.median), msText(s.p90), msText(s.max), "\(s.values.count)" + (r.silent[label].map { " (+\($0) without output)" } ?? "")]
    }
    say("\n**\(name)**, content \(args[2]) — key to finished redraw in an 80x24 pseudo-terminal (peak RSS over the sessions: \(mibText(r.peakKiB ?? .nan)); the most over the sessions of private memory (RssAnon) \(mibText(r.anonKiB ?? .nan)) and mapped files (RssFile) \(mibText(r.fileKiB ?? .nan))):\n")
    say(table(["key", "median", "p90", "max", "keys"], rows))
    try? FileManager.default.removeItem(atPath: home)

case "inproc":
    guard args.count == 4, let runs = Int(args[3]) else { usage() }
    let (content, cacheDir) = (args[1], args[2])
    let l = try InProcess.loads(content, cacheDirectory: cacheDir, runs: runs)
    say("\nIn-process, content \(content) (\(l.pages) pages and sections, \(l.glossary) glossary entries):\n")
    let guide = try ContentCache(contentDirectory: content, cacheDirectory: cacheDir).load()
    let s = InProcess.search(guide)
    var rows = [
        ["load from YAML, parse and check (first start after an edit)", msText(l.yaml.median)],
        ["load from the content cache (every other start)", msText(l.cached.median)],
        ["home-screen preview from the cache (before the first frame)", msText(l.preview.median)],
        ["explorer search index and glossary matcher, built at the first search or filter", msText(l.library.median)],
        ["core search index built (`nnguide search`)", msText(s.build)],
        ["core search, per keystroke (median / p90 / max)", "\(msText(s.perKey.median)) / \(msText(s.perKey.p90)) / \(msText(s.perKey.max))"],
        ["core glossary match, per keystroke (median / p90 / max)", "\(msText(s.glossaryPerKey.median)) / \(msText(s.glossaryPerKey.p90)) / \(msText(s.glossaryPerKey.max))"],
    ]
    let keys = InProcess.keys(guide)
    for label in keys.keys.sorted() {
        let k = keys[label]!
        rows.append(["update + render, \(label) (median / p90 / max)", "\(msText(k.median)) / \(msText(k.p90)) / \(msText(k.max))"])
    }
    say(table(["what", "time"], rows))

case "flips":
    guard args.count == 3, let runs = Int(args[2]) else { usage() }
    let guide = try ContentLoader.load(directory: args[1])
    say("\nWhat would change the pick, content \(args[1]), the guide's \(guide.decisions.examples.count) example briefs:\n")
    say(table(["what", "time"], FlipsBench.run(guide, runs: runs)))

case "preview-loop":   // for a profiler: the home-screen preview, over and over
    let cache = ContentCache(contentDirectory: args[1], cacheDirectory: args[2])
    _ = try cache.load()
    let times = sample(Int(args[3]) ?? 100) { _ = cache.preview(pages: ["deep-dive-cnn"]) }
    say("preview: median \(msText(medianOf(times)))")

case "edited":
    guard args.count >= 6, let runs = Int(args[2]) else { usage() }
    _ = EditedRuns.run(label: args[1], runs: runs, content: args[3], subcommand: args[4], specs: Array(args.dropFirst(5)))

case "inproc-edited":
    guard args.count == 3, let runs = Int(args[2]) else { usage() }
    try EditedRuns.inProcess(content: args[1], runs: runs)

case "lint":
    guard args.count == 5, let runs = Int(args[2]) else { usage() }
    setenv(ContentCache.environmentVariable, "off", 1)   // cold: lint reads every file (`edited` times it with a cache)
    let (label, binary, content) = (args[1], args[3], args[4])
    let r = LintTiming.measure(binary, content: content, runs: runs)
    let s = Stats(values: r.times)
    Figures.record(["lint", label, "\(s.median)", "\(r.peakKiB)"])
    say("\n**\(label)**: `nnguide lint --content \(content)`, whole process, \(runs) runs: median \(msText(s.median)), min \(msText(s.min)), max \(msText(s.max)); peak RSS \(mibText(r.peakKiB)); exit status \(r.status)")

case "size":
    guard args.count == 2 else { usage() }
    let m = ExecutableParts.measure(args[1])
    Figures.record(["size", "file", "\(m.file)"])
    Figures.record(["size", "stripped", "\(m.stripped)"])
    Figures.record(["size", "loaded", "\(m.loaded)"])
    for (part, bytes) in m.parts { Figures.record(["size", "part", part, "\(bytes)"]) }
    let mib = { (b: Int) in String(format: "%.1f MiB", Double(b) / 1048576) }
    var rows = m.parts.filter { $0.1 >= 64 * 1024 }.map { [$0.0, mib($0.1)] }
    rows.append(["unwind tables (`.eh_frame`, `.eh_frame_hdr`, `.gcc_except_table`)", mib(m.unwind)])
    say("\n**The executable** \(args[1]): \(m.file) bytes (\(mib(m.file))), \(m.stripped) bytes stripped as `make install` installs it; loaded (allocated sections) \(mib(m.loaded)); the rest is symbols and debug information. The loaded part by symbol (`nm -S`):\n")
    say(table(["part", "size"], rows))

case "summary":
    guard args.count == 2 else { usage() }
    say("\n## Issue 25's figures, this run\n")
    say(Summary.make(Figures.read(args[1])))

case "trace":
    guard args.count >= 2 else { usage() }
    // TRACE_HOME keeps state and caches between runs (a warm start); otherwise every run is a first.
    let keep = ProcessInfo.processInfo.environment["TRACE_HOME"]
    let home = keep ?? scratchHome("trace")
    let p = try PtyProcess(Array(args.dropFirst()), environment: baseEnvironment(home: home).merging(ProcessInfo.processInfo.environment.filter { $0.key.hasPrefix("NNGUIDE_") }) { $1 }, rows: 24, cols: 80)
    say("spawned at \(p.started * 1000) ms (monotonic)")
    p.settle(quiet: 0.5)
    var from = 0
    for c in p.chunks {
        say(String(format: "%8.3f ms  %6d bytes", c.at * 1000, c.count))
        from += c.count
    }
    if let dump = ProcessInfo.processInfo.environment["TRACE_OUTPUT"] {
        FileManager.default.createFile(atPath: dump, contents: Data(p.output))
    }
    p.send("\u{03}")
    _ = p.finish()
    if keep == nil { try? FileManager.default.removeItem(atPath: home) }

default:
    usage()
}
