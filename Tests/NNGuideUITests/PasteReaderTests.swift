import NNGuideUI
import Testing

/// Bracketed paste (issue 23's retest: a pasted newline opened a hit and the rest ran as keys): the
/// bytes between the markers come out as one paste, however the reads cut them.
@Suite struct PasteReaderTests {
    /// The paste's bytes (after the start marker) fed in `chunks` reads; the text and what was left after the end.
    static func read(_ chunks: [[UInt8]]) -> (text: String?, after: [UInt8]) {
        var r = PasteReader()
        for (n, chunk) in chunks.enumerated() {
            if let (text, rest) = r.feed(chunk) { return (text, Array(chunk[rest...]) + chunks.dropFirst(n + 1).flatMap { $0 }) }
        }
        return (nil, [])
    }

    static let end = PasteReader.end

    @Test func lineBreaksAndTabsBecomeSpacesControlBytesGo() {
        let raw = Array("data\nleak\tage\r\nsplit\u{07}s\u{1B}x".utf8) + Self.end
        #expect(Self.read([raw]).text == "data leak age splitsx")
    }

    @Test func theSameTextHoweverTheReadsCutIt() {
        let text = "attention 漢字 🙂 cost\n"
        let raw = Array(text.utf8) + Self.end + Array("q".utf8)
        let whole = Self.read([raw])
        #expect(whole.text == "attention 漢字 🙂 cost ")
        #expect(whole.after == Array("q".utf8), "the key after the paste is the caller's")
        // Every cut: inside a character, inside the end marker, right before it.
        for cut in 1..<raw.count {
            let split = Self.read([Array(raw[..<cut]), Array(raw[cut...])])
            #expect(split.text == whole.text, "cut at \(cut)")
            #expect(split.after == whole.after, "cut at \(cut)")
        }
        // One byte a read.
        #expect(Self.read(raw.map { [$0] }).text == whole.text)
    }

    @Test func aMarkerThatDoesNotFinishIsText() {
        // ESC [ 2 0 then not 1: pasted text that merely looks like the marker's start.
        let raw = Array("a\u{1B}[20b".utf8) + Self.end
        #expect(Self.read([raw]).text == "a[20b")
        // An Esc right before the real end marker.
        #expect(Self.read([Array("z\u{1B}".utf8) + Self.end]).text == "z")
    }

    @Test func anUnfinishedPasteGivesNothingUntilGivenUp() {
        #expect(Self.read([Array("no end".utf8)]).text == nil)
        var r = PasteReader()
        let open = r.feed(Array("no end\u{1B}[20".utf8))
        #expect(open == nil)
        let given = r.finish()
        #expect(given == "no end[20")
        // And the reader starts afresh.
        let next = r.feed(Array("x".utf8) + PasteReader.end)
        #expect(next?.text == "x")
    }

    @Test func aHugePasteIsCutAndStillEnds() {
        let raw = [UInt8](repeating: 0x61, count: PasteReader.limit + 500) + Self.end + [0x71]
        let out = Self.read([raw])
        #expect(out.text?.count == PasteReader.limit)
        #expect(out.after == [0x71])
    }

    @Test func aPasteKeyIsNamedAndTypesAsText() {
        #expect(Key.paste("x").typed == .paste("x"))
        #expect(Key.char("x").typed == .type("x"))
        #expect(Key.enter.typed == nil)
        var f = TextField("ab")
        let moved = f.edit(.scrollLeft), pasted = f.edit(.paste("XY"))
        #expect(moved && pasted)
        #expect(f.text == "aXYb" && f.cursor == 3)
    }
}
