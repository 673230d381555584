import NNGuideCore

/// The whole recommendation for the brief in the form (^R), in the sections every projection of a
/// decision shares (`DecisionSection`): why, the alternatives, what would change the pick, why
/// not, warnings, links. Enter on a flip applies it to the form's brief (the line at the top says
/// so); Backspace undoes the last one, and with none left pops back to the form; Esc and q go back
/// to the form keeping what was applied. Every flip is a recommender run, so the list is worked out
/// when the brief changes, not every frame.
struct RecommendationScreen: FindsOnPage {
    var pane = Pane()
    var find = Find()
    /// `y`: the equivalent command shown under the pick.
    var showCommand = false
    /// Where this recommendation's decision record was saved.
    var saved: String?
    /// Flips applied here, last last: the brief before each, the change in words, and the screen's
    /// scroll and focus when it was applied (undoing returns there).
    var applied: [(before: [BriefField: BriefValue], change: String, pane: Pane)] = []
    /// The recommendation (a recommender run) and the sheet, for the brief and size they were laid
    /// out for: a key, the fit after it, the frame and the status line share them.
    private var built = Memo<SheetKey, Laid>()
    private typealias Laid = (outcome: Outcome?, sheet: Sheet)
    private struct SheetKey: Equatable, Sendable {
        var values: [BriefField: BriefValue], showCommand: Bool, saved: String?, applied: [String]
        var width: Int, glyphs: Glyphs, guide: Int
    }

    var scopes: [Scope] { [.recommendation, .decidePick, .decideTree, .decide] }
    /// Deleting is the saved briefs list's key (Decide's menu keys, which this screen shares).
    var idleActions: Set<Action> { [.decide(.deleteBrief)] }
    static let bindings: [Binding] = [
        Binding([.tab], .nextLink, .recommendation, "move to a link or to a change that would flip the pick"),
        Binding([.enter], .open, .recommendation, "apply the change under the cursor to the brief (on a link: open it)", hint: "open"),
        Binding([.backspace], .back, .recommendation, "undo the last change applied; with none left, back to the form"),
        // As less's q: out, keeping what was applied (Backspace is the undo), find marks or not;
        // Esc, as vim's, lets a chosen link or the find marks go first.
        Binding([.char("q")], .leave, .recommendation, "back to the form, keeping the changes applied", hint: "form"),
        Binding([.escape], .cancel, .recommendation, "let go a chosen link or the find marks; with neither, back to the form"),
    ]

    /// The flips of the brief as it is now: the draft's (`BriefDraft.judgement`), the ones the form
    /// marked, never a copy of this screen's.
    /// Once a change is applied here they keep the order they had before it (`flipOrder`), fields
    /// new to the list after them in the brief's field order, so the line you came from does not jump.
    func flips(_ ctx: ScreenContext) -> [Flip] {
        Self.stable(ctx.draft.judgement(ctx.library).flips, order: flipOrder, fields: ctx.guide.decisions.brief.names)
    }

    /// The flips as shown when the last change was applied; empty with none applied.
    var flipOrder: [Flip] = []

    /// `flips` sorted by where the same change (else its field) stood in `order`, the rest after
    /// them in `fields`' order; ties keep the order they came in.
    static func stable(_ flips: [Flip], order: [Flip], fields: [BriefField]) -> [Flip] {
        guard !order.isEmpty else { return flips }
        func rank(_ f: Flip) -> (Int, Int) {
            let at = order.firstIndex { $0.field == f.field && $0.value == f.value } ?? order.firstIndex { $0.field == f.field } ?? order.count
            return (at, fields.firstIndex(of: f.field) ?? fields.count)
        }
        return flips.enumerated().sorted { a, b in
            let (ra, rb) = (rank(a.element), rank(b.element))
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    func outcome(_ ctx: ScreenContext) -> Outcome? {
        ctx.draft.recommendation(ctx.library).map { Outcome(recommendation: $0, guide: ctx.guide) }
    }

    private func key(_ ctx: ScreenContext) -> SheetKey {
        SheetKey(values: ctx.draft.values, showCommand: showCommand, saved: saved, applied: applied.map(\.change),
                 width: ctx.rect.page.width, glyphs: ctx.glyphs, guide: ctx.library.generation)
    }

    /// The screen laid out: the one built for this brief and size when there is one.
    func sheet(_ ctx: ScreenContext) -> Sheet { built.peek(key(ctx))?.sheet ?? layout(ctx) }
    static var findScope: Scope { .decidePick }
    func findPage(_ ctx: ScreenContext) -> Document { sheet(ctx).doc }
    /// `FindsOnPage` scrolls the pane.
    var scroll: Pane {
        get { pane }
        set { pane = newValue }
    }

    /// The recommendation and the sheet, kept for the frame and the status line that follow.
    /// `known`: the recommendation when the caller has it for this brief already.
    private mutating func laidOut(_ ctx: ScreenContext, known: Outcome?? = nil) -> (outcome: Outcome?, sheet: Sheet) {
        let k = key(ctx)
        if let kept = built.peek(k) { return kept }
        let o = known ?? outcome(ctx)
        return built.keep(k, (o, layout(ctx, outcome: o)))
    }

    /// The whole recommendation; `outcome` when the caller has it already.
    private func layout(_ ctx: ScreenContext, outcome: Outcome?? = nil) -> Sheet {
        let draft = ctx.draft
        var s = Sheet(width: ctx.rect.page.width, glyphs: ctx.glyphs)
        guard let o = outcome ?? self.outcome(ctx), let b = draft.brief(ctx.guide.decisions.brief) else {
            // A brief the form cannot answer (a task its modality rules out) says why, not what is missing.
            let back = Keymap.key(.back, in: .recommendation)
            let problem = draft.outcome(ctx.guide).problem.map { $0 + " (\(back) returns to the form.)" }
            s.text(problem ?? "Choose \(BriefDraft.requiredList(ctx.guide.decisions.brief)) in the form first (\(back) returns to it).", .text)
            return s
        }
        s.text("For your brief: " + b.givenFields.filter { $0 != .notes }.compactMap { f in b[f].map { "\(f.name)=\($0)" } }.joined(separator: " "), .dim)
        layoutApplied(&s)
        s.blank()
        o.layout(into: &s, extra: { s in
            if showCommand { s.commandBlock(b.commandLine()) }
            if let saved {
                s.blank()
                s.spot(.saved) { s in s.text("Decision record saved as " + ctx.fileName(saved), .dim) }
            }
        }, flips: { s in layoutFlips(flips(ctx), &s) })
        return s
    }

    /// Lays out "What would change the pick" as targets Enter applies, in its place among the
    /// decision's sections (`Outcome.layout`).
    private func layoutFlips(_ shown: [Flip], _ s: inout Sheet) {
        guard !shown.isEmpty else { return }
        s.blank()
        let tab = Keymap.key(.nextLink, in: .recommendation), enter = Keymap.key(.open, in: .recommendation)
        s.text(DecisionSection.flips.heading + " (\(tab), \(enter) applies)", .heading)
        for (i, f) in shown.enumerated() {
            let t = s.target(.flip(i))
            s.wrap([StyledRun("with " + s.plain(f.change), Sheet.Tag(.link, t)), StyledRun(": " + s.plain(f.title), Sheet.Tag(.text))],
                   first: [Span(s.glyphs.bullet + " ", .dim)])
        }
    }

    /// "Changed: deploy=edge › samples under 1,000 (Backspace undoes)".
    private func layoutApplied(_ s: inout Sheet) {
        guard !applied.isEmpty else { return }
        let g = s.glyphs
        let undo = Keymap.key(.back, in: .recommendation)
        s.text("Changed: " + applied.map(\.change).joined(separator: " \(g.sep) ") + " (\(undo) undoes)", .accent)
    }

    mutating func handle(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        let (outcome, s) = laidOut(ctx)
        let height = ctx.rect.height
        if pane.scroll(action, s, height: height) { return .none }
        if let found = findKey(action, ctx) { return found }
        let links = outcome?.links ?? []
        switch action {
        case .back: if !undoFlip(&ctx) { return .unhandled }
        // q leaves for the form as less's q does, the applied changes kept in its brief; Esc lets a
        // chosen link or change go first (`findKey` took its find marks already).
        case .cancel where pane.focus != nil: pane.focus = nil
        case .cancel, .leave: ctx.pop()
        // With nothing focused, Tab goes to the first change on screen: the changes are what Tab is for
        // here (their heading says so); from the bottom it went through every "Read more" link first.
        case .nextLink where pane.focus == nil && firstFlip(onScreen: s, height: height) != nil:
            pane.focus = firstFlip(onScreen: s, height: height)
        case .nextLink, .previousLink:
            if !pane.cycle(forward: action == .nextLink, s, height: height, policy: .longSheet) { return .message("No links here") }
        case .pick(let n):
            guard links.indices.contains(n - 1) else { return .unhandled }
            return ctx.follow(links[n - 1].link, from: .brief)
        case .open:
            if case .flip(let i)? = pane.focus { return applyFlip(i, &ctx) }
            guard case .link(let i)? = pane.focus, links.indices.contains(i) else { return .message("\(Keymap.key(.nextLink, in: scopes)) moves to the links and the flips; \(Keymap.digits) open a link") }
            return ctx.follow(links[i].link, from: .brief)
        case .decide(.showCommand):
            showCommand.toggle()
            let after = laidOut(ctx, known: outcome).sheet
            if let r = after.spots[.command] { pane.show(r, after, height: height) }
        case .decide(.map):
            // The map of the brief's own path, over this screen: Esc comes back here as it was; Enter
            // on a place steps through the tree from there, over this screen too.
            guard let path = briefPath(ctx) else {
                return .message("The map shows a tree: \(Keymap.key(.decide(.walkPath), in: .brief)) in the form steps through this brief's path")
            }
            ctx.push(DecisionMap(path, ctx))
            return .none
        case .decide(.saveRecord):
            guard let r = ctx.draft.recommendation(ctx.library) else { return .unhandled }
            return ctx.run(.saveRecord(.brief(r)))
        default: return .unhandled
        }
        return .none
    }

    /// The first change to the brief whose line is on screen.
    /// The brief's own path through the primary tree (what `M` maps).
    private func briefPath(_ ctx: ScreenContext) -> Navigator? {
        guard let b = ctx.draft.brief(ctx.guide.decisions.brief), let primary = ctx.guide.decisions.primaryTree else { return nil }
        return Navigator(tree: primary, brief: b, recommender: Recommender(guide: ctx.guide))
    }

    /// A place chosen on the map of the brief's path steps through the tree from there, over this
    /// screen. Still the brief's path: a place chosen on the map keeps the brief's values.
    mutating func resume(_ result: ScreenResult, _ ctx: inout ScreenContext) -> Effect {
        guard case .place(let place) = result, let path = briefPath(ctx) else { return .none }
        var session = TreeSession(path, origin: .brief)
        let effect = session.go(to: place, ctx)
        ctx.push(session)
        return effect
    }

    private func firstFlip(onScreen s: Sheet, height: Int) -> Sheet.Target? {
        zip(s.targets, s.targetLines).first { t, line in
            guard case .flip = t else { return false }
            return line >= pane.top && line < pane.top + height
        }?.0
    }

    /// Enter on a flip: the form's brief takes the change.
    private mutating func applyFlip(_ i: Int, _ ctx: inout ScreenContext) -> Effect {
        let shown = flips(ctx)
        guard shown.indices.contains(i) else { return .unhandled }
        let f = shown[i]
        guard let v = try? ctx.guide.decisions.brief.parse(f.field, f.value) else { return .message("\(f.field.name) cannot take \(f.value) here") }
        applied.append((ctx.draft.values, f.change, pane))
        flipOrder = shown
        ctx.draft.values[f.field] = v
        _ = ctx.draft.judge(ctx.library)
        pane = Pane()
        return .message("Applied: \(f.change)")
    }

    /// Backspace: the last applied flip is undone, back at the line and focus it was applied from;
    /// false when there is none.
    private mutating func undoFlip(_ ctx: inout ScreenContext) -> Bool {
        guard let last = applied.popLast() else { return false }
        if applied.isEmpty { flipOrder = [] }
        ctx.draft.values = last.before
        _ = ctx.draft.judge(ctx.library)
        pane = last.pane
        return true
    }

    mutating func click(x: Int, y: Int, _ ctx: inout ScreenContext) -> Effect {
        guard let action = pane.click(sheet(ctx), x: x, y: y, in: ctx.rect.page) else { return .unhandled }
        return handle(action, &ctx)
    }

    /// Enter on a focused change applies it to the brief: the hint says so, not "open". With nothing
    /// focused (the top) Enter only says where Tab goes, so it is not offered. Its hint leads the line
    /// (the screen's own binding), so 40 columns keep it after Tab as 80 do.
    func hintWords(_ ctx: ScreenContext) -> [Action: String] {
        // Backspace undoes an applied flip before it goes back: the hint says which it will do.
        var words: [Action: String] = applied.isEmpty ? [:] : [.back: "undo"]
        switch pane.focus {
        case .flip?: words[.open] = "apply"
        case nil: words[.open] = ""
        default: break
        }
        return words
    }

    mutating func fit(_ ctx: inout ScreenContext) {
        // The draft keeps its judgement for the frame and the keys that follow.
        _ = ctx.draft.judge(ctx.library)
        pane.clamp(laidOut(ctx).sheet, height: ctx.rect.height)
        refreshFind(ctx)
    }

    func render(_ ctx: ScreenContext, into buf: inout Buffer) {
        pane.draw(sheet(ctx), in: ctx.rect.page, selected: nil, find: find, into: &buf)
    }

    func status(_ ctx: ScreenContext) -> (String, String) {
        let sep = " \(ctx.glyphs.sep) "
        return ("Decide" + sep + "Model Brief" + sep + "recommendation", pane.position(sheet(ctx), height: ctx.rect.height))
    }

    mutating func receive(_ result: CommandResult, _ ctx: inout ScreenContext) {
        guard case .recordSaved(let path) = result else { return }
        saved = path
        let s = laidOut(ctx).sheet
        if let r = s.spots[.saved] { pane.show(r, s, height: ctx.rect.height) }
    }

    func violations(_ ctx: ScreenContext) -> [String] {
        var out = pane.violations(sheet(ctx), height: ctx.rect.height, name: "decide result")
        if let kept = built.peek(key(ctx)), kept.sheet.doc.lines != layout(ctx).doc.lines {
            out.append("decide result: the kept sheet differs from the screen's state")
        }
        return out
    }
}
