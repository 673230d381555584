import Foundation

/// The three ways `nnguide recommend` prints a recommendation.
public enum RecommendationFormat: String, Sendable, CaseIterable {
    case text, json, markdown
}

extension Recommendation {
    public func render(_ format: RecommendationFormat, width: Int = 80, date: String) -> String {
        switch format {
        case .text: return text(width: width)
        case .json: return json()
        case .markdown: return markdown(date: date)
        }
    }

    /// One JSON object; field names are the contract documented in the README.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]  // sorted: key order is otherwise random on Linux
        guard let data = try? encoder.encode(self), let s = String(data: data, encoding: .utf8) else { return "{}" }
        return s + "\n"
    }

    /// Plain text for a terminal, wrapped to `width` cells.
    public func text(width: Int = 80) -> String {
        var out: [String] = []
        func para(_ s: String, indent: String = "  ", first: String? = nil) {
            let lead = first ?? indent
            let lines = TextWrap.wrap(s, width: max(20, width - DisplayWidth.of(lead)))
            for (i, l) in lines.enumerated() { out.append((i == 0 ? lead : indent) + l) }
        }
        func heading(_ s: String) { out.append(""); out.append(s) }

        if let e = example {
            out.append("Example \(e.id): \(e.title)")
            if let p = e.problem { para(p) }
            para("The guide's pick: \(e.guidePick)")
            out.append("")
        }
        out.append("Pick: \(pick.name) (\(pick.id))")
        para(pick.title)
        if !pick.variants.isEmpty { para("Start with: " + pick.variants.joined(separator: ", ")) }
        if let g = guidePick { para(g.line) }

        heading("Path")
        for (i, s) in path.enumerated() {
            let tree = s.tree == DecisionBook.primaryTreeID ? "" : "[\(s.tree)] "
            para("\(tree)\(s.question) → \(s.answer)\(s.assumed ? " (assumed)" : "")", indent: "      ", first: String(format: "  %2d. ", i + 1))
        }
        heading("Because")
        for b in because { para(b, indent: "    ", first: "  - ") }
        if !alternatives.isEmpty {
            heading("Alternatives")
            for (i, a) in alternatives.enumerated() { para("\(a.name): \(a.reason)", indent: "      ", first: String(format: "  %2d. ", i + 1)) }
        }
        if !whyNot.isEmpty {
            heading("Why not")
            for w in whyNot { para("\(w.id): \(w.reason)", indent: "    ", first: "  - ") }
        }
        if !warnings.isEmpty {
            heading("Warnings")
            for w in warnings { para(w, indent: "    ", first: "  ! ") }
        }
        if !assumptions.isEmpty {
            heading("Assumptions")
            for a in assumptions { para(a, indent: "    ", first: "  - ") }
        }
        if !nextSteps.isEmpty {
            heading("Next steps")
            for (i, n) in nextSteps.enumerated() { para(n, indent: "      ", first: String(format: "  %2d. ", i + 1)) }
        }
        heading("Brief")
        para(brief.givenFields.filter { $0 != .notes }.map { "\($0.name)=\(brief[$0]!)" + (assumedFields.contains($0.name) ? " (assumed)" : "") }
            .joined(separator: "  "))
        if let notes = brief.notes { para("notes: " + notes) }
        if !see.isEmpty { heading("Read"); para(see.joined(separator: ", ") + "  (nnguide --open ID)") }
        return out.joined(separator: "\n") + "\n"
    }

    /// A decision record a team can commit: the brief, the path, the pick, why not the others, risks,
    /// next steps and the date.
    public func markdown(date: String) -> String {
        var md: [String] = []
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        md.append("# Decision record: \(pick.name) for \(brief.task.rawValue) on \(brief.modality.rawValue) data")
        md.append("")
        md.append("- Date: \(date)")
        md.append("- Status: proposed")
        md.append("- Decision: use **\(pick.name)** (`\(pick.id)`)" + (pick.variants.isEmpty ? "" : ", starting with \(pick.variants.joined(separator: ", "))"))
        if let e = example { md.append("- Replays the guide's \(e.id): \(e.title) (the guide picks: \(e.guidePick))") }
        md.append("")
        md.append("## Brief")
        md.append("")
        md.append("| field | value | source |")
        md.append("| --- | --- | --- |")
        for f in brief.givenFields where f != .notes {
            md.append("| \(f.name) | \(cell(brief[f]!.description)) | \(assumedFields.contains(f.name) ? "assumed" : "given") |")
        }
        if let notes = brief.notes { md.append(""); md.append("Notes: \(notes)") }
        md.append("")
        md.append("Reproduce with `\(brief.commandLine(given: BriefField.allCases.filter { !assumedFields.contains($0.name) }))`.")
        md.append("")
        md.append("## Decision path")
        md.append("")
        for (i, s) in path.enumerated() {
            let tree = s.tree == DecisionBook.primaryTreeID ? "" : " (\(s.tree) variants)"
            md.append("\(i + 1). \(s.question)\(tree) **\(s.answer)**\(s.assumed ? " _(assumed)_" : "")")
        }
        md.append("")
        md.append("## Pick: \(pick.name)")
        md.append("")
        md.append(pick.title + ".")
        md.append("")
        if let g = guidePick { md.append("> " + g.line); md.append("") }
        for b in because { md.append("- \(b)") }
        if !alternatives.isEmpty {
            md.append("")
            md.append("## Alternatives, ranked")
            md.append("")
            for (i, a) in alternatives.enumerated() { md.append("\(i + 1). **\(a.name)** (`\(a.id)`): \(a.reason)") }
        }
        if !whyNot.isEmpty {
            md.append("")
            md.append("## Why not the others")
            md.append("")
            for w in whyNot { md.append("- **\(w.id)**: \(w.reason)") }
        }
        md.append("")
        md.append("## Risks")
        md.append("")
        if warnings.isEmpty { md.append("- None flagged by the guide's rules for this brief.") }
        for w in warnings { md.append("- \(w)") }
        if !assumptions.isEmpty {
            md.append("")
            md.append("## Assumptions")
            md.append("")
            for a in assumptions { md.append("- \(a)") }
        }
        md.append("")
        md.append("## Next steps")
        md.append("")
        for (i, n) in nextSteps.enumerated() { md.append("\(i + 1). \(n)") }
        if !see.isEmpty {
            md.append("")
            md.append("## References")
            md.append("")
            md.append("Sections of the guide (open with `nnguide --open ID`): " + see.map { "`\($0)`" }.joined(separator: ", "))
        }
        return md.joined(separator: "\n") + "\n"
    }
}

extension Brief {
    /// The `nnguide recommend` command that reproduces this brief, with the given fields only.
    public func commandLine(given fields: [BriefField] = BriefField.allCases) -> String {
        var parts = ["nnguide", "recommend"]
        for f in fields {
            guard let v = self[f] else { continue }
            switch v {
            case .flag(let b): parts.append(b ? f.flag : "--no-" + f.flag.dropFirst(2))
            case .text(let s): parts += [f.flag, Brief.shellQuote(s)]
            default: parts += [f.flag, Brief.shellQuote(v.description)]
            }
        }
        return parts.joined(separator: " ")
    }

    static func shellQuote(_ s: String) -> String {
        let safe = s.allSatisfy { $0.isLetter || $0.isNumber || "-_.,/:+=".contains($0) }
        return safe && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
