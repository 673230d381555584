import NNGuideCore

/// Every binding, grouped by where it applies, straight from `Keymap.bindings`. Pushed over whatever
/// is showing and dismissed back onto it, as less and vim's :help.
public struct HelpView: FindsOnPage {
    public static var presentation: Presentation { .pushed }
    public var scroll = DocumentViewport()
    /// `/` finds in help, as in the reader.
    public var find = Find()
    public init() {}
    public var scopes: [Scope] { [.help] }
    public static let bindings: [Binding] = [
        Binding([.char("?"), .function(1)], .help, .global, "help: every key", hint: "help"),
        // Help closes like less and vim's :help: q goes back to where it was opened; Esc too, once
        // find marks are cleared (as less's Esc-u, then q).
        Binding([.char("q")], .back, .help, "close help, back to where you were", hint: "close"),
        Binding([.escape], .cancel, .help, "clear find marks; with none, close help"),
        Binding([.char("/")], .find, .help, "find in help (\(Keymap.findPromptKeys))", hint: "find"),
        Binding([.char("n")], .findNext, .help, "next match"),
        Binding([.char("N")], .findPrevious, .help, "previous match"),
    ]

    /// Help only scrolls: Enter and the digits have nothing to open here, and ? is where you are.
    public var idleActions: Set<Action> { [.open, .help] }

    static func document(width: Int, glyphs: Glyphs) -> Document {
        var b = DocumentBuilder(width: width, glyphs: glyphs)
        b.wrap([StyledRun("Keys", .init(role: .title))])
        let close = Keymap.bindings.first { $0.scope == .help && $0.action == .back }?.keyLabel ?? Keymap.key(.back, in: .help)
        let esc = Keymap.key(.cancel, in: .help)
        let quit = Keymap.key(.quit), quitTyping = Keymap.key(.quit, in: .field)
        b.wrap([StyledRun("\(close) or \(esc) closes help (\(esc) clears find marks first). Elsewhere \(quit) quits, except while typing in a field; \(quitTyping) always quits. Help opened where you were: the keys of that screen come first, Anywhere's after them.", .init(role: .dim))])
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

    func doc(_ ctx: ScreenContext) -> Document {
        ctx.library.cached("help", width: ctx.rect.page.width, glyphs: ctx.glyphs, build: Self.document)
    }

    static func place(_ scope: Scope) -> String { "scope:" + scope.rawValue }

    /// Opens at the keys of the screen help was asked from (the brief form's are pages down): at the
    /// first section help lists of any of `scopes`, so every key of that screen is at or below the top
    /// (a pick's `y` is in the question-or-pick section above its own); at the top when none is. Each visit starts without the last
    /// one's find, as less does, so the first Esc closes help.
    public mutating func push(over scopes: [Scope], _ ctx: ScreenContext) {
        find = Find()
        let d = doc(ctx)
        scroll.top = scopes.compactMap { d.places[Self.place($0)] }.min() ?? 0
        fitPage(ctx)
    }

    public mutating func fit(_ ctx: inout ScreenContext) { fitPage(ctx) }

    /// The fit, which only reads the context: `push(over:)` is given no more.
    private mutating func fitPage(_ ctx: ScreenContext) {
        refreshFind(ctx)
        scroll.clamp(lines: doc(ctx).lines.count, height: ctx.rect.height)
    }

    public mutating func handle(_ action: Action, _ ctx: inout ScreenContext) -> Effect {
        let lines = doc(ctx).lines.count
        if scroll.scroll(action, lines: lines, height: ctx.rect.height) { return .none }
        if action == .cancel {
            // As less: Esc clears the marks of a find first; with none left it closes help.
            guard !find.isEmpty else { ctx.pop(); return .none }
            clearFind(); return .message("Find marks cleared; \(Keymap.key(.cancel, in: .help)) again closes help")
        }
        return findKey(action, ctx) ?? .unhandled
    }

    // MARK: find (`FindsOnPage`)

    public static var findScope: Scope { .help }
    public static var notFound: String { "in help" }
    public func findPage(_ ctx: ScreenContext) -> Document { doc(ctx) }

    public func render(_ ctx: ScreenContext, into buf: inout Buffer) {
        scroll.draw(doc(ctx), in: ctx.rect.page, into: &buf, .init(finds: find.matches, current: find.current))
    }

    public func status(_ ctx: ScreenContext) -> (String, String) {
        ("Help \(ctx.glyphs.sep) every key", scroll.position(lines: doc(ctx).lines.count, height: ctx.rect.height))
    }

    public func violations(_ ctx: ScreenContext) -> [String] { scroll.violations(lines: doc(ctx).lines.count, height: ctx.rect.height, name: "help") }
}
