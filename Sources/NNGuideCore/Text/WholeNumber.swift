/// What is wrong with text that should be a whole number, in a person's words: one place for the
/// messages of flags (`--width wide`, `--limit 1e3`) and brief counts (`samples: 1e9`).
public enum WholeNumber {
    /// `text` as a whole number, or nil.
    public static func parse(_ text: String) -> Int? { Int(text.trimmed()) }

    /// Why `text` is not a whole number: "'1e9' is written with an exponent; write 1000000000",
    /// "'99999999999999999999' is too large (at most 9223372036854775807)", "'2.5' has a fraction",
    /// "'wide' is not a number".
    public static func problem(_ text: String) -> String {
        let s = text.trimmed()
        let digits = s.hasPrefix("-") || s.hasPrefix("+") ? s.dropFirst() : Substring(s)
        if !digits.isEmpty && digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return "'\(text)' is too large (at most \(Int.max))"
        }
        if let d = Double(s), d.isFinite {
            if s.lowercased().contains("e"), d.rounded() == d, abs(d) < 9e18 {
                return "'\(text)' is written with an exponent; write the digits: \(Int(d))"
            }
            if d.rounded() != d { return "'\(text)' is not a whole number" }
            return "'\(text)' is too large (at most \(Int.max))"
        }
        return "'\(text)' is not a number"
    }

    /// A reader for a whole-number flag whose refusal names the flag, then says what is expected, as
    /// every option error does (eighth retest):
    /// "--width: 'wide' is not a number; --width takes a number of columns, such as 72".
    public static func reader(_ flag: String, _ expected: String) -> @Sendable (String) throws -> Int {
        { text in
            guard let n = parse(text) else { throw Refusal(message: "\(flag): " + problem(text) + "; \(flag) takes \(expected)") }
            return n
        }
    }

    /// The refusal's text is its whole description (the argument parser shows it after the value).
    public struct Refusal: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
