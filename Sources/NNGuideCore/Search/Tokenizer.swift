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

    public static func words(_ text: String) -> [String] { tokens(text).map(\.text) }

    public static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        var start: String.Index? = nil
        var word = String.UnicodeScalarView()
        var ascii = true
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        func flush(_ end: String.Index) {
            if let s = start, !word.isEmpty {
                let raw = String(word)
                out.append(Token(text: ascii ? raw : fold(raw), range: s..<end))
            }
            start = nil; word = String.UnicodeScalarView(); ascii = true
        }
        while i < scalars.endIndex {
            let c = scalars[i]
            let v = c.value
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                if start == nil { start = i }
                word.append(c)
            } else if v >= 0x41 && v <= 0x5A {
                if start == nil { start = i }
                word.append(Unicode.Scalar(v + 0x20)!)
            } else if (v == 0x27 || v == 0x2019) && start != nil {
                // apostrophe inside a word: skip it, keep the word going
            } else if v >= 0x80 && (c.properties.isAlphabetic || c.properties.numericType != nil) {
                if start == nil { start = i }
                word.append(c); ascii = false
            } else if v >= 0x80 && c.properties.generalCategory == .nonspacingMark && start != nil {
                word.append(c); ascii = false
            } else {
                flush(i)
            }
            i = scalars.index(after: i)
        }
        flush(scalars.endIndex)
        return out
    }

    /// Lower case without accents, for words outside ASCII.
    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }
}
