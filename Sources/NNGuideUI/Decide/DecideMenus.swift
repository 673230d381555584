import NNGuideCore

/// The decision hub, the menu of variant trees and the list of saved briefs.
extension DecideView {
    // MARK: the hub

    enum HubItem: Equatable { case tree(String), variants, brief, saved }

    func variantTrees(_ guide: Guide) -> [DecisionTree] {
        guide.decisions.trees(.variant)
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
        if let p = book.primaryTree {
            out.append((.tree(p.id), "Step through the primary flow", about(p.id, p.summary)))
        }
        let variants = variantTrees(ctx.guide)
        if !variants.isEmpty {
            let resumed = variants.first { sessions[$0.id]?.last.map { !$0.nav.answers.isEmpty } ?? false }
            out.append((.variants, "Choose a variant for one modality",
                        resumed.map { "resume: " + $0.title } ?? variants.map(\.id).joined(separator: ", ")))
        }
        let filled = form.values.isEmpty ? "describe the problem once; the pick follows every change"
            : "resume: " + book.brief.required.compactMap { form.values[$0.field]?.description }.joined(separator: ", ")
        out.append((.brief, "Fill in a Model Brief", filled))
        for d in book.trees(.diagnosis) {
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
            start(key: id, tree: tree, schema: ctx.guide.decisions.brief)
        case .variants:
            mode = .variants
        case .brief:
            mode = .brief
        case .saved:
            fit(ctx)
            return openSaved(from: .hub)
        }
        fit(ctx)
        return .none
    }

    /// Starts a tree, or resumes it where it was left.
    mutating func start(key: String, tree: DecisionTree, schema: BriefSchema) {
        if sessions[key] == nil { sessions[key] = [TreeSession(Navigator(tree: tree, schema: schema))] }
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

    /// The list of saved briefs; it says "Reading the briefs folder..." until the list comes back.
    mutating func openSaved(from: Mode) -> Effect {
        savedReturn = from
        mode = .saved
        savedFolder = nil
        pendingOpen = nil
        menu = Pane()
        return .run(.listBriefs)
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
        if !saved.contains(where: { !$0.draft }) { s.text("No saved briefs yet. In the brief form, w saves one here.", .text) }
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

    /// `x` on a saved brief or draft: the first press asks, the second deletes.
    mutating func deleteSavedBrief() -> Effect {
        guard saved.indices.contains(savedChoice) else { return .message("No brief to delete") }
        let b = saved[savedChoice]
        guard pendingDelete == savedChoice else {
            pendingDelete = savedChoice
            return .message("Delete \(b.draft ? "the draft" : "the brief") \(b.name)? x again deletes it; any other key keeps it")
        }
        pendingDelete = nil
        return .run(.deleteBrief(path: b.path))
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
}
