import NNGuideCore

/// The bottom of the Decide stack: the primary flow, the variant trees, the brief form, the
/// diagnosis and the saved briefs, each offering to resume what was begun (`DecideSessions`), in
/// this run or before the last quit.
struct HubScreen: MenuScreen {
    init() {}

    enum Item: Equatable { case tree(String), variants, brief, saved }

    var menu = SelectList()
    /// The briefs folder was read once for the brief last open, which the hub then continues
    /// (`ScreenContext.continueLastBrief`).
    var askedForLastBrief = false

    var scopes: [Scope] { [.decideHub] }
    /// The hub names Enter itself: its other keys are the global ones (Backspace goes back to the
    /// view you came from), whose hints would otherwise crowd Enter off a narrow hint line.
    static let bindings: [Binding] = [
        Binding([.char("d")], .show(.decide), .global, "decision navigator"),
        Binding([.enter], .open, .decideHub, "open the chosen item (or press its number)", hint: "open"),
    ]

    /// The first time Decide shows with nothing in the form, the loop reads the briefs folder once.
    mutating func activate(_ ctx: inout ScreenContext) -> Effect {
        guard !askedForLastBrief, ctx.draft.values.isEmpty, ctx.draft.file == nil else { return .none }
        askedForLastBrief = true
        return ctx.run(.listBriefs)
    }

    mutating func receive(_ result: CommandResult, _ ctx: inout ScreenContext) {
        if case .briefsListed(let list, _) = result { ctx.continueLastBrief(list) }
    }

    /// How an item says it resumes what was begun; a narrow hub keeps that line (its other words go).
    static let resume = "resume: "

    static func items(_ ctx: ScreenContext) -> [(item: Item, title: String, about: String)] {
        let book = ctx.guide.decisions
        let g = ctx.glyphs
        func about(_ id: String, _ fallback: String?) -> String {
            // Every answer so far, through a variant tree chosen at the pick too.
            let answers = ctx.sessions.answers(.tree(id))
            if !answers.isEmpty { return Self.resume + answers.joined(separator: " \(g.sep) ") }
            return InlineParser.plain(fallback ?? "")
        }
        var out: [(Item, String, String)] = []
        if let p = book.primaryTree {
            out.append((.tree(p.id), "Step through the primary flow", about(p.id, p.summary)))
        }
        let variants = book.trees(.variant)
        if !variants.isEmpty {
            let resumed = variants.first { !ctx.sessions.answers(.tree($0.id)).isEmpty }
            out.append((.variants, "Choose a variant for one modality",
                        resumed.map { Self.resume + $0.title } ?? variants.map(\.id).joined(separator: ", ")))
        }
        out.append((.brief, "Fill in a Model Brief", briefAbout(ctx, room: .max)))
        for d in book.trees(.diagnosis) {
            out.append((.tree(d.id), "Diagnose a failing model", about(d.id, d.summary)))
        }
        out.append((.saved, "Open a saved brief", "briefs you saved with \(Keymap.key(.decide(.saveBrief), in: .brief)) in the form"))
        return out
    }

    /// What `3` continues in at most `room` cells: the brief in the form named (a draft kept when you
    /// last quit, or the brief last open; `N` there starts anew) and its required values; when that is
    /// too long, its name alone ("resume: draft image-classification: …" was cut at 80, seventh retest).
    static func briefAbout(_ ctx: ScreenContext, room: Int) -> String {
        let brief = ctx.draft
        guard !brief.values.isEmpty else {
            return answered(ctx) == nil ? "describe the problem once; the pick follows every change" : "starts from your answers in the primary flow"
        }
        let name = brief.fileStem.map { (brief.fileIsDraft ? "draft " : "") + $0 }
        let required = ctx.guide.decisions.brief.required.compactMap { brief.values[$0.field]?.description }
        let values = required.joined(separator: ", ")
        // A name made of the values ("text", "image-classification-2") says them already: once is
        // enough ("resume: draft text: text", ninth retest).
        let stem = brief.fileStem ?? ""
        let unnumbered = stem.lastIndex(of: "-").flatMap { d in
            stem[stem.index(after: d)...].allSatisfy(\.isNumber) && stem.index(after: d) < stem.endIndex ? String(stem[..<d]) : nil
        }
        let says = !required.isEmpty && [stem, unnumbered].contains(required.joined(separator: "-"))
        let wordings = [says ? nil : name.map { $0 + ": " + values }, name, values].compactMap { $0 }.map { Self.resume + ctx.glyphs.text($0) }
        return TextWrap.longestFitting(wordings, width: room)
    }

    /// The brief the primary flow's answers put aside imply (the values `y`'s command gives), with what a number
    /// in it stands for ("samples 500 stands for “Very few labels (under ~1,000)”"); nil with no answer given.
    static func answered(_ ctx: ScreenContext) -> (values: [BriefField: BriefValue], notes: [String])? {
        guard let tree = ctx.guide.decisions.primaryTree, let nav = ctx.sessions.navigator(.tree(tree.id)), !nav.breadcrumb.isEmpty else { return nil }
        let values = nav.impliedValues
        guard !values.isEmpty else { return nil }
        var notes: [String] = []
        for c in nav.breadcrumb {
            guard let test = c.option.when?.anyOf.first(where: { $0.test(.samples) != nil })?.test(.samples),
                  case .number = test.comparison, let n = values[.samples] else { continue }
            notes.append("samples \(n) stands for \u{201C}\(InlineParser.plain(c.option.answer))\u{201D}: type your own number.")
        }
        return (values, Array(notes.suffix(1)))
    }

    func sheet(_ ctx: ScreenContext) -> Sheet {
        let r = ctx.rect.page
        var s = Sheet(width: r.width, glyphs: ctx.glyphs)
        let g = ctx.glyphs
        s.line([Span("Decide", .title)])
        s.line([Span(String(repeating: g.heavyH, count: 6), .title)])
        if ctx.rect.height >= 14 {
            s.text("Match the architecture to the data's structure; filter by constraints; simple first.", .dim)
        }
        s.blank()
        let items = Self.items(ctx)
        let titleWidth = (items.map { DisplayWidth.of($0.title) }.max() ?? 10) + 2
        for (i, it) in items.enumerated() {
            s.item { s in
                let number = Span(i < 9 ? " \(i + 1)  " : "    ", .accent)
                let room = r.width - 4 - titleWidth
                let about = it.item == .brief ? Self.briefAbout(ctx, room: room >= 12 ? room : r.width - 4) : g.text(it.about)
                if room >= 12 {
                    // The description wraps in its own column ("From the structure of your data to t…"
                    // was cut at 80 columns, eighth retest).
                    s.text(about, .dim, first: [number, Span(TextWrap.pad(it.title, width: titleWidth), .strong)])
                } else {
                    s.line([number, Span(it.title, .strong)])
                    // Too narrow beside the title (40 columns): what is resumed goes under it, wrapped.
                    if it.about.hasPrefix(Self.resume) { s.text(about, .dim, first: [Span("    ")]) }
                }
            }
        }
        return s
    }

    mutating func handle(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        let items = Self.items(ctx)
        if moveMenu(action, ctx) { return .none }
        switch action {
        case .open: return open(items[menu.index].item, &ctx)
        case .pick(let n):
            guard items.indices.contains(n - 1) else { return .unhandled }
            menu.index = n - 1
            return open(items[n - 1].item, &ctx)
        default: return .unhandled
        }
    }

    private func open(_ item: Item, _ ctx: inout ScreenContext) -> Effect {
        switch item {
        case .tree(let id):
            guard let tree = ctx.guide.decisions.tree(id) else { return .message("No decision tree '\(id)' in this content") }
            ctx.start(tree, origin: .tree(tree.id))
        case .variants: ctx.push(VariantMenu(ctx))
        case .brief:
            // An empty form starts from the primary flow's answers (issue 23, eleventh retest: a user who changed
            // their mind in the tree had to type it all again); a brief or draft in the form is continued as before.
            if ctx.draft.values.isEmpty, let (values, notes) = Self.answered(ctx) {
                ctx.draft.values = values
                ctx.draft.fromAnswers = values
                ctx.push(BriefScreen(over: ctx.draft, notice: (["Started from your answers in the primary flow."] + notes).joined(separator: " ")))
            } else {
                ctx.push(BriefScreen(over: ctx.draft))
            }
        case .saved:
            ctx.push(SavedBriefsScreen())
        }
        return .none
    }

    /// The brief chosen in the saved list goes into the form, shown over the hub (Back returns here).
    mutating func resume(_ result: ScreenResult, _ ctx: inout ScreenContext) -> Effect {
        guard case .brief(let opened) = result else { return .none }
        let (notice, keep) = ctx.load(opened)
        ctx.push(BriefScreen(over: ctx.draft, notice: notice))
        return keep
    }

    /// Fitted when it shows (and on a resize, or the whole guide arriving): the first time over a
    /// guide with trees, the sessions a quit kept come back, for the menu to offer as "resume".
    mutating func fit(_ ctx: inout ScreenContext) {
        ctx.sessions.restore(ctx.reading.decide, guide: ctx.guide)
        fitMenu(ctx)
    }

    func render(_ ctx: ScreenContext, into buf: inout Buffer) {
        drawMenu(ctx, into: &buf)
    }

    func status(_ ctx: ScreenContext) -> (String, String) { ("Decide", position(ctx)) }

    func violations(_ ctx: ScreenContext) -> [String] {
        menuViolations(ctx, name: "decide hub")
    }
}

/// The variant trees, one per modality; a tree chosen here is pushed over the menu, so Back from
/// its first question returns here.
struct VariantMenu: MenuScreen {
    var menu = SelectList()

    var scopes: [Scope] { [.decide] }
    /// Deleting is the saved list's key; no variant is deleted.
    var idleActions: Set<Action> { [.decide(.deleteBrief)] }

    /// Opens on the tree whose session was put aside, if one was: the one the hub offers to resume.
    init(_ ctx: ScreenContext) {
        menu.index = ctx.guide.decisions.trees(.variant).firstIndex { ctx.sessions.holds(.tree($0.id)) } ?? 0
    }

    func sheet(_ ctx: ScreenContext) -> Sheet {
        var s = Sheet(width: ctx.rect.page.width, glyphs: ctx.glyphs)
        s.text("Variants for one modality", .title)
        s.blank()
        let trees = ctx.guide.decisions.trees(.variant)
        s.question(
            "Which data are you choosing a variant for?",
            help: "Part 4 of the guide: within a family, the variant follows from the output you need and your constraints.",
            options: trees.map { t in (t.title, t.summary, ctx.sessions.answers(.tree(t.id)).isEmpty ? nil : "in progress") },
            choice: menu.index, compact: Sheet.compact(ctx))
        return s
    }

    mutating func handle(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        let trees = ctx.guide.decisions.trees(.variant)
        if moveMenu(action, ctx) { return .none }
        switch action {
        case .open, .pick:
            var i = menu.index
            if case .pick(let n) = action { i = n - 1 }
            guard trees.indices.contains(i) else { return .unhandled }
            menu.index = i
            ctx.start(trees[i], origin: .tree(trees[i].id))
        case .cancel: ctx.pop()
        default: return .unhandled
        }
        return .none
    }

    mutating func fit(_ ctx: inout ScreenContext) { fitMenu(ctx) }

    func render(_ ctx: ScreenContext, into buf: inout Buffer) {
        drawMenu(ctx, into: &buf)
    }

    func status(_ ctx: ScreenContext) -> (String, String) { ("Decide \(ctx.glyphs.sep) Variants", position(ctx)) }

    func violations(_ ctx: ScreenContext) -> [String] {
        menuViolations(ctx, name: "decide variants")
    }
}
