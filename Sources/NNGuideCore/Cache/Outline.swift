#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every page's id, depth and titles in reading order, one line each, searchable as bytes: finding a
/// page costs one scan for its id and a short walk back to its parents, however large the guide is,
/// and nothing else is decoded. Lines are `\n` + `id \t depth \t short \t title`; `\`, tab and newline
/// inside a field are escaped, so a field can never break a line.
struct Outline: Sendable {
    let bytes: [UInt8]

    struct Line {
        var id: String
        var depth: Int
        var short: String?
        var title: String
        var start: Int
    }

    static func encode(_ guide: Guide) -> [UInt8] {
        var out: [UInt8] = []
        for e in guide.readingOrder {
            out.append(UInt8(ascii: "\n"))
            out += escape(e.id) + [9] + Array(String(e.depth).utf8) + [9] + escape(e.page.short ?? "\u{0}") + [9] + escape(e.page.title)
        }
        out.append(UInt8(ascii: "\n"))
        return out
    }

    static func escape(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\\"): out += [92, 92]
            case 9: out += [92, UInt8(ascii: "t")]
            case 10: out += [92, UInt8(ascii: "n")]
            case 0: out += [92, UInt8(ascii: "0")]
            default: out.append(b)
            }
        }
        return out
    }

    static func unescape(_ b: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        var i = b.startIndex
        while i < b.endIndex {
            if b[i] == 92, i + 1 < b.endIndex {
                switch b[i + 1] {
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "0"): return nil   // the marker of an absent short title
                default: out.append(b[i + 1])
                }
                i += 2
            } else {
                out.append(b[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The line starting at `start` (just after its `\n`), or nil if it is not a well-formed line.
    func line(at start: Int) -> Line? {
        guard start < bytes.count, let end = bytes[start...].firstIndex(of: 10) else { return nil }
        let fields = bytes[start..<end].split(separator: 9, omittingEmptySubsequences: false)
        guard fields.count == 4, let id = Outline.unescape(fields[0]), let title = Outline.unescape(fields[3]),
              let depth = Int(String(decoding: fields[1], as: UTF8.self)), depth >= 0 else { return nil }
        return Line(id: id, depth: depth, short: Outline.unescape(fields[2]), title: title, start: start)
    }

    /// Where the line for `id` starts.
    func find(_ id: String) -> Int? {
        let needle = [10] + Outline.escape(id) + [9]
        guard needle.count > 2, bytes.count >= needle.count else { return nil }
        return bytes.withUnsafeBufferPointer { all -> Int? in
            guard let base = all.baseAddress else { return nil }
            let last = all.count - needle.count
            var i = 0
            while i <= last {
                // memchr to the next line, then compare the id: a few microseconds per thousand pages.
                guard let hit = memchr(base + i, 10, last - i + 1) else { return nil }
                let nl = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + nl, needle, needle.count) == 0 { return nl + 1 }
                i = nl + 1
            }
            return nil
        }
    }

    /// The line before the one starting at `start`.
    func previous(_ start: Int) -> Int? {
        guard start >= 2 else { return nil }
        var i = start - 2
        while i >= 0 && bytes[i] != 10 { i -= 1 }
        return i >= 0 ? i + 1 : nil
    }

    /// A guide of titles only: the first page, and every page in `pages` with the pages above it.
    /// Nil when the outline is unreadable (the caller then loads the whole guide).
    func skeleton(pages: [String]) -> Guide? {
        guard let first = line(at: 1), first.depth == 0 else { return nil }
        var chosen: [Int: Line] = [first.start: first]
        for id in pages {
            guard let at = find(id), var here = line(at: at) else { continue }
            chosen[here.start] = here
            // Walk back to the nearest line of each smaller depth: the parents. A page's sections
            // follow it directly, so this walk stays inside one top-level page.
            var cursor = here.start
            while here.depth > 0, let p = previous(cursor), let up = line(at: p) {
                cursor = p
                if up.depth < here.depth { chosen[up.start] = up; here = up }
            }
        }
        let ordered = chosen.keys.sorted().compactMap { chosen[$0] }
        var index = 0
        func build(depth: Int) -> [Page] {
            var out: [Page] = []
            while index < ordered.count, ordered[index].depth == depth {
                let l = ordered[index]
                index += 1
                var page = Page(id: l.id, title: l.title, short: l.short)
                if index < ordered.count, ordered[index].depth > depth { page.sections = build(depth: depth + 1) }
                out.append(page)
            }
            return out
        }
        let top = build(depth: 0)
        guard index == ordered.count else { return nil }   // depths that do not nest: not an outline we wrote
        return Guide(pages: top, glossary: [], catalog: Catalog(), decisions: DecisionBook())
    }
}
