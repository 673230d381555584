import NNGuideCore

/// Every binding, grouped by where it applies, straight from `Keymap.bindings`.
public struct HelpView: AppView {
    public var scroll = ScrollDocument()
    /// `/` finds in help, as in the reader: the words typed, the lines holding them, the current one.
    public var findText = ""
    public var matches: [Int] = []
    public var currentMatch: Int?
    public init() {}
    public var scopes: [Scope] { [.help] }
    /// Help only scrolls: Enter and the digits have nothing to open here, and ? is where you are.
    public var idleActions: Set<Action> { [.open, .help] }

    static func document(width: Int, glyphs: Glyphs) -> Document {
        var b = DocumentBuilder(width: width, glyphs: glyphs)
        b.wrap([StyledRun("Keys", .init(role: .title))])
        let close = Keymap.bindings.first { $0.scope == .help && $0.action == .back }?.keyLabel ?? "q"
        let quit = Keymap.label(for: .quit) ?? "q"
        b.wrap([StyledRun("\(close) closes help. Elsewhere \(quit) quits, except while typing in a field; Ctrl-C always quits. Help opened where you were: the keys of that screen come first, Anywhere's after them.", .init(role: .dim))])
        let keyWidth = min(max(8, width / 3), Keymap.bindings.map { DisplayWidth.of($0.keyLabel) }.max() ?? 10)
        for scope in Scope.allCases {
            let rows = Keymap.bindings.filter { $0.scope == scope }
            guard !rows.isEmpty else { continue }
            b.blank()
            b.doc.places[Self.place(scope)] = b.doc.lines.count
            b.wrap([StyledRun(scope.title, .init(role: .heading))])
            for r in rows {
                let keys = r.keyLabel
                if DisplayWidth.of(keys) > keyWidth {
                    b.line([Span("  "), Span(keys, .hintKey)])
                    b.wrap([StyledRun(glyphs.text(r.help), .init(role: .text))], first: [Span(String(repeating: " ", count: keyWidth + 4))], rest: [Span(String(repeating: " ", count: keyWidth + 4))])
                } else {
                    b.wrap([StyledRun(glyphs.text(r.help), .init(role: .text))],
                           first: [Span("  "), Span(TextWrap.pad(keys, width: keyWidth), .hintKey), Span("  ")],
                           rest: [Span(String(repeating: " ", count: keyWidth + 4))])
                }
            }
        }
        // What the marks beside titles and blocks mean (Origin, issue 11).
        b.blank()
        b.wrap([StyledRun("Marks", .init(role: .heading))])
        for origin in Origin.allCases {
            guard let mark = origin.mark else { continue }
            b.wrap([StyledRun(glyphs.text(origin.meaning.prefix(1).uppercased() + origin.meaning.dropFirst() + "."), .init(role: .text))],
                   first: [Span("  "), Span(TextWrap.pad(mark, width: keyWidth), .dim), Span("  ")],
                   rest: [Span(String(repeating: " ", count: keyWidth + 4))])
        }
        b.wrap([StyledRun("Everything unmarked is the source guide's own material, in nnguide's words.", .init(role: .dim))],
               first: [Span("  ")], rest: [Span("  ")])
        return b.doc
    }

    func doc(_ ctx: ViewContext) -> Document {
        ctx.library.cached("help", width: ctx.rect.page.width, glyphs: ctx.glyphs, build: Self.document)
    }

    static func place(_ scope: Scope) -> String { "scope:" + scope.rawValue }

    /// Opens at the keys of the screen help was asked from (the brief form's are pages down), the
    /// first of `scopes` that help lists; at the top when none is.
    public mutating func open(at scopes: [Scope], _ ctx: ViewContext) {
        let d = doc(ctx)
        scroll.top = scopes.lazy.compactMap { d.places[Self.place($0)] }.first ?? 0
        fit(ctx)
    }

    public mutating func fit(_ ctx: ViewContext) { scroll.fit(lines: doc(ctx).lines.count, height: ctx.rect.height) }

    public mutating func handle(_ action: Action, _ ctx: ViewContext) -> Effect {
        if scroll.scroll(action, lines: doc(ctx).lines.count, height: ctx.rect.height) { return .none }
        switch action {
        case .findNext, .findPrevious:
            let find = Keymap.label(for: .find, in: .help) ?? "/"
            guard !matches.isEmpty else { return .message(findText.isEmpty ? "Nothing to find yet: \(find) and some words" : "\"\(findText)\" is not in help") }
            let n = matches.count, from = currentMatch ?? -1
            let i = action == .findNext ? (from + 1) % n : (from - 1 + n) % n
            currentMatch = i
            reveal(matches[i], ctx)
            return .message(findSummary)
        case .cancel:
            guard !findText.isEmpty else { return .unhandled }
            clearFind(); return .none
        default: return .unhandled
        }
    }

    /// The lines of help holding `text` (case ignored), the first at or after `line` made current.
    public mutating func setFind(_ text: String, from line: Int, _ ctx: ViewContext) {
        findText = text
        let d = doc(ctx)
        let needle = text.lowercased()
        matches = needle.isEmpty ? [] : d.lines.indices.filter { i in d.lines[i].spans.map(\.text).joined().lowercased().contains(needle) }
        currentMatch = matches.firstIndex { $0 >= line } ?? (matches.isEmpty ? nil : 0)
        scroll.top = line
        if let m = currentMatch { reveal(matches[m], ctx) }
        fit(ctx)
    }

    public mutating func clearFind() { findText = ""; matches = []; currentMatch = nil }

    public var findSummary: String {
        guard !findText.isEmpty else { return "" }
        guard let m = currentMatch, !matches.isEmpty else { return "\"\(findText)\" is not in help" }
        let next = Keymap.label(for: .findNext, in: .help) ?? "n", previous = Keymap.label(for: .findPrevious, in: .help) ?? "N"
        return "\"\(findText)\": match \(m + 1) of \(matches.count); \(next) next, \(previous) previous"
    }

    mutating func reveal(_ line: Int, _ ctx: ViewContext) {
        if line < scroll.top || line >= scroll.top + ctx.rect.height { scroll.top = line - ctx.rect.height / 3 }
        fit(ctx)
    }

    public func render(_ ctx: ViewContext, into buf: inout Buffer) {
        let d = doc(ctx)
        let r = ctx.rect.page
        scroll.render(d, in: r, into: &buf)
        // The words found, marked where they stand on every line on screen (the current one stronger).
        guard !findText.isEmpty else { return }
        let needle = findText.lowercased()
        for (k, line) in matches.enumerated() where line >= scroll.top && line < scroll.top + r.height {
            let chars = Array(d.lines[line].spans.map(\.text).joined())
            let lower = chars.map { Character($0.lowercased()) }
            let n = Array(needle)
            var i = 0
            while i + n.count <= lower.count {
                if Array(lower[i..<(i + n.count)]) == n {
                    let x = r.x + DisplayWidth.of(String(chars[..<i]))
                    buf.put(String(chars[i..<(i + n.count)]), x: x, y: r.y + line - scroll.top, role: k == currentMatch ? .matchFocus : .match, limit: r.maxX)
                    i += n.count
                } else { i += 1 }
            }
        }
    }

    public func status(_ ctx: ViewContext) -> (String, String) {
        ("Help \(ctx.glyphs.sep) every key", scroll.position(lines: doc(ctx).lines.count, height: ctx.rect.height))
    }

    public func violations(_ ctx: ViewContext) -> [String] { scroll.violations(lines: doc(ctx).lines.count, height: ctx.rect.height) }
}
