import NNGuideCore

/// One line of text input with a cursor: the search query, the glossary and compare filters, the
/// find prompt and the brief form's typed value all edit through it (as bubbles' `textinput` is
/// embedded wherever a model takes text). The cursor is counted from the end, so text set from
/// outside (a suggestion taken, a filter cleared) leaves it at the end, where typing goes on.
/// Whether keys go to the field is the field's own `focused` (bubbles' `Focus()`/`Blur()`): the
/// views that hold one read and set it, and keep no flag of their own.
public struct TextField: Sendable, Equatable {
    public var text = "" {
        didSet { back = min(back, text.count) }
    }
    /// Characters after the cursor.
    public private(set) var back = 0
    /// Keys type into the field (its screen's other keys wait until it is left).
    public var focused: Bool

    /// The words the field held before `/` last opened it afresh: Up in the empty field brings them
    /// back, as less's and vim's history does.
    public private(set) var recalled = ""

    public init(_ text: String = "", focused: Bool = false) { self.text = text; self.focused = focused }

    /// `/` opens the field empty, as less and vim start a new pattern (a second `/` in Compare
    /// appended to the old filter, eleventh retest); the old words are kept for `recall`.
    public mutating func reopen() {
        if !text.isEmpty { recalled = text }
        text = ""; back = 0; focused = true
    }

    /// Up in the empty field: the words it held before `/` emptied it. False when the field is not
    /// empty or there is nothing to recall (Up then does what it does in the list).
    public mutating func recall() -> Bool {
        guard text.isEmpty, !recalled.isEmpty else { return false }
        text = recalled; back = 0
        return true
    }

    /// Characters before the cursor.
    public var cursor: Int { text.count - back }

    /// Applies a typing action at the cursor; false when the action is not about the field.
    public mutating func edit(_ action: Action) -> Bool {
        let at = text.index(text.startIndex, offsetBy: cursor)
        switch action {
        case .type(let c): text.insert(c, at: at)
        case .paste(let t): text.insert(contentsOf: t, at: at)
        case .deleteBackward: if at > text.startIndex { text.remove(at: text.index(before: at)) }
        case .clearField: text = ""; back = 0
        // Left and Right in a field move the cursor (the keymap's sideways actions).
        case .scrollLeft: back = min(text.count, back + 1)
        case .scrollRight: back = max(0, back - 1)
        default: return false
        }
        return true
    }

    /// The text around the cursor as this terminal shows it, cut to fit `room` columns with the
    /// cursor in view: what is before it (its start dropped first, so the words last typed stay) and
    /// what is after it. The cursor takes a column of its own.
    func shown(room: Int, glyphs: Glyphs) -> (before: String, after: String) {
        let cut = text.index(text.startIndex, offsetBy: cursor)
        var before = glyphs.text(String(text[..<cut]))
        let room = max(0, room - 1)
        while DisplayWidth.of(before) > room, !before.isEmpty { before.removeFirst() }
        var after = glyphs.text(String(text[cut...]))
        while DisplayWidth.of(after) > room - DisplayWidth.of(before) + 1, !after.isEmpty { after.removeLast() }
        return (before, after)
    }

    /// The whole text around the cursor, to be wrapped across lines (a long value on the brief form,
    /// shown whole while it is typed): what is before the cursor, the cursor's cell, what is after it.
    /// The cell is a no-break space at the end or on a space, so wrapping (which drops a space at a
    /// line's end and joins runs of spaces) neither loses it nor parts it from the word it stands by;
    /// `cursorCell` is the one space the wrapped line draws for it.
    func wrappable(glyphs: Glyphs) -> (before: String, at: String, after: String) {
        let cut = text.index(text.startIndex, offsetBy: cursor)
        let after = String(text[cut...])
        let at = after.first.map { $0 == " " ? Self.cursorCell : glyphs.text(String($0)) } ?? Self.cursorCell
        return (glyphs.text(String(text[..<cut])), at, glyphs.text(String(after.dropFirst())))
    }

    /// The cursor's cell where it stands on no character (`wrappable`); drawn as a space.
    static let cursorCell = "\u{00A0}"

    /// The focused field's text in `room` columns as every field draws it (the one cursor look): what
    /// is before the cursor, the cursor a highlighted cell on the character it stands before (a blank
    /// cell at the end), what is after it. `render` draws these; the brief form lays them in its row.
    func spans(room: Int, glyphs: Glyphs) -> [Span] {
        let (before, after) = shown(room: room, glyphs: glyphs)
        return [Span(before, .prompt), Span(after.first.map(String.init) ?? " ", .selection), Span(String(after.dropFirst()), .prompt)]
    }

    /// "Label: text▌" in `width` columns, the cursor a highlighted cell where typing goes; an empty
    /// field that is not focused says which key of `scope` (the screen's) focuses it. Returns the column after what it drew (the
    /// cursor's cell included).
    @discardableResult
    public func render(label: String, at x: Int, y: Int, width: Int, into buf: inout Buffer, glyphs: Glyphs,
                       focusing scope: Scope? = nil) -> Int {
        let labelEnd = buf.put(label, x: x, y: y, role: focused ? .prompt : .dim, limit: x + width)
        let room = x + width - labelEnd
        guard room > 1 else { return labelEnd }
        let limit = x + width
        guard focused else {
            let (before, after) = shown(room: room, glyphs: glyphs)
            let end = buf.put(before + after, x: labelEnd, y: y, role: .text, limit: limit)
            if text.isEmpty, let scope { buf.put("(press \(Keymap.key(.focusField, in: scope)) to type)", x: labelEnd, y: y, role: .dim, limit: limit) }
            return end
        }
        var end = labelEnd
        for span in spans(room: room, glyphs: glyphs) where !span.text.isEmpty {
            end = buf.put(span.text, x: end, y: y, role: span.role, limit: limit)
        }
        return end
    }
}
