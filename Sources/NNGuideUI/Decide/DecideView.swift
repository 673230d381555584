import NNGuideCore

/// The decision navigator (`d`): a hub, then one question per screen down the primary flow, a
/// variant tree or the diagnosis, to a pick; or the Model Brief form with its live recommendation.
/// Sessions are kept while the app runs: `d` returns to the hub and the hub resumes them.
public struct DecideView: AppView {
    public enum Mode: String, Sendable, Equatable { case hub, variants, tree, brief, result, saved }

    public internal(set) var mode: Mode = .hub
    var hubChoice = 0
    var variantChoice = 0
    /// Scroll of whichever menu is on screen (the hub, the variant trees, the saved briefs).
    var menu = Pane()
    /// Tree sessions by where they began (a tree id, or `brief` for the brief's path); each is a
    /// stack, because a pick's "choose the variant" opens a variant tree over it.
    var sessions: [String: [TreeSession]] = [:]
    var active: String?
    public internal(set) var form = BriefForm()
    var result = Pane()
    var resultCommand = false
    var resultSaved: String?
    var saved: [SavedBrief] = []
    var savedFolder: String?
    var savedChoice = 0
    var savedReturn: Mode = .hub
    /// An Enter on a saved brief that would replace unsaved changes: the next Enter confirms.
    var pendingOpen: Int?
    /// Disk work for the loop (`AppState.runDecisionCommands`); `update` never touches the disk.
    public internal(set) var outbox: [DecideCommand] = []

    public init() {}

    static let briefKey = "brief"
    static let diagnosisID = "diagnosis"

    public var scopes: [Scope] {
        switch mode {
        case .hub: return []
        case .variants, .saved: return [.decide]
        case .tree: return session?.atPick == true ? [.decidePick, .decideTree, .decide] : [.decideTree, .decide]
        case .brief: return [.brief]
        case .result: return [.decidePick, .decideTree, .decide]
        }
    }

    public var typing: Bool { mode == .brief && form.editing != nil }
    public var typingScopes: [Scope] { [.briefField] }

    var session: TreeSession? { active.flatMap { sessions[$0]?.last } }

    mutating func withSession<R>(_ body: (inout TreeSession) -> R) -> R? {
        guard let key = active, var stack = sessions[key], var top = stack.popLast() else { return nil }
        let r = body(&top)
        stack.append(top)
        sessions[key] = stack
        return r
    }

    // MARK: the hub

    enum HubItem: Equatable { case tree(String), variants, brief, saved }

    func variantTrees(_ guide: Guide) -> [DecisionTree] {
        guide.decisions.trees.filter { $0.id != DecisionBook.primaryTreeID && $0.id != Self.diagnosisID }
    }

    func hubItems(_ ctx: ViewContext) -> [(item: HubItem, title: String, about: String)] {
        let book = ctx.guide.decisions
        let g = ctx.glyphs
        func about(_ key: String, _ fallback: String?) -> String {
            if let stack = sessions[key], let top = stack.last, !top.nav.answers.isEmpty || stack.count > 1 {
                return "resume: " + top.nav.breadcrumb.map { InlineParser.plain($0.option.answer) }.joined(separator: " \(g.sep) ")
            }
            return InlineParser.plain(fallback ?? "")
        }
        var out: [(HubItem, String, String)] = []
        if let p = book.tree(DecisionBook.primaryTreeID) {
            out.append((.tree(p.id), "Step through the primary flow", about(p.id, p.summary)))
        }
        let variants = variantTrees(ctx.guide)
        if !variants.isEmpty {
            let resumed = variants.first { sessions[$0.id]?.last.map { !$0.nav.answers.isEmpty } ?? false }
            out.append((.variants, "Choose a variant for one modality",
                        resumed.map { "resume: " + $0.title } ?? variants.map(\.id).joined(separator: ", ")))
        }
        let filled = form.values.isEmpty ? "describe the problem once; the pick follows every change"
            : "resume: " + [form.values[.modality], form.values[.task]].compactMap { $0?.description }.joined(separator: ", ")
        out.append((.brief, "Fill in a Model Brief", filled))
        if let d = book.tree(Self.diagnosisID) {
            out.append((.tree(d.id), "Diagnose a failing model", about(d.id, d.summary)))
        }
        out.append((.saved, "Open a saved brief", "briefs you saved with w in the form"))
        return out
    }

    func hubSheet(_ ctx: ViewContext) -> Sheet {
        let r = ctx.rect.page
        var s = Sheet(width: r.width, glyphs: ctx.glyphs)
        let g = ctx.glyphs
        s.line([Span("Decide", .title)])
        s.line([Span(String(repeating: g.heavyH, count: 6), .title)])
        if ctx.rect.height >= 14 {
            s.text("Match the architecture to the data's structure; filter by constraints; simple first.", .dim)
        }
        s.blank()
        let items = hubItems(ctx)
        let titleWidth = (items.map { DisplayWidth.of($0.title) }.max() ?? 10) + 2
        for (i, it) in items.enumerated() {
            s.item { s in
                var spans = [Span(i < 9 ? " \(i + 1)  " : "    ", .accent), Span(TextWrap.pad(it.title, width: titleWidth), .strong)]
                let room = r.width - 4 - titleWidth
                if room >= 12 { spans.append(Span(TextWrap.truncate(g.text(it.about), width: room, ellipsis: g.ellipsis), .dim)) }
                s.line(spans)
            }
        }
        return s
    }

    mutating func openHubItem(_ item: HubItem, _ ctx: ViewContext) -> Effect {
        switch item {
        case .tree(let id):
            guard let tree = ctx.guide.decisions.tree(id) else { return .message("No decision tree '\(id)' in this content") }
            start(key: id, tree: tree, ctx)
        case .variants:
            mode = .variants
        case .brief:
            mode = .brief
        case .saved:
            openSaved(from: .hub)
        }
        fit(ctx)
        return .none
    }

    /// Starts a tree, or resumes it where it was left.
    mutating func start(key: String, tree: DecisionTree, _ ctx: ViewContext) {
        if sessions[key] == nil { sessions[key] = [TreeSession(Navigator(tree: tree))] }
        active = key
        mode = .tree
    }

    func variantSheet(_ ctx: ViewContext) -> Sheet {
        var s = Sheet(width: ctx.rect.page.width, glyphs: ctx.glyphs)
        s.text("Variants for one modality", .title)
        s.blank()
        let trees = variantTrees(ctx.guide)
        TreeSession.layoutQuestion(
            "Which data are you choosing a variant for?",
            help: "Part 4 of the guide: within a family, the variant follows from the output you need and your constraints.",
            options: trees.map { t in (t.title, t.summary, sessions[t.id]?.last.map { $0.nav.answers.isEmpty ? nil : "in progress" } ?? nil) },
            choice: variantChoice, compact: TreeSession.compact(ctx), into: &s)
        return s
    }

    // MARK: saved briefs

    mutating func openSaved(from: Mode) {
        savedReturn = from
        mode = .saved
        savedFolder = nil
        pendingOpen = nil
        menu = Pane()
        outbox.append(.listBriefs)
    }

    mutating func briefsListed(_ list: [SavedBrief], folder: String) {
        saved = list
        savedFolder = folder
        savedChoice = min(savedChoice, max(0, list.count - 1))
    }

    func savedSheet(_ ctx: ViewContext) -> Sheet {
        var s = Sheet(width: ctx.rect.page.width, glyphs: ctx.glyphs)
        s.text("Saved briefs", .title)
        guard let folder = savedFolder else { s.text("Reading the briefs folder...", .dim); return s }
        s.text("In " + folder, .dim)
        s.blank()
        if saved.isEmpty { s.text("No saved briefs yet. In the brief form, w saves one here.", .text); return s }
        for (i, b) in saved.enumerated() {
            s.item { s in
                s.wrap([StyledRun(s.glyphs.text(b.name), Sheet.Tag(.strong))], first: [Span(i < 9 ? " \(i + 1)  " : "    ", .accent)])
                s.text(b.summary, b.values == nil ? .warning : .dim, first: [Span("    ")])
            }
        }
        return s
    }

    mutating func openSavedBrief(_ i: Int) -> Effect {
        guard saved.indices.contains(i) else { return .unhandled }
        savedChoice = i
        let b = saved[i]
        guard let values = b.values else { return .message("Cannot open \(b.name): \(b.problem ?? "unreadable")") }
        if form.unsaved && pendingOpen != i {
            pendingOpen = i
            return .message("The brief in the form has unsaved changes: Enter again replaces it, Backspace keeps it")
        }
        pendingOpen = nil
        form.load(values, from: b.path)
        mode = .brief
        return .message("Opened \(b.path)")
    }

    // MARK: keys

    public mutating func activate(_ ctx: ViewContext) {
        // `d` always shows the hub; what was begun is kept and the hub offers to resume it.
        if !typing { mode = .hub }
    }

    public mutating func handle(_ action: Action, _ ctx: ViewContext) -> Effect {
        defer { fit(ctx) }
        switch mode {
        case .hub:
            let items = hubItems(ctx)
            switch action {
            case .lineDown: hubChoice = min(items.count - 1, hubChoice + 1)
            case .lineUp: hubChoice = max(0, hubChoice - 1)
            case .top: hubChoice = 0
            case .bottom: hubChoice = items.count - 1
            case .open: return openHubItem(items[hubChoice].item, ctx)
            case .pick(let n):
                guard items.indices.contains(n - 1) else { return .unhandled }
                hubChoice = n - 1
                return openHubItem(items[n - 1].item, ctx)
            default: return .unhandled
            }
            return .none
        case .variants:
            let trees = variantTrees(ctx.guide)
            switch action {
            case .lineDown: variantChoice = min(trees.count - 1, variantChoice + 1)
            case .lineUp: variantChoice = max(0, variantChoice - 1)
            case .top: variantChoice = 0
            case .bottom: variantChoice = trees.count - 1
            case .open, .pick:
                var i = variantChoice
                if case .pick(let n) = action { i = n - 1 }
                guard trees.indices.contains(i) else { return .unhandled }
                variantChoice = i
                start(key: trees[i].id, tree: trees[i], ctx)
            case .decide(.stepBack), .cancel: mode = .hub
            default: return .unhandled
            }
            return .none
        case .tree:
            return treeKey(action, ctx)
        case .brief:
            return briefKey(action, ctx)
        case .result:
            return resultKey(action, ctx)
        case .saved:
            switch action {
            case .lineDown: savedChoice = min(max(0, saved.count - 1), savedChoice + 1); pendingOpen = nil
            case .lineUp: savedChoice = max(0, savedChoice - 1); pendingOpen = nil
            case .top: savedChoice = 0
            case .bottom: savedChoice = max(0, saved.count - 1)
            case .open: return openSavedBrief(savedChoice)
            case .pick(let n): return openSavedBrief(n - 1)
            case .decide(.stepBack), .cancel: mode = savedReturn; pendingOpen = nil
            default: return .unhandled
            }
            return .none
        }
    }

    mutating func treeKey(_ action: Action, _ ctx: ViewContext) -> Effect {
        guard let step = withSession({ $0.handle(action, ctx) }) else { mode = .hub; return .none }
        switch step {
        case .done: return .none
        case .unhandled: return .unhandled
        case .effect(let e): return e
        case .leave:
            guard let key = active else { mode = .hub; return .none }
            if var stack = sessions[key], stack.count > 1 {
                stack.removeLast()
                sessions[key] = stack
                return .none
            }
            sessions[key] = nil
            active = nil
            // Back where the tree was chosen: the form, the variant menu or the hub.
            if key == Self.briefKey { mode = .brief } else if variantTrees(ctx.guide).contains(where: { $0.id == key }) { mode = .variants } else { mode = .hub }
            return .none
        case .refine(let r):
            guard let key = active, var tree = ctx.guide.decisions.tree(r.tree), tree.node(r.node) != nil else {
                return .message("The variant tree '\(r.tree)' is not in this content")
            }
            tree.start = r.node
            sessions[key, default: []].append(TreeSession(Navigator(tree: tree)))
            return .none
        case .saveRecord:
            if let nav = session?.nav { outbox.append(.saveRecord(.path(nav))) }
            return .none
        }
    }

    mutating func briefKey(_ action: Action, _ ctx: ViewContext) -> Effect {
        form.notice = nil
        if form.editing == nil {
            switch action {
            case .decide(.stepBack):
                mode = .hub
                return .none
            case .decide(.saveBrief):
                guard !form.values.isEmpty else { return .message("Nothing to save yet: fill in a field first") }
                outbox.append(.saveBrief(yaml: Brief.yaml(values: form.values), name: form.baseName))
                return .none
            case .decide(.openBrief):
                openSaved(from: .brief)
                return .none
            case .decide(.recommendation):
                guard form.brief != nil else { return .message("Choose a modality and a task first: every recommendation starts there") }
                mode = .result
                result = Pane()
                return .none
            case .decide(.walkPath):
                guard let b = form.brief, let primary = ctx.guide.decisions.tree(DecisionBook.primaryTreeID) else {
                    return .message("Choose a modality and a task first: the path starts there")
                }
                sessions[Self.briefKey] = [TreeSession(Navigator(tree: primary, brief: b))]
                active = Self.briefKey
                mode = .tree
                return .none
            case .decide(.saveRecord):
                guard let r = form.recommendation(ctx.guide) else { return .message("Choose a modality and a task first: there is no recommendation to record yet") }
                outbox.append(.saveRecord(.brief(r)))
                return .none
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

    func resultSheet(_ ctx: ViewContext) -> Sheet {
        var s = Sheet(width: ctx.rect.page.width, glyphs: ctx.glyphs)
        guard let o = resultOutcome(ctx), let b = form.brief else {
            s.text("Choose a modality and a task in the form first (Backspace returns to it).", .text)
            return s
        }
        s.text("For your brief: " + b.givenFields.filter { $0 != .notes }.map { "\($0.name)=\(b[$0]!)" }.joined(separator: " "), .dim)
        s.blank()
        o.layout(into: &s) { s in
            if resultCommand { s.commandBlock(b.commandLine(given: b.givenFields)) }
            if let resultSaved {
                s.blank()
                s.spot("saved") { s in s.text("Decision record saved as " + Sheet.fileName(resultSaved), .dim) }
            }
        }
        return s
    }

    mutating func resultKey(_ action: Action, _ ctx: ViewContext) -> Effect {
        let s = resultSheet(ctx)
        let height = ctx.rect.height
        if result.scroll(action, s, height: height) { return .none }
        let links = resultOutcome(ctx)?.links ?? []
        switch action {
        case .decide(.stepBack): mode = .brief
        case .cancel: result.focus = nil
        case .nextLink, .previousLink:
            if !result.cycle(forward: action == .nextLink, s, height: height) { return .message("No links here") }
        case .pick(let n):
            guard links.indices.contains(n - 1) else { return .unhandled }
            return stepEffect(TreeSession.follow(links[n - 1].link))
        case .open:
            guard case .link(let i)? = result.focus, links.indices.contains(i) else { return .message("Tab moves to the links; 1-9 open one") }
            return stepEffect(TreeSession.follow(links[i].link))
        case .decide(.showCommand):
            resultCommand.toggle()
            let after = resultSheet(ctx)
            if let r = after.spots["command"] { result.show(r, after, height: height) }
        case .decide(.saveRecord):
            guard let r = form.recommendation(ctx.guide) else { return .unhandled }
            outbox.append(.saveRecord(.brief(r)))
        default: return .unhandled
        }
        return .none
    }

    func stepEffect(_ step: Step) -> Effect {
        if case .effect(let e) = step { return e }
        return .none
    }

    /// The loop saved a decision record: say where on the screen that asked for it.
    mutating func recordSaved(_ path: String, _ ctx: ViewContext) {
        switch mode {
        case .tree: withSession { $0.saved = path; $0.reveal("saved", ctx) }
        case .result:
            resultSaved = path
            let s = resultSheet(ctx)
            if let r = s.spots["saved"] { result.show(r, s, height: ctx.rect.height) }
        default:
            form.savedRecord = path
            form.notice = "Decision record saved as " + Sheet.fileName(path)
        }
    }

    // MARK: layout

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

    public mutating func fit(_ ctx: ViewContext) {
        let h = ctx.rect.height
        switch mode {
        case .hub:
            hubChoice = min(max(0, hubChoice), hubItems(ctx).count - 1)
            let s = hubSheet(ctx)
            menu.show(s.items[hubChoice], s, height: h)
            menu.clamp(s, height: h)
        case .variants:
            let n = variantTrees(ctx.guide).count
            variantChoice = min(max(0, variantChoice), max(0, n - 1))
            let s = variantSheet(ctx)
            if s.items.indices.contains(variantChoice) { menu.show(s.items[variantChoice], s, height: h) }
            menu.clamp(s, height: h)
        case .tree:
            if session == nil { mode = .hub; return }
            withSession { $0.fit(ctx) }
        case .brief:
            let p = formPanes(ctx.rect).form
            form.fit(height: p.height, width: p.width, ctx)
        case .result:
            result.clamp(resultSheet(ctx), height: h)
        case .saved:
            savedChoice = min(max(0, savedChoice), max(0, saved.count - 1))
            let s = savedSheet(ctx)
            if s.items.indices.contains(savedChoice) { menu.show(s.items[savedChoice], s, height: h) }
            menu.clamp(s, height: h)
        }
    }

    public func render(_ ctx: ViewContext, into buf: inout Buffer) {
        let r = ctx.rect.page
        switch mode {
        case .hub:
            hubSheet(ctx).render(top: menu.top, in: r, focus: nil, selected: hubChoice, into: &buf)
        case .variants:
            variantSheet(ctx).render(top: menu.top, in: r, focus: nil, selected: variantChoice, into: &buf)
        case .tree:
            guard let t = session else { return }
            t.sheet(ctx).render(top: t.pane.top, in: r, focus: t.pane.focus, selected: t.atPick ? nil : t.choice, into: &buf)
        case .brief:
            renderForm(ctx, into: &buf)
        case .result:
            resultSheet(ctx).render(top: result.top, in: r, focus: result.focus, selected: nil, into: &buf)
        case .saved:
            savedSheet(ctx).render(top: menu.top, in: r, focus: nil, selected: saved.isEmpty ? nil : savedChoice, into: &buf)
        }
    }

    func renderForm(_ ctx: ViewContext, into buf: inout Buffer) {
        let g = ctx.glyphs
        let (f, res, divider) = formPanes(ctx.rect)
        let rec = form.recommendation(ctx.guide)
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
                    for w in o.warnings { s.text(w, .text, first: [Span("! ", .warning)]) }
                }
                s.blank()
                for b in o.why { s.text(b, .dim, first: [Span(g.bullet + " ", .dim)]) }
            } else if let problem = form.recommendationProblem(ctx.guide) {
                s.text(problem, .warning)
            } else {
                s.text("Choose a modality and a task: the pick appears here and follows every change.", .dim)
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
                let why = form.recommendationProblem(ctx.guide) ?? "Choose modality and task for a pick"
                buf.put(TextWrap.truncate(why, width: res.width, ellipsis: g.ellipsis), x: res.x, y: res.y + 1, role: form.brief == nil ? .dim : .warning)
                return
            }
            let key = "  r why"
            let line = "\(g.arrow) \(Outcome.name(rec.pick.id, ctx.guide)): \(g.text(rec.pick.title))"
            buf.put(TextWrap.truncate(line, width: res.width - DisplayWidth.of(key), ellipsis: g.ellipsis), x: res.x, y: res.y + 1, role: .strong)
            buf.put(key, x: res.maxX - DisplayWidth.of(key), y: res.y + 1, role: .dim)
        }
    }

    public func status(_ ctx: ViewContext) -> (String, String) {
        let sep = " \(ctx.glyphs.sep) "
        switch mode {
        case .hub: return ("Decide", "")
        case .variants: return ("Decide" + sep + "Variants", "")
        case .tree:
            guard let t = session else { return ("Decide", "") }
            return ("Decide" + sep + ctx.glyphs.text(t.nav.tree.title), t.status(ctx))
        case .brief:
            return ("Decide" + sep + "Model Brief" + (form.unsaved ? " (unsaved)" : ""), "\(form.current.name) \(form.field + 1)/\(BriefForm.fields.count)")
        case .result: return ("Decide" + sep + "Model Brief" + sep + "recommendation", result.position(resultSheet(ctx), height: ctx.rect.height))
        case .saved: return ("Decide" + sep + "Saved briefs", savedFolder == nil ? "" : "\(saved.count)")
        }
    }

    public func violations(_ ctx: ViewContext) -> [String] {
        let h = ctx.rect.height
        var out: [String] = []
        switch mode {
        case .hub:
            out += menu.violations(hubSheet(ctx), height: h, name: "decide hub")
            if !hubItems(ctx).indices.contains(hubChoice) { out.append("decide hub: choice \(hubChoice) outside the menu") }
        case .variants: out += menu.violations(variantSheet(ctx), height: h, name: "decide variants")
        case .tree:
            if let t = session { out += t.violations(ctx) } else { out.append("decide: tree mode without a session") }
        case .brief:
            if !BriefForm.fields.indices.contains(form.field) { out.append("decide: brief field \(form.field) outside the form") }
        case .result: out += result.violations(resultSheet(ctx), height: h, name: "decide result")
        case .saved: out += menu.violations(savedSheet(ctx), height: h, name: "decide saved")
        }
        if outbox.count > 16 { out.append("decide: \(outbox.count) commands never run") }
        return out
    }
}
