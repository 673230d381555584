#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Where an inline link points.
public enum LinkTarget: Sendable, Equatable, Hashable {
    /// A page, section, table or figure id.
    case page(String)
    /// A glossary entry id (`g:id`), or a glossary term or alias still to be resolved (`[[term]]`).
    case glossary(String)
    case glossaryTerm(String)
    /// A catalog id (`a:id`).
    case architecture(String)
}

/// A run of prose: plain text, or a link with the words it shows.
public enum Inline: Sendable, Equatable {
    case text(String)
    case link(label: String, target: LinkTarget)

    public var plain: String {
        switch self {
        case .text(let s): return s
        case .link(let label, _): return label
        }
    }
}

/// The one parser of the guide's link syntax:
/// `[[term]]` links a glossary term by name or alias; `[[words|target]]` links `target`, where a target
/// is a page/section/table id, `g:` + glossary id, or `a:` + catalog id.
public enum InlineParser {
    public static func parse(_ text: String) -> [Inline] {
        var out: [Inline] = []
        var rest = Substring(text)
        while let open = pair(0x5B, in: rest) {
            guard let close = pair(0x5D, in: rest[open.upperBound...]) else { break }
            let before = rest[..<open.lowerBound]
            if !before.isEmpty { out.append(.text(String(before))) }
            let inner = rest[open.upperBound..<close.lowerBound]
            out.append(link(inner))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { out.append(.text(String(rest))) }
        return out
    }

    /// The text with link markup removed, as a reader sees it.
    public static func plain(_ text: String) -> String {
        guard hasLink(text) else { return text }
        return parse(text).map(\.plain).joined()
    }

    /// Where `[[` (0x5B) or `]]` (0x5D) first occurs, by a byte scan.
    static func pair(_ byte: UInt8, in s: Substring) -> Range<String.Index>? {
        let u = s.utf8
        var i = u.startIndex
        var previous: String.Index? = nil
        while i < u.endIndex {
            if u[i] == byte {
                if let p = previous { return p..<u.index(after: i) }
                previous = i
            } else {
                previous = nil
            }
            i = u.index(after: i)
        }
        return nil
    }

    /// Whether the text contains `[[`, by a byte scan (Foundation's `contains` is slow on Linux, and
    /// search indexing asks this of every sentence of the guide).
    public static func hasLink(_ text: String) -> Bool {
        // memchr over the bytes in place: this runs over every text of the guide on each check.
        if let found = text.utf8.withContiguousStorageIfAvailable(hasDoubleBracket) { return found }
        var previous: UInt8 = 0
        for b in text.utf8 {
            if b == 0x5B && previous == 0x5B { return true }
            previous = b
        }
        return false
    }

    static func hasDoubleBracket(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var p = bytes.baseAddress, bytes.count > 1 else { return false }
        var left = bytes.count  // from p to the end; a `[` is looked for where a byte follows it
        while left > 1, let hit = memchr(p, 0x5B, left - 1) {
            let q = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if q[1] == 0x5B { return true }
            left -= p.distance(to: q) + 1
            p = q + 1
        }
        return false
    }

    private static func link(_ inner: Substring) -> Inline {
        let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        let label = trim(parts[0])
        guard parts.count == 2 else { return .link(label: label, target: .glossaryTerm(label)) }
        let raw = trim(parts[1])
        if raw.hasPrefix("g:") { return .link(label: label, target: .glossary(String(raw.dropFirst(2)))) }
        if raw.hasPrefix("a:") { return .link(label: label, target: .architecture(String(raw.dropFirst(2)))) }
        return .link(label: label, target: .page(raw))
    }
}

/// Spaces off both ends, by bytes: reversing a Substring of Characters twice cost a tenth of a lint.
private func trim(_ s: Substring) -> String {
    let u = s.utf8
    var start = u.startIndex
    var end = u.endIndex
    while start < end && u[start] == 0x20 { start = u.index(after: start) }
    while end > start && u[u.index(before: end)] == 0x20 { end = u.index(before: end) }
    return String(s[start..<end])
}
