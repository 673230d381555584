import NNGuideCore

/// What a pick screen shows, from a leaf of a tree or from the recommender's Decision: the pick, why,
/// the alternatives, why not the others, warnings, and links to the deep dives, under the headings
/// every projection of a decision shares (`DecisionSection`). A reason's source is shown dim after it.
struct Outcome: Sendable {
    /// A line of text and where it comes from ("your brief: modality image").
    struct Line: Sendable, Equatable {
        var text: String
        var source: String?
        init(_ text: String, source: String? = nil) { self.text = text; self.source = source }
        init(_ r: Reason) { text = r.text; source = r.source?.label }
    }
    struct Named: Sendable, Equatable { var name: String; var text: String?; var source: String? = nil }
    enum Link: Sendable, Equatable { case page(String), refine(Refinement) }

    var title: String
    var pick: String
    var variants: [String] = []
    /// "Team rules moved the pick: without the overlays it would be ...", as text, Markdown and JSON say it.
    var overlayMoved: String?
    var why: [Line] = []
    var whyNot: [Named] = []
    var alternatives: [Named] = []
    var warnings: [Line] = []
    var assumptions: [Line] = []
    var nextSteps: [String] = []
    /// A link's label is a breadcrumb, joined with the terminal's separator when drawn.
    var links: [(label: [String], link: Link)] = []

    static func name(_ id: String, _ guide: Guide) -> String { guide.architecture(id)?.displayName ?? id }

    /// "Transformer decoder (transformer-decoder)"; several ids are equally good first picks.
    static func pickLine(_ ids: [String], _ guide: Guide) -> String {
        ids.map { id in guide.architecture(id).map { "\($0.name) (\(id))" } ?? id }.joined(separator: " or ")
    }

    /// The pick of a path stepped through by hand: the navigator's Decision, with the variant tree the
    /// recommender would refine through as the first link.
    /// Nil before the path reaches a leaf.
    init?(path nav: Navigator, guide: Guide) {
        guard let leaf = nav.leaf, let d = nav.decision(catalog: guide.catalog, guide: guide) else { return nil }
        self.init(decision: d, guide: guide)
        if let r = leaf.refine, let t = guide.decisions.tree(r.tree), t.node(r.node) != nil {
            links.insert((["Choose the variant: \(t.title)"], .refine(r)), at: 0)
        }
    }

    init(recommendation r: Recommendation, guide: Guide) { self.init(decision: r.decision, guide: guide) }

    /// Every pick screen is this projection of a Decision; a path's equally good first picks share the
    /// pick line ("X (x) or Y (y)").
    init(decision d: Decision, guide: Guide) {
        let firsts = [d.pick.id] + d.alternatives.filter(\.alsoFirst).map(\.id)
        title = d.pick.title
        pick = Self.pickLine(firsts, guide)
        variants = d.pick.variants
        overlayMoved = d.overlayPick?.line
        why = d.because.map(Line.init)
        whyNot = d.whyNot.map { w in
            Named(name: w.name, text: w.reasons.map(\.text).joined(separator: " "), source: ReasonSource.merged(w.reasons.compactMap(\.source))?.label)
        }
        alternatives = d.alternatives.filter { !$0.alsoFirst }.map { Named(name: $0.name, text: $0.reason.text, source: $0.reason.source?.label) }
        warnings = d.warnings.map(Line.init)
        assumptions = d.assumptions.map(Line.init)
        nextSteps = d.nextSteps
        addPages(d.see + firsts.compactMap { guide.architecture($0)?.deepDive }, guide)
    }

    private mutating func addPages(_ ids: [String], _ guide: Guide) {
        var seen = Set<String>()
        for id in ids where seen.insert(id).inserted && guide.pageID(showing: id) != nil {
            links.append((Array(guide.linkTitles(id).suffix(2)), .page(id)))
        }
    }

    /// Lays the pick out into `s`, registering every link as a target; `extra` goes right under
    /// the pick (the command, a saved file), where the keys that show it can be seen working, and
    /// `flips` in their section's place (the recommendation's changes that would flip the pick).
    func layout(into s: inout Sheet, extra: (inout Sheet) -> Void, flips: (inout Sheet) -> Void = { _ in }) {
        let g = s.glyphs
        s.text(title, .title)
        s.text("Pick: " + pick, .strong)
        if !variants.isEmpty { s.text("Start with: " + VariantList.line(variants.map(s.plain)), .text) }
        if let overlayMoved { s.text(s.plain(overlayMoved), .accent) }
        extra(&s)
        func section(_ heading: DecisionSection, suffix: String = "", _ body: (inout Sheet) -> Void) {
            s.blank(); s.text(heading.heading + suffix, .heading); body(&s)
        }
        // `DecisionSection`'s order, as text, Markdown and JSON; the path is the screen before this
        // one and the brief is the form.
        for next in DecisionSection.allCases {
            switch next {
            case .flips: flips(&s)
            case .because where !why.isEmpty:
                section(.because) { s in for w in why { line(w, .text, first: why.count > 1 ? [Span(g.bullet + " ", .dim)] : [], &s) } }
            case .alternatives where !alternatives.isEmpty: section(.alternatives) { s in for a in alternatives { named(a, &s) } }
            case .whyNot where !whyNot.isEmpty: section(.whyNot) { s in for w in whyNot { named(w, &s) } }
            case .warnings where !warnings.isEmpty:
                section(.warnings) { s in for w in warnings { line(w, .text, first: [Span("! ", .warning)], &s) } }
            case .assumptions where !assumptions.isEmpty:
                section(.assumptions) { s in for a in assumptions { line(a, .dim, first: [Span(g.bullet + " ", .dim)], &s) } }
            case .nextSteps where !nextSteps.isEmpty:
                section(.nextSteps) { s in
                    for (i, n) in nextSteps.enumerated() { s.text(n, .text, first: [Span("\(i + 1). ", .accent)], rest: [Span("   ")]) }
                }
            case .read where !links.isEmpty:
                section(.read, suffix: " (\(Keymap.key(.open, in: .decidePick)) opens, \(Keymap.key(.back, in: .decidePick)) returns)") { s in
                    for (i, l) in links.enumerated() {
                        let t = s.target(.link(i))
                        s.wrap([StyledRun(l.label.map(s.plain).joined(separator: " \(g.sep) "), Sheet.Tag(.link, t))], first: [Span(i < 9 ? " \(i + 1)  " : "    ", .accent)])
                    }
                }
            default: break
            }
        }
    }

    private func named(_ n: Named, _ s: inout Sheet) {
        let runs = [StyledRun(s.plain(n.name), Sheet.Tag(.strong))] + (n.text.map { [StyledRun(": " + s.plain($0), Sheet.Tag(.text))] } ?? [])
            + Self.quiet(n.source, s)
        s.wrap(runs, first: [Span(s.glyphs.bullet + " ", .dim)])
    }

    /// A reason with its source after it, dim.
    private func line(_ l: Line, _ role: Role, first: [Span], _ s: inout Sheet) {
        s.wrap([StyledRun(s.plain(l.text), Sheet.Tag(role))] + Self.quiet(l.source, s), first: first)
    }

    static func quiet(_ source: String?, _ s: Sheet) -> [StyledRun<Sheet.Tag>] {
        source.map { [StyledRun(" (" + s.plain($0) + ")", Sheet.Tag(.dim))] } ?? []
    }
}
