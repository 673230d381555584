import Testing
@testable import NNGuideCore

/// The navigator behind the explorer's decision screens: choose, step back, change an earlier answer.
@Suite struct DecisionNavigatorTests {
    let primary = DecisionFixture.book.tree("primary")!

    func index(_ nav: Navigator, _ answer: String) throws -> Int {
        try #require(nav.current.options.firstIndex { $0.answer.hasPrefix(answer) }, "no answer '\(answer)' at \(nav.current.id)")
    }

    func step(_ nav: inout Navigator, _ answers: String...) throws {
        for a in answers { let i = try index(nav, a); let ok = nav.choose(i); #expect(ok) }
    }

    @Test func stepsFromTheStartToALeafAndBack() throws {
        var nav = Navigator(tree: primary, schema: DecisionFixture.book.brief)
        #expect(nav.current.id == primary.start && nav.breadcrumb.isEmpty)
        try step(&nav, "Text", "Generate")
        #expect(nav.isAtLeaf && nav.leaf?.pick.first == "transformer-decoder")
        #expect(nav.breadcrumb.map(\.option.answer) == ["Text or code", "Generate or continue"])
        let atLeaf = nav.choose(0)
        #expect(!atLeaf, "a leaf has no answers")
        let back1 = nav.back()
        #expect(back1 && nav.current.id == "text-need")
        let back2 = nav.back(), back3 = nav.back()
        #expect(back2 && !back3)
    }

    @Test func rejectsAnswersThatDoNotExist() {
        var nav = Navigator(tree: primary, schema: DecisionFixture.book.brief)
        let a = nav.choose(99), b = nav.choose(-1)
        #expect(!a && !b)
        #expect(nav.answers.isEmpty)
    }

    @Test func changingAnEarlierAnswerKeepsLaterOnesThatStillApply() throws {
        var nav = Navigator(tree: primary, schema: DecisionFixture.book.brief)
        try step(&nav, "Images", "Classify", "In the cloud or on GPU servers: limited")
        #expect(nav.leaf?.id == "image-cnn")
        // Same question, other answer: the path below it changes.
        // The guide's "Large data" answer, after the deployment answers nnguide adds before it.
        let large = try #require(primary.node("image-data")?.options.firstIndex { $0.answer.hasPrefix("In the cloud or on GPU servers: large") })
        let changed = nav.change(step: 2, to: large)
        #expect(changed && nav.leaf?.id == "image-pretrained" && nav.answers.count == 3)
        // Changing the modality drops answers whose questions are no longer on the path.
        let tabular = try #require(primary.node("modality")?.options.firstIndex { $0.answer == "Tabular" })
        let changedAgain = nav.change(step: 0, to: tabular)
        #expect(changedAgain && nav.answers.count == 1 && nav.current.id == "tabular-need")
        let badStep = nav.change(step: 5, to: 0), badOption = nav.change(step: 0, to: 42)
        #expect(!badStep && !badOption)
    }

    @Test func goingBackToABreadcrumbForgetsLaterAnswers() throws {
        var nav = Navigator(tree: primary, schema: DecisionFixture.book.brief)
        try step(&nav, "Images", "Classify", "In the cloud or on GPU servers: limited")
        let ok = nav.back(to: 1)
        #expect(ok && nav.current.id == "image-need" && nav.answers.count == 1)
    }

    @Test func theAnswersImplyARecommendCommand() throws {
        var nav = Navigator(tree: primary, schema: DecisionFixture.book.brief)
        try step(&nav, "Text", "Generate")
        #expect(nav.commandLine == "nnguide recommend --modality text --task generation")
        #expect(try DecisionFixture.recommender.recommend(try #require(nav.impliedBrief)).leaf == "primary/text-generate")
        var open = Navigator(tree: primary, schema: DecisionFixture.book.brief)
        try step(&open, "Time series", "Recent history")
        #expect(open.commandLine == "nnguide recommend --modality time-series --streaming --task <task>")
    }

    /// An answer that allows several values stands for one the later answers leave answerable: time
    /// series or events, then ranking, is an events brief (ranking does not apply to a time series).
    @Test func theImpliedBriefIsOneTheSchemaAccepts() throws {
        var nav = Navigator(tree: primary, schema: DecisionFixture.book.brief)
        try step(&nav, "Time series", "Rank or recommend")
        #expect(nav.schema.refusal(of: nav.impliedValues) == nil, "\(nav.impliedValues)")
        #expect(nav.commandLine == "nnguide recommend --modality events --task ranking")
        let r = try DecisionFixture.recommender.recommend(try #require(nav.impliedBrief))
        #expect(r.leaf == "primary/\(nav.current.id)")
    }

    /// Every leaf reached by hand, replayed as the brief its answers imply, is the leaf the recommender reaches.
    @Test func everyNavigatedLeafAgreesWithTheRecommender() throws {
        var checked = 0
        func explore(_ nav: Navigator) throws {
            if nav.isAtLeaf {
                // Answers without a condition cannot be implied by a brief; a task the path leaves open
                // is filled with any value, since no answer on the path depends on it.
                guard nav.breadcrumb.allSatisfy({ $0.option.when != nil }) else { return }
                // A task the path leaves open is filled with one that takes no earlier, more specific answer
                // (nnguide's task routes come first at some questions): some task must reach the same leaf.
                var reached: [String] = []
                for task in nav.schema[.task]?.choices ?? [] {
                    var values = nav.impliedValues
                    if values[.task] == nil { values[.task] = .choice(task) }
                    if nav.schema.refusal(of: values) != nil { continue }  // a task this modality rules out
                    let r = try DecisionFixture.recommender.recommend(try Brief(schema: nav.schema, values: values))
                    reached.append(r.leaf)
                    // Issue 20 moved some of the guide's own leaves off nnguide's route for the brief their answers
                    // imply (translation and summaries go to a prompted LLM); the recommendation then names that
                    // leaf as the guide's pick it departs from.
                    if let g = r.guidePick?.leaf, g == "primary/\(nav.current.id)", nav.current.origin == .guide { reached.append(g) }
                    if reached.contains("primary/\(nav.current.id)") || nav.impliedValues[.task] != nil { break }
                }
                #expect(reached.contains("primary/\(nav.current.id)"), "\(nav.commandLine ?? "") reached \(reached)")
                checked += 1
                return
            }
            for i in nav.current.options.indices {
                var next = nav
                next.choose(i)
                try explore(next)
            }
        }
        try explore(Navigator(tree: primary, schema: DecisionFixture.book.brief))
        #expect(checked >= 13)
    }

    @Test func aBriefPrefillsThePath() throws {
        let nav = Navigator(tree: primary, brief: Brief.make(["modality": "image", "task": "generation"]), recommender: DecisionFixture.recommender)
        #expect(nav.leaf?.id == "image-generate" && nav.answers.count == 2)
    }

    @Test func aReachedLeafGivesADecisionRecord() throws {
        var nav = Navigator(tree: primary, schema: DecisionFixture.book.brief)
        #expect(nav.record(catalog: Catalog(), date: "2026-01-09") == nil)
        try step(&nav, "A graph", "Node")
        let md = try #require(nav.record(catalog: DecisionFixture.real.guide?.catalog ?? Catalog(), date: "2026-01-09"))
        #expect(md.contains("- Date: 2026-01-09") && md.contains("(`gnn`)") && md.contains("## Decision path"))
    }

    @Test func theRecordIsAProjectionOfTheSameDecisionValue() throws {
        var nav = Navigator(tree: primary, schema: DecisionFixture.book.brief)
        try step(&nav, "Text", "Generate")
        let catalog = DecisionFixture.real.guide?.catalog ?? Catalog()
        let d = try #require(nav.decision(catalog: catalog, guide: DecisionFixture.real.guide))
        #expect(d.pick.id == nav.leaf?.pick.first && d.leaf == LeafRef(tree: "primary", node: nav.current.id))
        // The path's answers, then the variant tree's the recommender walks for the brief they imply (issue 20,
        // item 9: the pick is the recommender's for that brief, so the steps behind it are shown too).
        #expect(Array(d.steps.map(\.answer).prefix(nav.answers.count)) == nav.breadcrumb.map { InlineParser.plain($0.option.answer) })
        #expect(d.steps.dropFirst(nav.answers.count).allSatisfy { $0.role == .variant } && d.refinedBy?.tree == "text")
        // Every answer's reason is there once, with the page it comes from as data, not as a tag.
        #expect(d.because.count == Set(d.because.map(\.text)).count)
        #expect(d.because.allSatisfy { if case .page? = $0.source { return !$0.text.hasPrefix("[") }; return false })
        let md = try #require(nav.record(catalog: catalog, guide: DecisionFixture.real.guide, date: "2026-01-09"))
        // The record is the decision's projection, with what would change the pick added as a brief's record has it.
        var r = Recommendation(d)
        (r.flipsBasis, r.flips, r.otherAnswers) = nav.whatWouldChange(try #require(DecisionFixture.real.guide))
        // ...and, last, the nnguide-record block of the brief the answers imply, for `nnguide check` (issue 23, fifth retest).
        let guide = try #require(DecisionFixture.real.guide)
        let block = try #require(nav.recordBlock(guide, pick: d.pick.id, date: "2026-01-09"))
        #expect(md == r.markdown(date: "2026-01-09") + "\n" + block + "\n")
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("## ") && !$0.hasPrefix("## Pick: ") }.map { String($0.dropFirst(3)) }
        #expect(headings.allSatisfy { h in DecisionSection.allCases.contains { $0.heading == h } }, "\(headings)")
        #expect(md.contains("- Tree: Primary decision flow (`primary`)") && md.contains("Reproduce with:\n\n```sh\nnnguide recommend --modality text"))
    }

    @Test func everyTreeCanBeWalkedToEveryLeaf() throws {
        for tree in DecisionFixture.book.trees {
            var reached: Set<String> = []
            func explore(_ nav: Navigator) {
                if nav.isAtLeaf { reached.insert(nav.current.id); return }
                for i in nav.current.options.indices { var n = nav; n.choose(i); explore(n) }
            }
            explore(Navigator(tree: tree, schema: DecisionFixture.book.brief))
            #expect(reached == Set(tree.nodes.filter(\.isLeaf).map(\.id)), "\(tree.id)")
        }
    }
}
