import NNGuideCore

/// The saved briefs and drafts (opened from the hub, or with ^T in the form): Enter dismisses the
/// list with the brief chosen (`ScreenResult.brief`), which the screen that opened it puts in the form; `x` twice deletes,
/// `v` on two compares them (a screen pushed over this one).
struct SavedBriefsScreen: MenuScreen {
    var saved: [SavedBrief] = []
    /// Nil until the loop has read the folder.
    var folder: String?
    var menu = SelectList()
    /// An Enter on a saved brief that would replace unsaved changes: the next Enter confirms.
    var pendingOpen: Int?
    /// An x on a saved brief or draft: the next x deletes it, any other key cancels.
    var pendingDelete: Int?
    /// The brief `v` marked; `v` on another compares the two.
    var versus: Int?

    var scopes: [Scope] { [.decide] }
    /// Nothing to open or delete in an empty folder: the hint line does not offer Enter or x (which it
    /// offers otherwise: the tenth retest had to guess how to clear drafts away).
    var idleActions: Set<Action> { saved.isEmpty ? [.open, .decide(.deleteBrief)] : [] }

    /// The list starts by asking the loop to read the folder.
    mutating func start(_ ctx: inout ScreenContext) -> Effect { ctx.run(.listBriefs) }

    mutating func receive(_ result: CommandResult, _ ctx: inout ScreenContext) {
        switch result {
        case .briefsListed(let list, let folder), .briefDeleted(_, _, let list, let folder): listed(list, folder: folder)
        default: break
        }
    }

    mutating func listed(_ list: [SavedBrief], folder: String) {
        saved = list
        self.folder = folder
        menu.index = min(menu.index, max(0, list.count - 1))
    }

    func sheet(_ ctx: ScreenContext) -> Sheet {
        var s = Sheet(width: ctx.rect.page.width, glyphs: ctx.glyphs)
        s.text("Saved briefs", .title)
        guard let folder else { s.text("Reading the briefs folder...", .dim); return s }
        s.text("In " + folder, .dim)
        s.blank()
        if saved.isEmpty { s.text("No saved briefs yet. In the brief form, \(Keymap.key(.decide(.saveBrief), in: .brief)) saves one here.", .text); return s }
        if !saved.contains(where: { !$0.draft }) { s.text("No saved briefs yet. In the brief form, \(Keymap.key(.decide(.saveBrief), in: .brief)) saves one here.", .text) }
        for (i, b) in saved.enumerated() {
            if b.draft && (i == 0 || !saved[i - 1].draft) {
                s.blank()
                s.text("Drafts: kept when you quit with unsaved changes", .heading)
            }
            s.item { s in
                s.wrap([StyledRun(s.glyphs.text(b.name), Sheet.Tag(.strong))], first: [Span(i < 9 ? " \(i + 1)  " : "    ", .accent)])
                s.text(b.summary, b.values == nil ? .warning : .dim, first: [Span("    ")])
            }
        }
        return s
    }

    mutating func handle(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        if action != .decide(.deleteBrief) { pendingDelete = nil }
        if moveMenu(action, ctx) {
            if action == .lineDown || action == .lineUp { pendingOpen = nil }
            return .none
        }
        switch action {
        case .decide(.versus): return markVersus(&ctx)
        case .decide(.deleteBrief): return delete(&ctx)
        case .open: return open(menu.index, by: Keymap.key(.open, in: .decide), &ctx)
        case .pick(let n): return open(n - 1, by: "\(n)", &ctx)
        case .cancel: ctx.pop()
        default: return .unhandled
        }
        return .none
    }

    /// `x` on a saved brief or draft: the first press asks, the second deletes.
    private mutating func delete(_ ctx: inout ScreenContext) -> Effect {
        guard saved.indices.contains(menu.index) else { return .message("No brief to delete") }
        let b = saved[menu.index]
        guard pendingDelete == menu.index else {
            pendingDelete = menu.index
            // What x does comes first: a long name is cut off at the end of the line, never the answer.
            return .message("\(Keymap.key(.decide(.deleteBrief), in: .decide)) again deletes \(b.draft ? "the draft" : "the brief") \(b.name); any other key keeps it")
        }
        pendingDelete = nil
        return ctx.run(.deleteBrief(path: b.path))
    }

    /// Chooses a brief to open (the screen that opened the list puts it in the form).
    /// `key`: the key pressed, which the question names ("1 again (or Enter) replaces it").
    private mutating func open(_ i: Int, by key: String, _ ctx: inout ScreenContext) -> Effect {
        guard saved.indices.contains(i) else { return .unhandled }
        menu.index = i
        let b = saved[i]
        guard let values = b.values else { return .message("Cannot open \(b.name): \(b.problem ?? "unreadable")") }
        if ctx.draft.unsaved && pendingOpen != i {
            pendingOpen = i
            let enter = Keymap.key(.open, in: .decide)
            let again = key == enter ? "\(enter) again" : "\(key) again (or \(enter))"
            return .message("The form has unsaved changes: \(again) replaces them (kept as a draft), \(Keymap.key(.back, in: .decide)) keeps them")
        }
        pendingOpen = nil
        // The form shows the whole drift sentence (the status line would cut it).
        let drift = b.recorded.flatMap { RecordCheck.drift(values, recorded: $0, guide: ctx.guide) }
        ctx.dismiss(.brief(OpenedBrief(values: values, path: b.path, drift: drift, draft: b.draft)))
        // "Opened NAME" is the form's to say, once (thirteenth retest: the form and the message line
        // both said it); the message line keeps what the form's line may not: the drift, a draft kept.
        return drift == nil ? .none : .message("Opened \(b.name): its recorded pick no longer holds")
    }

    private mutating func markVersus(_ ctx: inout ScreenContext) -> Effect {
        guard saved.indices.contains(menu.index), saved[menu.index].values != nil else { return .message("Choose a saved brief that can be read") }
        guard let first = versus, first != menu.index else {
            versus = menu.index
            return .message("Marked \(saved[menu.index].name): \(Keymap.key(.decide(.versus), in: .decide)) on another brief compares the two")
        }
        versus = nil
        ctx.push(BriefComparisonScreen(saved[first], saved[menu.index]))
        return .none
    }

    mutating func fit(_ ctx: inout ScreenContext) { fitMenu(ctx) }

    func render(_ ctx: ScreenContext, into buf: inout Buffer) {
        drawMenu(ctx, into: &buf)
    }

    func status(_ ctx: ScreenContext) -> (String, String) {
        ("Decide \(ctx.glyphs.sep) Saved briefs", menu.position(count: saved.count))
    }

    func violations(_ ctx: ScreenContext) -> [String] {
        menuViolations(ctx, name: "decide saved")
    }
}

/// Two saved briefs side by side (`v` on one, then `v` on another): each row as a card (a label,
/// then each brief's value), so it reads at any width.
struct BriefComparisonScreen: Screen {
    let a: SavedBrief
    let b: SavedBrief
    var pane = Pane()
    /// The comparison (two recommender runs and one per differing field), for the two briefs and the
    /// guide it was worked out from: a key, the fit after it, the frame and the status line share it.
    private(set) var compared = Memo<CompareKey, BriefComparison?>()
    struct CompareKey: Equatable, Sendable {
        var a: String, b: String, av: [BriefField: BriefValue]?, bv: [BriefField: BriefValue]?, guide: Int
    }

    init(_ a: SavedBrief, _ b: SavedBrief) { self.a = a; self.b = b }

    var scopes: [Scope] { [.decide] }
    /// Nothing here opens or is deleted: it only scrolls, and Backspace returns to the list.
    var idleActions: Set<Action> { [.open, .decide(.deleteBrief)] }

    private func key(_ ctx: ScreenContext) -> CompareKey {
        CompareKey(a: a.path, b: b.path, av: a.values, bv: b.values, guide: ctx.library.generation)
    }

    /// The comparison: the one kept for these briefs when there is one.
    func comparison(_ ctx: ScreenContext) -> BriefComparison? { compared.peek(key(ctx)) ?? compare(ctx) }

    /// The same, kept for the frames and keys that follow.
    private mutating func compareKept(_ ctx: ScreenContext) -> BriefComparison? {
        let k = key(ctx)
        return compared.peek(k) ?? compared.keep(k, compare(ctx))
    }

    private func compare(_ ctx: ScreenContext) -> BriefComparison? {
        guard let av = a.values, let bv = b.values else { return nil }
        let schema = ctx.guide.decisions.brief
        guard let x = try? Brief(schema: schema, values: av), let y = try? Brief(schema: schema, values: bv) else { return nil }
        return try? BriefComparison(x, y, labels: (a.name, b.name), recommender: Recommender(guide: ctx.guide))
    }

    func sheet(_ ctx: ScreenContext) -> Sheet { sheet(comparison(ctx), ctx) }

    private func sheet(_ c: BriefComparison?, _ ctx: ScreenContext) -> Sheet {
        var s = Sheet(width: ctx.rect.page.width, glyphs: ctx.glyphs)
        s.text("Two saved briefs", .title)
        guard let c else {
            s.text("These briefs cannot be compared: one no longer reads as a brief (\(Keymap.key(.back, in: .decide)) returns).", .warning)
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
        for v in c.verdict { s.text(v.replacing("the first brief's", with: "A's"), .strong) }
        return s
    }

    mutating func handle(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        if pane.scroll(action, sheet(compareKept(ctx), ctx), height: ctx.rect.height) { return .none }
        switch action {
        case .cancel: ctx.pop(); return .none
        default: return .unhandled
        }
    }

    mutating func fit(_ ctx: inout ScreenContext) { pane.clamp(sheet(compareKept(ctx), ctx), height: ctx.rect.height) }

    func render(_ ctx: ScreenContext, into buf: inout Buffer) {
        pane.draw(sheet(ctx), in: ctx.rect.page, selected: nil, into: &buf)
    }

    /// Where you are and how far down, as every scrolling decision screen says (it showed the list's
    /// count, so a long comparison gave no sign that more was below).
    func status(_ ctx: ScreenContext) -> (String, String) {
        let sep = " \(ctx.glyphs.sep) "
        return ("Decide" + sep + "Saved briefs" + sep + "two side by side", pane.position(sheet(ctx), height: ctx.rect.height))
    }

    func violations(_ ctx: ScreenContext) -> [String] {
        pane.violations(sheet(ctx), height: ctx.rect.height, name: "decide comparison")
    }
}

/// A brief chosen in the saved list to open: what it says and the file it came from.
public struct OpenedBrief: Sendable, Equatable {
    var values: [BriefField: BriefValue]
    var path: String
    /// "Recorded: X on DATE; today: Y, because ..." when the brief's recorded pick no longer holds.
    var drift: String?
    /// A draft kept on quitting is not a saved brief: the form must not say "brief saved".
    var draft = false
}

extension ScreenContext {
    /// Puts a brief opened from the saved list in the draft; returns what the form says about it and
    /// the keeping of the brief it replaces. One with changes in no file is kept as a draft first, as
    /// ^N and quitting keep one, wherever the list was opened from (thirteenth retest: opened from the
    /// hub's menu, a brief of modality and task alone was lost, though the question said it was kept).
    mutating func load(_ opened: OpenedBrief) -> (notice: String, keep: Effect) {
        let keep: Effect = draft.unsaved
            ? run(.keepDraft(values: draft.values, name: draft.baseName, continuing: draft.file)) : .none
        return (draft.load(opened.values, from: opened.path, drift: opened.drift, draft: opened.draft, shownAs: fileName(opened.path)), keep)
    }
}
