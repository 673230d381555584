extension StringProtocol {
    /// Without leading and trailing white space (newlines too), as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gave it (not in FoundationEssentials).
    public func trimmed() -> String { trimmed(where: \.isWhitespace) }

    /// Without the leading and trailing characters `drop` says.
    public func trimmed(where drop: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}
