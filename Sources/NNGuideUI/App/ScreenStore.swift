import NNGuideCore

/// Which screen a frame of a stack shows: one of the views, or a screen another pushed.
enum ScreenID: Hashable, Sendable {
    case view(ViewID)
    case pushed(Int)

    var isView: Bool { if case .view = self { return true } else { return false } }
}

/// One screen on a stack: which it is (what the results of its commands are addressed to), and the
/// screen that pushed it, which what it is dismissed with is sent to (`Screen.resume`).
struct Frame: Sendable {
    let screen: ScreenID
    let pusher: ScreenID?
}

/// Every screen the app holds, by id. One value of each view, made by its `entry`, kept while the
/// app runs and changed in place (Textual's installed screens: Help pushed again is the same help);
/// and each screen pushed by another, kept while it is on a stack. Updated in place,
/// so a key copies no screen it does not change.
struct ScreenStore: Sendable {
    /// In `ViewID.allCases` order; a slot is empty only while its view is lent out (`subscript(_:as:)`).
    private var views: [(any Screen)?] = ViewID.allCases.map { $0.entry.make() }
    private var pushed: [Int: any Screen] = [:]
    private var nextID = 1

    private static func slot(_ id: ViewID) -> Int { ViewID.allCases.firstIndex(of: id) ?? 0 }

    subscript(id: ViewID) -> any Screen {
        get { views[Self.slot(id)]! }
        _modify { yield &views[Self.slot(id)]! }
    }

    /// A frame's screen. A pushed screen is there from `add` until `remove`.
    subscript(id: ScreenID) -> any Screen {
        get {
            switch id {
            case .view(let v): return self[v]
            case .pushed(let n): return pushed[n]!
            }
        }
        _modify {
            switch id {
            case .view(let v): yield &views[Self.slot(v)]!
            case .pushed(let n): yield &pushed[n]!
            }
        }
    }

    /// Keeps a screen pushed by another, under an id no other screen has had.
    mutating func add(_ screen: any Screen) -> ScreenID {
        defer { nextID += 1 }
        pushed[nextID] = screen
        return .pushed(nextID)
    }

    /// Forgets a pushed screen taken off its stack (a view is kept whatever happens).
    mutating func remove(_ id: ScreenID) {
        if case .pushed(let n) = id { pushed[n] = nil }
    }

    func holds(_ id: ScreenID) -> Bool {
        if case .pushed(let n) = id { return pushed[n] != nil }
        return true
    }

    /// The pushed screens held, for the check that none is lost or kept past its frame.
    var pushedIDs: Set<ScreenID> { Set(pushed.keys.map { .pushed($0) }) }

    /// A view as its own type, for the few the app speaks to by name (the reader it opens pages in,
    /// the glossary it selects a term in). The slot holds what `id`'s `entry` makes
    /// (`ViewTableTests`); the view is lent out of its slot while it changes, so nothing is copied.
    subscript<V: Screen>(id: ViewID, as type: V.Type) -> V {
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
