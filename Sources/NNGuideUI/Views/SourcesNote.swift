import NNGuideCore

/// The sources and review dates of what is on screen (a section and its blocks, a glossary entry,
/// the architectures compared): what the sources key shows in a box over the view.
public struct SourcesNote: Sendable, Equatable {
    /// What the sources are for ("3.2 CNNs", "Attention").
    public var title: String
    public var evidence: [Evidence]

    public init(title: String, evidence: [Evidence]) { self.title = title; self.evidence = evidence.filter { !$0.isEmpty } }

    public var isEmpty: Bool { evidence.isEmpty }

    /// Every cited id once, in the order first cited.
    public var ids: [String] {
        var seen: Set<String> = []
        return evidence.flatMap(\.sources).filter { seen.insert($0).inserted }
    }

    /// "as of 2026-12", or "reviewed 2025-06 to 2026-12" when the parts were checked in different months.
    public var reviewedText: String? {
        let months = Set(evidence.compactMap(\.reviewed)).sorted()
        guard let first = months.first, let last = months.last else { return nil }
        return first == last ? "as of \(first)" : "reviewed \(first) to \(last)"
    }

    /// The quiet line for several items together (compare): "as of 2026-12 · 3 sources · S lists them".
    func line(scope: Scope) -> String? {
        var parts: [String] = []
        if let r = reviewedText { parts.append(r) }
        let n = ids.count
        if n > 0 { parts.append("\(n) source\(n == 1 ? "" : "s")") }
        guard !parts.isEmpty else { return nil }
        if n > 0 { parts.append("\(Keymap.key(.sources, in: scope)) lists them") }
        return parts.joined(separator: " · ")
    }

    /// The quiet line under an item: "as of 2026-12 · 2 sources · S lists them"; nil when it has neither.
    /// The key is the keymap's, never a literal.
    public static func line(_ e: Evidence, scope: Scope) -> String? {
        guard let base = e.line else { return nil }
        guard !e.sources.isEmpty else { return base }
        return base + " · \(Keymap.key(.sources, in: scope)) lists them"
    }

    /// The box's lines: the title, the review date, then each source with its authors, year, kind and url.
    func lines(_ guide: Guide, width: Int, glyphs: Glyphs) -> [(String, Role)] {
        var out: [(String, Role)] = [(glyphs.text("Sources: " + title), .strong)]
        if let r = reviewedText { out.append((r, .dim)) }
        let ids = self.ids
        if ids.isEmpty { out.append(("No sources cited.", .dim)) }
        for (n, id) in ids.enumerated() {
            out.append(("", .text))
            guard let s = guide.source(id) else { out.append(("\(n + 1). \(id) (not in the bibliography)", .warning)); continue }
            let lead = "\(n + 1). ", pad = String(repeating: " ", count: lead.count)
            for (i, l) in TextWrap.wrap(glyphs.text(s.title), width: max(1, width - lead.count)).enumerated() { out.append(((i == 0 ? lead : pad) + l, .text)) }
            let meta = [s.by, s.year.map(String.init), s.kind.rawValue].compactMap { $0 }.joined(separator: ", ")
            for l in TextWrap.wrap(glyphs.text(meta), width: max(1, width - pad.count)) { out.append((pad + l, .dim)) }
            if let u = s.url { for l in TextWrap.cut(u, width: max(1, width - pad.count)) { out.append((pad + l, .link)) } }
        }
        return out
    }
}
