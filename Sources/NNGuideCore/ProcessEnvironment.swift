#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process environment, read once. `ProcessInfo.processInfo.environment` builds a new
/// dictionary on every call, and start-up asked for it six times before the first frame
/// (BENCHMARKS.md); nnguide never changes its own environment, so one copy serves every reader.
/// Read from `environ` directly: going through `ProcessInfo` set up Foundation's process
/// information before the explorer's first frame, which nothing there needs.
public enum ProcessEnvironment {
    public static let current: [String: String] = {
        var out: [String: String] = [:]
        #if canImport(Darwin)
        guard var entry = _NSGetEnviron().pointee else { return out }
        #else
        guard var entry = environ as UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? else { return out }
        #endif
        while let c = entry.pointee {
            let pair = String(cString: c)
            // The first definition of a name wins, as getenv finds it.
            if let eq = pair.firstIndex(of: "="), out[String(pair[..<eq])] == nil {
                out[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
            }
            entry += 1
        }
        return out
    }()
}
