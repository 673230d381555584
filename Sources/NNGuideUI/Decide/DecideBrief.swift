import NNGuideCore

/// The Model Brief form with its live recommendation, and the whole recommendation (`r`).
extension DecideView {
    mutating func briefKey(_ action: Action, _ ctx: ViewContext) -> Effect {
        form.notice = nil
        if form.editing == nil {
            switch action {
            case .decide(.stepBack):
                mode = .hub
                return .none
            case .decide(.saveBrief):
                guard !form.values.isEmpty else { return .message("Nothing to save yet: fill in a field first") }
                return .run(.saveBrief(yaml: Brief.yaml(values: form.values, schema: ctx.guide.decisions.brief), name: form.baseName))
            case .decide(.openBrief):
                return openSaved(from: .brief)
            case .decide(.recommendation):
                guard form.brief(ctx.guide.decisions.brief) != nil else {
                    return .message("Choose \(BriefForm.requiredList(ctx.guide.decisions.brief)) first: every recommendation starts there")
                }
                mode = .result
                result = Pane()
                flips.applied = []
                refreshResultFlips(ctx)
                return .none
            case .decide(.walkPath):
                guard let b = form.brief(ctx.guide.decisions.brief), let primary = ctx.guide.decisions.primaryTree else {
                    return .message("Choose \(BriefForm.requiredList(ctx.guide.decisions.brief)) first: the path starts there")
                }
                sessions[Self.briefKey] = [TreeSession(Navigator(tree: primary, brief: b))]
                active = Self.briefKey
                mode = .tree
                return .none
            case .decide(.saveRecord):
                guard let r = form.recommendation(ctx.guide) else {
                    return .message("Choose \(BriefForm.requiredList(ctx.guide.decisions.brief)) first: there is no recommendation to record yet")
                }
                return .run(.saveRecord(.brief(r)))
            default: break
            }
        }
        switch form.handle(action, ctx) {
        case .done: return .none
        case .effect(let e): return e
        default: return .unhandled
        }
    }

    func resultOutcome(_ ctx: ViewContext) -> Outcome? {
        form.recommendation(ctx.guide).map { Outcome(recommendation: $0, guide: ctx.guide) }
    }

    /// The whole recommendation; `outcome` when the caller has it already (one recommendation a key).
    func resultSheet(_ ctx: ViewContext, outcome: Outcome?? = nil) -> Sheet {
        var s = Sheet(width: ctx.rect.page.width, glyphs: ctx.glyphs)
        guard let o = outcome ?? resultOutcome(ctx), let b = form.brief(ctx.guide.decisions.brief) else {
            // A brief the form cannot answer (a task its modality rules out) says why, not what is missing.
            let problem = form.outcome(ctx.guide).problem.map { $0 + " (Backspace returns to the form.)" }
            s.text(problem ?? "Choose \(BriefForm.requiredList(ctx.guide.decisions.brief)) in the form first (Backspace returns to it).", .text)
            return s
        }
        s.text("For your brief: " + b.givenFields.filter { $0 != .notes }.compactMap { f in b[f].map { "\(f.name)=\($0)" } }.joined(separator: " "), .dim)
        layoutApplied(&s)
        s.blank()
        o.layout(into: &s) { s in
            if resultCommand { s.commandBlock(b.commandLine()) }
            if let resultSaved {
                s.blank()
                s.spot("saved") { s in s.text("Decision record saved as " + Sheet.fileName(resultSaved), .dim) }
            }
        }
        layoutFlips(&s)
        return s
    }

    mutating func resultKey(_ action: Action, _ ctx: ViewContext) -> Effect {
        let outcome = resultOutcome(ctx)
        let s = resultSheet(ctx, outcome: outcome)
        let height = ctx.rect.height
        if result.scroll(action, s, height: height) { return .none }
        let links = outcome?.links ?? []
        switch action {
        case .decide(.stepBack): if !undoFlip(ctx) { mode = .brief }
        case .cancel: result.focus = nil
        case .nextLink, .previousLink:
            if !result.cycle(forward: action == .nextLink, s, height: height) { return .message("No links here") }
        case .pick(let n):
            guard links.indices.contains(n - 1) else { return .unhandled }
            return stepEffect(TreeSession.follow(links[n - 1].link))
        case .open:
            if case .flip(let i)? = result.focus { return applyFlip(i, ctx) }
            guard case .link(let i)? = result.focus, links.indices.contains(i) else { return .message("Tab moves to the links and the flips; 1-9 open a link") }
            return stepEffect(TreeSession.follow(links[i].link))
        case .decide(.showCommand):
            resultCommand.toggle()
            let after = resultSheet(ctx, outcome: outcome)
            if let r = after.spots["command"] { result.show(r, after, height: height) }
        case .decide(.map):
            return .message("The map shows a tree: p steps through this brief's path, and M there opens it")
        case .decide(.saveRecord):
            guard let r = form.recommendation(ctx.guide) else { return .unhandled }
            return .run(.saveRecord(.brief(r)))
        default: return .unhandled
        }
        return .none
    }

    func stepEffect(_ step: Step) -> Effect {
        if case .effect(let e) = step { return e }
        return .none
    }

    var formWide: (Rect) -> Bool { { $0.width >= 72 } }

    /// The form's area, and the recommendation's: beside it when wide, two rows below it when narrow.
    func formPanes(_ r: Rect) -> (form: Rect, result: Rect, divider: Rect?) {
        if formWide(r) {
            let left = Rect(x: r.x + 1, y: r.y, width: 39, height: r.height)
            return (left, Rect(x: r.x + 43, y: r.y, width: r.width - 44, height: r.height), Rect(x: r.x + 41, y: r.y, width: 1, height: r.height))
        }
        let (top, bottom) = r.splitTop(r.height - 2)
        return (top, bottom, nil)
    }

    func renderForm(_ ctx: ViewContext, into buf: inout Buffer) {
        let g = ctx.glyphs
        let (f, res, divider) = formPanes(ctx.rect)
        // One recommendation a frame: the form's hints and the pane beside it share it.
        let (rec, problem) = form.outcome(ctx.guide)
        form.sheet(width: f.width, ctx, understood: rec).render(top: form.top, in: f, focus: nil, selected: form.field, into: &buf)
        if let divider {
            for y in divider.y..<divider.maxY { buf.put(g.v, x: divider.x, y: y, role: .border) }
            var s = Sheet(width: res.width, glyphs: g)
            s.text("Recommendation", .heading)
            if let rec {
                let o = Outcome(recommendation: rec, guide: ctx.guide)
                s.text(o.title, .strong)
                s.text("Pick: " + o.pick, .text)
                if !o.variants.isEmpty { s.text("Start with: " + o.variants.joined(separator: ", "), .dim) }
                if !o.warnings.isEmpty {
                    s.blank()
                    for w in o.warnings { s.text(w.text, .text, first: [Span("! ", .warning)]) }
                }
                s.blank()
                for b in o.why { s.text(b.text, .dim, first: [Span(g.bullet + " ", .dim)]) }
            } else if let problem {
                s.text(problem, .warning)
            } else {
                s.text("Choose \(BriefForm.requiredList(ctx.guide.decisions.brief)): the pick appears here and follows every change.", .dim)
            }
            s.render(top: 0, in: Rect(x: res.x, y: res.y, width: res.width, height: res.height - 1), focus: nil, selected: nil, into: &buf)
            let foot = rec == nil ? "" : "r why, why not, links  p path"
            buf.fill(Rect(x: res.x, y: res.maxY - 1, width: res.width, height: 1))
            buf.put(TextWrap.truncate(foot, width: res.width, ellipsis: g.ellipsis), x: res.x, y: res.maxY - 1, role: .dim)
        } else {
            guard res.height > 0 else { return }
            buf.put(String(repeating: g.h, count: res.width), x: res.x, y: res.y, role: .border)
            guard res.height > 1 else { return }
            guard let rec else {
                let why = problem ?? "Choose \(ctx.guide.decisions.brief.required.map(\.name).joined(separator: " and ")) for a pick"
                buf.put(TextWrap.truncate(why, width: res.width, ellipsis: g.ellipsis), x: res.x, y: res.y + 1, role: problem == nil ? .dim : .warning)
                return
            }
            let key = "  r why"
            let line = "\(g.arrow) \(Outcome.name(rec.pick.id, ctx.guide)): \(g.text(rec.pick.title))"
            buf.put(TextWrap.truncate(line, width: res.width - DisplayWidth.of(key), ellipsis: g.ellipsis), x: res.x, y: res.y + 1, role: .strong)
            buf.put(key, x: res.maxX - DisplayWidth.of(key), y: res.y + 1, role: .dim)
        }
    }
}
