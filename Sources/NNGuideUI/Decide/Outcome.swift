import NNGuideCore

/// What a pick screen shows, from a leaf of a tree or from the recommender: the pick, why, why not
/// the alternatives, warnings, and links to the deep dives.
struct Outcome: Sendable {
    struct Named: Sendable, Equatable { var name: String; var text: String? }
    enum Link: Sendable, Equatable { case page(String), refine(Refinement) }

    var title: String
    var pick: String
    var variants: [String] = []
    var why: [String] = []
    var whyNot: [Named] = []
    var alternatives: [Named] = []
    var warnings: [String] = []
    var assumptions: [String] = []
    var nextSteps: [String] = []
    /// A link's label is a breadcrumb, joined with the terminal's separator when drawn.
    var links: [(label: [String], link: Link)] = []

    static func name(_ id: String, _ guide: Guide) -> String { guide.architecture(id)?.displayName ?? id }

    /// "Transformer decoder (transformer-decoder)"; several ids are equally good first picks.
    static func pickLine(_ ids: [String], _ guide: Guide) -> String {
        ids.map { id in guide.architecture(id).map { "\($0.name) (\(id))" } ?? id }.joined(separator: " or ")
    }

    /// A leaf of `tree`; a leaf that the recommender refines offers the variant tree as its first link.
    init(leaf: DecisionNode, guide: Guide) {
        title = leaf.title ?? Self.name(leaf.pick.first ?? "", guide)
        pick = Self.pickLine(leaf.pick, guide)
        variants = leaf.variants
        why = leaf.why.map { [$0] } ?? []
        whyNot = leaf.whyNot.map { Named(name: Self.name($0.id, guide), text: $0.reason) }
        alternatives = leaf.alternatives.map { Named(name: Self.name($0.id, guide), text: $0.reason) }
        warnings = leaf.warnings
        nextSteps = leaf.nextSteps
        if let r = leaf.refine, let t = guide.decisions.tree(r.tree), t.node(r.node) != nil {
            links.append((["Choose the variant: \(t.title)"], .refine(r)))
        }
        addPages(leaf.see + leaf.pick.compactMap { guide.architecture($0)?.deepDive }, guide)
    }

    init(recommendation r: Recommendation, guide: Guide) {
        title = r.pick.title
        pick = Self.pickLine([r.pick.id], guide)
        variants = r.pick.variants
        why = r.because
        whyNot = r.whyNot.map { Named(name: Self.name($0.id, guide), text: $0.reason) }
        alternatives = r.alternatives.map { Named(name: $0.name, text: $0.reason) }
        warnings = r.warnings
        assumptions = r.assumptions
        nextSteps = r.nextSteps
        addPages(r.see + [guide.architecture(r.pick.id)?.deepDive].compactMap { $0 }, guide)
    }

    private mutating func addPages(_ ids: [String], _ guide: Guide) {
        var seen = Set<String>()
        for id in ids where seen.insert(id).inserted && guide.pageID(showing: id) != nil {
            links.append((Array(guide.linkTitles(id).suffix(2)), .page(id)))
        }
    }

    /// Lays the pick out into `s`, registering every link as a target; `extra` goes right under
    /// the pick (the command, a saved file), where the keys that show it can be seen working.
    func layout(into s: inout Sheet, extra: (inout Sheet) -> Void) {
        let g = s.glyphs
        s.text(title, .title)
        s.text("Pick: " + pick, .strong)
        if !variants.isEmpty { s.text("Start with: " + variants.map(s.plain).joined(separator: ", "), .text) }
        extra(&s)
        func section(_ heading: String, _ body: (inout Sheet) -> Void) {
            s.blank(); s.text(heading, .heading); body(&s)
        }
        if !why.isEmpty { section("Why") { s in for w in why { s.text(w, .text, first: why.count > 1 ? [Span(g.bullet + " ", .dim)] : []) } } }
        if !whyNot.isEmpty {
            section("Why not the others") { s in for w in whyNot { named(w, &s) } }
        }
        if !alternatives.isEmpty {
            section("Alternatives") { s in for a in alternatives { named(a, &s) } }
        }
        if !warnings.isEmpty {
            section("Warnings") { s in for w in warnings { s.text(w, .text, first: [Span("! ", .warning)]) } }
        }
        if !assumptions.isEmpty {
            section("Assumptions") { s in for a in assumptions { s.text(a, .dim, first: [Span(g.bullet + " ", .dim)]) } }
        }
        if !nextSteps.isEmpty {
            section("Next steps") { s in
                for (i, n) in nextSteps.enumerated() { s.text(n, .text, first: [Span("\(i + 1). ", .accent)], rest: [Span("   ")]) }
            }
        }
        if !links.isEmpty {
            section("Read more (Enter opens, Backspace returns)") { s in
                for (i, l) in links.enumerated() {
                    let t = s.target(.link(i))
                    s.wrap([StyledRun(l.label.map(s.plain).joined(separator: " \(g.sep) "), Sheet.Tag(.link, t))], first: [Span(i < 9 ? " \(i + 1)  " : "    ", .accent)])
                }
            }
        }
    }

    private func named(_ n: Named, _ s: inout Sheet) {
        let runs = [StyledRun(s.plain(n.name), Sheet.Tag(.strong))] + (n.text.map { [StyledRun(": " + s.plain($0), Sheet.Tag(.text))] } ?? [])
        s.wrap(runs, first: [Span(s.glyphs.bullet + " ", .dim)])
    }
}
