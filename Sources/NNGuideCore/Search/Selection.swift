/// The two selections search needs, written here rather than taken from swift-algorithms: that package
/// (with swift-numerics under it) put 0.4 MiB of generic code and metadata into the shipped binary for
/// these two functions (issue 25, BENCHMARKS.md "The binary").
extension Sequence {
    /// The first `count` elements in `areInIncreasingOrder`'s order, equal elements in the order they
    /// come here: what a stable sort followed by `prefix(count)` gives, without sorting everything.
    func min(count: Int, sortedBy areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        guard count > 0 else { return [] }
        var kept: [Element] = []
        kept.reserveCapacity(count + 1)
        for e in self {
            if kept.count == count, !areInIncreasingOrder(e, kept[count - 1]) { continue }
            // After every kept element that `e` does not come before: equal elements keep their order.
            var low = 0, high = kept.count
            while low < high {
                let mid = (low + high) / 2
                if areInIncreasingOrder(e, kept[mid]) { high = mid } else { low = mid + 1 }
            }
            kept.insert(e, at: low)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }
}

extension Sequence where Element: Hashable {
    /// Each element once, at its first place.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
