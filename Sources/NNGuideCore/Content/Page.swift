/// One page of the guide. Parts are pages; their sections are pages too, nested in `sections`.
/// Reading order is file order (Content/pages/NN-*.yaml), then section order inside a file.
public struct Page: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    /// Short title for breadcrumbs ("Part 3", "3.2 CNNs"); falls back to `title`.
    public var short: String?
    /// One line saying what the page is for; shown in contents and search.
    public var summary: String?
    public var blocks: [Block]
    public var sections: [Page]

    public init(id: String, title: String, short: String? = nil, summary: String? = nil,
                blocks: [Block] = [], sections: [Page] = []) {
        self.id = id; self.title = title; self.short = short; self.summary = summary
        self.blocks = blocks; self.sections = sections
    }

    public var breadcrumbTitle: String { short ?? title }

    enum CodingKeys: String, CodingKey { case id, title, short, summary, blocks, sections }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        short = try c.decodeIfPresent(String.self, forKey: .short)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        blocks = try c.decodeIfPresent([Block].self, forKey: .blocks) ?? []
        sections = try c.decodeIfPresent([Page].self, forKey: .sections) ?? []
    }
}

/// A piece of a page's body. In YAML each block is a mapping with exactly one of the keys
/// `p`, `list`, `steps`, `defs`, `table`, `figure`, `callout`, `pre`.
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
        let keys = c.allKeys.map(\.stringValue)
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
