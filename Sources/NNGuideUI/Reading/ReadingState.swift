/// A place in the guide that survives a resize, a new width and a restart: a page or section id,
/// the block below its heading the screen starts in, and how many characters of that block are above
/// the top line. Blocks and characters do not change with the width; screen lines do, which is why
/// `offset` (lines below the heading, all that files written before 0.x hold) is only a fallback.
public struct Position: Codable, Sendable, Hashable {
    public var page: String
    /// Lines below the heading, at the width it was taken: used only when `block` is missing.
    public var offset: Int
    /// Blocks after the heading's block (0: the heading's own block).
    public var block: Int?
    /// Characters of that block above the top line, not counting spaces and margin marks.
    public var char: Int?
    public init(page: String, offset: Int = 0, block: Int? = nil, char: Int? = nil) {
        self.page = page; self.offset = max(0, offset)
        self.block = block.map { max(0, $0) }; self.char = char.map { max(0, $0) }
    }
}

/// What nnguide remembers between runs: where you left off, your bookmarks, what you have read.
public struct ReadingState: Codable, Sendable, Equatable {
    public var version = 1
    public var last: Position?
    public var bookmarks: [String: Position] = [:]
    public var visited: Set<String> = []
    /// The brief file last open in Decide's form (saved or a draft): after a restart the hub's `3`
    /// continues it (`App/LastBrief.swift`).
    public var brief: String?
    /// Decide's tree sessions in progress when you last quit: the hub offers to resume them
    /// (`DecideSessions.restore`). Written on the way out; empty in files written before.
    public var decide: [DecideProgress] = []

    public init(last: Position? = nil, bookmarks: [String: Position] = [:], visited: Set<String> = [], brief: String? = nil,
                decide: [DecideProgress] = []) {
        self.last = last; self.bookmarks = bookmarks; self.visited = visited; self.brief = brief; self.decide = decide
    }

    enum CodingKeys: String, CodingKey { case version, last, bookmarks, visited, brief, decide }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 1
        last = try c.decodeIfPresent(Position.self, forKey: .last)
        bookmarks = try c.decodeIfPresent([String: Position].self, forKey: .bookmarks) ?? [:]
        visited = Set(try c.decodeIfPresent([String].self, forKey: .visited) ?? [])
        brief = try c.decodeIfPresent(String.self, forKey: .brief)
        decide = try c.decodeIfPresent([DecideProgress].self, forKey: .decide) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encodeIfPresent(last, forKey: .last)
        try c.encode(bookmarks, forKey: .bookmarks)
        try c.encode(visited.sorted(), forKey: .visited)  // sorted: the file diffs cleanly
        try c.encodeIfPresent(brief, forKey: .brief)
        if !decide.isEmpty { try c.encode(decide, forKey: .decide) }
    }
}

/// A Decide tree session in progress, as the reading state keeps it across a quit: the tree it began
/// in, then each variant tree chosen at a pick on the way (begun at the node the pick names), each
/// with its answers. Content has no ids for answers, so each is named by the question it answers,
/// its place among the options and its text, which must still match for the session to come back.
public struct DecideProgress: Codable, Sendable, Equatable {
    /// Bottom first: the tree the session began in, then the variant trees over its pick.
    public var trees: [Walk]

    public struct Walk: Codable, Sendable, Equatable {
        public var tree: String
        /// The node the tree was begun at: its start, or for a variant tree chosen at a pick, the
        /// node that pick names (then required).
        public var start: String?
        public var answers: [Answer]
        public init(tree: String, start: String? = nil, answers: [Answer]) { self.tree = tree; self.start = start; self.answers = answers }
    }

    public struct Answer: Codable, Sendable, Equatable {
        /// The question node answered.
        public var node: String
        /// The option chosen, 0-based.
        public var option: Int
        /// The option's text, plain: an option whose text changed is not taken for it.
        public var answer: String
        public init(node: String, option: Int, answer: String) { self.node = node; self.option = option; self.answer = answer }
    }

    public init(trees: [Walk]) { self.trees = trees }
}
