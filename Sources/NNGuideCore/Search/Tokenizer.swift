import Foundation

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

    /// Calls `body` with each word and its range. ASCII words (nearly all of the guide) are built
    /// byte by byte; others go through Foundation's case and accent folding.
    static func scan(_ text: String, _ body: (String, Range<String.Index>) -> Void) {
        let scalars = text.unicodeScalars
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var other = String.UnicodeScalarView()
        var ascii = true
        var start: String.Index? = nil
        func flush(_ end: String.Index) {
            if let s = start, !bytes.isEmpty || !other.isEmpty {
                if ascii { body(String(decoding: bytes, as: UTF8.self), s..<end) }
                else { body(fold(String(String(decoding: bytes, as: UTF8.self).unicodeScalars + other)), s..<end) }
            }
            start = nil; bytes.removeAll(keepingCapacity: true); other = String.UnicodeScalarView(); ascii = true
        }
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let c = scalars[i]
            let v = c.value
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                if start == nil { start = i }
                if ascii { bytes.append(UInt8(v)) } else { other.append(c) }
            } else if v >= 0x41 && v <= 0x5A {
                if start == nil { start = i }
                if ascii { bytes.append(UInt8(v + 0x20)) } else { other.append(Unicode.Scalar(v + 0x20)!) }
            } else if (v == 0x27 || v == 0x2019) && start != nil {
                // an apostrophe inside a word: skip it, keep the word going
            } else if v >= 0x80 && (c.properties.isAlphabetic || c.properties.numericType != nil
                                    || (start != nil && c.properties.generalCategory == .nonspacingMark)) {
                if start == nil { start = i }
                ascii = false
                other.append(c)
            } else {
                flush(i)
            }
            i = scalars.index(after: i)
        }
        flush(scalars.endIndex)
    }

    /// Lower case without accents, for words outside ASCII.
    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }
}
