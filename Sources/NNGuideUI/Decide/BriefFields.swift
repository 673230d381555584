import NNGuideCore

/// The form's fields: one row per field of the brief schema (decisions.yaml's `brief:`, the same
/// table the YAML file and the flags read). Choices cycle with Left/Right, are picked by number, or
/// are typed by name (the tenth value and later have no digit); a letter starts typing on every
/// field (`BriefScreen.handle`). The values are the draft's
/// (`ScreenContext.draft`); the focus, the typing and the list of rows are this screen's.
extension BriefScreen {
    /// The focused field; the schema comes from the guide on screen, so a field added to
    /// decisions.yaml is a row here with no change to this file.
    func current(_ schema: BriefSchema) -> BriefFieldSpec? { schema.fields.indices.contains(field) ? schema.fields[field] : nil }

    /// The focused field's row among those shown.
    func row(_ draft: BriefDraft, _ schema: BriefSchema) -> Int { draft.shown(schema).firstIndex(of: field) ?? 0 }

    /// True when the focused field is a choice and nothing is being typed (Left/Right change it).
    func onChoice(_ ctx: ScreenContext) -> Bool {
        let schema = ctx.guide.decisions.brief
        return (editing == nil || pickedByDigit) && current(schema).map { ctx.draft.choices($0, schema) != nil } == true
    }

    // MARK: keys

    /// The keys that act on the fields (the screen's own keys, such as save, come first).
    mutating func fieldKeys(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        let schema = ctx.guide.decisions.brief
        if editing != nil { return typing(action, &ctx) }
        guard let current = current(schema) else { return .unhandled }
        switch action {
        case .lineDown, .lineUp, .top, .bottom: moveFocus(action, ctx)
        case .decide(.nextValue), .decide(.previousValue):
            guard ctx.draft.cycle(current, by: action == .decide(.nextValue) ? 1 : -1, schema) else {
                return .message("\(current.name) has no values to step through: type the \(current.kind == .text ? "text" : "number")")
            }
        case .open:
            // A number or the notes: the value to edit. A choice: its name typed (the 10th value and
            // later have no digit), chosen as it is typed.
            editing = TextField(ctx.draft.choices(current, schema) == nil ? (ctx.draft.values[current.field]?.description ?? "") : "")
            beforeEditing = ctx.draft.values[current.field]
            // An empty line on a choice says what it is for and what it holds (thirteenth retest:
            // `output` went blank after Enter, with nothing said).
            if ctx.draft.choices(current, schema) != nil {
                let now = beforeEditing.map { " (now \($0); \(Keymap.key(.cancel, in: .briefField)) keeps it)" } ?? ""
                return .message("Type \(current.name)'s value: its name or number\(now)")
            }
        case .pick(let n):
            // A digit starts typing, as a letter does: on a number field the number; on a choice the
            // value's number, which alone chooses it as a name does (`reparse`). "20000" typed on a
            // choice, meant for samples, had chosen value 2 and dropped the zeros (tenth and eleventh
            // retests): now it is text that is no value, said under the field and kept to mend.
            beforeEditing = ctx.draft.values[current.field]
            editing = TextField(String(n))
            digitTyped = ctx.draft.choices(current, schema) != nil
            reparse(current, &ctx)
        case .decide(.clearValue):
            ctx.draft.values[current.field] = nil
            problem = nil
            // A field kept only for its value leaves the form with it.
            if !ctx.draft.shown(schema).contains(field) { moveFocus(.lineDown, ctx) }
        case .back where showCommand && ctx.draft.brief(schema) != nil, .cancel where showCommand && ctx.draft.brief(schema) != nil:
            // Esc (Back here) closes the command box first, as it closes help; it had left the form.
            showCommand = false
        case .pageDown, .pageUp:
            guard scrollField(down: action == .pageDown, ctx) else { return .unhandled }
        case .decide(.showCommand):
            // Refused, it changes nothing (a box switched on unseen took the next ^Y and Esc, tenth retest).
            if ctx.draft.brief(schema) == nil {
                showCommand = false
                return .message("Choose \(BriefDraft.requiredList(schema)) first: the command needs them")
            }
            showCommand.toggle()
            peek = 0
            revealCommand = showCommand
            // Taller than the pane (40x12): the box comes into view (`fitFields`) and the keys that reach its end are said.
            if showCommand, let spot = laidOut(ctx).form.spots[.field], spot.count > formPanes(ctx.rect).form.height {
                return .message("\(Keymap.key(.pageDown, in: .brief))/\(Keymap.key(.pageUp, in: .brief)) scroll the command; \(Keymap.key(.decide(.showCommand), in: .brief)) hides it")
            }
        default:
            return .unhandled
        }
        return .none
    }

    private mutating func typing(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        let schema = ctx.guide.decisions.brief
        // A digit read as the form's (after a lone digit that chose a value) types on.
        if case .pick(let n) = action, editing != nil, let spec = current(schema) {
            _ = editing?.edit(.type(Character(String(n))))
            reparse(spec, &ctx)
            return .none
        }
        if editing?.edit(action) == true {
            if let spec = current(schema) { reparse(spec, &ctx) }
            return .none
        }
        switch action {
        // Enter on text that is not a value yet keeps it, with the problem in view, to be mended
        // rather than typed again; Esc cancels as in vim: the value from before typing comes back
        // (a choice is chosen as its name is typed, so a stray `t` had chosen batch for good).
        // Enter that takes a value goes on to the next field, as fzf's, dialog's and gh's prompts take
        // the value and move on (twelfth retest: "tab Enter class Enter" typed "class" over modality).
        case .open where suggestion != nil:
            if let spec = current(schema) { ctx.draft.values[spec.field] = suggestion }
            finish(); moveFocus(.lineDown, ctx)
        case .open where problem != nil: return .message(problem ?? "")
        // Down, Up, Tab and Shift-Tab act as Enter does on text that is no value yet: the text stays
        // to be mended, with the problem said, rather than going or leaving a value nobody chose
        // ("hello" left change-detection, which "h" had matched: ninth retest). A did-you-mean is
        // Enter's to take, since it is a value the user did not type.
        case .lineDown where problem != nil, .switchFocus where problem != nil, .lineUp where problem != nil:
            return .message(problem ?? "")
        case .open: finish(); moveFocus(.lineDown, ctx)
        case .cancel:
            if let spec = current(schema) { ctx.draft.values[spec.field] = beforeEditing }
            finish()
            return .none
        case .lineDown, .switchFocus: finish(); moveFocus(.lineDown, ctx)
        case .lineUp: finish(); moveFocus(.lineUp, ctx)
        // The ^Y box pages while a value is typed over it, the row kept on top (`pinsRow`).
        case .pageDown, .pageUp:
            guard scrollField(down: action == .pageDown, ctx) else { return .unhandled }
            return .none
        default: return .unhandled
        }
        if editing != nil, let spec = current(schema) { reparse(spec, &ctx) }
        return .none
    }

    /// Takes the typed text as the value when it parses; the problem says why not. For a choice the
    /// text is the start of a value's name (or any part of it, or an alias the schema accepts): the
    /// first value it filters to is taken, as fzf's Enter takes the first match. Text that is no value
    /// (or no text on a choice) leaves the field at the value it had before typing, so the pick beside
    /// the form never follows a value the user did not choose ("h" of "hello" matched change-detection).
    private mutating func reparse(_ spec: BriefFieldSpec, _ ctx: inout ScreenContext) {
        guard let text = editing?.text else { return }
        suggestion = nil
        if let vs = ctx.draft.choices(spec, ctx.guide.decisions.brief) {
            let t = text.trimmed().lowercased()
            guard !t.isEmpty else { ctx.draft.values[spec.field] = beforeEditing; problem = nil; return }
            if t.allSatisfy({ $0.isASCII && $0.isNumber }) {
                // A value's number: one digit, 1 to 9 and no further than the values go.
                let numbered = min(9, vs.count)
                if t.count == 1, let n = Int(t), (1...max(1, numbered)).contains(n), vs.indices.contains(n - 1) {
                    ctx.draft.values[spec.field] = vs[n - 1]; problem = nil
                } else {
                    ctx.draft.values[spec.field] = beforeEditing
                    problem = "\(text.trimmed()) is not \(Article.a(spec.name)) value; choices are numbered 1-\(numbered)"
                        + (vs.count > numbered ? " (the others by name)" : "")
                }
                return
            }
            let names = vs.map(\.description)
            if let exact = try? spec.parse(t), vs.contains(exact) { ctx.draft.values[spec.field] = exact; problem = nil; return }
            if let i = names.firstIndex(where: { $0.hasPrefix(t) }) ?? names.firstIndex(where: { $0.contains(t) }) {
                ctx.draft.values[spec.field] = vs[i]; problem = nil
            } else {
                ctx.draft.values[spec.field] = beforeEditing
                problem = "No \(spec.name) value holds \"\(text)\""
                // A slip of the keys ("imgae") gets the command line's did-you-mean, and Enter takes it.
                let spelt = spec.values.flatMap { [$0.value] + $0.aliases }
                if let near = EditDistance.closest(to: t, among: spelt, limit: 1).first,
                   let v = try? spec.parse(near), vs.contains(v) {
                    suggestion = v
                    problem! += ". " + Suggestion.didYouMean([v.description]) + " \(Keymap.key(.open, in: .briefField)) takes it."
                }
            }
            return
        }
        if text.trimmed().isEmpty { ctx.draft.values[spec.field] = nil; problem = nil; return }
        do {
            ctx.draft.values[spec.field] = try spec.parse(text)
            problem = nil
        } catch {
            ctx.draft.values[spec.field] = beforeEditing
            problem = error.description
        }
    }

    /// Leaves the text: its problem goes with it, so it is never shown under the next field.
    mutating func finish() {
        editing = nil
        problem = nil
        suggestion = nil
        digitTyped = false
    }

    /// Moves the focus among the fields shown by the list's cursor (Up, Down, top, bottom); with no
    /// action, onto the nearest shown. From a field no longer shown (its value cleared where it does
    /// not apply) Down goes to the next shown, Up to the one before. The fit after the key brings the
    /// field into view, opened: the rows' lines change with the focus, so the cursor only steps here.
    mutating func moveFocus(_ action: Action?, _ ctx: ScreenContext) {
        let shown = ctx.draft.shown(ctx.guide.decisions.brief)
        guard !shown.isEmpty else { return }
        let next = shown.firstIndex { $0 > field }
        rows.index = shown.firstIndex(of: field) ?? next.map { action == .lineDown ? $0 - 1 : $0 } ?? shown.count
        if let action { _ = rows.cursor.step(action, count: shown.count) }
        rows.index = min(max(0, rows.index), shown.count - 1)
        field = shown[rows.index]
    }

    // MARK: layout

    static let labelWidth = 17

    /// The form's own column: a row per field (the list's items); the focused row opens to say what
    /// the field means and what it takes (`Sheet.Spot.field`, which the list keeps in view).
    /// Fields whose change would change the pick (`Judgement.pivots`) are marked with an arrow in a gutter.
    func sheet(width: Int, _ ctx: ScreenContext, judged: Judgement) -> Sheet {
        var s = Sheet(width: width, glyphs: ctx.glyphs)
        let g = ctx.glyphs
        let draft = ctx.draft
        let pivots = judged.pivots, understood = judged.recommendation
        s.text("Model Brief", .title)
        if !pivots.isEmpty { s.text(g.arrow + " changing it would change the pick", .dim) }
        let schema = ctx.guide.decisions.brief
        for i in draft.shown(schema) {
            let f = schema.fields[i]
            let start = s.count
            s.item { s in
                let mark = TextWrap.pad(pivots.contains(f.field) ? g.arrow : "", width: 2)
                var spans = [Span(mark, .accent), Span(TextWrap.pad(f.name + (f.required ? "*" : ""), width: Self.labelWidth), i == field ? .strong : .text)]
                let room = max(1, width - Self.labelWidth - 2)
                if i == field, !pickedByDigit, let text = editing, DisplayWidth.of(g.text(text.text)) + 1 > room {
                    // Too long for its row (the notes): the whole text runs on from the row onto the
                    // lines under it, wrapped between words with the cursor in it, as readline wraps a
                    // long line (eleventh retest: only its end showed while it was typed).
                    let (before, at, after) = text.wrappable(glyphs: g)
                    let runs = [StyledRun(before, Sheet.Tag(.prompt)), StyledRun(at, Sheet.Tag(.selection)), StyledRun(after, Sheet.Tag(.prompt))]
                        .filter { !$0.text.isEmpty }
                    for l in DocumentBuilder.wrapped(runs, width: width, first: spans, rest: [Span("    ")]) {
                        let line = l.map { $0.role == .selection ? Span($0.text.replacing(TextField.cursorCell, with: " "), .selection) : $0 }
                        let used = line.reduce(0) { $0 + DisplayWidth.of($1.text) }
                        if line.contains(where: { $0.role == .selection }) { s.spots[.cursor] = s.count..<(s.count + 1) }
                        s.line(line + [Span(String(repeating: " ", count: max(0, width - used)), .prompt)])
                    }
                    return
                }
                if i == field, !pickedByDigit, let text = editing {
                    // Drawn as every field is; the rest of its room is the field's too (`.prompt`
                    // shows through the selection bar), so the cursor stands out at the end as well.
                    let field = text.spans(room: room, glyphs: g)
                    let used = field.reduce(0) { $0 + DisplayWidth.of($1.text) }
                    spans += field + [Span(String(repeating: " ", count: max(0, room - used)), .prompt)]
                } else if let v = draft.values[f.field] {
                    var text = g.text(v.description)
                    if i == field, draft.choices(f, schema) != nil {
                        let (l, r) = g.ascii ? ("<", ">") : ("\u{25C2}", "\u{25B8}")
                        text = l + " " + text + " " + r
                    }
                    let ignored = f.applies(given: draft.values) ? "" : " (ignored)"
                    spans.append(Span(TextWrap.truncate(text, width: max(1, room - ignored.count), ellipsis: g.ellipsis), .strong))
                    if !ignored.isEmpty { spans.append(Span(ignored, .warning)) }
                } else if let assumed = understood?.brief[f.field], understood?.assumedFields.contains(f.name) == true {
                    spans.append(Span(TextWrap.truncate("(assumed \(assumed))", width: room, ellipsis: g.ellipsis), .dim))
                } else {
                    spans.append(Span(TextWrap.truncate("(not set)", width: room, ellipsis: g.ellipsis), .dim))
                }
                s.line(spans)
            }
            if i == field {
                // The command goes right under the focused field, which is always kept in view: after
                // the last field it was off screen whenever the form was taller than the pane, so y
                // seemed to do nothing.
                if showCommand, let b = draft.brief(schema) { s.commandBlock(b.commandLine(), scope: .brief); s.blank() }
                about(f, draft, schema, &s)
                s.spots[.field] = start..<s.count
            }
        }
        // The saved files by name first, whole, then their folder (`Sheet.fileName`): at 40 columns the
        // name had gone under the pane's edge after "Decision record saved as" (ninth retest).
        if let file = draft.file {
            s.blank()
            s.spot(.file) { s in s.text((draft.unsaved ? "Changed since " : "Saved as ") + ctx.fileName(file), .dim) }
        }
        if let savedRecord = draft.savedRecord {
            s.blank()
            s.spot(.saved) { s in s.text((draft.recordCurrent ? "Record: " : "Record (of the brief before changes): ") + ctx.fileName(savedRecord), .dim) }
        }
        return s
    }

    /// What the focused field means and how to fill it in.
    private func about(_ f: BriefFieldSpec, _ draft: BriefDraft, _ schema: BriefSchema, _ s: inout Sheet) {
        let g = s.glyphs
        let pad = [Span("  ")]
        if let notice { s.text(notice, .strong, first: pad) }
        // A value too long for its row (the notes) is read whole here, wrapped, while the field is
        // focused ("notes  Customer churn, 30,0…" could be read only by editing it: ninth retest).
        if editing == nil, let v = draft.values[f.field], f.kind == .text,
           DisplayWidth.of(g.text(v.description)) > max(1, s.width - Self.labelWidth - 2) {
            s.wrap([StyledRun(g.text(v.description), Sheet.Tag(.text))], first: pad)
        }
        s.text(f.meaning + (f.required ? " (required)" : ""), .dim, first: pad)
        if let problem { s.text(problem, .warning, first: pad) }
        if draft.values[f.field] != nil, let why = schema.notApplying(in: draft.values).first(where: { $0.field == f }) {
            s.text("Not for \(why.other) \(why.otherValue) (only \(why.appliesTo.joined(separator: ", "))): the recommendation ignores it; "
                   + "\(Keymap.key(.decide(.clearValue), in: .brief)) clears it.", .warning, first: pad)
        }
        if let vs = draft.choices(f, schema) {
            var runs: [StyledRun<Sheet.Tag>] = []
            // Values past the ninth have no digit: a separator keeps "9 multimodal" and "audio" apart.
            let separator = vs.count > 9 ? (g.ascii ? " | " : " \u{00B7} ") : "  "
            for (i, v) in vs.enumerated() {
                if i > 0 { runs.append(StyledRun(separator, Sheet.Tag(.dim))) }
                // Number and value in one run, joined by a no-break space, so a line never parts them.
                let number = i < 9 ? "\(i + 1)" + (g.ascii ? " " : "\u{00A0}") : ""
                runs.append(StyledRun(number + v.description, Sheet.Tag(draft.values[f.field] == v ? .selection : .text)))
            }
            s.wrap(runs, first: pad)
            if problem != nil {
                s.text(mend, .dim, first: pad)
            } else if editing != nil && !pickedByDigit {
                s.text("Type a value's name or number: \(Keymap.key(.open, in: .briefField)) or \(Keymap.key(.lineDown, in: .briefField)) takes it.", .dim, first: pad)
            } else {
                s.text("Type a name or a digit; \(Keymap.key(.decide(.previousValue), in: .brief))/\(Keymap.key(.decide(.nextValue), in: .brief)) steps; \(Keymap.key(.decide(.clearValue), in: .brief)) clears.", .dim, first: pad)
            }
        } else if problem != nil {
            s.text(mend, .dim, first: pad)
        } else if editing != nil {
            s.text(Keymap.keys(.open, in: .briefField).joined(separator: ", ") + " or \(Keymap.key(.lineDown, in: .briefField)) finishes.", .dim, first: pad)
        } else {
            s.text("Type " + (f.kind == .text ? "the text." : "\(f.validValues)."), .dim, first: pad)
        }
    }

    /// The way on from text that is no value yet: Enter, Down and the commands wait for it.
    private var mend: String {
        let before = beforeEditing.map { "puts back \($0)" } ?? "leaves it not set"
        return "Mend it, or \(Keymap.key(.cancel, in: .briefField)) \(before)."
    }

    /// Keeps the focused field, opened, on screen by the list's one reveal rule: the row and what it
    /// says about itself when they fit, the row first when they do not.
    /// An opened field taller than the pane (the ^Y command box under it at 40x12) is shown from
    /// `peek` lines below its row, which PgDn and PgUp move (`scrollField`); ^Y opening the box brings
    /// it into view, its first line first.
    mutating func fitFields(_ ctx: ScreenContext) {
        // A brief opened over the form can hide the focused field: the focus goes on to the next shown.
        if !ctx.draft.shown(ctx.guide.decisions.brief).contains(field) { moveFocus(nil, ctx) }
        let s = laidOut(ctx).form
        let h = max(1, formPanes(ctx.rect).form.height)
        rows.index = row(ctx.draft, ctx.guide.decisions.brief)
        var showing = s.spots[.field]
        if justSaved.map({ $0.rect != ctx.rect }) == true { justSaved?.resized = true; justSaved?.rect = ctx.rect }
        if let saved = justSaved, var lines = s.spots[saved.spot] {
            // Just saved (and after a resize, when the message saying it has gone): the form's lines
            // naming the file come into view, whole, until the next key; with the brief's line above
            // the record's and the focused row when they fit too (eleventh retest: after ^E the
            // record's line was under the pane's edge).
            if saved.spot == .saved, let file = s.spots[.file], lines.upperBound - file.lowerBound <= h { lines = file.lowerBound..<lines.upperBound }
            if let row = s.items.indices.contains(rows.index) ? s.items[rows.index] : nil, lines.upperBound - row.lowerBound <= h {
                lines = row.lowerBound..<lines.upperBound
            }
            showing = lines
        } else if let spot = showing, spot.count > h {
            if revealCommand, let box = s.spots[.command], box.upperBound - spot.lowerBound > h {
                peek = box.lowerBound - spot.lowerBound
            }
            // A long value typed across lines keeps the cursor's line in view.
            if editing != nil, let c = s.spots[.cursor], spot.contains(c.lowerBound) {
                let line = c.lowerBound - spot.lowerBound
                if line >= peek + h { peek = line - h + 1 } else if line < peek { peek = line }
            }
            peek = min(max(0, peek), spot.count - h)
            showing = (spot.lowerBound + peek)..<(spot.lowerBound + peek + h)
        } else {
            peek = 0
        }
        revealCommand = false
        rows.fit(items: s.items, lines: s.count, height: h, showing: showing)
    }

    /// PgDn and PgUp in an opened field taller than the pane: a page of it at a time (false when it
    /// fits); from the field's row, the page the "more" line left (`marksMore`).
    mutating func scrollField(down: Bool, _ ctx: ScreenContext) -> Bool {
        let s = laidOut(ctx).form
        let h = max(1, formPanes(ctx.rect).form.height)
        guard let spot = s.spots[.field], spot.count > h else { return false }
        let pinned = pinsRow ? (s.items.indices.contains(rows.index) ? s.items[rows.index].count : 1) : 0
        let page = Viewport<Int>.page(down && marksMore(s, height: h) ? h - 1 : max(1, h - pinned))
        peek = min(max(0, peek + (down ? 1 : -1) * page), spot.count - h)
        return true
    }

    /// A value typed with the ^Y box open: the field's row stays on the pane's top while the box
    /// under it pages (twelfth retest: at 40x12 the typed text was above the pane, out of sight).
    var pinsRow: Bool { showCommand && editing != nil && !pickedByDigit }

    /// The pane's last row says the focused field goes on under it ("↓ more of this field (PgDn)"):
    /// the field opened from its row, taller than the pane, and not typed in (the ^Y box says its own keys).
    func marksMore(_ s: Sheet, height h: Int) -> Bool {
        (editing == nil || pickedByDigit) && peek == 0 && !showCommand && h > 3 && (s.spots[.field]?.count ?? 0) > h
    }

    // MARK: the layout, once per state and size

    /// The form's column, the pick beside it when the screen is wide (nil when narrow: the line
    /// under the form says the pick), and the draft's judgement both were laid out from.
    struct Layout: Sendable {
        var form: Sheet
        var pick: Sheet?
        var judged: Judgement
    }

    /// What the layout is worked out from: any change lays it out again.
    struct LayoutKey: Equatable, Sendable {
        var values: [BriefField: BriefValue], file: String?, unsaved: Bool, savedRecord: String?
        var field: Int, editing: TextField?, problem: String?, digitTyped: Bool, notice: String?, showCommand: Bool
        var rect: Rect, glyphs: Glyphs, home: String?, guide: Int
    }

    func layoutKey(_ ctx: ScreenContext) -> LayoutKey {
        let d = ctx.draft
        return LayoutKey(values: d.values, file: d.file, unsaved: d.unsaved, savedRecord: d.savedRecord,
                         field: field, editing: editing, problem: problem, digitTyped: digitTyped, notice: notice, showCommand: showCommand,
                         rect: ctx.rect, glyphs: ctx.glyphs, home: ctx.homeFolder, guide: ctx.library.generation)
    }

    /// The layout for this state and size: the one the fit kept when there is one.
    func layout(_ ctx: ScreenContext) -> Layout { laid.peek(layoutKey(ctx)) ?? lay(ctx) }

    /// The same, kept for the frames, keys and clicks that follow.
    mutating func laidOut(_ ctx: ScreenContext) -> Layout {
        let key = layoutKey(ctx)
        return laid.peek(key) ?? laid.keep(key, lay(ctx))
    }

    func lay(_ ctx: ScreenContext) -> Layout {
        let judged = ctx.draft.judgement(ctx.library)
        let (f, res, divider) = formPanes(ctx.rect)
        let form = sheet(width: f.width, ctx, judged: judged)
        guard divider != nil else { return Layout(form: form, pick: nil, judged: judged) }
        var s = Sheet(width: res.width, glyphs: ctx.glyphs)
        s.text("Recommendation", .heading)
        if let typed = typedNote(ctx)?.first { s.text(typed, .warning) }
        if let rec = judged.recommendation {
            s = Self.summary(Outcome(recommendation: rec, guide: ctx.guide), under: s, height: res.height - 1)
        } else if let problem = judged.problem {
            s.text(problem, .warning)
        } else {
            s.text("Choose \(BriefDraft.requiredList(ctx.guide.decisions.brief)): the pick appears here and follows every change.", .dim)
        }
        return Layout(form: form, pick: s, judged: judged)
    }
}
