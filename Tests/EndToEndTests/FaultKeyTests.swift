import TestSupport
import Foundation
import Testing

/// Whatever arrives at the keyboard — random keys, escape sequences cut in half, pastes, a storm of
/// resizes — the explorer keeps running, and `q` (after Esc) still ends it cleanly. Bounded by
/// counts and seeded: a failure names the seed.
@Suite(.serialized, .enabled(if: FaultTerminal.available, "needs tmux and .build/debug/nnguide (make test builds it)"))
struct FaultKeyTests {
    /// Random bytes a person or a terminal could send, in batches, with resizes between them.
    @Test(arguments: [(seed: UInt64(0x6B65_7931), mouse: false), (seed: UInt64(0x6B65_7932), mouse: true)])
    func thousandsOfRandomKeys(_ c: (seed: UInt64, mouse: Bool)) throws {
        let t = try FaultTerminal(args: c.mouse ? ["--mouse"] : [])
        t.waitFor("Contents")
        var rng = SeededRandom(seed: c.seed)
        var sent = 0
        var pasteOpen = false
        for batch in 0..<60 {
            var bytes: [UInt8] = []
            while bytes.count < 50 {
                switch Int.random(in: 0..<10, using: &rng) {
                case 0..<5:   // printable ASCII, the view and typing keys
                    let b = UInt8.random(in: 0x20...0x7E, using: &rng)
                    if !KeyBytes.excluded.contains(b) { bytes.append(b) }
                case 5, 6:    // Enter, Tab, Backspace, Esc and other control bytes
                    let b = [13, 9, 127, 8, 27, 12, 1, 5, 14, 16, 21, 23].randomElement(using: &rng)!
                    bytes.append(UInt8(b))
                case 7, 8:    // escape sequences, whole or cut short
                    bytes += KeyBytes.sequences.randomElement(using: &rng)!
                default:      // UTF-8, wide characters, and bytes that are not UTF-8 at all
                    bytes += [Array("é漢🙂".utf8), [0xFF], [0xC3], [0xE2, 0x82], [0x80]].randomElement(using: &rng)!
                }
            }
            sent += bytes.count
            defer { pasteOpen = KeyBytes.pasteOpen(after: bytes, pasteOpen) }
            if batch == 59 {
                // A paste started and not ended takes every byte after it as its text (it never runs as
                // keys), the way out included: the terminal ends it first, as terminals do.
                if KeyBytes.pasteOpen(after: bytes, pasteOpen) { bytes += KeyBytes.pasteEnd }
                // The last batch, a resize and the way out arrive at once, as on a loaded machine: the
                // order in which nnguide reads them no longer depends on how busy the machine is.
                try t.whileStopped {
                    try t.bytes(bytes)
                    try t.resize(80, 24)
                    try t.quit()
                }
                break
            }
            try t.bytes(bytes)
            if batch % 10 == 9 {
                try t.resize(Int.random(in: 10...160, using: &rng), Int.random(in: 4...60, using: &rng))
                usleep(50_000)
                #expect(t.programPID() != nil, "nnguide died after \(sent) bytes (seed \(c.seed))")
            }
        }
        // The debug binary may still be working through 3,000 keys (searches, pages opened) when q
        // arrives, for minutes on a loaded machine: wait while it works, fail when it sits idle.
        #expect(t.exitStatusWhileWorking(again: { try t.quit() }) == 0, "q did not end nnguide cleanly after \(sent) random bytes (seed \(c.seed)):\n\(t.screen())")
        t.expectRestored("after random keys")
    }

    /// A byte that is not UTF-8 (a Latin-1 é from a terminal set up for another character set, a
    /// paste cut in the middle of a character) costs one unknown key: the keys after it still arrive.
    /// curses' wide-character read swallowed every later key instead, which froze the random-keys
    /// test on a loaded machine (issue 22's flake: the search field kept its text, Esc and q never came).
    @Test(arguments: [[0xE9], [0xC3], [0xE2, 0x82], [0xF0, 0x9F], [0xFF], [0x80]] as [[UInt8]])
    func aByteThatIsNotUTF8LosesNoLaterKey(_ bad: [UInt8]) throws {
        let t = try FaultTerminal()
        t.waitFor("Contents")
        try t.send("s")
        t.waitFor("Search:")
        try t.bytes(bad)
        try t.type("attention")
        t.waitFor("Search: attention")
        // The same bytes and the way out arriving at once, as on a loaded machine.
        try t.whileStopped {
            try t.bytes(bad)
            try t.quit()
        }
        #expect(t.exitStatusWhileWorking() == 0, "bytes \(bad) swallowed the way out:\n\(t.screen())")
        t.expectRestored("after a byte that is not UTF-8")
    }

    /// Characters of one, two, three and four bytes, alone and read together, arrive whole.
    @Test func wideCharactersArriveWhole() throws {
        let t = try FaultTerminal()
        t.waitFor("Contents")
        try t.send("s")
        t.waitFor("Search:")
        try t.whileStopped { try t.bytes(Array("aé漢🙂".utf8)) }
        t.waitFor("Search: aé漢🙂")
        try t.quit()
        #expect(t.exitStatusWhileWorking() == 0, "\(t.screen())")
    }

    @Test func halfEscapeSequencesArriveSlowly() throws {
        let t = try FaultTerminal()
        t.waitFor("Contents")
        // The start of a sequence, a pause longer than the escape delay, then the rest.
        for seq in KeyBytes.sequences where seq.count > 1 {
            try t.bytes(Array(seq.prefix(seq.count / 2)))
            usleep(60_000)
            try t.bytes(Array(seq.dropFirst(seq.count / 2)))
        }
        #expect(t.programPID() != nil)
        try t.quit()
        #expect(t.exitStatusWhileWorking() == 0, "\(t.screen())")
        t.expectRestored("after split escape sequences")
    }

    @Test func pastesIntoFields() throws {
        let t = try FaultTerminal()
        t.waitFor("Contents")
        let words = (0..<120).map { ["attention", "漢字", "convolution", "🙂", "q", "\t", "gradient"][$0 % 7] }.joined(separator: " ")
        try t.send("s")
        try t.paste(words)                        // a paste of 1 kB into search
        try t.send("Escape", "Escape")
        try t.send("i")
        try t.paste(String(words.prefix(300)))   // and into the glossary filter
        usleep(200_000)
        #expect(t.programPID() != nil, "nnguide died on a paste")
        try t.quit()
        // Every pasted character is a key to work through first: wait while nnguide works
        // (BENCHMARKS.md reports how long a paste takes), fail when it sits idle.
        #expect(t.exitStatusWhileWorking() == 0, "\(t.screen())")
        t.expectRestored("after pastes")
    }

    @Test func resizeStorm() throws {
        let t = try FaultTerminal()
        t.waitFor("Contents")
        try t.send("t")                            // a view with a layout to redo at every size
        var rng = SeededRandom(seed: 0x7374_6F72)
        for _ in 0..<150 {
            try t.resize(Int.random(in: 10...300, using: &rng), Int.random(in: 4...100, using: &rng))
        }
        try t.resize(80, 24)
        try t.send("C-l")
        t.waitFor("Contents")                      // the contents view, laid out again at 80x24
        #expect(t.programPID() != nil)
        try t.quit()
        #expect(t.exitStatusWhileWorking() == 0, "\(t.screen())")
        t.expectRestored("after a resize storm")
    }
}
