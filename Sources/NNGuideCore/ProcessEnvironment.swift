#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where environment variables are read from: the process's own environment, one variable at a time
/// with `getenv` (`.process`), or a fixed set (tests: a dictionary literal). Building a dictionary of
/// the whole environment before the first frame cost 6.5% of the explorer's start (BENCHMARKS.md):
/// the first use of `[String: String]`'s hashing and every variable copied into a `String`, to read
/// six of them. nnguide never changes its own environment, so reading it where a value is needed
/// gives the same answers.
public struct Environment: Sendable, ExpressibleByDictionaryLiteral {
    private let values: [String: String]?

    /// The process's environment, read with `getenv` at each lookup.
    public static let process = Environment(values: nil)

    private init(values: [String: String]?) { self.values = values }
    public init(_ values: [String: String]) { self.values = values }

    /// The account's home folder from the password database: where `HOME` is unset.
    public static func accountHome() -> String? {
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return nil }
        return String(cString: dir)
    }
    public init(dictionaryLiteral elements: (String, String)...) {
        var out: [String: String] = [:]
        for (k, v) in elements where out[k] == nil { out[k] = v }
        values = out
    }

    public subscript(_ name: String) -> String? {
        if let values { return values[name] }
        guard let p = getenv(name) else { return nil }
        return String(cString: p)
    }
}

/// The process environment (`Environment.process`), kept under its old name for the plain commands.
public enum ProcessEnvironment {
    public static var current: Environment { .process }
}
