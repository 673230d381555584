import NNGuideCore

/// Writes a node tree back as block YAML that `YAMLReader` reads to the same values: the generated
/// content's files. Plain scalars stay plain where that is safe; any other text is double-quoted.
enum Emit {
    static func yaml(_ node: Node) -> String {
        var out = ""
        switch node {
        case .mapping(let m) where !m.isEmpty: mapping(m, indent: 0, first: "", into: &out)
        default: value(node, indent: 0, into: &out)
        }
        return out
    }

    /// The pairs of a mapping, one a line; the first line starts with `first` (a list's `- `).
    static func mapping(_ m: Node.Mapping, indent: Int, first: String, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (i, pair) in m.enumerated() {
            out += (i == 0 ? first : pad) + scalarText(pair.key) + ":"
            value(pair.value, indent: indent + 2, into: &out)
        }
    }

    /// A value after `key:` or `-`, starting on that line.
    static func value(_ node: Node, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch node {
        case .scalar(let s):
            let text = scalarText(node)
            out += (s.string.isEmpty && s.style == .plain ? "" : " " + text) + "\n"
        case .mapping(let m):
            if m.isEmpty { out += " {}\n"; return }
            out += "\n"
            mapping(m, indent: indent, first: pad, into: &out)
        case .sequence(let s):
            if s.isEmpty { out += " []\n"; return }
            out += "\n"
            for item in s {
                if case .mapping(let m) = item, !m.isEmpty {
                    mapping(m, indent: indent + 2, first: pad + "- ", into: &out)
                } else {
                    out += pad + "-"
                    value(item, indent: indent + 2, into: &out)
                }
            }
        }
    }

    static func scalarText(_ node: Node) -> String {
        guard case .scalar(let s) = node else { return "\"\"" }
        if s.style == .plain || s.style == .any, isSafePlain(s.string) { return s.string }
        var q = "\""
        for u in s.string.unicodeScalars {
            switch u {
            case "\"": q += "\\\""
            case "\\": q += "\\\\"
            case "\n": q += "\\n"
            case "\t": q += "\\t"
            case _ where u.value < 0x20 || u.value == 0x7F:
                q += "\\x" + (u.value < 16 ? "0" : "") + String(u.value, radix: 16)
            default: q.unicodeScalars.append(u)
            }
        }
        return q + "\""
    }

    /// Text that reads back as itself when written plain in block context.
    static func isSafePlain(_ s: String) -> Bool {
        guard let first = s.first, let last = s.last, first != " ", last != " ", last != ":" else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        if s.contains(": ") || s.contains(" #") { return false }
        return !s.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}
