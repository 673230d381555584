import NNGuideCore

/// One line of text input with a cursor: the search query, the glossary and compare filters, the
/// find prompt and the brief form's typed value all edit through it (as bubbles' `textinput` is
/// embedded wherever a model takes text). The cursor is counted from the end, so text set from
/// outside (a suggestion taken, a filter cleared) leaves it at the end, where typing goes on.
public struct TextField: Sendable, Equatable {
    public var text = "" {
        didSet { back = min(back, text.count) }
    }
    /// Characters after the cursor.
    public private(set) var back = 0

    public init(_ text: String = "") { self.text = text }

    /// Characters before the cursor.
    public var cursor: Int { text.count - back }

    /// Applies a typing action at the cursor; false when the action is not about the field.
    public mutating func edit(_ action: Action) -> Bool {
        let at = text.index(text.startIndex, offsetBy: cursor)
        switch action {
        case .type(let c): text.insert(c, at: at)
        case .deleteBackward: if at > text.startIndex { text.remove(at: text.index(before: at)) }
        case .clearField: text = ""; back = 0
        default: return false
        }
        return true
    }

    /// The end of the text that fits `room` columns as this terminal shows it: while typing, the
    /// words last typed stay in view.
    func shown(room: Int, glyphs: Glyphs) -> String {
        var shown = glyphs.text(text)
        while DisplayWidth.of(shown) > room, !shown.isEmpty { shown.removeFirst() }
        return shown
    }

    /// "Label: text▌" in `width` columns; `hint` shows in an empty field that is not focused.
    /// Returns the column after the cursor.
    @discardableResult
    public func render(label: String, focused: Bool, at x: Int, y: Int, width: Int, into buf: inout Buffer, glyphs: Glyphs,
                       hint: String? = "(press / to type)") -> Int {
        let labelEnd = buf.put(label, x: x, y: y, role: focused ? .prompt : .dim, limit: x + width)
        let room = x + width - labelEnd - 1
        guard room > 0 else { return labelEnd }
        let end = buf.put(shown(room: room, glyphs: glyphs), x: labelEnd, y: y, role: focused ? .prompt : .text, limit: x + width)
        if focused { return buf.put(" ", x: end, y: y, role: .selection, limit: x + width) }
        if text.isEmpty, let hint { buf.put(hint, x: labelEnd, y: y, role: .dim, limit: x + width) }
        return end
    }
}
