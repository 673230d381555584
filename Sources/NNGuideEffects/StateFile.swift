import NNGuideUI

/// Reads `state.json` by hand, before the explorer's first frame. Decoding it through Codable and
/// `JSONDecoder` cost the Swift runtime's first look-ups of the generic types involved (a scan of
/// the executable's type and conformance records) and Foundation's set-up, paid by every warm start
/// (BENCHMARKS.md). The file is small and its shape fixed (`ReadingState`, `Position`), so a plain
/// JSON reader builds the same value. It accepts exactly what the Codable path accepts: any JSON
/// whose known keys have the right types (unknown keys are skipped, `null` counts as absent); nil
/// for anything else, which the caller treats as a damaged file. Writing stays with `JSONEncoder`.
enum StateFile {
    static func decode(_ bytes: [UInt8]) -> ReadingState? {
        var r = JSONReader(bytes: bytes)
        guard let value = r.document(), case .object(let fields) = value else { return nil }
        var state = ReadingState()
        for (key, value) in fields {
            switch (key, value) {
            case (_, .null): continue
            case ("version", _):
                guard let n = value.int else { return nil }
                state.version = n
            case ("last", _):
                guard let p = position(value) else { return nil }
                state.last = p
            case ("bookmarks", .object(let marks)):
                var out: [String: Position] = [:]
                for (name, v) in marks {
                    guard let p = position(v) else { return nil }
                    out[name] = p
                }
                state.bookmarks = out
            case ("visited", .array(let items)):
                var out: Set<String> = []
                for item in items {
                    guard case .string(let s) = item else { return nil }
                    out.insert(s)
                }
                state.visited = out
            case ("brief", .string(let path)):
                state.brief = path
            case ("decide", .array(let items)):
                var out: [DecideProgress] = []
                for item in items {
                    guard let p = progress(item) else { return nil }
                    out.append(p)
                }
                state.decide = out
            case ("bookmarks", _), ("visited", _), ("brief", _), ("decide", _): return nil
            default: continue
            }
        }
        return state
    }

    /// `DecideProgress`'s synthesized decoding: `trees` required; each walk's `tree` and `answers`
    /// required, `start` optional; each answer's `node`, `option` and `answer` required.
    static func progress(_ value: JSONValue) -> DecideProgress? {
        guard case .object(let fields) = value else { return nil }
        var trees: [DecideProgress.Walk]?
        for (key, v) in fields where key == "trees" {
            guard case .array(let items) = v else { return nil }
            var out: [DecideProgress.Walk] = []
            for item in items {
                guard let w = walk(item) else { return nil }
                out.append(w)
            }
            trees = out
        }
        return trees.map(DecideProgress.init(trees:))
    }

    static func walk(_ value: JSONValue) -> DecideProgress.Walk? {
        guard case .object(let fields) = value else { return nil }
        var tree: String?, start: String?, answers: [DecideProgress.Answer]?
        for (key, v) in fields {
            switch (key, v) {
            case ("tree", .string(let s)): tree = s
            case ("start", .string(let s)): start = s
            case ("start", .null): start = nil
            case ("answers", .array(let items)):
                var out: [DecideProgress.Answer] = []
                for item in items {
                    guard let a = answer(item) else { return nil }
                    out.append(a)
                }
                answers = out
            case ("tree", _), ("start", _), ("answers", _): return nil
            default: continue
            }
        }
        guard let tree, let answers else { return nil }
        return DecideProgress.Walk(tree: tree, start: start, answers: answers)
    }

    static func answer(_ value: JSONValue) -> DecideProgress.Answer? {
        guard case .object(let fields) = value else { return nil }
        var node: String?, option: Int?, text: String?
        for (key, v) in fields {
            switch (key, v) {
            case ("node", .string(let s)): node = s
            case ("answer", .string(let s)): text = s
            case ("option", _):
                guard let n = v.int else { return nil }
                option = n
            case ("node", _), ("answer", _): return nil
            default: continue
            }
        }
        guard let node, let option, let text else { return nil }
        return DecideProgress.Answer(node: node, option: option, answer: text)
    }

    /// `Position`'s synthesized decoding: `page` and `offset` required, `block` and `char` optional.
    /// Values are taken as written (the initialiser's clamping is not applied, as Codable does not).
    static func position(_ value: JSONValue) -> Position? {
        guard case .object(let fields) = value else { return nil }
        var page: String?, offset: Int?, block: Int?, char: Int?
        for (key, v) in fields {
            switch key {
            case "page":
                guard case .string(let s) = v else { return nil }
                page = s
            case "offset":
                guard let n = v.int else { return nil }
                offset = n
            case "block", "char":
                if case .null = v { if key == "block" { block = nil } else { char = nil }; continue }
                guard let n = v.int else { return nil }
                if key == "block" { block = n } else { char = n }
            default: continue
            }
        }
        guard let page, let offset else { return nil }
        var p = Position(page: page)
        p.offset = offset; p.block = block; p.char = char
        return p
    }
}

/// A JSON value as read; objects keep their fields in order (no dictionary is built for them).
enum JSONValue {
    case object([(String, JSONValue)]), array([JSONValue]), string(String), number(Substring), bool(Bool), null

    /// The value as an `Int`, when it is a number with no fraction that fits.
    var int: Int? {
        guard case .number(let text) = self else { return nil }
        if let n = Int(text) { return n }
        guard let d = Double(text), d == d.rounded(), abs(d) < 9.0e18 else { return nil }
        return Int(d)
    }
}

/// RFC 8259 JSON: one value, whitespace around it, nothing else; strings valid UTF-8. A trailing comma
/// in an object or array is allowed, as JSONDecoder allows it.
struct JSONReader {
    let bytes: [UInt8]
    var i = 0
    var depth = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() -> JSONValue? {
        guard let v = value() else { return nil }
        skipSpace()
        return i == bytes.count ? v : nil
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return false }
        i += n
        return true
    }

    mutating func value() -> JSONValue? {
        skipSpace()
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map { .string($0) }
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        default: return number()
        }
    }

    mutating func object() -> JSONValue? {
        depth += 1; defer { depth -= 1 }
        guard depth < 512 else { return nil }
        i += 1
        var fields: [(String, JSONValue)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\""), let key = string() else { return nil }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            guard let v = value() else { return nil }
            fields.append((key, v))
            skipSpace()
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }   // a trailing comma
                continue
            }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
            return nil
        }
    }

    mutating func array() -> JSONValue? {
        depth += 1; defer { depth -= 1 }
        guard depth < 512 else { return nil }
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            guard let v = value() else { return nil }
            items.append(v)
            skipSpace()
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }   // a trailing comma
                continue
            }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            return nil
        }
    }

    /// At the opening quote; nil for a control character, a bad escape or invalid UTF-8.
    mutating func string() -> String? {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return String(validating: out, as: UTF8.self)
            }
            if b < 0x20 { return nil }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            guard i + 1 < bytes.count else { return nil }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "u"):
                guard var scalar = hex4() else { return nil }
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by `\u` and a low one.
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else { return nil }
                    i += 2
                    guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    return nil
                }
                guard let u = Unicode.Scalar(scalar) else { return nil }
                out += Array(String(Character(u)).utf8)
            default: return nil
            }
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as its text.
    mutating func number() -> JSONValue? {
        let start = i
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        func digits() -> Int {
            let from = i
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            return i - from
        }
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return nil }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return nil }
        }
        return .number(Substring(decoding: bytes[start..<i], as: UTF8.self))
    }
}
