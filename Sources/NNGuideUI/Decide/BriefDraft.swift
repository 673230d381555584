import NNGuideCore

/// The Model Brief being filled in: the one model the decision screens share (`ScreenContext.draft`):
/// the form (`BriefScreen`) edits it, the recommendation applies flips to it, a saved brief opens
/// into it, and quitting keeps it as a draft. What the form shows about it (the focused field, the
/// text being typed, its scroll) is the form's own.
public struct BriefDraft: Sendable, Equatable {
    public internal(set) var values: [BriefField: BriefValue] = [:]
    /// What the guide makes of the values (`judge`), for the values and the guide it was worked out
    /// from (`Library.generation`: the whole guide arriving after the preview replaces the library
    /// under the same draft): the form, its frames and the recommendation screen share one
    /// recommender run and one flips analysis per brief. A few are kept, so undoing a flip finds its brief.
    private(set) var judged = Memo<JudgedKey, Judgement>(limit: 4)
    struct JudgedKey: Equatable, Sendable { var values: [BriefField: BriefValue]; var guide: Int }
    /// The file the brief was last saved to or opened from, and its values then.
    public internal(set) var file: String?
    var fileValues: [BriefField: BriefValue]?
    /// The file is a draft (kept on quitting), not a brief saved with ^S.
    var fileIsDraft = false
    /// Where the recommendation's decision record was last saved.
    var savedRecord: String? { didSet { recordValues = savedRecord == nil ? nil : values } }
    /// The values the record was saved from: a brief changed since is no longer what it records.
    private(set) var recordValues: [BriefField: BriefValue]?
    /// A record was saved and still matches the values (twelfth retest: "record saved" stayed after
    /// the brief changed, though the record had no deploy=mobile).
    var recordCurrent: Bool { savedRecord != nil && recordValues == values }
    /// The field the form was last on, so a form opened again lands where the user left it.
    var lastField = 0
    /// The values the form was started with from the primary flow's answers (`DecideMenu.answered`),
    /// until the modality or task changes away from theirs (`dropStaleAnswers`).
    var fromAnswers: [BriefField: BriefValue]?
    /// What the next form opened says first, once, when the draft changed with no form open (the
    /// draft continued after a restart).
    var greeting: String?

    public init() {}

    /// The indices of the fields the form shows: those that apply with the values chosen so far
    /// (`applies_to`: no `nodes` for an image), and any that holds a value, which stays in view, marked,
    /// when a later choice makes it stop applying (the recommender ignores it), until it is cleared.
    func shown(_ schema: BriefSchema) -> [Int] {
        schema.fields.indices.filter { values[schema.fields[$0].field] != nil || schema.fields[$0].applies(given: values) }
    }

    /// The file's name without folder and extension ("tabular-classification-2").
    var fileStem: String? { file.map { FileName($0).lastComponentWithoutExtension } }

    /// Changes not yet in a file.
    public var unsaved: Bool { !values.isEmpty && values != (fileValues ?? [:]) }
    public func brief(_ schema: BriefSchema) -> Brief? { try? Brief(schema: schema, values: values) }

    /// The recommendation for the values, or why there is none (nil, nil: the brief is not whole).
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

    func recommendation(_ library: Library) -> Recommendation? {
        if let kept = judged.peek(judgedKey(library)) { return withText(kept, library).recommendation }
        return outcome(library.guide).recommendation
    }

    /// Free text (the notes) is echoed in the record but decides nothing, so it is no part of the key:
    /// each key typed in the notes had run the recommender and every flip again (eleventh retest: a
    /// second a key in a debug build). What is kept gets the text as it is now (`withText`).
    func judgedKey(_ library: Library) -> JudgedKey {
        let schema = library.guide.decisions.brief
        return JudgedKey(values: values.filter { schema[$0.key]?.kind != .text }, guide: library.generation)
    }

    /// A kept judgement with the brief's free text as it is now.
    private func withText(_ kept: Judgement, _ library: Library) -> Judgement {
        let schema = library.guide.decisions.brief
        guard var r = kept.recommendation else { return kept }
        var now = r.decision.brief.values.filter { schema[$0.key]?.kind != .text }
        for (f, v) in values where schema[f]?.kind == .text { now[f] = v }
        // The brief as given takes the text too: the record's "Reproduce with" is built from it
        // (twelfth retest: notes typed after a kept judgement were left out of it, as if assumed).
        var given = r.decision.given.values.filter { schema[$0.key]?.kind != .text }
        for (f, v) in values where schema[f]?.kind == .text { given[f] = v }
        guard now != r.decision.brief.values || given != r.decision.given.values,
              let b = try? Brief(schema: schema, values: now), let g = try? Brief(schema: schema, values: given) else { return kept }
        r.decision.brief = b
        r.decision.given = g
        var j = kept
        j.recommendation = r
        return j
    }

    /// The changes of one field that would change the pick (every one a recommender run); none for
    /// a brief that is not whole.
    func flips(_ guide: Guide) -> [Flip] {
        guard let b = brief(guide.decisions.brief) else { return [] }
        return Flips.analyze(b, with: Recommender(guide: guide))
    }

    /// What the guide makes of the values, kept for the frames and screens that follow.
    mutating func judge(_ library: Library) -> Judgement {
        if let kept = judged.peek(judgedKey(library)) { return withText(kept, library) }
        return judged.keep(judgedKey(library), judgement(library))
    }

    /// The same, the kept one when the values were judged already (a frame draws what the fit kept).
    func judgement(_ library: Library) -> Judgement {
        if let kept = judged.peek(judgedKey(library)) { return withText(kept, library) }
        let (r, problem) = outcome(library.guide)
        return Judgement(recommendation: r, problem: problem, flips: flips(library.guide))
    }

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

    /// The saved brief ^S writes back (as nano's ^S writes the file it opened): the one opened or last
    /// saved, while the brief keeps its modality and task; a draft, or a brief now of another problem
    /// (a name never describes another problem), is saved as a new brief (nil).
    var writesBack: String? {
        guard let file, let fileValues, !fileIsDraft, [BriefField.modality, .task].allSatisfy({ fileValues[$0] == values[$0] }) else { return nil }
        return file
    }

    /// Takes an opened file's values; returns what the form says about it ("Opened …", or how the
    /// file's values drifted from the schema).
    mutating func load(_ values: [BriefField: BriefValue], from path: String, drift: String? = nil, draft: Bool = false, shownAs name: String) -> String {
        self.values = values
        fromAnswers = nil
        lastField = 0
        fileValues = values
        file = path
        fileIsDraft = draft
        savedRecord = nil
        return drift ?? "Opened " + name
    }

    /// Once the modality or task is no longer the answers' (`fromAnswers`), the other values that
    /// came from the answers and were not typed over go, as they described another brief: what the
    /// message line says of it ("Cleared samples and deploy, which came from …"), or nil.
    mutating func dropStaleAnswers(_ schema: BriefSchema) -> String? {
        guard let answers = fromAnswers else { return nil }
        let defining: [BriefField] = [.modality, .task]
        guard defining.contains(where: { answers[$0] != nil && values[$0] != answers[$0] }) else { return nil }
        fromAnswers = nil
        let stale = schema.fields.map(\.field).filter { !defining.contains($0) && answers[$0] != nil && values[$0] == answers[$0] }
        guard !stale.isEmpty else { return nil }
        for f in stale { values[f] = nil }
        let names = stale.map(\.name)
        let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
        let flow = answers[.modality].map { "your \($0) answers" } ?? "your answers in the primary flow"
        return "Cleared \(list), which came from \(flow)"
    }

    /// The values are in `path` now (the message line says so; the form does not say it again).
    mutating func saved(to path: String) {
        file = path
        fileIsDraft = false
        fileValues = values
    }

    /// The values a choice or flag field cycles through; nil for a typed field. A choice offers only
    /// the values that apply with the other values (`applies_to`: the tasks of the chosen modality).
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

    /// Steps a choice or flag through its values and "not set"; false for a typed field.
    mutating func cycle(_ spec: BriefFieldSpec, by step: Int, _ schema: BriefSchema) -> Bool {
        guard let vs = choices(spec, schema) else { return false }
        let all: [BriefValue?] = [nil] + vs.map(Optional.some)
        let i = all.firstIndex(of: values[spec.field]) ?? 0
        values[spec.field] = all[(i + step + all.count) % all.count]
        return true
    }

    /// "a modality and a task": the fields a brief must give, for messages.
    static func requiredList(_ schema: BriefSchema) -> String {
        let names = schema.required.map { "a " + $0.name }
        return names.count <= 1 ? (names.first ?? "a field") : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}

/// What the guide makes of a brief's values: the recommendation or why there is none (both nil: the
/// brief is not whole), and the one-field changes that would change the pick.
struct Judgement: Sendable {
    var recommendation: Recommendation?
    var problem: String?
    var flips: [Flip]
    /// The fields whose change would change the pick: the form marks them.
    var pivots: Set<BriefField> { Set(flips.map(\.field)) }
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
