#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Turns a Model Brief into a Decision, following the guide: match the family to the data's
/// structure (the primary flow), choose the variant within it (a variant tree), then filter by the
/// constraints, simple first. Pure and deterministic: everything it knows comes from decisions.yaml
/// and the catalog; the Swift here only walks, filters and ranks.
public struct Recommender: Sendable {
    public let book: DecisionBook
    public let catalog: Catalog
    /// For the titles of the pages reasons come from; without it a source shows its page id.
    let guide: Guide?
    /// The book without what nnguide added (`origin: added`): what the guide's own flow picks. Computed once.
    let guideBook: DecisionBook
    /// Whether the catalog's cost per prediction is compared with the latency budget (nnguide's rule; the
    /// guide's own flow, walked for departures, does not).
    var comparesCost = true

    public init(book: DecisionBook, catalog: Catalog) { self.init(book: book, catalog: catalog, guide: nil, guideBook: book.guideOnly) }
    public init(guide: Guide) { self.init(book: guide.decisions, catalog: guide.catalog, guide: guide, guideBook: guide.decisions.guideOnly) }
    init(book: DecisionBook, catalog: Catalog, guide: Guide?, guideBook: DecisionBook) {
        self.book = book; self.catalog = catalog; self.guide = guide; self.guideBook = guideBook
    }

    public func recommend(_ given: Brief) throws(RecommendError) -> Recommendation {
        Recommendation(try decide(given))
    }

    /// `comparingWithGuide`: also walk the guide's own flow and say when the pick departs from it (`Decision.guidePick`).
    public func decide(_ asked: Brief, comparingWithGuide: Bool = true) throws(RecommendError) -> Decision {
        try refuseUnanswerable(asked)
        let (given, ignored) = applicable(asked)
        // The brief with defaults filled in is what every rule below reads.
        let (brief, defaults) = understand(given)
        var assumptions = defaults.map { d in
            Reason(d.value.map { "\(d.field.name) not given: assumed \($0) (\(plain(d.says)))." } ?? "\(d.field.name) not given: \(plain(d.says)).")
        }
        var because: [Reason] = []
        var steps: [AnsweredQuestion] = []

        // 1. The family, from the data's structure (Part 5), then the variant (Part 4).
        let (primary, first, second) = try route(brief)
        record(first.steps, tree: primary, into: &steps, &because, &assumptions, brief, given)
        let leaf = first.leaf
        because.append(cited(Reason(plain(leaf.why ?? ""), source: page(leaf.see.first ?? primary.source, origin: leaf.origin)), leaf.evidence))
        var refined: (tree: DecisionTree, leaf: DecisionNode)?
        if let (tree, second) = second.map({ ($0.tree, $0.walk) }) {
            record(second.steps, tree: tree, into: &steps, &because, &assumptions, brief, given)
            because.append(cited(Reason(plain(second.leaf.why ?? ""), source: page(second.leaf.see.first ?? tree.source, origin: second.leaf.origin)), second.leaf.evidence))
            refined = (tree, second.leaf)
        }
        let leaves = [refined?.leaf, leaf].compactMap { $0 }

        // 2. Candidates in the order the leaves give them, then the rules that fire for this brief.
        var ranking = Ranking(leaves: leaves)
        // Where the route's reasons end and the constraints' begin (see the displacement below).
        let routeReasons = because.count
        var fired: [(rule: DecisionRule, record: FiredRule)] = []
        var band: FiredRule?
        let firing = self.firing(brief, given: given)
        if let threshold = firing.band {
            let source = ReasonSource.brief(values([.samples], brief, given))
            because.append(cited(Reason(plain(threshold.rule.says ?? threshold.canDo), source: source), threshold.rule.evidence))
            let did = ranking.apply(threshold.rule, source: source)
            let record = FiredRule(filter: threshold.id, label: threshold.label, values: values([.samples], brief, given),
                                   says: threshold.rule.says ?? threshold.canDo, ruledOut: did.out, favoured: did.favoured)
            band = record
            fired.append((threshold.rule, record))
        }
        var rules: [FiredRule] = []
        // Rules run tightest first and are cumulative; the first that fires gives the filter's reason,
        // unless only assumed values made it fire.
        var spoken: Set<String> = []
        for (filter, rule, fields) in firing.rules {
            let vs = values(fields, brief, given)
            var said: String?
            if let says = rule.says, !spoken.contains(filter.id), fields.contains(where: { given[$0] != nil }) {
                because.append(cited(Reason(plain(says), source: .brief(vs)), rule.evidence)); spoken.insert(filter.id); said = says
            }
            let did = ranking.apply(rule, source: .brief(vs))
            let record = FiredRule(filter: filter.id, label: rule.label, values: vs, says: said, ruledOut: did.out, favoured: did.favoured)
            rules.append(record)
            fired.append((rule, record))
        }

        // 3. Rank: nothing ruled out first, then what the constraints favour, then the leaves' order.
        let ranked = ranking.ranked()
        guard let top = ranked.first else { throw RecommendError("leaf '\(leaf.id)' names no candidate") }
        let name = { (id: String) in self.name(id) }
        var warnings = ignored.map { Reason($0.description) }
        var noticed: Set<BriefField> = []
        for rule in book.contradictions where rule.when?.holds(for: brief) ?? true {
            let said = rule.warn.filter { $0.applies(to: top.id) }.map { cited(Reason(fill($0.text, brief, top.id)), rule.evidence) }
            warnings += said
            if !said.isEmpty { noticed.formUnion(rule.when?.evaluate(brief).fields ?? []) }
        }
        if !top.outs.isEmpty {
            warnings.append(Reason("Every candidate here is ruled out by the brief; \(name(top.id)) is kept as the closest fit, but: "
                + top.outs.map(\.withSource).joined(separator: " ")))
        }
        warnings += leaves.flatMap(\.warnings).map { Reason(plain($0)) }
        for (rule, record) in fired {
            warnings += rule.warn.filter { $0.applies(to: top.id) }.map { cited(Reason(fill($0.text, brief, top.id), source: .brief(record.values)), rule.evidence) }
        }
        if let base = ranking.candidates.first, base.id != top.id {
            // The constraints moved the pick: say so first, then why, then the route that led elsewhere,
            // so the reasons read as an argument for the pick rather than for the family it displaced.
            var moved = ranking.displacement(of: base, by: top, name: name)
            moved.text += " The route's own reasons, after the constraints', lead to \(name(base.id))."
            because = [moved] + because[routeReasons...] + because[..<routeReasons]
        }

        var alternatives = ranked.dropFirst().filter { $0.outs.isEmpty }.map {
            RankedAlternative(id: $0.id, name: name($0.id), reason: ranking.reason(for: $0, leaves: leaves, pick: top, name: name))
        }
        // A family is either worth trying or not: a leaf's why-not for an alternative it also offers becomes
        // the caveat on that alternative instead of a second, contradicting verdict.
        var whyNot: [Rejection] = []
        for w in leaves.flatMap(\.whyNot) where w.id != top.id && !whyNot.contains(where: { $0.id == w.id }) {
            if let i = alternatives.firstIndex(where: { $0.id == w.id }) {
                if !alternatives[i].reason.text.contains(plain(w.reason)) { alternatives[i].reason.text += " Not first: " + plain(w.reason) }
                continue
            }
            whyNot.append(Rejection(id: w.id, name: name(w.id), reasons: [Reason(plain(w.reason))]))
        }
        for c in ranked.dropFirst() where !c.outs.isEmpty {
            let outs = c.outs.map { cited($0, $0.evidence) }
            if let i = whyNot.firstIndex(where: { $0.id == c.id }) { whyNot[i].reasons += outs } else { whyNot.append(Rejection(id: c.id, name: name(c.id), reasons: outs)) }
        }

        let (startWith, dropped) = dropVariants(variants(for: top.id, leaves: leaves, brief: brief), fired: fired.map(\.rule))
        // The rule's reason once, with what it left out.
        because.removeAll { r in dropped.contains { $0.text.hasPrefix(r.text) } }
        because += dropped
        let pick = Recommendation.Pick(id: top.id, name: catalogName(top.id), variants: startWith,
                                       title: plain(leaves.first { $0.pick.first == top.id }?.title ?? catalogName(top.id)))
        let next = nextSteps(brief: brief, pick: top.id, leaves: leaves, fired: fired.map(\.rule), alternatives: alternatives.map(\.id))
        var see: [String] = []
        for s in leaves.flatMap(\.see) + fired.flatMap(\.rule.see) where !see.contains(s) { see.append(s) }
        // Every field the brief gives either shaped the route or a rule, or is said to have changed nothing.
        let read = Set(steps.filter { !$0.assumed }.flatMap(\.fields)).union(fired.flatMap { $0.record.values.map(\.field) }).union(noticed)
        let unchanged = given.givenFields.filter { ![.modality, .task, .notes].contains($0) && !read.contains($0) }
        if !unchanged.isEmpty {
            because.append(Reason("Read, but nothing on this route depends on " + (unchanged.count == 1 ? "it" : "them")
                + ": no answer or rule of the guide or nnguide changes for this value.", source: .brief(values(unchanged, brief, given))))
        }
        // The brief as asked, so the record and its command give back what the person wrote (the warning
        // says what was ignored).
        var decision = Decision(given: asked, brief: brief, defaults: defaults, steps: steps, leaf: LeafRef(tree: primary.id, node: leaf.id),
                        refinedBy: refined.map { LeafRef(tree: $0.tree.id, node: $0.leaf.id) }, band: band, rules: rules, ranking: ranked,
                        pick: pick, alternatives: alternatives, whyNot: whyNot, because: Recommender.unique(because),
                        warnings: Recommender.unique(warnings), assumptions: Recommender.unique(assumptions), nextSteps: next, see: see)
        decision.unchangedFields = unchanged
        if let guide { decision.nameSee(guide); decision.overlays = guide.overlays.map(\.name); decision.files = guide.files }
        if comparingWithGuide { decision.guidePick = departure(for: given, pick: top.id, leaf: decision.leaf, steps: steps, fired: fired) }
        if comparingWithGuide { decision.overlayPick = overlayPick(for: given, pick: top.id, fired: fired.map(\.rule)) }
        return decision
    }

    /// The pick alone (its id and the title `decide` gives it), by the same route, rules and ranking as
    /// `decide` but writing no reason, warning or next step: Flips runs it dozens of times per brief.
    public func pick(_ given: Brief) throws(RecommendError) -> (id: String, title: String) {
        let p = try checkedPick(given)
        return (p.id, p.title)
    }

    /// `pick`, and whether the brief rules out every candidate (the pick is then only the closest fit).
    public func checkedPick(_ asked: Brief) throws(RecommendError) -> (id: String, title: String, ruledOut: Bool) {
        try refuseUnanswerable(asked)
        let given = applicable(asked).brief
        let (brief, _) = understand(given)
        let (_, first, second) = try route(brief)
        let leaves = [second?.walk.leaf, first.leaf].compactMap { $0 }
        var ranking = Ranking(leaves: leaves)
        let firing = self.firing(brief, given: given)
        if let band = firing.band { ranking.mark(band.rule) }
        for (_, rule, _) in firing.rules { ranking.mark(rule) }
        guard let top = ranking.ranked().first else { throw RecommendError("leaf '\(first.leaf.id)' names no candidate") }
        return (top.id, plain(leaves.first { $0.pick.first == top.id }?.title ?? catalogName(top.id)), !top.outs.isEmpty)
    }

    typealias Walk = (steps: [(node: DecisionNode, answer: BriefAnswer)], leaf: DecisionNode)

    /// The primary flow's walk to a family, then the variant tree's walk its leaf refines into (if any).
    /// Every entry point refuses a brief outside the schema before asking; a `Brief` built in code
    /// (`Brief(schema:values:)` takes any value, `Brief(partial:)` leaves required fields open) is
    /// refused here the same way, never given a pick.
    func refuseUnanswerable(_ given: Brief) throws(RecommendError) {
        if let r = book.brief.refusal(of: given.values) { throw RecommendError(refusing: r) }
    }

    func route(_ brief: Brief) throws(RecommendError) -> (primary: DecisionTree, first: Walk, second: (tree: DecisionTree, walk: Walk)?) {
        guard let primary = book.primaryTree else {
            throw RecommendError("decisions.yaml has no tree with role primary to start from")
        }
        let first = try primary.walk(for: brief)
        guard let r = first.leaf.refine, let tree = book.tree(r.tree) else { return (primary, first, nil) }
        return (primary, first, (tree, try tree.walk(from: r.node, for: brief)))
    }

    /// The rules that fire for the brief, in the order they apply: the samples band, then each filter's
    /// rules whose condition holds, with the fields that made it hold. The bands describe the labelled data
    /// the brief states: a count a default assumed (no labelled anomalies, for anomaly detection) routes the
    /// brief but never brings a band's warnings about training on that little data.
    func firing(_ brief: Brief, given: Brief) -> (band: Threshold?, rules: [(filter: ConstraintFilter, rule: DecisionRule, fields: [BriefField])]) {
        let band = given[.samples] == nil ? nil : brief.integer(.samples).flatMap { book.threshold(forSamples: $0) }
        var rules: [(filter: ConstraintFilter, rule: DecisionRule, fields: [BriefField])] = []
        let cost = comparesCost ? costRule(brief) : nil
        for filter in book.filters {
            for rule in filter.rules {
                guard let held = rule.when?.evaluate(brief), held.outcome == .yes else { continue }
                rules.append((filter, rule, held.fields))
            }
            if let cost, filter.field == cost.fields[0].name { rules.append((filter, cost.rule, cost.fields)) }
        }
        return (band, rules)
    }

    /// The latency budget against what each family costs per prediction where the brief deploys (the
    /// catalog's `per_prediction_ms`, the smallest practical variant, as an order of magnitude): a family
    /// that misses the budget even then is ruled out, by its cost and not by its name (issue 20). A
    /// target with `costs_as` in the schema (batch) reads that target's figures. The fields are the
    /// schema's `latency_budget` and `target` (in that order, with the rule). Nil when the brief has
    /// no budget or nothing misses it.
    func costRule(_ brief: Brief) -> (rule: DecisionRule, fields: [BriefField])? {
        guard let budgetField = brief.schema.field(.latencyBudget), let targetField = brief.schema.field(.target),
              let budget = brief[budgetField.field]?.number, let deploy = brief[targetField.field]?.choice else { return nil }
        let target = targetField.choice(deploy)?.costsAs ?? deploy
        var out: [RuleOut] = []
        for a in catalog.architectures {
            guard let ms = a.cost.perPredictionMs[target], ms > budget else { continue }
            out.append(RuleOut(ids: [a.id], reason: "\(a.displayName) takes about \(CostProfile.ms(ms)) per prediction on \(target) even in its smallest practical variant (the catalog's order of magnitude), over the \(BriefValue.format(budget)) ms budget."))
        }
        guard !out.isEmpty else { return nil }
        var rule = DecisionRule(label: "cost per prediction over \(BriefValue.format(budget)) ms", out: out)
        rule.origin = .added
        return (rule, [budgetField.field, targetField.field])
    }

    // MARK: the brief

    /// The brief with the defaults filled in, and every default applied for a field it left out.
    /// The brief without the fields it gives where they do not apply (`applies_to`: `nodes` for an image),
    /// which no route or rule may read; `decide` warns about each.
    func applicable(_ asked: Brief) -> (brief: Brief, ignored: [BriefInapplicable]) {
        let ignored = book.brief.notApplying(in: asked.values)
        var brief = asked
        for i in ignored { brief[i.field.field] = nil }
        return (brief, ignored)
    }

    /// The brief as `decide` reads it: the fields that apply, with the defaults filled in.
    public func understood(_ asked: Brief) -> Brief { understand(applicable(asked).brief).brief }

    public func understand(_ given: Brief) -> (brief: Brief, defaults: [AppliedDefault]) {
        var brief = given
        var applied: [AppliedDefault] = []
        for d in book.defaults {
            let field = BriefField(d.field)
            guard given[field] == nil, !applied.contains(where: { $0.field == field }) else { continue }
            guard d.when?.holds(for: brief) ?? true else { continue }
            let value = d.value.flatMap { try? book.brief.parse(field, $0) }
            if let value { brief[field] = value }
            applied.append(AppliedDefault(field: field, value: value, says: d.says))
        }
        return (brief, applied)
    }

    // MARK: helpers

    private func record(_ walked: [(node: DecisionNode, answer: BriefAnswer)], tree: DecisionTree, into steps: inout [AnsweredQuestion],
                        _ because: inout [Reason], _ assumptions: inout [Reason], _ brief: Brief, _ given: Brief) {
        for (node, a) in walked {
            let option = node.options[a.index]
            var step = AnsweredQuestion(tree: tree.id, role: tree.role, node: node.id, question: plain(node.question ?? node.id),
                                        answer: plain(option.answer), why: option.why.map(plain), fields: a.fields, assumed: !a.decided,
                                        assumption: nil, page: option.see.first ?? tree.source)
            if !a.decided {
                let missing = a.fields.map(\.name).joined(separator: ", ")
                let assumption = plain(option.assume ?? "took '\(option.answer)' for '\(node.question ?? node.id)'")
                    + (missing.isEmpty ? "." : " (\(missing) not given).")
                step.assumption = assumption
                assumptions.append(Reason(assumption))
            }
            steps.append(step)
            guard let why = option.why else { continue }
            because.append(cited(Reason(plain(why), source: a.decided ? .brief(values(a.fields, brief, given)) : page(step.page ?? tree.source, origin: option.origin)), option.evidence))
        }
    }

    /// The reason with the sources and review date of what it comes from, each source named by its
    /// title when the recommender has the guide's bibliography.
    func cited(_ r: Reason, _ e: Evidence) -> Reason {
        guard !e.isEmpty else { return r }
        var r = r
        r.evidence = e
        r.citations = e.sources.map { id in guide?.source(id)?.citation ?? id }
        return r
    }

    /// The fields' values as the rules read them; the ones the brief did not give are marked assumed.
    func values(_ fields: [BriefField], _ brief: Brief, _ given: Brief) -> [FieldValue] {
        fields.map { FieldValue(field: $0, value: brief[$0]?.description ?? "?", assumed: given[$0] == nil) }
    }

    /// A page as a source, by its title; reasoning nnguide added to the guide says so (`origin: added`).
    func page(_ id: String, origin: Origin? = nil) -> ReasonSource { .section(id, origin: origin, in: guide) }

    /// Trimming is skipped when there is nothing to trim (`nnguide lint` runs every example brief).
    func plain(_ s: String) -> String {
        let p = InlineParser.plain(s)
        guard let first = p.first, let last = p.last, first.isWhitespace || last.isWhitespace else { return p }
        return p.trimmed()
    }

    /// `{pick}` becomes the pick's name, `{field}` the brief's value.
    func fill(_ text: String, _ brief: Brief, _ pick: String) -> String {
        let plainText = plain(text)
        guard plainText.utf8.contains(UInt8(ascii: "{")) else { return plainText }
        var out = plainText.replacing("{pick}", with: name(pick))
        for f in brief.schema.names { out = out.replacing("{\(f.name)}", with: brief[f]?.description ?? f.name) }
        return out
    }

    /// Short name for sentences ("CNN"); the catalog's full name goes in `pick.name`.
    func name(_ id: String) -> String { catalog.architectures.first { $0.id == id }?.displayName ?? id }
    func catalogName(_ id: String) -> String { catalog.architectures.first { $0.id == id }?.name ?? id }

    /// The leaf's start-with list (its device-sized one when the brief's target, `role: target`, is
    /// one the schema marks `on_device`), else the catalog's first three.
    func variants(for id: String, leaves: [DecisionNode], brief: Brief) -> [String] {
        let target = brief.schema.field(.target)
        let onDevice = target.flatMap { t in brief[t.field]?.choice.flatMap { t.choice($0)?.onDevice } } ?? false
        if let leaf = leaves.first(where: { $0.pick.first == id }) {
            if onDevice, !leaf.deviceVariants.isEmpty { return leaf.deviceVariants.map(plain) }
            if !leaf.variants.isEmpty { return leaf.variants.map(plain) }
        }
        return catalog.architectures.first { $0.id == id }?.variants.prefix(3).map(\.name) ?? []
    }

    func nextSteps(brief: Brief, pick: String, leaves: [DecisionNode], fired: [DecisionRule], alternatives: [String]) -> [String] {
        // The first book rule that applies is the baseline and leads; the leaves' and filters' steps follow it.
        let book = self.book.nextSteps.filter { $0.when?.holds(for: brief) ?? true }
        func texts(_ rules: [DecisionRule]) -> [String] { rules.flatMap(\.next).filter { $0.applies(to: pick) }.map { fill($0.text, brief, pick) } }
        var out = texts(Array(book.prefix(1)))
        out += leaves.reversed().flatMap(\.nextSteps).map(plain)
        out += texts(fired)
        out += texts(Array(book.dropFirst()))
        for gap in self.book.gaps where !gap.consider.contains(pick) {
            let fits = gap.consider.filter(alternatives.contains)
            guard !fits.isEmpty else { continue }
            let symptom = gap.symptom.prefix(1).lowercased() + gap.symptom.dropFirst()
            out.append("Add complexity only on evidence: if \(symptom), consider \(fits.map(name).joined(separator: " or ")). \(plain(gap.why))")
        }
        return Recommender.unique(out)
    }

    static func unique(_ xs: [String]) -> [String] {
        var seen: Set<String> = []
        return xs.filter { seen.insert($0).inserted }
    }

    /// Each reason once, by its text: the first source met is kept.
    static func unique(_ xs: [Reason]) -> [Reason] {
        var seen: Set<String> = []
        return xs.filter { !$0.text.isEmpty && seen.insert($0.text).inserted }
    }
}
