#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// A `BinaryValue` as the hand-written readers (`FieldReading`) see it: a value is the bytes and its
/// offset, so handing one on allocates nothing.
struct BinaryField: ValueSource {
    let bytes: UnsafeRawBufferPointer
    let at: Int

    var isNull: Bool { BinaryValueDecoder.isNil(bytes, at) }
    var scalarText: String? {
        guard at < bytes.count, bytes[at] == BinaryValue.Tag.string.rawValue else { return nil }
        return try? BinaryValueDecoder.string(bytes, at)
    }
    func bool() throws -> Bool { try BinaryValueDecoder.bool(bytes, at) }
    func int() throws -> Int { try BinaryValueDecoder.integer(Int.self, bytes, at) }
    func double() throws -> Double { try BinaryValueDecoder.double(bytes, at) }

    func map() throws -> BinaryMap {
        let (start, count, end) = try BinaryValue.elements(bytes, at, .map)
        return BinaryMap(bytes: bytes, start: start, count: count, end: end)
    }

    func list<T>(_ read: (BinaryField) throws -> T) throws -> [T] {
        let (start, count, end) = try BinaryValue.elements(bytes, at, .array)
        var out: [T] = []
        out.reserveCapacity(count)
        var i = start
        for _ in 0..<count {
            let next = try BinaryValue.end(of: bytes, i)
            guard next <= end else { throw Unfit() }
            out.append(try read(BinaryField(bytes: bytes, at: i)))
            i = next
        }
        return out
    }

    func decoded<T: Decodable>(_ type: T.Type) throws -> T { try BinaryValueDecoder.value(T.self, bytes, at) }
}

struct BinaryMap: FieldMap {
    let bytes: UnsafeRawBufferPointer
    let start: Int, count: Int, end: Int

    /// Each entry's key (start, length) and where its value starts and ends.
    func forEachEntry(_ body: (Int, Int, Int) throws -> Bool) throws {
        var i = start
        for _ in 0..<count {
            let (n, k) = try BinaryValue.varint(bytes, i)
            guard n <= UInt64(end - k) else { throw Unfit() }
            let v = k + Int(n)
            let next = try BinaryValue.end(of: bytes, v)
            guard next <= end else { throw Unfit() }
            if try !body(k, Int(n), v) { return }
            i = next
        }
    }

    func value(_ key: String) -> BinaryField? {
        var key = key
        return key.withUTF8 { want -> BinaryField? in
            var found: Int?
            try? forEachEntry { k, n, v in
                guard n == want.count, n == 0 || memcmp(bytes.baseAddress! + k, want.baseAddress!, n) == 0 else { return true }
                found = v
                return false
            }
            return found.map { BinaryField(bytes: bytes, at: $0) }
        }
    }

    func forEachPair(_ body: (String?, BinaryField) throws -> Void) throws {
        try forEachEntry { k, n, v in
            try body(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[k..<(k + n)]), as: UTF8.self), BinaryField(bytes: bytes, at: v))
            return true
        }
    }
}

extension BinaryValue {
    /// A value through its hand-written reader, else through `init(from:)` (which then decides).
    static func read<T: FieldReadable & Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) -> T? {
        guard !bytes.isEmpty else { return nil }
        if let value = try? BinaryField(bytes: bytes, at: 0).read(T.self) { return value }
        return decode(T.self, from: bytes)
    }

    /// A list of values, the same way.
    static func readList<T: FieldReadable & Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) -> [T]? {
        guard !bytes.isEmpty else { return nil }
        if let value = try? BinaryField(bytes: bytes, at: 0).list({ try $0.read(T.self) }) { return value }
        return decode([T].self, from: bytes)
    }
}
