import NNGuideCore

/// The Model Brief form with its live recommendation beside it (below it when narrow). The brief
/// itself is the draft the decision screens share (`ScreenContext.draft`): this screen edits it, the
/// recommendation applies flips to it, and it is kept when the screen is popped. The recommendation
/// is the draft's (`BriefDraft.judge`), worked out once for each brief, so it always matches the
/// form. The fields' keys and layout are in BriefFields.swift.
struct BriefScreen: Screen, Equatable {
    /// The focused field (an index into the schema's fields).
    var field: Int {
        didSet { problem = nil; peek = 0 }
    }
    /// The text being typed into a number, the notes or a choice's name; nil when not typing.
    var editing: TextField?
    /// The field's value when typing began: Esc on text that fits nothing puts it back (a choice is
    /// chosen as its name is typed, so "ph" of "phone" had chosen graph).
    var beforeEditing: BriefValue?
    /// Why the typed text is not a value yet.
    var problem: String?
    /// The typing began with a digit on a choice (`pickedByDigit`).
    var digitTyped = false
    /// The value a misspelt choice was probably meant to be ("imgae": image): Enter takes it.
    var suggestion: BriefValue?
    /// The fields as a list over the laid-out form: its choice is the focused field's row among
    /// those shown (set as the form is fitted), its top the first line on screen.
    var rows = SelectList()
    var showCommand = false
    /// How far the focused field, opened taller than the pane, is scrolled below its row (PgDn/PgUp).
    var peek = 0
    /// ^Y just opened the command box: the next fit brings it into view.
    var revealCommand = false
    /// A save just done, and the size it was done at: the message line says it (once: sixth retest);
    /// a resize before the next key takes the message away, and then the form's lines naming the file
    /// (`.file` a brief, `.saved` a record) come into view instead (ninth retest: they were gone).
    var justSaved: JustSaved?
    struct JustSaved: Equatable, Sendable { var spot: Sheet.Spot; var rect: Rect; var resized = false }
    /// What the last save or open did, with the whole file name, shown under the focused field
    /// (always on screen, where the one-line message may be cut) until the next key.
    var notice: String?
    /// The form and the pick beside it, laid out for the draft, the focus and the size: a key, the
    /// fit after it, the frames and a click all read this one (`BriefFields.swift`).
    var laid = Memo<LayoutKey, Layout>()

    /// A form over `draft`, on the field it was last on; `notice` says what just happened to it
    /// (a brief opened into it).
    init(over draft: BriefDraft, notice: String? = nil) {
        field = draft.lastField
        self.notice = notice
    }

    /// A greeting the draft keeps for the next form (`BriefDraft.greeting`) is said once.
    mutating func start(_ ctx: inout ScreenContext) -> Effect {
        if let greeting = ctx.draft.greeting {
            notice = notice ?? greeting
            ctx.draft.greeting = nil
        }
        return .none
    }

    var scopes: [Scope] { [.brief] }
    /// The form (`brief`) and a field being typed in (`briefField`), each with the form's commands.
    /// The brief form types as a select box or fzf does: every letter types (on a choice, the value's
    /// name, filtered as it is typed), so the form's commands are control keys, as in nano and
    /// Textual's footers. Some letters typing and others acting had run `e` and `x` inside "tabular".
    static let bindings: [Binding] = [
        Binding(Keymap.letters, .type("a"), .brief, "type: a choice's name (filtered as you type; \(Keymap.key(.open, in: .briefField)) takes it), a number, the notes", hint: "type", label: "a-z"),
        Binding([.down, .tab], .lineDown, .brief, "next field", hint: "field"),
    ] + formCommands(.brief) + [
        Binding([.escape, .backspace], .back, .brief, "back to the decision hub (the brief is kept)", hint: "back"),
        Binding([.right], .decide(.nextValue), .brief, "next value of a choice", hint: "value"),
        Binding([.left], .decide(.previousValue), .brief, "previous value of a choice"),
        Binding([.up, .backTab], .lineUp, .brief, "previous field"),
        Binding([.char("1"), .char("2"), .char("3"), .char("4"), .char("5"), .char("6"), .char("7"), .char("8"), .char("9")],
                .pick(0), .brief, "choose the value with that number (more digits type on: \"20\" is no value and says so); on a number field, start typing it"),
        Binding([.char("0")], .pick(0), .brief, "on a choice, no value's number (said under the field); on a number field, start typing it"),
        Binding([.enter], .open, .brief, "edit the field's value (a choice: type its name, filtered as you type; \(Keymap.key(.open, in: .briefField)) again takes it)"),
        Binding([.delete], .decide(.clearValue), .brief, "clear the field (not set)"),
        Binding([.pageDown], .pageDown, .brief, "page down the focused field when it is taller than the pane (the \(Keymap.key(.decide(.showCommand), in: .brief)) command box at 40x12)"),
        Binding([.pageUp], .pageUp, .brief, "page up the focused field"),
        Binding([.enter], .open, .briefField, "take the value and go to the next field (letters type until then; \(Keymap.key(.deleteBackward, in: .briefField)) deletes)", hint: "done"),
        // Esc was Enter's twin, so text that did not parse could not be left at all (Enter keeps it to mend).
        // While typing over the ^Y box at 40x12 its key stays said (the box's own line pages away).
        Binding([.ctrl("y")], .decide(.showCommand), .briefField, "take what is typed, then show or hide the equivalent nnguide recommend command", hint: "hide"),
        Binding([.escape], .cancel, .briefField, "stop typing; the field keeps the value it had before"),
        Binding([.down, .tab], .lineDown, .briefField, "finish typing, next field", hint: "next"),
        Binding([.up, .backTab], .lineUp, .briefField, "finish typing, previous field"),
        Binding([.backspace], .deleteBackward, .briefField, "delete a character", hint: "delete"),
        Binding([.ctrl("u")], .clearField, .briefField, "clear the field"),
        Binding([.pageDown], .pageDown, .briefField, "page down the \(Keymap.key(.decide(.showCommand), in: .brief)) command box under the field (the field's row stays on top)"),
        Binding([.pageUp], .pageUp, .briefField, "page up the command box"),
        Binding([.left], .scrollLeft, .briefField, "move the cursor left"),
        Binding([.right], .scrollRight, .briefField, "move the cursor right"),
        Binding([.ctrl("c")], .quit, .briefField, "quit (the brief is kept as a new file)"),
        Binding([.function(1)], .help, .briefField, "help (\(Keymap.key(.help)) and letters type here)", hint: "help"),
    ] + formCommands(.briefField)

    /// The brief form's commands, on control keys so that every letter types there (^S saves, as in
    /// nano; ^O is back here as everywhere, so ^T opens a saved brief). They act while typing too,
    /// once the text is taken (as Enter takes it), so a name typed and then saved is never a key that
    /// silently did nothing.
    static func formCommands(_ scope: Scope) -> [Binding] {
        let typing = scope == .briefField
        let rows: [(Character, DecideAction, String, String?)] = [
            ("s", .saveBrief, "save the brief: back to the saved brief it was opened from (a new brief, a draft, or another modality or task: a new file)", "save"),
            ("r", .recommendation, "the whole recommendation: why, why not, warnings, links", "result"),
            ("t", .openBrief, "open a saved brief", "open"),
            ("n", .newBrief, "start a new, empty brief (unsaved changes are kept as a draft)", "new"),
            ("p", .walkPath, "step through the decision path this brief takes", nil),
            ("e", .saveRecord, "save the recommendation as a Markdown decision record", nil),
            ("y", .showCommand, "show the equivalent nnguide recommend command", nil),
        ]
        return rows.filter { !typing || $0.1 != .showCommand }.map { c, action, help, hint in
            Binding([.ctrl(c)], .decide(action), scope, typing ? "take what is typed, then " + help : help,
                    hint: typing ? nil : hint)
        }
    }

    /// A lone digit that chose a value is a pick, not typing: the next key acts on the form (Right
    /// steps on, Esc goes back, keeping it), as a digit always did; a second digit types on
    /// ("20000" is text that is no value, said under the field; `BriefFields.swift`).
    var pickedByDigit: Bool { digitTyped && problem == nil && editing?.text.count == 1 }

    func typing(_ ctx: ScreenContext) -> Bool { editing != nil && !pickedByDigit }
    var typingScopes: [Scope] { [.briefField] }
    /// Pasting "image" on the modality chooses it, as typing it does (issue 23, eighth retest).
    var pasteStartsTyping: Bool { true }

    /// The hint line offers what works on the focused field: a number or the notes has no values to
    /// cycle.
    func hintWords(_ ctx: ScreenContext) -> [Action: String] {
        // Typing over the ^Y box: the key that hides it stays said (its heading pages away).
        if editing != nil && !pickedByDigit { return [.decide(.showCommand): showCommand ? "hide" : ""] }
        guard editing == nil || pickedByDigit, current(ctx.guide.decisions.brief) != nil, !onChoice(ctx) else { return [:] }
        return [.decide(.nextValue): ""]
    }

    mutating func handle(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        let effect = handleKey(action, &ctx)
        // A modality or task taken away from the tree's answers clears the values that came from those
        // answers and were never typed (thirteenth retest: a churn brief kept the image flow's 500 samples).
        guard editing == nil, let cleared = ctx.draft.dropStaleAnswers(ctx.guide.decisions.brief) else { return effect }
        switch effect {
        case .none: return .message(cleared)
        case .message(let m): return .message(m + ". " + cleared)
        default: return effect
        }
    }

    private mutating func handleKey(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        notice = nil
        justSaved = nil
        let schema = ctx.guide.decisions.brief
        // A lone digit that chose a value is a pick: another digit types on ("20000" is no value and
        // says so); any other key takes the value and acts as on the form (a letter types a name afresh).
        if pickedByDigit {
            switch action {
            case .pick, .clearField: break
            // Enter takes the value the digit chose and goes on, as after a name typed.
            case .open: finish(); moveFocus(.lineDown, ctx); return .none
            default: finish()
            }
        }
        if editing != nil, case .decide = action {
            // A command while typing (^S after a name) takes the text first, as Enter does; text that
            // is no value yet stays to be mended, and the command waits.
            let on = field
            let taken = fieldKeys(.open, &ctx)
            if editing != nil { return taken }
            // Enter goes on to the next field; a command acts where the typing was.
            if field != on { field = on }
        }
        let draft = ctx.draft
        if editing == nil {
            switch action {
            case .decide(.saveBrief):
                guard !draft.values.isEmpty else { return .message("Nothing to save yet: fill in a field first") }
                // A saved brief that was opened is written back, as nano's ^S writes the file it opened
                // (twelfth retest: tabular-classification-2.yaml after changing deploy); a draft is
                // saved as a new brief, as is one whose modality or task changed (`writesBack`).
                return ctx.run(.saveBrief(values: draft.values, name: draft.baseName, over: draft.writesBack))
            case .decide(.newBrief):
                // Unsaved changes are kept as a draft first, as quitting keeps them.
                let keep: Effect = draft.unsaved ? ctx.run(.keepDraft(values: draft.values, name: draft.baseName, continuing: draft.file)) : .none
                ctx.draft = BriefDraft()
                self = BriefScreen(over: ctx.draft, notice: "A new, empty brief" + (draft.unsaved ? " (the last one is kept as a draft)" : ""))
                return keep
            case .decide(.openBrief):
                ctx.push(SavedBriefsScreen())
                return .none
            case .decide(.recommendation):
                guard draft.brief(schema) != nil else {
                    return .message("Choose \(BriefDraft.requiredList(schema)) first: every recommendation starts there")
                }
                ctx.push(RecommendationScreen())
                return .none
            case .decide(.walkPath):
                guard let b = draft.brief(schema), let primary = ctx.guide.decisions.primaryTree else {
                    return .message("Choose \(BriefDraft.requiredList(schema)) first: the path starts there")
                }
                ctx.push(TreeSession(Navigator(tree: primary, brief: b, recommender: Recommender(guide: ctx.guide)), origin: .brief))
                return .none
            case .decide(.saveRecord):
                guard let r = draft.recommendation(ctx.library) else {
                    return .message("Choose \(BriefDraft.requiredList(schema)) first: there is no recommendation to record yet")
                }
                return ctx.run(.saveRecord(.brief(r)))
            case .type, .paste:
                // Type-ahead: a letter starts typing, as in a select box, and is typed below. A choice's
                // name and a number start afresh (as a digit does); the notes go on from what they say.
                // A paste starts the same way.
                guard let f = current(schema) else { break }
                beforeEditing = draft.values[f.field]
                editing = TextField(f.kind == .text ? (draft.values[f.field]?.description ?? "") : "")
            default: break
            }
        }
        // A value is one line: the paste's line breaks (spaces by now, `PasteReader`) around it go.
        if case .paste(let t) = action {
            return fieldKeys(.paste(String(t.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())), &ctx)
        }
        return fieldKeys(action, &ctx)
    }

    /// What the form asked for: a brief saved (^S), a decision record saved (^E).
    /// The brief chosen in the saved list (^T) goes into the form.
    mutating func resume(_ result: ScreenResult, _ ctx: inout ScreenContext) -> Effect {
        guard case .brief(let opened) = result else { return .none }
        // The brief it replaces, with changes in no file, is kept as a draft first (`load`; twelfth
        // retest: opening over it threw it away).
        let (said, keep) = ctx.load(opened)
        notice = said
        // An opened brief is read from its first field, as a form opened afresh (thirteenth retest:
        // it landed on `output 3/11`, the field the replaced brief was on).
        finish()
        field = ctx.draft.lastField
        return keep
    }

    mutating func receive(_ result: CommandResult, _ ctx: inout ScreenContext) {
        switch result {
        // What was saved where is the message line's to say, once (sixth retest: it was said in the
        // form and in the message line).
        case .briefSaved(let path, _), .briefUpdated(let path, _): ctx.draft.saved(to: path); justSaved = JustSaved(spot: .file, rect: ctx.rect)
        case .recordSaved(let path): ctx.draft.savedRecord = path; justSaved = JustSaved(spot: .saved, rect: ctx.rect)
        default: break
        }
    }

    /// A click on a field focuses it.
    mutating func click(x: Int, y: Int, _ ctx: inout ScreenContext) -> Effect {
        let f = formPanes(ctx.rect).form
        guard f.contains(x: x, y: y), editing == nil else { return .unhandled }
        let s = laidOut(ctx).form
        guard let i = rows.item(atY: y, in: f, items: s.items, lines: s.count) else { return .unhandled }
        field = ctx.draft.shown(ctx.guide.decisions.brief)[i]
        return .none
    }

    mutating func fit(_ ctx: inout ScreenContext) {
        _ = ctx.draft.judge(ctx.library)
        fitFields(ctx)
        // Fitted after every key: the draft always knows the field to reopen on.
        ctx.draft.lastField = field
    }

    func status(_ ctx: ScreenContext) -> (String, String) {
        // A brief and a decision record are different files: say which is saved.
        let draft = ctx.draft
        let schema = ctx.guide.decisions.brief
        // Text typed that is no value yet is a change not in the file either (thirteenth retest: `satt`
        // in latency_ms said "Saved").
        let unsaved = draft.unsaved || (editing != nil && problem != nil)
        let brief = unsaved ? "brief not saved"
            : draft.file == nil ? nil : draft.fileIsDraft ? "a draft: \(Keymap.key(.decide(.saveBrief), in: .brief)) saves it" : "brief saved"
        let notes = [draft.recordCurrent ? "record saved" : nil, brief].compactMap { $0 }
        let left = "Decide \(ctx.glyphs.sep) Model Brief" + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")")
        let position = rows.position(count: draft.shown(schema).count)
        let right = "\(current(schema)?.name ?? "") " + position
        if DisplayWidth.of(left) + DisplayWidth.of(right) + 3 <= ctx.rect.width { return (left, right) }
        // Narrow (40 columns cut "Model Brief (b…"): whether it is saved comes first, then the file's
        // name; the title goes, and the field's name too when there is no room (the form shows the
        // field highlighted).
        let save = Keymap.key(.decide(.saveBrief), in: .brief)
        let state = unsaved ? "Not saved"
            : draft.file == nil ? "Model Brief" : draft.fileIsDraft ? "Draft (\(save) saves)" : "Saved"
        let name = unsaved ? nil : draft.fileStem
        // The state before the file's name: at 40 columns the name pushed "record saved" off (seventh retest).
        let record = draft.recordCurrent ? "; record saved" : ""
        let named = [state, name].compactMap { $0 }.joined(separator: " ") + record
        // The field's name stays: the left side gives way first (twelfth retest: "10/11" alone at
        // `pretrained`, with "record saved" kept).
        for left in [named, state + record, state] where DisplayWidth.of(left) + DisplayWidth.of(right) + 3 <= ctx.rect.width {
            return (left, right)
        }
        return (state, position)
    }

    func violations(_ ctx: ScreenContext) -> [String] {
        let schema = ctx.guide.decisions.brief
        guard schema.fields.indices.contains(field) else { return ["decide: brief field \(field) outside the form"] }
        let s = layout(ctx).form
        let f = formPanes(ctx.rect).form
        var out = rows.violations(items: s.items, lines: s.count, height: f.height, name: "decide: brief")
        if rows.index != row(ctx.draft, schema) { out.append("decide: brief row \(rows.index) is not the focused field's") }
        if peek == 0, justSaved == nil, !rows.showsChoice(items: s.items, height: f.height) { out.append("decide: brief field \(field) off screen") }
        if let kept = laid.peek(layoutKey(ctx)), kept.form.doc.lines != lay(ctx).form.doc.lines {
            out.append("decide: brief: the kept form differs from the screen's state")
        }
        return out
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

    /// The narrow form's one line of pick, and the key beside it, in `width` cells: the name and its
    /// description when they fit, else the name alone, else the name without the key.
    static func pickLine(name: String, title: String, key: String, width: Int) -> (String, String) {
        let whole = "Pick: \(name) (\(title))", short = "Pick: \(name)"
        if DisplayWidth.of(whole) + DisplayWidth.of(key) <= width { return (whole, key) }
        if DisplayWidth.of(short) + DisplayWidth.of(key) <= width { return (short, key) }
        return (short, "")
    }

    /// What the pick says while the typed text is no value yet (longest first): the pick is the
    /// field's value from before typing, not the first value the text once matched.
    func typedNote(_ ctx: ScreenContext) -> [String]? {
        guard let text = editing?.text, problem != nil, let f = current(ctx.guide.decisions.brief) else { return nil }
        let typed = "\"" + TextWrap.truncate(ctx.glyphs.text(text), width: 16, ellipsis: ctx.glyphs.ellipsis) + "\""
        // A number field's text is no number yet ("'lots' is not a samples value" read oddly).
        let what = f.kind == .integer || f.kind == .number ? "a number" : Article.a(f.name) + " value"
        return ["\(typed) is not \(what) yet; the pick is without it", "\(typed) is not \(what) yet", "not a value yet"]
    }

    /// The pick beside the wide form: the recommendation screen's (^R) opening lines, then of its sections the
    /// reasons and the warnings, in `DecisionSection`'s order and without headings; the pick screen
    /// has the rest. The reasons give way first when the pane is short, so a warning is never below
    /// its bottom (the real guide's reasons fill 80x24 alone).
    static func summary(_ o: Outcome, under s: Sheet, height: Int) -> Sheet {
        let g = s.glyphs
        func laidOut(reasons: Int) -> Sheet {
            var s = s
            s.text(o.title, .strong)
            s.text("Pick: " + o.pick, .text)
            if !o.variants.isEmpty { s.text("Start with: " + VariantList.line(o.variants), .dim) }
            for section in DecisionSection.allCases {
                switch section {
                case .because:
                    s.blank()
                    for b in o.why.prefix(reasons) { s.text(b.text, .dim, first: [Span(g.bullet + " ", .dim)]) }
                    if reasons < o.why.count {
                        s.text("\(g.ellipsis) \(o.why.count - reasons) more reasons (\(Keymap.key(.decide(.recommendation), in: .brief)))", .dim, first: [Span("  ")])
                    }
                case .warnings where !o.warnings.isEmpty:
                    s.blank()
                    for w in o.warnings { s.text(w.text, .text, first: [Span("! ", .warning)]) }
                default: break
                }
            }
            return s
        }
        let whole = laidOut(reasons: o.why.count)
        guard whole.count > height, !o.warnings.isEmpty else { return whole }
        for n in stride(from: o.why.count - 1, through: 0, by: -1) {
            let fewer = laidOut(reasons: n)
            if fewer.count <= height { return fewer }
        }
        return laidOut(reasons: 0)
    }

    func render(_ dctx: ScreenContext, into buf: inout Buffer) {
        let ctx = dctx
        let g = ctx.glyphs
        let (f, res, divider) = formPanes(ctx.rect)
        // The layout the fit kept, and the draft's recommendation: nothing is worked out again for a frame.
        let shown = layout(ctx)
        let (rec, problem) = (shown.judged.recommendation, shown.judged.problem)
        rows.draw(shown.form.doc, items: shown.form.items, in: f, into: &buf)
        // Typing with the ^Y box open: the row being typed in stays on top, over the box paged under it.
        if pinsRow, peek > 0, shown.form.items.indices.contains(rows.index) {
            var pinned = rows
            pinned.top = shown.form.items[rows.index].lowerBound
            pinned.draw(shown.form.doc, items: shown.form.items, in: Rect(x: f.x, y: f.y, width: f.width, height: min(f.height, shown.form.items[rows.index].count)), into: &buf)
        }
        // The focused field's own lines go on under the pane's edge (40x12: modality's values and
        // the hint under them were cut with no mark, tenth retest): the last row says so, and which
        // key reads on, as the glossary's does.
        if marksMore(shown.form, height: f.height), let spot = shown.form.spots[.field], spot.upperBound > rows.top + f.height {
            let more = "\(g.ascii ? "v" : "\u{2193}") more of this field (\(Keymap.key(.pageDown, in: .brief)))"
            buf.fill(Rect(x: f.x, y: f.maxY - 1, width: f.width, height: 1))
            buf.put(TextWrap.truncate(more, width: max(1, f.width - 2), ellipsis: g.ellipsis), x: f.x + 2, y: f.maxY - 1, role: .accent)
        }
        if let divider, let s = shown.pick {
            buf.divider(divider, glyphs: g)
            Pane.draw(s.doc, top: 0, in: Rect(x: res.x, y: res.y, width: res.width, height: res.height - 1), into: &buf)
            let foot = rec == nil ? "" : "\(Keymap.key(.decide(.recommendation), in: .brief)) why, why not, links  \(Keymap.key(.decide(.walkPath), in: .brief)) path"
            buf.fill(Rect(x: res.x, y: res.maxY - 1, width: res.width, height: 1))
            buf.put(TextWrap.truncate(foot, width: res.width, ellipsis: g.ellipsis), x: res.x, y: res.maxY - 1, role: .dim)
        } else {
            guard res.height > 0 else { return }
            buf.put(String(repeating: g.h, count: res.width), x: res.x, y: res.y, role: .border)
            // Typed text that is no value yet: the pick under it is the field's value from before.
            if let typed = typedNote(ctx), res.width > 8 {
                let note = " " + TextWrap.longestFitting(typed, width: res.width - 4) + " "
                buf.put(TextWrap.truncate(note, width: res.width - 2, ellipsis: g.ellipsis), x: res.x + 2, y: res.y, role: .warning)
            }
            guard res.height > 1 else { return }
            guard let rec else {
                let why = problem ?? "Choose \(ctx.guide.decisions.brief.required.map(\.name).joined(separator: " and ")) for a pick"
                buf.put(TextWrap.truncate(why, width: res.width, ellipsis: g.ellipsis), x: res.x, y: res.y + 1, role: problem == nil ? .dim : .warning)
                return
            }
            // "Pick:" as beside the wide form; an arrow means "would change the pick" in the form's gutter.
            // The pick's name stays whole: its description goes first, then the key ("Pick: Gradient
            // boosting (Gradie…" at 40 columns, ninth retest).
            let (line, key) = Self.pickLine(name: Outcome.name(rec.pick.id, ctx.guide), title: g.text(rec.pick.title),
                                            key: "  \(Keymap.key(.decide(.recommendation), in: .brief)) why", width: res.width)
            buf.put(TextWrap.truncate(line, width: res.width - DisplayWidth.of(key), ellipsis: g.ellipsis), x: res.x, y: res.y + 1, role: .strong)
            buf.put(key, x: res.maxX - DisplayWidth.of(key), y: res.y + 1, role: .dim)
        }
    }
}
