/// "Did you mean" by sound, for the words typos cannot reach: a word spelt as it is heard ("atenshun",
/// "convolushun") is four typos from the word meant, more than any tolerance that keeps nonsense out,
/// but it sounds the same. A compact Metaphone: each word becomes its consonant sounds (TI or SI before
/// a vowel and SH are X, PH and V are F, C/K/Q are K, D is T, Z is S ...), a doubled letter counts once,
/// and of the vowels only a first one stays (as A). Every suggester in EditDistance uses it as the
/// fallback after typos (`EditDistance.closest`, the search index's and the glossary matcher's).
public enum Phonetic {
    /// The key of a word or phrase: each word's sounds, words apart by a space ("self-attention":
    /// "SLF ATNXN"). Letters other than a-z (digits, accents, punctuation) part words.
    public static func key(_ text: String) -> String {
        var out: [UInt8] = [], word: [UInt8] = []
        func flush() {
            let k = self.word(word)
            word.removeAll(keepingCapacity: true)
            guard !k.isEmpty else { return }
            if !out.isEmpty { out.append(0x20) }
            out += k
        }
        for b in text.utf8 {
            switch b {
            case 0x61...0x7A: word.append(b)
            case 0x41...0x5A: word.append(b | 0x20)
            case 0x27: continue  // an apostrophe keeps the word together ("don't")
            default: flush()
            }
        }
        flush()
        return String(decoding: out, as: UTF8.self)
    }

    /// One word's sounds (lower-case ASCII letters in, upper-case symbols out; "0" is TH).
    static func word(_ w: [UInt8]) -> [UInt8] {
        func at(_ i: Int) -> UInt8 { w.indices.contains(i) ? w[i] : 0 }
        func isVowel(_ i: Int) -> Bool { "aeiou".utf8.contains(at(i)) }
        func front(_ i: Int) -> Bool { "eiy".utf8.contains(at(i)) }
        func ascii(_ s: Unicode.Scalar) -> UInt8 { UInt8(ascii: s) }
        var out: [UInt8] = []
        func put(_ s: String) { out += s.utf8 }
        var i = 0
        // Silent first letters: knowledge, gnu, pneumonia, write, psychology.
        if w.count > 1, ["kn", "gn", "pn", "wr", "ps"].contains(String(decoding: w[0..<2], as: UTF8.self)) { i = 1 }
        if at(0) == ascii("x") { put("S"); i = 1 }
        let start = i
        while i < w.count {
            let c = w[i]
            defer { i += 1 }
            // A doubled letter sounds once (a doubled c may not: "accent").
            if i > start && c == w[i - 1] && c != ascii("c") { continue }
            switch Unicode.Scalar(c) {
            case "a", "e", "i", "o", "u": if i == start { put("A") }
            case "b": if !(i == w.count - 1 && at(i - 1) == ascii("m")) { put("B") }  // lamb
            case "c":
                if at(i + 1) == ascii("i") && at(i + 2) == ascii("a") { put("X") }  // special
                else if front(i + 1) { if at(i - 1) != ascii("s") { put("S") } }  // cell; science
                else if at(i + 1) == ascii("h") { put(at(i - 1) == ascii("s") ? "K" : "X"); i += 1 }  // chip; school
                else if at(i + 1) != ascii("k") { put("K") }  // the k of "ck" says it
            case "d":
                if at(i + 1) == ascii("g") && front(i + 2) { put("J"); i += 1 } else { put("T") }  // edge
            case "g":
                if at(i + 1) == ascii("h") {
                    if isVowel(i + 2) || i == start { put("K") }  // ghost; night's gh is silent
                    i += 1
                } else if at(i + 1) == ascii("n") && (i + 2 == w.count || (at(i + 2) == ascii("e") && at(i + 3) == ascii("d") && i + 4 == w.count)) {
                    // sign, signed: silent
                } else { put(front(i + 1) ? "J" : "K") }
            case "h": if isVowel(i + 1) { put("H") }
            case "k": put("K")
            case "p": if at(i + 1) == ascii("h") { put("F"); i += 1 } else { put("P") }
            case "q": put("K")
            case "s":
                if at(i + 1) == ascii("h") { put("X"); i += 1 }
                else if at(i + 1) == ascii("i") && (at(i + 2) == ascii("a") || at(i + 2) == ascii("o")) { put("X") }  // vision, Asia
                else { put("S") }
            case "t":
                if at(i + 1) == ascii("i") && (at(i + 2) == ascii("a") || at(i + 2) == ascii("o")) { put("X") }  // attention
                else if at(i + 1) == ascii("h") { put("0"); i += 1 }
                else if !(at(i + 1) == ascii("c") && at(i + 2) == ascii("h")) { put("T") }  // the ch of "tch" says it
            case "v", "f": put("F")
            case "w", "y": if isVowel(i + 1) { out.append(c & ~0x20) }  // a w or y before a vowel only
            case "x": put("KS")
            case "z": put("S")
            default: out.append(c & ~0x20)  // j l m n r
            }
        }
        return out
    }

    /// How many candidates a list may have for a two-sound query to be compared by sound.
    static let shortList = 32

    /// A query ready to be compared by sound with many candidates (its key worked out once).
    public struct Query {
        public let key: String
        let scalars: [Unicode.Scalar]

        /// Nil for a query whose key has under `fewestSounds` sounds: among a whole vocabulary "zzz" (S)
        /// would sound like half the words, so three by default.
        public init?(_ query: String, fewestSounds: Int = 3) {
            let q = query.lowercased()
            key = Phonetic.key(q)
            scalars = Array(q.unicodeScalars)
            guard key.utf8.filter({ $0 != 0x20 }).count >= fewestSounds else { return nil }
        }

        /// The typos between the query and `candidate` when it sounds the same and is still recognisably
        /// the word typed: its length within half the query's, and at most half its letters different.
        func distance(to candidate: String, scratch: inout EditDistance.Scratch) -> Int? {
            // The length first: most candidates go without a key worked out.
            guard abs(candidate.unicodeScalars.count - scalars.count) <= max(1, scalars.count / 2), Phonetic.key(candidate) == key else { return nil }
            let c = Array(candidate.lowercased().unicodeScalars)
            return EditDistance.distance(scalars, c, limit: max(c.count, scalars.count) / 2, scratch: &scratch)
        }
    }

    /// The candidate (whole strings) that sounds like `query`, the fewest typos first, then the
    /// earliest; nil when none does. Among a short list (a field's values, the commands) two sounds
    /// are enough to go on: "fone" (FN) is heard as "phone" and there are few words to mishear it as.
    public static func closest(to query: String, among candidates: [String]) -> String? {
        guard let q = Query(query, fewestSounds: candidates.count <= shortList ? 2 : 3) else { return nil }
        var scratch = EditDistance.Scratch()
        var best: (String, Int)?
        for c in candidates {
            if let d = q.distance(to: c, scratch: &scratch), d < (best?.1 ?? .max) { best = (c, d) }
        }
        return best?.0
    }
}
