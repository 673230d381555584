/// A place in a YAML file, counted from 1 (columns in Unicode scalars, as libyaml counts them).
public struct Mark: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public var description: String { "\(line):\(column)" }
}

/// One YAML file as a tree, as `YAMLReader` composes it from libyaml's events: what the node decoder
/// reads. Aliases are already replaced by the node they name; tags are not resolved (a scalar keeps
/// its text and style, and whether it was marked as text by quotes or `!!str`).
public enum Node: Sendable, Equatable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    public struct Scalar: Sendable, Equatable {
        /// libyaml's scalar styles, in its order.
        public enum Style: Int, Sendable { case any = 0, plain, singleQuoted, doubleQuoted, literal, folded }
        public var string: String
        public var style: Style
        /// Quoted, or tagged `!!str`: never a boolean, whatever its text says.
        public var isText: Bool
        public var mark: Mark?
        public init(_ string: String, style: Style = .plain, isText: Bool = false, mark: Mark? = nil) {
            self.string = string; self.style = style; self.isText = isText; self.mark = mark
        }
    }

    /// A mapping's pairs in file order (duplicate keys are refused when composing).
    public struct Mapping: Sendable, Equatable, RandomAccessCollection {
        public typealias Pair = (key: Node, value: Node)
        public var pairs: [Pair]
        public var mark: Mark?
        /// Flow style (`{a: 1}`) rather than block: what an emitter may keep.
        public var isFlow: Bool
        public init(_ pairs: [Pair], mark: Mark? = nil, isFlow: Bool = false) { self.pairs = pairs; self.mark = mark; self.isFlow = isFlow }
        public var startIndex: Int { 0 }
        public var endIndex: Int { pairs.count }
        public subscript(i: Int) -> Pair { pairs[i] }
        public static func == (a: Mapping, b: Mapping) -> Bool {
            a.mark == b.mark && a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        }
    }

    public struct Sequence: Sendable, Equatable, RandomAccessCollection {
        public var nodes: [Node]
        public var mark: Mark?
        public var isFlow: Bool
        public init(_ nodes: [Node] = [], mark: Mark? = nil, isFlow: Bool = false) { self.nodes = nodes; self.mark = mark; self.isFlow = isFlow }
        public var startIndex: Int { 0 }
        public var endIndex: Int { nodes.count }
        public subscript(i: Int) -> Node { nodes[i] }
    }

    /// A plain scalar with no place: what a program adds to a tree.
    public init(_ text: String) { self = .scalar(Scalar(text)) }

    public var scalar: Scalar? { if case .scalar(let s) = self { return s } else { return nil } }
    public var mapping: Mapping? { if case .mapping(let m) = self { return m } else { return nil } }
    public var sequence: Sequence? { if case .sequence(let s) = self { return s } else { return nil } }
    /// The text of a scalar; nil for a mapping or a list.
    public var string: String? { scalar?.string }

    public var mark: Mark? {
        switch self {
        case .scalar(let s): return s.mark
        case .mapping(let m): return m.mark
        case .sequence(let s): return s.mark
        }
    }

    /// The value of `key` in a mapping, compared as text; nil for a missing key or a node that is not
    /// a mapping.
    public func child(_ key: String) -> Node? {
        guard case .mapping(let mapping) = self else { return nil }
        for pair in mapping.pairs {
            if case .scalar(let s) = pair.key, s.string == key { return pair.value }
        }
        return nil
    }
}
