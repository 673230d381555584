import Foundation
import NNGuideCore
import Yams

struct Snapshot: Codable { var pages: [Page]; var glossary: [GlossaryEntry]; var catalog: Catalog; var decisions: DecisionBook }

let args = Array(CommandLine.arguments.dropFirst())
let dir = args.count > 1 ? args[1] : "Content"
switch args.first {
case "frame":
    let argv = Array(args.dropFirst())
    var env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": "/tmp/bench-home", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LESSHISTFILE": "-"]
    _ = env
    var times: [Double] = []
    var rss: [Double] = []
    for _ in 0..<11 {
        let p = try PtyProcess(argv, environment: env, rows: 24, cols: 80)
        let (t, n) = p.settle(quiet: 0.3)
        p.send("q")
        let (st, kb) = p.finish()
        times.append(t ?? .nan); rss.append(Double(kb))
        _ = n; _ = st
        env["X"] = "1"
    }
    print("first frame median", ms(median(times)), "min", ms(times.min()!), "peak KiB", median(rss))
case "frame-once":
    let env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": "/tmp/bench-home", "PATH": "/usr/bin:/bin"]
    let p = try PtyProcess(Array(args.dropFirst()), environment: env, rows: 24, cols: 80)
    p.settle(quiet: 0.1)
    p.send("q")
    _ = p.finish()
case "pieces":
    startupPieces(dir)
case "trace":
    let argv = Array(args.dropFirst())
    let env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": "/tmp/bench-home", "PATH": "/usr/bin:/bin"]
    let p = try PtyProcess(argv, environment: env, rows: 24, cols: 80)
    print("MARK spawn", p.started * 1000)
    p.settle(quiet: 0.5)
    var from = 0
    for c in p.chunks {
        print(String(format: "%8.3f ms  %6d bytes", c.at * 1000, c.count))
        if ProcessInfo.processInfo.environment["TRACE_BYTES"] != nil {
            print(String(decoding: p.output[from..<(from + c.count)], as: UTF8.self).unicodeScalars.map { $0.value < 32 ? "^" + String(UnicodeScalar($0.value + 64)!) : String($0) }.joined())
        }
        from += c.count
    }
    p.send("q")
    _ = p.finish()
case "profile":
    let files = (try FileManager.default.subpathsOfDirectory(atPath: dir)).filter { $0.hasSuffix(".yaml") }
    print("read+compose:", ms(median(try sample(5) { for f in files { let t = try String(contentsOfFile: dir + "/" + f, encoding: .utf8); _ = try Yams.compose(yaml: t) } })))
    print("ContentLoader.read:", ms(median(sample(5) { _ = ContentLoader.read(directory: dir) })))
    let (g, problems) = ContentLoader.read(directory: dir)
    print("problems:", problems.count)
    guard let g else { exit(1) }
    print("Guide.init:", ms(median(sample(5) { _ = Guide(pages: g.pages, glossary: g.glossary, catalog: g.catalog, decisions: g.decisions) })))
    let snap = Snapshot(pages: g.pages, glossary: g.glossary, catalog: g.catalog, decisions: g.decisions)
    let json = try JSONEncoder().encode(snap)
    print("json bytes:", json.count, "decode:", ms(median(try sample(5) { _ = try JSONDecoder().decode(Snapshot.self, from: json) })))
default:
    print("usage: nnguide-bench profile DIR")
}

func startupPieces(_ dir: String) {
    let n = 200
    func t(_ name: String, _ body: () -> Void) { print(name.padding(toLength: 28, withPad: " ", startingAt: 0), ms(median(sample(n, body)))) }
    t("ContentLocator.locate") { _ = ContentLocator.locate(explicit: nil) }
    let cache = ContentCache(contentDirectory: dir)
    t("cache.preview") { _ = cache.preview(pages: ["deep-dive-cnn-strengths"]) }
    t("ProcessInfo.environment") { _ = ProcessInfo.processInfo.environment }
    t("FileManager.contents cache") { _ = FileManager.default.contents(atPath: cache.file!) }
    t("contentsOfDirectory pages") { _ = try? FileManager.default.contentsOfDirectory(atPath: dir + "/pages") }
}
