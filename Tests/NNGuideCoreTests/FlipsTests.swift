import Foundation
import Testing
import TestSupport
@testable import NNGuideCore

/// What would change the pick: every flip holds when re-run, and no single-field change outside the
/// list changes the pick (for numbers: none nearer than the listed boundary on that side).
@Suite struct FlipsTests {
    let recommender = DecisionFixture.recommender
    var schema: BriefSchema { DecisionFixture.book.brief }

    /// The guide's examples, plus briefs drawn at random over every field (seeded, so a failure repeats);
    /// a draw the schema refuses (a task its modality rules out) is drawn again.
    var briefs: [Brief] {
        var out = DecisionFixture.book.examples.compactMap { $0.parsedBrief(schema).brief }
        let wanted = out.count + 40
        var rng = SeededRandom(seed: 13)
        for _ in 0..<400 where out.count < wanted {
            var values: [BriefField: BriefValue] = [:]
            for spec in schema.fields where spec.required || Bool.random(using: &rng) {
                switch spec.kind {
                case .choice: values[spec.field] = .choice(spec.choices.randomElement(using: &rng)!)
                case .flag: values[spec.field] = .flag(Bool.random(using: &rng))
                case .integer: values[spec.field] = .number(Double([50, 800, 5_000, 50_000, 500_000, 5_000_000].randomElement(using: &rng)!))
                case .number: values[spec.field] = .number([5, 50, 500, 5_000].randomElement(using: &rng)!)
                case .text: break
                }
            }
            if schema.refusal(of: values) == nil { out.append(try! Brief(schema: schema, values: values)) }
        }
        return out
    }

    func pick(_ b: Brief) throws -> Flips.Outcome {
        let d = try recommender.decide(b)
        return Flips.Outcome(id: d.pick.id, title: d.pick.title)
    }

    /// Number values to probe beyond the analysis's own points: round numbers and values between them.
    static let probes: [Double] = [1, 2, 5, 9, 10, 11, 20, 50, 99, 100, 101, 150, 500, 999, 1000, 1001, 2000, 5000, 9999, 10_000, 10_001,
                                   20_000, 50_000, 99_999, 100_000, 100_001, 300_000, 999_999, 1_000_000, 1_000_001, 10_000_000]

    /// `Recommender.pick` (what Flips runs) gives what the full `decide` picks, id and title, for every
    /// brief of the sweep and every single-field change of it.
    @Test func thePickAloneIsTheDecisionsPick() throws {
        var checked = 0, differ = 0
        for brief in briefs {
            var variants = [brief]
            for spec in schema.fields {
                for v in Flips.candidates(for: spec, in: recommender.book) + (spec.kind == .integer ? [BriefValue.number(3), .number(70_000)] : []) {
                    var b = brief
                    b[spec.field] = v
                    variants.append(b)
                }
            }
            for b in variants {
                // A change the schema refuses is refused by both, never picked for.
                if schema.refusal(of: b.values) != nil {
                    #expect(throws: RecommendError.self) { try recommender.pick(b) }
                    continue
                }
                let full = try pick(b)
                let alone = try recommender.pick(b)
                #expect(alone.id == full.id && alone.title == full.title, "\(b.commandLine()): pick \(alone), decide \(full)")
                if full.id != (try pick(brief)).id { differ += 1 }
                checked += 1
            }
        }
        #expect(checked > 1000 && differ > 100, "\(checked) briefs, \(differ) with another pick than their base")
    }

    @Test func everyFlipHoldsAndNothingOutsideTheListChangesThePick() throws {
        try #require(DecisionFixture.real.problems.errors.isEmpty)
        var checked = 0
        for brief in briefs {
            let base = try pick(brief)
            let flips = Flips.analyze(brief, with: recommender)
            // Each flip, applied through the command line's own parser, gives exactly its pick.
            for f in flips {
                var changed = brief
                changed[f.field] = try schema.parse(f.field, f.value)
                let o = try pick(changed)
                #expect(o.id == f.pick && o.title == f.title, "\(brief.commandLine()) with \(f.change): got \(o), flip says \(f.pick)")
                #expect(o != base)
                checked += 1
            }
            // Every other single-field change keeps the pick, or is covered by a listed flip.
            for spec in schema.fields {
                let field = spec.field
                var values = Flips.candidates(for: spec, in: recommender.book)
                if spec.kind == .integer || spec.kind == .number { values += Self.probes.map { .number($0) } }
                for v in values where v != brief[field] {
                    var changed = brief
                    changed[field] = v
                    // No flip offers a brief the schema refuses (translation of a table).
                    if schema.refusal(of: changed.values) != nil {
                        #expect(!flips.contains { $0.field == field && $0.value == v.description }, "\(brief.commandLine()): a flip to \(field.name)=\(v)")
                        continue
                    }
                    let o = try pick(changed)
                    guard o != base else { continue }
                    let listed = flips.filter { $0.field == field && $0.pick == o.id && $0.title == o.title }
                    if let n = v.number, let c = brief[field]?.number {
                        // The listed flip on the same side is no farther than this value.
                        #expect(listed.contains { f in
                            let fv = Double(f.value)!
                            return (fv - c).sign == (n - c).sign && abs(fv - c) <= abs(n - c)
                        }, "\(brief.commandLine()): \(field.name)=\(v) gives \(o.title) but no flip on that side says so: \(flips.map(\.sentence))")
                    } else if v.number != nil {
                        #expect(!listed.isEmpty, "\(brief.commandLine()): \(field.name)=\(v) gives \(o.title), not in \(flips.map(\.sentence))")
                    } else {
                        #expect(listed.contains { $0.value == v.description }, "\(brief.commandLine()): \(field.name)=\(v) gives \(o.title), not in \(flips.map(\.sentence))")
                    }
                }
            }
        }
        #expect(checked > 50, "the sweep found only \(checked) flips: it must exercise real changes")
    }

    @Test func flipsAreOrderedByHowSmallTheChangeIs() {
        let brief = Brief.make(["modality": "image", "task": "classification", "samples": "50000"])
        let flips = Flips.analyze(brief, with: recommender)
        let sentences = flips.map(\.sentence)
        #expect(!flips.isEmpty)
        // A number's nearer boundary comes before its farther one.
        let samples = flips.filter { $0.field == .samples }.map { Double($0.value)! }
        let below = samples.filter { $0 < 50_000 }
        #expect(below == below.sorted(by: >), "\(sentences)")
        // Boundaries are said as the data draws them, and the value is one the command line accepts.
        for f in flips where f.field == .samples {
            #expect(f.change.contains("under") || f.change.contains("or more") || f.change.contains("or less") || f.change.contains("over"), "\(f.change)")
            #expect((try? schema.parse(.samples, f.value)) != nil)
        }
    }

    @Test func aDeployChangeIsAFlipEvenWhenTheFamilyStays() throws {
        // "with deploy=edge: a mobile-sized CNN": the same family, a different leaf, is a different pick.
        let brief = Brief.make(["modality": "image", "task": "classification", "samples": "50000", "deploy": "cloud"])
        let base = try pick(brief)
        var edge = brief
        edge["deploy"] = .choice("edge")
        let o = try pick(edge)
        let flips = Flips.analyze(brief, with: recommender)
        if o != base {
            #expect(flips.contains { $0.field == "deploy" && $0.value == "edge" && $0.title == o.title }, "\(flips.map(\.sentence))")
        } else {
            #expect(!flips.contains { $0.field == "deploy" && $0.value == "edge" })
        }
    }

    @Test func jsonHasFieldValueAndPick() throws {
        let flips = Flips.analyze(Brief.make(["modality": "tabular", "task": "classification", "samples": "5000"]), with: recommender)
        let f = try #require(flips.first)
        let data = try JSONEncoder().encode(f)
        let obj = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
        #expect(obj["field"] == f.field.name && obj["value"] == f.value && obj["pick"] == f.pick)
    }
}
