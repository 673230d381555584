import NNGuideCore

/// A match of the find words: the line and the character offsets in it.
public struct FindMatch: Sendable, Equatable {
    public var line: Int
    public var start: Int
    public var length: Int
}

/// `/` in a document (the reader's page, help): the words typed, where they are, the current match.
/// The viewport draws the matches; `n` and `N` step through them here.
public struct Find: Sendable, Equatable {
    public private(set) var text = ""
    /// The words came from a search: each is marked on its own, as search matched it (stemmed, so
    /// "leakage" marks "leak" too, in any order), while the messages say the words as typed
    /// ("data leakage", not "data leak", twelfth retest).
    public private(set) var anyWord = false
    public private(set) var matches: [FindMatch] = []
    public var current: Int?
    /// The prompt while `/` is typed: the words so far and the line Esc goes back to; nil when it is
    /// closed. The screen's own state, as its marks are (`FindsOnPage` edits it; the app draws it on
    /// the bottom line and gives it the keys while it is open).
    public internal(set) var prompt: FindPrompt?
    /// The last words found (kept when the marks go): Up in a new, empty prompt brings them back.
    public private(set) var last = ""

    public init() {}

    var needles: [String] {
        guard !text.isEmpty else { return [] }
        return anyWord ? Tokenizer.words(text).map(Tokenizer.stem) : [text]
    }

    public var isEmpty: Bool { text.isEmpty }

    /// Finds `text` in `doc`, the first match at or below `line` made current.
    mutating func set(_ text: String, anyWord: Bool = false, in doc: Document, from line: Int) {
        self.text = text
        self.anyWord = anyWord
        if !text.isEmpty { last = text }
        matches = Self.find(needles, in: doc)
        current = matches.firstIndex { $0.line >= line } ?? (matches.isEmpty ? nil : 0)
    }

    /// The same words in the document laid out again (a new width).
    mutating func refresh(in doc: Document) {
        if !text.isEmpty { matches = Self.find(needles, in: doc) }
        if let c = current, c >= matches.count { current = nil }
    }

    /// The marks go; an open prompt stays (its words typed back to nothing clear the marks).
    public mutating func clear() {
        let open = prompt, words = last
        self = Find()
        prompt = open; last = words
    }

    /// Makes the next (or previous) match current, round the ends; the line it is on.
    mutating func step(forward: Bool) -> Int? {
        guard !matches.isEmpty else { return nil }
        let n = matches.count, from = current ?? -1
        let i = forward ? (from + 1) % n : (from - 1 + n) % n
        current = i
        return matches[i].line
    }

    /// `"bias": match 2 of 5; n next, N previous`, with the keys of `scope`; `notFound` ends
    /// "is not ..." ("on this page", "in help").
    func summary(_ scope: Scope, notFound: String) -> String {
        guard !text.isEmpty else { return "" }
        guard let m = current, !matches.isEmpty else { return "\"\(text)\" is not \(notFound)" }
        let next = Keymap.key(.findNext, in: scope), previous = Keymap.key(.findPrevious, in: scope)
        return "\"\(text)\": match \(m + 1) of \(matches.count); \(next) next, \(previous) previous"
    }

    /// What `n` says when there is nothing to step through.
    func nothing(_ scope: Scope, notFound: String) -> String {
        text.isEmpty ? "Nothing to find yet: \(Keymap.key(.find, in: scope)) and some words" : "\"\(text)\" is not \(notFound)"
    }

    /// Case-insensitive matches of any needle, line by line, in reading order (a phrase broken
    /// across lines is not found).
    static func find(_ needles: [String], in doc: Document) -> [FindMatch] {
        let ns = needles.map { $0.map { $0.lowercased() } }.filter { !$0.isEmpty }
        guard !ns.isEmpty else { return [] }
        var out: [FindMatch] = []
        for (i, l) in doc.lines.enumerated() {
            let hay = l.text.map { $0.lowercased() }
            var j = 0
            while j < hay.count {
                if let n = ns.first(where: { j + $0.count <= hay.count && hay[j] == $0[0] && Array(hay[j..<j + $0.count]) == $0 }) {
                    out.append(FindMatch(line: i, start: j, length: n.count)); j += n.count
                } else { j += 1 }
            }
        }
        return out
    }
}

/// The find prompt's field and the line it was opened at.
public struct FindPrompt: Sendable, Equatable {
    public internal(set) var field = TextField(focused: true)
    public let returnTo: Int
}
