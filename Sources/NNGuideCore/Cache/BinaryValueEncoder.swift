/// Writes any Encodable in `BinaryValue`'s layout. Containers may be opened in any order and nested
/// (Codable allows it), so the value is first built as a small tree of slots and then written out
/// with each container's byte length in front. Only the changed files and a build's compiled guide
/// are ever encoded, so this side is kept simple; the decoder is the one that has to be fast.
final class BinaryValueEncoder: Encoder {
    var slot = Slot()
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    /// One value: a scalar already encoded, or a container still being filled.
    final class Slot {
        enum Content { case empty, scalar([UInt8]), array([Slot]), map([(String, Slot)]) }
        var content = Content.empty

        func write(into out: inout [UInt8]) {
            switch content {
            case .empty: BinaryValue.container(.map, count: 0, body: [], into: &out)   // encode(to:) wrote nothing: {}
            case .scalar(let bytes): out += bytes
            case .array(let items):
                var body: [UInt8] = []
                for item in items { item.write(into: &body) }
                BinaryValue.container(.array, count: items.count, body: body, into: &out)
            case .map(let entries):
                var body: [UInt8] = []
                for (key, value) in entries { BinaryValue.string(key, into: &body); value.write(into: &body) }
                BinaryValue.container(.map, count: entries.count, body: body, into: &out)
            }
        }

        func append(_ item: Slot) {
            if case .array(var items) = content { content = .empty; items.append(item); content = .array(items) }
        }
        func set(_ key: String, _ value: Slot) {
            if case .map(var entries) = content { content = .empty; entries.append((key, value)); content = .map(entries) }
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .map = slot.content {} else { slot.content = .map([]) }
        return KeyedEncodingContainer(Keyed(slot: slot))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = slot.content {} else { slot.content = .array([]) }
        return Unkeyed(slot: slot)
    }
    func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot) }

    /// `value` as a slot: scalars directly, anything else through its own `encode(to:)`.
    static func slot<T: Encodable>(_ value: T) throws -> Slot {
        let s = Slot()
        if let scalar = scalar(value) { s.content = .scalar(scalar); return s }
        let encoder = BinaryValueEncoder()
        encoder.slot = s
        try value.encode(to: encoder)
        return s
    }

    static func scalar<T>(_ value: T) -> [UInt8]? {
        var out: [UInt8] = []
        switch value {
        case let v as String: out.append(BinaryValue.Tag.string.rawValue); BinaryValue.string(v, into: &out)
        case let v as Bool: out.append(v ? BinaryValue.Tag.trueValue.rawValue : BinaryValue.Tag.falseValue.rawValue)
        case let v as Double: out.append(BinaryValue.Tag.double.rawValue); withUnsafeBytes(of: v.bitPattern.littleEndian) { out += $0 }
        case let v as Float: return scalar(Double(v))
        case let v as Int: out = integer(Int64(v))
        case let v as Int8: out = integer(Int64(v))
        case let v as Int16: out = integer(Int64(v))
        case let v as Int32: out = integer(Int64(v))
        case let v as Int64: out = integer(v)
        case let v as UInt: out = integer(Int64(bitPattern: UInt64(v)))
        case let v as UInt8: out = integer(Int64(v))
        case let v as UInt16: out = integer(Int64(v))
        case let v as UInt32: out = integer(Int64(v))
        case let v as UInt64: out = integer(Int64(bitPattern: v))
        default: return nil
        }
        return out
    }

    static func integer(_ v: Int64) -> [UInt8] {
        var out = [BinaryValue.Tag.integer.rawValue]
        BinaryValue.varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)), into: &out)
        return out
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { let s = Slot(); s.content = .scalar([BinaryValue.Tag.null.rawValue]); slot.set(key.stringValue, s) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { slot.set(key.stringValue, try BinaryValueEncoder.slot(value)) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let s = Slot(); s.content = .map([]); slot.set(key.stringValue, s)
            return KeyedEncodingContainer(Keyed<NestedKey>(slot: s))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let s = Slot(); s.content = .array([]); slot.set(key.stringValue, s)
            return Unkeyed(slot: s)
        }
        mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let e = BinaryValueEncoder(); slot.set(key.stringValue, e.slot); return e
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey] { [] }
        var count: Int { if case .array(let items) = slot.content { return items.count }; return 0 }

        mutating func encodeNil() throws { let s = Slot(); s.content = .scalar([BinaryValue.Tag.null.rawValue]); slot.append(s) }
        mutating func encode<T: Encodable>(_ value: T) throws { slot.append(try BinaryValueEncoder.slot(value)) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let s = Slot(); s.content = .map([]); slot.append(s)
            return KeyedEncodingContainer(Keyed<NestedKey>(slot: s))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let s = Slot(); s.content = .array([]); slot.append(s)
            return Unkeyed(slot: s)
        }
        mutating func superEncoder() -> any Encoder { let e = BinaryValueEncoder(); slot.append(e.slot); return e }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { slot.content = .scalar([BinaryValue.Tag.null.rawValue]) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            let s = try BinaryValueEncoder.slot(value)
            slot.content = s.content
        }
    }
}
