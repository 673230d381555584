import Foundation

extension Navigator {
    /// A Markdown decision record for the path stepped through by hand (the explorer's `e`): the
    /// answers with their reasons, the leaf's pick, why not the others, warnings, next steps, the date.
    /// Nil until the path reaches a leaf.
    public func record(catalog: Catalog, date: String) -> String? {
        guard let leaf else { return nil }
        func name(_ id: String) -> String { catalog.architectures.first { $0.id == id }?.name ?? id }
        func plain(_ s: String) -> String { InlineParser.plain(s).trimmingCharacters(in: .whitespacesAndNewlines) }
        var md = ["# Decision record: \(plain(leaf.title ?? name(leaf.pick[0])))", ""]
        md.append("- Date: \(date)")
        md.append("- Status: proposed")
        md.append("- Tree: \(plain(tree.title)) (`\(tree.id)`)")
        md.append("- Decision: use **\(name(leaf.pick[0]))** (`\(leaf.pick[0])`)"
                  + (leaf.variants.isEmpty ? "" : ", starting with \(leaf.variants.map(plain).joined(separator: ", "))"))
        if let command = commandLine { md.append("- Reproduce with `\(command)`") }
        func heading(_ s: DecisionSection) { md += ["", "## \(s.heading)", ""] }
        heading(.path)
        for (i, c) in breadcrumb.enumerated() {
            md.append("\(i + 1). \(plain(c.node.question ?? c.node.id)) **\(plain(c.option.answer))**" + (c.option.why.map { ": " + plain($0) } ?? ""))
        }
        md += ["", "## Pick: \(name(leaf.pick[0]))", ""]
        md.append(plain(leaf.title ?? name(leaf.pick[0])) + ".")
        if leaf.pick.count > 1 { md.append(""); md.append("Equally good first picks: " + leaf.pick.dropFirst().map(name).joined(separator: ", ") + ".") }
        if let why = leaf.why { heading(.because); md.append("- " + plain(why)) }
        if !leaf.alternatives.isEmpty {
            heading(.alternatives)
            for a in leaf.alternatives { md.append("- **\(name(a.id))**" + (a.reason.map { ": " + plain($0) } ?? "")) }
        }
        if !leaf.whyNot.isEmpty {
            heading(.whyNot)
            for w in leaf.whyNot { md.append("- **\(name(w.id))**: \(plain(w.reason))") }
        }
        heading(.warnings)
        md += leaf.warnings.isEmpty ? ["- None flagged at this leaf; run `nnguide recommend` with a full brief to apply the constraint filters."]
                                    : leaf.warnings.map { "- " + plain($0) }
        if !leaf.nextSteps.isEmpty {
            heading(.nextSteps)
            for (i, n) in leaf.nextSteps.enumerated() { md.append("\(i + 1). \(plain(n))") }
        }
        if !leaf.see.isEmpty {
            heading(.read)
            md += ["Sections of the guide (open with `nnguide --open ID`): " + leaf.see.map { "`\($0)`" }.joined(separator: ", ")]
        }
        return md.joined(separator: "\n") + "\n"
    }
}
