/// Swift source split into what the source scans read: the string literals (what a user is shown,
/// `KeyNameTests`) and the code around them (what runs, `PureUITests`). A lexer of comments and
/// string literals only, which is all the scans need.
struct SwiftSource {
    /// The string literals, outside comments, with their line numbers; an interpolation `\(...)`
    /// becomes U+FFFC, so the text around it stays one sentence.
    var literals: [(Int, String)] = []
    /// The source with comments and the text of string literals blanked (newlines kept, so lines
    /// still count); an interpolation's code stays.
    var code = ""

    init(_ source: String) {
        let s = Array(source)
        var code = Array(repeating: Character(" "), count: s.count)
        var i = 0, line = 1

        func skipString() -> String {
            let triple = i + 2 < s.count && s[i] == "\"" && s[i + 1] == "\"" && s[i + 2] == "\""
            i += triple ? 3 : 1
            var text = ""
            while i < s.count {
                if triple ? (i + 2 < s.count && s[i] == "\"" && s[i + 1] == "\"" && s[i + 2] == "\"") : s[i] == "\"" {
                    i += triple ? 3 : 1; return text
                }
                if s[i] == "\n" { line += 1; code[i] = "\n" }
                if s[i] == "\\", i + 1 < s.count {
                    if s[i + 1] == "(" {
                        i += 2; var depth = 1
                        while i < s.count, depth > 0 {
                            if s[i] == "\"" { let start = line; literals.append((start, skipString())); continue }
                            if s[i] == "(" { depth += 1 } else if s[i] == ")" { depth -= 1 }
                            if depth > 0 { code[i] = s[i] }
                            if s[i] == "\n" { line += 1 }
                            i += 1
                        }
                        text.append("\u{FFFC}"); continue
                    }
                    text.append(s[i]); text.append(s[i + 1]); i += 2; continue
                }
                text.append(s[i]); i += 1
            }
            return text
        }

        while i < s.count {
            let c = s[i]
            if c == "\n" { line += 1; code[i] = "\n"; i += 1; continue }
            if c == "/", i + 1 < s.count, s[i + 1] == "/" {
                while i < s.count, s[i] != "\n" { i += 1 }
                continue
            }
            if c == "/", i + 1 < s.count, s[i + 1] == "*" {
                i += 2
                while i + 1 < s.count, !(s[i] == "*" && s[i + 1] == "/") { if s[i] == "\n" { line += 1; code[i] = "\n" }; i += 1 }
                i += 2; continue
            }
            // A raw string #"..."# is read as a plain one: its text is what the scans need.
            if c == "\"" { let start = line; literals.append((start, skipString())); continue }
            code[i] = c
            i += 1
        }
        self.code = String(code)
    }
}
