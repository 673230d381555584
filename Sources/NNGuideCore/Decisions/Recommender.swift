import Foundation

/// Turns a Model Brief into a Recommendation, following the guide: match the family to the data's
/// structure (the primary flow), choose the variant within it (a variant tree), then filter by the
/// constraints, simple first. Pure and deterministic: everything it knows comes from decisions.yaml
/// and the catalog; the Swift here only walks, filters and ranks.
public struct Recommender: Sendable {
    public let book: DecisionBook
    public let catalog: Catalog
    /// The book without what nnguide added: what the guide's own flow picks (computed once, not per brief).
    let guideBook: DecisionBook

    public init(book: DecisionBook, catalog: Catalog) { self.init(book: book, catalog: catalog, guideBook: book.guideOnly) }
    init(book: DecisionBook, catalog: Catalog, guideBook: DecisionBook) { self.book = book; self.catalog = catalog; self.guideBook = guideBook }
    public init(guide: Guide) { self.init(book: guide.decisions, catalog: guide.catalog) }

    /// `comparingWithGuide`: also walk the guide's own flow (`DecisionBook.guideOnly`) and say when the pick departs from it.
    public func recommend(_ given: Brief, comparingWithGuide: Bool = true) throws(RecommendError) -> Recommendation {
        // The brief with defaults filled in is what every rule below reads.
        let understood = understand(given)
        let brief = understood.brief
        var assumptions = understood.assumptions
        guard let primary = book.tree(DecisionBook.primaryTreeID) else {
            throw RecommendError("decisions.yaml has no tree '\(DecisionBook.primaryTreeID)' to start from")
        }
        var because: [String] = []
        var path: [Recommendation.Step] = []

        // 1. The family, from the data's structure (Part 5), then the variant (Part 4).
        let first = try primary.walk(for: brief)
        record(first.steps, tree: primary, into: &path, &because, &assumptions, brief, given)
        let leaf = first.leaf
        because.append(trace(guide: leaf.see.first ?? primary.source, leaf.why, origin: leaf.origin))
        var refined: (tree: DecisionTree, leaf: DecisionNode)?
        var refinedSteps: [(node: DecisionNode, answer: BriefAnswer)]?
        if let r = leaf.refine, let tree = book.tree(r.tree) {
            let second = try tree.walk(from: r.node, for: brief)
            refinedSteps = second.steps
            record(second.steps, tree: tree, into: &path, &because, &assumptions, brief, given)
            because.append(trace(guide: second.leaf.see.first ?? tree.source, second.leaf.why, origin: second.leaf.origin))
            refined = (tree, second.leaf)
        }
        let leaves = [refined?.leaf, leaf].compactMap { $0 }

        // 2. Candidates in the order the leaves give them, then the rules that fire for this brief.
        var ranking = Ranking(leaves: leaves)
        var fired: [(rule: DecisionRule, fields: [BriefField])] = []
        if let n = brief.samples, let band = book.threshold(forSamples: n) {
            let tag = "samples=\(n) → \(band.label)"
            because.append("[\(tag)] " + plain(band.rule.says ?? band.canDo))
            ranking.apply(band.rule, tag: tag)
            fired.append((band.rule, [.samples]))
        }
        for filter in book.filters {
            // Rules run tightest first and are cumulative; the first that fires gives the filter's reason,
            // unless only assumed values made it fire.
            var spoke = false
            for rule in filter.rules {
                guard let when = rule.when else { continue }
                let (outcome, fields) = when.evaluate(brief)
                guard outcome == .yes else { continue }
                let tag = describe(fields, brief, given: given)
                if let says = rule.says, !spoke, fields.contains(where: { given[$0] != nil }) {
                    because.append("[\(tag)] " + plain(says)); spoke = true
                }
                ranking.apply(rule, tag: tag)
                fired.append((rule, fields))
            }
        }

        // 3. Rank: nothing ruled out first, then what the constraints favour, then the leaves' order.
        let ranked = ranking.ranked()
        guard let top = ranked.first else { throw RecommendError("leaf '\(leaf.id)' names no candidate") }
        let name = { (id: String) in self.name(id) }
        var warnings: [String] = []
        var noticed: Set<BriefField> = []
        for rule in book.contradictions where rule.when.map({ $0.evaluate(brief).outcome == .yes }) ?? true {
            let said = rule.warn.filter { $0.applies(to: top.id) }.map { fill($0.text, brief, top.id) }
            warnings += said
            if !said.isEmpty { noticed.formUnion(rule.when?.evaluate(brief).fields ?? []) }
        }
        if !top.outs.isEmpty {
            warnings.append("Every candidate here is ruled out by the brief; \(name(top.id)) is kept as the closest fit, but: "
                + top.outs.map { "\($0.reason) [\($0.tag)]" }.joined(separator: " "))
        }
        warnings += leaves.flatMap(\.warnings).map(plain)
        for (rule, _) in fired { warnings += rule.warn.filter { $0.applies(to: top.id) }.map { fill($0.text, brief, top.id) } }
        if let base = ranking.candidates.first, base.id != top.id {
            because.append(ranking.displacement(of: base, by: top, name: name))
        }

        var alternatives = ranked.dropFirst().filter { $0.outs.isEmpty }.map {
            Recommendation.Ranked(id: $0.id, name: name($0.id), reason: ranking.reason(for: $0, leaves: leaves, pick: top, name: name))
        }
        // A family is either worth trying or not: a leaf's why-not for an alternative it also offers becomes
        // the caveat on that alternative instead of a second, contradicting verdict.
        var whyNot: [WhyNot] = []
        for w in leaves.flatMap(\.whyNot) where w.id != top.id && !whyNot.contains(where: { $0.id == w.id }) {
            if let i = alternatives.firstIndex(where: { $0.id == w.id }) {
                if !alternatives[i].reason.contains(plain(w.reason)) { alternatives[i].reason += " Not first: " + plain(w.reason) }
                continue
            }
            whyNot.append(WhyNot(id: w.id, reason: plain(w.reason)))
        }
        for c in ranked.dropFirst() where !c.outs.isEmpty {
            let reason = c.outs.map { "\($0.reason) [\($0.tag)]" }.joined(separator: " ")
            if let i = whyNot.firstIndex(where: { $0.id == c.id }) { whyNot[i].reason += " " + reason } else { whyNot.append(WhyNot(id: c.id, reason: reason)) }
        }

        let pick = Recommendation.Pick(id: top.id, name: catalogName(top.id), variants: variants(for: top.id, leaves: leaves, brief: brief),
                                       title: plain(leaves.first { $0.pick.first == top.id }?.title ?? catalogName(top.id)))
        let steps = nextSteps(brief: brief, pick: top.id, leaves: leaves, fired: fired.map(\.rule), alternatives: alternatives.map(\.id))
        var see: [String] = []
        for s in leaves.flatMap(\.see) + fired.flatMap(\.rule.see) where !see.contains(s) { see.append(s) }
        // Every field the brief gives either shaped the route or a rule, or is said to have changed nothing.
        let read = Set((first.steps + (refinedSteps ?? [])).filter { $0.answer.decided }.flatMap(\.answer.fields))
            .union(fired.flatMap(\.fields)).union(noticed)
        let unchanged = given.givenFields.filter { ![.modality, .task, .notes].contains($0) && !read.contains($0) }
        if !unchanged.isEmpty {
            because.append("[\(describe(unchanged, brief, given: given))] Read, but nothing on this route depends on "
                + (unchanged.count == 1 ? "it" : "them") + ": no answer or rule of the guide or nnguide changes for this value.")
        }
        var out = Recommendation(pick: pick, alternatives: alternatives, path: path, because: because, whyNot: whyNot,
                              warnings: unique(warnings), assumptions: assumptions, nextSteps: steps, brief: brief, see: see,
                              leaf: "\(primary.id)/\(leaf.id)", refinedBy: refined.map { "\($0.tree.id)/\($0.leaf.id)" },
                              assumedFields: BriefField.allCases.filter { given[$0] == nil && brief[$0] != nil }.map(\.name), example: nil)
        if comparingWithGuide { out.guidePick = departure(for: given, pick: top.id, path: path, fired: fired.map(\.rule)) }
        out.unchangedFields = unchanged.map(\.name)
        return out
    }

    // MARK: the brief

    /// The brief with the defaults filled in, and a sentence for every field it left out.
    public func understand(_ given: Brief) -> (brief: Brief, assumptions: [String]) {
        var brief = given
        var assumptions: [String] = []
        var settled: Set<String> = []
        for d in book.defaults {
            guard let field = BriefField(rawValue: d.field), given[field] == nil, !settled.contains(d.field) else { continue }
            guard d.when.map({ $0.evaluate(brief).outcome == .yes }) ?? true else { continue }
            settled.insert(d.field)
            if let raw = d.value, let value = try? field.parse(raw) {
                brief[field] = value
                assumptions.append("\(field.name) not given: assumed \(value) (\(plain(d.says))).")
            } else {
                assumptions.append("\(field.name) not given: \(plain(d.says)).")
            }
        }
        return (brief, assumptions)
    }

    // MARK: helpers

    private func record(_ steps: [(node: DecisionNode, answer: BriefAnswer)], tree: DecisionTree, into path: inout [Recommendation.Step],
                        _ because: inout [String], _ assumptions: inout [String], _ brief: Brief, _ given: Brief) {
        for (node, a) in steps {
            let option = node.options[a.index]
            path.append(Recommendation.Step(tree: tree.id, node: node.id, question: plain(node.question ?? node.id),
                                            answer: plain(option.answer), why: option.why.map(plain), assumed: !a.decided))
            guard let why = option.why else { continue }
            if a.decided {
                because.append("[\(describe(a.fields, brief, given: given))] " + plain(why))
            } else {
                let missing = a.fields.map(\.name).joined(separator: ", ")
                assumptions.append(plain(option.assume ?? "took '\(option.answer)' for '\(node.question ?? node.id)'")
                    + (missing.isEmpty ? "." : " (\(missing) not given)."))
                because.append(trace(guide: option.see.first ?? tree.source, why, origin: option.origin))
            }
        }
    }

    /// "deploy=edge, samples=50000"; values the brief did not give are marked as assumed.
    func describe(_ fields: [BriefField], _ brief: Brief, given: Brief) -> String {
        fields.map { "\($0.name)=\(brief[$0]?.description ?? "?")" + (given[$0] == nil ? " (assumed)" : "") }.joined(separator: ", ")
    }

    /// "[guide: page] why" for the guide's own reasoning; "[added: page]" for what nnguide added to it.
    func trace(guide page: String, _ text: String?, origin: DecisionOrigin? = nil) -> String {
        "[\(origin == .added ? "added" : "guide"): \(page)] " + plain(text ?? "")
    }

    func plain(_ s: String) -> String { InlineParser.plain(s).trimmingCharacters(in: .whitespacesAndNewlines) }

    /// `{pick}` becomes the pick's name, `{field}` the brief's value.
    func fill(_ text: String, _ brief: Brief, _ pick: String) -> String {
        var out = plain(text).replacingOccurrences(of: "{pick}", with: name(pick))
        for f in BriefField.allCases { out = out.replacingOccurrences(of: "{\(f.name)}", with: brief[f]?.description ?? f.name) }
        return out
    }

    /// Short name for sentences ("CNN"); the catalog's full name goes in `pick.name`.
    func name(_ id: String) -> String { catalog.architectures.first { $0.id == id }?.displayName ?? id }
    func catalogName(_ id: String) -> String { catalog.architectures.first { $0.id == id }?.name ?? id }

    func variants(for id: String, leaves: [DecisionNode], brief: Brief) -> [String] {
        let onDevice = brief.deploy.map { [.edge, .mobile, .browser].contains($0) } ?? false
        if let leaf = leaves.first(where: { $0.pick.first == id }) {
            if onDevice, !leaf.deviceVariants.isEmpty { return leaf.deviceVariants.map(plain) }
            if !leaf.variants.isEmpty { return leaf.variants.map(plain) }
        }
        return catalog.architectures.first { $0.id == id }?.variants.prefix(3).map(\.name) ?? []
    }

    func nextSteps(brief: Brief, pick: String, leaves: [DecisionNode], fired: [DecisionRule], alternatives: [String]) -> [String] {
        // The first book rule that applies is the baseline and leads; the leaves' and filters' steps follow it.
        let book = self.book.nextSteps.filter { $0.when.map { $0.evaluate(brief).outcome == .yes } ?? true }
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
        return unique(out)
    }

    func unique(_ xs: [String]) -> [String] {
        var seen: Set<String> = []
        return xs.filter { seen.insert($0).inserted }
    }
}
