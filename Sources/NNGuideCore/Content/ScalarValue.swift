/// The types the node decoder reads from a scalar's text itself: `Bool` and the numbers, with the
/// YAML 1.1 spellings Yams accepted (NodeDecoderTests check each against Yams).
protocol ScalarValue {
    static func construct(from scalar: Node.Scalar) -> Self?
}

extension Bool: ScalarValue {
    static func construct(from scalar: Node.Scalar) -> Bool? {
        if scalar.isText { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}

/// Numbers are plain scalars only: `"5000"` is text.
private func plainNumber(_ scalar: Node.Scalar) -> String? {
    guard scalar.style == .any || scalar.style == .plain else { return nil }
    return scalar.string.filter { $0 != "_" }
}

/// Base 60 (`1:30` is 90), each part read by `part`.
private func sexagesimal<T: Numeric & SignedNumeric>(_ text: String, _ part: (Substring) -> T?) -> T? {
    var digits = Substring(text)
    var sign: T = 1
    if digits.hasPrefix("-") { sign = -1; digits = digits.dropFirst() } else if digits.hasPrefix("+") { digits = digits.dropFirst() }
    var value: T = 0
    for piece in digits.split(separator: ":", omittingEmptySubsequences: false) {
        guard let p = part(piece) else { return nil }
        value = value * 60 + p
    }
    return sign * value
}

extension ScalarValue where Self: FixedWidthInteger {
    static func construct(from scalar: Node.Scalar) -> Self? {
        guard let text = plainNumber(scalar) else { return nil }
        if text == "0" { return 0 }
        let negative = text.hasPrefix("-")
        guard isSigned || !negative else { return nil }
        let sign = negative ? "-" : ""
        let body = text.dropFirst(negative || text.hasPrefix("+") ? 1 : 0)
        for (prefix, radix) in [("0x", 16), ("0b", 2), ("0o", 8), ("0", 8)] where body.hasPrefix(prefix) {
            return Self(sign + body.dropFirst(prefix.count), radix: radix)
        }
        if body.contains(":") {
            guard let wide: Int64 = sexagesimal(text, { Int64($0, radix: 10) }) else { return nil }
            return Self(exactly: wide)
        }
        return Self(text)
    }
}

extension ScalarValue where Self: BinaryFloatingPoint & LosslessStringConvertible {
    static func construct(from scalar: Node.Scalar) -> Self? {
        guard scalar.style == .any || scalar.style == .plain else { return nil }
        switch scalar.string.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default:
            guard let text = plainNumber(scalar) else { return nil }
            if text.contains(":") { return sexagesimal(text) { Self(String($0)) } }
            return Self(text)
        }
    }
}

extension Int: ScalarValue {}
extension Int8: ScalarValue {}
extension Int16: ScalarValue {}
extension Int32: ScalarValue {}
extension Int64: ScalarValue {}
extension UInt: ScalarValue {}
extension UInt8: ScalarValue {}
extension UInt16: ScalarValue {}
extension UInt32: ScalarValue {}
extension UInt64: ScalarValue {}
extension Double: ScalarValue {}
extension Float: ScalarValue {}
