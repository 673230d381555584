#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The date a decision record carries ("2026-03-14"), the same in `nnguide recommend --format
/// markdown` and a record saved from the explorer: the local calendar day, in ISO form whatever the
/// user's locale. From the C library's `localtime_r` (DateFormatter needs ICU, issue 25).
public enum RecordDate {
    @Sendable public static func today() -> String {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return "1970-01-01" }
        return iso(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }

    static func iso(year: Int, month: Int, day: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
