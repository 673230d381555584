/// The hand-written readers (`FieldReading`): each gives what the type's `init(from:)` gives, field
/// for field, or throws. Keep one in step with its `init(from:)`: FieldReadingTests fail when a field
/// is read differently or not at all.

extension Page: FieldReadable {
    init<M: FieldMap>(fields m: M) throws {
        self.init(id: try m.text("id"), title: try m.text("title"), short: try m.optionalText("short"),
                  summary: try m.optionalText("summary"), origin: try m.origin() ?? .guide)
        let placed = try m.optionalItems("blocks", PlacedBlock.self)
        blocks = placed.map(\.block)
        blockOrigins = placed.map(\.origin)
        blockEvidence = placed.contains { !$0.evidence.isEmpty } ? placed.map(\.evidence) : []
        sections = try m.optionalItems("sections", Page.self)
        evidence = try m.evidence()
    }
}

extension PlacedBlock: FieldReadable {
    init<M: FieldMap>(fields m: M) throws {
        self.init(block: try Block(fields: m), origin: try m.origin(), evidence: try m.evidence())
    }
}

extension Block: FieldReadable {
    init<M: FieldMap>(fields m: M) throws {
        // Exactly one key besides origin, sources and reviewed names the kind.
        var kind: (String, M.Value)?
        try m.forEachPair { key, value in
            guard let key else { throw Unfit() }
            if key == "origin" || key == "sources" || key == "reviewed" { return }
            guard kind == nil else { throw Unfit() }
            kind = (key, value)
        }
        guard let (name, v) = kind else { throw Unfit() }
        switch name {
        case "p": self = .paragraph(try v.text())
        case "list": self = .list(try v.list({ try ListItem(value: $0) }))
        case "steps": self = .steps(try v.list({ try ListItem(value: $0) }))
        case "defs": self = .definitions(try v.list { try $0.read(Definition.self) })
        case "table": self = .table(try v.read(Table.self))
        case "figure": self = .figure(try v.read(Figure.self))
        case "callout": self = .callout(try v.read(Callout.self))
        case "pre": self = .preformatted(try v.text())
        default: throw Unfit()
        }
    }
}

extension ListItem {
    init<V: ValueSource>(value v: V) throws {
        if let s = v.scalarText { self.init(text: s); return }
        let m = try v.map()
        self.init(label: try m.optionalText("label"), text: try m.text("text"), items: try m.optionalList("items", { try ListItem(value: $0) }))
    }
}

extension Definition: FieldReadable {
    init<M: FieldMap>(fields m: M) throws { self.init(term: try m.text("term"), text: try m.text("text")) }
}

extension Table: FieldReadable {
    init<M: FieldMap>(fields m: M) throws {
        self.init(id: try m.text("id"), title: try m.text("title"), caption: try m.optionalText("caption"),
                  columns: try m.texts("columns"), rows: try m.list("rows") { try $0.texts() },
                  architectures: try m.present("architectures")?.texts(), notes: try m.optionalText("notes"))
    }
}

extension Figure: FieldReadable {
    init<M: FieldMap>(fields m: M) throws {
        self.init(id: try m.text("id"), title: try m.text("title"), caption: try m.optionalText("caption"),
                  tree: try m.list("tree", { try TreeNode(value: $0) }))
    }
}

extension TreeNode {
    init<V: ValueSource>(value v: V) throws {
        if let s = v.scalarText { self.init(label: s); return }
        let m = try v.map()
        self.init(label: try m.text("label"), children: try m.optionalList("children", { try TreeNode(value: $0) }))
    }
}

extension Callout: FieldReadable {
    init<M: FieldMap>(fields m: M) throws {
        self.init(kind: try m.raw("kind", Callout.Kind.self), title: try m.optionalText("title"), text: try m.text("text"))
    }
}

// MARK: glossary, catalog, sources

extension GlossaryEntry: FieldReadable {
    init<M: FieldMap>(fields m: M) throws {
        self.init(id: try m.text("id"), term: try m.text("term"), aliases: try m.optionalTexts("aliases"),
                  definition: try m.text("definition"), related: try m.optionalTexts("related"),
                  usedIn: try m.optionalTexts("used_in"), inSourceGlossary: try m.present("source_glossary")?.bool() ?? false,
                  origin: try m.origin() ?? .guide)
        see = try m.optionalTexts("see")
        notes = try m.optionalList("team_notes") { try $0.decoded(TeamNote.self) }
        evidence = try m.evidence()
    }
}

extension Architecture: FieldReadable {
    init<M: FieldMap>(fields m: M) throws {
        self.init(id: try m.text("id"), name: try m.text("name"), short: try m.optionalText("short"),
                  family: try m.text("family"), fits: try m.texts("fits"), summary: try m.text("summary"),
                  data: try m.text("data"), variants: try m.items("variants", Variant.self),
                  strengths: try m.texts("strengths"), limitations: try m.texts("limitations"),
                  cost: try m.required("cost").read(CostProfile.self),
                  traits: try m.present("traits")?.map().dictionary { try $0.text() } ?? [:],
                  deepDive: try m.text("deep_dive"), glossary: try m.optionalText("glossary"))
        origin = try m.origin() ?? .guide
        notes = try m.optionalList("team_notes") { try $0.decoded(TeamNote.self) }
        evidence = try m.evidence()
    }
}

extension Variant: FieldReadable {
    init<M: FieldMap>(fields m: M) throws { self.init(name: try m.text("name"), use: try m.text("use")) }
}

extension CostProfile: FieldReadable {
    init<M: FieldMap>(fields m: M) throws {
        self.init(training: try m.text("training"), inference: try m.text("inference"), memory: try m.text("memory"),
                  note: try m.optionalText("note"),
                  perPredictionMs: try m.present("per_prediction_ms")?.map().dictionary { try $0.double() } ?? [:])
    }
}

extension Family: FieldReadable {
    init<M: FieldMap>(fields m: M) throws {
        self.init(id: try m.text("id"), name: try m.text("name"), principle: try m.optionalText("principle"))
    }
}

extension Criterion: FieldReadable {
    init<M: FieldMap>(fields m: M) throws { self.init(id: try m.text("id"), name: try m.text("name"), help: try m.optionalText("help")) }
}

extension Catalog: FieldReadable {
    init<M: FieldMap>(fields m: M) throws {
        self.init(families: try m.items("families", Family.self), criteria: try m.items("criteria", Criterion.self),
                  architectures: try m.items("architectures", Architecture.self))
    }
}

extension Source: FieldReadable {
    init<M: FieldMap>(fields m: M) throws {
        // `authors` is a list (joined) or one text, as `init(from:)` tries them.
        let authors: String?
        if let v = m.present("authors"), v.scalarText == nil { authors = try v.texts().joined(separator: ", ") } else { authors = try m.optionalText("authors") }
        self.init(id: try m.text("id"), title: try m.text("title"), authors: authors, organisation: try m.optionalText("organisation"),
                  year: try m.present("year")?.int(), kind: try m.raw("kind", Source.Kind.self), url: try m.optionalText("url"))
    }
}

// MARK: decisions: the trees come in hundreds; the rest of the book is read through init(from:)

extension DecisionBook: FieldReadable {
    init<M: FieldMap>(fields m: M) throws {
        self.init(brief: try m.present("brief")?.decoded(BriefSchema.self) ?? BriefSchema(),
                  trees: try m.optionalItems("trees", DecisionTree.self),
                  thresholds: try m.present("thresholds")?.decoded([Threshold].self) ?? [],
                  filters: try m.present("filters")?.decoded([ConstraintFilter].self) ?? [],
                  gaps: try m.present("gaps")?.decoded([Gap].self) ?? [],
                  defaults: try m.present("defaults")?.decoded([FieldDefault].self) ?? [],
                  contradictions: try m.present("contradictions")?.decoded([DecisionRule].self) ?? [],
                  nextSteps: try m.present("next_steps")?.decoded([DecisionRule].self) ?? [],
                  examples: try m.present("examples")?.decoded([GuideExample].self) ?? [])
    }
}

extension DecisionTree: FieldReadable {
    init<M: FieldMap>(fields m: M) throws {
        self.init(id: try m.text("id"), role: try m.present("role").map { _ in try m.raw("role", TreeRole.self) },
                  title: try m.text("title"), summary: try m.optionalText("summary"), source: try m.text("source"),
                  start: try m.text("start"), nodes: try m.items("nodes", DecisionNode.self))
    }
}

extension DecisionNode: FieldReadable {
    init<M: FieldMap>(fields m: M) throws {
        self.init(id: try m.text("id"), question: try m.optionalText("question"), help: try m.optionalText("help"),
                  options: try m.optionalItems("options", DecisionOption.self), title: try m.optionalText("title"),
                  pick: try m.optionalTexts("pick"), alternatives: try m.optionalList("alternatives", { try Alternative(value: $0) }),
                  variants: try m.optionalTexts("variants"), why: try m.optionalText("why"),
                  whyNot: try m.optionalItems("why_not", WhyNot.self), warnings: try m.optionalTexts("warnings"),
                  nextSteps: try m.optionalTexts("next_steps"), refine: try m.present("refine")?.read(Refinement.self),
                  see: try m.optionalTexts("see"))
        deviceVariants = try m.optionalTexts("device_variants")
        origin = try m.origin()
        evidence = try m.evidence()
    }
}

extension DecisionOption: FieldReadable {
    init<M: FieldMap>(fields m: M) throws {
        self.init(answer: try m.text("answer"), hint: try m.optionalText("hint"), why: try m.optionalText("why"),
                  next: try m.text("next"), when: try m.present("when").map({ try BriefCondition(value: $0) }),
                  assume: try m.optionalText("assume"), see: try m.optionalTexts("see"))
        origin = try m.origin()
        evidence = try m.evidence()
    }
}

extension Alternative {
    init<V: ValueSource>(value v: V) throws {
        if let s = v.scalarText { self.init(id: s); return }
        let m = try v.map()
        self.init(id: try m.text("id"), reason: try m.optionalText("reason"))
    }
}

extension WhyNot: FieldReadable {
    init<M: FieldMap>(fields m: M) throws { self.init(id: try m.text("id"), reason: try m.text("reason")) }
}

extension Refinement: FieldReadable {
    init<M: FieldMap>(fields m: M) throws { self.init(tree: try m.text("tree"), node: try m.text("node")) }
}

extension BriefCondition {
    /// A mapping of field to value or values, or a list of such mappings (any one must hold).
    init<V: ValueSource>(value v: V) throws {
        func clause(_ m: V.Map) throws -> Clause {
            try BriefCondition.clause(m.dictionary { v in
                if let s = v.scalarText { return [s] }
                return try v.texts()
            })
        }
        if let m = try? v.map() { self.init(anyOf: [try clause(m)]) } else { self.init(anyOf: try v.list { try clause($0.map()) }) }
    }
}
