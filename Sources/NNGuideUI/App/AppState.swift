import NNGuideCore

/// Where Back and Forward go: a screen, or a place in a page.
public enum Location: Sendable, Equatable {
    case view(ViewID)
    case page(Position)
}

/// Something drawn over the current view that takes the keys until it closes.
public enum Overlay: Sendable, Equatable {
    /// A glossary definition over the page, opened from a link.
    case popover(glossaryID: String)
    /// `/` typed in the reader: the words so far, and the line to go back to on Esc.
    case find(TextField, returnTo: Int)
    /// `m` or `'` typed: waiting for the letter.
    case mark(set: Bool)
    /// The sources key: the sources and review dates of what is on screen, in a box.
    case sources(SourcesNote)
}

/// The whole explorer as a value. `update(state, event)` is the only way it changes: keys, the results
/// of the disk work it asked for (`Command`), the whole guide arriving, a quit signal.
public struct AppState: Sendable {
    public static let minimumWidth = 32
    public static let minimumHeight = 8

    public let library: Library
    public var guide: Guide { library.guide }
    public internal(set) var width: Int
    public internal(set) var height: Int
    public internal(set) var screen: ViewID = .home
    public var glyphs: Glyphs
    public var mouse: Bool

    public var home = HomeView()
    public var contents = ContentsView()
    public var reader = ReaderView()
    public var glossary = GlossaryView()
    public var search = SearchView()
    public var compare = CompareView()
    public var help = HelpView()
    public var decide = DecideView()

    public internal(set) var overlay: Overlay?
    public internal(set) var history: [Location] = []
    public internal(set) var forwardHistory: [Location] = []
    public var reading: ReadingState
    /// One line for the user, shown in place of the key hint until the next key.
    public var message: String?
    public internal(set) var quit = false
    /// Ctrl-L: the backend forgets what it drew and draws everything again.
    public internal(set) var redraw = false

    /// What the current event asked for; `update` hands it out with the new state, so it is empty
    /// between events.
    var pending: [Command] = []
    /// The reading state as last sent to be saved, when, and the first warning (App/Saving.swift).
    public internal(set) var saves: ReadingSaves
    /// Set on the way out: the line saying where an unsaved brief was kept as a draft.
    public internal(set) var draftLine: String?
    /// The session ends of SIGHUP: no terminal is left to print to.
    public internal(set) var hungUp = false
    /// The whole guide did not load after the preview: the loop restores the terminal and says why.
    public internal(set) var guideFailed = false

    /// `startedAt` is when the session began on the clock the key events carry: the reading position
    /// is saved at most every few seconds from then on. `reading` is taken to be saved already.
    public init(library: Library, width: Int, height: Int, reading: ReadingState = ReadingState(),
                glyphs: Glyphs = .unicode, mouse: Bool = false, startedAt: Double = 0) {
        self.library = library; self.width = width; self.height = height
        self.reading = reading; self.glyphs = glyphs; self.mouse = mouse
        saves = ReadingSaves(onDisk: reading, lastSave: startedAt)
        // Only the screen shown first: every other view is fitted when it is shown (`show`), and a
        // view's fit only clamps its position, which starts at the top. Fitting all of them here laid
        // out the help and the decision hub before the first frame, a third of its time (BENCHMARKS.md).
        withView(screen) { v, ctx in v.fit(ctx) }
    }

    public static let historyLimit = 200

    public var tooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// The area views draw in: everything above the status and hint lines.
    public var contentRect: Rect { Rect(x: 0, y: 0, width: width, height: max(0, height - 2)) }

    public var context: ViewContext {
        ViewContext(library: library, glyphs: glyphs, rect: contentRect, reading: reading)
    }

    /// The one switch over views: runs `body` on the view's state and stores it back.
    public mutating func withView<R>(_ id: ViewID, _ body: (inout any AppView, ViewContext) -> R) -> R {
        let ctx = context
        switch id {
        case .home: return Self.run(body, on: &home, ctx)
        case .contents: return Self.run(body, on: &contents, ctx)
        case .reader: return Self.run(body, on: &reader, ctx)
        case .glossary: return Self.run(body, on: &glossary, ctx)
        case .search: return Self.run(body, on: &search, ctx)
        case .compare: return Self.run(body, on: &compare, ctx)
        case .help: return Self.run(body, on: &help, ctx)
        case .decide: return Self.run(body, on: &decide, ctx)
        }
    }

    /// Runs `body` on one stored view, typed: the view goes out as `any AppView` and comes back into
    /// its own property. `body` only ever mutates the view it was given; were it to put another kind of
    /// view in its place, the stored view would stay as it was rather than crash.
    private static func run<V: AppView, R>(_ body: (inout any AppView, ViewContext) -> R, on view: inout V, _ ctx: ViewContext) -> R {
        var v: any AppView = view
        let r = body(&v, ctx)
        if let back = v as? V { view = back }
        return r
    }

    public func view(_ id: ViewID) -> any AppView {
        switch id {
        case .home: return home
        case .contents: return contents
        case .reader: return reader
        case .glossary: return glossary
        case .search: return search
        case .compare: return compare
        case .help: return help
        case .decide: return decide
        }
    }

    public var current: any AppView { view(screen) }

    mutating func fitAll() {
        for id in ViewID.allCases { withView(id) { v, ctx in v.fit(ctx) } }
    }

    /// Where you are now, as history records it.
    public var location: Location {
        screen == .reader && !reader.unit.isEmpty ? .page(reader.position(context)) : .view(screen)
    }

    /// Everything that must hold after any key (the property test checks this).
    public func violations() -> [String] {
        var out: [String] = []
        let ctx = context
        for id in ViewID.allCases { out += view(id).violations(ctx).map { "\(id.rawValue): \($0)" } }
        if history.count > Self.historyLimit { out.append("history longer than \(Self.historyLimit)") }
        for loc in history + forwardHistory {
            if case .page(let p) = loc, guide.pageID(showing: p.page) == nil { out.append("history holds unknown page \(p.page)") }
        }
        if screen == .reader && reader.unit.isEmpty { out.append("reader on screen with no page") }
        if !pending.isEmpty { out.append("\(pending.count) commands kept past update") }
        if case .popover(let id) = overlay, guide.glossaryEntry(id) == nil { out.append("popover for unknown term \(id)") }
        return out
    }
}
