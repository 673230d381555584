#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Runs `body` once for every index below `count`, on this thread and one more per other core, and
/// gives the results in index order: for parts of a job that need nothing from each other (the
/// content files of a load). Which thread ran an index never shows in the result.
///
/// Unchecked Sendable: `taken`, `done` and `results` are touched only under `condition`, and each
/// result is written once, by the thread that ran its index, before the caller reads it.
final class ParallelWork<T>: @unchecked Sendable {
    private let body: (Int) -> T
    private let order: [Int]
    private var results: [T?]
    private var taken = 0, done = 0
    private let condition = Condition()

    private init(_ order: [Int], _ body: @escaping (Int) -> T) {
        self.body = body; self.order = order
        results = Array(repeating: nil, count: order.count)
    }

    /// `order`: the indices in the order to start them (the longest first, so that no core is left
    /// alone with one at the end); every index below `count` once. Ascending when nil.
    static func map(_ count: Int, order: [Int]? = nil, _ body: @escaping (Int) -> T) -> [T] {
        let work = ParallelWork(order ?? Array(0..<count), body)
        precondition(work.order.count == count, "every index once")
        for _ in 1..<max(1, min(Self.cores, count)) { BackgroundThread.start { work.drain() } }
        work.drain()
        return work.condition.withLock {
            while work.done < count { work.condition.wait() }
            return work.results.map { $0! }
        }
    }

    private func drain() {
        while true {
            let n = condition.withLock { () -> Int in taken += 1; return taken - 1 }
            guard n < order.count else { return }
            let result = body(order[n])
            condition.withLock {
                results[order[n]] = result
                done += 1
                if done == order.count { condition.broadcast() }
            }
        }
    }

    /// The cores online, at least 1 and at most 4 (each thread holds one file's nodes at a time).
    static var cores: Int { max(1, min(4, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))) }
}
