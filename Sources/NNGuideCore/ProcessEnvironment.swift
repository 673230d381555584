import Foundation

/// The process environment, read once. `ProcessInfo.processInfo.environment` builds a new
/// dictionary on every call, and start-up asked for it six times before the first frame
/// (BENCHMARKS.md); nnguide never changes its own environment, so one copy serves every reader.
public enum ProcessEnvironment {
    public static let current: [String: String] = ProcessInfo.processInfo.environment
}
