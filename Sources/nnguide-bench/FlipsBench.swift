import Foundation
import NNGuideCore

/// "What would change the pick" for one brief: every flip is a recommender run, so the whole analysis
/// is timed beside one recommendation and one pick alone (`Recommender.pick`), for each of the guide's examples.
enum FlipsBench {
    static func run(_ guide: Guide, runs: Int) -> [[String]] {
        let recommender = Recommender(guide: guide)
        var one: [Double] = [], alone: [Double] = [], whole: [Double] = []
        var flips = 0
        for e in guide.decisions.examples {
            guard let brief = e.parsedBrief(guide.decisions.brief).brief else { continue }
            one += sample(runs) { _ = try? recommender.recommend(brief) }
            alone += sample(runs) { _ = try? recommender.pick(brief) }
            whole += sample(max(1, runs / 4)) { flips = max(flips, Flips.analyze(brief, with: recommender).count) }
        }
        let (o, a, w) = (Stats(values: one), Stats(values: alone), Stats(values: whole))
        return [
            ["one recommendation (median / p90 / max)", "\(msText(o.median)) / \(msText(o.p90)) / \(msText(o.max))"],
            ["the pick alone, as flips run it (median / p90 / max)", "\(msText(a.median)) / \(msText(a.p90)) / \(msText(a.max))"],
            ["flips: the whole analysis of one brief, up to \(flips) flips (median / p90 / max)", "\(msText(w.median)) / \(msText(w.p90)) / \(msText(w.max))"],
        ]
    }
}
