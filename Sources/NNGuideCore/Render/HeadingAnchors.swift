/// Unique anchors in the exported Markdown. A heading there carries two ids once it is rendered: the
/// anchor nnguide writes (`<a id="output-contract">`, the guide's own id, which links point to) and
/// the id GitHub or pandoc derive from its text ("Output contract" gives `output-contract`). When the
/// derived id is another element's anchor, a link lands on the wrong heading; when it is the
/// heading's own, the id appears twice. So every heading is planned before anything is written:
/// its anchor is left out when the derived id already is that anchor, and its text is qualified by
/// where it sits ("Output contract (The Model Brief)") when the derived id would repeat another.
public enum HeadingAnchors {
    /// Keys of the headings the renderer adds around the guide's pages.
    static let glossaryKey = "#glossary", catalogKey = "#catalog", familiesKey = "#families", criteriaKey = "#criteria"
    static let sourcesKey = "#sources"

    public struct Written: Sendable, Equatable {
        /// The explicit anchor to write, nil when the derived id serves.
        public var anchor: String?
        public var text: String
    }

    public struct Plan: Sendable {
        public var headings: [String: Written] = [:]
    }

    struct Heading { var key: String, id: String?, text: String, context: String? }

    /// The plan for `pages` in reading order, then (with `appendices`) the glossary and the catalog,
    /// in the order `MarkdownRenderer` writes them.
    static func plan(guide: Guide, pages: [Page], appendices: Bool) -> Plan {
        var list: [Heading] = []
        func walk(_ p: Page, parent: String?) {
            list.append(Heading(key: p.id, id: p.id, text: p.title, context: parent))
            p.sections.forEach { walk($0, parent: p.breadcrumbTitle) }
        }
        pages.forEach { walk($0, parent: nil) }
        var explicit = Set<String>()
        if appendices {
            let catalog = "Architecture catalog"
            list.append(Heading(key: glossaryKey, id: nil, text: "Glossary", context: nil))
            list.append(Heading(key: catalogKey, id: nil, text: catalog, context: nil))
            if !guide.catalog.families.isEmpty { list.append(Heading(key: familiesKey, id: nil, text: "Families", context: catalog)) }
            if !guide.catalog.criteria.isEmpty { list.append(Heading(key: criteriaKey, id: nil, text: "Criteria", context: catalog)) }
            for a in guide.catalog.architectures {
                list.append(Heading(key: "a-" + a.id, id: "a-" + a.id, text: a.short.map { "\(a.name) (\($0))" } ?? a.name, context: catalog))
            }
            if !guide.sources.isEmpty { list.append(Heading(key: sourcesKey, id: nil, text: "Sources", context: nil)) }
            // Anchors that are not headings: glossary terms, sources, tables and figures.
            explicit.formUnion(guide.glossary.map { "g-" + $0.id })
            explicit.formUnion(guide.sources.map { "src-" + $0.id })
        }
        func tablesAndFigures(_ p: Page) {
            for b in p.blocks {
                if case .table(let t) = b { explicit.insert(t.id) }
                if case .figure(let f) = b { explicit.insert(f.id) }
            }
            p.sections.forEach(tablesAndFigures)
        }
        pages.forEach(tablesAndFigures)
        explicit.formUnion(list.compactMap(\.id))

        var derived = HeadingIDs()
        var plan = Plan()
        for h in list {
            var text = h.text
            var id = derived.peek(text)
            if id != h.id, explicit.contains(id) {
                // Qualify by where the heading sits; number it in the rare case that still collides.
                var n = 1
                repeat {
                    text = h.text + " (" + (h.context ?? "nnguide") + (n > 1 ? " \(n)" : "") + ")"
                    id = derived.peek(text)
                    n += 1
                } while id != h.id && explicit.contains(id)
            }
            _ = derived.derive(text)
            plan.headings[h.key] = Written(anchor: id == h.id ? nil : h.id, text: text)
        }
        return plan
    }
}
