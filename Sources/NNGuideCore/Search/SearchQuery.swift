extension SearchIndex {
    /// Every word of `query`, stemmed (`Tokenizer.stem`), must match the start of a word in the same
    /// unit (AND of prefixes, case and accents ignored); after those passage matches come the sections
    /// whose passages hold every word between them. Results come grouped by kind, the group with the
    /// best hit first (`Strength`); within a group the best first: title matches over body matches,
    /// whole words over prefixes, an item named by the whole query first of all. `anyWord` is the broader search offered when few results come back:
    /// a unit matching any of the words, the more words the better.
    /// Fast enough to call on every keystroke: the work is proportional to what the words match.
    public func search(_ query: String, limit: Int = 10, snippetLength: Int = 160, anyWord: Bool = false) -> SearchResults {
        let typed = Array(Tokenizer.words(query).uniqued().prefix(32))
        guard !typed.isEmpty else { return SearchResults(query: query, groups: [], suggestion: nil) }
        let words = Array(typed.map(Tokenizer.stem).uniqued())
        let groups = anyWord ? runAny(words, limit: limit, snippetLength: snippetLength)
                             : run(words, typed: typed, limit: limit, snippetLength: snippetLength)
        var r = SearchResults(query: query, groups: groups, suggestion: nil, words: words, anyWord: anyWord)
        if groups.isEmpty { r.suggestion = suggestion(for: typed) }
        return r
    }

    /// Indices `lo..<hi` of the sorted words that start with `prefix`.
    func prefixRange(_ prefix: String) -> Range<Int> {
        let lo = lowerBound(prefix)
        // Every word starting with the prefix sorts below the prefix followed by the highest scalar.
        let hi = lowerBound(prefix + "\u{10FFFF}")
        return lo..<hi
    }

    private func lowerBound(_ key: String) -> Int {
        var lo = 0, hi = terms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if terms[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private static func weight(exact: Bool, title: Bool) -> UInt8 {
        switch (title, exact) {
        case (true, true): return 12
        case (true, false): return 8
        case (false, true): return 3
        case (false, false): return 2
        }
    }

    private func run(_ words: [String], typed: [String], limit: Int, snippetLength: Int) -> [SearchGroup] {
        var plan: [(word: String, terms: Range<Int>, size: Int)] = []
        for w in words {
            let r = prefixRange(w)
            let size = Int(termStart[r.upperBound] - termStart[r.lowerBound])
            if size == 0 { return [] }
            plan.append((w, r, size))
        }
        // A word as typed counts as whole, and so does its stem ("leak" for "leakage").
        let whole = Set(words + typed)
        // Rarest word first: it fixes the candidates the other words can only narrow.
        plan.sort { $0.size < $1.size }

        let n = units.count
        var seen = [UInt8](repeating: 0, count: n)   // how many query words the unit has matched
        var best = [UInt8](repeating: 0, count: n)   // weight of the current word's match in the unit
        var score = [Int32](repeating: 0, count: n)
        var candidates: [Int32] = []

        seen.withUnsafeMutableBufferPointer { seen in
        best.withUnsafeMutableBufferPointer { best in
        score.withUnsafeMutableBufferPointer { score in
        postings.withUnsafeBufferPointer { post in
            for (i, step) in plan.enumerated() {
                let k = UInt8(i)
                if i > 0 && candidates.isEmpty { break }
                // Few candidates against a common prefix: look each one up instead of reading every posting.
                let probe = i > 0 && candidates.count * step.terms.count * 16 < step.size
                for t in step.terms {
                    let exact = whole.contains(terms[t])
                    let a = Int(termStart[t]), b = Int(termStart[t + 1])
                    if probe {
                        for c in candidates {
                            let u = Int(c)
                            guard seen[u] >= k, let p = Self.find(UInt32(u), in: post, a, b) else { continue }
                            _ = Self.mark(u, k, Self.weight(exact: exact, title: p & 1 == 1), seen, best, score)
                        }
                    } else {
                        for j in a..<b {
                            let p = post[j]
                            let u = Int(p >> 1)
                            if Self.mark(u, k, Self.weight(exact: exact, title: p & 1 == 1), seen, best, score) && i == 0 {
                                candidates.append(Int32(u))
                            }
                        }
                    }
                }
                if i > 0 { candidates.removeAll { seen[Int($0)] != k + 1 } }
            }
        }}}}
        let spread = words.count > 1 ? spreadSections(plan.map { ($0.terms, $0.size) }, excluding: candidates) : []
        return groups(candidates, score: score, words: words, limit: limit, snippetLength: snippetLength, spread: spread)
    }

    /// Sections whose passages hold every word between them but none of which
    /// holds them all: listed after the passage matches. Words are taken rarest first, as in `run`;
    /// once few sections are left, each is looked up in a word's postings instead of reading them all.
    private func spreadSections(_ plan: [(terms: Range<Int>, size: Int)], excluding candidates: [Int32]) -> [Int32] {
        var mask = [UInt32](repeating: 0, count: sectionText.count)
        var sections: [Int32] = []
        postings.withUnsafeBufferPointer { post in
            for (i, step) in plan.enumerated() {
                let need: UInt32 = (1 << UInt32(i)) - 1, bit: UInt32 = 1 << UInt32(i)
                if i > 0 && sections.isEmpty { break }
                if i > 0 && sections.count * step.terms.count * 16 < step.size {
                    for s in sections where mask[Int(s)] == need {
                        let lo = UInt32(sectionStart[Int(s)]), hi = UInt32(sectionStart[Int(s) + 1])
                        for t in step.terms where Self.any(lo..<hi, in: post, Int(termStart[t]), Int(termStart[t + 1])) {
                            mask[Int(s)] |= bit; break
                        }
                    }
                } else {
                    for j in Int(termStart[step.terms.lowerBound])..<Int(termStart[step.terms.upperBound]) {
                        let sec = unitSection[Int(post[j] >> 1)]
                        guard sec >= 0, mask[Int(sec)] == need else { continue }
                        mask[Int(sec)] |= bit
                        if i == 0 { sections.append(sec) }
                    }
                }
                sections.removeAll { mask[Int($0)] != need | bit }
            }
        }
        guard !sections.isEmpty else { return [] }
        // A section with a passage, table, figure or heading of its own holding every word is
        // listed through it already.
        let listed = Set(candidates.map { unitSection[Int($0)] })
        // The smaller the section, the closer together its words: those first, then in reading order.
        return sections.filter { !listed.contains($0) }
            .sorted { (sectionStart[Int($0) + 1] - sectionStart[Int($0)], $0) < (sectionStart[Int($1) + 1] - sectionStart[Int($1)], $1) }
    }

    /// Whether any posting in `a..<b` (sorted by unit) is for a unit in `units`.
    private static func any(_ units: Range<UInt32>, in post: UnsafeBufferPointer<UInt32>, _ a: Int, _ b: Int) -> Bool {
        var lo = a, hi = b
        while lo < hi {
            let mid = (lo + hi) / 2
            if post[mid] >> 1 < units.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < b && units.contains(post[lo] >> 1)
    }

    /// The broader search: units matching any of the words, ranked by how many they match, then as
    /// `run` ranks them.
    private func runAny(_ words: [String], limit: Int, snippetLength: Int) -> [SearchGroup] {
        let n = units.count
        var last = [UInt8](repeating: 0, count: n)   // 1 + the last query word the unit matched
        var best = [UInt8](repeating: 0, count: n)
        var score = [Int32](repeating: 0, count: n)
        var candidates: [Int32] = []
        for (k, w) in words.enumerated() {
            for t in prefixRange(w) {
                let exact = terms[t] == w
                for j in Int(termStart[t])..<Int(termStart[t + 1]) {
                    let p = postings[j], u = Int(p >> 1)
                    let weight = Self.weight(exact: exact, title: p & 1 == 1)
                    if last[u] != UInt8(k + 1) {
                        if last[u] == 0 { candidates.append(Int32(u)) }
                        last[u] = UInt8(k + 1); best[u] = weight; score[u] += 100 + Int32(weight)
                    } else if weight > best[u] { score[u] += Int32(weight - best[u]); best[u] = weight }
                }
            }
        }
        return groups(candidates, score: score, words: words, limit: limit, snippetLength: snippetLength, spread: [])
    }

    /// Records that unit `u` matches query word number `k` with weight `w`; true when this is the
    /// unit's first match of that word and it matched every word before.
    @inline(__always)
    private static func mark(_ u: Int, _ k: UInt8, _ w: UInt8, _ seen: UnsafeMutableBufferPointer<UInt8>,
                             _ best: UnsafeMutableBufferPointer<UInt8>, _ score: UnsafeMutableBufferPointer<Int32>) -> Bool {
        let s = seen[u]
        if s == k {
            seen[u] = k + 1; best[u] = w; score[u] += Int32(w)
            return true
        }
        if s == k + 1 && w > best[u] { score[u] += Int32(w - best[u]); best[u] = w }
        return false
    }

    private static func find(_ unit: UInt32, in post: UnsafeBufferPointer<UInt32>, _ a: Int, _ b: Int) -> UInt32? {
        var lo = a, hi = b
        while lo < hi {
            let mid = (lo + hi) / 2
            let v = post[mid] >> 1
            if v < unit { lo = mid + 1 } else if v > unit { hi = mid } else { return post[mid] }
        }
        return nil
    }

    /// One hit per owner (its best unit), ranked and cut to `limit` per kind.
    private func groups(_ candidates: [Int32], score: [Int32], words: [String], limit: Int, snippetLength: Int, spread: [Int32]) -> [SearchGroup] {
        var bestUnit = [Int32](repeating: -1, count: owners.count)
        var passages = [Int32](repeating: 0, count: owners.count)
        var byKind = [[Int32]](repeating: [], count: SearchKind.allCases.count)
        for c in candidates {
            let o = Int(unitOwner[Int(c)])
            passages[o] += 1
            if bestUnit[o] < 0 { bestUnit[o] = c; byKind[ownerKind[o].order].append(Int32(o)) }
            else if score[Int(c)] > score[Int(bestUnit[o])] { bestUnit[o] = c }
        }
        let phrase = words.joined(separator: " ")
        let marks = rarestFirst(words)
        // Only a title match on every word can name the owner: check the titles of those alone.
        let allInTitle = Int32(8 * words.count)
        func rank(_ o: Int) -> Int {
            let unitScore = score[Int(bestUnit[o])]
            var s = Int(unitScore) + min(Int(passages[o]) - 1, 4)
            if unitScore >= allInTitle {
                if owners[o].keys.contains(phrase) { s += 40 }
                else if owners[o].keys.contains(where: { $0.hasPrefix(phrase) }) { s += 10 }
            }
            return s
        }
        func strength(_ o: Int) -> Strength {
            guard score[Int(bestUnit[o])] >= allInTitle else { return .body }
            // The query is the item's own name (a heading's title or short title; an entry's term,
            // not an alias), its words stemmed as the query's are.
            let names = ownerKind[o] == .heading ? owners[o].keys : Array(owners[o].keys.prefix(1))
            guard names.contains(where: { $0.split(separator: " ").map { Tokenizer.stem(String($0)) }.joined(separator: " ") == phrase })
            else { return .titled }
            return ownerKind[o] == .heading ? .about : .named
        }
        var out: [SearchGroup] = []
        var strengths: [Strength] = []
        for kind in SearchKind.allCases {
            let all = byKind[kind.order]
            let more = kind == .text ? spread : []
            guard !all.isEmpty || !more.isEmpty else { continue }
            if kind == .text {
                let (group, best) = textGroup(all.map(Int.init), spread: more.map(Int.init), bestUnit: bestUnit, passages: passages,
                                              words: words, limit: limit, snippetLength: snippetLength)
                out.append(group); strengths.append(best)
                continue
            }
            let ranked = all.map { (owner: Int($0), score: rank(Int($0))) }
            let top = ranked.min(count: limit, sortedBy: { ($0.score, -$0.owner) > ($1.score, -$1.owner) })
            var hits = top.map { item -> SearchHit in
                let o = owners[item.owner]
                let u = units[Int(bestUnit[item.owner])]
                return SearchHit(kind: kind, id: o.id, pageID: o.pageID, title: o.title, breadcrumb: o.breadcrumb,
                                 snippet: Self.snippet(u, words: marks, length: snippetLength),
                                 blockIndex: u.block >= 0 ? Int(u.block) : (kind == .text ? -1 : nil),
                                 passages: Int(passages[item.owner]), score: item.score)
            }
            // Sections holding the words only between their passages: after every passage match.
            for sec in more.prefix(max(0, limit - hits.count)) { hits.append(spreadHit(Int(sec), words: marks, snippetLength: snippetLength)) }
            out.append(SearchGroup(kind: kind, hits: hits, total: all.count + more.count))
            strengths.append(top.map { strength($0.owner) }.max() ?? .spread)
        }
        // Best group first; `sorted` is stable, so equal strengths keep the kinds' order.
        return zip(out, strengths).sorted { $0.1 > $1.1 }.map(\.0)
    }

    /// How strongly a hit answers the query, on one scale for every kind, so that groups are shown
    /// best group first (by the best hit in each): a heading the query names first; then an entry
    /// whose own name the query is ("cnn": the CNN entry); then a section the glossary entry the
    /// query names points at (`used_in`: "data leakage", an alias of Leakage, opens on the splits
    /// section); then a title holding every word, or a section with a passage holding every word;
    /// then other items with every word in their text; then sections holding the words only between
    /// their passages. Within one strength, groups keep `SearchKind`'s order (headings, glossary, ...).
    enum Strength: Int, Comparable {
        case spread, body, titled, discussed, named, about
        static func < (a: Strength, b: Strength) -> Bool { a.rawValue < b.rawValue }
    }

    /// The text group, sections ranked as a whole (BM25F): each query word counts by how often it
    /// occurs in the section, a heading or title occurrence as `SectionRank.titleWeight` body ones, a
    /// prefix as half a whole word, weighed by how rare the word is across sections and tempered by the
    /// section's length; a section with a passage holding every word gets `SectionRank.together` more.
    /// So the section about a thing ranks above one that mentions it once ("data leakage": the
    /// section on splits, which says "leakage" in eight places, before one that names data and a leak).
    private func textGroup(_ matched: [Int], spread: [Int], bestUnit: [Int32], passages: [Int32], words: [String],
                           limit: Int, snippetLength: Int) -> (SearchGroup, Strength) {
        var sectionOf: [Int: Int] = [:]
        for (sec, o) in sectionText.enumerated() { sectionOf[Int(o)] = sec }
        // Passage matches and sections matched between their passages, as sections.
        var candidates: [(section: Int, owner: Int?)] = matched.compactMap { o in sectionOf[o].map { ($0, o) } }
        candidates += spread.map { ($0, nil) }
        let score = SectionRank(index: self, words: words).scores(candidates.map(\.section), together: Set(matched.compactMap { sectionOf[$0] }))
        let marks = rarestFirst(words)
        let ranked = candidates.indices.min(count: limit) { (score[$0], -candidates[$0].section) > (score[$1], -candidates[$1].section) }
        let hits = ranked.map { i -> SearchHit in
            let (sec, owner) = candidates[i]
            var hit: SearchHit
            if let owner {
                let o = owners[owner], u = units[Int(bestUnit[owner])]
                hit = SearchHit(kind: .text, id: o.id, pageID: o.pageID, title: o.title, breadcrumb: o.breadcrumb,
                                snippet: Self.snippet(u, words: marks, length: snippetLength),
                                blockIndex: u.block >= 0 ? Int(u.block) : -1, passages: Int(passages[owner]), score: 0)
            } else {
                hit = spreadHit(sec, words: marks, snippetLength: snippetLength)
            }
            hit.score = Int((score[i] * 100).rounded())
            return hit
        }
        let discussed = Set(discussedIn[words.joined(separator: " ")] ?? [])
        let best = ranked.map { i -> Strength in
            discussed.contains(Int32(candidates[i].section)) ? .discussed : candidates[i].owner != nil ? .titled : .spread
        }.max() ?? .spread
        return (SearchGroup(kind: .text, hits: hits, total: matched.count + spread.count), best)
    }


    /// A section matched by its passages together: the snippet is the passage holding most of the
    /// words, the rarest word breaking ties (`words` come rarest first), and `passages` is 0 (no one
    /// passage holds them all). Issue 23: taking the first passage with all but one word showed
    /// "data" and never "leakage" for "data leakage".
    private func spreadHit(_ sec: Int, words: [String], snippetLength: Int) -> SearchHit {
        let o = owners[Int(sectionText[sec])]
        let prefixes = words.map { Array($0.utf8) }
        var bestUnit = Int(sectionStart[sec]), bestScore = -1
        let enough = (words.count - 1) * 2 + 1
        for u in Int(sectionStart[sec])..<Int(sectionStart[sec + 1]) where unitOwner[u] == sectionText[sec] {
            let matched = units[u].parts.reduce(0) { $0 | Tokenizer.prefixMatches(in: $1, of: prefixes).matched }
            let s = matched.nonzeroBitCount * 2 + Int(matched & 1)
            if s > bestScore { bestScore = s; bestUnit = u }
            if s >= enough { break }
        }
        let u = units[bestUnit]
        return SearchHit(kind: .text, id: o.id, pageID: o.pageID, title: o.title, breadcrumb: o.breadcrumb,
                         snippet: Self.snippet(u, words: words, length: snippetLength),
                         blockIndex: u.block >= 0 ? Int(u.block) : -1, passages: 0, score: 0)
    }

    /// "Did you mean": each word that matches nothing replaced by the closest indexed word (within
    /// typos, else one that sounds the same: `Phonetic`), kept only when the corrected query finds something.
    private func suggestion(for words: [String]) -> String? {
        var fixed = words
        var changed = false
        for (i, w) in words.enumerated() {
            let r = prefixRange(w)
            if !r.isEmpty { continue }
            let tol = EditDistance.tolerance(for: w)
            guard tol > 0 else { return nil }
            var bestWord: String? = nil, bestD = Int.max, bestN = 0
            func offer(_ t: Int, _ d: Int) {
                let n = Int(termStart[t + 1] - termStart[t])
                if d < bestD || (d == bestD && n > bestN) { bestWord = terms[t]; bestD = d; bestN = n }
            }
            let ws = Array(w.unicodeScalars)
            var scratch = EditDistance.Scratch()
            for (t, term) in terms.enumerated() where abs(term.utf8.count - w.utf8.count) <= tol {
                if let d = EditDistance.distance(ws, Array(term.unicodeScalars), limit: tol, scratch: &scratch) { offer(t, d) }
            }
            if bestWord == nil, let heard = Phonetic.Query(w) {
                for t in terms.indices { if let d = heard.distance(to: terms[t], scratch: &scratch) { offer(t, d) } }
            }
            guard let bestWord else { return nil }
            fixed[i] = bestWord; changed = true
        }
        guard changed else { return nil }
        let q = fixed.joined(separator: " ")
        return run(fixed, typed: fixed, limit: 1, snippetLength: 10).isEmpty ? nil : q
    }

    /// A piece of the unit around the query words, with every matching word marked. Titles are shown
    /// with every hit already, so the snippet comes from the body: its part matching most query words
    /// (the rarest word breaking ties), or its first part when only the title matched. `words` come
    /// rarest first (`rarestFirst`): the piece is cut around the rarest word's sentence, since that
    /// word is what sets the hit apart ("leakage", not "data").
    static func snippet(_ unit: Unit, words: [String], length: Int) -> SearchSnippet {
        let body = unit.titleParts < unit.parts.count ? unit.titleParts..<unit.parts.count : 0..<unit.parts.count
        guard !body.isEmpty else { return SearchSnippet(text: "", matches: []) }
        let prefixes = words.map { Array($0.utf8) }
        var bestPart = body.lowerBound, bestScore = 0
        var bestRanges: [Range<String.Index>] = [], anchor = 0
        for i in body {
            let (ranges, which, matched) = Tokenizer.prefixMatches(in: unit.parts[i], of: prefixes)
            let rarest = which.min() ?? words.count
            let s = matched.nonzeroBitCount * 1000 + (words.count - rarest) * 100 + min(ranges.count, 99)
            if s > bestScore { bestScore = s; bestPart = i; bestRanges = ranges; anchor = which.firstIndex(of: rarest) ?? 0 }
        }
        return cut(unit.parts[bestPart], around: bestRanges, anchor: anchor, length: length)
    }

    /// `words` (stemmed query words) ordered rarest first: by how many passages their prefix matches.
    func rarestFirst(_ words: [String]) -> [String] {
        words.map { w -> (String, Int32) in
            let r = prefixRange(w)
            return (w, termStart[r.upperBound] - termStart[r.lowerBound])
        }.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// `text` cut to about `length` characters around `ranges[anchor]`: from the start of its
    /// sentence when that is near, else from a third of the window before it.
    static func cut(_ text: String, around ranges: [Range<String.Index>], anchor: Int = 0, length: Int) -> SearchSnippet {
        var lo = text.startIndex, hi = text.endIndex
        if text.count > length, ranges.indices.contains(anchor) {
            let first = ranges[anchor]
            let reach = text.index(first.lowerBound, offsetBy: -(length / 2), limitedBy: text.startIndex) ?? text.startIndex
            if let stop = text[reach..<first.lowerBound].lastIndex(where: { ".;:!?".contains($0) }),
               text[text.index(after: stop)...].first == " " {
                lo = text.index(stop, offsetBy: 2)
            } else {
                // A third of the window before the match, on a word boundary.
                lo = text.index(first.lowerBound, offsetBy: -(length / 3), limitedBy: text.startIndex) ?? text.startIndex
                if lo > text.startIndex, let space = text[lo..<first.lowerBound].firstIndex(of: " ") { lo = text.index(after: space) }
            }
            if reach == text.startIndex && text.distance(from: text.startIndex, to: first.upperBound) < length { lo = text.startIndex }
            hi = text.index(lo, offsetBy: length, limitedBy: text.endIndex) ?? text.endIndex
            if hi < first.upperBound { hi = first.upperBound }
            else if hi < text.endIndex, let space = text[first.upperBound..<hi].lastIndex(of: " ") { hi = space }
        } else if text.count > length {
            hi = text.index(text.startIndex, offsetBy: length)
            if let space = text[..<hi].lastIndex(of: " ") { hi = space }
        }
        var out = lo > text.startIndex ? "…" : ""
        var offsets: [Range<Int>] = []
        var at = lo
        for r in ranges where r.lowerBound >= lo && r.upperBound <= hi {
            out += text[at..<r.lowerBound]
            let start = out.utf8.count
            out += text[r]
            offsets.append(start..<out.utf8.count)
            at = r.upperBound
        }
        out += text[at..<hi]
        if hi < text.endIndex { out += "…" }
        let u = out.utf8
        let matches = offsets.map { u.index(u.startIndex, offsetBy: $0.lowerBound)..<u.index(u.startIndex, offsetBy: $0.upperBound) }
        return SearchSnippet(text: out, matches: matches)
    }
}
