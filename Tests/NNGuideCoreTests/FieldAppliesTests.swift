import Foundation
import Testing
@testable import NNGuideCore

/// A brief field's `applies_to` (issue 23 item 8): the modalities and tasks a field means something for.
/// The form shows it only there; a brief that gives it elsewhere is warned and has it ignored.
@Suite struct FieldAppliesTests {
    static let modality = BriefFieldSpec(name: "modality", kind: .choice, meaning: "m", required: true,
                                         values: [BriefChoice("a", meaning: "A"), BriefChoice("b", meaning: "B")])

    func schema(_ appliesTo: [String: [String]], required: Bool = false) -> BriefSchema {
        var size = BriefFieldSpec(name: "size", kind: .integer, meaning: "how big")
        size.appliesTo = appliesTo
        size.required = required
        return BriefSchema(fields: [Self.modality, size])
    }

    @Test func lintChecksAFieldsAppliesTo() {
        #expect(schema(["modality": ["a"]]).problems.isEmpty)
        #expect(schema(["modality": ["c"]]).problems.contains { $0.message == "brief field 'size' applies_to 'modality': 'c' is not a value of modality; valid values: a, b" })
        #expect(schema(["colour": ["a"]]).problems.contains { $0.message.contains("applies_to 'colour', which is not a choice field") })
        #expect(schema(["size": ["1"]]).problems.contains { $0.message.contains("its own field") })
        #expect(schema(["modality": []]).problems.contains { $0.message.contains("with no values") })
        // A required field cannot be left out where it does not apply.
        var required = schema(["modality": ["a"]])
        required.fields[1].kind = .choice
        required.fields[1].values = [BriefChoice("x", meaning: "X")]
        required.fields[1].required = true
        #expect(required.problems.contains { $0.message.contains("a required field applies to every brief") })
    }

    @Test func aFieldAppliesUntilAValueRulesItOut() {
        let s = schema(["modality": ["a"]])
        let size = s.fields[1]
        #expect(size.applies(given: [:]), "nothing chosen limits nothing")
        #expect(size.applies(given: [.modality: .choice("a")]))
        #expect(!size.applies(given: [.modality: .choice("b")]))
        let out = s.notApplying(in: [.modality: .choice("b"), BriefField("size"): .number(3)])
        #expect(out.map(\.description) == ["size does not apply to modality b (only to a) and was ignored."])
        #expect(s.notApplying(in: [.modality: .choice("a"), BriefField("size"): .number(3)]).isEmpty)
        #expect(s.notApplying(in: [.modality: .choice("b")]).isEmpty, "a field not given is never warned about")
    }

    @Test func theSchemaRoundTripsThroughJSONWithItsAppliesTo() throws {
        let s = schema(["modality": ["a"]])
        let back = try JSONDecoder().decode(BriefSchema.self, from: JSONEncoder().encode(s))
        #expect(back == s)
        #expect(String(decoding: try JSONEncoder().encode(BriefSchema(fields: [Self.modality])), as: UTF8.self).contains("applies_to") == false)
    }

    /// The shipped content: a field given where it does not apply changes neither the route nor the pick,
    /// for every modality and every task that applies to it, and the recommendation says it was ignored.
    @Test func aFieldThatDoesNotApplyChangesNothingButAWarning() throws {
        let recommender = DecisionFixture.recommender
        let schema = recommender.book.brief
        let limited = schema.fields.filter { !$0.appliesTo.isEmpty }
        try #require(Set(limited.map(\.name)).isSuperset(of: ["nodes", "context"]), "\(limited.map(\.name))")
        var checked = 0
        for m in schema[.modality]?.choices ?? [] {
            for t in schema.applicable(.task, given: [.modality: .choice(m)]) {
                let values: [BriefField: BriefValue] = [.modality: .choice(m), .task: .choice(t)]
                let base = try recommender.decide(Brief(schema: schema, values: values), comparingWithGuide: false)
                for f in limited where !f.applies(given: values) {
                    for v in Self.samples(f) {
                        var given = values
                        given[f.field] = v
                        let d = try recommender.decide(Brief(schema: schema, values: given), comparingWithGuide: false)
                        let brief = "\(m)/\(t) with \(f.name) \(v)"
                        #expect(d.pick.id == base.pick.id && d.pick.title == base.pick.title, "\(brief): \(d.pick.id) instead of \(base.pick.id)")
                        #expect(d.steps.map(\.answer) == base.steps.map(\.answer), "\(brief) took another route")
                        #expect(d.warnings.contains { $0.text.hasPrefix("\(f.name) does not apply to ") }, "\(brief) is not warned about")
                        #expect(!d.unchangedFields.contains(f.field), "\(brief) is also called read")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 100, "only \(checked) briefs checked")
    }

    /// Values to try: every value of a choice, both of a flag, a few sizes of a number.
    static func samples(_ f: BriefFieldSpec) -> [BriefValue] {
        switch f.kind {
        case .choice: return f.choices.map { .choice($0) }
        case .flag: return [.flag(true), .flag(false)]
        case .integer: return [1, 50, 500, 20_000, 5_000_000].map { .number($0) }
        case .number: return [5, 200, 10_000].map { .number($0) }
        case .text: return [.text("x")]
        }
    }
}
