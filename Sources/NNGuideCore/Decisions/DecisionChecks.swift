/// Lint for decisions.yaml. Trees must be whole: the start exists, every answer leads to a node of the
/// same tree, every node can be reached, there are no cycles, no question is a dead end, every answer
/// and leaf says why and links to a page, and every id a leaf names is in the catalog. The recommender's
/// data (bands, filters, gaps, defaults, rules, examples) must name real fields, values, ids and pages.
extension ContentChecks {
    var book: DecisionBook { guide.decisions }

    mutating func checkTrees() {
        checkBriefSchema()
        var treeIDs: Set<String> = []
        for tree in book.trees {
            let tkey = "tree:" + tree.id
            if !treeIDs.insert(tree.id).inserted { problem(tkey, "duplicate tree id '\(tree.id)'") }
            require(.page(tree.source), tkey, "tree '\(tree.id)': source '\(tree.source)' is not a page id")
            var ids: Set<String> = []
            for n in tree.nodes where !ids.insert(n.id).inserted { problem("node:\(tree.id)/\(n.id)", "tree '\(tree.id)': duplicate node id '\(n.id)'") }
            if tree.node(tree.start) == nil { problem(tkey, "tree '\(tree.id)': start '\(tree.start)' is not a node id") }
            for n in tree.nodes { checkNode(n, in: tree, ids: ids) }
            checkReachability(tree)
        }
        let primaries = book.trees(.primary)
        for extra in primaries.dropFirst() {
            problem("tree:" + extra.id, "tree '\(extra.id)' has role primary, and so has '\(primaries[0].id)': the recommender starts from one tree")
        }
        checkThresholds()
        checkFilters()
        checkGaps()
        checkDefaults()
        for (i, r) in book.contradictions.enumerated() {
            let key = "decisions:contradictions#\(i)"
            if r.warn.isEmpty { problem(key, "contradiction \(i + 1) has no 'warn' text") }
            checkRule(r, key: key, what: "contradiction \(i + 1)")
        }
        for (i, r) in book.nextSteps.enumerated() {
            let key = "decisions:next_steps#\(i)"
            if r.next.isEmpty { problem(key, "next step rule \(i + 1) has no 'next' text") }
            checkRule(r, key: key, what: "next step rule \(i + 1)")
        }
        checkOrigins()
        // Only items with evidence or added material have anything to check.
        for item in book.evidenceItems(where: { origin, evidence in !evidence.isEmpty || origin == .added }) {
            checkEvidence(item.evidence, key: item.key, what: item.what)
            checkAddedFact(item.origin, item.evidence, item.texts, key: item.key, what: item.what)
        }
        if replaysExamples { checkExamples() }
    }

    /// A book that says where its decisions come from says it everywhere: once any node, answer, filter,
    /// rule or default names an `origin`, every one must (the guide's pick is computed from them).
    mutating func checkOrigins() {
        var all = 0, named = 0
        var refilled: [(key: String, what: String)] = []
        forEachOrigin { origin, name in
            all += 1
            if origin != nil { named += 1 }
            // `refilled` is content's word for a list the source lost; a decision is the guide's or added, never refilled.
            if origin == .refilled { refilled.append(name()) }
        }
        for m in refilled {
            problem(m.key, "\(m.what) has origin: refilled, which is for lists the source lost; a decision is origin: guide or origin: added")
        }
        guard named > 0, named < all else { return }  // content that predates provenance names none
        var missing: [(key: String, what: String)] = []
        forEachOrigin { origin, name in if origin == nil { missing.append(name()) } }
        for m in missing { problem(m.key, "\(m.what) has no origin; write origin: guide (the guide's own) or origin: added") }
    }

    /// Every node, answer, filter, rule, band and default in file order with its origin, and how to
    /// name it in a message (its location key and what it is): named only for a message, since a
    /// clean book has thousands of them at 100x.
    func forEachOrigin(_ body: (Origin?, () -> (key: String, what: String)) -> Void) {
        for t in book.trees {
            for n in t.nodes {
                body(n.origin) { ("node:\(t.id)/\(n.id)", "node '\(n.id)' of tree '\(t.id)'") }
                for o in n.options { body(o.origin) { ("node:\(t.id)/\(n.id)", "answer '\(o.answer)' of '\(n.id)'") } }
            }
        }
        for (i, f) in book.filters.enumerated() {
            body(f.origin) { ("decisions:filter#\(i)", "filter '\(f.id)'") }
            for (j, r) in f.rules.enumerated() { body(r.origin) { ("decisions:filter#\(i)/\(j)", "rule '\(r.label ?? "\(j + 1)")' of filter '\(f.id)'") } }
        }
        for (i, t) in book.thresholds.enumerated() { body(t.rule.origin) { ("decisions:threshold#\(i)", "band '\(t.id)'") } }
        for (i, r) in book.contradictions.enumerated() { body(r.origin) { ("decisions:contradictions#\(i)", "contradiction \(i + 1)") } }
        for (i, r) in book.nextSteps.enumerated() { body(r.origin) { ("decisions:next_steps#\(i)", "next step rule \(i + 1)") } }
        for (i, d) in book.defaults.enumerated() { body(d.origin) { ("decisions:default#\(i)", "default for '\(d.field)'") } }
    }

    // MARK: the brief schema

    /// The `brief:` section is whole, every value an architecture `fits` is a modality it declares,
    /// and everything that names a field (conditions, filters, defaults, examples) names a real one.
    mutating func checkBriefSchema() {
        let schema = book.brief
        for p in schema.problems { problem("decisions:brief#\(p.index)", p.message) }
        let usesBrief = !book.thresholds.isEmpty || !book.filters.isEmpty || !book.defaults.isEmpty || !book.examples.isEmpty
            || book.trees.contains { $0.nodes.contains { $0.options.contains { $0.when != nil } } }
        if schema.fields.isEmpty && usesBrief {
            problem("decisions:top", "decisions.yaml has no 'brief' section: the conditions, filters, defaults and examples name brief fields it must declare")
        }
        if !book.thresholds.isEmpty, schema[.samples]?.kind != .integer {
            problem("decisions:top", "the data bands (thresholds) read the brief field 'samples', which must be declared with kind integer")
        }
        guard let modality = schema[.modality], modality.kind == .choice else { return }
        for a in guide.catalog.architectures {
            for m in a.fits where !modality.choices.contains(m) {
                problem("a:" + a.id, "architecture '\(a.id)': fits '\(m)' is not a modality; expected one of: \(modality.validValues) (decisions.yaml, brief)")
            }
            if let deploy = schema.field(.target) {
                for (d, ms) in a.cost.perPredictionMs.sorted(by: { $0.key < $1.key }) {
                    if !deploy.choices.contains(d) {
                        problem("a:" + a.id, "architecture '\(a.id)': per_prediction_ms '\(d)' is not a \(deploy.name) value; expected one of: \(deploy.validValues) (decisions.yaml, brief)")
                    }
                    if !(ms > 0) || !ms.isFinite { problem("a:" + a.id, "architecture '\(a.id)': per_prediction_ms '\(d)' must be a positive number of milliseconds") }
                }
            }
        }
    }

    // MARK: trees

    mutating func checkNode(_ n: DecisionNode, in tree: DecisionTree, ids: Set<String>) {
        let key = "node:\(tree.id)/\(n.id)"
        if n.isLeaf {
            if !n.options.isEmpty { problem(key, "node '\(n.id)' has both pick and options: a node is a question or a leaf") }
            for id in n.pick + n.alternatives.map(\.id) + n.whyNot.map(\.id) {
                require(.architecture(id), key, "node '\(n.id)' names unknown catalog id '\(id)'")
            }
            if n.why == nil { problem(key, "leaf '\(n.id)' does not say why") }
            if let r = n.refine { checkRefinement(r, of: n, in: tree, key: key) }
        } else {
            if n.question == nil { problem(key, "node '\(n.id)' has neither a question nor a pick") }
            if n.options.isEmpty { problem(key, "dead end: question '\(n.id)' has no options") }
            for o in n.options {
                if !ids.contains(o.next) {
                    problem(key, "node '\(n.id)': answer '\(o.answer)' leads to '\(o.next)', which is not a node of '\(tree.id)'")
                }
                for s in o.see { require(.page(s), key, "node '\(n.id)': answer '\(o.answer)': see '\(s)' is not a page id") }
                for p in o.when?.problems(in: book.brief) ?? [] { problem(key, "node '\(n.id)': answer '\(o.answer)': \(p)") }
            }
            var answers: Set<String> = []
            for o in n.options where !answers.insert(o.answer).inserted { problem(key, "node '\(n.id)': the answer '\(o.answer)' appears twice") }
            if n.refine != nil { problem(key, "question '\(n.id)' has 'refine': only a leaf can be refined") }
        }
        for s in n.see { require(.page(s), key, "node '\(n.id)': see '\(s)' is not a page id") }
        let texts = [n.question, n.help, n.why].compactMap { $0 } + n.options.flatMap { [$0.why, $0.hint, $0.assume].compactMap { $0 } }
            + n.whyNot.map(\.reason) + n.alternatives.compactMap(\.reason) + n.warnings + n.nextSteps
        for text in texts { checkLinks(text, key: key) }
    }

    /// A refinement must lead to a node of another tree, and every leaf it can reach must pick
    /// something this leaf already offers: Part 4 chooses within the family Part 5 chose.
    mutating func checkRefinement(_ r: Refinement, of leaf: DecisionNode, in tree: DecisionTree, key: String) {
        guard let target = book.tree(r.tree), r.tree != tree.id else {
            problem(key, "leaf '\(leaf.id)': refine tree '\(r.tree)' is not another tree's id"); return
        }
        guard target.node(r.node) != nil else {
            problem(key, "leaf '\(leaf.id)': refine node '\(r.node)' is not a node of '\(r.tree)'"); return
        }
        let offered = Set(leaf.pick + leaf.alternatives.map(\.id))
        for reached in DecisionChecks.leaves(from: r.node, in: target) {
            for id in reached.pick.prefix(1) where !offered.contains(id) {
                problem(key, "leaf '\(leaf.id)': refining through '\(r.tree)/\(r.node)' can reach leaf '\(reached.id)', which picks '\(id)'; add it to this leaf's alternatives or refine from a narrower node")
            }
        }
    }

    mutating func checkReachability(_ tree: DecisionTree) {
        // Each id's first node by its place, not a copy of the node.
        let nodes = Dictionary(tree.nodes.indices.map { (tree.nodes[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        guard nodes[tree.start] != nil else { return }
        // Depth-first from the start: grey nodes are on the current path, so meeting one again is a
        // cycle. An explicit stack, not recursion: a tree may be thousands of nodes deep.
        var state: [String: Int] = [tree.start: 1]
        var cycles: [String] = []
        var path: [(id: String, next: Int)] = [(tree.start, 0)]
        while let top = path.last {
            let options = nodes[top.id].map { tree.nodes[$0].options } ?? []
            guard top.next < options.count else {
                state[top.id] = 2
                path.removeLast()
                continue
            }
            path[path.count - 1].next += 1
            let next = options[top.next].next
            guard nodes[next] != nil else { continue }
            switch state[next] {
            case 1: cycles.append((path.map(\.id) + [next]).joined(separator: " -> "))
            case 2: break
            default: state[next] = 1; path.append((next, 0))
            }
        }
        for c in cycles { problem("tree:" + tree.id, "tree '\(tree.id)' has a cycle: \(c)") }
        for n in tree.nodes where state[n.id] == nil {
            problem("node:\(tree.id)/\(n.id)", "tree '\(tree.id)': node '\(n.id)' cannot be reached from '\(tree.start)'")
        }
    }

    // MARK: the recommender's data

    mutating func checkThresholds() {
        var expected = 0
        for (i, t) in book.thresholds.enumerated() {
            let key = "decisions:threshold#\(i)"
            if t.min != expected { problem(key, "threshold '\(t.id)' starts at \(t.min); expected \(expected) so the bands leave no gap and do not overlap") }
            if let max = t.max {
                if max <= t.min { problem(key, "threshold '\(t.id)': max \(max) is not above min \(t.min)") }
                expected = max
            } else if i != book.thresholds.count - 1 {
                problem(key, "threshold '\(t.id)' has no max but is not the last band")
            }
            if t.rule.when != nil { problem(key, "threshold '\(t.id)': a band's condition is its min and max; remove 'when'") }
            checkRule(t.rule, key: key, what: "threshold '\(t.id)'")
            checkLinks(t.canDo, key: key)
        }
        if let last = book.thresholds.last, last.max != nil { problem("decisions:threshold#\(book.thresholds.count - 1)", "the last threshold '\(last.id)' must have no max") }
    }

    mutating func checkFilters() {
        var ids: Set<String> = []
        for (i, f) in book.filters.enumerated() {
            let key = "decisions:filter#\(i)"
            if !ids.insert(f.id).inserted { problem(key, "duplicate filter id '\(f.id)'") }
            if book.brief[BriefField(f.field)] == nil {
                problem(key, "filter '\(f.id)': field '\(f.field)' is not a brief field; expected one of: \(book.brief.fieldList)")
            }
            for s in f.see { require(.page(s), key, "filter '\(f.id)': see '\(s)' is not a page id") }
            checkLinks(f.summary, key: key)
            for (j, r) in f.rules.enumerated() {
                checkRule(r, key: "decisions:filter#\(i)/\(j)", what: "filter '\(f.id)' rule \(j + 1)")
                if let w = r.when, !w.anyOf.allSatisfy({ $0.test(BriefField(f.field)) != nil }) {
                    problem("decisions:filter#\(i)/\(j)", "filter '\(f.id)' rule \(j + 1): every 'when' mapping must test the filter's field '\(f.field)'")
                }
            }
        }
    }

    mutating func checkGaps() {
        for (i, g) in book.gaps.enumerated() {
            let key = "decisions:gap#\(i)"
            if g.consider.isEmpty { problem(key, "gap '\(g.id)' considers nothing") }
            for id in g.consider { require(.architecture(id), key, "gap '\(g.id)' names unknown catalog id '\(id)'") }
            for s in g.see { require(.page(s), key, "gap '\(g.id)': see '\(s)' is not a page id") }
            checkLinks(g.why, key: key)
        }
    }

    mutating func checkDefaults() {
        for (i, d) in book.defaults.enumerated() {
            let key = "decisions:default#\(i)"
            guard let field = book.brief[BriefField(d.field)] else {
                problem(key, "default for unknown brief field '\(d.field)'; expected one of: \(book.brief.fieldList)"); continue
            }
            if field.required { problem(key, "'\(d.field)' is required in every brief; it cannot have a default") }
            if let v = d.value { do { _ = try field.parse(v) } catch { problem(key, "default for '\(d.field)': \(error.description)") } }
            for p in d.when?.problems(in: book.brief) ?? [] { problem(key, "default for '\(d.field)': \(p)") }
            checkLinks(d.says, key: key)
        }
    }

    mutating func checkExamples() {
        var ids: Set<String> = []
        var numbers: Set<String> = []
        for (i, e) in book.examples.enumerated() {
            let key = "decisions:example#\(i)"
            if !ids.insert(e.id).inserted { problem(key, "duplicate example id '\(e.id)'") }
            if !numbers.insert("\(e.kind.rawValue)\(e.number)").inserted { problem(key, "two \(e.kind.rawValue) examples are numbered \(e.number)") }
            for p in e.parsedBrief(book.brief).problems { problem(key, "example '\(e.id)': brief: \(p)") }
            if e.expect.isEmpty { problem(key, "example '\(e.id)' expects no pick") }
            for id in e.expect + e.whyNot { require(.architecture(id), key, "example '\(e.id)' names unknown catalog id '\(id)'") }
            for s in e.see { require(.page(s), key, "example '\(e.id)': see '\(s)' is not a page id") }
        }
        // Replay the examples: content edits that change the guide's own picks are caught by lint.
        // When deferring (one file's checks for the cache), the whole content's problems are not known
        // yet: the replay runs when this part has none that could stop it, and the cross-file step
        // uses what it found only when the whole content has none (`ReplayRecord`).
        guard let before = deferred?.count else {
            guard problems.errors.isEmpty, replaysAtOnce else { return }
            replayExamples()
            return
        }
        guard replayMayRun() else { replay = .skipped; return }
        replayExamples()
        replay = .ran(Array(deferred![before...]))
        deferred!.removeSubrange(before...)
    }

    /// Whether the deferred records so far hold nothing that would make a whole load skip the replay:
    /// no problem, and no catalog id that is missing (this part holds the catalog). References to
    /// pages and the glossary cannot change the replay; when one is broken the whole load skips it.
    private func replayMayRun() -> Bool {
        deferred!.allSatisfy { record in
            guard let reference = record.reference else { return record.warning }
            if case .architecture = reference { return crossFile.resolves(reference) }
            return true
        }
    }

    mutating func replayExamples() {
        let recommender = Recommender(book: book, catalog: guide.catalog)
        for (i, e) in book.examples.enumerated() {
            guard let brief = e.parsedBrief(book.brief).brief else { continue }
            do {
                // nnguide may depart from the guide (origin: added), but then the guide's own flow must still give
                // the guide's pick, and the recommendation names it.
                let r = try recommender.recommend(brief)
                let guides = r.guidePick.map { $0.id } ?? r.pick.id
                if !e.expect.contains(guides ?? "") {
                    problem("decisions:example#\(i)", "example '\(e.id)': the guide's own flow picks '\(guides ?? "nothing")', but the guide's pick is \(e.expect.map { "'\($0)'" }.joined(separator: " or "))")
                }
            } catch {
                problem("decisions:example#\(i)", "example '\(e.id)' cannot be answered: \(error.message)")
            }
        }
    }

    mutating func checkRule(_ r: DecisionRule, key: String, what: String) {
        for p in r.when?.problems(in: book.brief) ?? [] { problem(key, "\(what): \(p)") }
        for id in r.catalogIDs { require(.architecture(id), key, "\(what) names unknown catalog id '\(id)'") }
        for s in r.see { require(.page(s), key, "\(what): see '\(s)' is not a page id") }
        for text in [r.says].compactMap({ $0 }) + r.out.map(\.reason) + (r.warn + r.next).map(\.text) { checkLinks(text, key: key) }
    }
}

enum DecisionChecks {
    /// Answers without a reason or a page, and leaves without a page: the issue asks every answer and
    /// leaf to say why and link to the guide. A test holds the real content to it; lint does not, so
    /// small fixtures stay small.
    static func unexplained(_ book: DecisionBook) -> [String] {
        var out: [String] = []
        for tree in book.trees {
            for n in tree.nodes {
                if n.isLeaf && n.see.isEmpty { out.append("\(tree.id)/\(n.id): leaf links to no page") }
                for o in n.options {
                    if o.why == nil { out.append("\(tree.id)/\(n.id): answer '\(o.answer)' does not say why") }
                    if o.see.isEmpty { out.append("\(tree.id)/\(n.id): answer '\(o.answer)' links to no page") }
                }
            }
        }
        return out
    }

    /// The leaves reachable from a node (cycle-safe).
    static func leaves(from start: String, in tree: DecisionTree) -> [DecisionNode] {
        var seen: Set<String> = []
        var out: [DecisionNode] = []
        var stack = [start]
        while let id = stack.popLast() {
            guard seen.insert(id).inserted, let n = tree.node(id) else { continue }
            if n.isLeaf { out.append(n) } else { stack.append(contentsOf: n.options.map(\.next).reversed()) }
        }
        return out
    }
}
