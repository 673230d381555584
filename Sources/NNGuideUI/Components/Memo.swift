/// One kept result of a costly layout, for the key it was worked out from (the state and the size
/// it depends on). A key, the fit after it, the frame and the status line of a decision screen all
/// read the one layout; any change to the key lays it out again. Never part of what a screen is:
/// two screens that differ only in what they have kept are equal.
struct Memo<Key: Equatable & Sendable, Value: Sendable>: Sendable, Equatable {
    private var kept: (key: Key, value: Value)?
    /// How many values were kept: each one a layout that could not be reused.
    private(set) var misses = 0

    init() {}

    /// The value kept for `key`, if any.
    func peek(_ key: Key) -> Value? {
        guard let kept, kept.key == key else { return nil }
        return kept.value
    }

    /// Keeps `value` as the one for `key` and returns it. (A screen asks `peek` first and lays out
    /// only when it misses; a closure here would capture the screen while it is being changed.)
    @discardableResult
    mutating func keep(_ key: Key, _ value: Value) -> Value {
        kept = (key, value)
        misses += 1
        return value
    }

    func holds(_ key: Key) -> Bool { kept?.key == key }

    static func == (a: Memo, b: Memo) -> Bool { true }
}
