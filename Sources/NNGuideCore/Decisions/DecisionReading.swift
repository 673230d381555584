
/// Reading decisions.yaml: decode the book, flag misspelt keys, and remember where each tree, node,
/// filter, band, example and rule is defined so lint can point at its line.
extension Reader {
    mutating func decisions(_ node: Node) -> DecisionBook {
        let file = ContentLoader.decisionsFile
        checkKeys(node, ["brief", "trees", "thresholds", "filters", "gaps", "defaults", "contradictions", "next_steps", "examples"],
                  in: file, what: "decisions.yaml")
        let book = read(DecisionBook.self, node, file: file) ?? DecisionBook()

        func here(_ n: Node) -> SourceLocation { SourceLocation(file: file, line: n.mark?.line, column: n.mark?.column) }
        func each(_ key: String) -> [Node] { node.child(key)?.sequence.map(Array.init) ?? [] }

        for (i, f) in each("brief").enumerated() {
            checkKeys(f, ["name", "kind", "flag", "meaning", "required", "problem", "values", "min", "accepts", "applies_to", "role"], in: file, what: "brief field")
            locations["decisions:brief#\(i)"] = here(f)
            for v in f.child("values")?.sequence ?? Node.Sequence() { checkKeys(v, BriefChoice.yamlKeys, in: file, what: "brief value") }
        }
        for t in each("trees") {
            checkKeys(t, DecisionKeys.tree, in: file, what: "tree")
            guard let tid = t.child("id")?.string else { continue }
            locations["tree:" + tid] = here(t)
            for n in t.child("nodes")?.sequence ?? Node.Sequence() {
                checkKeys(n, DecisionKeys.node, in: file, what: "node")
                if let nid = n.child("id")?.string { locations["node:\(tid)/\(nid)"] = here(n) }
                if let r = n.child("refine") { checkKeys(r, ["tree", "node"], in: file, what: "refine") }
                for o in n.child("options")?.sequence ?? Node.Sequence() { checkKeys(o, DecisionKeys.option, in: file, what: "option") }
                for a in n.child("alternatives")?.sequence ?? Node.Sequence() where a.mapping != nil {
                    checkKeys(a, ["id", "reason"], in: file, what: "alternative")
                }
                for w in n.child("why_not")?.sequence ?? Node.Sequence() { checkKeys(w, ["id", "reason"], in: file, what: "why_not") }
            }
        }
        for (i, t) in each("thresholds").enumerated() {
            checkKeys(t, DecisionKeys.rule.union(["min", "max", "can_do"]).subtracting(["when"]), in: file, what: "threshold")
            locations["decisions:threshold#\(i)"] = here(t)
            checkRuleParts(t, file)
        }
        for (i, f) in each("filters").enumerated() {
            checkKeys(f, ["id", "name", "field", "question", "summary", "rules", "see", "origin"], in: file, what: "filter")
            locations["decisions:filter#\(i)"] = here(f)
            for (j, r) in (f.child("rules")?.sequence.map(Array.init) ?? []).enumerated() {
                checkKeys(r, DecisionKeys.rule, in: file, what: "filter rule")
                locations["decisions:filter#\(i)/\(j)"] = here(r)
                checkRuleParts(r, file)
            }
        }
        for (i, g) in each("gaps").enumerated() {
            checkKeys(g, ["id", "symptom", "consider", "why", "see"], in: file, what: "gap")
            locations["decisions:gap#\(i)"] = here(g)
        }
        for (i, d) in each("defaults").enumerated() {
            checkKeys(d, ["field", "when", "value", "says", "origin"], in: file, what: "default")
            locations["decisions:default#\(i)"] = here(d)
        }
        for key in ["contradictions", "next_steps"] {
            for (i, r) in each(key).enumerated() {
                checkKeys(r, DecisionKeys.rule, in: file, what: key == "contradictions" ? "contradiction" : "next step rule")
                locations["decisions:\(key)#\(i)"] = here(r)
                checkRuleParts(r, file)
            }
        }
        for (i, e) in each("examples").enumerated() {
            checkKeys(e, ["id", "kind", "number", "title", "problem", "brief", "expect", "guide_pick", "why_not", "see", "origin"], in: file, what: "example")
            locations["decisions:example#\(i)"] = here(e)
            // Without a schema (missing, or not decoded: already reported) there is nothing to check against.
            if let b = e.child("brief"), !book.brief.fields.isEmpty { checkKeys(b, Set(book.brief.fields.map(\.name)), in: file, what: "example brief") }
        }
        return book
    }

    private mutating func checkRuleParts(_ rule: Node, _ file: String) {
        for o in rule.child("out")?.sequence ?? Node.Sequence() { checkKeys(o, ["ids", "reason"], in: file, what: "out") }
        for key in ["warn", "next"] {
            for t in rule.child(key)?.sequence ?? Node.Sequence() where t.mapping != nil {
                checkKeys(t, ["ids", "except", "text"], in: file, what: key)
            }
        }
    }
}

/// The keys each mapping of decisions.yaml may have.
enum DecisionKeys {
    static let tree: Set<String> = ["id", "role", "title", "summary", "source", "start", "nodes"]
    static let node: Set<String> = ["id", "question", "help", "options", "title", "pick", "alternatives", "variants",
                                    "why", "why_not", "warnings", "next_steps", "refine", "see", "origin", "device_variants",
                                    "sources", "reviewed"]
    static let option: Set<String> = ["answer", "hint", "why", "next", "when", "assume", "see", "origin", "sources", "reviewed"]
    static let rule: Set<String> = ["id", "label", "when", "says", "out", "favor", "warn", "next", "see", "origin", "sources", "reviewed", "drop_variants"]
}
