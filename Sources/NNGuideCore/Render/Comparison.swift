/// Side-by-side comparison: the guide's comparison matrices, and any catalog entries set against each
/// other on the catalog's criteria. Shared by `nnguide compare` and the explorer.
extension Guide {
    /// Tables that compare architectures (they name a catalog id per column), in reading order.
    public var comparisonMatrices: [TableEntry] { tables.filter { $0.table.architectures != nil } }

    /// A catalog entry by id, or by its short name or name ignoring case ("CNN", "vit").
    public func architecture(named query: String) -> Architecture? {
        if let a = architecture(query) { return a }
        let q = Guide.normalize(query)
        return catalog.architectures.first { a in
            [a.id, a.name, a.short].compactMap { $0 }.contains { Guide.normalize($0) == q }
        }
    }

    /// The entries as a table: one column per entry, one row per point of comparison (family, what
    /// data it fits, every catalog criterion, cost, strengths and limitations).
    public func comparisonTable(of architectures: [Architecture]) -> Table {
        let families = Dictionary(catalog.families.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func row(_ name: String, _ value: (Architecture) -> String) -> [String] { [name] + architectures.map(value) }
        var rows: [[String]] = [
            row("Summary") { InlineParser.plain($0.summary) },
            row("Family") { families[$0.family] ?? $0.family },
            row("Fits") { $0.fits.joined(separator: ", ") },
        ]
        for c in catalog.criteria where architectures.contains(where: { $0.traits[c.id] != nil }) {
            rows.append(row(c.name) { $0.traits[c.id] ?? "–" })
        }
        rows += [
            row("Training cost") { $0.cost.training },
            row("Inference cost") { $0.cost.inference },
            row("Memory") { $0.cost.memory },
            row("Strengths") { Self.points($0.strengths) },
            row("Limitations") { Self.points($0.limitations) },
        ]
        if architectures.contains(where: { !$0.notes.isEmpty }) {
            rows.append(row("Team notes") { $0.notes.map(\.plainLine).joined(separator: " ") })
        }
        let notes = architectures.compactMap { a in a.cost.note.map { "\(a.displayName): \(InlineParser.plain($0))" } }
        return Table(id: "compare-" + architectures.map(\.id).joined(separator: "-"),
                     title: "Compared: " + architectures.map(\.displayName).joined(separator: ", "),
                     columns: [Self.aspect] + architectures.map(\.displayName), rows: rows,
                     architectures: architectures.map(\.id),
                     notes: notes.isEmpty ? nil : notes.joined(separator: " "))
    }

    /// The corner of that table, naming its first column: its rows are aspects of an architecture
    /// (summary, family, criteria, costs), not only the criteria a guide's matrix lists, so "Criterion"
    /// stood above "Summary" (issue 23, fifth retest).
    public static let aspect = "Aspect"

    /// The first two points, one a line: a summary, the catalog entry has the rest.
    static func points(_ items: [String]) -> String {
        items.prefix(2).map { "• " + InlineParser.plain($0) }.joined(separator: "\n")
    }
}
