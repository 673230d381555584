/// Text for terminals that cannot show UTF-8 (`LANG=C`, `TERM=vt100`): typographic punctuation
/// becomes its ASCII spelling, accents are dropped, and anything else becomes `?`, so the result is
/// pure ASCII and every character takes one cell. Latin letters lose their accents (`LatinFold`).
public enum ASCIIFold {
    static let table: [Character: String] = [
        "—": "--", "–": "-", "‐": "-", "‑": "-", "−": "-", "‘": "'", "’": "'", "‚": ",", "“": "\"", "”": "\"",
        "„": "\"", "…": "...", "•": "*", "·": "*", "→": "->", "←": "<-", "↔": "<->", "⇒": "=>", "↑": "^",
        "↓": "v", "×": "x", "÷": "/", "≈": "~", "≤": "<=", "≥": ">=", "≠": "!=", "±": "+/-", "°": " deg",
        "✓": "*", "✔": "*", "✗": "x", "★": "*", "©": "(c)", "®": "(R)", "™": "(TM)", "€": "EUR", "£": "GBP",
        "\u{00A0}": " ", "\u{2009}": " ", "\u{202F}": " ", "\u{200B}": "", "²": "^2", "³": "^3", "½": "1/2",
        "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "θ": "theta", "λ": "lambda",
        "μ": "mu", "σ": "sigma", "Σ": "Sum", "∑": "Sum", "∂": "d", "∇": "grad", "√": "sqrt", "∞": "inf",
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
    ]

    public static func fold(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        var out = ""
        for ch in s {
            if ch.isASCII { out.append(ch); continue }
            if let t = table[ch] { out += t; continue }
            var base = ""
            for scalar in ch.unicodeScalars {
                if scalar.isASCII { base.unicodeScalars.append(scalar) } else if let b = LatinFold.base(scalar) { base += b }
            }
            out += base.isEmpty ? "?" : base
        }
        return out
    }
}
