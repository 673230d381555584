/// Decodes the guide's `Codable` types from the nodes `YAMLReader` composes.
///
/// A field is found by comparing key text. What a scalar means is decided as Yams' `YAMLDecoder`
/// decided it (the loader's decoder before libyaml was read directly; NodeDecoderTests compare the
/// two): text is the scalar's text whatever it looks like (`title: 1.0` is "1.0", `yes` is "yes");
/// `Bool` is plain or tagged `yes`/`no`/`on`/`off`/`true`/`false` in any case (quoted, it is text);
/// `Int` and `Double` must be plain (`0x1F`, `0o17`, `017`, `0b101`, `1_000`, `1:30`, `.inf`); a
/// missing value is a plain `~`, `null`, `Null`, `NULL` or nothing. Errors are `DecodingError`s with
/// the types and coding paths the loader's messages (file:line:col, what was expected, the key path)
/// are made from.
enum NodeDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from node: Node) throws -> T {
        try NodeValueDecoder(node: node, path: nil).decode(T.self)
    }

    /// The parse every content and brief file goes through.
    static func compose(_ text: String) throws(YAMLError) -> Node? {
        try YAMLReader.compose(text)
    }

    /// The value of `key` in a mapping node, compared as text; nil for a missing key or a node that
    /// is not a mapping.
    static func value(_ node: Node, _ key: String) -> Node? { node.child(key) }
}

/// The coding path as a chain, built only when an error or a type asks for it: most values are
/// decoded without anyone reading their path.
private final class PathLink {
    let parent: PathLink?
    let key: any CodingKey
    init(_ parent: PathLink?, _ key: any CodingKey) { self.parent = parent; self.key = key }

    var keys: [any CodingKey] {
        var out: [any CodingKey] = []
        var link: PathLink? = self
        while let l = link { out.append(l.key); link = l.parent }
        return out.reversed()
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ i: Int) { intValue = i }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

private struct NodeValueDecoder: Decoder, SingleValueDecodingContainer {
    let node: Node
    let path: PathLink?

    var codingPath: [any CodingKey] { path?.keys ?? [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func child(_ node: Node, _ key: any CodingKey) -> NodeValueDecoder {
        NodeValueDecoder(node: node, path: PathLink(path, key))
    }

    func mismatch(_ expected: Any.Type) -> DecodingError {
        .typeMismatch(expected, .init(codingPath: codingPath, debugDescription: "Expected to decode \(expected) but found \(describe(node)) instead."))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else { throw mismatch(Node.Mapping.self) }
        return KeyedDecodingContainer(NodeKeyedContainer<Key>(decoder: self, mapping: mapping))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else { throw mismatch(Node.Sequence.self) }
        return NodeUnkeyedContainer(decoder: self, items: sequence)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: single value

    func decodeNil() -> Bool { node.isNull }

    func scalar() throws -> Node.Scalar {
        guard case .scalar(let s) = node else { throw mismatch(Node.Scalar.self) }
        return s
    }

    func decode(_ type: String.Type) throws -> String { try scalar().string }
    func decode(_ type: Bool.Type) throws -> Bool { try construct(Bool.self) }
    func decode(_ type: Int.Type) throws -> Int { try construct(Int.self) }
    func decode(_ type: Double.Type) throws -> Double { try construct(Double.self) }

    func construct<T: ScalarValue>(_ type: T.Type) throws -> T {
        guard let value = T.construct(from: try scalar()) else { throw mismatch(T.self) }
        return value
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return try scalar().string as! T }
        if let scalarType = NodeValueDecoder.scalarType(T.self) {
            guard let value = scalarType.construct(from: try scalar()) as? T else { throw mismatch(T.self) }
            return value
        }
        return try T(from: self)
    }

    /// The types read from a scalar itself rather than through their `Decodable` init: the numbers
    /// and `Bool`. Found by comparing metatypes, not by asking the runtime whether `T` conforms to
    /// `ScalarValue`, which cost 5% of a load (a conformance lookup for every struct and list decoded).
    static func scalarType<T>(_ type: T.Type) -> (any ScalarValue.Type)? {
        let id = ObjectIdentifier(type)
        for candidate in scalarTypes where ObjectIdentifier(candidate) == id { return candidate }
        return nil
    }

    // Metatypes of value types: nothing in them can change, so sharing the list across threads is safe.
    nonisolated(unsafe) static let scalarTypes: [any ScalarValue.Type] = [
        Int.self, Bool.self, Double.self, Float.self, Int8.self, Int16.self, Int32.self, Int64.self,
        UInt.self, UInt8.self, UInt16.self, UInt32.self, UInt64.self,
    ]
}

private struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeValueDecoder
    /// Keys as text, in file order; a key that is not a scalar has none and is never found.
    let keys: [String?]
    let values: [Node]

    init(decoder: NodeValueDecoder, mapping: Node.Mapping) {
        self.decoder = decoder
        var keys: [String?] = []
        var values: [Node] = []
        keys.reserveCapacity(mapping.count)
        values.reserveCapacity(mapping.count)
        for i in mapping.indices {
            let pair = mapping[i]
            if case .scalar(let s) = pair.key { keys.append(s.string) } else { keys.append(nil) }
            values.append(pair.value)
        }
        self.keys = keys
        self.values = values
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { keys.compactMap { $0.flatMap(Key.init(stringValue:)) } }

    func find(_ key: any CodingKey) -> Node? {
        let name = key.stringValue
        for i in keys.indices where keys[i] == name { return values[i] }
        return nil
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func child(_ key: any CodingKey) throws -> NodeValueDecoder {
        guard let node = find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return decoder.child(node, key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).decodeNil() }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decode(T.self) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).decode(String.self) }

    // Optional fields: one lookup instead of contains + decodeNil + decode.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = find(key) else { return nil }
        let value = decoder.child(node, key)
        return value.decodeNil() ? nil : try value.decode(T.self)
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let node = find(key) else { return nil }
        let value = decoder.child(node, key)
        return value.decodeNil() ? nil : try value.decode(String.self)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try child(key).unkeyedContainer() }
    func superDecoder() throws -> any Decoder { try child(SuperKey()) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

private struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: NodeValueDecoder
    let items: Node.Sequence
    var currentIndex = 0

    init(decoder: NodeValueDecoder, items: Node.Sequence) { self.decoder = decoder; self.items = items }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func next<T>(_ type: T.Type) throws -> NodeValueDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        defer { currentIndex += 1 }
        return decoder.child(items[currentIndex], IndexKey(currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return try next(Any?.self).decodeNil() }
        guard decoder.child(items[currentIndex], IndexKey(currentIndex)).decodeNil() else { return false }
        currentIndex += 1
        return true
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(T.self).decode(T.self) }
    mutating func decode(_ type: String.Type) throws -> String { try next(String.self).decode(String.self) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next(KeyedDecodingContainer<NestedKey>.self).container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next((any UnkeyedDecodingContainer).self).unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next((any Decoder).self) }
}
