import Foundation

/// Monotonic time in seconds; the one clock every measurement uses.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Runs `body` `count` times and returns each duration in seconds.
func sample(_ count: Int, _ body: () throws -> Void) rethrows -> [Double] {
    var out: [Double] = []
    out.reserveCapacity(count)
    for _ in 0..<count {
        let t0 = now()
        try body()
        out.append(now() - t0)
    }
    return out
}

func median(_ xs: [Double]) -> Double {
    guard !xs.isEmpty else { return .nan }
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func ms(_ seconds: Double) -> String { String(format: "%.3f ms", seconds * 1000) }
