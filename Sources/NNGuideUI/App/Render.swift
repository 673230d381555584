import NNGuideCore

/// Draws the whole screen: the view, the status line (where you are, how far), and the bottom line
/// (a message, a prompt, or the key hint from the keymap).
public func render(_ state: AppState) -> Buffer {
    var buf = Buffer(width: state.width, height: state.height)
    if state.tooSmall { state.renderTooSmall(into: &buf); return buf }
    let ctx = state.context
    state.current.render(ctx, into: &buf)
    if case .popover(let id) = state.overlay { state.renderPopover(id, into: &buf) }
    if case .sources(let note) = state.overlay { state.renderSources(note, into: &buf) }
    state.renderStatus(into: &buf)
    state.renderBottom(into: &buf)
    return buf
}

extension AppState {
    func renderTooSmall(into buf: inout Buffer) {
        let need = "\(Self.minimumWidth)x\(Self.minimumHeight)"
        // The longest message that fits, down to just the size needed.
        let messages = ["Make the window larger: nnguide needs \(need) (now \(width)x\(height)). \(Keymap.key(.quit)) quits.",
                        "Window too small: needs \(need)", "Too small: needs \(need)", "needs \(need)"]
        let fitting = messages.map { TextWrap.wrap($0, width: max(1, width)) }.first { $0.count <= height } ?? [need]
        let top = max(0, (height - fitting.count) / 2)
        for (i, l) in fitting.enumerated() where top + i < height {
            buf.put(l, x: max(0, (width - DisplayWidth.of(l)) / 2), y: top + i, role: .warning)
        }
    }

    func renderStatus(into buf: inout Buffer) {
        let y = height - 2
        buf.fill(Rect(x: 0, y: y, width: width, height: 1), role: .status)
        let (left, right) = current.status(context)
        let rightText = right.isEmpty ? "" : " " + right + " "
        let room = width - DisplayWidth.of(rightText) - 1
        buf.put(" " + TextWrap.truncate(glyphs.text(left), width: max(0, room - 1), ellipsis: glyphs.ellipsis), x: 0, y: y, role: .status)
        buf.put(rightText, x: width - DisplayWidth.of(rightText), y: y, role: .statusKey)
    }

    /// The hint line: the first bindings of the current scopes that fit, keys highlighted.
    func renderBottom(into buf: inout Buffer) {
        let y = height - 1
        if case .find(let field, _) = overlay {
            let x = field.render(label: "/", focused: true, at: 0, y: y, width: width, into: &buf, glyphs: glyphs)
            let tail = "  \(Keymap.key(.open, in: .prompt)) find " + glyphs.bullet + " \(Keymap.key(.cancel, in: .prompt)) cancel"
            if x + 1 + DisplayWidth.of(tail) <= width { buf.put(tail, x: width - DisplayWidth.of(tail), y: y, role: .hint) }
            return
        }
        if case .mark(let set) = overlay {
            let names = reading.bookmarks.keys.sorted().joined(separator: " ")
            let text = set ? "Bookmark this place: press a letter (\(Keymap.key(.cancel, in: .prompt)) cancels)" : "Jump to bookmark: press a letter (\(names))"
            buf.put(TextWrap.truncate(text, width: width, ellipsis: glyphs.ellipsis), x: 0, y: y, role: .prompt)
            return
        }
        if let m = message {
            buf.put(TextWrap.truncate(glyphs.text(m), width: width, ellipsis: glyphs.ellipsis), x: 0, y: y, role: .warning)
            return
        }
        var x = 0
        for (i, h) in Self.fitting(hintItems, width: width, helpKey: helpKey).enumerated() {
            if i > 0 { x = buf.put("  ", x: x, y: y, role: .hint) }
            x = buf.put(h.keys, x: x, y: y, role: .hintKey)
            x = buf.put(" " + h.words, x: x, y: y, role: .hint)
        }
    }

    /// The hints that fit in `width`, in order; the help key is never the one dropped (it is the way
    /// out of confusion): when the line is full it takes the last place that fits.
    static func fitting(_ items: [(keys: String, words: String)], width: Int, helpKey: String) -> [(keys: String, words: String)] {
        func size(_ h: (keys: String, words: String)) -> Int { DisplayWidth.of(h.keys) + 1 + DisplayWidth.of(h.words) }
        let help = items.first { $0.keys == helpKey }
        let reserve = help.map { size($0) + 2 } ?? 0
        var out: [(keys: String, words: String)] = []
        var x = 0
        let all = items.map(size).reduce(0, +) + 2 * max(0, items.count - 1)
        if all <= width { return items }
        for h in items where h.keys != helpKey {
            let piece = size(h) + (out.isEmpty ? 0 : 2)
            if x + piece + reserve > width { break }
            out.append(h); x += piece
        }
        if let help, x + (out.isEmpty ? size(help) : size(help) + 2) <= width { out.append(help) }
        return out
    }

    /// The key that opens help where the hint line is shown (F1 while typing, where ? types).
    var helpKey: String {
        Keymap.key(.help, in: typing ? current.typingScopes : current.scopes)
    }

    var hintItems: [(keys: String, words: String)] {
        if case .popover = overlay { return Keymap.hints(for: [.popover]) }
        if case .sources = overlay { return Keymap.label(for: .cancel, in: .popover).map { [($0, "close")] } ?? [] }
        if typing { return Keymap.hints(for: current.typingScopes, words: current.hintWords(context)) }
        var idle = current.idleActions
        // Back with nothing to go back to only says so: not offered (a pushed screen always closes).
        if history.isEmpty && stack.isEmpty { idle.insert(.back) }
        return Keymap.hints(for: current.scopes + [.global], leaving: idle, words: current.hintWords(context))
    }

    /// The sources of what is on screen in a box near the top; cut (with an ellipsis) when too long.
    func renderSources(_ note: SourcesNote, into buf: inout Buffer) {
        let area = contentRect
        let w = min(area.width - 2, 76)
        guard w >= 12 else { return }
        var body = note.lines(guide, width: w - 4, glyphs: glyphs)
        body.append(("", .text))
        body.append((TextWrap.truncate("\(Keymap.key(.cancel, in: .popover)): close", width: w - 4, ellipsis: glyphs.ellipsis), .dim))
        let maxBody = max(1, area.height - 2)
        if body.count > maxBody {
            body = Array(body.prefix(max(1, maxBody - 1))) + [body.last!]
            if body.count >= 2 { body[body.count - 2] = (glyphs.ellipsis, .dim) }
        }
        drawBox(body, width: w, top: area.y + min(2, max(0, area.height - body.count - 2)), into: &buf)
    }

    /// A bordered box of lines at `top`, two columns in from the left where there is room.
    func drawBox(_ body: [(String, Role)], width w: Int, top: Int, into buf: inout Buffer) {
        let area = contentRect
        let h = body.count + 2
        let left = max(area.x, min(area.maxX - w, 2))
        buf.fill(Rect(x: left, y: top, width: w, height: h), role: .text)
        let g = glyphs
        buf.put(g.tl + String(repeating: g.h, count: w - 2) + g.tr, x: left, y: top, role: .border)
        for (i, (text, role)) in body.enumerated() {
            let y = top + 1 + i
            buf.put(g.v, x: left, y: y, role: .border)
            buf.put(text, x: left + 2, y: y, role: role, limit: left + w - 2)
            buf.put(g.v, x: left + w - 1, y: y, role: .border)
        }
        buf.put(g.bl + String(repeating: g.h, count: w - 2) + g.br, x: left, y: top + h - 1, role: .border)
    }

    /// A glossary definition in a box over the page, below the focused link when there is room.
    func renderPopover(_ id: String, into buf: inout Buffer) {
        guard let e = guide.glossaryEntry(id) else { return }
        let area = contentRect
        let w = min(area.width - 2, 64)
        guard w >= 12 else { return }
        let inner = w - 4
        var body: [(String, Role)] = [(glyphs.text(e.term), .strong)]
        for l in TextWrap.wrap(glyphs.text(InlineParser.plain(e.definition)), width: inner) { body.append((l, .text)) }
        if !e.related.isEmpty {
            let names = e.related.compactMap { guide.glossaryEntry($0)?.term }.joined(separator: ", ")
            for l in TextWrap.wrap(glyphs.text("Related: " + names), width: inner) { body.append((l, .dim)) }
        }
        for note in e.notes { for l in TextWrap.wrap(glyphs.text(note.plainLine), width: inner) { body.append((l, .text)) } }
        let see = e.see.compactMap { guide.page($0)?.page.breadcrumbTitle }
        if !see.isEmpty { for l in TextWrap.wrap(glyphs.text("See: " + see.joined(separator: ", ")), width: inner) { body.append((l, .dim)) } }
        if let line = e.evidence.line { for l in TextWrap.wrap(glyphs.text(line), width: inner) { body.append((l, .dim)) } }
        body.append(("", .text))
        body.append((TextWrap.truncate("\(Keymap.key(.open, in: .popover)): open in glossary \(glyphs.bullet) \(Keymap.key(.cancel, in: .popover)): close", width: inner, ellipsis: glyphs.ellipsis), .dim))
        let maxBody = max(1, area.height - 2)
        if body.count > maxBody {
            // Too long for the screen: cut it, say so, and keep the way to the whole entry.
            body = Array(body.prefix(max(1, maxBody - 1))) + [body.last!]
            if body.count >= 2 { body[body.count - 2].0 = TextWrap.truncate(body[body.count - 2].0 + " " + glyphs.ellipsis, width: inner, ellipsis: glyphs.ellipsis) }
        }
        let h = body.count + 2
        let linkRow = reader.focusedRow(context) ?? area.height / 3
        var top = linkRow + 1
        if top + h > area.maxY { top = max(area.y, linkRow - h) }
        if top + h > area.maxY { top = max(area.y, area.maxY - h) }
        drawBox(body, width: w, top: top, into: &buf)
    }
}
