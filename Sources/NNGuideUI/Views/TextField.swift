import NNGuideCore

/// A one-line text field: the search query, the glossary filter. The cursor stays at the end,
/// which is all a filter needs.
public struct TextField: Sendable, Equatable {
    public var text = ""
    public init(_ text: String = "") { self.text = text }

    /// Applies a typing action; false when the action is not about the field.
    public mutating func edit(_ action: Action) -> Bool {
        switch action {
        case .type(let c): text.append(c)
        case .deleteBackward: if !text.isEmpty { text.removeLast() }
        case .clearField: text = ""
        default: return false
        }
        return true
    }

    /// "Label: text▌", showing the end of the text when it is longer than the room.
    public func render(label: String, focused: Bool, at x: Int, y: Int, width: Int, into buf: inout Buffer, glyphs: Glyphs) {
        let labelEnd = buf.put(label, x: x, y: y, role: focused ? .prompt : .dim, limit: x + width)
        let room = x + width - labelEnd - 1
        guard room > 0 else { return }
        var shown = glyphs.text(text)
        while DisplayWidth.of(shown) > room, !shown.isEmpty { shown.removeFirst() }
        let end = buf.put(shown, x: labelEnd, y: y, role: focused ? .prompt : .text, limit: x + width)
        if focused { buf.put(" ", x: end, y: y, role: .selection, limit: x + width) }
        else if text.isEmpty { buf.put("(press / to type)", x: labelEnd, y: y, role: .dim, limit: x + width) }
    }
}
