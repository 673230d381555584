/// One page of the guide. Parts are pages; their sections are pages too, nested in `sections`.
/// Reading order is file order (Content/pages/NN-*.yaml), then section order inside a file.
public struct Page: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    /// Short title for breadcrumbs ("Part 3", "3.2 CNNs"); falls back to `title`.
    public var short: String?
    /// One line saying what the page is for; shown in contents and search.
    public var summary: String?
    /// Where the page comes from; required in YAML (the loader reports a missing one).
    public var origin: Origin
    public var blocks: [Block]
    /// The `origin:` each block states, index for index with `blocks`; nil (or missing) where the
    /// block inherits. Read origins through `origin(ofBlock:)`.
    public var blockOrigins: [Origin?]
    public var sections: [Page]
    /// The page's own `sources:` and `reviewed:` (Content/sources.yaml), empty when it states none.
    public var evidence: Evidence = .none
    /// Each block's `sources:` and `reviewed:`, index for index with `blocks` (empty: none has any).
    public var blockEvidence: [Evidence] = []

    /// Block `index`'s sources and review date (its own; blocks do not inherit the page's).
    public func evidence(ofBlock index: Int) -> Evidence {
        index < blockEvidence.count ? blockEvidence[index] : .none
    }

    public init(id: String, title: String, short: String? = nil, summary: String? = nil, origin: Origin = .guide,
                blocks: [Block] = [], blockOrigins: [Origin?] = [], sections: [Page] = []) {
        self.id = id; self.title = title; self.short = short; self.summary = summary; self.origin = origin
        self.blocks = blocks; self.blockOrigins = blockOrigins; self.sections = sections
    }

    public var breadcrumbTitle: String { short ?? title }

    /// The origin of block `index`: its own `origin:`, else inherited (`Origin.inherited`).
    public func origin(ofBlock index: Int) -> Origin {
        if index < blockOrigins.count, let own = blockOrigins[index] { return own }
        return Origin.inherited(by: blocks[index], on: origin)
    }

    enum CodingKeys: String, CodingKey { case id, title, short, summary, origin, blocks, sections }

    /// Origin is optional here so that the loader, which reads it separately, can report a missing or
    /// unknown one with its line and still read the rest of the page; the cache and export always
    /// carry it.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        short = try c.decodeIfPresent(String.self, forKey: .short)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        origin = try c.decodeIfPresent(Origin.self, forKey: .origin) ?? .guide
        let placed = try c.decodeIfPresent([PlacedBlock].self, forKey: .blocks) ?? []
        blocks = placed.map(\.block)
        blockOrigins = placed.map(\.origin)
        blockEvidence = placed.contains { !$0.evidence.isEmpty } ? placed.map(\.evidence) : []
        sections = try c.decodeIfPresent([Page].self, forKey: .sections) ?? []
        evidence = try Evidence(from: decoder)
    }

    /// Every block is written with its origin resolved, so JSON readers never apply inheritance.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(short, forKey: .short)
        try c.encodeIfPresent(summary, forKey: .summary)
        try c.encode(origin, forKey: .origin)
        try evidence.encode(to: encoder)
        try c.encode(blocks.indices.map { PlacedBlock(block: blocks[$0], origin: origin(ofBlock: $0), evidence: evidence(ofBlock: $0)) }, forKey: .blocks)
        try c.encode(sections, forKey: .sections)
    }
}

/// A block with the `origin:`, `sources:` and `reviewed:` written beside its kind key
/// (`{list: [...], origin: added, sources: [pytorch-docs], reviewed: 2026-12}`).
struct PlacedBlock: Codable {
    var block: Block
    var origin: Origin?
    var evidence: Evidence
    enum Key: String, CodingKey { case origin }
    /// The keys a block may have beside its one kind key.
    static let besideKind: Set<String> = ["origin", "sources", "reviewed"]

    init(block: Block, origin: Origin?, evidence: Evidence = .none) { self.block = block; self.origin = origin; self.evidence = evidence }

    init(from decoder: Decoder) throws {
        block = try Block(from: decoder)
        origin = try decoder.container(keyedBy: Key.self).decodeIfPresent(Origin.self, forKey: .origin)
        evidence = try Evidence(from: decoder)
    }

    func encode(to encoder: Encoder) throws {
        try block.encode(to: encoder)
        var c = encoder.container(keyedBy: Key.self)
        try c.encodeIfPresent(origin, forKey: .origin)
        try evidence.encode(to: encoder)
    }
}

/// A piece of a page's body. In YAML each block is a mapping with exactly one of the keys
/// `p`, `list`, `steps`, `defs`, `table`, `figure`, `callout`, `pre`, and optionally `origin`,
/// `sources` and `reviewed` beside it (read by `PlacedBlock`; see `Origin` and `Evidence`).
public enum Block: Codable, Sendable, Equatable {
    case paragraph(String)
    case list([ListItem])
    case steps([ListItem])
    case definitions([Definition])
    case table(Table)
    case figure(Figure)
    case callout(Callout)
    case preformatted(String)

    public static let kinds = ["p", "list", "steps", "defs", "table", "figure", "callout", "pre"]

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let keys = c.allKeys.map(\.stringValue).filter { !PlacedBlock.besideKind.contains($0) }
        guard keys.count == 1, let kind = keys.first, Block.kinds.contains(kind) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a block is a mapping with exactly one of the keys \(Block.kinds.joined(separator: ", ")); found \(keys.isEmpty ? "none" : keys.sorted().joined(separator: ", "))"))
        }
        let k = Key(kind)
        switch kind {
        case "p": self = .paragraph(try c.decode(String.self, forKey: k))
        case "list": self = .list(try c.decode([ListItem].self, forKey: k))
        case "steps": self = .steps(try c.decode([ListItem].self, forKey: k))
        case "defs": self = .definitions(try c.decode([Definition].self, forKey: k))
        case "table": self = .table(try c.decode(Table.self, forKey: k))
        case "figure": self = .figure(try c.decode(Figure.self, forKey: k))
        case "callout": self = .callout(try c.decode(Callout.self, forKey: k))
        default: self = .preformatted(try c.decode(String.self, forKey: k))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .paragraph(let s): try c.encode(s, forKey: Key("p"))
        case .list(let items): try c.encode(items, forKey: Key("list"))
        case .steps(let items): try c.encode(items, forKey: Key("steps"))
        case .definitions(let d): try c.encode(d, forKey: Key("defs"))
        case .table(let t): try c.encode(t, forKey: Key("table"))
        case .figure(let f): try c.encode(f, forKey: Key("figure"))
        case .callout(let x): try c.encode(x, forKey: Key("callout"))
        case .preformatted(let s): try c.encode(s, forKey: Key("pre"))
        }
    }
}

/// A bullet. In YAML either a plain string, or `{label: ..., text: ...}` for "Label: text" items.
public struct ListItem: Codable, Sendable, Equatable {
    public var label: String?
    public var text: String
    /// Nested bullets under this one.
    public var items: [ListItem]

    public init(label: String? = nil, text: String, items: [ListItem] = []) {
        self.label = label; self.text = text; self.items = items
    }

    enum CodingKeys: String, CodingKey { case label, text, items }

    public init(from decoder: Decoder) throws {
        if let s = try? decoder.singleValueContainer().decode(String.self) {
            self.init(text: s); return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(label: try c.decodeIfPresent(String.self, forKey: .label),
                  text: try c.decode(String.self, forKey: .text),
                  items: try c.decodeIfPresent([ListItem].self, forKey: .items) ?? [])
    }

    public func encode(to encoder: Encoder) throws {
        if label == nil && items.isEmpty {
            var c = encoder.singleValueContainer(); try c.encode(text); return
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(label, forKey: .label)
        try c.encode(text, forKey: .text)
        if !items.isEmpty { try c.encode(items, forKey: .items) }
    }
}

/// A term and what it means, for "Problem: ... / Pick: ..." style blocks.
public struct Definition: Codable, Sendable, Equatable {
    public var term: String
    public var text: String
    public init(term: String, text: String) { self.term = term; self.text = text }
}

/// A table of the guide. Rows are lists of cells, one per column.
public struct Table: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var caption: String?
    public var columns: [String]
    public var rows: [[String]]
    /// For comparison matrices: the catalog id each column after the first stands for.
    public var architectures: [String]?
    public var notes: String?

    public init(id: String, title: String, caption: String? = nil, columns: [String],
                rows: [[String]], architectures: [String]? = nil, notes: String? = nil) {
        self.id = id; self.title = title; self.caption = caption; self.columns = columns
        self.rows = rows; self.architectures = architectures; self.notes = notes
    }
}

/// A figure of the guide, rebuilt as a tree the terminal can draw.
public struct Figure: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var caption: String?
    public var tree: [TreeNode]

    public init(id: String, title: String, caption: String? = nil, tree: [TreeNode]) {
        self.id = id; self.title = title; self.caption = caption; self.tree = tree
    }
}

/// A node of a figure's tree. In YAML a plain string is a leaf.
public struct TreeNode: Codable, Sendable, Equatable {
    public var label: String
    public var children: [TreeNode]

    public init(label: String, children: [TreeNode] = []) { self.label = label; self.children = children }

    enum CodingKeys: String, CodingKey { case label, children }

    public init(from decoder: Decoder) throws {
        if let s = try? decoder.singleValueContainer().decode(String.self) {
            self.init(label: s); return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(label: try c.decode(String.self, forKey: .label),
                  children: try c.decodeIfPresent([TreeNode].self, forKey: .children) ?? [])
    }

    public func encode(to encoder: Encoder) throws {
        if children.isEmpty { var c = encoder.singleValueContainer(); try c.encode(label); return }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(label, forKey: .label)
        try c.encode(children, forKey: .children)
    }
}

/// A boxed remark: the guide's "Key Insight", "Key Rule", "Practical Rule" and the like.
public struct Callout: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable { case insight, rule, principle, note, warning }
    public var kind: Kind
    public var title: String?
    public var text: String

    public init(kind: Kind, title: String? = nil, text: String) { self.kind = kind; self.title = title; self.text = text }
}
