import Testing
@testable import NNGuideCore

/// Where two answers to one question split on a number of labels ("Limited labeled data" against
/// "Large data" at 100,000), each answer says the number: at 40 columns the hints under the answers
/// show only for the highlighted one, and the ninth retest had to guess which side 20,000 was on.
@Suite struct ThresholdWordingTests {
    /// The label counts an option's `when` splits at (from 10,000 up: smaller splits, such as "few or
    /// no labelled anomalies" under 500, read plainly in words).
    static func splits(_ o: DecisionOption) -> Set<Int> {
        var out: Set<Int> = []
        for clause in o.when?.anyOf ?? [] {
            for t in clause.tests where t.field == .samples {
                guard case .number(let tests) = t.comparison else { continue }
                for n in tests { for b in [n.low, n.high].compactMap({ $0 }) where b >= 10_000 { out.insert(Int(b)) } }
            }
        }
        return out
    }

    static func says(_ text: String, _ n: Int) -> Bool {
        let words = [10_000: ["10,000", "ten thousand"], 100_000: ["100,000", "a hundred thousand"]][n] ?? [n.formatted()]
        return words.contains { text.contains($0) }
    }

    @Test func answersThatSplitOnALabelCountSayTheCount() throws {
        let book = try #require(Fixtures.real.guide).decisions
        var checked = 0
        for tree in book.trees {
            for node in tree.nodes where !node.options.isEmpty {
                let split = node.options.map { ($0, Self.splits($0)) }
                for (o, ns) in split {
                    for n in ns where split.contains(where: { $0.0.answer != o.answer && $0.1.contains(n) }) {
                        checked += 1
                        #expect(Self.says(o.answer, n), "\(tree.id)/\(node.id): \"\(o.answer)\" splits at \(n) labels without saying so")
                    }
                }
            }
        }
        #expect(checked >= 4, "only \(checked) answers split on a label count: the test reads nothing")
    }
}
