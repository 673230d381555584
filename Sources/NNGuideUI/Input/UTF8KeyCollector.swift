/// Puts typed characters together from the bytes a terminal sends, one byte at a time.
///
/// curses' own `wget_wch` keeps reading after a byte that is not UTF-8 (a Latin-1 `é` from a
/// misconfigured terminal, a paste cut mid-character) until it has 16 bytes, then puts the bad byte
/// back and starts over: every later key, Esc and q included, is swallowed and the explorer looks
/// frozen. Here a broken sequence costs one unknown key, and the byte that broke it is read again as
/// the key it is.
public struct UTF8KeyCollector: Sendable {
    public enum Outcome: Equatable, Sendable {
        /// More bytes of this character are to come.
        case collecting
        case character(Character)
        /// Not a character. With `replay`, the byte just fed was not part of it: read it again.
        case broken(replay: Bool)
    }

    private var bytes: [UInt8] = []
    private var length = 0

    public init() {}

    /// Whether a character has been started and not finished.
    public var isCollecting: Bool { !bytes.isEmpty }

    /// Feeds a byte at or above 0x80, or any byte while a character is being collected.
    public mutating func feed(_ byte: UInt8) -> Outcome {
        if bytes.isEmpty {
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return .broken(replay: false)   // a stray continuation byte, or never UTF-8
            }
            bytes = [byte]
            return .collecting
        }
        guard (0x80...0xBF).contains(byte) else {
            bytes = []
            return .broken(replay: true)
        }
        bytes.append(byte)
        guard bytes.count == length else { return .collecting }
        defer { bytes = [] }
        // Validation refuses overlong forms and surrogates, which the lead byte alone cannot tell.
        guard let text = String(validating: bytes, as: UTF8.self), let ch = text.first else {
            return .broken(replay: false)
        }
        return .character(ch)
    }

    /// Something other than a byte arrived (a function key, a resize): a started character is broken.
    /// Returns whether one was.
    public mutating func interrupt() -> Bool {
        defer { bytes = [] }
        return !bytes.isEmpty
    }
}
