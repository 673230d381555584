import Foundation
import Testing
@testable import NNGuideCore

/// `y` in the navigator: the command for every path through every tree, run through the recommender,
/// takes the same answers to the same pick (issue 12, finding 3).
@Suite struct PathCommandTests {
    let recommender = DecisionFixture.recommender

    /// Every path from a tree's start to each of its leaves (and each question on the way).
    static func paths(_ tree: DecisionTree) -> [Navigator] {
        var out: [Navigator] = []
        func explore(_ nav: Navigator, _ seen: Set<String>) {
            out.append(nav)
            guard !nav.isAtLeaf, !seen.contains(nav.current.id) else { return }
            for i in nav.current.options.indices {
                var next = nav
                if next.choose(i) { explore(next, seen.union([nav.current.id])) }
            }
        }
        explore(Navigator(tree: tree, schema: DecisionFixture.book.brief), [])
        return out
    }

    /// The brief a command line gives, read by the command line's own parser.
    func brief(of line: String) throws -> Brief {
        var words = line.split(separator: " ").map(String.init)
        #expect(Array(words.prefix(2)) == ["nnguide", "recommend"])
        words.removeFirst(2)
        let schema = DecisionFixture.book.brief
        var values: [BriefField: BriefValue] = [:]
        var i = 0
        while i < words.count {
            let flag = words[i]
            if flag.hasPrefix("--no-"), let spec = schema.field(flag: "--" + flag.dropFirst(5)) {
                values[spec.field] = .flag(false); i += 1; continue
            }
            let spec = try #require(schema.field(flag: flag), "unknown flag \(flag) in \(line)")
            if spec.kind == .flag { values[spec.field] = .flag(true); i += 1; continue }
            values[spec.field] = try spec.parse(words[i + 1])
            i += 2
        }
        return try Brief(schema: schema, values: values)
    }

    /// Answers no brief can make the recommender take: an answer without a `when` after one without a
    /// `when`, or after one whose condition what the path says already meets ("Starting out" for any table
    /// before "Trees are tuned and have plateaued": no brief field says trees plateaued).
    static func unreachable(_ nav: Navigator) -> Bool {
        nav.breadcrumb.contains { c in
            c.option.when == nil && c.node.options[..<c.index].contains { o in
                o.when.map { $0.evaluate(Brief(partial: nav.impliedValues, schema: nav.schema)).outcome == .yes } ?? true
            }
        }
    }

    /// A variant-tree route the recommender never follows because, for every brief the path describes,
    /// the primary flow ends at a pick that does not refine into this tree at a question on the path
    /// (an answer nnguide added to the primary flow, such as hybrid retrieval for text, is taken first).
    func primaryGoesElsewhere(_ nav: Navigator) -> Bool {
        guard nav.tree.role != .primary, let primary = DecisionFixture.book.primaryTree else { return false }
        let onPath = Set(nav.breadcrumb.map(\.node.id))
        var bases = [nav.impliedValues]
        for spec in nav.schema.required where nav.impliedValues[spec.field] == nil {
            bases = bases.flatMap { b in Flips.candidates(for: spec, in: recommender.book).map { b.merging([spec.field: $0]) { a, _ in a } } }
        }
        return bases.allSatisfy { values in
            guard let b = try? Brief(schema: nav.schema, values: values), let walk = try? primary.walk(for: recommender.understand(b).brief),
                  let refine = walk.leaf.refine, refine.tree == nav.tree.id else { return true }
            return !onPath.contains(refine.node)
        }
    }

    @Test func everyPathsCommandReproducesItsAnswersAndPick() throws {
        try #require(DecisionFixture.real.problems.errors.isEmpty)
        let guide = try #require(DecisionFixture.real.guide)
        var checked = 0, leaves = 0
        var unreachable: [String] = []
        for tree in DecisionFixture.book.trees {
            for nav in Self.paths(tree) where !nav.answers.isEmpty {
                let route = tree.id + ": " + nav.breadcrumb.map { $0.option.answer }.joined(separator: " > ")
                guard let result = nav.command(with: recommender) else { continue }
                switch result {
                case .failure(let why):
                    // A pick goes without a command only when an answer on its path has no condition the
                    // recommender could meet (the data's gap, said in the message); a question may.
                    #expect(nav.leaf == nil || Self.unreachable(nav) || primaryGoesElsewhere(nav), "\(route): \(why)")
                    #expect(why.message.hasPrefix("No nnguide recommend command follows these answers: it "))
                    unreachable.append(route)
                case .success(let command):
                    let b = command.line.contains("<") ? command.brief : try brief(of: command.line)
                    #expect(nav.leaf == nil || !command.line.contains("<"), "\(route): a pick's command runs as it is")
                    // The answers themselves, or (said in a note) the same pick another way.
                    if command.notes.contains(where: { $0.hasPrefix("nnguide recommend reaches this pick, but not by these answers") }) {
                        unreachable.append(route)
                    } else {
                        #expect(nav.reproduces(b, recommender), "\(route): \(command.line)")
                    }
                    if let leaf = nav.leaf {
                        let r = try recommender.decide(b)
                        #expect(r.pick.id == leaf.pick.first, "\(route): \(command.line) picks \(r.pick.id), the screen \(leaf.pick)")
                        // What the screen shows is exactly what the command gives (issue 20, item 9).
                        let screen = try #require(nav.decision(catalog: guide.catalog, guide: guide)).pick
                        #expect(screen.title == r.pick.title && screen.variants == r.pick.variants,
                                "\(route): the screen shows \(screen.title): \(screen.variants), \(command.line) gives \(r.pick.title): \(r.pick.variants)")
                        leaves += 1
                    }
                    // Never a number without saying it stands for a range.
                    for spec in DecisionFixture.book.brief.fields where (spec.kind == .integer || spec.kind == .number) && b[spec.field] != nil && nav.impliedValues[spec.field] != nil {
                        let f = spec.field
                        #expect(command.notes.contains { $0.hasPrefix(f.name) || $0.contains("any \(f.name) ") } || nav.breadcrumb.contains { c in
                            c.option.when?.anyOf.contains { clause in clause.test(f).map { Navigator.range($0.written) == nil } ?? false } ?? false
                        }, "\(route): \(command.line) gives \(f.name) without saying it stands for a range")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 50 && leaves > 20, "checked \(checked) paths, \(leaves) picks")
        print("paths nnguide recommend does not take:", unreachable.count, unreachable.filter { !$0.hasPrefix("diagnosis") })
    }

    /// Issue 22/23: `y` skips a single-field change the failed replay did not turn on, which is only right
    /// if no such change makes it succeed. For every path the first brief its answers describe, and every
    /// value of every field skipped there: replayed anyway, none takes the answers (to the pick).
    @Test func aChangeTheFailedReplayDidNotTurnOnNeverReplaysThePath() throws {
        var skipped = 0
        var wrong: [String] = []
        for tree in DecisionFixture.book.trees {
            for nav in Self.paths(tree) where !nav.answers.isEmpty {
                let search = PathSearch(nav, recommender)
                guard let brief = search.briefs.first else { continue }
                let base = search.replay(brief)
                guard !base.reproduces, let reads = base.reads else { continue }
                for spec in nav.schema.fields where !reads.contains(spec.field) {
                    for v in search.candidates[spec.field] ?? [] where v != brief[spec.field] {
                        var b = brief
                        b[spec.field] = v
                        skipped += 1
                        if search.replay(b).reproduces {
                            wrong.append("\(tree.id): \(nav.breadcrumb.map(\.option.answer).joined(separator: " > ")): \(spec.field.name) \(v) replays it")
                        }
                    }
                }
            }
        }
        #expect(skipped > 100, "only \(skipped) changes were skippable")
        #expect(wrong.isEmpty, "\(wrong.count) skipped changes matter:\n\(wrong.joined(separator: "\n"))")
    }

    /// Issue 20, item 9: the pick a path through the primary flow shows (title, pick, start-with) is what
    /// its `y` command gives when run, read back through the command line's own parser.
    @Test func everyPrimaryPicksScreenIsWhatItsCommandGives() throws {
        let guide = try #require(DecisionFixture.real.guide)
        let primary = try #require(DecisionFixture.book.primaryTree)
        var differ: [String] = [], picks = 0
        for nav in Self.paths(primary) where nav.isAtLeaf {
            let route = nav.breadcrumb.map { $0.option.answer }.joined(separator: " > ")
            let screen = try #require(nav.decision(catalog: guide.catalog, guide: guide), "\(route)")
            // Only an answer no brief can state ("trees are tuned and have plateaued") goes without a command;
            // the screen then shows the leaf as written, and `y` says why.
            guard case .path(_, _, let line?) = screen.origin else {
                if !Self.unreachable(nav) { differ.append("\(route): no command") }
                continue
            }
            let r = try recommender.decide(try brief(of: line))
            picks += 1
            for (what, a, b) in [("pick", screen.pick.id, r.pick.id), ("title", screen.pick.title, r.pick.title),
                                 ("start with", screen.pick.variants.joined(separator: ", "), r.pick.variants.joined(separator: ", "))] where a != b {
                differ.append("\(route): \(line): the screen's \(what) is \u{201C}\(a)\u{201D}, the command's \u{201C}\(b)\u{201D}")
            }
        }
        #expect(picks > 40, "checked \(picks) picks")
        #expect(differ.isEmpty, "\(differ.count) differences:\n\(differ.joined(separator: "\n"))")
    }

    /// Issue 20, item 9: the primary flow asks on the way the deployment and data questions its picks depend
    /// on. For every pick, another deploy target, label count or latency budget (and, for images, the other
    /// answer to `pretrained`) either takes another answer on the path, so the tree asks it, or
    /// gives the same pick and title. A microcontroller is left aside: nearly every family misses its budget
    /// (the catalog's cost), so every route would have to ask it; the cost rule says so on the pick instead.
    @Test func thePrimaryFlowAsksWhatItsPicksDependOn() throws {
        let primary = try #require(DecisionFixture.book.primaryTree)
        var unasked: [String] = [], picks = 0
        for nav in Self.paths(primary) where nav.isAtLeaf {
            guard let command = try? nav.command(with: recommender)?.get() else { continue }
            let base = try recommender.decide(command.answered)
            picks += 1
            for name in ["deploy", "samples", "latency_ms", "pretrained"] {
                let f = BriefField(name)
                guard nav.impliedValues[f] == nil, let spec = DecisionFixture.book.brief[f] else { continue }
                // No pretrained model for text, code or video is rare enough that those routes state the
                // assumption (on the pick, with the others) rather than ask it.
                if name == "pretrained", base.brief[.modality]?.choice != "image" { continue }
                for v in Flips.candidates(for: spec, in: recommender.book) where v != base.brief[f] && v != .choice("microcontroller") {
                    var b = command.answered
                    b[f] = v
                    guard let other = try? recommender.decide(b),
                          Navigator(tree: primary, brief: other.brief, recommender: recommender).answers == nav.answers else { continue }
                    if other.pick.id != base.pick.id || other.pick.title != base.pick.title {
                        unasked.append("\(command.line): with \(name) \(v) the pick is \(other.pick.title), not \(base.pick.title), by the same answers")
                    }
                }
            }
        }
        #expect(picks > 40, "checked \(picks) picks")
        #expect(unasked.isEmpty, "\(unasked.count) picks depend on a question the tree does not ask:\n\(unasked.joined(separator: "\n"))")
    }

    @Test func thePhoneUsersRouteNamesEveryFieldThePathDecided() throws {
        // Issue 12: Images > classify > a device printed only --samples 50000 and no deploy, and the
        // shell picked a server-sized CNN. The route now asks where the model runs.
        let primary = try #require(DecisionFixture.book.primaryTree)
        var nav = Navigator(tree: primary, schema: DecisionFixture.book.brief)
        for answer in ["Images", "Classify what is there", "On a device"] {
            let i = try #require(nav.current.options.firstIndex { $0.answer.hasPrefix(answer) }, "no answer \(answer) to \(nav.current.question ?? nav.current.id)")
            let chose = nav.choose(i)
            #expect(chose)
        }
        let leaf = try #require(nav.leaf)
        let command = try #require(try nav.command(with: recommender)?.get())
        // Every field the path decided is named: the data, the task (a range of tasks, said so) and where it runs.
        for flag in ["--modality image", "--task", "--deploy"] { #expect(command.line.contains(flag), "\(command.line)") }
        if command.line.contains("--samples") { #expect(command.notes.contains { $0.contains("gives that answer") }, "\(command.notes)") }
        let r = try recommender.decide(try brief(of: command.line))
        #expect(r.pick.id == leaf.pick.first && r.pick.title == leaf.title.map(InlineParser.plain), "\(command.line) picks \(r.pick.title)")
        // On a device the device-sized variants come first.
        #expect(r.pick.variants.first == leaf.variants.first && r.pick.variants.first?.hasPrefix("MobileNet") == true, "\(r.pick.variants)")
    }
}
