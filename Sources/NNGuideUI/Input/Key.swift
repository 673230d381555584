/// Everything the app reacts to. Resizes and mouse clicks arrive as keys too, so one pure
/// `update(state, key)` handles all input and tests can replay any session.
public enum Key: Hashable, Sendable {
    /// A printable character, including " ".
    case char(Character)
    /// Ctrl plus a letter, lower case: `.ctrl("c")`.
    case ctrl(Character)
    /// Alt (Meta) plus a character: Esc and the character at once, as terminals send it.
    case alt(Character)
    /// Text the terminal marked as pasted (bracketed paste), cleaned (`PasteReader`): it goes into a
    /// text field whole and never runs as keys.
    case paste(String)
    case enter, escape, backspace, delete, tab, backTab
    case up, down, left, right, pageUp, pageDown, home, end
    /// A function key: `.function(1)` is F1.
    case function(Int)
    case resize(width: Int, height: Int)
    case mouse(x: Int, y: Int, MouseButton)
    case unknown

    public enum MouseButton: Hashable, Sendable { case click, wheelUp, wheelDown }

    /// The name used in help and hints.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        // nano's and Textual's footers' style: short, and one style for every control key.
        case .ctrl(let c): return "^" + String(c).uppercased()
        case .alt(let c): return "Alt-" + String(c)
        case .paste: return "A paste"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        case .mouse: return "mouse"
        case .unknown: return "?"
        }
    }

    /// Keys a text field takes as typing.
    public var typedCharacter: Character? {
        if case .char(let c) = self { return c }
        return nil
    }

    /// What a focused text field does with this key when no binding takes it: a character is typed,
    /// a paste is inserted whole. Nil for every other key.
    public var typed: Action? {
        switch self {
        case .char(let c): return .type(c)
        case .paste(let text): return .paste(text)
        default: return nil
        }
    }
}
