import NNGuideCore

/// One value of each view, kept while the app runs, by `ViewID` (made from its `entry`): the
/// property and the switches a view once needed in `AppState` are this table. Updated in place, so
/// a key copies no view it does not change.
struct ViewTable: Sendable {
    /// In `ViewID.allCases` order; a slot is empty only while its view is lent out (`subscript(_:as:)`).
    private var views: [(any AppView)?] = ViewID.allCases.map { $0.entry.type.init() }

    private static func slot(_ id: ViewID) -> Int { ViewID.allCases.firstIndex(of: id) ?? 0 }

    subscript(id: ViewID) -> any AppView {
        get { views[Self.slot(id)]! }
        _modify { yield &views[Self.slot(id)]! }
    }

    /// A view as its own type, for the few the app speaks to by name (the reader it opens pages in,
    /// the glossary it selects a term in, Decide's results). The slot holds `id`'s `entry.type`
    /// (`ViewTableTests`); the view is lent out of its slot while it changes, so nothing is copied.
    subscript<V: AppView>(id: ViewID, as type: V.Type) -> V {
        get { views[Self.slot(id)] as! V }
        _modify {
            let i = Self.slot(id)
            var v = views[i] as! V
            views[i] = nil
            defer { views[i] = v }
            yield &v
        }
    }
}
