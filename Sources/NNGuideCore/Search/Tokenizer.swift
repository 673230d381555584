#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Splits text into search words: runs of letters and digits, lower-cased and stripped of accents.
/// Apostrophes inside a word are dropped rather than splitting it ("practitioner's" -> "practitioners"),
/// so a prefix query still finds the possessive. The index and the query use this one routine, which is
/// what makes matching case-insensitive.
public enum Tokenizer {
    /// A word and where it stands in the text it came from.
    public struct Token: Sendable, Equatable {
        public var text: String
        public var range: Range<String.Index>
    }

    public static func words(_ text: String) -> [String] {
        var out: [String] = []
        scan(text) { word, _ in out.append(word) }
        return out
    }

    public static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        scan(text) { word, range in out.append(Token(text: word, range: range)) }
        return out
    }

    /// Calls `body` with each word and its range.
    static func scan(_ text: String, _ body: (String, Range<String.Index>) -> Void) {
        scanFolded(text) { word, range in
            switch word {
            case .ascii(let bytes): body(String(decoding: bytes, as: UTF8.self), range)
            case .folded(let s): body(s, range)
            }
        }
    }

    /// The words in `text` that start with one of `prefixes` (query words, already tokenized and
    /// stemmed), which prefix each matched (the first that did), and which prefixes matched, as bits.
    /// A range is the whole word when the word is the query word or another form of it (its stem is
    /// the query word: "leaking" for "leak"), and only the matching start of a longer word
    /// otherwise ("data" in "dataset"), so a mark never shows a word the query did not name.
    /// Snippets call this for every hit on every keystroke, so ASCII words are compared as bytes.
    static func prefixMatches(in text: String, of prefixes: [[UInt8]]) -> (ranges: [Range<String.Index>], which: [Int], matched: UInt64) {
        var ranges: [Range<String.Index>] = []
        var which: [Int] = []
        var matched: UInt64 = 0
        let utf8 = text.utf8
        scanFolded(text) { word, range in
            var first = -1, longest = 0, whole = false
            func check(_ w: some Collection<UInt8>, ascii: Bool) {
                for (k, p) in prefixes.enumerated() where w.starts(with: p) {
                    if first < 0 { first = k }
                    if k < 64 { matched |= 1 << UInt64(k) }
                    if !ascii || w.count == p.count || stem(String(decoding: w, as: UTF8.self)).utf8.elementsEqual(p) { whole = true }
                    longest = max(longest, p.count)
                }
            }
            switch word {
            case .ascii(let bytes): check(bytes, ascii: true)
            case .folded(let s): check(s.utf8, ascii: false)
            }
            guard first >= 0 else { return }
            guard !whole else { ranges.append(range); which.append(first); return }
            // An ASCII word's letters and digits stand in the text as its bytes (an apostrophe it lost
            // aside): the prefix ends after `longest` of them.
            var end = range.lowerBound, taken = 0
            while taken < longest && end < range.upperBound {
                let b = utf8[end] | 0x20
                if (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) { taken += 1 }
                end = utf8.index(after: end)
            }
            ranges.append(range.lowerBound..<end)
            which.append(first)
        }
        return (ranges, which, matched)
    }

    /// A word as `scan` found it: ASCII bytes already lower-cased (valid only during the call), or any
    /// other word folded.
    enum Word { case ascii(UnsafeBufferPointer<UInt8>), folded(String) }

    /// The one tokenizing loop. ASCII words (nearly all of the guide) are built byte by byte; others
    /// go through Foundation's case and accent folding.
    static func scanFolded(_ text: String, _ body: (Word, Range<String.Index>) -> Void) {
        // Read as UTF-8 bytes, and a word already in lower case is handed over where it stands,
        // uncopied: walking the string scalar by scalar cost several times more, and snippets run
        // this over every hit's text on each keystroke.
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        utf8.withContiguousStorageIfAvailable { buf in
            var bytes: [UInt8] = []      // the word so far, once it is not a plain slice of `buf`
            bytes.reserveCapacity(32)
            var other = String.UnicodeScalarView()
            var ascii = true, plain = true
            var start = -1
            func leavePlain(_ end: Int) {
                if plain { bytes.append(contentsOf: buf[start..<end]); plain = false }
            }
            func flush(_ end: Int) {
                if start >= 0, plain || !bytes.isEmpty || !other.isEmpty {
                    let range = index(start)..<index(end)
                    if ascii && plain { body(.ascii(UnsafeBufferPointer(rebasing: buf[start..<end])), range) }
                    else if ascii { bytes.withUnsafeBufferPointer { body(.ascii($0), range) } }
                    else { body(.folded(fold(String(String(decoding: bytes, as: UTF8.self).unicodeScalars + other))), range) }
                }
                start = -1; bytes.removeAll(keepingCapacity: true); ascii = true; plain = true
                if !other.isEmpty { other = String.UnicodeScalarView() }
            }
            var i = 0
            let n = buf.count
            while i < n {
                let b = buf[i]
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    if start < 0 { start = i }
                    else if !plain { if ascii { bytes.append(b) } else { other.append(Unicode.Scalar(b)) } }
                    i += 1
                    continue
                }
                if b >= 0x41 && b <= 0x5A {
                    if start < 0 { start = i }
                    leavePlain(i)
                    if ascii { bytes.append(b + 0x20) } else { other.append(Unicode.Scalar(b + 0x20)) }
                    i += 1
                    continue
                }
                if b < 0x80 {
                    // an apostrophe inside a word is skipped and the word goes on
                    if b == 0x27 && start >= 0 { leavePlain(i) } else { flush(i) }
                    i += 1
                    continue
                }
                // A scalar outside ASCII: decode it from its lead byte (the string is valid UTF-8).
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<min(length, n - i) { v = v << 6 | UInt32(buf[i + k] & 0x3F) }
                let c = Unicode.Scalar(v) ?? "\u{FFFD}"
                if v == 0x2019 && start >= 0 {
                    leavePlain(i)   // a typographic apostrophe, likewise
                } else if c.properties.isAlphabetic || c.properties.numericType != nil
                            || (start >= 0 && c.properties.generalCategory == .nonspacingMark) {
                    if start < 0 { start = i } else { leavePlain(i) }
                    plain = false
                    ascii = false
                    other.append(c)
                } else {
                    flush(i)
                }
                i += length
            }
            flush(n)
        }
    }

    /// Lower case without accents, for words outside ASCII (`LatinFold.searchFold`).
    static func fold(_ s: String) -> String { LatinFold.searchFold(s) }
}

extension Tokenizer {
    /// A light stemmer for query words: the common endings come off so that the prefix match finds
    /// the other forms of the word ("leakage", "leaking" -> "leak"; "sequences", "sequence" ->
    /// "sequenc"; "attentions" -> "attention"). Only the query is stemmed (the index keeps whole
    /// words), and a stem is never shorter than four letters, so short words are taken as typed.
    public static func stem(_ word: String) -> String {
        guard word.count > 4 else { return word }
        var w = Substring(word)
        for suffix in ["ings", "ing", "ages", "age", "ies", "es", "ed", "s"] where w.hasSuffix(suffix) {
            let rest = w.dropLast(suffix.count)
            // "class", "corpus", "analysis": an s that is part of the word stays.
            if suffix == "s", w.hasSuffix("ss") || w.hasSuffix("us") || w.hasSuffix("is") { continue }
            if rest.count >= 4 { w = rest; break }
        }
        if w.hasSuffix("e") && w.count > 4 { w = w.dropLast() }
        return String(w)
    }
}
