/// A place in the guide that survives a resize or a new width: a page or section id and how many
/// lines below its heading the screen starts.
public struct Position: Codable, Sendable, Hashable {
    public var page: String
    public var offset: Int
    public init(page: String, offset: Int = 0) { self.page = page; self.offset = max(0, offset) }
}

/// What nnguide remembers between runs: where you left off, your bookmarks, what you have read.
public struct ReadingState: Codable, Sendable, Equatable {
    public var version = 1
    public var last: Position?
    public var bookmarks: [String: Position] = [:]
    public var visited: Set<String> = []

    public init(last: Position? = nil, bookmarks: [String: Position] = [:], visited: Set<String> = []) {
        self.last = last; self.bookmarks = bookmarks; self.visited = visited
    }

    enum CodingKeys: String, CodingKey { case version, last, bookmarks, visited }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 1
        last = try c.decodeIfPresent(Position.self, forKey: .last)
        bookmarks = try c.decodeIfPresent([String: Position].self, forKey: .bookmarks) ?? [:]
        visited = Set(try c.decodeIfPresent([String].self, forKey: .visited) ?? [])
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encodeIfPresent(last, forKey: .last)
        try c.encode(bookmarks, forKey: .bookmarks)
        try c.encode(visited.sorted(), forKey: .visited)  // sorted: the file diffs cleanly
    }
}
