import NNGuideUI
import Testing

/// The terminal's bytes put together into characters (UTF8KeyCollector): whole characters of every
/// length arrive as typed; a broken one costs one unknown key and never the key after it.
@Suite struct UTF8KeyCollectorTests {
    /// Feeds `bytes` the way the terminal does (a replayed byte is fed again) and lists what came out.
    static func keys(_ bytes: [UInt8]) -> [String] {
        var c = UTF8KeyCollector()
        var out: [String] = []
        var queue = bytes[...]
        while let b = queue.first {
            queue = queue.dropFirst()
            if b < 0x80 && !c.isCollecting { out.append(String(UnicodeScalar(b))); continue }
            switch c.feed(b) {
            case .collecting: break
            case .character(let ch): out.append(String(ch))
            case .broken(let replay):
                out.append("?")
                if replay { queue = [b] + queue }
            }
        }
        if c.isCollecting { out.append("…") }
        return out
    }

    @Test func wholeCharactersOfEveryLength() {
        #expect(Self.keys(Array("aé漢🙂z".utf8)) == ["a", "é", "漢", "🙂", "z"])
    }

    @Test(arguments: [
        ([0xE9, 0x71], ["?", "q"]),                 // Latin-1 é, then q
        ([0xC3, 0x1B, 0x71], ["?", "\u{1B}", "q"]), // a cut character, then Esc and q
        ([0xE2, 0x82, 0x61], ["?", "a"]),
        ([0xF0, 0x9F, 0x99, 0x71], ["?", "q"]),
        ([0x80, 0x61], ["?", "a"]),                 // a stray continuation byte
        ([0xFF, 0xFE, 0x61], ["?", "?", "a"]),      // never UTF-8
        ([0xC0, 0xAF, 0x61], ["?", "?", "a"]),      // overlong "/"
        ([0xED, 0xA0, 0x80, 0x61], ["?", "a"]),     // a surrogate
        ([0xC3, 0xC3, 0xA9], ["?", "é"]),           // a lead byte breaks the one before and starts its own
    ] as [([UInt8], [String])])
    func aBrokenCharacterCostsOneKeyAndNoMore(_ c: ([UInt8], [String])) {
        #expect(Self.keys(c.0) == c.1)
    }

    @Test func anInterruptionBreaksAStartedCharacterOnly() {
        var c = UTF8KeyCollector()
        #expect(c.interrupt() == false)
        #expect(c.feed(0xE6) == .collecting)
        #expect(c.interrupt() == true)
        #expect(c.isCollecting == false)
        #expect(c.feed(0x61) == .broken(replay: false))   // ASCII is never fed alone; if it is, it is no lead byte
    }
}
