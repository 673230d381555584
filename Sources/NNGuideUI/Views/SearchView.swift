import NNGuideCore

/// Search the whole guide as you type; results grouped (sections, glossary, tables, text), each
/// with where it is; Enter opens the page at the hit with the words marked.
public struct SearchView: Screen {
    public var field = TextField(focused: true)
    /// The chosen hit (`index`, counting hits) and the first result line on screen (`top`, counting lines).
    public var list = SelectList()
    /// The broader search: any of the words (offered when every word together finds little).
    public var anyWord = false
    /// The results' place before `/` emptied the field, for Up or Esc to bring back with the query.
    var beforeQuery = Before()
    struct Before: Sendable, Equatable { var list = SelectList(), anyWord = false }
    public init() {}

    public var scopes: [Scope] { [.search] }
    public static let bindings: [Binding] = [
        Binding([.char("s")], .show(.search), .global, "search the whole guide", hint: "search"),
        Binding([.char("/"), .char("s")], .focusField, .search, "type a new query", hint: "query"),
        Binding([.enter], .open, .search, "open the page at the hit", hint: "open"),
        Binding([.char("a")], .broaden, .search, "search for any of the words (offered when every word finds little); again: every word"),
    ]

    public var typing: Bool { field.focused }
    public func typing(_ ctx: ScreenContext) -> Bool { typing }

    /// Snippets cut to the one line each gets, so the word they are cut around is on screen at any
    /// width (at 40 columns a 120-character cut left "leakage" past the edge).
    func results(_ ctx: ScreenContext) -> SearchResults {
        var res = ctx.library.search(field.text, anyWord: anyWord, snippetLength: max(20, snippetWidth(ctx.rect)))
        // A word spelt as it sounds ("atenshun") is too far from any indexed word, but the glossary's
        // matcher (`nnguide glossary`'s) knows the term: offer it (seventh retest).
        if res.isEmpty, res.suggestion == nil, !field.text.trimmed().isEmpty, case .notFound(let near) = ctx.library.glossary.lookup(field.text),
           let term = near.first?.matched {
            res.suggestion = term.lowercased()
        }
        return res
    }
    func hits(_ ctx: ScreenContext) -> [SearchHit] { results(ctx).hits }

    /// A result line: a group title (with how many matched in all), or a hit's title, its place (on
    /// a line of its own at a narrow width) or its snippet.
    enum Row: Equatable { case group(SearchKind, Int), title(Int), place(Int), snippet(Int) }

    func rows(_ ctx: ScreenContext) -> [Row] {
        var out: [Row] = []
        var i = 0
        let snippets = showSnippets(ctx), below = placeBelow(ctx.rect)
        for g in results(ctx).groups {
            out.append(.group(g.kind, g.total))
            for h in g.hits {
                out.append(.title(i))
                if below && !(place(h, ctx.glyphs).parts.isEmpty && h.spread == nil) { out.append(.place(i)) }
                if snippets && !h.snippet.text.isEmpty { out.append(.snippet(i)) }
                i += 1
            }
        }
        return out
    }

    /// Where a hit is, without the part that repeats its title ("Limitations  … › Limitations" said
    /// nothing at 40 columns, eleventh retest), and the note of a hit found across paragraphs.
    func place(_ hit: SearchHit, _ g: Glyphs) -> (parts: [String], note: String) {
        var parts = hit.kind == .glossary ? [] : hit.breadcrumb.map { g.text($0) }
        if parts.count > 1 && parts.last == g.text(hit.title) { parts.removeLast() }
        return (parts, hit.spread.map { " (\($0))" } ?? "")
    }

    /// Below 60 columns a title and its place do not both fit on one line ("…ing-serving skew" at
    /// 40, twelfth retest): the place gets a line of its own under the title, whole.
    func placeBelow(_ r: Rect) -> Bool { r.width < 60 }

    /// The cells a snippet line has: indented under its title, one cell kept for the ellipsis.
    func snippetWidth(_ r: Rect) -> Int { r.width - 5 }
    func listRect(_ r: Rect) -> Rect { Rect(x: r.x, y: r.y + 2, width: r.width, height: r.height - 2) }
    /// Snippets whenever the list holds three hits with theirs (40x12 does with a place on the
    /// title's line: issue 23's retest saw none there); a shorter list keeps the hits' snippets out
    /// so that more than two fit.
    func showSnippets(_ ctx: ScreenContext) -> Bool { listRect(ctx.rect).height >= 3 * (placeBelow(ctx.rect) ? 3 : 2) }

    /// `s` starts a new query from any screen, as `/` does here (it kept the old one, to be cleared
    /// with ^U, twelfth retest): Up or Esc brings it back, where it was.
    public mutating func activate(_ ctx: inout ScreenContext) -> Effect { newQuery(); return .none }

    /// An empty, focused field; the query it held kept for Up and Esc.
    mutating func newQuery() {
        if !field.text.isEmpty { beforeQuery = Before(list: list, anyWord: anyWord) }
        field.reopen(); list = SelectList(); anyWord = false
    }
    public var fieldClosesForHelp: Bool { true }

    public mutating func fit(_ ctx: inout ScreenContext) {
        let rs = rows(ctx)
        list.fit(items: hitLines(rs), lines: rs.count, height: listRect(ctx.rect).height)
    }

    /// Each hit's lines, the list's items: its title and snippet, and the group heading above a
    /// group's first hit (so choosing it shows what it is).
    func hitLines(_ rs: [Row]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for (line, row) in rs.enumerated() {
            switch row {
            case .title:
                let heading = line > 0 && { if case .group = rs[line - 1] { return true }; return false }()
                out.append((heading ? line - 1 : line)..<(line + 1))
            case .place, .snippet:
                if let last = out.last { out[out.count - 1] = last.lowerBound..<(line + 1) }
            case .group:
                break
            }
        }
        return out
    }

    public mutating func handle(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        if field.edit(action) { list = SelectList(); anyWord = false; fit(&ctx); return .none }
        // Up in the field `/` emptied, or Esc before anything is typed: the query before it, where it was.
        if field.focused && field.text.isEmpty && (action == .lineUp || action == .cancel) && field.recall() {
            list = beforeQuery.list; anyWord = beforeQuery.anyWord
            if action == .cancel { field.focused = false }
            fit(&ctx)
            return .none
        }
        let all = hits(ctx)
        let rs = rows(ctx)
        if list.move(action, items: hitLines(rs), lines: rs.count, height: listRect(ctx.rect).height) { return .none }
        switch action {
        case .cancel:
            if field.focused { field.focused = false; return .none }
            return .unhandled
        case .switchFocus: field.focused.toggle()
        case .broaden:
            let res = results(ctx)
            guard anyWord || res.offersBroader || res.isEmpty else {
                return .message("Every word already finds \(res.hits.count) results; a wider search would only add noise")
            }
            guard Tokenizer.words(field.text).count > 1 else { return .message("The broader search needs two or more words") }
            anyWord.toggle(); list = SelectList()
            fit(&ctx)
            let n = results(ctx).hits.count
            return .message(anyWord ? "\(n) result\(n == 1 ? "" : "s") with any of the words (\(Keymap.key(.broaden, in: .search)) again: every word)"
                                    : "\(n) result\(n == 1 ? "" : "s") with every word")
        case .focusField:
            // A new query starts empty, as less's `/` does ("type a new query"); Up recalls the old.
            if !field.focused { newQuery() }
        case .open:
            // Nothing found but a near query would find something: Enter takes it, as the line says.
            if all.isEmpty, let near = results(ctx).suggestion {
                field.text = near; list = SelectList(); anyWord = false
                fit(&ctx)
                return .none
            }
            guard all.indices.contains(list.index) else {
                return .message(field.text.isEmpty ? "Type some words to search the guide" : "Nothing found for \"\(field.text)\"")
            }
            return open(all[list.index])
        case .pick(let n):
            // The hits on screen are numbered 1-9 from the top.
            let onScreen = visibleHits(ctx)
            guard onScreen.indices.contains(n - 1) else { return .unhandled }
            list.index = onScreen[n - 1]
            return open(all[list.index])
        default: return .unhandled
        }
        fit(&ctx)
        return .none
    }

    /// Leaving for a hit stops typing, so that coming back (Backspace) lands on the results with
    /// the keys working: another hit is one j and Enter away.
    mutating func open(_ hit: SearchHit) -> Effect {
        field.focused = false
        switch hit.kind {
        case .glossary: return .openGlossary(hit.id)
        case .table, .figure: return .openHit(hit.id, find: marks, block: nil)
        case .text: return .openHit(hit.pageID ?? hit.id, find: marks, block: hit.blockIndex)
        case .heading, .architecture: return .openHit(hit.pageID ?? hit.id, find: marks, block: nil)
        }
    }

    /// The words to mark in the opened page, as typed: the reader's find marks them as matched
    /// (`Find.anyWord`) and names them as typed.
    var marks: String { field.text }

    /// The line under the field: how many results, or what to try instead.
    func summary(_ res: SearchResults, width: Int = .max) -> String {
        if field.text.trimmed().isEmpty {
            // Cut at 40 columns ("…tables and t…", eighth retest).
            return TextWrap.longestFitting(["Type words: titles, terms, tables and text all count", "Type words: titles, terms and text count", "Type words to search"], width: width)
        }
        let broaden = Keymap.key(.broaden, in: .search)
        let broader = field.focused ? "; \(Keymap.key(.switchFocus, in: .field)) then \(broaden): any of the words" : "; \(broaden): any of the words"
        if res.isEmpty {
            let enter = Keymap.key(.open, in: .search)
            if let s = res.suggestion {
                return TextWrap.longestFitting(["Nothing found. Did you mean \"\(s)\"? \(enter) searches for it", "Did you mean \"\(s)\"? \(enter) searches it",
                                                "Did you mean \"\(s)\"? (\(enter))"], width: width)
            }
            guard Tokenizer.words(field.text).count > 1 else {
                return TextWrap.longestFitting(["Nothing found; try fewer or shorter words", "Nothing found; try other words"], width: width)
            }
            // At 40 columns the first was cut at "any…" (seventh retest).
            let keys = field.focused ? "\(Keymap.key(.switchFocus, in: .field)), \(broaden)" : broaden
            return TextWrap.longestFitting(["Nothing has every word" + broader, "None has every word; \(keys): any word", "None has all; \(keys): any"], width: width)
        }
        // One number, the hits the cursor moves through (the status line's "1/73"): it said "82
        // results", counting what the groups leave out, beside "1/73" (eleventh retest). A group cut
        // to its best says so in its heading ("Text (20 of 29)"), and this line says it once.
        let shown = res.hits.count
        let n = "\(shown) result\(shown == 1 ? "" : "s")"
        if anyWord { return n + " with any of the words; \(broaden): every word again" }
        if res.offersBroader { return "Only " + n + " with every word" + broader }
        let open = "\(Keymap.key(.open, in: .search)) opens the chosen one"
        guard res.total > shown else { return n + "; " + open }
        return TextWrap.longestFitting([n + ", the best of each kind; " + open, n + ", the best of each kind", n + " (the best of each)"], width: width)
    }

    func visibleHits(_ ctx: ScreenContext) -> [Int] {
        let rs = rows(ctx)
        let h = listRect(ctx.rect).height
        return rs[min(list.top, rs.count)..<min(rs.count, list.top + h)].compactMap { if case .title(let i) = $0 { return i } else { return nil } }
    }

    public func render(_ ctx: ScreenContext, into buf: inout Buffer) {
        let r = ctx.rect
        let g = ctx.glyphs
        field.render(label: "Search: ", at: r.x, y: r.y, width: r.width, into: &buf, glyphs: g, focusing: .search)
        let res = results(ctx)
        let all = res.hits
        let summary = summary(res, width: r.width)
        buf.put(TextWrap.truncate(g.text(summary), width: r.width, ellipsis: g.ellipsis), x: r.x, y: r.y + 1, role: .dim)
        let rs = rows(ctx)
        let numbered = visibleHits(ctx)
        list.draw(count: rs.count, in: listRect(r), into: &buf, isChosen: { rs[$0] == .title(list.index) || rs[$0] == .place(list.index) }) { i, row, buf in
            let y = row.y
            switch rs[i] {
            case .group(let kind, let n):
                let shown = res.groups.first { $0.kind == kind }?.hits.count ?? n
                let label = shown < n ? "\(kind.title) (\(shown) of \(n))" : "\(kind.title) (\(n))"
                buf.put(TextWrap.truncate(label, width: r.width, ellipsis: g.ellipsis), x: r.x, y: y, role: .heading)
            case .title(let h):
                let num = numbered.firstIndex(of: h).map { $0 < 9 ? "\($0 + 1)" : " " } ?? " "
                var x = buf.put(" " + num + " ", x: r.x, y: y, role: .accent)
                let title = g.text(all[h].title), sep = " \(g.sep) "
                let (parts, note) = place(all[h], g)
                if placeBelow(r) || (parts.isEmpty && note.isEmpty) {
                    buf.put(TextWrap.truncate(title, width: r.maxX - x, ellipsis: g.ellipsis), x: x, y: y, role: .strong)
                    break
                }
                // The location's end, whole ("… › 3.4 Transformers"), with the note after it.
                let end = parts.isEmpty ? 0 : min(DisplayWidth.of(g.ellipsis + sep + parts[parts.count - 1]), DisplayWidth.of(parts.joined(separator: sep)))
                let row = r.maxX - x
                // The title gives way to the location's end and its note down to a third of the
                // row (a long title was whole and its location cut to "The Motivati…").
                let titleRoom = max(min(DisplayWidth.of(title), row - 2 - end - DisplayWidth.of(note)), row / 3)
                x = buf.put(TextWrap.truncate(title, width: titleRoom, ellipsis: g.ellipsis), x: x, y: y, role: .strong)
                placeLine(parts, note, x: x + 2, y: y, maxX: r.maxX, sep: sep, g, into: &buf)
            case .place(let h):
                let (parts, note) = place(all[h], g)
                placeLine(parts, note, x: r.x + 3, y: y, maxX: r.maxX, sep: " \(g.sep) ", g, into: &buf)
            case .snippet(let h):
                var x = r.x + 4
                let limit = x + snippetWidth(r)
                for seg in all[h].snippet.segments {
                    let text = g.text(String(seg.text)).replacing("\n", with: " ")
                    if x + DisplayWidth.of(text) > limit {
                        // Cut at the edge, and say so.
                        x = buf.put(text, x: x, y: y, role: seg.isMatch ? .match : .dim, limit: limit)
                        buf.put(g.ellipsis, x: limit, y: y, role: .dim)
                        break
                    }
                    x = buf.put(text, x: x, y: y, role: seg.isMatch ? .match : .dim, limit: limit)
                }
            }
        }
    }

    /// A hit's place from `x`: cut from the left, its end kept, when the row is short; the note
    /// (`SearchHit.spread`, one wording for the explorer and the shell) never gives way (the explorer
    /// dropped it where the shell showed it, twelfth retest).
    func placeLine(_ parts: [String], _ note: String, x: Int, y: Int, maxX: Int, sep: String, _ g: Glyphs, into buf: inout Buffer) {
        let crumbRoom = maxX - x - DisplayWidth.of(note)
        guard crumbRoom > 6 || parts.isEmpty else { return }
        // A last part too wide alone loses its start, not its end ("…always win", not
        // "Transformers alw…", eleventh retest): truncation of the text read backwards.
        let tail = TextWrap.tail(parts, separator: sep, width: crumbRoom, ellipsis: g.ellipsis)
        let crumb = String(TextWrap.truncate(String(tail.reversed()), width: crumbRoom, ellipsis: String(g.ellipsis.reversed())).reversed())
        buf.put(crumb + (crumb.isEmpty ? String(note.dropFirst()) : note), x: x, y: y, role: .dim)
    }

    /// Enter opens the chosen hit; with none it takes the "Did you mean" query the line offers, or
    /// does nothing worth a hint.
    public func hintWords(_ ctx: ScreenContext) -> [Action: String] {
        guard hits(ctx).isEmpty else { return [:] }
        return [.open: results(ctx).suggestion == nil ? "" : "search it"]
    }

    public func status(_ ctx: ScreenContext) -> (String, String) {
        let all = hits(ctx)
        return ("Search", list.cursor.position(count: all.count))
    }

    public mutating func click(x: Int, y: Int, _ ctx: inout ScreenContext) -> Effect {
        if y == ctx.rect.y { field.focused = true; return .none }
        let rs = rows(ctx)
        guard let i = list.line(atY: y, in: listRect(ctx.rect), count: rs.count) else { return .none }
        switch rs[i] {
        case .title(let h), .place(let h), .snippet(let h): list.index = h; return open(hits(ctx)[h])
        case .group: return .none
        }
    }

    public func violations(_ ctx: ScreenContext) -> [String] {
        let all = hits(ctx)
        var out: [String] = []
        if !all.isEmpty && !all.indices.contains(list.index) { out.append("cursor \(list.index) outside \(all.count) hits") }
        let rs = rows(ctx)
        let top = list.top
        if top < 0 || (top > 0 && top > rs.count - 1) { out.append("top \(top) outside \(rs.count) rows") }
        // Below two lines (a window under the app's minimum, where no view is drawn) a hit and its group
        // heading cannot both be shown.
        if let line = rs.firstIndex(of: .title(list.index)), !all.isEmpty, listRect(ctx.rect).height >= 2,
           line < top || line >= top + listRect(ctx.rect).height {
            out.append("chosen hit off screen (line \(line), top \(top))")
        }
        return out
    }
}
