/// Collects the bytes of a bracketed paste: everything the terminal sends after `ESC [ 200 ~` up to
/// `ESC [ 201 ~`, one byte at a time, so a paste split across reads (a marker cut in two, a character
/// cut in half) comes out the same as one read at once. Without it a pasted newline opened a search
/// hit and the rest of the text ran as keys (`d` opened Decide).
public struct PasteReader: Sendable {
    public static let start: [UInt8] = Array("\u{1B}[200~".utf8)
    public static let end: [UInt8] = Array("\u{1B}[201~".utf8)
    /// A field holds a line, not a file: what is pasted past this many bytes is dropped (the end
    /// marker is still waited for, so the rest never runs as keys).
    public static let limit = 64 * 1024

    private var bytes: [UInt8] = []
    /// How many bytes of the end marker have arrived in a row.
    private var matched = 0

    public init() {}

    /// Feeds the next byte of the paste; returns the pasted text, cleaned, once the end marker is complete.
    public mutating func feed(_ byte: UInt8) -> String? {
        if byte == Self.end[matched] {
            matched += 1
            guard matched == Self.end.count else { return nil }
            defer { bytes = []; matched = 0 }
            return Self.clean(bytes)
        }
        // A partial marker was text after all (it starts with Esc, which is nowhere else in it).
        keep(Self.end[..<matched])
        matched = 0
        if byte == Self.end[0] { matched = 1 } else { keep([byte]) }
        return nil
    }

    /// Feeds several bytes (a read); the text once the paste has ended in them. Bytes after the end
    /// marker are not consumed: `rest` returns where they start.
    public mutating func feed<C: Collection>(_ chunk: C) -> (text: String, rest: C.Index)? where C.Element == UInt8 {
        var i = chunk.startIndex
        while i != chunk.endIndex {
            let b = chunk[i]
            i = chunk.index(after: i)
            if let text = feed(b) { return (text, i) }
        }
        return nil
    }

    /// The text so far, when the end marker never comes (a terminal that sent a start marker alone,
    /// or stopped half way): the paste ends there rather than swallow every later key.
    public mutating func finish() -> String {
        keep(Self.end[..<matched])
        defer { bytes = []; matched = 0 }
        return Self.clean(bytes)
    }

    private mutating func keep<S: Sequence>(_ s: S) where S.Element == UInt8 {
        for b in s where bytes.count < Self.limit { bytes.append(b) }
    }

    /// The text a one-line field takes: line breaks and tabs become spaces (a Windows line break one
    /// space), other control characters and bytes that are not UTF-8 are dropped.
    public static func clean(_ raw: [UInt8]) -> String {
        var out = ""
        var afterCR = false
        for scalar in String(decoding: raw, as: UTF8.self).unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\n" where afterCR: continue
            case "\n", "\r", "\t": out.unicodeScalars.append(" ")
            case "\u{FFFD}": continue   // what the decoding made of a byte that is not UTF-8
            default:
                if scalar.properties.generalCategory == .control { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
