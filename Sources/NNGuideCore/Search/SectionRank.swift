#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// BM25F over the guide's sections, for ranking the text group (SearchIndex.textGroup): the usual
/// constants (k1 1.2, b 0.75); fields folded into one weighted count, headings and titles counting
/// `titleWeight` times a body passage.
struct SectionRank {
    static let k1 = 1.2, b = 0.75
    static let titleWeight = 3.0
    /// A prefix match ("leak" in "leaky") counts half a whole word or its stem.
    static let prefixWeight = 0.5
    /// Another one-word name of the same glossary entry ("table" for "tabular") counts this much.
    static let synonymWeight = 0.8
    /// The bonus for a section that has one passage holding every word (the words near each other).
    static let together = 1.25
    /// A section whose heading holds every word (a synonym counts) is about them.
    static let headingHasAll = 2.0
    /// A section the glossary entry the query names lists as discussing it (`used_in`).
    static let namedByGlossary = 1.5

    let index: SearchIndex
    let words: [String]

    /// One score per section in `sections` (same order); `together` lists the sections with a passage
    /// holding every word.
    func scores(_ sections: [Int], together: Set<Int>) -> [Double] {
        let n = index.sectionText.count
        guard n > 0, !sections.isEmpty else { return sections.map { _ in 0 } }
        var slot = [Int](repeating: -1, count: n)
        for (i, s) in sections.enumerated() { slot[s] = i }
        var total = [Double](repeating: 0, count: sections.count)
        var lastSeen = [Int](repeating: -1, count: n)
        var inHeading = [Int](repeating: 0, count: sections.count)   // bit k: word k is in the heading
        let lengths = (0..<n).map { Double(index.sectionStart[$0 + 1] - index.sectionStart[$0]) }
        let average = max(1, lengths.reduce(0, +) / Double(n))
        for (k, w) in words.enumerated() {
            var tf = [Double](repeating: 0, count: sections.count)
            var df = 0
            let ranges = [(w, 1.0)] + (index.synonyms[w] ?? []).map { ($0, Self.synonymWeight) }
            for (name, weight) in ranges {
            for t in index.prefixRange(name) {
                let whole = (index.terms[t] == name ? 1.0 : Self.prefixWeight) * weight
                for j in Int(index.termStart[t])..<Int(index.termStart[t + 1]) {
                    let p = index.postings[j]
                    let sec = Int(index.unitSection[Int(p >> 1)])
                    guard sec >= 0 else { continue }
                    if lastSeen[sec] != k { lastSeen[sec] = k; df += 1 }
                    let i = slot[sec]
                    if i >= 0 {
                        tf[i] += whole * (p & 1 == 1 ? Self.titleWeight : 1)
                        if p & 1 == 1 && Int(p >> 1) == Int(index.sectionStart[sec]) { inHeading[i] |= 1 << k }
                    }
                }
            }
            }
            let idf = log(1 + (Double(n - df) + 0.5) / (Double(df) + 0.5))
            for i in sections.indices where tf[i] > 0 {
                let norm = tf[i] / (1 - Self.b + Self.b * lengths[sections[i]] / average)
                total[i] += idf * norm * (Self.k1 + 1) / (norm + Self.k1)
            }
        }
        let discussed = Set(index.discussedIn[words.joined(separator: " ")] ?? [])
        for (i, s) in sections.enumerated() {
            if together.contains(s) { total[i] *= Self.together }
            if inHeading[i] == (1 << words.count) - 1 { total[i] *= Self.headingHasAll }
            if discussed.contains(Int32(s)) { total[i] *= Self.namedByGlossary }
        }
        return total
    }
}
