import NNGuideCore

/// Draws the whole screen: the view, the status line (where you are, how far), and the bottom line
/// (a message, a prompt, or the key hint from the keymap).
public func render(_ state: AppState) -> Buffer {
    var buf = Buffer(width: state.width, height: state.height)
    if state.tooSmall { state.renderTooSmall(into: &buf); return buf }
    let ctx = state.context
    // A modal box draws over the screen under it (Textual's ModalScreen).
    state.shown.render(ctx, into: &buf)
    if state.modalOnTop { state.current.render(ctx, into: &buf) }
    // A long message takes more than the hint line: the status line moves up above it.
    let message = state.messageShown
    state.renderStatus(into: &buf, y: state.height - 1 - max(1, message.count))
    state.renderBottom(into: &buf, message: message)
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

    func renderStatus(into buf: inout Buffer, y: Int) {
        buf.fill(Rect(x: 0, y: y, width: width, height: 1), role: .status)
        let (left, right) = shown.status(context)
        let rightText = right.isEmpty ? "" : " " + right + " "
        let room = width - DisplayWidth.of(rightText) - 1
        buf.put(" " + TextWrap.truncate(glyphs.text(left), width: max(0, room - 1), ellipsis: glyphs.ellipsis), x: 0, y: y, role: .status)
        buf.put(rightText, x: width - DisplayWidth.of(rightText), y: y, role: .statusKey)
    }

    /// The message's lines as shown (none while a prompt has the bottom line, which comes first).
    var messageShown: [String] {
        guard current.prompt?.field == nil, bookmarkKey == nil, let m = message else { return [] }
        return Self.messageLines(glyphs.text(m), width: width, ellipsis: glyphs.ellipsis)
    }

    /// The hint line: the first bindings of the current scopes that fit, keys highlighted.
    func renderBottom(into buf: inout Buffer, message lines: [String]) {
        let y = height - 1
        if let field = current.prompt?.field {
            let x = field.render(label: "/", at: 0, y: y, width: width, into: &buf, glyphs: glyphs)
            let tail = "  \(Keymap.key(.open, in: .prompt)) find " + glyphs.bullet + " \(Keymap.key(.cancel, in: .prompt)) cancel"
            if x + 1 + DisplayWidth.of(tail) <= width { buf.put(tail, x: width - DisplayWidth.of(tail), y: y, role: .hint) }
            return
        }
        if let mark = bookmarkKey {
            let names = reading.bookmarks.keys.sorted().joined(separator: " ")
            let esc = Keymap.key(.cancel, in: .prompt)
            // Cut at 40 columns ("press a letter (Es…", eleventh retest): the longest wording that fits.
            let text = mark == .set
                ? TextWrap.longestFitting(["Bookmark this place: press a letter (\(esc) cancels)", "Bookmark: press a letter (\(esc) cancels)"], width: width)
                : "Jump to bookmark: press a letter (\(names))"
            buf.put(TextWrap.truncate(text, width: width, ellipsis: glyphs.ellipsis), x: 0, y: y, role: .prompt)
            return
        }
        if !lines.isEmpty {
            for (i, l) in lines.enumerated() {
                let row = y - (lines.count - 1) + i
                buf.fill(Rect(x: 0, y: row, width: width, height: 1))
                buf.put(l, x: 0, y: row, role: .warning)
            }
            return
        }
        var x = 0
        for (i, h) in Self.fitting(hintItems, width: width, helpKey: helpKey).enumerated() {
            if i > 0 { x = buf.put("  ", x: x, y: y, role: .hint) }
            x = buf.put(h.keys, x: x, y: y, role: .hintKey)
            x = buf.put(" " + h.words, x: x, y: y, role: .hint)
        }
    }

    /// A message wrapped whole: a long one takes the lines above the hint line and pushes the status
    /// line up over the screen's last rows until the next key, as vim's message area grows for a long
    /// message (a path cut at 40 columns could not be read anywhere else). Past `most` lines the last
    /// is cut.
    static func messageLines(_ text: String, width: Int, ellipsis: String, most: Int = 3) -> [String] {
        let lines = TextWrap.wrap(text, width: max(1, width))
        guard lines.count > most else { return lines }
        // The rest of the text as written, not its wrapped pieces joined with spaces: a folder broken
        // across lines read "…/briefs/ dr…" (twelfth retest). A path ending it keeps its end, cut from
        // the left a folder at a time ("… in …/nnguide/briefs/drafts").
        var rest = Substring(text)
        for l in lines.prefix(most - 1) { if let r = rest.firstRange(of: l) { rest = rest[r.upperBound...] } }
        let last = String(rest).trimmed()
        var words = last.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if let path = words.last, path.contains("/"), DisplayWidth.of(last) > width {
            words.removeLast()
            let head = words.isEmpty ? "" : words.joined(separator: " ") + " "
            let room = width - DisplayWidth.of(head)
            if room >= 12 {
                let tail = TextWrap.tail(path.split(separator: "/", omittingEmptySubsequences: false).map(String.init), separator: "/", width: room, ellipsis: ellipsis)
                return Array(lines.prefix(most - 1)) + [TextWrap.truncate(head + tail, width: width, ellipsis: ellipsis)]
            }
        }
        return Array(lines.prefix(most - 1)) + [TextWrap.truncate(last, width: width, ellipsis: ellipsis)]
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
        if modalOnTop { return Keymap.hints(for: current.scopes, leaving: current.idleActions) }
        if typing { return Keymap.hints(for: current.typingScopes, words: current.hintWords(context)) }
        var idle = current.idleActions
        // Back with nothing to go back to only says so: not offered (a pushed screen always closes).
        if history.isEmpty && stack.isEmpty { idle.insert(.back) }
        return Keymap.hints(for: current.scopes + [.global], leaving: idle, words: current.hintWords(context))
    }
}
