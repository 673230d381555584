#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Reads `BinaryValue`'s layout into any Decodable, straight from the (mapped) bytes. A decoder is
/// three words (the bytes and an offset), so handing one to a nested `init(from:)` allocates
/// nothing; a keyed container looks for each key after the one found last, which is where a
/// synthesized `init(from:)` asks for it, so a lookup is usually one comparison.
struct BinaryValueDecoder: Decoder {
    let bytes: UnsafeRawBufferPointer
    let at: Int

    init(bytes: UnsafeRawBufferPointer, at: Int) { self.bytes = bytes; self.at = at }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try Keyed<Key>(bytes: bytes, at: at))
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try Unkeyed(bytes: bytes, at: at) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(bytes: bytes, at: at) }

    static func mismatch<T>(_ type: T.Type) -> DecodingError {
        DecodingError.typeMismatch(type, DecodingError.Context(codingPath: [], debugDescription: "not a \(type) in the cached value"))
    }

    // MARK: scalars, shared by the three containers

    static func isNil(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> Bool { at < bytes.count && bytes[at] == BinaryValue.Tag.null.rawValue }

    static func bool(_ bytes: UnsafeRawBufferPointer, _ at: Int) throws -> Bool {
        guard at < bytes.count else { throw mismatch(Bool.self) }
        switch bytes[at] {
        case BinaryValue.Tag.trueValue.rawValue: return true
        case BinaryValue.Tag.falseValue.rawValue: return false
        default: throw mismatch(Bool.self)
        }
    }

    static func string(_ bytes: UnsafeRawBufferPointer, _ at: Int) throws -> String {
        guard at < bytes.count, bytes[at] == BinaryValue.Tag.string.rawValue else { throw mismatch(String.self) }
        let (n, start) = try BinaryValue.varint(bytes, at + 1)
        guard n <= UInt64(bytes.count - start) else { throw mismatch(String.self) }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + Int(n))]), as: UTF8.self)
    }

    static func double(_ bytes: UnsafeRawBufferPointer, _ at: Int) throws -> Double {
        guard at < bytes.count else { throw mismatch(Double.self) }
        if bytes[at] == BinaryValue.Tag.integer.rawValue { return Double(try int64(bytes, at)) }
        guard bytes[at] == BinaryValue.Tag.double.rawValue, at + 9 <= bytes.count else { throw mismatch(Double.self) }
        return Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 1, as: UInt64.self)))
    }

    static func int64(_ bytes: UnsafeRawBufferPointer, _ at: Int) throws -> Int64 {
        guard at < bytes.count, bytes[at] == BinaryValue.Tag.integer.rawValue else { throw mismatch(Int.self) }
        let (z, _) = try BinaryValue.varint(bytes, at + 1)
        return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
    }

    static func integer<T: FixedWidthInteger>(_ type: T.Type, _ bytes: UnsafeRawBufferPointer, _ at: Int) throws -> T {
        let v = try int64(bytes, at)
        if T.isSigned || T.bitWidth < 64 {
            guard let t = T(exactly: v) else { throw mismatch(type) }
            return t
        }
        return T(truncatingIfNeeded: UInt64(bitPattern: v))   // UInt64 and UInt were stored by bit pattern
    }

    /// Any value: the scalars read directly, everything else by its own `init(from:)`.
    static func value<T: Decodable>(_ type: T.Type, _ bytes: UnsafeRawBufferPointer, _ at: Int) throws -> T {
        if T.self == String.self { return try string(bytes, at) as! T }
        if T.self == Int.self { return try integer(Int.self, bytes, at) as! T }
        if T.self == Bool.self { return try bool(bytes, at) as! T }
        if T.self == Double.self { return try double(bytes, at) as! T }
        return try T(from: BinaryValueDecoder(bytes: bytes, at: at))
    }

    // MARK: containers

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let bytes: UnsafeRawBufferPointer
        let map: (start: Int, count: Int, end: Int)
        /// Where the entry after the last one found starts, and its index: a container is a value
        /// the protocol never lets mutate, so the one thing it moves is kept in a small object.
        final class Cursor { var at: Int; var index = 0; init(_ at: Int) { self.at = at } }
        let cursor: Cursor

        init(bytes: UnsafeRawBufferPointer, at: Int) throws {
            self.bytes = bytes
            map = try BinaryValue.elements(bytes, at, .map)
            cursor = Cursor(map.start)
        }

        /// Each entry's key (start and length) and where its value starts, in the order written.
        func entries() -> [(key: Int, length: Int, value: Int)] {
            var out: [(key: Int, length: Int, value: Int)] = []
            var i = map.start
            for _ in 0..<map.count {
                guard let (k, n, v) = try? entry(i), let next = try? BinaryValue.end(of: bytes, v), next <= map.end else { break }
                out.append((k, n, v))
                i = next
            }
            return out
        }

        /// The entry at `at`: its key's start and length and its value's start.
        func entry(_ at: Int) throws(BinaryValue.Malformed) -> (Int, Int, Int) {
            let (n, k) = try BinaryValue.varint(bytes, at)
            guard n <= UInt64(map.end - k) else { throw BinaryValue.Malformed() }
            return (k, Int(n), k + Int(n))
        }

        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] {
            entries().compactMap { Key(stringValue: String(decoding: UnsafeRawBufferPointer(rebasing: bytes[$0.key..<($0.key + $0.length)]), as: UTF8.self)) }
        }

        /// Where `key`'s value starts, or nil when the map has no such key (or is damaged): the
        /// search starts after the entry found last, and wraps around once.
        func find(_ key: Key) -> Int? {
            guard map.count > 0 else { return nil }
            var name = key.stringValue
            return name.withUTF8 { want -> Int? in
                var at = cursor.at, index = cursor.index
                for _ in 0..<map.count {
                    if index == map.count { at = map.start; index = 0 }
                    guard let (k, n, v) = try? entry(at), let next = try? BinaryValue.end(of: bytes, v), next <= map.end else { return nil }
                    at = next; index += 1
                    if n == want.count, n == 0 || memcmp(bytes.baseAddress! + k, want.baseAddress!, n) == 0 {
                        cursor.at = at; cursor.index = index
                        return v
                    }
                }
                return nil
            }
        }
        func value(_ key: Key) throws -> Int {
            guard let at = find(key) else {
                throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: [], debugDescription: "no '\(key.stringValue)' in the cached value"))
            }
            return at
        }

        func contains(_ key: Key) -> Bool { find(key) != nil }
        func decodeNil(forKey key: Key) throws -> Bool { BinaryValueDecoder.isNil(bytes, try value(key)) }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try BinaryValueDecoder.bool(bytes, value(key)) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try BinaryValueDecoder.string(bytes, value(key)) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try BinaryValueDecoder.double(bytes, value(key)) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try BinaryValueDecoder.double(bytes, value(key))) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try BinaryValueDecoder.integer(type, bytes, value(key)) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try BinaryValueDecoder.integer(type, bytes, value(key)) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try BinaryValueDecoder.integer(type, bytes, value(key)) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try BinaryValueDecoder.integer(type, bytes, value(key)) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try BinaryValueDecoder.integer(type, bytes, value(key)) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try BinaryValueDecoder.integer(type, bytes, value(key)) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try BinaryValueDecoder.integer(type, bytes, value(key)) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try BinaryValueDecoder.integer(type, bytes, value(key)) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try BinaryValueDecoder.integer(type, bytes, value(key)) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try BinaryValueDecoder.integer(type, bytes, value(key)) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try BinaryValueDecoder.value(type, bytes, value(key)) }

        /// A missing key and an explicit nil are both nil, as JSONDecoder has it.
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
            guard let at = find(key), !BinaryValueDecoder.isNil(bytes, at) else { return nil }
            return try BinaryValueDecoder.string(bytes, at)
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let at = find(key), !BinaryValueDecoder.isNil(bytes, at) else { return nil }
            return try BinaryValueDecoder.value(type, bytes, at)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(try Keyed<NestedKey>(bytes: bytes, at: value(key)))
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try Unkeyed(bytes: bytes, at: value(key)) }
        func superDecoder() throws -> any Decoder { try superDecoder(forKey: Key(stringValue: "super")!) }
        func superDecoder(forKey key: Key) throws -> any Decoder { BinaryValueDecoder(bytes: bytes, at: try value(key)) }

    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let bytes: UnsafeRawBufferPointer
        let end: Int
        var at: Int
        let count: Int?
        var currentIndex = 0

        init(bytes: UnsafeRawBufferPointer, at: Int) throws {
            self.bytes = bytes
            let (start, n, end) = try BinaryValue.elements(bytes, at, .array)
            self.at = start; self.count = n; self.end = end
        }

        var codingPath: [any CodingKey] { [] }
        var isAtEnd: Bool { currentIndex >= count! }

        /// The next element's start, moving past it.
        mutating func next() throws -> Int {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, DecodingError.Context(codingPath: [], debugDescription: "the cached list ended"))
            }
            let start = at
            at = try BinaryValue.end(of: bytes, start)
            guard at <= end else { throw BinaryValue.Malformed() }
            currentIndex += 1
            return start
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, BinaryValueDecoder.isNil(bytes, at) else { return false }
            _ = try next()
            return true
        }
        mutating func decode(_ type: Bool.Type) throws -> Bool { try BinaryValueDecoder.bool(bytes, next()) }
        mutating func decode(_ type: String.Type) throws -> String { try BinaryValueDecoder.string(bytes, next()) }
        mutating func decode(_ type: Double.Type) throws -> Double { try BinaryValueDecoder.double(bytes, next()) }
        mutating func decode(_ type: Float.Type) throws -> Float { Float(try BinaryValueDecoder.double(bytes, next())) }
        mutating func decode(_ type: Int.Type) throws -> Int { try BinaryValueDecoder.integer(type, bytes, next()) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try BinaryValueDecoder.integer(type, bytes, next()) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try BinaryValueDecoder.integer(type, bytes, next()) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try BinaryValueDecoder.integer(type, bytes, next()) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try BinaryValueDecoder.integer(type, bytes, next()) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try BinaryValueDecoder.integer(type, bytes, next()) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try BinaryValueDecoder.integer(type, bytes, next()) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try BinaryValueDecoder.integer(type, bytes, next()) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try BinaryValueDecoder.integer(type, bytes, next()) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try BinaryValueDecoder.integer(type, bytes, next()) }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try BinaryValueDecoder.value(type, bytes, next()) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(try Keyed<NestedKey>(bytes: bytes, at: next()))
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try Unkeyed(bytes: bytes, at: next()) }
        mutating func superDecoder() throws -> any Decoder { BinaryValueDecoder(bytes: bytes, at: try next()) }
    }

    struct Single: SingleValueDecodingContainer {
        let bytes: UnsafeRawBufferPointer
        let at: Int
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { BinaryValueDecoder.isNil(bytes, at) }
        func decode(_ type: Bool.Type) throws -> Bool { try BinaryValueDecoder.bool(bytes, at) }
        func decode(_ type: String.Type) throws -> String { try BinaryValueDecoder.string(bytes, at) }
        func decode(_ type: Double.Type) throws -> Double { try BinaryValueDecoder.double(bytes, at) }
        func decode(_ type: Float.Type) throws -> Float { Float(try BinaryValueDecoder.double(bytes, at)) }
        func decode(_ type: Int.Type) throws -> Int { try BinaryValueDecoder.integer(type, bytes, at) }
        func decode(_ type: Int8.Type) throws -> Int8 { try BinaryValueDecoder.integer(type, bytes, at) }
        func decode(_ type: Int16.Type) throws -> Int16 { try BinaryValueDecoder.integer(type, bytes, at) }
        func decode(_ type: Int32.Type) throws -> Int32 { try BinaryValueDecoder.integer(type, bytes, at) }
        func decode(_ type: Int64.Type) throws -> Int64 { try BinaryValueDecoder.integer(type, bytes, at) }
        func decode(_ type: UInt.Type) throws -> UInt { try BinaryValueDecoder.integer(type, bytes, at) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try BinaryValueDecoder.integer(type, bytes, at) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try BinaryValueDecoder.integer(type, bytes, at) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try BinaryValueDecoder.integer(type, bytes, at) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try BinaryValueDecoder.integer(type, bytes, at) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try BinaryValueDecoder.value(type, bytes, at) }
    }
}
