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
    /// What would change the pick: the recommendation screen's flips and the form's marks.
    var flips = FlipState()
    var saved: [SavedBrief] = []
    var savedFolder: String?
    var savedChoice = 0
    var savedReturn: Mode = .hub
    /// An Enter on a saved brief that would replace unsaved changes: the next Enter confirms.
    var pendingOpen: Int?
    /// An x on a saved brief or draft: the next x deletes it, any other key cancels.
    var pendingDelete: Int?
    public init() {}

    static let briefKey = "brief"

    public var scopes: [Scope] {
        switch mode {
        case .hub: return []
        case .variants, .saved: return [.decide]
        case .tree:
            if session?.map != nil { return [.decideMap] }
            return session?.atPick == true ? [.decidePick, .decideTree, .decide] : [.decideTree, .decide]
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
                start(key: trees[i].id, tree: trees[i], schema: ctx.guide.decisions.brief)
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
            if flips.comparing != nil { return comparisonKey(action, ctx) }
            if action != .decide(.deleteBrief) { pendingDelete = nil }
            switch action {
            case .decide(.versus): return markVersus(ctx)
            case .decide(.deleteBrief): return deleteSavedBrief()
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
            sessions[key, default: []].append(TreeSession(Navigator(tree: tree, schema: ctx.guide.decisions.brief)))
            return .none
        case .saveRecord:
            if let nav = session?.nav { return .run(.saveRecord(.path(nav))) }
            return .none
        }
    }

    /// A decision record was saved (`receive`): say where on the screen that asked for it.
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

    /// A click (with `--mouse`) does what the keys would: an answer or menu item is chosen, a
    /// breadcrumb answer reopened, a link followed, a form field focused.
    public mutating func click(x: Int, y: Int, _ ctx: ViewContext) -> Effect {
        let r = ctx.rect.page
        let (sheet, top): (Sheet, Int)
        switch mode {
        case .hub: (sheet, top) = (hubSheet(ctx), menu.top)
        case .variants: (sheet, top) = (variantSheet(ctx), menu.top)
        case .saved: (sheet, top) = (savedSheet(ctx), menu.top)
        case .result: (sheet, top) = (resultSheet(ctx), result.top)
        case .tree:
            guard let t = session else { return .unhandled }
            (sheet, top) = (t.sheet(ctx), t.shownTop)
        case .brief:
            let f = formPanes(ctx.rect).form
            guard f.contains(x: x, y: y), form.editing == nil else { return .unhandled }
            let line = form.top + y - f.y
            guard let i = form.sheet(width: f.width, ctx, understood: nil).items.firstIndex(where: { $0.contains(line) }) else { return .unhandled }
            form.field = i
            fit(ctx)
            return .none
        }
        let hit = sheet.hit(line: top + y - r.y, x: x - r.x)
        if let t = hit.target {
            if mode == .tree { withSession { $0.pane.focus = t } } else { result.focus = t }
            return handle(.open, ctx)
        }
        if let i = hit.item { return handle(.pick(i + 1), ctx) }
        return .unhandled
    }

    // MARK: layout

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
            flips.refreshPivots(&form, ctx.guide)
            form.fit(height: p.height, width: p.width, ctx)
        case .result:
            result.clamp(resultSheet(ctx), height: h)
        case .saved:
            if flips.comparing != nil { flips.comparePane.clamp(comparisonSheet(ctx), height: h); return }
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
            t.sheet(ctx).render(top: t.shownTop, in: r, focus: t.map == nil ? t.pane.focus : nil, selected: t.selectedItem, into: &buf)
        case .brief:
            renderForm(ctx, into: &buf)
        case .result:
            resultSheet(ctx).render(top: result.top, in: r, focus: result.focus, selected: nil, into: &buf)
        case .saved:
            if flips.comparing != nil { comparisonSheet(ctx).render(top: flips.comparePane.top, in: r, focus: nil, selected: nil, into: &buf); return }
            savedSheet(ctx).render(top: menu.top, in: r, focus: nil, selected: saved.isEmpty ? nil : savedChoice, into: &buf)
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
            // A brief and a decision record are different files: say which is saved.
            let schema = ctx.guide.decisions.brief
            let brief = form.unsaved ? "brief not saved" : (form.file != nil ? "brief saved" : nil)
            let notes = [form.savedRecord != nil ? "record saved" : nil, brief].compactMap { $0 }
            return ("Decide" + sep + "Model Brief" + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"), "\(form.current(schema)?.name ?? "") \(form.field + 1)/\(schema.fields.count)")
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
            if !ctx.guide.decisions.brief.fields.indices.contains(form.field) { out.append("decide: brief field \(form.field) outside the form") }
        case .result: out += result.violations(resultSheet(ctx), height: h, name: "decide result")
        case .saved: out += menu.violations(savedSheet(ctx), height: h, name: "decide saved")
        }
        return out
    }
}
