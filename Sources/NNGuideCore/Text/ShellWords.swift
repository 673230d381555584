/// The words of a shell command line as the shell reads them, each kept as written (quotes and
/// escapes in place): a quoted run (`'…'` or `"…"`) and a character after `\` outside quotes do not
/// end a word. The one reader for the places that lay a command out over lines (the explorer's `y`
/// box, `--help`'s examples), so both keep the same words whole.
public enum ShellWords {
    public static func split(_ command: String) -> [String] {
        var words: [String] = [], word = ""
        var quote: Character? = nil, escaped = false
        for c in command {
            if escaped { word.append(c); escaped = false; continue }
            if let q = quote {
                word.append(c)
                if c == q { quote = nil }
            } else if c == "\\" {
                word.append(c); escaped = true
            } else if c == " " {
                if !word.isEmpty { words.append(word); word = "" }
            } else {
                if c == "'" || c == "\"" { quote = c }
                word.append(c)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }
}
