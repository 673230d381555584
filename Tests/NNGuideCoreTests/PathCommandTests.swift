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
