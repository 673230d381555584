import NNGuideCore

/// The Model Brief as a form: one row per field of the brief schema (decisions.yaml's `brief:`, the
/// same table the YAML file and the flags read). Choices cycle with Left/Right, are picked by number, or are typed by name after
/// Enter (the tenth value and later have no digit); numbers and the notes are
/// typed after Enter, and only then do letters type. The recommendation is recomputed from the
/// values on every frame, so it always matches the form.
public struct BriefForm: Sendable, Equatable {
    public internal(set) var values: [BriefField: BriefValue] = [:]
    /// Fields whose change would change the pick (`refreshPivots`), and the values they were worked out for.
    var pivots: Set<BriefField> = []
    var pivotsFor: [BriefField: BriefValue]?
    /// The focused row.
    public internal(set) var field = 0 {
        didSet { problem = nil }
    }
    /// The text being typed into a number, the notes or a choice's name; nil when not typing.
    public internal(set) var editing: TextField?
    /// The field's value when typing began: Esc on text that fits nothing puts it back (a choice is
    /// chosen as its name is typed, so "ph" of "phone" had chosen graph).
    var beforeEditing: BriefValue?
    /// Why the typed text is not a value yet.
    var problem: String?
    var pane = Pane()
    var showCommand = false
    /// The file the brief was last saved to or opened from, and its values then.
    public internal(set) var file: String?
    var fileValues: [BriefField: BriefValue]?
    /// The file is a draft (kept on quitting), not a brief saved with `w`.
    var fileIsDraft = false
    /// Where the recommendation's decision record was last saved.
    var savedRecord: String?
    /// What the last save or open did, with the whole file name, shown under the focused field
    /// (always on screen, where the one-line message may be cut) until the next key.
    var notice: String?

    public init() {}

    /// The focused field; the schema comes from the guide on screen, so a field added to
    /// decisions.yaml is a row here with no change to this file.
    func current(_ schema: BriefSchema) -> BriefFieldSpec? { schema.fields.indices.contains(field) ? schema.fields[field] : nil }

    /// The indices of the fields the form shows: those that apply with the values chosen so far
    /// (`applies_to`: no `nodes` for an image), and any that holds a value, which stays in view, marked,
    /// when a later choice makes it stop applying (the recommender ignores it), until it is cleared.
    func shown(_ schema: BriefSchema) -> [Int] {
        schema.fields.indices.filter { values[schema.fields[$0].field] != nil || schema.fields[$0].applies(given: values) }
    }
    /// The focused field's row among those shown.
    func row(_ schema: BriefSchema) -> Int { shown(schema).firstIndex(of: field) ?? 0 }

    /// The file's name without folder and extension ("tabular-classification-2").
    var fileStem: String? { file.map { FileName($0).lastComponentWithoutExtension } }

    /// Changes not yet in a file.
    public var unsaved: Bool { !values.isEmpty && values != (fileValues ?? [:]) }
    public func brief(_ schema: BriefSchema) -> Brief? { try? Brief(schema: schema, values: values) }

    /// The recommendation for the form's values, or why there is none (nil, nil: the brief is not whole).
    func outcome(_ guide: Guide) -> (recommendation: Recommendation?, problem: String?) {
        // A task chosen before a modality that rules it out: say so rather than pick for an impossible brief.
        if let m = guide.decisions.brief.mismatch(in: values) {
            return (nil, "\(m.field.name.prefix(1).uppercased() + m.field.name.dropFirst()) \(m.value) \(m.reason). Choose another \(m.field.name) or \(m.other.name).")
        }
        guard let b = brief(guide.decisions.brief) else { return (nil, nil) }
        do { return (try Recommender(guide: guide).recommend(b), nil) } catch {
            return (nil, "The guide's decisions have no answer for this brief: \(error.message)")
        }
    }

    func recommendation(_ guide: Guide) -> Recommendation? { outcome(guide).recommendation }

    /// The name a save starts from: the opened file's (without a version suffix) while the brief still
    /// has that file's modality and task, else modality-task, so a name never describes another problem.
    var baseName: String {
        let named = [BriefField.modality, .task]
        if let file, let fileValues, named.allSatisfy({ fileValues[$0] == values[$0] }) {
            var base = FileName(file).lastComponentWithoutExtension
            if let dash = base.lastIndex(of: "-"), base[base.index(after: dash)...].allSatisfy(\.isNumber), base.index(after: dash) < base.endIndex {
                base = String(base[..<dash])
            }
            if !base.isEmpty { return base }
        }
        let parts = [BriefField.modality, .task].compactMap { values[$0]?.description }
        return parts.isEmpty ? "brief" : parts.joined(separator: "-")
    }

    mutating func load(_ values: [BriefField: BriefValue], from path: String, drift: String? = nil, draft: Bool = false, shownAs name: String) {
        self.values = values
        fileValues = values
        file = path
        fileIsDraft = draft
        editing = nil; problem = nil; savedRecord = nil
        notice = drift ?? "Opened " + name
    }

    mutating func saved(to path: String, new: Bool, shownAs name: String) {
        file = path
        fileIsDraft = false
        fileValues = values
        notice = (new ? "Saved as " : "Already saved as ") + name
    }

    // MARK: values

    /// The values a choice or flag field cycles through; nil is "not set". A choice offers only the values
    /// that apply with the form's other values (`applies_to`: the tasks of the chosen modality).
    /// True when the focused field is a choice and nothing is being typed: a letter that is no key
    /// says that Enter types a value's name.
    func onChoice(_ schema: BriefSchema) -> Bool { editing == nil && current(schema).map { choices($0, schema) != nil } == true }

    func choices(_ f: BriefFieldSpec, _ schema: BriefSchema) -> [BriefValue]? {
        switch f.kind {
        case .choice:
            var others = values
            others[f.field] = nil
            return schema.applicable(f.field, given: others).map { .choice($0) }
        case .flag: return [.flag(true), .flag(false)]
        default: return nil
        }
    }

    mutating func cycle(_ spec: BriefFieldSpec, by step: Int, _ schema: BriefSchema) -> Bool {
        guard let vs = choices(spec, schema) else { return false }
        let all: [BriefValue?] = [nil] + vs.map(Optional.some)
        let i = all.firstIndex(of: values[spec.field]) ?? 0
        values[spec.field] = all[(i + step + all.count) % all.count]
        return true
    }

    /// The marks of the fields whose change would change the pick: every flip is a recommender run,
    /// so they are worked out again only when the brief changed.
    mutating func refreshPivots(_ guide: Guide) {
        guard pivotsFor != values else { return }
        pivotsFor = values
        pivots = Set(RecommendationScreen.flips(values, guide).map(\.field))
    }

    // MARK: keys

    mutating func handle(_ action: Action, _ ctx: ScreenContext) -> Effect {
        let schema = ctx.guide.decisions.brief
        if editing != nil { return typing(action, ctx) }
        guard let current = current(schema) else { return .unhandled }
        switch action {
        case .lineDown: move(by: 1, ctx)
        case .lineUp: move(by: -1, ctx)
        case .top: move(by: -schema.fields.count, ctx)
        case .bottom: move(by: schema.fields.count, ctx)
        case .decide(.nextValue), .decide(.previousValue):
            guard cycle(current, by: action == .decide(.nextValue) ? 1 : -1, schema) else {
                return .message("\(current.name) is typed: \(Keymap.key(.open, in: .brief)), then the \(current.kind == .text ? "text" : "number")")
            }
        case .open:
            // A number or the notes: the value to edit. A choice: its name typed (the 10th value and
            // later have no digit), chosen as it is typed.
            editing = TextField(choices(current, schema) == nil ? (values[current.field]?.description ?? "") : "")
            beforeEditing = values[current.field]
        case .pick(let n):
            if let vs = choices(current, schema) {
                guard vs.indices.contains(n - 1) else { return .unhandled }
                values[current.field] = vs[n - 1]
            } else {
                beforeEditing = values[current.field]
                editing = TextField(String(n))
                reparse(current, schema)
            }
        case .type(let c):
            // A letter that is no key, on a choice: letters never type here (typing "phone" ran p and
            // e), so it says how a name is typed.
            guard choices(current, schema) != nil else { return .unhandled }
            return .message("\(c) does nothing here; \(Keymap.key(.open, in: .brief)) types a name")
        case .decide(.clearValue):
            values[current.field] = nil
            problem = nil
            // A field kept only for its value leaves the form with it.
            if !shown(schema).contains(field) { move(by: 1, ctx) }
        case .back where showCommand, .cancel where showCommand:
            // Esc (Back here) closes the command box first, as it closes help; it had left the form.
            showCommand = false
        case .decide(.showCommand):
            showCommand.toggle()
            if showCommand && brief(schema) == nil {
                return .message("Choose \(Self.requiredList(schema)) first: the command needs them")
            }
        default:
            return .unhandled
        }
        return .none
    }

    private mutating func typing(_ action: Action, _ ctx: ScreenContext) -> Effect {
        if editing?.edit(action) == true {
            if let spec = current(ctx.guide.decisions.brief) { reparse(spec, ctx.guide.decisions.brief) }
            return .none
        }
        switch action {
        // Enter on text that is not a value yet keeps it, with the problem in view, to be mended
        // rather than typed again; Esc cancels as in vim: the value from before typing comes back
        // (a choice is chosen as its name is typed, so a stray `t` had chosen batch for good).
        case .open where problem != nil: return .message(problem ?? "")
        case .open: finish()
        case .cancel:
            if let spec = current(ctx.guide.decisions.brief) { values[spec.field] = beforeEditing }
            finish()
            return .none
        case .lineDown, .switchFocus: finish(); move(by: 1, ctx)
        case .lineUp: finish(); move(by: -1, ctx)
        default: return .unhandled
        }
        if editing != nil, let spec = current(ctx.guide.decisions.brief) { reparse(spec, ctx.guide.decisions.brief) }
        return .none
    }

    /// Takes the typed text as the value when it parses; the problem says why not. For a choice the
    /// text is the start of a value's name (or any part of it, or an alias the schema accepts).
    private mutating func reparse(_ spec: BriefFieldSpec, _ schema: BriefSchema) {
        guard let text = editing?.text else { return }
        if let vs = choices(spec, schema) {
            let t = text.trimmed().lowercased()
            guard !t.isEmpty else { problem = nil; return }
            let names = vs.map(\.description)
            if let exact = try? spec.parse(t), vs.contains(exact) { values[spec.field] = exact; problem = nil; return }
            if let i = names.firstIndex(where: { $0.hasPrefix(t) }) ?? names.firstIndex(where: { $0.contains(t) }) {
                values[spec.field] = vs[i]; problem = nil
            } else {
                problem = "No \(spec.name) value holds \"\(text)\""
            }
            return
        }
        if text.trimmed().isEmpty { values[spec.field] = nil; problem = nil; return }
        do {
            values[spec.field] = try spec.parse(text)
            problem = nil
        } catch {
            values[spec.field] = nil
            problem = error.description
        }
    }

    /// "a modality and a task": the fields a brief must give, for messages.
    static func requiredList(_ schema: BriefSchema) -> String {
        let names = schema.required.map { "a " + $0.name }
        return names.count <= 1 ? (names.first ?? "a field") : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// Leaves the text: its problem goes with it, so it is never shown under the next field.
    private mutating func finish() {
        editing = nil
        problem = nil
    }

    /// Moves the focus `step` rows among the fields shown (from a field no longer shown, to its nearest).
    private mutating func move(by step: Int, _ ctx: ScreenContext) {
        let rows = shown(ctx.guide.decisions.brief)
        guard !rows.isEmpty else { return }
        let at = rows.firstIndex(of: field) ?? (rows.firstIndex { $0 > field }.map { step > 0 ? $0 - 1 : $0 } ?? rows.count)
        field = rows[min(max(0, at + step), rows.count - 1)]
    }

    // MARK: layout

    static let labelWidth = 17

    /// The form's own column: a row per field; the focused row opens to say what the field means
    /// and what it takes, so that stays in view on a small screen too.
    /// Fields whose change would change the pick (`pivots`) are marked with an arrow in a gutter.
    func sheet(width: Int, _ ctx: ScreenContext, understood: Recommendation?) -> Sheet {
        var s = Sheet(width: width, glyphs: ctx.glyphs)
        let g = ctx.glyphs
        s.text("Model Brief", .title)
        if !pivots.isEmpty { s.text(g.arrow + " changing it would change the pick", .dim) }
        let schema = ctx.guide.decisions.brief
        for i in shown(schema) {
            let f = schema.fields[i]
            let start = s.count
            s.item { s in
                let mark = TextWrap.pad(pivots.contains(f.field) ? g.arrow : "", width: 2)
                var spans = [Span(mark, .accent), Span(TextWrap.pad(f.name + (f.required ? "*" : ""), width: Self.labelWidth), i == field ? .strong : .text)]
                let room = max(1, width - Self.labelWidth - 2)
                if i == field, let text = editing {
                    // The bar stands where typing goes.
                    let (before, after) = text.shown(room: room, glyphs: g)
                    spans += [Span(before, .prompt), Span(g.bar, .prompt), Span(after, .prompt)]
                } else if let v = values[f.field] {
                    var text = g.text(v.description)
                    if i == field, choices(f, schema) != nil {
                        let (l, r) = g.ascii ? ("<", ">") : ("\u{25C2}", "\u{25B8}")
                        text = l + " " + text + " " + r
                    }
                    let ignored = f.applies(given: values) ? "" : " (ignored)"
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
                if showCommand, let b = brief(schema) { s.commandBlock(b.commandLine()); s.blank() }
                about(f, schema, &s)
                s.spots[.field] = start..<s.count
            }
        }
        if let file {
            s.blank()
            s.spot(.file) { s in s.text((unsaved ? "Changed since " : "Saved as ") + ctx.fileName(file), .dim) }
        }
        if let savedRecord {
            s.blank()
            s.spot(.saved) { s in s.text("Decision record saved as " + ctx.fileName(savedRecord), .dim) }
        }
        return s
    }

    /// What the focused field means and how to fill it in.
    private func about(_ f: BriefFieldSpec, _ schema: BriefSchema, _ s: inout Sheet) {
        let g = s.glyphs
        let pad = [Span("  ")]
        if let notice { s.text(notice, .strong, first: pad) }
        s.text(f.meaning + (f.required ? " (required)" : ""), .dim, first: pad)
        if let problem { s.text(problem, .warning, first: pad) }
        if values[f.field] != nil, let why = schema.notApplying(in: values).first(where: { $0.field == f }) {
            s.text("Not for \(why.other) \(why.otherValue) (only \(why.appliesTo.joined(separator: ", "))): the recommendation ignores it; "
                   + "\(Keymap.key(.decide(.clearValue), in: .brief)) clears it.", .warning, first: pad)
        }
        if let vs = choices(f, schema) {
            var runs: [StyledRun<Sheet.Tag>] = []
            // Values past the ninth have no digit: a separator keeps "9 multimodal" and "audio" apart.
            let separator = vs.count > 9 ? (g.ascii ? " | " : " \u{00B7} ") : "  "
            for (i, v) in vs.enumerated() {
                if i > 0 { runs.append(StyledRun(separator, Sheet.Tag(.dim))) }
                // Number and value in one run, joined by a no-break space, so a line never parts them.
                let number = i < 9 ? "\(i + 1)" + (g.ascii ? " " : "\u{00A0}") : ""
                runs.append(StyledRun(number + v.description, Sheet.Tag(values[f.field] == v ? .selection : .text)))
            }
            s.wrap(runs, first: pad)
            if editing != nil {
                s.text("Type a value's name: \(Keymap.key(.open, in: .briefField)) or \(Keymap.key(.lineDown, in: .briefField)) takes it.", .dim, first: pad)
            } else {
                s.text("\(Keymap.key(.decide(.previousValue), in: .brief))/\(Keymap.key(.decide(.nextValue), in: .brief)) or a digit chooses, \(Keymap.key(.open, in: .brief)) types a name; \(Keymap.key(.decide(.clearValue), in: .brief)) clears.", .dim, first: pad)
            }
        } else if problem != nil {
        } else if editing != nil {
            s.text(Keymap.keys(.open, in: .briefField).joined(separator: ", ") + " or \(Keymap.key(.lineDown, in: .briefField)) finishes.", .dim, first: pad)
        } else {
            s.text("\(Keymap.key(.open, in: .brief)) to type " + (f.kind == .text ? "the text." : "\(f.validValues)."), .dim, first: pad)
        }
    }

    /// The key bound to `action`, from the keymap, so the form never names a key that does not work.

    /// Keeps the focused row and what it says about itself on screen.
    mutating func fit(height: Int, width: Int, _ ctx: ScreenContext) {
        // A brief opened over the form can hide the focused field: the focus goes on to the next shown.
        if !shown(ctx.guide.decisions.brief).contains(field) { move(by: 0, ctx) }
        let s = sheet(width: width, ctx, understood: nil)
        let row = row(ctx.guide.decisions.brief)
        guard s.items.indices.contains(row) else { return }
        pane.show(s.spots[.field] ?? s.items[row], s, height: height)
        pane.show(s.items[row], s, height: height)
    }
}

/// The name of a file without its folder and extension.
private struct FileName {
    let path: String
    init(_ path: String) { self.path = path }
    var lastComponentWithoutExtension: String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        return String(last[..<dot])
    }
}
