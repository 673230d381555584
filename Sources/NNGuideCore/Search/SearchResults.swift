/// What a search hit is: the groups of the results, in the order they are shown when equally strong.
public enum SearchKind: String, Codable, Sendable, CaseIterable, Comparable {
    case heading, glossary, architecture, table, figure, text

    /// The group's heading as shown.
    public var title: String {
        switch self {
        case .heading: return "Headings"
        case .glossary: return "Glossary"
        case .architecture: return "Architectures"
        case .table: return "Tables"
        case .figure: return "Figures"
        case .text: return "Text"
        }
    }

    /// Position in the order groups are shown.
    public var order: Int { SearchKind.allCases.firstIndex(of: self)! }

    public static func < (a: SearchKind, b: SearchKind) -> Bool { a.order < b.order }
}

/// A short piece of the matching text and the words in it that matched.
public struct SearchSnippet: Sendable, Equatable {
    public var text: String
    /// Ranges of `text` to highlight, in order, not overlapping.
    public var matches: [Range<String.Index>]

    public init(text: String, matches: [Range<String.Index>]) { self.text = text; self.matches = matches }

    /// The text cut into plain and matching pieces, for drawing highlights.
    public var segments: [(text: Substring, isMatch: Bool)] {
        var out: [(Substring, Bool)] = []
        var at = text.startIndex
        for r in matches {
            if at < r.lowerBound { out.append((text[at..<r.lowerBound], false)) }
            out.append((text[r], true))
            at = r.upperBound
        }
        if at < text.endIndex { out.append((text[at...], false)) }
        return out
    }

    /// `matches` as offsets in Characters from the start of `text` (for JSON).
    public var matchOffsets: [Range<Int>] {
        matches.map { text.distance(from: text.startIndex, to: $0.lowerBound)..<text.distance(from: text.startIndex, to: $0.upperBound) }
    }
}

/// One result: a page heading, glossary entry, catalog entry, table, figure or page text.
public struct SearchHit: Sendable, Equatable {
    public var kind: SearchKind
    /// Page, glossary, catalog, table or figure id, according to `kind`.
    public var id: String
    /// The page to open to see the hit (the page itself, the page holding the table, figure or text,
    /// an architecture's deep-dive); nil for glossary entries.
    public var pageID: String?
    public var title: String
    /// Where the hit sits: titles from the top-level page down ("Part 3" > "3.2 CNNs").
    public var breadcrumb: [String]
    public var snippet: SearchSnippet
    /// For text hits: which block of the page the snippet comes from (-1: the page summary).
    public var blockIndex: Int?
    /// How many passages of this item matched (text hits gather every paragraph of a page); 0 for a
    /// section whose passages hold the words only between them.
    public var passages: Int
    public var score: Int

    /// What a hit found only across a section's passages says after its location, in the
    /// explorer and the CLI alike (`nnguide search`): no one paragraph holds every word. One
    /// wording in one place: the shell said "(words in different paragraphs)" where the explorer
    /// said "(across paragraphs)" (eleventh retest).
    public static let spreadNote = "across paragraphs"
    /// `spreadNote` for a section found by its passages together; nil for any other hit.
    public var spread: String? { kind == .text && passages == 0 ? Self.spreadNote : nil }

    /// The id `nnguide show` opens the hit by, as `GuideItem.id` writes it: a glossary or catalog
    /// id with its link prefix (`g:leakage`, `a:vit`), any other as it is.
    public var showID: String {
        switch kind {
        case .glossary: return "g:" + id
        case .architecture: return "a:" + id
        default: return id
        }
    }
}

public struct SearchGroup: Sendable, Equatable {
    public var kind: SearchKind
    /// The best hits, best first (at most the limit asked for).
    public var hits: [SearchHit]
    /// How many items of this kind matched in all.
    public var total: Int
}

public struct SearchResults: Sendable, Equatable {
    public var query: String
    /// Non-empty groups, the group with the strongest hit first (`SearchIndex.Strength`); groups of
    /// equal strength in `SearchKind` order.
    public var groups: [SearchGroup]
    /// When nothing matched: a corrected query that does match ("did you mean").
    public var suggestion: String?
    /// The query's words as matched (stemmed): what to mark in a page opened from a hit.
    public var words: [String]
    /// True for the broader search: units matching any of the words.
    public var anyWord: Bool

    public init(query: String, groups: [SearchGroup], suggestion: String?, words: [String] = [], anyWord: Bool = false) {
        self.query = query; self.groups = groups; self.suggestion = suggestion; self.words = words; self.anyWord = anyWord
    }

    /// Fewer results than this with every word, and the broader search (any word) is offered.
    public static let few = 3

    /// Whether to offer the broader search: every word was required and few results came back.
    public var offersBroader: Bool { !anyWord && words.count > 1 && total < Self.few }

    public var hits: [SearchHit] { groups.flatMap(\.hits) }
    public var isEmpty: Bool { groups.isEmpty }
    public var total: Int { groups.reduce(0) { $0 + $1.total } }
}
