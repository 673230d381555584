/// Hand-written reading of the content types that come in thousands (pages and their blocks,
/// glossary and catalog entries, decision trees), from a YAML node or a cache's `BinaryValue` alike.
///
/// Why: through `Decodable` every field is a protocol-witness call, a metadata look-up and a boxed
/// container, and that generic path was most of a cold load once the YAML was composed (issue 25).
/// A reader here only ever succeeds with exactly the value the type's `init(from:)` gives for the
/// same input, or throws `Unfit`; the caller then decodes the same input through `init(from:)`, so
/// every error message, coding path and odd case is still the Decodable path's
/// (`ContentLoader`'s `Reader.decode`, `BinaryValue.read`). FieldReadingTests hold the two paths
/// equal over every content file and over values with every field set.
///
/// Both encodings mirror each other: a type's `encode(to:)` writes the keys its YAML has.
protocol ValueSource {
    associatedtype Map: FieldMap where Map.Value == Self
    /// A missing value (what `decodeNil` says): a plain `~`, `null`, `Null`, `NULL` or nothing in
    /// YAML, nil in a cache.
    var isNull: Bool { get }
    /// A scalar's text as a `String` decodes it (in YAML any scalar, as written); nil otherwise.
    var scalarText: String? { get }
    func bool() throws -> Bool
    func int() throws -> Int
    func double() throws -> Double
    func map() throws -> Map
    func list<T>(_ read: (Self) throws -> T) throws -> [T]
    /// Through the type's own `init(from:)`: for the parts too rare to be worth a reader of their own.
    func decoded<T: Decodable>(_ type: T.Type) throws -> T
}

protocol FieldMap {
    associatedtype Value: ValueSource where Value.Map == Self
    /// The value of `key`, the first if repeated; nil when absent.
    func value(_ key: String) -> Value?
    /// Every pair in order; a key that is not text is nil.
    func forEachPair(_ body: (String?, Value) throws -> Void) throws
}

/// The input is not what the hand-written reader expects: decode it through `init(from:)` instead.
struct Unfit: Error {}

/// A content type that has a hand-written reader.
protocol FieldReadable {
    init<M: FieldMap>(fields: M) throws
}

extension ValueSource {
    func text() throws -> String {
        guard let s = scalarText else { throw Unfit() }
        return s
    }
    func texts() throws -> [String] { try list { try $0.text() } }
    func read<T: FieldReadable>(_ type: T.Type) throws -> T { try T(fields: map()) }
}

// Each helper is what the matching `KeyedDecodingContainer` call gives: `decode` for a required
// field, `decodeIfPresent` (absent or null is nil) for an optional one.
extension FieldMap {
    func required(_ key: String) throws -> Value {
        guard let v = value(key) else { throw Unfit() }
        return v
    }
    func present(_ key: String) -> Value? {
        guard let v = value(key), !v.isNull else { return nil }
        return v
    }
    func text(_ key: String) throws -> String { try required(key).text() }
    func optionalText(_ key: String) throws -> String? { try present(key)?.text() }
    func texts(_ key: String) throws -> [String] { try required(key).texts() }
    /// `decodeIfPresent([String].self) ?? []`.
    func optionalTexts(_ key: String) throws -> [String] { try present(key)?.texts() ?? [] }
    func list<T>(_ key: String, _ read: (Value) throws -> T) throws -> [T] { try required(key).list(read) }
    /// `decodeIfPresent([T].self) ?? []`.
    func optionalList<T>(_ key: String, _ read: (Value) throws -> T) throws -> [T] { try present(key)?.list(read) ?? [] }
    func items<T: FieldReadable>(_ key: String, _ type: T.Type) throws -> [T] { try list(key) { try $0.read(T.self) } }
    func optionalItems<T: FieldReadable>(_ key: String, _ type: T.Type) throws -> [T] { try optionalList(key) { try $0.read(T.self) } }

    func origin(_ key: String = "origin") throws -> Origin? {
        guard let s = try optionalText(key) else { return nil }
        guard let o = Origin(rawValue: s) else { throw Unfit() }
        return o
    }

    /// A `String`-backed enum (`Callout.Kind`, `Source.Kind`, `TreeRole`).
    func raw<E: RawRepresentable>(_ key: String, _ type: E.Type) throws -> E where E.RawValue == String {
        guard let e = E(rawValue: try text(key)) else { throw Unfit() }
        return e
    }

    /// `[String: V]`: every key must be text (Dictionary's Decodable init skips one that is not).
    func dictionary<V>(_ read: (Value) throws -> V) throws -> [String: V] {
        var out: [String: V] = [:]
        try forEachPair { key, value in
            guard let key else { throw Unfit() }
            out[key] = try read(value)
        }
        return out
    }

    func evidence() throws -> Evidence {
        Evidence(sources: try optionalTexts("sources"), reviewed: try optionalText("reviewed"))
    }
}

// MARK: YAML nodes

extension Node: ValueSource {
    var isNull: Bool {
        guard case .scalar(let s) = self, s.style == .plain else { return false }
        switch s.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
    var scalarText: String? { if case .scalar(let s) = self { return s.string } else { return nil } }

    func scalarValue<T: ScalarValue>(_ type: T.Type) throws -> T {
        guard case .scalar(let s) = self, let v = T.construct(from: s) else { throw Unfit() }
        return v
    }
    func bool() throws -> Bool { try scalarValue(Bool.self) }
    func int() throws -> Int { try scalarValue(Int.self) }
    func double() throws -> Double { try scalarValue(Double.self) }

    func map() throws -> Mapping {
        guard case .mapping(let m) = self else { throw Unfit() }
        return m
    }
    func list<T>(_ read: (Node) throws -> T) throws -> [T] {
        guard case .sequence(let s) = self else { throw Unfit() }
        var out: [T] = []
        out.reserveCapacity(s.nodes.count)
        for n in s.nodes { out.append(try read(n)) }
        return out
    }
    func decoded<T: Decodable>(_ type: T.Type) throws -> T { try NodeDecoder.decode(T.self, from: self) }
}

extension Node.Mapping: FieldMap {
    func value(_ key: String) -> Node? {
        for pair in pairs {
            if case .scalar(let s) = pair.key, s.string == key { return pair.value }
        }
        return nil
    }
    func forEachPair(_ body: (String?, Node) throws -> Void) throws {
        for pair in pairs { try body(pair.key.scalarText, pair.value) }
    }
}
