/// Lint for decisions.yaml. Trees must be whole: the start exists, every answer leads to a node of the
/// same tree, every node can be reached, there are no cycles, no question is a dead end, every answer
/// and leaf says why and links to a page, and every id a leaf names is in the catalog. The recommender's
/// data (bands, filters, gaps, defaults, rules, examples) must name real fields, values, ids and pages.
extension ContentChecks {
    var book: DecisionBook { guide.decisions }

    mutating func checkTrees() {
        var treeIDs: Set<String> = []
        for tree in book.trees {
            let tkey = "tree:" + tree.id
            if !treeIDs.insert(tree.id).inserted { problem(tkey, "duplicate tree id '\(tree.id)'") }
            if guide.pageID(showing: tree.source) == nil { problem(tkey, "tree '\(tree.id)': source '\(tree.source)' is not a page id") }
            var ids: Set<String> = []
            for n in tree.nodes where !ids.insert(n.id).inserted { problem("node:\(tree.id)/\(n.id)", "tree '\(tree.id)': duplicate node id '\(n.id)'") }
            if tree.node(tree.start) == nil { problem(tkey, "tree '\(tree.id)': start '\(tree.start)' is not a node id") }
            for n in tree.nodes { checkNode(n, in: tree) }
            checkReachability(tree)
        }
        if !book.trees.isEmpty && book.tree(DecisionBook.primaryTreeID) == nil {
            problem("tree:", "no tree has the id '\(DecisionBook.primaryTreeID)': the recommender starts there")
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
        checkExamples()
    }

    // MARK: trees

    mutating func checkNode(_ n: DecisionNode, in tree: DecisionTree) {
        let key = "node:\(tree.id)/\(n.id)"
        if n.isLeaf {
            if !n.options.isEmpty { problem(key, "node '\(n.id)' has both pick and options: a node is a question or a leaf") }
            for id in n.pick + n.alternatives.map(\.id) + n.whyNot.map(\.id) where guide.architecture(id) == nil {
                problem(key, "node '\(n.id)' names unknown catalog id '\(id)'")
            }
            if n.why == nil { problem(key, "leaf '\(n.id)' does not say why") }
            if n.see.isEmpty { problem(key, "leaf '\(n.id)' links to no page: add 'see' with the deep-dive's page id") }
            if let r = n.refine { checkRefinement(r, of: n, in: tree, key: key) }
        } else {
            if n.question == nil { problem(key, "node '\(n.id)' has neither a question nor a pick") }
            if n.options.isEmpty { problem(key, "dead end: question '\(n.id)' has no options") }
            for o in n.options {
                if tree.node(o.next) == nil {
                    problem(key, "node '\(n.id)': answer '\(o.answer)' leads to '\(o.next)', which is not a node of '\(tree.id)'")
                }
                if o.why == nil { problem(key, "node '\(n.id)': answer '\(o.answer)' does not say why") }
                if o.see.isEmpty { problem(key, "node '\(n.id)': answer '\(o.answer)' links to no page: add 'see'") }
                for s in o.see where guide.pageID(showing: s) == nil { problem(key, "node '\(n.id)': answer '\(o.answer)': see '\(s)' is not a page id") }
                for p in o.when?.problems ?? [] { problem(key, "node '\(n.id)': answer '\(o.answer)': \(p)") }
            }
            var answers: Set<String> = []
            for o in n.options where !answers.insert(o.answer).inserted { problem(key, "node '\(n.id)': the answer '\(o.answer)' appears twice") }
            if n.refine != nil { problem(key, "question '\(n.id)' has 'refine': only a leaf can be refined") }
        }
        for s in n.see where guide.pageID(showing: s) == nil { problem(key, "node '\(n.id)': see '\(s)' is not a page id") }
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
        guard tree.node(tree.start) != nil else { return }
        // Depth-first from the start: grey nodes are on the current path, so meeting one again is a cycle.
        var state: [String: Int] = [:]
        var cycles: [String] = []
        func visit(_ id: String, _ path: [String]) {
            guard let node = tree.node(id) else { return }
            if state[id] == 1 { cycles.append((path + [id]).joined(separator: " -> ")); return }
            if state[id] == 2 { return }
            state[id] = 1
            for o in node.options { visit(o.next, path + [id]) }
            state[id] = 2
        }
        visit(tree.start, [])
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
            if BriefField(rawValue: f.field) == nil {
                problem(key, "filter '\(f.id)': field '\(f.field)' is not a brief field; expected one of: \(BriefField.allCases.map(\.name).joined(separator: ", "))")
            }
            for s in f.see where guide.pageID(showing: s) == nil { problem(key, "filter '\(f.id)': see '\(s)' is not a page id") }
            checkLinks(f.summary, key: key)
            for (j, r) in f.rules.enumerated() {
                checkRule(r, key: "decisions:filter#\(i)/\(j)", what: "filter '\(f.id)' rule \(j + 1)")
                if let w = r.when, !w.anyOf.allSatisfy({ $0.keys.contains(f.field) }) {
                    problem("decisions:filter#\(i)/\(j)", "filter '\(f.id)' rule \(j + 1): every 'when' mapping must test the filter's field '\(f.field)'")
                }
            }
        }
    }

    mutating func checkGaps() {
        for (i, g) in book.gaps.enumerated() {
            let key = "decisions:gap#\(i)"
            if g.consider.isEmpty { problem(key, "gap '\(g.id)' considers nothing") }
            for id in g.consider where guide.architecture(id) == nil { problem(key, "gap '\(g.id)' names unknown catalog id '\(id)'") }
            for s in g.see where guide.pageID(showing: s) == nil { problem(key, "gap '\(g.id)': see '\(s)' is not a page id") }
            checkLinks(g.why, key: key)
        }
    }

    mutating func checkDefaults() {
        for (i, d) in book.defaults.enumerated() {
            let key = "decisions:default#\(i)"
            guard let field = BriefField(rawValue: d.field) else {
                problem(key, "default for unknown brief field '\(d.field)'; expected one of: \(BriefField.allCases.map(\.name).joined(separator: ", "))"); continue
            }
            if field.isRequired { problem(key, "'\(d.field)' is required in every brief; it cannot have a default") }
            if let v = d.value { do { _ = try field.parse(v) } catch { problem(key, "default for '\(d.field)': \(error.description)") } }
            for p in d.when?.problems ?? [] { problem(key, "default for '\(d.field)': \(p)") }
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
            for p in e.parsedBrief.problems { problem(key, "example '\(e.id)': brief: \(p)") }
            if e.expect.isEmpty { problem(key, "example '\(e.id)' expects no pick") }
            for id in e.expect + e.whyNot where guide.architecture(id) == nil { problem(key, "example '\(e.id)' names unknown catalog id '\(id)'") }
            for s in e.see where guide.pageID(showing: s) == nil { problem(key, "example '\(e.id)': see '\(s)' is not a page id") }
        }
    }

    mutating func checkRule(_ r: DecisionRule, key: String, what: String) {
        for p in r.when?.problems ?? [] { problem(key, "\(what): \(p)") }
        for id in r.catalogIDs where guide.architecture(id) == nil { problem(key, "\(what) names unknown catalog id '\(id)'") }
        for s in r.see where guide.pageID(showing: s) == nil { problem(key, "\(what): see '\(s)' is not a page id") }
        for text in [r.says].compactMap({ $0 }) + r.out.map(\.reason) + (r.warn + r.next).map(\.text) { checkLinks(text, key: key) }
    }
}

enum DecisionChecks {
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
