import Foundation
import Testing
@testable import NNGuideCore

/// Issue 22: no brief field's name or value is spelt in the recommender. The cost rule reads the
/// latency budget and the target by their `role:` in decisions.yaml, so the shipped content with
/// `deploy` and `latency_ms` renamed everywhere a field name stands recommends exactly what it did.
@Suite struct FieldRoleTests {
    static let renames = [("deploy", "runs_on"), ("latency_ms", "budget_ms")]

    /// decisions.yaml with the fields renamed where a field name stands: declared (`name:`), a filter's
    /// or default's `field:`, a key of a condition or of an example's brief, a `{field}` in text.
    static func renamed(_ yaml: String) throws -> String {
        var out = yaml
        for (old, new) in renames {
            let key = try NSRegularExpression(pattern: "(?<=[\\s{,])\(old)(?=:)")
            out = key.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: new)
            for (a, b) in [("name: \(old)\n", "name: \(new)\n"), ("field: \(old)\n", "field: \(new)\n"), ("{\(old)}", "{\(new)}")] {
                out = out.replacingOccurrences(of: a, with: b)
            }
        }
        return out
    }

    /// A copy of Content/ with decisions.yaml replaced by `decisions`.
    static func content(_ decisions: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-roles-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Fixtures.realContent, toPath: dir)
        try decisions.write(toFile: dir + "/decisions.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    /// What a recommendation decides, without its wording (which names the fields): the pick and its
    /// variants, the leaves, the alternatives and rejections, and each rule with what it ruled out.
    static func outcome(_ r: Recommendation) -> String {
        let rules = r.decision.rules.map { "\($0.filter) \($0.label ?? "") -\($0.ruledOut) +\($0.favoured)" }
        return "\(r.pick.id) \(r.pick.variants) \(r.leaf) alt \(r.alternatives.map(\.id)) not \(r.whyNot.map(\.id)) \(rules)"
    }

    @Test func renamingTheRoleFieldsChangesNoRecommendation() throws {
        let text = try String(contentsOfFile: Fixtures.realContent + "/decisions.yaml", encoding: .utf8)
        let yaml = try Self.renamed(text)
        for (old, _) in Self.renames { #expect(!yaml.contains("name: \(old)\n"), "\(old) is still declared") }
        let dir = try Self.content(yaml)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(ContentLoader.lint(directory: dir).map(\.description) == [], "the renamed content must lint clean")
        let guide = try #require(RecommendSweepTests.guide, "Content/ must load")
        let moved = try ContentLoader.load(directory: dir)
        let (before, after) = (Recommender(guide: guide), Recommender(guide: moved))
        let names = Dictionary(uniqueKeysWithValues: Self.renames.map { (BriefField($0.0), BriefField($0.1)) })
        var compared = 0, costRules = 0, onDevice = 0
        for brief in RecommendSweepTests.briefs(guide.decisions.brief) {
            let values = Dictionary(uniqueKeysWithValues: brief.values.map { (names[$0.key] ?? $0.key, $0.value) })
            let same = try Brief(schema: moved.decisions.brief, values: values)
            guard let a = try? before.recommend(brief) else {
                #expect((try? after.recommend(same)) == nil, "refused only before the rename: \(values)")
                continue
            }
            let b = try after.recommend(same)
            #expect(Self.outcome(a) == Self.outcome(b), "\(values)")
            compared += 1
            costRules += a.decision.rules.contains { $0.label?.hasPrefix("cost per prediction") == true } ? 1 : 0
            onDevice += brief[BriefField("deploy")].map { ["edge", "mobile", "browser", "microcontroller"].contains($0.description) } == true ? 1 : 0
        }
        // The sweep reaches what the roles drive: the cost rule and the device-sized variants.
        #expect(compared > 1000 && costRules > 10 && onDevice > 100, "compared \(compared), cost rules \(costRules), on a device \(onDevice)")
    }

    /// Without its role the budget is not held against the catalog's costs: the roles, not the names,
    /// are what the recommender reads.
    @Test func withoutTheRoleTheCostRuleIsNotApplied() throws {
        let guide = try #require(RecommendSweepTests.guide, "Content/ must load")
        var book = guide.decisions
        let i = try #require(book.brief.fields.firstIndex { $0.role == .latencyBudget })
        let brief = Brief.make(["modality": "text", "task": "generation", "latency_ms": "10"], schema: book.brief)
        func costRule(_ book: DecisionBook) throws -> Bool {
            let r = try Recommender(book: book, catalog: guide.catalog).recommend(try Brief(schema: book.brief, values: brief.values))
            return r.decision.rules.contains { $0.label?.hasPrefix("cost per prediction") == true }
        }
        #expect(try costRule(book))
        book.brief.fields[i].role = nil
        #expect(try !costRule(book))
    }

    /// Lint: one field per role, of the kind the role needs; `on_device` and `costs_as` only on the
    /// target's values.
    @Test func rolesAreChecked() throws {
        let schema = DecisionFixture.book.brief
        #expect(schema.problems.isEmpty)
        #expect(schema.field(.target)?.name == "deploy" && schema.field(.latencyBudget)?.name == "latency_ms")
        var twice = schema
        let samples = try #require(twice.fields.firstIndex { $0.name == "samples" })
        twice.fields[samples].role = .latencyBudget
        #expect(twice.problems.map(\.message).contains("brief field 'latency_ms': role latency_budget is another field's already"), "\(twice.problems)")
        var kind = schema
        kind.fields[try #require(kind.fields.firstIndex { $0.role == .target })].role = nil
        kind.fields[samples].role = .target
        #expect(kind.problems.map(\.message).contains("brief field 'samples': role target needs kind choice"), "\(kind.problems)")
        #expect(kind.problems.map(\.message).contains { $0.hasPrefix("brief field 'deploy': value 'edge' says on_device") }, "\(kind.problems)")
    }
}
