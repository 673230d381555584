import Foundation
import Testing
@testable import NNGuideCore

/// Issue 10's consistency properties, asserted for every brief in a generated sweep over the shipped
/// Content/: modality x task x samples x deploy, plus each remaining field one at a time on a mid-sized brief. Each
/// property names the brief that breaks it, so a failure reads as a reproducible `nnguide recommend`.
@Suite struct RecommendSweepTests {
    static let guide: Guide? = try? ContentLoader.load(directory: Fixtures.realContent)

    /// Picks with no pretrained weights to start from: advice about pretrained weights must never name them.
    static let noWeights: Set<String> = ["linear", "gradient-boosting", "gam", "isolation-forest", "forecast-baseline", "rocket",
                                         "imputer", "bm25", "fingerprint-gbdt", "mlp", "rnn", "temporal-cnn", "ssm", "gnn",
                                         "graph-transformer", "deep-forecaster", "autoencoder", "tabular-transformer", "late-fusion"]
    /// Variants too large for a device; none may be suggested to start with when the brief deploys to one.
    static let serverSized = ["ResNet-50", "ViT-B", "ConvNeXt", "Mask2Former", "large-v3", "VideoMAE", "Swin", "DeBERTa",
                              "RoBERTa", "Code Llama", "15B", "32B", "frontier", "VideoMAE", "CLIP ViT"]

    static var briefs: [Brief] {
        var out: [Brief] = []
        let samples: [Int?] = [nil, 300, 200_000]
        let deploys: [DeploymentTarget?] = [nil, .edge, .serverCPU]
        for m in Modality.allCases {
            for t in TaskDomain.allCases {
                for n in samples { for d in deploys { out.append(Brief(modality: m, task: t, samples: n, deploy: d)) } }
                // The other fields, one at a time, on a mid-sized brief.
                let base = Brief(modality: m, task: t, samples: 5_000)
                var b = base; b.latencyMs = 20; out.append(b)
                b = base; b.latencyMs = 50; b.deploy = .serverCPU; out.append(b)
                b = base; b.interpretability = .required; out.append(b)
                b = base; b.streaming = true; out.append(b)
                b = base; b.context = .long; out.append(b)
                b = base; b.context = .short; out.append(b)
                b = base; b.pretrained = false; out.append(b)
                b = base; b.compute = .low; out.append(b)
                b = base; b.deploy = .batch; out.append(b)
                b = base; b.nodes = 50; out.append(b)
                b = base; b.nodes = 5_000_000; out.append(b)
            }
        }
        return out
    }

    func describe(_ b: Brief) -> String {
        "nnguide recommend " + b.givenFields.map { "\($0.flag) \(b[$0]!.description)" }.joined(separator: " ")
    }

    @Test func everyBriefGetsAConsistentRecommendation() throws {
        let guide = try #require(Self.guide, "Content/ must load")
        let book = guide.decisions
        let recommender = Recommender(guide: guide)
        let leaves = book.trees.flatMap(\.nodes).filter(\.isLeaf)
        var failures: [String] = []
        func fail(_ b: Brief, _ what: String) { if failures.count < 25 { failures.append("\(describe(b)): \(what)") } }

        let briefs = Self.briefs
        #expect(briefs.count > 2_500)
        for b in briefs {
            let r: Recommendation
            do { r = try recommender.recommend(b) } catch { fail(b, "no recommendation: \(error.message)"); continue }
            let pick = r.pick.id
            let whyNot = r.whyNot.map(\.id), alternatives = r.alternatives.map(\.id)

            // A family is never both recommended and ruled out.
            if whyNot.contains(pick) { fail(b, "the pick \(pick) is also a why-not") }
            if !Set(alternatives).isDisjoint(with: whyNot) { fail(b, "alternatives \(alternatives) and why-not \(whyNot) overlap") }
            // No line twice.
            for (name, list) in [("because", r.because), ("warnings", r.warnings), ("assumptions", r.assumptions),
                                 ("next steps", r.nextSteps), ("alternatives", alternatives), ("why-not", whyNot)] where Set(list).count != list.count {
                fail(b, "a line appears twice in \(name)")
            }
            // The title describes the picked id: a leaf that picks it, or its catalog name.
            let titled = leaves.contains { $0.pick.contains(pick) && InlineParser.plain($0.title ?? "") == r.pick.title }
            if !titled && r.pick.title != (guide.catalog.architectures.first { $0.id == pick }?.name ?? "") {
                fail(b, "title '\(r.pick.title)' does not describe \(pick)")
            }
            // Start-with variants fit the deployment.
            if let d = b.deploy, [.edge, .mobile, .browser].contains(d) {
                for v in r.pick.variants where Self.serverSized.contains(where: { v.contains($0) }) { fail(b, "server-sized variant '\(v)' on \(d.rawValue)") }
            }
            // Advice about pretrained weights only where weights exist.
            if Self.noWeights.contains(pick) {
                let name = (guide.catalog.architectures.first { $0.id == pick }?.displayName ?? pick).lowercased()
                let advice = ["fine-tune pretrained", "start from pretrained", "freeze a pretrained", "start from a pretrained",
                              "from pretrained weights", "pretrained \(name) weights", "pretrained \(name) checkpoint"]
                for line in r.warnings + r.nextSteps where advice.contains(where: line.lowercased().contains) {
                    fail(b, "pretrained-weights advice for \(pick): \(line)")
                }
            }
            // Each answer on the path follows the brief as understood: decided answers meet their condition, and
            // assumed ones are never contradicted by a value the brief (or a default) gives.
            for step in r.path {
                guard let node = book.tree(step.tree)?.node(step.node),
                      let option = node.options.first(where: { InlineParser.plain($0.answer) == step.answer }) else {
                    fail(b, "path step \(step.tree)/\(step.node) '\(step.answer)' is not in the book"); continue
                }
                let outcome = option.when?.evaluate(r.brief).outcome
                if !step.assumed, outcome != .yes { fail(b, "'\(step.answer)' is shown as decided but its condition does not hold") }
                if step.assumed, outcome == .no { fail(b, "'\(step.answer)' is assumed against the brief's own values") }
            }
            // No warning says a field was ignored while that field decided a step or a rule.
            for w in r.warnings where w.contains("was ignored") {
                let field = String(w.prefix { $0 != " " })
                if r.because.contains(where: { $0.contains("[\(field)=") || $0.contains(", \(field)=") }) {
                    fail(b, "warns that \(field) was ignored, but a reason rests on it")
                }
            }
            // A field said to have changed nothing was given, and no other reason rests on it.
            for name in r.unchangedFields {
                guard let f = BriefField(rawValue: name), b[f] != nil else { fail(b, "unchanged field \(name) was not given"); continue }
                if r.because.contains(where: { !$0.contains("Read, but nothing") && ($0.contains("[\(name)=") || $0.contains(", \(name)=")) }) {
                    fail(b, "\(name) is said to change nothing, but a reason rests on it")
                }
            }
            // A departure names a different pick than the one made.
            if let g = r.guidePick, g.id == pick { fail(b, "guide_pick repeats the pick \(pick)") }
        }
        #expect(failures.isEmpty, "\(failures.count)+ inconsistent briefs:\n\(failures.joined(separator: "\n"))")
    }
}
