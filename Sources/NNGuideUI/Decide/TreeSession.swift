import NNGuideCore

/// One tree being stepped through, as a screen of the Decide stack. Every rule of stepping (choose,
/// back, change an earlier answer) lives in `Navigator`; this adds what the screen needs: the
/// highlighted answer, the breadcrumb answer whose question is reopened, scroll and focus, and
/// whether the command is shown. A pick's "choose the variant" pushes the variant tree's session
/// over this one; Back before the first question pops back to where the tree was chosen. The map
/// (`M`) is pushed over it and dismissed with the place Enter chose, which this session goes to.
struct TreeSession: FindsOnPage {
    var nav: Navigator
    /// Where the session began, so `d` can put it aside and the hub resume it.
    let origin: TreeOrigin
    /// The highlighted answer (0-based) and, at a question, the screen's offset: a question's
    /// answers are a list, moved and kept in view by the rules of every list, and the one owner of
    /// the offset there (`scroll` reads it).
    var answerList = SelectList()
    /// The breadcrumb answer or link Tab focused, and at a pick (a page, with no list) the offset.
    private var page = Pane()
    /// The breadcrumb step whose question is reopened to change its answer.
    var changing: Int?
    /// `/` at a pick.
    var find = Find()
    var showCommand = false
    /// The top of the screen before `y` showed the command: hiding it again returns there, to the
    /// line being read, as closing vim's preview window does (thirteenth retest: it stayed at the box).
    var topBeforeCommand: Int?
    /// Where the decision record of this pick was saved.
    var saved: String?
    /// A stretch just brought into view (the command after `y`): until the next key, keeping the
    /// highlighted answer in view does not scroll it away again.
    var revealed: Sheet.Spot?
    /// The command `y` shows, checked against the recommender, for the answers it was worked out for:
    /// one path can take hundreds of recommender runs (up to seconds in a debug build), so the last
    /// few paths keep theirs, and Back then forth again finds it.
    private(set) var commands = Memo<CommandKey, Result<PathCommand, PathUnreachable>?>(limit: 8)
    struct CommandKey: Equatable, Sendable { var answers: [Navigator.Answer]; var guide: Int }
    /// The sheet of the last state and size it was laid out for: a key, the fit after it, the frame
    /// and the status line all read this one instead of laying the screen out again.
    private(set) var built = Memo<SheetKey, Sheet>()

    init(_ nav: Navigator, origin: TreeOrigin) { self.nav = nav; self.origin = origin }

    var selectedItem: Int? { atPick ? nil : answerList.index }

    /// The question on screen: the current one, or the reopened one.
    var question: DecisionNode {
        if let k = changing, nav.breadcrumb.indices.contains(k) { return nav.breadcrumb[k].node }
        return nav.current
    }

    var atPick: Bool { changing == nil && nav.isAtLeaf }

    // MARK: layout

    /// What the sheet is laid out from: any change lays it out again.
    struct SheetKey: Equatable, Sendable {
        var tree: String, start: String, answers: [Navigator.Answer]
        var choice: Int, changing: Int?, showCommand: Bool, commandKnown: Bool, saved: String?
        var width: Int, compact: Bool, glyphs: Glyphs, guide: Int
    }

    func sheetKey(_ ctx: ScreenContext) -> SheetKey {
        SheetKey(tree: nav.tree.id, start: nav.tree.start, answers: nav.answers, choice: answerList.index, changing: changing,
                 showCommand: showCommand, commandKnown: commands.holds(commandKey(ctx)), saved: saved,
                 width: ctx.rect.page.width, compact: Sheet.compact(ctx), glyphs: ctx.glyphs, guide: ctx.library.generation)
    }

    /// The screen laid out: the one built for this state and size when there is one.
    func sheet(_ ctx: ScreenContext) -> Sheet { built.peek(sheetKey(ctx)) ?? layout(ctx) }
    /// Only a pick is a page to find in; a question is a menu.
    var findable: Bool { atPick }
    static var findScope: Scope { .decidePick }
    func findPage(_ ctx: ScreenContext) -> Document { sheet(ctx).doc }
    /// The viewport drawn, clicked, Tabbed through and found in: at a question its offset is the
    /// answer list's, at a pick the page's, so each state has one owner of where the screen is.
    var scroll: Pane {
        get {
            var p = page
            if !atPick { p.top = answerList.top }
            return p
        }
        set {
            page = newValue
            if !atPick { answerList.top = newValue.top; page.top = 0 }
        }
    }

    /// The same, kept for the frame and the status line that follow.
    private mutating func laidOut(_ ctx: ScreenContext) -> Sheet {
        let key = sheetKey(ctx)
        return built.peek(key) ?? built.keep(key, layout(ctx))
    }

    private func layout(_ ctx: ScreenContext) -> Sheet {
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
        // Where the brief answers no question, the path took what the recommender assumes: said, not hidden.
        let open = nav.assumedByBrief
        if !open.isEmpty {
            // The answers only (the breadcrumb above has them in order): 40x12 keeps the pick on the first screen.
            s.text("Assumed, as no field of your brief decides it: " + open.map { "\u{201C}\(s.plain($0.option.answer))\u{201D}" }.joined(separator: ", "), .warning)
        }
        s.blank()
        if atPick, let outcome = Outcome(path: nav, guide: ctx.guide) {
            outcome.layout(into: &s) { s in extras(&s, ctx) }
        } else {
            if let k = changing, crumbs.indices.contains(k) {
                s.text("Changing answer \(k + 1) of \(crumbs.count). \(Keymap.key(.cancel, in: scopes)) keeps \u{201C}\(s.plain(crumbs[k].option.answer))\u{201D}.", .warning)
                s.blank()
            }
            let q = question
            let mine = changing.flatMap { crumbs.indices.contains($0) ? crumbs[$0].index : nil }
            s.spots[.question] = s.count..<(s.count + 1)
            s.question(q.question ?? q.id, help: q.help,
                       options: q.options.enumerated().map { i, o in (o.answer, o.hint, i == mine ? "your answer" : nil) },
                       choice: answerList.index, compact: Sheet.compact(ctx))
            if !Sheet.compact(ctx), q.options.indices.contains(answerList.index), let why = q.options[answerList.index].why {
                s.blank()
                s.text("Why \u{201C}\(s.plain(q.options[answerList.index].answer))\u{201D}: " + why, .dim)
            }
            extras(&s, ctx)
        }
        return s
    }

    private func extras(_ s: inout Sheet, _ ctx: ScreenContext) {
        if showCommand {
            switch commands.peek(commandKey(ctx)) ?? nil {
            case .success(let c)?:
                s.commandBlock(c.line, notes: c.notes)
            case .failure(let why)?:
                s.blank()
                s.spot(.command) { s in s.text(why.message, .dim) }
            case nil:
                s.blank()
                s.spot(.command) { s in s.text("No nnguide recommend command matches these answers: they say nothing yet about a brief's fields.", .dim) }
            }
        }
        if let saved {
            s.blank()
            s.spot(.saved) { s in s.text("Decision record saved as " + ctx.fileName(saved), .dim) }
        }
    }

    /// Brings a named stretch of the sheet into view (the command after `y`, the file after `e`).
    mutating func reveal(_ spot: Sheet.Spot, _ ctx: ScreenContext) {
        let s = laidOut(ctx)
        if let r = s.spots[spot] { scroll.show(r, s, height: ctx.rect.height); revealed = spot }
        fitSheet(ctx)
    }

    // MARK: keys

    mutating func handle(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        defer { refreshCommand(ctx) }
        return handleKey(action, &ctx)
    }

    private func commandKey(_ ctx: ScreenContext) -> CommandKey { CommandKey(answers: nav.answers, guide: ctx.library.generation) }

    /// Works the `y` command out for answers that have none kept (it runs the recommender).
    mutating func refreshCommand(_ ctx: ScreenContext) {
        guard showCommand, !commands.holds(commandKey(ctx)) else { return }
        commands.keep(commandKey(ctx), nav.command(with: Recommender(guide: ctx.guide)))
        if revealed == .command { reveal(.command, ctx) }
    }

    private mutating func handleKey(_ action: Action, _ dctx: inout ScreenContext) -> Effect {
        let ctx = dctx
        revealed = nil
        let s = laidOut(ctx)
        let height = ctx.rect.height
        switch action {
        case .decide(.map):
            // The map's place comes back to this session (`resume`); Esc there leaves it as it is.
            dctx.push(DecisionMap(nav, ctx))
            return .none
        case .nextLink, .previousLink:
            // At a pick the links come first: reading on is more common than changing an answer.
            let order = atPick ? s.targets.indices.sorted { (s.targets[$0].isLink ? 0 : 1, $0) < (s.targets[$1].isLink ? 0 : 1, $1) } : nil
            if scroll.cycle(forward: action == .nextLink, s, height: height, order: order) { return .none }
            return .message("Nothing to move to yet: the breadcrumb grows as you answer")
        case .cancel where changing == nil && !find.isEmpty:
            clearFind()
            return .none
        case .cancel:
            if changing != nil { stopChanging(); return .message("Kept your answer") }
            if scroll.focus != nil { scroll.focus = nil; return .none }
            return .unhandled
        case .back:
            if changing != nil { stopChanging(); return .none }
            let taken = nav.answers.last?.option
            // Before the first question: back where the tree was chosen (the hub, the variant
            // menu, the form, or the pick whose variant this is).
            guard nav.back() else { return .unhandled }
            answerList.index = taken ?? 0
            freshScreen()
            fitSheet(ctx)
            return .none
        case .decide(.restart):
            nav.reset(); changing = nil; answerList.index = 0; freshScreen()
            return .message("Started again at the first question")
        case .decide(.showCommand):
            if !showCommand { topBeforeCommand = scroll.top }
            showCommand.toggle()
            refreshCommand(ctx)
            if showCommand { reveal(.command, ctx); return .none }
            if let top = topBeforeCommand { scroll.top = top; topBeforeCommand = nil }
            fitSheet(ctx)
            return .none
        case .decide(.saveRecord):
            return atPick ? dctx.run(.saveRecord(.path(nav))) : .message("\(Keymap.key(.decide(.saveRecord), in: scopes)) saves the decision record once you reach a pick")
        default:
            break
        }
        return atPick ? handlePick(action, s, &dctx) : handleQuestion(action, s, ctx)
    }

    private mutating func handleQuestion(_ action: Action, _ s: Sheet, _ ctx: ScreenContext) -> Effect {
        // The answer list's moves, by the rule of every list; the sheet is laid out again for the new
        // answer (its hint and "why" follow it), so fitting brings that one into view, the question
        // above it too (`keepQuestionInView`: `g` shows the top, as less's does).
        if answerList.move(action, items: s.items, lines: s.count, height: ctx.rect.height) {
            scroll.focus = nil
            fitSheet(ctx)
            return .none
        }
        switch action {
        case .pick(let n):
            return answer(n - 1, ctx)
        case .open:
            if case .crumb(let k)? = scroll.focus { return reopen(k, ctx) }
            return answer(answerList.index, ctx)
        default:
            return .unhandled
        }
    }

    private mutating func handlePick(_ action: Action, _ s: Sheet, _ dctx: inout ScreenContext) -> Effect {
        let ctx = dctx
        if scroll.scroll(action, s, height: ctx.rect.height) { return .none }
        if let found = findKey(action, dctx) { return found }
        let links = Outcome(path: nav, guide: ctx.guide)?.links ?? []
        switch action {
        case .pick(let n):
            guard links.indices.contains(n - 1) else { return .unhandled }
            return dctx.follow(links[n - 1].link, from: origin)
        case .open:
            switch scroll.focus {
            case .crumb(let k)?: return reopen(k, ctx)
            case .link(let i)? where links.indices.contains(i): return dctx.follow(links[i].link, from: origin)
            default: return .message("\(Keymap.key(.nextLink, in: scopes)) moves to the links and the breadcrumb; \(Keymap.digits) open a link")
            }
        default:
            return .unhandled
        }
    }

    private mutating func answer(_ i: Int, _ ctx: ScreenContext) -> Effect {
        guard question.options.indices.contains(i) else { return .unhandled }
        if let k = changing {
            let old = nav.breadcrumb[k].index
            changing = nil
            if i != old { nav.change(step: k, to: i) }
        } else {
            guard nav.choose(i) else { return .message("That answer leads nowhere in this content") }
        }
        answerList.index = 0
        freshScreen()
        return .none
    }

    /// The place Enter chose on the map this session pushed.
    mutating func resume(_ result: ScreenResult, _ ctx: inout ScreenContext) -> Effect {
        guard case .place(let place) = result else { return .none }
        return go(to: place, ctx)
    }

    /// A place on the map (Enter there): its answers, given one by one as the keys would.
    mutating func go(to place: DecisionMap.Place, _ ctx: ScreenContext) -> Effect {
        var next = nav
        next.reset()
        for a in place.answers { guard next.choose(a) else { return .message("That place cannot be reached in this content") } }
        nav = next
        changing = nil
        answerList.index = 0
        freshScreen()
        fitSheet(ctx)
        return .none
    }

    private mutating func reopen(_ k: Int, _ ctx: ScreenContext) -> Effect {
        guard nav.breadcrumb.indices.contains(k) else { return .unhandled }
        changing = k
        answerList.index = nav.breadcrumb[k].index
        freshScreen()
        fitSheet(ctx)
        return .none
    }

    private mutating func stopChanging() {
        changing = nil
        answerList.index = 0
        freshScreen()
    }

    /// A new screen: scrolled to the top, nothing focused, no record saved for it yet.
    private mutating func freshScreen() {
        page = Pane()
        answerList.top = 0
        topBeforeCommand = nil
        find.clear()
        saved = nil
    }

    /// A click on an answer chooses it; on a breadcrumb answer or a link, focuses and opens it.
    mutating func click(x: Int, y: Int, _ dctx: inout ScreenContext) -> Effect {
        guard let action = scroll.click(sheet(dctx), x: x, y: y, in: dctx.rect.page) else { return .unhandled }
        return handle(action, &dctx)
    }

    // MARK: the screen

    var scopes: [Scope] { atPick ? [.decidePick, .decideTree, .decide] : [.decideTree, .decide] }
    /// A question (`decideTree`) and, at a pick, the pick's own keys first (`decidePick`).
    static let bindings: [Binding] = [
        Binding([.enter], .open, .decideTree, "choose the answer; on the breadcrumb, reopen that question to change it", hint: "choose"),
        Binding([.backspace, .left], .back, .decideTree, "back one answer (before the first: where the tree was chosen)", hint: "back"),
        Binding([.tab], .nextLink, .decideTree, "move along the breadcrumb of answers (\(Keymap.key(.open, in: .decideTree)) reopens one to change it)", hint: "change"),
        Binding([.backTab], .previousLink, .decideTree, "move back along the breadcrumb"),
        Binding([.escape], .cancel, .decideTree, "keep the answer you were changing; leave the breadcrumb"),
        Binding([.char("y")], .decide(.showCommand), .decideTree, "show the equivalent nnguide recommend command", hint: "command"),
        Binding([.char("M")], .decide(.map), .decideTree, "the decision map: the whole tree, your path marked", hint: "map"),
        Binding([.char("r")], .decide(.restart), .decideTree, "start this tree again from its first question"),
        Binding([.char("e")], .decide(.saveRecord), .decideTree, "save the decision record (once you reach a pick)"),
        // Enter leads the pick's hints: it is offered only on a focused link, and 40 columns must keep it then.
        Binding([.enter], .open, .decidePick, "open the link in the reader (\(Keymap.key(.back)) returns), or reopen a breadcrumb question", hint: "open"),
        Binding([.char("e")], .decide(.saveRecord), .decidePick, "save the decision record as Markdown (the file name is shown)", hint: "save"),
        // Before Tab and Backspace: 40 columns keep `y` on a pick's key line (thirteenth retest).
        Binding([.char("y")], .decide(.showCommand), .decidePick, "show the equivalent nnguide recommend command (again: hide it, back to the line you read)", hint: "command"),
        Binding([.tab], .nextLink, .decidePick, "next link, then the breadcrumb answers", hint: "link"),
        Binding([.backspace, .left], .back, .decidePick, "back to the last question", hint: "back"),
        // A pick and the recommendation are long pages: `/` finds there as in the reader.
        Binding([.char("/")], .find, .decidePick, "find on the page of a pick or the recommendation (\(Keymap.findPromptKeys))", hint: "find"),
        Binding([.char("n")], .findNext, .decidePick, "next match"),
        Binding([.char("N")], .findPrevious, .decidePick, "previous match"),
    ]

    /// Keys that only say why they cannot act yet are not offered (they still say so when pressed):
    /// a diagnosis has no `nnguide recommend` command; before the first answer there is no
    /// breadcrumb for Tab to move along and no brief field for `y`'s command to set.
    var idleActions: Set<Action> {
        // Deleting is the saved briefs list's key, which shares Decide's menu keys with the trees.
        var idle: Set<Action> = nav.tree.role == .diagnosis ? [.decide(.showCommand), .decide(.deleteBrief)] : [.decide(.deleteBrief)]
        if nav.breadcrumb.isEmpty && !atPick { idle.formUnion([.nextLink, .decide(.showCommand)]) }
        return idle
    }
    /// At a pick Enter opens what Tab focused; with nothing focused it only says where Tab goes, so
    /// it is not offered.
    func hintWords(_ ctx: ScreenContext) -> [Action: String] { atPick && scroll.focus == nil ? [.open: ""] : [:] }

    mutating func fit(_ dctx: inout ScreenContext) {
        // A command shown for another guide (the preview's, before the whole guide arrived) is worked out again.
        refreshCommand(dctx)
        fitSheet(dctx)
        refreshFind(dctx)
    }

    /// Keeps the highlighted answer on screen and scroll and focus valid: the fit, which only reads
    /// the context, so the keys' own steps use it too.
    mutating func fitSheet(_ ctx: ScreenContext) {
        // Inside the question's answers before laying out: the sheet shows the highlighted one's hint.
        if !atPick { answerList.index = min(max(0, answerList.index), max(0, question.options.count - 1)) }
        let s = laidOut(ctx)
        if !atPick, revealed == nil {
            answerList.fit(items: s.items, lines: s.count, height: ctx.rect.height)
            keepQuestionInView(s, height: ctx.rect.height)
        }
        scroll.clamp(s, height: ctx.rect.height)
    }

    /// The question stays on screen while the answers move, as fzf keeps its prompt: the screen
    /// shows from the top of the page (the title) when the highlighted answer fits whole under it,
    /// else from the question's first line when the answer (or, if it is too tall, its first line)
    /// fits under that; only an answer further down scrolls the question away (40x12 had kept it
    /// off screen on arrival, on Backspace and while `k` went back up: thirteenth retest).
    private mutating func keepQuestionInView(_ s: Sheet, height: Int) {
        guard s.items.indices.contains(answerList.index), height > 0 else { return }
        let item = s.items[answerList.index], question = s.spots[.question]?.lowerBound ?? 0
        let start = item.upperBound <= height ? 0 : item.lowerBound < question + height ? question : nil
        if let start { answerList.top = min(answerList.top, start) }
    }

    func render(_ dctx: ScreenContext, into buf: inout Buffer) {
        scroll.draw(sheet(dctx), in: dctx.rect.page, selected: selectedItem, find: find, into: &buf)
    }

    /// Where you are and how far the screen scrolls ("question 2 • Top": there is more below).
    func status(_ dctx: ScreenContext) -> (String, String) {
        let ctx = dctx
        let place = atPick ? "pick" : changing.map { "changing \($0 + 1) of \(nav.answers.count)" } ?? "question \(nav.answers.count + 1)"
        return ("Decide \(ctx.glyphs.sep) " + ctx.glyphs.text(nav.tree.title),
                place + " \(ctx.glyphs.bullet) " + scroll.position(sheet(ctx), height: ctx.rect.height))
    }

    mutating func receive(_ result: CommandResult, _ dctx: inout ScreenContext) {
        guard case .recordSaved(let path) = result else { return }
        saved = path
        reveal(.saved, dctx)
    }

    /// `d` (the decide view asked for by its key) puts the session aside with the screens over it,
    /// for the hub to resume (`DecideSessions`); the brief's own path is not, since `p` walks it afresh.
    mutating func closing(above: [any Screen], _ ctx: inout ScreenContext) {
        guard origin != .brief else { return }
        ctx.sessions.putAside(origin, nav, screens: [self] + above)
    }

    func violations(_ dctx: ScreenContext) -> [String] {
        let ctx = dctx
        let s = sheet(ctx)
        var out = scroll.violations(s, height: ctx.rect.height, name: "decide")
        if !atPick {
            out += answerList.violations(items: s.items, lines: s.count, height: ctx.rect.height, name: "decide")
            if revealed == nil && !answerList.showsChoice(items: s.items, height: ctx.rect.height) { out.append("decide: answer \(answerList.index) off screen") }
        }
        // One owner of the offset: the list's at a question, the page's at a pick.
        if atPick ? answerList.top != 0 : page.top != 0 { out.append("decide: an offset kept by the list and the page both") }
        if let kept = built.peek(sheetKey(ctx)), kept.doc.lines != layout(ctx).doc.lines {
            out.append("decide: the kept sheet differs from the screen's state")
        }
        return out
    }
}
