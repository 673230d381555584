import NNGuideCore

/// What would change the pick, in the explorer: the recommendation screen lists the flips and Enter
/// applies one (the brief changes, the line at the top says so, Backspace undoes it); the brief form
/// marks each field whose change would change the pick, worked out again whenever the brief changes.
/// Every flip is a recommender run, so the lists are kept with the brief they were worked out for.
struct FlipState: Sendable, Equatable {
    /// Flips of the brief on the recommendation screen.
    var shown: [Flip] = []
    /// Flips applied from that screen, last last: the brief before each, and the change in words.
    var applied: [(before: [BriefField: BriefValue], change: String)] = []
    /// Saved briefs compared side by side (`v` twice in the saved list): the first marked, then both.
    var versus: Int?
    var comparing: (Int, Int)?
    var comparePane = Pane()
    /// The form's brief the form's marks (`BriefForm.pivots`) were worked out for.
    var pivotsFor: [BriefField: BriefValue]?

    static func == (a: FlipState, b: FlipState) -> Bool {
        a.shown == b.shown && a.applied.map(\.change) == b.applied.map(\.change) && a.applied.map(\.before) == b.applied.map(\.before)
            && a.pivotsFor == b.pivotsFor && a.versus == b.versus && a.comparing?.0 == b.comparing?.0
            && a.comparing?.1 == b.comparing?.1 && a.comparePane == b.comparePane
    }

    static func flips(_ values: [BriefField: BriefValue], _ guide: Guide) -> [Flip] {
        guard let brief = try? Brief(schema: guide.decisions.brief, values: values) else { return [] }
        return Flips.analyze(brief, with: Recommender(guide: guide))
    }

    /// The form's marks, again only when the brief changed.
    mutating func refreshPivots(_ form: inout BriefForm, _ guide: Guide) {
        guard pivotsFor != form.values else { return }
        pivotsFor = form.values
        form.pivots = Set(Self.flips(form.values, guide).map(\.field))
    }
}

extension DecideView {
    /// The recommendation screen opens (or its brief changed): its flips.
    mutating func refreshResultFlips(_ ctx: ViewContext) {
        flips.shown = FlipState.flips(form.values, ctx.guide)
    }

    /// Lays out "What would change the pick" as targets Enter applies.
    func layoutFlips(_ s: inout Sheet) {
        guard !flips.shown.isEmpty else { return }
        s.blank()
        s.text(DecisionSection.flips.heading + " (Tab, Enter applies)", .heading)
        for (i, f) in flips.shown.enumerated() {
            let t = s.target(.flip(i))
            s.wrap([StyledRun("with " + s.plain(f.change), Sheet.Tag(.link, t)), StyledRun(": " + s.plain(f.title), Sheet.Tag(.text))],
                   first: [Span(s.glyphs.bullet + " ", .dim)])
        }
    }

    /// "Changed: deploy=edge › samples under 1,000 (Backspace undoes)".
    func layoutApplied(_ s: inout Sheet) {
        guard !flips.applied.isEmpty else { return }
        let g = s.glyphs
        s.text("Changed: " + flips.applied.map(\.change).joined(separator: " \(g.sep) ") + " (Backspace undoes)", .accent)
    }

    /// Enter on a flip: the form's brief takes the change.
    mutating func applyFlip(_ i: Int, _ ctx: ViewContext) -> Effect {
        guard flips.shown.indices.contains(i) else { return .unhandled }
        let f = flips.shown[i]
        guard let v = try? ctx.guide.decisions.brief.parse(f.field, f.value) else { return .message("\(f.field.name) cannot take \(f.value) here") }
        flips.applied.append((form.values, f.change))
        form.values[f.field] = v
        refreshResultFlips(ctx)
        result = Pane()
        return .message("Applied: \(f.change)")
    }

    /// Backspace on the recommendation screen: the last applied flip is undone; false when there is none.
    mutating func undoFlip(_ ctx: ViewContext) -> Bool {
        guard let last = flips.applied.popLast() else { return false }
        form.values = last.before
        refreshResultFlips(ctx)
        result = Pane()
        return true
    }
}

/// Two saved briefs side by side: `v` marks one in the saved list, `v` on another compares them.
extension DecideView {
    mutating func markVersus(_ ctx: ViewContext) -> Effect {
        guard saved.indices.contains(savedChoice), saved[savedChoice].values != nil else { return .message("Choose a saved brief that can be read") }
        guard let first = flips.versus, first != savedChoice else {
            flips.versus = savedChoice
            return .message("Marked \(saved[savedChoice].name): v on another brief compares the two")
        }
        flips.comparing = (first, savedChoice)
        flips.versus = nil
        flips.comparePane = Pane()
        return .none
    }

    func comparison(_ ctx: ViewContext) -> BriefComparison? {
        guard let (i, j) = flips.comparing, saved.indices.contains(i), saved.indices.contains(j),
              let a = saved[i].values, let b = saved[j].values else { return nil }
        let schema = ctx.guide.decisions.brief
        guard let x = try? Brief(schema: schema, values: a), let y = try? Brief(schema: schema, values: b) else { return nil }
        return try? BriefComparison(x, y, labels: (saved[i].name, saved[j].name), recommender: Recommender(guide: ctx.guide))
    }

    /// Each row as a card (a label, then each brief's value), so it reads at any width.
    func comparisonSheet(_ ctx: ViewContext) -> Sheet {
        var s = Sheet(width: ctx.rect.page.width, glyphs: ctx.glyphs)
        s.text("Two saved briefs", .title)
        guard let c = comparison(ctx) else {
            s.text("These briefs cannot be compared: one no longer reads as a brief (Backspace returns).", .warning)
            return s
        }
        s.text("A: " + c.labels.0 + "   B: " + c.labels.1, .dim)
        for r in c.rows {
            s.blank()
            s.text(r[0], .heading)
            s.text(r[1], .text, first: [Span("A  ", .accent)], rest: [Span("   ")])
            s.text(r[2], .text, first: [Span("B  ", .accent)], rest: [Span("   ")])
        }
        s.blank()
        for v in c.verdict { s.text(v.replacingOccurrences(of: "the first brief's", with: "A's"), .strong) }
        return s
    }

    mutating func comparisonKey(_ action: Action, _ ctx: ViewContext) -> Effect {
        if flips.comparePane.scroll(action, comparisonSheet(ctx), height: ctx.rect.height) { return .none }
        switch action {
        case .decide(.stepBack), .cancel: flips.comparing = nil; return .none
        default: return .unhandled
        }
    }
}
