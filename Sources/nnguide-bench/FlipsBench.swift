import Foundation
import NNGuideCore

/// "What would change the pick" for one brief: every flip is a recommender run, so the whole analysis
/// is timed beside one recommendation, for each of the guide's examples.
enum FlipsBench {
    static func run(_ guide: Guide, runs: Int) -> [[String]] {
        let recommender = Recommender(guide: guide)
        var one: [Double] = [], whole: [Double] = []
        var flips = 0
        for e in guide.decisions.examples {
            guard let brief = e.parsedBrief(guide.decisions.brief).brief else { continue }
            one += sample(runs) { _ = try? recommender.recommend(brief) }
            whole += sample(max(1, runs / 4)) { flips = max(flips, Flips.analyze(brief, with: recommender).count) }
        }
        let (o, w) = (Stats(values: one), Stats(values: whole))
        return [
            ["one recommendation (median / p90 / max)", "\(msText(o.median)) / \(msText(o.p90)) / \(msText(o.max))"],
            ["flips: the whole analysis of one brief, up to \(flips) flips (median / p90 / max)", "\(msText(w.median)) / \(msText(w.p90)) / \(msText(w.max))"],
        ]
    }
}
