import Foundation
import Testing
@testable import NNGuideCore

/// `p` in the brief form (issue 23 retest): the path a brief takes through the primary tree answers every
/// question from the brief as the recommender reads it, so the pick at its end, its `y` command and its
/// record are the form's, with the values the user typed.
@Suite struct BriefPathTests {
    static let guide: Guide? = try? ContentLoader.load(directory: Fixtures.realContent)

    func path(_ raw: [String: String], _ guide: Guide) throws -> (nav: Navigator, brief: Brief) {
        let brief = try Brief(schema: guide.decisions.brief, raw)
        let primary = try #require(guide.decisions.primaryTree)
        return (Navigator(tree: primary, brief: brief, recommender: Recommender(guide: guide)), brief)
    }

    /// The retest's two briefs: a small table is not "Starting out" (TabPFN on a server), audio
    /// classification is not speaker verification.
    @Test func theRetestsBriefsEndOnTheFormsPick() throws {
        let guide = try #require(Self.guide)
        let r = Recommender(guide: guide)
        for raw in [["modality": "tabular", "task": "classification", "samples": "5000"], ["modality": "audio", "task": "classification"]] {
            let (nav, brief) = try path(raw, guide)
            let form = try r.decide(brief)
            let d = try #require(nav.decision(catalog: guide.catalog, guide: guide), "\(raw) reaches no pick")
            #expect(d.pick.id == form.pick.id && d.pick.title == form.pick.title, "\(raw): path \(d.pick.title), form \(form.pick.title)")
        }
    }

    /// `y` and `e` on the path say the samples typed (5000), never a number standing for a range.
    @Test func thePathsCommandAndRecordCarryTheTypedSamples() throws {
        let guide = try #require(Self.guide)
        let (nav, _) = try path(["modality": "tabular", "task": "classification", "samples": "5000"], guide)
        let command = try #require(try nav.command(with: Recommender(guide: guide))?.get())
        #expect(command.line.contains("--samples 5000"), "\(command.line)")
        #expect(!command.notes.joined().contains("the command says"), "\(command.notes)")
        let record = try #require(nav.record(catalog: guide.catalog, guide: guide, date: "2026-12-07"))
        #expect(record.contains("--samples 5000") && !record.contains("the command says") && !record.contains("50000"), "\(record)")
    }

    /// The property over the sweep's briefs: the pick (and its title and start-with list) after the brief's
    /// path is the recommender's for the brief, and the path's command gives that pick back when run.
    @Test func everySweptBriefsPathEndsOnItsRecommendation() throws {
        let guide = try #require(Self.guide)
        let r = Recommender(guide: guide)
        let primary = try #require(guide.decisions.primaryTree)
        var checked = 0, wrong: [String] = []
        for (i, brief) in RecommendSweepTests.briefs(guide.decisions.brief).enumerated() where i % 3 == 0 {
            guard let form = try? r.decide(brief) else { continue }
            let nav = Navigator(tree: primary, brief: brief, recommender: r)
            let line = brief.commandLine(given: brief.givenFields)
            guard let d = nav.decision(catalog: guide.catalog, guide: guide) else { wrong.append("\(line): the path stops before a pick"); continue }
            checked += 1
            if d.pick != form.pick { wrong.append("\(line): path \(d.pick.id) \u{201C}\(d.pick.title)\u{201D}, form \(form.pick.id) \u{201C}\(form.pick.title)\u{201D}") }
            guard let c = try? nav.command(with: r)?.get() else { wrong.append("\(line): no command"); continue }
            if (try? r.decide(c.brief))?.pick != form.pick { wrong.append("\(line): y gives \(c.line)") }
            for f in brief.givenFields where f != .notes && c.brief[f] != brief[f] { wrong.append("\(line): y changes \(f.name) to \(c.line)") }
        }
        #expect(checked > 500, "checked \(checked)")
        #expect(wrong.isEmpty, "\(wrong.count) paths leave the brief's pick:\n\(wrong.prefix(30).joined(separator: "\n"))")
    }

    /// A question no field of the brief answers is one the path says it assumed (the tabular stage's
    /// "Starting out" is taken on an assumption only when the brief leaves deploy and samples open).
    @Test func anAnswerTheBriefLeavesOpenIsSaidToBeAssumed() throws {
        let guide = try #require(Self.guide)
        let r = Recommender(guide: guide)
        var said = 0
        for brief in RecommendSweepTests.briefs(guide.decisions.brief).prefix(400) {
            guard let primary = guide.decisions.primaryTree, let form = try? r.decide(brief) else { continue }
            let nav = Navigator(tree: primary, brief: brief, recommender: r)
            let open = Set(nav.assumedByBrief.map(\.node.id))
            let assumed = Set(form.steps.filter { $0.assumed && $0.tree == primary.id }.map(\.node))
            #expect(open == assumed, "\(brief.commandLine(given: brief.givenFields)): path says \(open), recommender \(assumed)")
            said += open.count
        }
        #expect(said > 0, "the sweep should meet an answer the brief leaves open")
    }
}
