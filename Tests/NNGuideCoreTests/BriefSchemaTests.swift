import Foundation
import Testing
@testable import NNGuideCore

/// The brief's fields and values are data: a new modality and a new field are added to decisions.yaml
/// alone, and the reader, the conditions, lint, the recommender and the JSON all take them.
@Suite struct BriefSchemaTests {
    /// The real decisions with modality `haptics` and a field `edges`, added in YAML only: a value, a
    /// field, an answer of the primary flow for haptics, and a default that tests the new field.
    /// (The shipped content gained `audio` and `nodes` this way.)
    static func extended() throws -> String {
        var text = try String(contentsOfFile: DecisionFixture.realDecisions, encoding: .utf8)
        func replace(_ a: String, _ b: String) throws {
            guard text.contains(a) else { throw FixtureError(missing: a) }
            text = text.replacingOccurrences(of: a, with: b)
        }
        try replace("      - {value: multimodal,", "      - {value: haptics, meaning: \"touch and vibration signals\"}\n      - {value: multimodal,")
        try replace("  - name: notes\n",
                    "  - name: edges\n    kind: integer\n    min: 1\n    meaning: how many edges the graph has\n  - name: notes\n")
        try replace("        options:\n          - answer: Tabular\n",
                    "        options:\n          - answer: Haptics\n            why: Touch is a sequence whose order carries the signal.\n"
                    + "            when: {modality: haptics}\n            next: sequence-reach\n            origin: added\n            see: [deep-dive-rnn]\n"
                    + "          - answer: Tabular\n")
        try replace("defaults:\n", "defaults:\n  - {field: edges, when: {modality: graph, edges: \">1000000\"}, says: a graph this large needs sampling, origin: added}\n")
        return text
    }

    struct FixtureError: Error { var missing: String }

    @Test func aNewValueAndFieldNeedOnlyYAML() throws {
        let dir = try DecisionFixture.folder(decisions: try Self.extended())
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (guide, problems) = ContentLoader.read(directory: dir)
        #expect(problems.errors.map(\.description) == [])   // warnings (added facts without sources) are advisory
        let g = try #require(guide)
        let schema = g.decisions.brief
        #expect(schema[.modality]?.choices.contains("haptics") == true)
        #expect(schema["edges"]?.kind == .integer)

        let values = try BriefReader.parse("modality: haptics\ntask: classification\nedges: 5k\n", file: "b.yaml", schema: schema)
        let brief = try Brief(schema: schema, values: values)
        #expect(brief["edges"] == .number(5000))
        let r = try Recommender(guide: g).recommend(brief)
        #expect(r.path.first?.answer == "Haptics")
        #expect(r.decision.because.first?.source == .brief([FieldValue(field: .modality, value: "haptics", assumed: false)]))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.json().utf8)) as? [String: Any])
        #expect((json["brief"] as? [String: Any])?["edges"] as? Int == 5000)
        #expect(brief.commandLine().contains("--edges 5000"))
        #expect(Brief.yaml(values: values, schema: schema).contains("edges: 5000"))
        // The new field's own rules apply: a bad value is named, and so is a condition on it.
        #expect(throws: BriefFileError.self) { try BriefReader.parse("modality: haptics\nedges: 0\n", file: "b.yaml", schema: schema) }
        let bad = try Self.extended().replacingOccurrences(of: "edges: \">1000000\"", with: "edges: lots")
        #expect(try DecisionFixture.lint(bad).contains { $0.description.contains("'lots' for edges is not a number test") })
    }

    @Test func withoutTheValueTheSameBriefIsRejected() throws {
        let schema = DecisionFixture.book.brief
        #expect(throws: BriefFileError.self) { try BriefReader.parse("modality: haptics\ntask: classification\n", file: "b.yaml", schema: schema) }
    }

    /// `applies_to` is checked like any other reference: real choice fields and values, and no value of
    /// the other field left without one of this field's; lint names decisions.yaml and the line.
    @Test func appliesToNamesRealValuesAndLeavesEveryModalityATask() throws {
        let modality = BriefFieldSpec(name: "modality", kind: .choice, meaning: "m", values: [BriefChoice("a", meaning: "A"), BriefChoice("b", meaning: "B")])
        let only = { (applies: [String: [String]]) in
            BriefSchema(fields: [modality, BriefFieldSpec(name: "task", kind: .choice, meaning: "t",
                                                          values: [BriefChoice("x", meaning: "X", appliesTo: applies)])]).problems.map(\.message)
        }
        #expect(only(["modality": ["a", "b"]]) == [])
        #expect(only(["modality": ["a"]]).contains("brief field 'task': no value applies to modality 'b'; list it in some value's applies_to"))
        #expect(only(["modality": ["a", "sound"]]).contains { $0.contains("'sound' is not a value of modality") })
        #expect(only(["colour": ["a"]]).contains { $0.contains("applies_to 'colour', which is not a choice field") })
        #expect(only(["task": ["x"]]).contains { $0.contains("its own field") })

        let bad = try String(contentsOfFile: DecisionFixture.realDecisions, encoding: .utf8)
            .replacingOccurrences(of: "applies_to: {modality: [audio, video, multimodal]}", with: "applies_to: {modality: [audio, speech]}")
        let found = try DecisionFixture.lint(bad).map(\.description)
        #expect(found.contains { $0.hasPrefix("decisions.yaml:") && $0.contains("'speech' is not a value of modality") }, "\(found)")
    }

    @Test func catalogFitsAreModalitiesOfTheSchema() throws {
        let catalog = try String(contentsOfFile: DecisionFixture.planContent + "/catalog.yaml", encoding: .utf8)
        let dir = try DecisionFixture.folder(decisions: try String(contentsOfFile: DecisionFixture.realDecisions, encoding: .utf8))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard let range = catalog.range(of: "fits: [") else { Issue.record("the plan catalog has no fits"); return }
        try catalog.replacingCharacters(in: range, with: "fits: [sound, ").write(toFile: dir + "/catalog.yaml", atomically: true, encoding: .utf8)
        let found = ContentLoader.lint(directory: dir).map(\.description)
        #expect(found.contains { $0.hasPrefix("catalog.yaml:") && $0.contains("fits 'sound' is not a modality") }, "\(found)")
    }

    /// Issue 20: a cost per prediction is given per deploy value of the schema, in positive milliseconds.
    @Test func costPerPredictionNamesDeployValues() throws {
        let catalog = try String(contentsOfFile: DecisionFixture.planContent + "/catalog.yaml", encoding: .utf8)
        let dir = try DecisionFixture.folder(decisions: try String(contentsOfFile: DecisionFixture.realDecisions, encoding: .utf8))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard let range = catalog.range(of: "memory: low}") else { Issue.record("the plan catalog has no cost"); return }
        try catalog.replacingCharacters(in: range, with: "memory: low, per_prediction_ms: {gpu-farm: 1, cloud: 0}}")
            .write(toFile: dir + "/catalog.yaml", atomically: true, encoding: .utf8)
        let found = ContentLoader.lint(directory: dir).map(\.description)
        #expect(found.contains { $0.hasPrefix("catalog.yaml:") && $0.contains("per_prediction_ms 'gpu-farm' is not a deploy value") }, "\(found)")
        #expect(found.contains { $0.contains("per_prediction_ms 'cloud' must be a positive number") }, "\(found)")
    }

    /// Issue 20: an alias is read as its value (`mcu` is `microcontroller`) and may not be another value.
    @Test func aliasesReadAsTheirValue() throws {
        let schema = DecisionFixture.book.brief
        #expect(try schema.parse(BriefField("deploy"), "mcu") == .choice("microcontroller"))
        #expect(try schema.parse(BriefField("deploy"), "MCU") == .choice("microcontroller"))
        #expect(try schema.parse(BriefField("deploy"), "phone") == .choice("mobile"))
        #expect(throws: BriefSchemaError.self) { try schema.parse(BriefField("deploy"), "mainframe") }
        var clash = schema
        let i = try #require(clash.fields.firstIndex { $0.name == "deploy" })
        clash.fields[i].values[0].aliases = ["edge"]
        #expect(clash.problems.contains { $0.message.contains("alias 'edge' of 'cloud' is also another value or alias") })
        #expect(schema.problems.isEmpty)
    }

    /// Issue 22: what a deploy target means to the recommender is data on its value (`on_device`,
    /// `costs_as`), read from decisions.yaml and checked by lint.
    @Test func deployTargetsCarryTheirPropertiesAsData() throws {
        let schema = DecisionFixture.book.brief
        let deploy = try #require(schema[BriefField("deploy")])
        #expect(deploy.values.filter(\.onDevice).map(\.value).sorted() == ["browser", "edge", "microcontroller", "mobile"])
        #expect(deploy.choice("batch")?.costsAs == "cloud")
        var bad = schema
        let i = try #require(bad.fields.firstIndex { $0.name == "deploy" })
        bad.fields[i].values[0].costsAs = "mainframe"
        #expect(bad.problems.contains { $0.message.contains("value 'cloud' costs_as 'mainframe', which is not another value of deploy") }, "\(bad.problems)")
    }
}
