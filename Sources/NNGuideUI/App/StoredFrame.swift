import NNGuideCore

/// The explorer's first frame stored finished: the home screen's cells, kept in the content cache
/// folder with the key of everything it was drawn from. A returning reader's next start draws it
/// before the guide, the reading state's decoding or the views are touched (BENCHMARKS.md, the warm
/// first frame), and then draws its own frame over it, which is the same and so sends nothing.
///
/// It is written on the way out, from the reading state just saved, by the same code that draws the
/// first frame (`render` of the first state over the preview; with overlays, over the whole guide
/// with them merged, which the first frame becomes once they are), so it is that frame. Any
/// difference in the key, and nothing is pre-drawn: the size is checked against the terminal itself.
///
/// Only the frame's bytes are here (pure); its file is read, written and pruned by NNGuideEffects'
/// `StoredFrameFile`.
public enum StoredFrame {
    static let magic = Array("NNGUIDE-FRAME 1\n".utf8)

    /// Everything the first frame depends on besides the size.
    public struct Key: Equatable, Sendable {
        /// `ContentCache.previewSource()`: the executable, the content folder, the file the titles come from.
        public var source: UInt64
        /// `ContentCache.overlaySource`: the overlay folders and their files (nil: no overlays).
        public var overlays: UInt64?
        /// The reading state file's bytes (nil: there is none).
        public var state: [UInt8]?
        /// What the terminal side reads from the environment, in order (TERM, NO_COLOR, the locale's
        /// character set, NNGUIDE_ASCII, LINES, COLUMNS...); unset variables as empty.
        public var terminal: [String]
        public var ascii: Bool
        public var mouse: Bool

        public init(source: UInt64, overlays: UInt64? = nil, state: [UInt8]?, terminal: [String], ascii: Bool, mouse: Bool) {
            self.source = source; self.overlays = overlays; self.state = state; self.terminal = terminal; self.ascii = ascii; self.mouse = mouse
        }

        public var value: UInt64 {
            var h = FNV()
            h.add("nnguide-frame 1")
            h.add(Int(bitPattern: UInt(source)))
            // Only with overlays, so a start without them keeps the key it had.
            if let overlays { h.add("overlays"); h.add(Int(bitPattern: UInt(overlays))) }
            if let state { h.add(state.count); h.add(bytes: state) } else { h.add(-1) }
            h.add(terminal.count)
            for t in terminal { h.add(t) }
            h.add(ascii ? 1 : 0)
            h.add(mouse ? 1 : 0)
            return h.value
        }
    }

    /// `magic`, the key (8 bytes), width and height (2 bytes each), then each cell: its role (the top
    /// bit marks a continuation cell), its text's length (one byte) and text; then an FNV hash of all
    /// that, so a damaged file is not a frame.
    public static func encode(_ buffer: Buffer, key: UInt64) -> [UInt8]? {
        guard buffer.width < 1 << 16, buffer.height < 1 << 16 else { return nil }
        var out = magic
        withUnsafeBytes(of: key.littleEndian) { out += $0 }
        for n in [buffer.width, buffer.height] { out += [UInt8(n & 0xff), UInt8(n >> 8)] }
        for cell in buffer.cells {
            let text = Array(cell.text.utf8)
            guard text.count < 256 else { return nil }
            out.append(cell.role.rawValue | (cell.isContinuation ? 0x80 : 0))
            out.append(UInt8(text.count))
            out += text
        }
        var h = FNV()
        h.add(bytes: out)
        withUnsafeBytes(of: h.value.littleEndian) { out += $0 }
        return out
    }

    /// The frame, when `bytes` is a whole stored frame for exactly `key`; nil otherwise.
    public static func decode(_ bytes: [UInt8], key: UInt64) -> Buffer? {
        let head = magic.count + 8 + 4
        guard bytes.count >= head + 8, Array(bytes[0..<magic.count]) == magic else { return nil }
        func word(_ at: Int, _ n: Int) -> UInt64 {
            var v: UInt64 = 0
            for i in 0..<n { v |= UInt64(bytes[at + i]) << (8 * UInt64(i)) }
            return v
        }
        guard word(magic.count, 8) == key else { return nil }
        var h = FNV()
        bytes.withUnsafeBytes { h.add(raw: UnsafeRawBufferPointer(rebasing: $0[0..<(bytes.count - 8)])) }
        guard word(bytes.count - 8, 8) == h.value else { return nil }
        let width = Int(word(magic.count + 8, 2)), height = Int(word(magic.count + 10, 2))
        var cells: [Cell] = []
        cells.reserveCapacity(width * height)
        var i = head
        let end = bytes.count - 8
        while i < end {
            guard i + 2 <= end, let role = Role(rawValue: bytes[i] & 0x7f) else { return nil }
            let n = Int(bytes[i + 1])
            guard i + 2 + n <= end else { return nil }
            let text = String(decoding: bytes[(i + 2)..<(i + 2 + n)], as: UTF8.self)
            cells.append(Cell(text, role, isContinuation: bytes[i] & 0x80 != 0))
            i += 2 + n
        }
        return Buffer(width: width, height: height, cells: cells)
    }
}
