import Testing
import TestSupport
@testable import NNGuideCore

/// Search's own `min(count:sortedBy:)` and `uniqued()` (they replaced swift-algorithms'): the first
/// `count` of a stable sort, equal elements in their order; each element once, first place kept.
@Suite struct SelectionTests {
    struct Item: Equatable { var key: Int; var place: Int }

    @Test func theSmallestAreAStableSortsPrefix() {
        var random = SeededRandom(seed: 25)
        for round in 0..<400 {
            let n = Int.random(in: 0...60, using: &random)
            // Few distinct keys, so ties are common and their order is tested.
            let items = (0..<n).map { Item(key: Int.random(in: 0...6, using: &random), place: $0) }
            let count = Int.random(in: 0...(n + 3), using: &random)
            let expected = Array(items.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }
                .map(\.element).prefix(count))
            #expect(items.min(count: count, sortedBy: { $0.key < $1.key }) == expected, "round \(round): \(items), count \(count)")
        }
    }

    @Test func nothingAskedNothingGiven() {
        #expect([3, 1, 2].min(count: 0, sortedBy: <).isEmpty)
        #expect([Int]().min(count: 5, sortedBy: <).isEmpty)
        #expect([3, 1, 2].min(count: 9, sortedBy: <) == [1, 2, 3])
    }

    @Test func uniquedKeepsEachFirstPlace() {
        #expect(["b", "a", "b", "c", "a"].uniqued() == ["b", "a", "c"])
        #expect([Int]().uniqued().isEmpty)
    }
}
