import Testing
@testable import NNGuideCore

/// Lint proves the trees whole and the recommender's data real. Each test breaks the small fixture in
/// one way and expects a problem that names decisions.yaml, a line, and the fault.
@Suite struct DecisionLintTests {
    func problems(_ yaml: String) throws -> [String] { try DecisionFixture.lint(yaml).map(\.description) }

    func expect(_ yaml: String, _ fragment: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let found = try problems(yaml)
        let hit = found.first { $0.contains(fragment) }
        #expect(hit != nil, "expected a problem containing '\(fragment)', got: \(found)", sourceLocation: sourceLocation)
        if let hit { #expect(hit.hasPrefix("decisions.yaml:"), "\(hit)", sourceLocation: sourceLocation) }
    }

    @Test func theRealDecisionsAreWholeAgainstThePlannedIDs() {
        #expect(DecisionFixture.real.guide != nil)
        #expect(DecisionFixture.real.problems.errors.map(\.description) == [])   // warnings are advisory
    }

    @Test func theSmallFixtureIsClean() throws {
        #expect(try problems(DecisionFixture.small) == [])
    }

    @Test func aCycleIsFound() throws {
        let yaml = DecisionFixture.small.replacingOccurrences(of: "next: leaf-b", with: "next: q")
        try expect(yaml, "has a cycle: q -> q")
    }

    @Test func anUnreachableNodeIsFound() throws {
        let yaml = DecisionFixture.small + "\n      - {id: orphan, title: O, pick: [linear], why: W., see: [part-5]}\n"
        try expect(yaml, "node 'orphan' cannot be reached from 'q'")
    }

    @Test func aDeadEndIsFound() throws {
        let yaml = DecisionFixture.small.replacingOccurrences(
            of: "{id: leaf-b, title: CNN, pick: [cnn], why: Locality., see: [part-5]}",
            with: "{id: leaf-b, question: Then what?, options: []}")
        try expect(yaml, "dead end: question 'leaf-b' has no options")
    }

    @Test func anUnknownCatalogIDIsFound() throws {
        let yaml = DecisionFixture.small.replacingOccurrences(of: "pick: [cnn]", with: "pick: [resnet]")
        try expect(yaml, "names unknown catalog id 'resnet'")
    }

    @Test func anAnswerLeadingNowhereIsFound() throws {
        let yaml = DecisionFixture.small.replacingOccurrences(of: "next: leaf-a", with: "next: nowhere")
        try expect(yaml, "leads to 'nowhere', which is not a node of 'primary'")
    }

    @Test func everyRealAnswerAndLeafSaysWhyAndLinksAPage() throws {
        #expect(DecisionChecks.unexplained(DecisionFixture.book) == [])
        let bare = try #require(DecisionFixture.real.guide).decisions
        var broken = bare
        broken.trees[0].nodes[0].options[0].why = nil
        broken.trees[0].nodes[0].options[0].see = []
        #expect(DecisionChecks.unexplained(broken).count == 2)
    }

    @Test func aLinkedPageMustExist() throws {
        try expect(DecisionFixture.small.replacingOccurrences(of: "see: [part-5], when", with: "see: [part-55], when"), "see 'part-55' is not a page id")
        try expect(DecisionFixture.small.replacingOccurrences(of: "why: Locality., see: [part-5]", with: "why: Locality., see: [nowhere]"), "see 'nowhere' is not a page id")
    }

    /// Content that marks where one decision comes from must mark them all; content that marks none is older
    /// content and still lints clean (the small book here).
    @Test func oneOriginMeansEveryDecisionSaysWhereItComesFrom() throws {
        #expect(try problems(DecisionFixture.small).isEmpty)
        let marked = DecisionFixture.small.replacingOccurrences(of: "      - id: q\n", with: "      - id: q\n        origin: guide\n")
        try expect(marked, "answer 'Table' of 'q' has no origin; write origin: guide")
        try expect(marked, "node 'leaf-a' of tree 'primary' has no origin")
    }

    /// Decisions share the content's `Origin`, but `refilled` names a list the source lost: a rule is the
    /// guide's or added, and lint says which line is wrong.
    @Test func aDecisionIsNeverRefilled() throws {
        let refilled = DecisionFixture.small.replacingOccurrences(of: "      - id: q\n", with: "      - id: q\n        origin: refilled\n")
        #expect(refilled != DecisionFixture.small)
        try expect(refilled, "node 'q' of tree 'primary' has origin: refilled")
        let found = try problems(refilled).first { $0.contains("origin: refilled") } ?? ""
        #expect(found.range(of: #"^decisions\.yaml:\d+"#, options: .regularExpression) != nil, "\(found)")
    }

    @Test func lintReplaysTheExamplesAndCatchesAChangedPick() throws {
        let yaml = DecisionFixture.small + """

            examples:
              - {id: e1, kind: quick, number: 1, title: T, brief: {modality: tabular, task: regression}, expect: [gradient-boosting], guide_pick: Trees}
              - {id: e2, kind: quick, number: 2, title: T, brief: {modality: image, task: regression}, expect: [vit], guide_pick: ViT}
            """
        let found = try problems(yaml)
        #expect(found.count == 1)
        #expect(found.first?.contains("example 'e2': the guide's own flow picks 'cnn', but the guide's pick is 'vit'") == true)
    }

    @Test func conditionsMustNameRealFieldsAndValues() throws {
        try expect(DecisionFixture.small.replacingOccurrences(of: "when: {modality: tabular}", with: "when: {modalty: tabular}"),
                   "unknown brief field 'modalty'")
        try expect(DecisionFixture.small.replacingOccurrences(of: "when: {modality: tabular}", with: "when: {modality: tables}"),
                   "'when' value 'tables' is not a modality")
        try expect(DecisionFixture.small.replacingOccurrences(of: "when: {modality: tabular}", with: "when: {samples: lots}"),
                   "is not a number test")
    }

    @Test func aMisspeltKeyIsFound() throws {
        try expect(DecisionFixture.small.replacingOccurrences(of: "title: Trees,", with: "titel: Trees,"), "unknown key 'titel' in node")
    }

    @Test func aRefinementMustStayInsideTheLeafsFamily() throws {
        let yaml = DecisionFixture.small.replacingOccurrences(
            of: "{id: leaf-b, title: CNN, pick: [cnn], why: Locality., see: [part-5]}",
            with: "{id: leaf-b, title: CNN, pick: [cnn], why: Locality., see: [part-5], refine: {tree: other, node: o}}") + """

              - id: other
                title: Other
                source: part-4
                start: o
                nodes:
                  - {id: o, title: ViT, pick: [vit], why: Patches., see: [part-4]}
            """
        try expect(yaml, "can reach leaf 'o', which picks 'vit'")
    }

    @Test func bandsMustCoverEveryCountOnce() throws {
        let yaml = DecisionFixture.small + """

            thresholds:
              - {id: small, label: small, min: 0, max: 1000, can_do: Trees.}
              - {id: big, label: big, min: 2000, can_do: Anything.}
            """
        try expect(yaml, "threshold 'big' starts at 2000; expected 1000")
    }

    @Test func examplesMustBeValidBriefsNamingRealIDs() throws {
        let yaml = DecisionFixture.small + """

            examples:
              - {id: e1, kind: worked, number: 1, title: T, brief: {modality: tabular, task: guessing}, expect: [gradient-boosting], guide_pick: Trees}
              - {id: e2, kind: worked, number: 2, title: T, brief: {modality: tabular, task: regression}, expect: [xgboost], guide_pick: Trees}
            """
        try expect(yaml, "example 'e1': brief: unknown value 'guessing' for task")
        try expect(yaml, "example 'e2' names unknown catalog id 'xgboost'")
    }

    @Test func filtersMustReadABriefFieldAndTestIt() throws {
        let yaml = DecisionFixture.small + """

            filters:
              - {id: speed, name: Speed, field: latency, summary: S, rules: []}
              - id: deploy
                name: Deploy
                field: deploy
                summary: S
                rules:
                  - {when: {compute: low}, out: [{ids: [cnn], reason: R}]}
            """
        try expect(yaml, "filter 'speed': field 'latency' is not a brief field")
        try expect(yaml, "every 'when' mapping must test the filter's field 'deploy'")
    }

    @Test func examplesNeedAPrimaryTreeToStartFrom() throws {
        let yaml = DecisionFixture.small.replacingOccurrences(of: "id: primary", with: "id: first\n    role: variant") + """

            examples:
              - {id: e1, kind: quick, number: 1, title: T, brief: {modality: tabular, task: regression}, expect: [gradient-boosting], guide_pick: Trees}
            """
        try expect(yaml, "example 'e1' cannot be answered: decisions.yaml has no tree with role primary")
    }

    @Test func aTreeIsFoundByItsRoleNotItsName() throws {
        let yaml = DecisionFixture.small.replacingOccurrences(of: "id: primary", with: "id: first\n    role: primary")
        #expect(try problems(yaml) == [])
        let two = yaml + "\n  - {id: second, role: primary, title: S, source: part-5, start: l, nodes: [{id: l, title: L, pick: [cnn], why: W., see: [part-5]}]}\n"
        try expect(two, "tree 'second' has role primary, and so has 'first'")
    }

    // The brief schema is data: lint names the line of each mistake in it.

    @Test func aSchemaMistakeNamesItsLine() throws {
        let yaml = DecisionFixture.small.replacingOccurrences(of: "  - name: compute\n    kind: choice", with: "  - name: compute\n    kind: integer")
        try expect(yaml, "brief field 'compute': only a choice lists values")
        let twice = DecisionFixture.small.replacingOccurrences(of: "{value: low,", with: "{value: medium,")
        try expect(twice, "brief field 'compute': value 'medium' appears twice")
        let found = try problems(twice).first { $0.contains("appears twice") } ?? ""
        let line = DecisionFixture.small.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "  - name: compute" }.map { $0 + 1 }
        #expect(found.hasPrefix("decisions.yaml:\(line ?? -1):"), "\(found)")
    }

    @Test func aMisspeltKindNamesTheValidKindsOnce() throws {
        let yaml = DecisionFixture.small.replacingOccurrences(of: "  - name: compute\n    kind: choice", with: "  - name: compute\n    kind: choise")
        try expect(yaml, "invalid String value choise; expected one of: choice, integer, number, flag, text")
        let found = try problems(yaml)
        #expect(found.count == 1, "one mistake, one problem: \(found)")
    }

    @Test func conditionsAreCheckedAgainstTheSchema() throws {
        let yaml = DecisionFixture.small.replacingOccurrences(of: "when: {modality: tabular}", with: "when: {modality: hologram}")
        try expect(yaml, "'when' value 'hologram' is not a modality")
    }

    @Test func aBookWithConditionsNeedsASchema() throws {
        let yaml = DecisionFixture.small.replacingOccurrences(of: "brief:\n" + DecisionFixture.briefSection, with: "")
        #expect(!yaml.contains("name: modality"))
        try expect(yaml, "decisions.yaml has no 'brief' section")
    }
}
