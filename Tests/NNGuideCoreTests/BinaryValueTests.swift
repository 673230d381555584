import TestSupport
import Foundation
import Testing
@testable import NNGuideCore

/// The cache's value format (`BinaryValue`): every content type comes back equal, and a frame that is
/// cut, damaged or of another version is refused, so the loader reads the YAML instead.
@Suite struct BinaryValueTests {
    static func roundTrip<T: Codable & Equatable>(_ value: T, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let bytes = BinaryValue.encode(value)
        #expect(bytes != nil, "\(T.self) did not encode", sourceLocation: sourceLocation)
        guard let bytes else { return }
        let framed = BinaryValue.frame(bytes)
        let back = framed.withUnsafeBytes { raw in BinaryValue.unframe(raw).flatMap { BinaryValue.decode(T.self, from: $0) } }
        #expect(back == value, "\(T.self) changed in a round trip", sourceLocation: sourceLocation)
    }

    /// The shipped guide holds every kind of block, rule and entry; each part round-trips whole.
    @Test func everyContentTypeOfTheShippedGuide() throws {
        let guide = try ContentLoader.load(directory: Fixtures.realContent)
        #expect(!guide.pages.isEmpty && !guide.glossary.isEmpty && !guide.sources.isEmpty)
        Self.roundTrip(guide.pages)
        for page in guide.pages { Self.roundTrip([page]) }
        Self.roundTrip(guide.glossary)
        Self.roundTrip(guide.catalog)
        Self.roundTrip(guide.decisions)
        Self.roundTrip(guide.sources)
        let parts = ContentCacheTests.parts(guide)
        let bytes = try #require(BinaryValue.encode(parts))
        let back = try #require(bytes.withUnsafeBytes { BinaryValue.decode(GuideParts.self, from: $0) })
        #expect(back.pages == parts.pages && back.glossary == parts.glossary && back.catalog == parts.catalog
                && back.decisions == parts.decisions && back.sources == parts.sources)
    }

    struct Scalars: Codable, Equatable {
        var empty = "", text = "naïve — 注意 🧠", ints = [0, 1, -1, 63, -64, 64, Int.max, Int.min]
        var u64 = UInt64.max, i8 = Int8.min, u8 = UInt8.max, flag = true, off = false
        var numbers = [0.0, -0.5, 1e300, .infinity], float: Float = 1.5
        var missing: String? = nil, present: String? = "x", nested: [[String: [Int]]] = [["a": [1, 2]], [:]]
        var table: [String: Double] = ["t4": 3.25, "cpu": 120]
    }

    @Test func scalarsAndContainers() {
        Self.roundTrip(Scalars())
        Self.roundTrip([String]())
        Self.roundTrip(["only"])
        Self.roundTrip([Int?.none, 3])
    }

    /// Cut anywhere, a byte flipped anywhere, another version, a wrong length: never a value.
    @Test func aDamagedFrameIsRefused() throws {
        let pages = try Fixtures.miniGuide().pages
        let good = BinaryValue.frame(try #require(BinaryValue.encode(pages)))
        #expect(good.withUnsafeBytes { BinaryValue.unframe($0) != nil })
        var damaged: [[UInt8]] = [[], [BinaryValue.version]]
        for cut in stride(from: 1, to: good.count, by: max(1, good.count / 40)) { damaged.append(Array(good.prefix(cut))) }
        var rng = SeededRandom(seed: 0x6269_6E61)
        for _ in 0..<40 {
            var d = good
            d[Int.random(in: 0..<d.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng)
            damaged.append(d)
        }
        var old = good; old[0] = BinaryValue.version &+ 1; damaged.append(old)
        damaged.append(good + [0])
        for (i, d) in damaged.enumerated() {
            #expect(d.withUnsafeBytes { BinaryValue.unframe($0) } == nil, "damaged frame \(i) was accepted")
        }
    }

    /// Bytes that pass no checksum (as a decoder bug would meet them) fail to decode; they never crash.
    @Test func garbageDecodesToNothing() {
        var rng = SeededRandom(seed: 0x6761_7262)
        let good = BinaryValue.encode(Scalars())!
        for _ in 0..<200 {
            var d = good
            for _ in 0..<3 { d[Int.random(in: 0..<d.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
            _ = d.withUnsafeBytes { BinaryValue.decode(Scalars.self, from: $0) }
            _ = Array(d.prefix(Int.random(in: 0..<d.count, using: &rng))).withUnsafeBytes { BinaryValue.decode(Scalars.self, from: $0) }
        }
        #expect([UInt8]().withUnsafeBytes { BinaryValue.decode([String].self, from: $0) } == nil)
        #expect([BinaryValue.Tag.string.rawValue, 5, 65].withUnsafeBytes { BinaryValue.decode(String.self, from: $0) } == nil)
    }
}
