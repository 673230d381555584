import NNGuideCore

/// What a decision screen asks of the decide view after a key.
enum Step: Sendable, Equatable {
    case done
    case unhandled
    case effect(Effect)
    /// Backspace before the first question.
    case leave
    /// The pick's "choose the variant" link.
    case refine(Refinement)
    /// `e` at a pick.
    case saveRecord
}

/// One tree being stepped through. Every rule of stepping (choose, back, change an earlier answer)
/// lives in `Navigator`; this adds what the screen needs: the highlighted answer, the breadcrumb
/// answer whose question is reopened, scroll and focus, and whether the command is shown.
struct TreeSession: Sendable, Equatable {
    var nav: Navigator
    /// The highlighted answer (0-based).
    var choice = 0
    /// The breadcrumb step whose question is reopened to change its answer.
    var changing: Int?
    var pane = Pane()
    var showCommand = false
    /// Where the decision record of this pick was saved.
    var saved: String?
    /// A stretch just brought into view (the command after `y`): until the next key, keeping the
    /// highlighted answer in view does not scroll it away again.
    var revealed: String?

    init(_ nav: Navigator) { self.nav = nav }

    /// The question on screen: the current one, or the reopened one.
    var question: DecisionNode {
        if let k = changing, nav.breadcrumb.indices.contains(k) { return nav.breadcrumb[k].node }
        return nav.current
    }

    var atPick: Bool { changing == nil && nav.isAtLeaf }

    static func compact(_ ctx: ViewContext) -> Bool { ctx.rect.height < 16 }

    // MARK: layout

    func sheet(_ ctx: ViewContext) -> Sheet {
        var s = Sheet(width: ctx.rect.page.width, glyphs: ctx.glyphs)
        let g = ctx.glyphs
        s.text(nav.tree.title, .title)
        let crumbs = nav.breadcrumb
        if !crumbs.isEmpty {
            var runs: [StyledRun<Sheet.Tag>] = []
            for (i, c) in crumbs.enumerated() {
                if i > 0 { runs.append(StyledRun(" \(g.sep) ", Sheet.Tag(.dim))) }
                let t = s.target(.crumb(i))
                let later = changing.map { i > $0 } ?? false
                runs.append(StyledRun(s.plain(c.option.answer), Sheet.Tag(later ? .dim : .link, t)))
            }
            s.wrap(runs, first: [Span("Answers: ", .dim)], rest: [])
        }
        s.blank()
        if atPick, let outcome = Outcome(path: nav, guide: ctx.guide) {
            outcome.layout(into: &s) { s in extras(&s) }
        } else {
            if let k = changing, crumbs.indices.contains(k) {
                s.text("Changing answer \(k + 1) of \(crumbs.count). Esc keeps \u{201C}\(s.plain(crumbs[k].option.answer))\u{201D}.", .warning)
                s.blank()
            }
            let q = question
            let mine = changing.flatMap { crumbs.indices.contains($0) ? crumbs[$0].index : nil }
            Self.layoutQuestion(q.question ?? q.id, help: q.help,
                                options: q.options.enumerated().map { i, o in (o.answer, o.hint, i == mine ? "your answer" : nil) },
                                choice: choice, compact: Self.compact(ctx), into: &s)
            if !Self.compact(ctx), q.options.indices.contains(choice), let why = q.options[choice].why {
                s.blank()
                s.text("Why \u{201C}\(s.plain(q.options[choice].answer))\u{201D}: " + why, .dim)
            }
            extras(&s)
        }
        return s
    }

    /// A question and its numbered answers, each with its one-line hint. On a short screen only the
    /// highlighted answer shows its hint, so every answer stays in view.
    static func layoutQuestion(_ question: String, help: String?, options: [(answer: String, hint: String?, mark: String?)],
                               choice: Int, compact: Bool, into s: inout Sheet) {
        s.text(question, .heading)
        if !compact, let help { s.text(help, .dim) }
        s.blank()
        for (i, o) in options.enumerated() {
            s.item { s in
                var runs = [StyledRun(s.plain(o.answer), Sheet.Tag(.strong))]
                if let m = o.mark { runs.append(StyledRun("  (\(m))", Sheet.Tag(.accent))) }
                s.wrap(runs, first: [Span(i < 9 ? " \(i + 1)  " : "    ", .accent)])
                if let h = o.hint, !compact || i == choice { s.text(h, .dim, first: [Span("    ")]) }
            }
        }
    }

    private func extras(_ s: inout Sheet) {
        if showCommand {
            if let c = nav.commandLine {
                s.commandBlock(c)
            } else {
                s.blank()
                s.spot("command") { s in s.text("No nnguide recommend command matches these answers: they say nothing yet about a brief's fields.", .dim) }
            }
        }
        if let saved {
            s.blank()
            s.spot("saved") { s in s.text("Decision record saved as " + Sheet.fileName(saved), .dim) }
        }
    }

    /// Brings a named stretch of the sheet into view (the command after `y`, the file after `e`).
    mutating func reveal(_ spot: String, _ ctx: ViewContext) {
        let s = sheet(ctx)
        if let r = s.spots[spot] { pane.show(r, s, height: ctx.rect.height); revealed = spot }
        fit(ctx)
    }

    // MARK: keys

    mutating func handle(_ action: Action, _ ctx: ViewContext) -> Step {
        revealed = nil
        let s = sheet(ctx)
        let height = ctx.rect.height
        switch action {
        case .nextLink, .previousLink:
            // At a pick the links come first: reading on is more common than changing an answer.
            let order = atPick ? s.targets.indices.sorted { (s.targets[$0].isLink ? 0 : 1, $0) < (s.targets[$1].isLink ? 0 : 1, $1) } : nil
            if pane.cycle(forward: action == .nextLink, s, height: height, order: order) { return .done }
            return .effect(.message("Nothing to move to yet: the breadcrumb grows as you answer"))
        case .cancel:
            if changing != nil { stopChanging(); return .effect(.message("Kept your answer")) }
            if pane.focus != nil { pane.focus = nil; return .done }
            return .unhandled
        case .decide(.stepBack):
            if changing != nil { stopChanging(); return .done }
            let taken = nav.answers.last?.option
            guard nav.back() else { return .leave }
            choice = taken ?? 0
            freshScreen()
            fit(ctx)
            return .done
        case .decide(.restart):
            nav.reset(); changing = nil; choice = 0; freshScreen()
            return .effect(.message("Started again at the first question"))
        case .decide(.showCommand):
            showCommand.toggle()
            reveal("command", ctx)
            return .done
        case .decide(.saveRecord):
            return atPick ? .saveRecord : .effect(.message("e saves the decision record once you reach a pick"))
        default:
            break
        }
        return atPick ? handlePick(action, s, ctx) : handleQuestion(action, s, ctx)
    }

    private mutating func handleQuestion(_ action: Action, _ s: Sheet, _ ctx: ViewContext) -> Step {
        let count = question.options.count
        switch action {
        case .lineDown, .lineUp, .top, .bottom:
            switch action {
            case .lineDown: choice = min(count - 1, choice + 1)
            case .lineUp: choice = max(0, choice - 1)
            case .top: choice = 0
            default: choice = count - 1
            }
            pane.focus = nil
            fit(ctx)
            return .done
        case .pageDown, .pageUp:
            _ = pane.scroll(action, s, height: ctx.rect.height)
            return .done
        case .pick(let n):
            return answer(n - 1, ctx)
        case .open:
            if case .crumb(let k)? = pane.focus { return reopen(k, ctx) }
            return answer(choice, ctx)
        default:
            return .unhandled
        }
    }

    private mutating func handlePick(_ action: Action, _ s: Sheet, _ ctx: ViewContext) -> Step {
        if pane.scroll(action, s, height: ctx.rect.height) { return .done }
        let links = Outcome(path: nav, guide: ctx.guide)?.links ?? []
        switch action {
        case .pick(let n):
            guard links.indices.contains(n - 1) else { return .unhandled }
            return Self.follow(links[n - 1].link)
        case .open:
            switch pane.focus {
            case .crumb(let k)?: return reopen(k, ctx)
            case .link(let i)? where links.indices.contains(i): return Self.follow(links[i].link)
            default: return .effect(.message("Tab moves to the links and the breadcrumb; 1-9 open a link"))
            }
        default:
            return .unhandled
        }
    }

    static func follow(_ link: Outcome.Link) -> Step {
        switch link {
        case .page(let id): return .effect(.openPage(id, find: nil))
        case .refine(let r): return .refine(r)
        }
    }

    private mutating func answer(_ i: Int, _ ctx: ViewContext) -> Step {
        guard question.options.indices.contains(i) else { return .unhandled }
        if let k = changing {
            let old = nav.breadcrumb[k].index
            changing = nil
            if i != old { nav.change(step: k, to: i) }
        } else {
            guard nav.choose(i) else { return .effect(.message("That answer leads nowhere in this content")) }
        }
        choice = 0
        freshScreen()
        return .done
    }

    private mutating func reopen(_ k: Int, _ ctx: ViewContext) -> Step {
        guard nav.breadcrumb.indices.contains(k) else { return .unhandled }
        changing = k
        choice = nav.breadcrumb[k].index
        freshScreen()
        fit(ctx)
        return .done
    }

    private mutating func stopChanging() {
        changing = nil
        choice = 0
        freshScreen()
    }

    /// A new screen: scrolled to the top, nothing focused, no record saved for it yet.
    private mutating func freshScreen() {
        pane = Pane()
        saved = nil
    }

    /// Keeps the highlighted answer on screen and scroll and focus valid.
    mutating func fit(_ ctx: ViewContext) {
        let count = question.options.count
        if !atPick { choice = count == 0 ? 0 : min(max(0, choice), count - 1) }
        let s = sheet(ctx)
        if !atPick, revealed == nil, s.items.indices.contains(choice) { pane.show(s.items[choice], s, height: ctx.rect.height) }
        pane.clamp(s, height: ctx.rect.height)
    }

    /// Where you are and how far the screen scrolls ("question 2 • Top": there is more below).
    func status(_ ctx: ViewContext) -> String {
        let place = atPick ? "pick" : changing.map { "changing \($0 + 1) of \(nav.answers.count)" } ?? "question \(nav.answers.count + 1)"
        return place + " \(ctx.glyphs.bullet) " + pane.position(sheet(ctx), height: ctx.rect.height)
    }

    func violations(_ ctx: ViewContext) -> [String] {
        var out = pane.violations(sheet(ctx), height: ctx.rect.height, name: "decide")
        if !atPick && !question.options.indices.contains(choice) { out.append("decide: answer \(choice) outside 0..<\(question.options.count)") }
        return out
    }
}
