import Foundation
import NNGuideCore
import NNGuideUI

/// The pure paths timed inside one process: loading, searching, and `update` + `render` for each
/// key. No terminal is involved, so this is the work a key costs, without output or scheduling.
enum InProcess {
    struct Loads { var yaml: Stats; var cached: Stats; var preview: Stats; var library: Stats; var pages: Int; var glossary: Int }

    static func loads(_ dir: String, cacheDirectory: String, runs: Int) throws -> Loads {
        let yamlRuns = max(3, runs / 4)
        let yaml = Stats(values: try sample(yamlRuns) { _ = try ContentLoader.load(directory: dir) })
        let cache = ContentCache(contentDirectory: dir, cacheDirectory: cacheDirectory)
        let guide = try cache.load()   // writes the cache
        let cached = Stats(values: try sample(runs) { _ = try cache.load() })
        let some = guide.readingOrder.last.map { [$0.id] } ?? []
        let preview = Stats(values: sample(runs) { _ = cache.preview(pages: some) })
        // The library builds its search index and glossary matcher at the first search or filter.
        let library = Stats(values: sample(max(3, runs / 4)) { let l = Library(guide: guide); _ = l.index; _ = l.glossary })
        return Loads(yaml: yaml, cached: cached, preview: preview, library: library, pages: guide.readingOrder.count, glossary: guide.glossary.count)
    }

    /// Core's search index queried with every prefix of the typed words, as `nnguide search` would be.
    static func search(_ guide: Guide) -> (build: Double, perKey: Stats, glossaryPerKey: Stats) {
        let t0 = now()
        let index = SearchIndex(guide: guide)
        let build = now() - t0
        let matcher = GlossaryMatcher(entries: guide.glossary)
        var times: [Double] = [], gtimes: [Double] = []
        for query in ["transformer attention", "gradient boosting", "data augmentation", "atention"] {
            for end in query.indices.dropFirst() + [query.endIndex] {
                let q = String(query[..<end])
                times += sample(1) { _ = index.search(q, limit: 20) }
                gtimes += sample(1) { _ = matcher.matches(q) }
            }
        }
        return (build, Stats(values: times), Stats(values: gtimes))
    }

    /// The same scenarios as the pseudo-terminal runs, through `update` and `render` only.
    static func keys(_ guide: Guide) -> [String: Stats] {
        var out: [String: [Double]] = [:]
        func run(_ steps: [(Key, String?)]) {
            // A fresh library each time: opening a page includes laying it out, as it does the first
            // time in a session.
            let library = Library(guide: guide)
            var state = AppState(library: library, width: 80, height: 24)
            _ = render(state)
            for (key, label) in steps {
                let t0 = now()
                state = update(state, key)
                _ = render(state)
                let t = now() - t0
                if let label { out[label, default: []].append(t) }
            }
        }
        func typed(_ s: String, _ label: String) -> [(Key, String?)] { s.map { (Key.char($0), label) } }
        for _ in 0..<3 {
            run([(.char("s"), nil)] + typed("transformer attention", "search: each character typed"))
            run([(.char("i"), nil)] + typed("gradient boosting", "glossary filter: each character typed"))
            run([(.char("t"), nil), (.enter, nil)]
                + Array(repeating: (Key.char("]"), "open the next page (])"), count: 15)
                + Array(repeating: (Key.char("j"), "scroll a line (j)"), count: 30)
                + Array(repeating: (Key.char(" "), "scroll a page (Space)"), count: 10))
        }
        return out.mapValues { Stats(values: $0) }
    }
}
