#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

extension Navigator {
    /// The path stepped through by hand as a Decision: the answers (each with its reason and page),
    /// the pick, the other first picks and alternatives, why not the others, warnings and next steps.
    /// With `guide`, the pick (its title and start-with list) is the recommender's for the brief the
    /// answers imply, the one `y` prints; without it, or where no brief takes these answers, the leaf's.
    /// Nil until the path reaches a leaf. `guide` also gives the pages' titles for the sources.
    public func decision(catalog: Catalog, guide: Guide? = nil) -> Decision? {
        guard let leaf, let first = leaf.pick.first else { return nil }
        func plain(_ s: String) -> String { InlineParser.plain(s).trimmed() }
        func short(_ id: String) -> String { catalog.architectures.first { $0.id == id }?.displayName ?? id }
        func page(_ id: String, _ origin: Origin?) -> ReasonSource { .section(id, origin: origin, in: guide) }
        let brief = impliedBrief ?? Brief(partial: impliedValues, schema: schema)
        var steps: [AnsweredQuestion] = []
        var because: [Reason] = []
        let open = assumedByBrief
        for c in breadcrumb {
            let source = page(c.option.see.first ?? tree.source, c.option.origin)
            // An answer no field of the followed brief decides was the recommender's assumption: said as one.
            let assumed = open.contains { $0.node.id == c.node.id }
            steps.append(AnsweredQuestion(tree: tree.id, role: tree.role, node: c.node.id, question: plain(c.node.question ?? c.node.id),
                                          answer: plain(c.option.answer), why: c.option.why.map(plain), fields: c.option.when?.fields ?? [],
                                          assumed: assumed, assumption: assumed ? c.option.assume.map(plain) : nil, page: c.option.see.first ?? tree.source))
            if let why = c.option.why { because.append(Reason(plain(why), source: source)) }
        }
        if let why = leaf.why { because.append(Reason(plain(why), source: page(leaf.see.first ?? tree.source, leaf.origin))) }
        let title = plain(leaf.title ?? short(first))
        var alternatives = leaf.pick.dropFirst().map {
            RankedAlternative(id: $0, name: short($0), reason: Reason("Also a first pick at this step (\(title))."), alsoFirst: true)
        }
        for a in leaf.alternatives where !alternatives.contains(where: { $0.id == a.id }) {
            alternatives.append(RankedAlternative(id: a.id, name: short(a.id), reason: Reason(a.reason.map(plain) ?? "Named as an alternative at this step.")))
        }
        // With the guide, the command is the one checked against the recommender (`y`); what its
        // numbers stand for, or why no command follows these answers, is said with the assumptions.
        var checked: (line: String?, notes: [String]) = (commandLine, [])
        var pick = Recommendation.Pick(id: first, name: catalog.architectures.first { $0.id == first }?.name ?? first,
                                       variants: leaf.variants.map(plain), title: title)
        var refinedBy: LeafRef?
        var commandFields: [CommandField] = []
        var bandWarnings: [Reason] = []
        let recommender = guide.map { Recommender(guide: $0) }
        switch recommender.flatMap({ command(with: $0) }) {
        case .success(let c)?:
            commandFields = Self.fields(of: c, implied: impliedValues, pinned: pinnedFields)
            // "Reproduce with" is `y`'s command: what the answers gave (and a required value they leave
            // open); the defaults the walk read stay assumptions, said below, as in a brief's record.
            checked = (c.line, c.notes)
            // One truth with the brief (issue 20): the pick, its title and what to start with are the
            // recommender's for the brief these answers imply, the brief `y` prints, never the leaf's
            // own restatement. The variant tree the recommender refines through, and any answer it took
            // there on an assumption, are part of the path.
            if let recommender, let r = try? recommender.decide(c.answered, comparingWithGuide: false) {
                pick = r.pick
                // What the answers leave open, the recommender assumed: said as it says it for a brief.
                checked.notes += r.assumptions.map(\.text)
                // The data band the answers place the brief in, as the recommender says it for the brief (issue 23,
                // eleventh retest: the under-1,000 advice was on the form's pick, never on the flow's), once the
                // answers' range lies inside the band, so a stand-in number never speaks for a band it only samples.
                if let fired = r.band, let band = recommender.book.thresholds.first(where: { $0.id == fired.filter }), answersLie(in: band) {
                    // Cited to the band, not to "your brief: samples 500": the number only stands for the answer.
                    let source = page(band.rule.see.first ?? "data-quantity", band.rule.origin)
                    if let says = fired.says { because.append(Reason(plain(says), source: source)) }
                    let said = band.rule.warn.filter { $0.applies(to: r.pick.id) }.map { recommender.fill($0.text, c.answered, r.pick.id) }
                    bandWarnings = r.warnings.filter { said.contains($0.text) }.map { w in var w = w; w.source = source; return w }
                }
                if tree.role == .primary, let ref = r.refinedBy, let variant = recommender.book.tree(ref.tree), let refined = variant.node(ref.node) {
                    refinedBy = ref
                    // Steps the user never answered (issue 23, ninth retest: the record listed "On a server or
                    // in batch" among the answers): shown apart, and assumed where a field they read was not given.
                    let walked = r.steps.filter { $0.tree == variant.id }.map { s -> AnsweredQuestion in
                        var s = s
                        s.implied = true
                        let missing = s.fields.filter { c.answered[$0] == nil }.map(\.name)
                        if s.assumed || !missing.isEmpty {
                            s.assumed = true
                            s.assumption = missing.isEmpty ? (s.assumption ?? "assumed") : "assumed: " + missing.joined(separator: ", ") + " not given"
                        }
                        return s
                    }
                    steps += walked
                    if let why = refined.why { because.append(Reason(plain(why), source: page(refined.see.first ?? variant.source, refined.origin))) }
                }
            }
        case .failure(let why)?: checked = (nil, [why.message])
        case nil: break
        }
        var d = Decision(given: brief, brief: brief, defaults: [], steps: steps, leaf: LeafRef(tree: tree.id, node: leaf.id),
                        refinedBy: refinedBy, band: nil, rules: [], ranking: [], pick: pick, alternatives: alternatives,
                        whyNot: leaf.whyNot.map { Rejection(id: $0.id, name: short($0.id), reasons: [Reason(plain($0.reason))]) },
                        because: Recommender.unique(because), warnings: Recommender.unique(leaf.warnings.map { Reason(plain($0)) } + bandWarnings),
                        assumptions: checked.notes.map { Reason($0) }, nextSteps: Recommender.unique(leaf.nextSteps.map(plain)), see: leaf.see,
                        origin: .path(tree: tree.id, title: plain(tree.title), command: checked.line))
        d.commandFields = commandFields
        if let guide { d.nameSee(guide) }
        return d
    }

    /// Whether every samples count these answers allow falls in `band`: the brief's own number, or the ranges
    /// of the answers that test samples ("under ~1,000" lies in "< 1,000"; "1,000 to ~100,000" spans two bands).
    func answersLie(in band: Threshold) -> Bool {
        func inside(_ n: Double) -> Bool { n >= Double(band.min) && band.max.map { n < Double($0) } ?? true }
        if let n = brief?[.samples]?.number { return inside(n) }
        let known = Brief(partial: impliedValues, schema: schema)
        var ranges: [NumberTest] = []
        for c in breadcrumb {
            guard let when = c.option.when, let clause = when.anyOf.first(where: { BriefCondition.evaluate($0, known).0 == .yes }),
                  let test = clause.test(.samples), case .number(let tests) = test.comparison else { continue }
            ranges += tests
        }
        return !ranges.isEmpty && ranges.allSatisfy { t in
            let low = t.low ?? 0, lowOK = low >= Double(band.min)
            guard let max = band.max else { return lowOK }
            guard let high = t.high else { return false }
            return lowOK && (t.highInclusive ? high < Double(max) : high <= Double(max))
        }
    }

    /// The command's fields as the record's brief table: a value the answers state is theirs; a number
    /// that stands for the range an answer gives, or a value they leave open, is said to stand in.
    static func fields(of c: PathCommand, implied: [BriefField: BriefValue], pinned: Set<BriefField>) -> [CommandField] {
        let words = Set(c.line.split(separator: " ").map(String.init))
        return c.brief.givenFields.filter { $0 != .notes }.compactMap { f in
            guard let v = c.brief[f], let spec = c.brief.schema[f], words.contains(spec.flag) || words.contains("--no-" + spec.flag.dropFirst(2)) else { return nil }
            // A number standing for the range an answer gives is noted as such (PathCommand.finish).
            // So is a value the answers leave to a set ("not on a device" -> cloud): the tenth retest's
            // record said "deploy | cloud | your answers" where no question asked where the model runs.
            let stands = implied[f] != v || c.notes.contains { $0.contains(": any \(f.name) ") }
            let source = stands ? "stands for your answer (see Assumptions)" : pinned.contains(f) ? "your answers" : "one of the values your answers allow"
            return CommandField(field: f.name, value: v.description, source: source)
        }
    }

    /// The fields the answers (or the brief the walk began from) set to one value, as against those an
    /// answer leaves to a set of values (`deploy: "!microcontroller"`), where the command's value only
    /// stands for the answer.
    var pinnedFields: Set<BriefField> {
        var out = Set(brief?.givenFields ?? [])
        for crumb in breadcrumb {
            guard let when = crumb.option.when, let first = when.anyOf.first else { continue }
            func pinned(_ clause: BriefCondition.Clause) -> Set<BriefField> {
                Set(clause.tests.compactMap { t -> BriefField? in
                    switch t.comparison {
                    case .choice(let allowed, let excluded): return allowed.count == 1 && excluded.isEmpty ? t.field : nil
                    case .flag(let values): return values.count == 1 ? t.field : nil
                    default: return nil
                    }
                })
            }
            // Pinned whichever of the answer's clauses held.
            out.formUnion(when.anyOf.dropFirst().reduce(pinned(first)) { $0.intersection(pinned($1)) })
        }
        return out
    }

    /// A Markdown decision record for the path stepped through by hand (the explorer's `e`), the same
    /// record `nnguide recommend --format markdown` writes. Nil until the path reaches a leaf.
    public func record(catalog: Catalog, guide: Guide? = nil, date: String) -> String? {
        guard let d = decision(catalog: catalog, guide: guide) else { return nil }
        var r = Recommendation(d)
        // The section a brief's record has; without the guide there is no recommender to ask.
        guard let guide else { return r.markdown(date: date) }
        (r.flipsBasis, r.flips, r.otherAnswers) = whatWouldChange(guide)
        return r.markdown(date: date) + (recordBlock(guide, pick: d.pick.id, date: date).map { "\n" + $0 + "\n" } ?? "")
    }

    /// What `nnguide check` re-decides (issue 23, fifth retest): where a brief reproduces the answers,
    /// the pick the record shows is the recommender's for that brief (the command under "Reproduce
    /// with"), so the record keeps that brief and check re-decides it as it does a brief's record.
    /// Nil where no brief gives this pick: check then says the file has no block rather than guess.
    func recordBlock(_ guide: Guide, pick: String, date: String) -> String? {
        let recommender = Recommender(guide: guide)
        guard case .success(let c)? = command(with: recommender), let d = try? recommender.decide(c.brief), d.pick.id == pick else { return nil }
        return RecordedDecision(d, date: date).comment(brief: c.brief)
    }
}
