import Foundation
import Testing
@testable import NNGuideCore

/// Search folding and the ASCII terminal's folding without ICU (issue 25): our own table for Latin
/// letters, checked against Foundation's diacritic folding (which the test target may still use) and
/// on the guide's own accented words.
@Suite struct FoldingTests {
    /// Every Latin letter (Latin-1 to Latin Extended Additional) that Foundation folds to ASCII, ours
    /// folds to the same letters.
    @Test func latinLettersFoldAsFoundationFoldsThem() {
        var checked = 0
        for range in [0xC0...0x24F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
                let s = String(scalar)
                let theirs = s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
                guard theirs.unicodeScalars.allSatisfy({ $0.isASCII }) else { continue }
                #expect(LatinFold.searchFold(s) == theirs, "U+\(String(value, radix: 16)) \(s)")
                checked += 1
            }
        }
        #expect(checked > 400)
    }

    @Test func decomposedAccentsAndFullWidthFold() {
        #expect(LatinFold.searchFold("Fre\u{301}chet") == "frechet")
        #expect(LatinFold.searchFold("ＦＩＤ") == "fid")
        #expect(LatinFold.searchFold("Łódź straße") == "lodz strasse")
        #expect(LatinFold.searchFold("日本 ε") == "日本 ε")
    }

    @Test func asciiTerminalsSpellLatinLettersOut() {
        #expect(ASCIIFold.fold("Fréchet, Łukasz, Ærø") == "Frechet, Lukasz, AEro")
        #expect(ASCIIFold.fold("日") == "?")
    }

    /// Each accented word of the real glossary is found by its ASCII spelling, with the same hits.
    @Test func glossaryAccentedWordsAreFoundWithoutTheirAccents() throws {
        let guide = try ContentLoader.load(directory: Fixtures.realContent)
        let index = SearchIndex(guide: guide)
        let words = Set(guide.glossary.flatMap { e in
            ([e.term, e.definition] + e.aliases).joined(separator: " ").split(whereSeparator: { !$0.isLetter }).map(String.init)
        }.filter { w in w.unicodeScalars.contains { LatinFold.base($0) != nil } })
        #expect(words.contains("Fréchet"))
        for word in words {
            let accented = index.search(word, limit: 10).hits.map(\.id)
            let plain = index.search(ASCIIFold.fold(word), limit: 10).hits.map(\.id)
            #expect(!accented.isEmpty && accented == plain, "\(word)")
        }
    }
}
