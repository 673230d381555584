import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif
import Dispatch
import NNGuideCore

/// `make bench`: how search and the glossary filter hold up when the guide is many times larger.
/// Hidden from help; speed is measured here, never in unit tests.
struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time search and glossary look-ups per keystroke on the guide copied N times.",
        usage: "nnguide bench [<options>]",
        discussion: "Example:\n  nnguide bench --scale 100",
        shouldDisplay: false)
    @OptionGroup var content: ContentOptions
    @Option(help: "How many copies of the guide to index.") var scale = 100
    @Option(help: "Runs per keystroke; the fastest counts.") var repeats = 5

    static let typed = ["transformer attention", "gradient boosting tabular", "data augmentation", "cnn edge latency",
                        "a", "the", "quantization int8", "inductive bias", "atention", "zzqx"]

    func run() throws {
        let guide = try content.load()
        let big = Self.scaled(guide, scale)
        let t0 = DispatchTime.now()
        let index = SearchIndex(guide: big)
        let built = Self.ms(since: t0)
        let matcher = GlossaryMatcher(entries: big.glossary)
        print("guide x\(scale): \(big.readingOrder.count) pages, \(big.glossary.count) glossary entries, \(index.unitCount) passages, \(index.wordCount) distinct words")
        print("index built in \(FixedPoint.text(built, digits: 0)) ms")
        for (name, f) in [("search", { (q: String) in _ = index.search(q, limit: 10) }),
                          ("glossary filter", { (q: String) in _ = matcher.matches(q) }),
                          ("glossary filter, first 50", { (q: String) in _ = matcher.matches(q, limit: 50) })] as [(String, (String) -> Void)] {
            var times: [Double] = []
            var worst = ("", 0.0)
            for query in Self.typed {
                for end in query.indices.dropFirst() + [query.endIndex] {
                    let q = String(query[..<end])
                    // The best of a few runs: other processes on the machine only ever add time.
                    var ms = Double.infinity
                    for _ in 0..<repeats {
                        let t = DispatchTime.now()
                        f(q)
                        ms = min(ms, Self.ms(since: t))
                    }
                    times.append(ms)
                    if ms > worst.1 { worst = (q, ms) }
                }
            }
            times.sort()
            func ms(_ x: Double) -> String { FixedPoint.text(x, digits: 2) }
            print("\(name) per keystroke (\(times.count) queries, best of \(repeats)): median \(ms(times[times.count / 2])) ms, p95 \(ms(times[times.count * 95 / 100])) ms, max \(ms(worst.1)) ms ('\(worst.0)')")
        }
    }

    static func ms(since t: DispatchTime) -> Double { Double(DispatchTime.now().uptimeNanoseconds - t.uptimeNanoseconds) / 1e6 }

    /// The guide copied `n` times with distinct ids and titles (and one distinct word per copy, so the
    /// vocabulary grows too).
    static func scaled(_ g: Guide, _ n: Int) -> Guide {
        func copy(_ p: Page, _ i: Int) -> Page {
            var p = p
            p.id += "-\(i)"; p.title += " copy\(i)"
            p.blocks = p.blocks.map { b in
                switch b {
                case .table(var t): t.id += "-\(i)"; return .table(t)
                case .figure(var f): f.id += "-\(i)"; return .figure(f)
                default: return b
                }
            }
            p.sections = p.sections.map { copy($0, i) }
            return p
        }
        var pages: [Page] = [], glossary: [GlossaryEntry] = []
        for i in 0..<n {
            pages += g.pages.map { copy($0, i) }
            glossary += g.glossary.map { e in
                var e = e; e.id += "-\(i)"; e.term += " \(i)"; e.aliases = e.aliases.map { "\($0) \(i)" }; return e
            }
        }
        return Guide(pages: pages, glossary: glossary, catalog: g.catalog, decisions: g.decisions, sources: g.sources)
    }
}
