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
                                         "graph-transformer", "deep-forecaster", "autoencoder", "tabular-transformer", "late-fusion",
                                         "ctr-model", "survival-model", "sequential-recommender"]
    /// Variants too large for a device; none may be suggested to start with when the brief deploys to one.
    static let serverSized = ["ResNet-50", "ViT-B", "ConvNeXt", "Mask2Former", "large-v3", "VideoMAE", "Swin", "DeBERTa",
                              "RoBERTa", "Code Llama", "15B", "32B", "frontier", "VideoMAE", "CLIP ViT"]

    /// Every modality and the tasks the content's schema says apply to it (`applies_to`), so new values are
    /// swept as soon as they exist; the combinations it rules out are refused (`theImpossibleBriefsAreRefused`).
    static func briefs(_ schema: BriefSchema) -> [Brief] {
        var out: [Brief] = []
        let samples: [String?] = [nil, "300", "200000"]
        let deploys: [String?] = [nil, "edge", "server-cpu"]
        func brief(_ raw: [String: String?]) -> Brief? { try? Brief(schema: schema, raw.compactMapValues { $0 }) }
        for m in schema[.modality]?.choices ?? [] {
            for t in schema.applicable(.task, given: [.modality: .choice(m)]) {
                for n in samples { for d in deploys { brief(["modality": m, "task": t, "samples": n, "deploy": d]).map { out.append($0) } } }
                // The other fields, one at a time, on a mid-sized brief.
                let others: [[String: String]] = [["latency_ms": "20"], ["latency_ms": "50", "deploy": "server-cpu"],
                                                  ["interpretability": "required"], ["interpretability": "none"], ["streaming": "true"],
                                                  ["context": "long"], ["context": "short"], ["pretrained": "false"], ["compute": "low"],
                                                  ["deploy": "batch"], ["deploy": "mobile"], ["nodes": "50"], ["nodes": "5000000"],
                                                  ["deploy": "microcontroller"], ["knowledge": "documents"], ["knowledge": "model"],
                                                  ["latency_ms": "500"], ["samples": "150000", "deploy": "server-cpu"],
                                                  ["samples": "150000", "interpretability": "required"], ["samples": "150000", "compute": "low"],
                                                  // What the model must produce (issue 26): the outputs routes read, and the language flag.
                                                  ["output": "audio"], ["output": "embedding"], ["output": "molecule"],
                                                  ["output": "graph", "nodes": "40"], ["output": "text"], ["multilingual": "true"],
                                                  ["streaming": "true", "output": "audio"], ["context": "long", "samples": "2000000"],
                                                  ["domain": "medical"], ["domain": "music"]]
                for o in others {
                    var raw: [String: String?] = ["modality": m, "task": t, "samples": "5000"]
                    for (k, v) in o { raw[k] = v }
                    brief(raw).map { out.append($0) }
                }
            }
        }
        return out
    }

    func describe(_ b: Brief) -> String { b.commandLine(given: b.givenFields) }

    /// Every departure from the guide says what caused it: when both flows reach the same leaf, only an
    /// added rule can have moved the pick, and the reason names that rule (its filter and threshold) and
    /// what it did; an added answer that parts the routes is named with the question it answers.
    @Test func everyDepartureNamesTheAddedAnswerOrRuleBehindIt() throws {
        let guide = try #require(Self.guide, "Content/ must load")
        let recommender = Recommender(guide: guide)
        var sameLeaf = 0, failures: [String] = []
        for b in Self.briefs(guide.decisions.brief) {
            guard let r = try? recommender.recommend(b), let g = r.guidePick, g.id != nil else { continue }
            if g.why == "an added rule ranks it differently." { failures.append("\(describe(b)): a departure without a named cause") }
            if g.leaf == r.leaf {
                sameLeaf += 1
                if !g.why.contains("nnguide's added rule '") { failures.append("\(describe(b)): same leaf \(r.leaf), but why is '\(g.why)'") }
            } else if !g.why.contains("nnguide answers '") && !g.why.contains("nnguide's added rule '") {
                failures.append("\(describe(b)): why '\(g.why)' names neither an added answer nor an added rule")
            }
            #expect(!g.why.hasSuffix(": "), "\(describe(b)): \(g.why)")
        }
        #expect(sameLeaf > 0, "the sweep should meet a departure caused by a rule alone")
        #expect(failures.isEmpty, "\(failures.count) departures:\n\(failures.prefix(15).joined(separator: "\n"))")
    }

    /// The modality x task pairs the schema rules out are refused with a message that names both and
    /// lists the tasks that do apply; every modality keeps classification, and some pairs are ruled out.
    @Test func theImpossibleBriefsAreRefused() throws {
        let schema = try #require(Self.guide, "Content/ must load").decisions.brief
        var refused = 0
        for m in schema[.modality]?.choices ?? [] {
            let valid = schema.applicable(.task, given: [.modality: .choice(m)])
            #expect(valid.contains("classification"), "\(m)")
            for t in schema[.task]?.choices ?? [] where !valid.contains(t) {
                refused += 1
                #expect(throws: BriefMismatch.self, "\(m) \(t)") { try Brief(schema: schema, ["modality": m, "task": t]) }
                let m2 = schema.mismatch(in: [.modality: .choice(m), .task: .choice(t)])
                #expect(m2?.description == "task \(t) does not apply to modality \(m); for \(m): \(valid.joined(separator: ", "))")
            }
            for t in valid { #expect(schema.mismatch(in: [.modality: .choice(m), .task: .choice(t)]) == nil, "\(m) \(t)") }
        }
        #expect(refused > 20)
        #expect(schema.mismatch(in: [.modality: .choice("tabular"), .task: .choice("translation")]) != nil)
        #expect(schema.mismatch(in: [.modality: .choice("text"), .task: .choice("translation")]) == nil)
    }

    /// Issue 26: what the model must produce decides where the task alone cannot. Over every modality and task of
    /// the sweep: text in and audio out is speech synthesis, an embedding out is speaker verification for audio and
    /// metric learning for images and video, molecules out are a molecule generator; and those families are never
    /// picked for a brief whose output is something else.
    @Test func theOutputDecidesWhereTheTaskCannot() throws {
        let guide = try #require(Self.guide, "Content/ must load")
        let recommender = Recommender(guide: guide)
        let only: [String: Set<String>] = ["speech-synthesis": ["audio"], "speaker-embedding": ["embedding"],
                                           "metric-learning": ["embedding"], "molecule-generator": ["molecule", "graph"]]
        var failures: [String] = [], checked = 0
        for b in Self.briefs(guide.decisions.brief) {
            guard let r = try? recommender.recommend(b) else { continue }
            let output = r.brief[BriefField("output")]?.choice ?? ""
            let modality = b[.modality]?.choice ?? "", task = b[.task]?.choice ?? ""
            if let allowed = only[r.pick.id], !allowed.contains(output) { failures.append("\(describe(b)): \(r.pick.id) for output \(output)") }
            var expected: String?
            if modality == "text", ["generation", "translation"].contains(task), output == "audio" { expected = "speech-synthesis" }
            if modality == "audio", output == "embedding" { expected = "speaker-embedding" }
            if ["image", "video"].contains(modality), output == "embedding" { expected = "metric-learning" }
            if task == "generation", output == "molecule", ["graph", "text"].contains(modality) { expected = "molecule-generator" }
            guard let expected else { continue }
            checked += 1
            if r.pick.id != expected { failures.append("\(describe(b)): picked \(r.pick.id), expected \(expected)") }
        }
        #expect(checked >= 30, "the sweep should reach the output routes (\(checked))")
        #expect(failures.isEmpty, "\(failures.count) briefs:\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    @Test func everyBriefGetsAConsistentRecommendation() throws {
        let guide = try #require(Self.guide, "Content/ must load")
        let book = guide.decisions
        let recommender = Recommender(guide: guide)
        let leaves = book.trees.flatMap(\.nodes).filter(\.isLeaf)
        var failures: [String] = []
        func fail(_ b: Brief, _ what: String) { if failures.count < 25 { failures.append("\(describe(b)): \(what)") } }

        let briefs = Self.briefs(book.brief)
        #expect(briefs.count > 1_500)
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
            if let d = b[BriefField("deploy")]?.choice, ["edge", "mobile", "browser", "microcontroller"].contains(d) {
                for v in r.pick.variants where Self.serverSized.contains(where: { v.contains($0) }) { fail(b, "server-sized variant '\(v)' on \(d)") }
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
            // Issue 23: a brief with no strong pretrained model (given or assumed) is never told that the
            // pick works "provided they start from pretrained weights": a line about pretrained weights
            // says where they exist or that they may not.
            if r.brief[BriefField("pretrained")]?.flag != true {
                let conditional = ["where they exist", "where none", "seldom", "without pretrained", "no pretrained", "if ", "when "]
                for line in r.because + r.warnings + r.nextSteps where line.lowercased().contains("pretrained weights") {
                    if !conditional.contains(where: line.lowercased().contains) { fail(b, "assumes pretrained weights: \(line)") }
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
                let rests = r.decision.because.contains { reason in
                    guard case .brief(let vs)? = reason.source else { return false }
                    return vs.contains { $0.field.name == field }
                } || r.decision.steps.contains { !$0.assumed && $0.fields.contains(BriefField(field)) }
                if rests { fail(b, "warns that \(field) was ignored, but a reason rests on it") }
            }
            // A field said to have changed nothing was given, and no other reason rests on it.
            for name in r.unchangedFields {
                guard b[BriefField(name)] != nil else { fail(b, "unchanged field \(name) was not given"); continue }
                let rests = r.decision.because.contains { reason in
                    guard !reason.text.hasPrefix("Read, but nothing"), case .brief(let vs)? = reason.source else { return false }
                    return vs.contains { $0.field.name == name && !$0.assumed }
                }
                if rests { fail(b, "\(name) is said to change nothing, but a reason rests on it") }
            }
            // Every field the brief gives shaped a step or a rule, was named in a warning, or is said to have changed
            // nothing; a given field is never reported as assumed.
            for f in b.givenFields where ![BriefField.modality, .task, .notes].contains(f) {
                if r.assumedFields.contains(f.name) || r.assumptions.contains(where: { $0.hasPrefix("\(f.name) not given") }) {
                    fail(b, "\(f.name) was given but is reported as assumed")
                }
                let stepped = r.decision.steps.contains { !$0.assumed && $0.fields.contains(f) }
                let ruled = (r.decision.rules + [r.decision.band].compactMap { $0 }).contains { $0.values.contains { $0.field == f && !$0.assumed } }
                if !stepped && !ruled && !r.warnings.contains(where: { $0.lowercased().contains(f.name) || $0.lowercased().contains(f.name.replacingOccurrences(of: "_", with: " ")) }) && !r.unchangedFields.contains(f.name) {
                    fail(b, "\(f.name) was given, but is neither read nor said to change nothing")
                }
            }
            // A departure names a different pick than the one made.
            if let g = r.guidePick, g.id == pick { fail(b, "guide_pick repeats the pick \(pick)") }

            // Issue 20, item 10: reasons and warnings agree with the brief and the pick.
            let said = r.because + r.warnings + r.nextSteps
            let deploy = r.brief[BriefField("deploy")]?.choice ?? ""
            let constrained = ["server-cpu", "mobile", "edge", "browser", "microcontroller"].contains(deploy)
                || r.brief[BriefField("interpretability")]?.choice == "required" || r.brief[BriefField("compute")]?.choice == "low"
            if constrained, let line = said.first(where: { $0.contains("from scratch") && $0.contains("realistic") }) {
                fail(b, "says training from scratch is realistic on a constrained brief: \(line)")
            }
            let task = b[.task]?.choice ?? ""
            if ["generation", "translation", "summarization", "transcription"].contains(task),
               let line = said.first(where: { $0.contains("comfortable for") && $0.contains("discriminative") }) {
                fail(b, "a generative task told its budget is comfortable for discriminative models: \(line)")
            }
            let pickName = (guide.catalog.architectures.first { $0.id == pick }?.displayName ?? pick)
            for line in r.warnings where line.contains(pickName) && ["will struggle", "underfit", "mostly memorises"].contains(where: line.contains) {
                fail(b, "warns that the pick itself fails: \(line)")
            }
            if b[.modality]?.choice != "events", let line = (said + r.alternatives.map(\.reason)).first(where: { $0.lowercased().contains("fraud") }) {
                fail(b, "fraud wording on a brief that is not per-event: \(line)")
            }
            // `(assumed)` only where the brief left the deciding fields out.
            for step in r.decision.steps where step.assumed && step.fields.contains(where: { b[$0] != nil }) {
                fail(b, "'\(step.answer)' is marked assumed, but the brief gives \(step.fields.filter { b[$0] != nil }.map { $0.name })")
            }
            for reason in r.decision.because {
                guard case .brief(let vs)? = reason.source else { continue }
                for v in vs where v.assumed != (b[v.field] == nil) { fail(b, "\(v.field.name) marked assumed=\(v.assumed) in '\(reason.text)'") }
            }
            // Item 7: scorers that answer in microseconds are never ruled out or moved for latency.
            let fast: Set<String> = ["gam", "isolation-forest", "gradient-boosting", "linear"]
            for rule in r.decision.rules where rule.filter == "latency" && !fast.isDisjoint(with: rule.ruledOut) {
                fail(b, "the latency rule '\(rule.label ?? "")' rules out \(fast.intersection(rule.ruledOut).sorted())")
            }
            // No line printed twice, across the sections of the output.
            let lines = said + r.assumptions
            if Set(lines).count != lines.count { fail(b, "a line is printed twice: \(Dictionary(grouping: lines, by: { $0 }).filter { $0.value.count > 1 }.keys.first ?? "")") }
        }
        #expect(failures.isEmpty, "\(failures.count)+ inconsistent briefs:\n\(failures.joined(separator: "\n"))")
    }

    /// Issue 20, item 11: "what would change the pick" changes constraints only (modality and task define the
    /// problem), never leads to a brief the tool refuses or whose every candidate is ruled out, and writes its
    /// values typed in JSON. Every fifth brief of the sweep (the analysis runs the recommender dozens of times each).
    @Test func flipsChangeConstraintsOnlyAndLeadToRealRoutes() throws {
        let guide = try #require(Self.guide, "Content/ must load")
        let recommender = Recommender(guide: guide)
        let schema = guide.decisions.brief
        var failures: [String] = [], checked = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for (i, b) in Self.briefs(schema).enumerated() where i % 5 == 0 {
            for f in Flips.analyze(b, with: recommender) {
                checked += 1
                let spec = try #require(schema[f.field])
                if spec.required { failures.append("\(describe(b)): a flip of \(f.field.name)") }
                var changed = b
                changed[f.field] = try schema.parse(f.field, f.value)
                if schema.refusal(of: changed.values) != nil { failures.append("\(describe(b)): \(f.change) is refused") }
                guard let p = try? recommender.checkedPick(changed) else { failures.append("\(describe(b)): \(f.change) gives no pick"); continue }
                if p.ruledOut { failures.append("\(describe(b)): \(f.change) rules out every candidate") }
                let json = String(decoding: try encoder.encode(f), as: UTF8.self)
                let typed = switch spec.kind {
                case .integer, .number: !json.contains("\"value\":\"")
                case .flag: json.hasSuffix("\"value\":true}") || json.hasSuffix("\"value\":false}")
                case .choice, .text: json.contains("\"value\":\"")
                }
                if !typed { failures.append("\(describe(b)): \(json) is not typed") }
            }
            if failures.count > 20 { break }
        }
        #expect(checked > 500, "only \(checked) flips checked")
        #expect(failures.isEmpty, "\(failures.count) flips:\n\(failures.prefix(20).joined(separator: "\n"))")
    }
}
