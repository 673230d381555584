import NNGuideCore

/// A glossary definition in a box over the page, below the link it was opened from (Enter on a
/// glossary link in the reader): a modal screen on the reader's stack. Enter opens the term in the
/// glossary; the popover's close keys close it; any other key closes it and acts on the page.
public struct GlossaryPopover: Screen {
    public let glossaryID: String
    /// The row of the link it was opened from, to sit under (or over, when there is no room below).
    let linkRow: Int?

    public static var presentation: Presentation { .modal }
    public var scopes: [Scope] { [.popover] }

    public mutating func handle(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        switch action {
        case .open: ctx.pop(); return .openGlossary(glossaryID)
        case .cancel: ctx.pop(); return .none
        default: return .unhandled
        }
    }

    public func status(_ ctx: ScreenContext) -> (String, String) { ("", "") }

    public func render(_ ctx: ScreenContext, into buf: inout Buffer) {
        let guide = ctx.guide, glyphs = ctx.glyphs, area = ctx.rect
        guard let e = guide.glossaryEntry(glossaryID) else { return }
        let w = min(area.width - 2, 64)
        guard w >= 12 else { return }
        let inner = w - 4
        var body: [(String, Role)] = [(glyphs.text(e.term), .strong)]
        func add(_ text: String, _ role: Role) {
            for l in TextWrap.wrap(glyphs.text(text), width: inner) { body.append((l, role)) }
        }
        add(InlineParser.plain(e.definition), .text)
        if !e.related.isEmpty { add("Related: " + e.related.compactMap { guide.glossaryEntry($0)?.term }.joined(separator: ", "), .dim) }
        for note in e.notes { add(note.plainLine, .text) }
        let see = e.see.compactMap { guide.page($0)?.page.breadcrumbTitle }
        if !see.isEmpty { add("See: " + see.joined(separator: ", "), .dim) }
        if let line = e.evidence.line { add(line, .dim) }
        body.append(("", .text))
        body.append((TextWrap.truncate("\(Keymap.key(.open, in: .popover)): open in glossary \(glyphs.bullet) \(Keymap.key(.cancel, in: .popover)): close", width: inner, ellipsis: glyphs.ellipsis), .dim))
        // Too long for the screen: the way to the whole entry stays.
        Box.cut(&body, rows: area.height - 2) { (TextWrap.truncate($0.0 + " " + glyphs.ellipsis, width: inner, ellipsis: glyphs.ellipsis), $0.1) }
        let h = body.count + 2
        let row = linkRow ?? area.height / 3
        var top = row + 1
        if top + h > area.maxY { top = max(area.y, row - h) }
        if top + h > area.maxY { top = max(area.y, area.maxY - h) }
        Box.draw(body, width: w, top: top, in: area, glyphs: glyphs, into: &buf)
    }

    public func violations(_ ctx: ScreenContext) -> [String] {
        ctx.guide.glossaryEntry(glossaryID) == nil ? ["popover for unknown term \(glossaryID)"] : []
    }
}

/// The sources and review dates of what is on screen, in a box near the top (the sources key): a
/// modal screen on the stack of the screen it was asked from. Its close keys close it; any other key
/// closes it and acts, as the popover's do. Cut (with an ellipsis) when too long.
public struct SourcesBox: Screen {
    public let note: SourcesNote

    public static var presentation: Presentation { .modal }
    public var scopes: [Scope] { [.popover] }
    /// Nothing to open: only the close keys are offered.
    public var idleActions: Set<Action> { [.open] }

    public mutating func handle(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        guard action == .cancel else { return .unhandled }
        ctx.pop()
        return .none
    }

    public func status(_ ctx: ScreenContext) -> (String, String) { ("", "") }

    public func render(_ ctx: ScreenContext, into buf: inout Buffer) {
        let area = ctx.rect, glyphs = ctx.glyphs
        let w = min(area.width - 2, 76)
        guard w >= 12 else { return }
        var body = note.lines(ctx.guide, width: w - 4, glyphs: glyphs)
        body.append(("", .text))
        body.append((TextWrap.truncate("\(Keymap.key(.cancel, in: .popover)): close", width: w - 4, ellipsis: glyphs.ellipsis), .dim))
        Box.cut(&body, rows: area.height - 2) { _ in (glyphs.ellipsis, .dim) }
        Box.draw(body, width: w, top: area.y + min(2, max(0, area.height - body.count - 2)), in: area, glyphs: glyphs, into: &buf)
    }
}

/// A bordered box of lines, drawn over what is already in the buffer.
enum Box {
    /// Cuts a body too long for `rows` (at least one line kept): its last line (the keys that close
    /// the box) stays, and the line before it says the body was cut (`mark` makes it from the line
    /// that was there).
    static func cut(_ body: inout [(String, Role)], rows: Int, mark: ((String, Role)) -> (String, Role)) {
        let most = max(1, rows)
        guard body.count > most, let last = body.last else { return }
        body = Array(body.prefix(max(1, most - 1))) + [last]
        if body.count >= 2 { body[body.count - 2] = mark(body[body.count - 2]) }
    }

    /// The lines at row `top` of `area`, two columns in from the left where there is room.
    static func draw(_ body: [(String, Role)], width w: Int, top: Int, in area: Rect, glyphs g: Glyphs, into buf: inout Buffer) {
        let h = body.count + 2
        let left = max(area.x, min(area.maxX - w, 2))
        buf.fill(Rect(x: left, y: top, width: w, height: h), role: .text)
        buf.put(g.tl + String(repeating: g.h, count: w - 2) + g.tr, x: left, y: top, role: .border)
        for (i, (text, role)) in body.enumerated() {
            let y = top + 1 + i
            buf.put(g.v, x: left, y: y, role: .border)
            buf.put(text, x: left + 2, y: y, role: role, limit: left + w - 2)
            buf.put(g.v, x: left + w - 1, y: y, role: .border)
        }
        buf.put(g.bl + String(repeating: g.h, count: w - 2) + g.br, x: left, y: top + h - 1, role: .border)
    }
}
