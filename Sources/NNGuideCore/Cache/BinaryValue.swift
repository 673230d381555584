#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The cache's own value format (issue 25): what the per-file entries, the user cache and the compiled
/// guide store for content values, in place of JSON. JSONDecoder over 1,400 entries cost 2.8 s of the
/// 2.9 s a `toc` took at 100x after one edit; this reads the same values without parsing text.
///
/// A value is a tag byte and its payload, so any value can be skipped without being read:
///
///     0 nil   1 false   2 true   3 integer (zigzag varint)   4 double (8 bytes, little-endian)
///     5 string (varint length, UTF-8)
///     6 array (varint byte length of what follows, varint count, the elements)
///     7 map   (varint byte length of what follows, varint count, then key (varint length, UTF-8) and value)
///
/// It is written through Codable (`BinaryValueEncoder`), so every content type stores exactly what its
/// `encode(to:)` writes; it is read back through Codable (`BinaryValueDecoder`) or, for the types that
/// come in thousands, by their hand-written readers (`BinaryFields`, `ContentReaders`), which give the
/// same values. On disk a value is framed (`frame`): a version, its length and a checksum, and a frame that
/// does not check out is not read at all, so a damaged or old entry is parsed again from YAML.
enum BinaryValue {
    enum Tag: UInt8 { case null = 0, falseValue, trueValue, integer, double, string, array, map }

    /// Bump when the layout above changes (the frame's first bytes).
    static let version: UInt8 = 1
    /// version, length (8 bytes), checksum (8 bytes).
    static let frameHeader = 17

    static func encode<T: Encodable>(_ value: T) -> [UInt8]? {
        let encoder = BinaryValueEncoder()
        guard (try? value.encode(to: encoder)) != nil else { return nil }
        var out: [UInt8] = []
        encoder.slot.write(into: &out)
        return out
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) -> T? {
        guard !bytes.isEmpty else { return nil }
        return try? T(from: BinaryValueDecoder(bytes: bytes, at: 0))
    }

    /// `value` framed for disk: version, length, checksum, bytes.
    static func frame(_ value: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: frameHeader)
        out.reserveCapacity(frameHeader + value.count)
        out += value
        frameInPlace(&out)
        return out
    }

    /// `out`'s first `frameHeader` bytes made the frame of the value after them (written in place,
    /// so a large value is not copied to be framed).
    static func frameInPlace(_ out: inout [UInt8]) {
        let count = out.count - frameHeader
        let sum = out.withUnsafeBytes { checksum(UnsafeRawBufferPointer(rebasing: $0[frameHeader...])) }
        out[0] = version
        withUnsafeBytes(of: UInt64(count).littleEndian) { for (i, b) in $0.enumerated() { out[1 + i] = b } }
        withUnsafeBytes(of: sum.littleEndian) { for (i, b) in $0.enumerated() { out[9 + i] = b } }
    }

    /// The value inside a frame that is whole, of this version, and unchanged since it was written;
    /// nil otherwise (then the caller reads the YAML).
    static func unframe(_ raw: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        guard raw.count >= frameHeader, raw[0] == version else { return nil }
        let length = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 1, as: UInt64.self))
        let sum = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 9, as: UInt64.self))
        guard length == UInt64(raw.count - frameHeader) else { return nil }
        let value = UnsafeRawBufferPointer(rebasing: raw[frameHeader...])
        return checksum(value) == sum ? value : nil
    }

    /// FNV-1a taken eight bytes at a time: a byte at a time cost 70 ms over the 100x guide's values,
    /// and this only has to notice damage, not resist an adversary.
    static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        let words = raw.count / 8
        for i in 0..<words {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0x0000_0100_0000_01b3
            h ^= h >> 29
        }
        for i in (words * 8)..<raw.count { h = (h ^ UInt64(raw[i])) &* 0x0000_0100_0000_01b3 }
        return h ^ UInt64(raw.count)
    }

    // MARK: writing

    /// How many bytes `varint` writes for `v`.
    static func varintCount(_ v: UInt64) -> Int {
        var n = 1, u = v
        while u >= 0x80 { u >>= 7; n += 1 }
        return n
    }

    static func varint(_ v: UInt64, into out: inout [UInt8]) {
        var u = v
        while u >= 0x80 { out.append(UInt8(u & 0x7F) | 0x80); u >>= 7 }
        out.append(UInt8(u))
    }

    static func string(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { varint(UInt64($0.count), into: &out); out.append(contentsOf: $0) }
    }

    /// An array or map: tag, byte length, count, then `body` (already encoded elements or entries).
    static func container(_ tag: Tag, count: Int, body: [UInt8], into out: inout [UInt8]) {
        var head: [UInt8] = []
        varint(UInt64(count), into: &head)
        out.append(tag.rawValue)
        varint(UInt64(head.count + body.count), into: &out)
        out += head
        out += body
    }

    // MARK: reading

    struct Malformed: Error {}

    /// A varint at `at` in `bytes`, and where it ends.
    @inline(__always)
    static func varint(_ bytes: UnsafeRawBufferPointer, _ at: Int) throws(Malformed) -> (UInt64, Int) {
        var u: UInt64 = 0, shift: UInt64 = 0, i = at
        while true {
            guard i < bytes.count, shift < 64 else { throw Malformed() }
            let b = bytes[i]; i += 1
            u |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return (u, i) }
            shift += 7
        }
    }

    /// Where the value starting at `at` ends.
    static func end(of bytes: UnsafeRawBufferPointer, _ at: Int) throws(Malformed) -> Int {
        guard at < bytes.count, let tag = Tag(rawValue: bytes[at]) else { throw Malformed() }
        let end: Int
        switch tag {
        case .null, .falseValue, .trueValue: end = at + 1
        case .integer: end = try varint(bytes, at + 1).1
        case .double: end = at + 9
        case .string, .array, .map:
            let (n, start) = try varint(bytes, at + 1)
            guard n <= UInt64(bytes.count - start) else { throw Malformed() }
            end = start + Int(n)
        }
        guard end <= bytes.count else { throw Malformed() }
        return end
    }

    /// The elements of the array at `at`: where they start, how many, where the array ends.
    static func elements(_ bytes: UnsafeRawBufferPointer, _ at: Int, _ tag: Tag) throws(Malformed) -> (start: Int, count: Int, end: Int) {
        guard at < bytes.count, bytes[at] == tag.rawValue else { throw Malformed() }
        let (length, body) = try varint(bytes, at + 1)
        guard length <= UInt64(bytes.count - body) else { throw Malformed() }
        let (count, start) = try varint(bytes, body)
        let end = body + Int(length)
        guard start <= end, count <= UInt64(end - start) else { throw Malformed() }
        return (start, Int(count), end)
    }
}
