#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

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

    /// Plain text for a terminal, wrapped to `width` cells. A reason ends with its short origin in
    /// parentheses and the numbers of its sources (`[1]`); the sources follow once, numbered, at the end.
    public func text(width: Int = 80) -> String {
        var out: [String] = []
        var refs = References()
        func cite(_ r: Reason) -> String { r.text + refs.cite(r, label: { $0 }) }
        func para(_ s: String, indent: String = "  ", first: String? = nil) {
            let lead = first ?? indent
            let lines = TextWrap.wrap(s, width: max(20, width - DisplayWidth.of(lead)), longWords: .whole)
            for (i, l) in lines.enumerated() { out.append((i == 0 ? lead : indent) + l) }
        }
        func heading(_ s: DecisionSection) { out.append(""); out.append(s.heading) }
        func numbered(_ i: Int) -> String { (i < 9 ? "   " : "  ") + "\(i + 1). " }
        let d = decision

        if let e = example {
            para("Example \(e.id): \(e.title)", first: "")
            if let p = e.problem { para(p) }
            para("The guide's pick: \(e.guidePick)")
            out.append("")
        }
        para("Pick: \(pick.name) (\(pick.id))", first: "")
        para(pick.title)
        if !pick.variants.isEmpty { para("Start with: " + VariantList.line(pick.variants)) }
        if let g = departureLine { para(g) }
        if let o = d.overlayPick { para(o.line) }

        for section in DecisionSection.allCases where has(section) {
            heading(section)
            switch section {
            case .path:
                for (i, s) in d.steps.filter({ !$0.implied }).enumerated() {
                    let tree = s.role == .primary ? "" : "[\(s.tree)] "
                    para("\(tree)\(s.question) → \(s.answer)\(s.assumed ? " (assumed)" : "")", indent: "      ", first: numbered(i))
                }
                let implied = d.steps.filter(\.implied)
                if !implied.isEmpty { para("Not answered here; the recommender takes these for the brief the answers imply:") }
                for s in implied {
                    para("[\(s.tree)] \(s.question) → \(s.answer)" + (s.assumed ? " (\(s.assumption ?? "assumed"))" : ""), indent: "    ", first: "  - ")
                }
            case .because: for b in d.because { para(cite(b), indent: "    ", first: "  - ") }
            case .alternatives:
                for (i, a) in d.alternatives.enumerated() { para("\(a.name): \(cite(a.reason))", indent: "      ", first: numbered(i)) }
            case .flips:
                if flips?.isEmpty == true { para("No single change to the brief gives another pick.") }
                for f in flips ?? [] { para("\(f.sentence) (\(f.title == f.pick ? "" : f.pick + ", ")\(TextWrap.together(f.option(brief.schema))))", indent: "    ", first: "  - ") }
                for o in otherAnswers { para(o, indent: "    ", first: "  - ") }
            case .whyNot:
                for w in d.whyNot { para("\(w.name): \(w.reasons.map(cite).joined(separator: " "))", indent: "    ", first: "  - ") }
            case .warnings: for w in d.warnings { para(cite(w), indent: "    ", first: "  ! ") }
            case .assumptions: for a in d.assumptions { para(cite(a), indent: "    ", first: "  - ") }
            case .nextSteps: for (i, n) in d.nextSteps.enumerated() { para(n, indent: "      ", first: numbered(i)) }
            case .brief:
                let assumed = d.assumedFields
                para(brief.givenFields.filter { $0 != .notes }.compactMap { f in brief[f].map { TextWrap.together("\(f.name)=\($0)" + (assumed.contains(f) ? " (assumed)" : "")) } }
                    .joined(separator: "  "))
                if let notes = brief.text(.notes) { para("notes: " + notes) }
            case .read: para(seeNames.joined(separator: "; ") + ". Open one with nnguide --open ID.")
            }
        }
        if !refs.entries.isEmpty {
            out += ["", "Sources"]
            for (i, e) in refs.entries.enumerated() {
                let n = "  [\(i + 1)] "
                para(e.name + (e.reviewed.map { "; reviewed \($0)" } ?? ""), indent: String(repeating: " ", count: n.count), first: n)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A decision record a team can commit: the brief, the path, the pick, why not the others, risks,
    /// next steps and the date. Everything that came from the user (the brief's values and notes, and so
    /// the title) is literal text (`MarkdownText.literal`), the guide's own text is prose (its code
    /// spans kept), and "Reproduce with" is a shell command in a fenced block that can be pasted as is.
    public func markdown(date: String) -> String {
        var md: [String] = []
        let literal = MarkdownText.literal, prose = MarkdownText.prose, code = MarkdownText.code
        func cell(_ s: String) -> String { MarkdownText.cell(literal(s)) }
        // A reason ends with its short origin and its sources' numbers; "## Sources" lists them once, at the end.
        var refs = References()
        func source(_ r: Reason) -> String {
            prose(r.text) + refs.cite(r, label: { " *(\(literal(String($0.dropFirst(2).dropLast()))))*" }, number: { literal($0) })
        }
        func heading(_ s: DecisionSection) { md += ["", "## \(literal(s.heading))", ""] }
        let d = decision
        let assumed = d.assumedFields
        switch d.origin {
        case .recommender:
            md.append("# Decision record: " + literal("\(pick.name) for \(brief.text(.task) ?? "a task") on \(brief.text(.modality) ?? "your") data"))
        case .path:
            md.append("# Decision record: " + MarkdownText.atLineStart(prose(pick.title)))
        }
        md.append("")
        md.append("- Date: \(literal(date))")
        md.append("- Status: proposed")
        if case .path(let tree, let title, _) = d.origin { md.append("- Tree: \(prose(title)) (\(code(tree)))") }
        md.append("- Decision: use **\(literal(pick.name))** (\(code(pick.id)))" + (pick.variants.isEmpty ? "" : ", starting with \(literal(VariantList.line(pick.variants)))"))
        if let e = example { md.append("- Replays the guide's \(literal(e.id)): \(prose(e.title)) (the guide picks: \(prose(e.guidePick)))") }
        // Then every section in `DecisionSection`'s order, as every projection shows them. A record says
        // "none flagged" rather than leave its warnings out; a path's brief is its command, when it has one.
        for section in DecisionSection.allCases where recordShows(section) {
            heading(section)
            switch section {
            case .path:
                func step(_ s: AnsweredQuestion) -> String {
                    let tree = s.tree == d.leaf.tree ? "" : " (\(literal(s.tree)) variants)"
                    return "\(prose(s.question))\(tree) **\(prose(s.answer))**"
                }
                for (i, s) in d.steps.filter({ !$0.implied }).enumerated() {
                    md.append("\(i + 1). \(step(s))\(s.assumed ? " *(assumed)*" : "")")
                }
                // The steps the recommender takes after the answers, for the brief they imply: never among them.
                let implied = d.steps.filter(\.implied)
                if !implied.isEmpty {
                    md += ["", "Not answered here; the recommender takes these for the brief the answers imply:", ""]
                    for s in implied { md.append("- \(step(s))" + (s.assumed ? " *(\(literal(s.assumption ?? "assumed")))*" : "")) }
                }
                // The pick follows the path that reached it.
                md += ["", "## Pick: \(literal(pick.name))", ""]
                md.append(MarkdownText.atLineStart(prose(pick.title)) + ".")
                if let g = departureLine { md += ["", "> " + prose(g)] }
                if let o = d.overlayPick { md += ["", "> " + prose(o.line)] }
            case .because:
                for b in d.because { md.append("- " + source(b)) }
            case .alternatives:
                for (i, a) in d.alternatives.enumerated() {
                    md.append("\(i + 1). **\(literal(a.name))** (\(code(a.id))): " + source(a.reason))
                }
            case .flips:
                if let b = flipsBasis { md += [prose(b), ""] }
                if flips?.isEmpty == true { md.append("No single change to the brief gives another pick.") }
                for f in flips ?? [] { md.append("- With \(f.change): **\(f.title)** (`\(f.pick)`; `\(f.option(brief.schema))`)") }
                for o in otherAnswers { md.append("- " + prose(o)) }
            case .whyNot:
                for w in d.whyNot { md.append("- **\(literal(w.name))**: \(w.reasons.map(source).joined(separator: " "))") }
            case .warnings:
                if d.warnings.isEmpty {
                    if case .path = d.origin {
                        md.append("- None flagged at this leaf; run `nnguide recommend` with a full brief to apply the constraint filters.")
                    } else {
                        md.append("- None flagged by the guide's rules for this brief.")
                    }
                }
                for w in d.warnings { md.append("- " + source(w)) }
            case .assumptions: for a in d.assumptions { md.append("- " + source(a)) }
            case .nextSteps: for (i, n) in d.nextSteps.enumerated() { md.append("\(i + 1). \(prose(n))") }
            case .brief:
                if d.origin == .recommender {
                    md.append("| field | value | source |")
                    md.append("| --- | --- | --- |")
                    for f in brief.givenFields where f != .notes {
                        md.append("| \(cell(f.name)) | \(cell(brief[f]?.description ?? "")) | \(assumed.contains(f) ? "assumed" : "given") |")
                    }
                    if let notes = brief.text(.notes) { md.append(""); md.append("Notes: " + MarkdownText.literalLines(notes)) }
                    md.append("")
                    // The brief as given, by the one builder the form's ^Y uses too (`Brief.commandLine`): the
                    // twelfth retest found the record without the --notes ^Y had.
                    md += ["Reproduce with:", ""] + MarkdownText.fenced(d.given.commandLine(), language: "sh")
                } else if case .path(_, _, let command?) = d.origin {
                    // The command's fields as a table, as a brief's record has them (issue 23, ninth retest).
                    if !d.commandFields.isEmpty {
                        md.append("| field | value | source |")
                        md.append("| --- | --- | --- |")
                        for f in d.commandFields { md.append("| \(cell(f.field)) | \(cell(f.value)) | \(cell(f.source)) |") }
                        md.append("")
                    }
                    md += ["Reproduce with:", ""] + MarkdownText.fenced(command, language: "sh")
                }
            case .read:
                md.append("Sections of the guide (open with `nnguide --open ID`): "
                    + see.map { id in decision.seeTitles[id].map { literal($0) + " (" + code(id) + ")" } ?? code(id) }.joined(separator: "; "))
            }
        }
        if !refs.entries.isEmpty {
            md += ["", "## Sources", ""]
            for (i, e) in refs.entries.enumerated() { md.append("\(i + 1). " + literal(e.name) + (e.reviewed.map { " · reviewed " + literal($0) } ?? "")) }
        }
        // What was decided, for `nnguide check` (unseen when the Markdown is rendered).
        if d.origin == .recommender { md += ["", RecordedDecision(d, date: date).comment(brief: d.given)] }
        return md.joined(separator: "\n") + "\n"
    }
}

extension Recommendation {
    /// Whether the section has anything to show (path, why and brief always do; flips once worked out).
    public func has(_ section: DecisionSection) -> Bool {
        switch section {
        case .path, .because, .brief: return true
        case .alternatives: return !decision.alternatives.isEmpty
        case .flips: return flips != nil || !otherAnswers.isEmpty
        case .whyNot: return !decision.whyNot.isEmpty
        case .warnings: return !decision.warnings.isEmpty
        case .assumptions: return !decision.assumptions.isEmpty
        case .nextSteps: return !decision.nextSteps.isEmpty
        case .read: return !see.isEmpty
        }
    }

    /// Whether the decision record has the section: what `has` says, the warnings always ("none
    /// flagged"), and a path's brief only when a command reproduces it.
    func recordShows(_ section: DecisionSection) -> Bool {
        switch section {
        case .warnings: return true
        case .brief:
            if case .path(_, _, nil) = decision.origin { return false }
            return true
        default: return has(section)
        }
    }

    /// The "Departs from the guide" line, its reason said once: an added answer's reason that Why
    /// lists as a bullet too is pointed to, not repeated (twelfth retest: the RAG pick printed the same
    /// four lines twice, one paragraph after the other).
    public var departureLine: String? {
        guard var g = guidePick else { return nil }
        for b in decision.because where b.text.count > 40 && g.why.hasSuffix(": " + b.text) {
            g.why = String(g.why.dropLast(b.text.count + 2)) + "; its reason is under Why."
        }
        return g.line
    }

    /// "Title (id)" for each section to read; the bare id only when the title is not known.
    public var seeNames: [String] { see.map { id in decision.seeTitles[id].map { "\($0) (\(id))" } ?? id } }
}

extension Brief {
    /// The `nnguide recommend` command that reproduces this brief, with the given fields only.
    public func commandLine(given fields: [BriefField]? = nil) -> String {
        var parts = ["nnguide", "recommend"]
        for f in fields ?? givenFields {
            guard let v = self[f], let spec = schema[f] else { continue }
            switch v {
            case .flag(let b): parts.append(b ? spec.flag : "--no-" + spec.flag.dropFirst(2))
            case .text(let s): parts += [spec.flag, Brief.shellQuote(s)]
            default: parts += [spec.flag, Brief.shellQuote(v.description)]
            }
        }
        return parts.joined(separator: " ")
    }

    static func shellQuote(_ s: String) -> String { MarkdownText.shellWord(s) }
}

/// Numbered references, as a paper has them (issue 23, ninth retest: five lines of citation crowded three
/// of reason): each source once, numbered in the order first cited, with the latest month a reason citing
/// it was reviewed.
struct References {
    private(set) var entries: [(id: String, name: String, reviewed: String?)] = []

    /// What follows a reason: its short origin and its sources' numbers, " (guide: 3.2 CNNs) [1,2]".
    /// `label` is given " (origin)" to format; `number` the "[1,2]" (no space: it never wraps apart).
    mutating func cite(_ r: Reason, label: (String) -> String, number: (String) -> String = { $0 }) -> String {
        let numbers = r.evidence.sources.enumerated().map { i, id -> Int in
            if let k = entries.firstIndex(where: { $0.id == id }) {
                if let m = r.evidence.reviewed, m > (entries[k].reviewed ?? "") { entries[k].reviewed = m }
                return k + 1
            }
            entries.append((id, i < r.citations.count ? r.citations[i] : id, r.evidence.reviewed))
            return entries.count
        }
        // A review date with no source to hang on stays with the reason.
        let origin = [r.source?.label, numbers.isEmpty ? r.evidence.reviewed.map { "reviewed \($0)" } : nil].compactMap { $0 }
        return (origin.isEmpty ? "" : label(" (" + origin.joined(separator: "; ") + ")"))
            + (numbers.isEmpty ? "" : " " + number("[" + numbers.map(String.init).joined(separator: ",") + "]"))
    }
}
