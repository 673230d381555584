import Testing
@testable import NNGuideCore

/// Provenance is one rule (issue 23, eighth retest): deciding by answers labelled reasoning nnguide
/// added ("Compact CNNs pretrained on ImageNet…") "guide: 3.2 CNNs", where the recommender says
/// "added to the guide; see 3.2 CNNs". Every path through every tree, stepped by hand, must label
/// each reason by the origin of the answer or leaf it comes from.
@Suite struct ReasonOriginTests {
    func plain(_ s: String) -> String { InlineParser.plain(s).trimmed() }

    /// Every answer's and leaf's `why` in the book, with whether nnguide added it.
    func origins(_ book: DecisionBook) -> [String: Set<Bool>] {
        var out: [String: Set<Bool>] = [:]
        for t in book.trees {
            for n in t.nodes {
                if let w = n.why { out[plain(w), default: []].insert(n.origin == .added) }
                for o in n.options { if let w = o.why { out[plain(w), default: []].insert(o.origin == .added) } }
            }
        }
        return out
    }

    /// Every answer path from the start of `tree` to a leaf.
    func paths(_ tree: DecisionTree, _ schema: BriefSchema) -> [Navigator] {
        var done: [Navigator] = [], todo = [Navigator(tree: tree, schema: schema)]
        while let n = todo.popLast() {
            if n.isAtLeaf { done.append(n); continue }
            for i in n.current.options.indices { var next = n; if next.choose(i) { todo.append(next) } }
        }
        return done
    }

    @Test func everyReasonOnEveryAnswerPathIsLabelledByItsOwnOrigin() throws {
        let guide = try #require(Fixtures.real.guide)
        let book = guide.decisions, known = origins(book)
        var added = 0, checked = 0
        for tree in book.trees {
            for path in paths(tree, book.brief) {
                let d = try #require(path.decision(catalog: guide.catalog, guide: guide))
                for r in d.because {
                    guard let kinds = known[r.text], kinds.count == 1, let isAdded = kinds.first else { continue }
                    let where_ = "\(tree.id) \(path.answers.map(\.option)): \(r.text)"
                    switch r.source {
                    case .added?: #expect(isAdded, "labelled added but is the guide's: \(where_)"); added += 1
                    case .page?: #expect(!isAdded, "labelled guide but nnguide added it: \(where_) (\(r.source?.label ?? ""))")
                    default: Issue.record("no page source: \(where_)")
                    }
                    checked += 1
                }
            }
        }
        // The test only means something if added reasoning lies on some path.
        #expect(checked > 0 && added > 0, "checked \(checked), added \(added)")
    }
}
