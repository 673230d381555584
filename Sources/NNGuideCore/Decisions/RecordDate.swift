import Foundation

/// The date a decision record carries ("2026-03-14"), the same in `nnguide recommend --format
/// markdown` and a record saved from the explorer: the local calendar day, in ISO form whatever the
/// user's locale.
public enum RecordDate {
    @Sendable public static func today() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date())
    }
}
