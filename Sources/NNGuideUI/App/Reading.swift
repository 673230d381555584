import NNGuideCore

/// How the guide is cut into reading units: a top-level page on its own (with a menu of its
/// sections), or a section with its subsections inline. Deeper ids open their unit at their heading.
public enum Reading {
    public static func isUnit(_ e: PageEntry) -> Bool { e.depth <= 1 }

    /// The unit that shows a page, section, table or figure id.
    public static func unit(for id: String, in guide: Guide) -> String? {
        guard let pid = guide.pageID(showing: id), let e = guide.page(pid) else { return nil }
        return e.depth <= 1 ? e.id : e.path[1]
    }

    public static func units(_ guide: Guide) -> [PageEntry] { guide.readingOrder.filter(isUnit) }

    public static func nextUnit(after id: String, in guide: Guide) -> String? {
        guard let e = guide.page(id) else { return nil }
        return guide.readingOrder[(e.order + 1)...].first(where: isUnit)?.id
    }

    public static func previousUnit(before id: String, in guide: Guide) -> String? {
        guard let e = guide.page(id) else { return nil }
        return guide.readingOrder[..<e.order].last(where: isUnit)?.id
    }
}

extension Guide {
    /// What a link to `id` is called on screen: the breadcrumb of a page or section, or for a table
    /// or figure its page and its own title. Never the raw id, unless nothing in the guide has it.
    public func linkTitles(_ id: String) -> [String] {
        let crumb = breadcrumb(id)
        if !crumb.isEmpty { return crumb }
        if let t = table(id) { return breadcrumb(t.pageID).suffix(1) + [t.table.title] }
        if let f = figures.first(where: { $0.figure.id == id }) { return breadcrumb(f.pageID).suffix(1) + [f.figure.title] }
        return [id]
    }
}
