import Foundation
import NNGuideCore

/// The author's loop, measured: one content file edited, with the cache as the start *before* the
/// edit left it. Every round starts from the same situation: the cache folder put back as it was
/// saved, and the file edited again (a new comment line), so its identity (size, change time)
/// differs from the one its cache entry was made for.
final class EditRound {
    /// A page file in the middle of the reading order.
    let file: String
    let original: Data
    private var round = 0

    init?(content: String) {
        guard let pages = try? FileManager.default.contentsOfDirectory(atPath: content + "/pages").filter({ $0.hasSuffix(".yaml") }).sorted(),
              !pages.isEmpty else { return nil }
        file = content + "/pages/" + pages[pages.count / 2]
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        original = data
    }

    func edit() {
        round += 1
        var data = original
        data.append(Data("\n# edited, round \(round)\n".utf8))
        FileManager.default.createFile(atPath: file, contents: data)
    }

    /// The file as it was (its identity still differs from before the rounds).
    func restore() { FileManager.default.createFile(atPath: file, contents: original) }
}

/// A cache folder saved once and put back before each round.
struct CacheSnapshot {
    let folder: String
    var saved: String { folder + ".saved" }

    func save() {
        try? FileManager.default.removeItem(atPath: saved)
        try? FileManager.default.copyItem(atPath: folder, toPath: saved)
    }

    func restore() {
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.copyItem(atPath: saved, toPath: folder)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.removeItem(atPath: saved)
    }
}

/// A whole process timed from the outside: wall clock, peak RSS and exit status.
func timedRun(_ argv: [String], environment: [String: String]) -> (seconds: Double, peakKiB: Double, status: Int32) {
    var pid: pid_t = 0
    let cArgs = argv.map { strdup($0) } + [nil]
    let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let t0 = now()
    guard posix_spawn(&pid, argv[0], &actions, nil, cArgs, cEnv) == 0 else { return (.nan, .nan, 127) }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    return (now() - t0, Double(usage.ru_maxrss), shellStatus(status))
}

enum EditedRuns {
    /// `edited LABEL RUNS CONTENT SUBCOMMAND NAME=BINARY[@cold]...`: `nnguide SUBCOMMAND --content
    /// CONTENT` (lint, toc) after one page file is edited, each binary with its own cache from before
    /// the edit (`@cold`: `NNGUIDE_CACHE=off`, nothing read or written), interleaved round by round.
    static func run(label: String, runs: Int, content: String, subcommand: String, specs: [String]) -> [[String]] {
        guard let edit = EditRound(content: content) else { say("  ! no page file in \(content)"); return [] }
        defer { edit.restore() }
        let home = scratchHome("edited")
        defer { try? FileManager.default.removeItem(atPath: home) }
        struct Binary { var name: String; var path: String; var env: [String: String]; var snapshot: CacheSnapshot? }
        var binaries: [Binary] = []
        for (i, spec) in specs.enumerated() {
            var (name, path) = named(spec)
            var env = baseEnvironment(home: home)
            var snapshot: CacheSnapshot?
            if path.hasSuffix("@cold") {
                path.removeLast("@cold".count)
                env[ContentCache.environmentVariable] = "off"
                name += ", no cache"
            } else {
                let folder = home + "/cache-\(i)"
                env[ContentCache.environmentVariable] = folder
                // The start before the edit: it leaves the cache this binary keeps.
                _ = timedRun([path, subcommand, "--content", content], environment: env)
                snapshot = CacheSnapshot(folder: folder)
                snapshot!.save()
            }
            binaries.append(Binary(name: name, path: path, env: env, snapshot: snapshot))
        }
        var times = Array(repeating: [Double](), count: binaries.count)
        var peaks = Array(repeating: 0.0, count: binaries.count)
        var statuses = Array(repeating: Int32(0), count: binaries.count)
        for _ in 0..<runs {
            for (i, b) in binaries.enumerated() {
                b.snapshot?.restore()
                edit.edit()
                let r = timedRun([b.path, subcommand, "--content", content], environment: b.env)
                times[i].append(r.seconds)
                peaks[i] = max(peaks[i], r.peakKiB)
                statuses[i] = r.status
            }
        }
        var rows: [[String]] = []
        for (i, b) in binaries.enumerated() {
            let s = Stats(values: times[i])
            Figures.record(["edited", label, b.name, "\(s.median)", "\(peaks[i])"])
            rows.append([b.name, msText(s.median), msText(s.min), msText(s.max), mibText(peaks[i]), "\(statuses[i])"])
            b.snapshot?.remove()
        }
        say("\n**\(label)**: `nnguide \(subcommand) --content \(content)` after editing \((edit.file as NSString).lastPathComponent), whole process, \(runs) interleaved rounds (each with the cache from before the edit put back):\n")
        say(table(["program", "median", "min", "max", "peak RSS", "exit status"], rows))
        return rows
    }

    /// `inproc-edited CONTENT RUNS`: inside one process, the load after one page file is edited, with
    /// the cache (whole-guide file and per-file entries) from before the edit put back each round.
    static func inProcess(content: String, runs: Int) throws {
        guard let edit = EditRound(content: content) else { say("  ! no page file in \(content)"); return }
        defer { edit.restore() }
        let home = scratchHome("inproc-edited")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let snapshot = CacheSnapshot(folder: home + "/cache")
        let cache = ContentCache(contentDirectory: content, cacheDirectory: snapshot.folder)
        _ = try cache.load()
        snapshot.save()
        var load: [Double] = [], lint: [Double] = [], whole: [Double] = [], wholeLint: [Double] = []
        for _ in 0..<runs {
            snapshot.restore(); edit.edit()
            var t0 = now()
            _ = try cache.load()
            load.append(now() - t0)
            snapshot.restore(); edit.edit()
            t0 = now()
            _ = cache.lint()
            lint.append(now() - t0)
            edit.edit()
            t0 = now()
            _ = try ContentLoader.load(directory: content)
            whole.append(now() - t0)
            t0 = now()
            _ = ContentLoader.lint(directory: content)
            wholeLint.append(now() - t0)
        }
        let f = { (v: [Double]) in Stats(values: v) }
        Figures.record(["inproc-edited", content, "\(f(load).median)", "\(f(lint).median)", "\(f(whole).median)"])
        say("\nIn-process, content \(content), one page file edited (\((edit.file as NSString).lastPathComponent)), the cache from before the edit put back each round, \(runs) rounds (median / min / max):\n")
        let row = { (what: String, v: [Double]) -> [String] in [what, "\(msText(f(v).median)) / \(msText(f(v).min)) / \(msText(f(v).max))"] }
        say(table(["what", "time"], [
            row("whole guide loaded and checked through the per-file cache (`ContentCache.load`, then the whole-guide cache written)", load),
            row("its problems only, through the per-file cache (`nnguide lint`)", lint),
            row("whole guide from the YAML, no cache (`ContentLoader.load`, what the edited start cost before)", whole),
            row("problems from the YAML, no cache (`ContentLoader.lint`)", wholeLint),
        ]))
    }
}
