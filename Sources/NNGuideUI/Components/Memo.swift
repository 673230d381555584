/// The app's one cache type: kept results of costly work, each for the key it was worked out from
/// (the state and the size it depends on), at most `limit` of them, the oldest dropped first. A
/// decision screen and Compare keep one layout (a key, the fit after it, the frame and the status
/// line all read it; any change to the key lays it out again); the brief keeps its judgement; the
/// `Library` keeps a page's document per width and glyphs and the last search and glossary filter.
/// The one rule for keys: everything the value is worked out from, and a value worked out from the
/// guide names which guide by `Library.generation` (the whole guide replaces the preview's library
/// under the same screens and brief). Never part of what a screen is: two screens that differ only
/// in what they have kept are equal. A value type with no lock: who shares one (the `Library`) holds
/// its own lock around it.
struct Memo<Key: Equatable & Sendable, Value: Sendable>: Sendable, Equatable {
    /// Oldest first.
    private var kept: [(key: Key, value: Value)] = []
    /// How many values are kept at most.
    let limit: Int
    /// How many values were kept: each one work that could not be reused.
    private(set) var misses = 0

    init(limit: Int = 1) { self.limit = max(1, limit) }

    /// The value kept for `key`, if any. The newest are looked at first: they are the ones asked again.
    func peek(_ key: Key) -> Value? {
        kept.last { $0.key == key }?.value
    }

    /// Keeps `value` as the one for `key` and returns it. (A screen asks `peek` first and lays out
    /// only when it misses; a closure here would capture the screen while it is being changed.)
    @discardableResult
    mutating func keep(_ key: Key, _ value: Value) -> Value {
        kept.removeAll { $0.key == key }
        if kept.count >= limit { kept.removeFirst(kept.count - limit + 1) }
        kept.append((key, value))
        misses += 1
        return value
    }

    func holds(_ key: Key) -> Bool { kept.contains { $0.key == key } }

    /// How many values are kept now.
    var count: Int { kept.count }

    static func == (a: Memo, b: Memo) -> Bool { true }
}
