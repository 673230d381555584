import NNGuideCore

/// Where Back and Forward go: a screen, or a place in a page.
public enum Location: Sendable, Equatable {
    case view(ViewID)
    case page(Position)
}

/// The bookmark key pressed (`m` sets, `'` jumps): the next key is the bookmark's letter.
public enum BookmarkKey: Sendable, Equatable {
    case set, jump
}

/// The whole explorer as a value. `update(state, event)` is the only way it changes: keys, the results
/// of the disk work it asked for (`Command`), the whole guide arriving, a quit signal; `start` is the
/// first step. Outside this module every field is read-only.
public struct AppState: Sendable {
    public static let minimumWidth = 32
    public static let minimumHeight = 8

    public private(set) var library: Library
    public var guide: Guide { library.guide }
    public internal(set) var width: Int
    public internal(set) var height: Int
    public internal(set) var glyphs: Glyphs
    public internal(set) var mouse: Bool
    /// The user's home folder, passed in by the loop (NNGuideUI reads no environment).
    public let homeFolder: String?

    var screens = ScreenStore()
    /// The view shown in place of the others, the one reading history records: the mode whose
    /// stack has the keys.
    public internal(set) var base: ViewID = .home
    /// Each mode's stack: the screens over its view, bottom first (Textual's `_screen_stacks[mode]`).
    /// Only the top one gets the keys and draws; Back dismisses it onto the one under it, exactly as
    /// it was. Showing another view and coming back finds a stack as it was (Decide's screens wait
    /// while a pick's page is read); a view pushed over whatever is showing (Help) closes when a
    /// place opens.
    var stacks: [ViewID: [Frame]] = [:]
    /// Decide's tree sessions put aside: Decide's own, passed through the context; read here only on
    /// the way out, for the reading state (`keepSessions`).
    var sessions = DecideSessions()
    /// The Model Brief being filled in, which the decision screens share (`ScreenContext.draft`);
    /// the form's focus and typing are its screen's (`BriefScreen`).
    public internal(set) var draft = BriefDraft()

    /// The frames over the view shown, bottom first.
    var frames: [Frame] {
        get { stacks[base] ?? [] }
        set { stacks[base] = newValue.isEmpty ? nil : newValue }
    }
    /// The screens over `base`, as the views they belong to: Help is `.help`, a screen Decide
    /// pushed is `.decide`.
    public var stack: [ViewID] {
        frames.map { if case .view(let v) = $0.screen { return v } else { return base } }
    }
    /// The view on top: the one whose screen gets the keys and draws.
    public var screen: ViewID { stack.last ?? base }
    /// The screen on top.
    var top: ScreenID { frames.last?.screen ?? .view(base) }

    /// Waiting for the letter after the bookmark key: the second key of a two-key command (vim's
    /// `ma`), not a screen; it only changes the bottom line until that key comes.
    public internal(set) var bookmarkKey: BookmarkKey?
    public internal(set) var history: [Location] = []
    public internal(set) var forwardHistory: [Location] = []
    public internal(set) var reading: ReadingState
    /// One line for the user, shown in place of the key hint until the next key.
    public internal(set) var message: String?
    public internal(set) var quit = false
    /// Ctrl-L: the backend forgets what it drew and draws everything again.
    public internal(set) var redraw = false

    /// What the current event asked for; `update` hands it out with the new state, so it is empty
    /// between events.
    var pending: [(command: Command, asker: Asker)] = []
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
    /// `message`: a line shown in place of the key hint until the first key (a warning from the start).
    public init(library: Library, width: Int, height: Int, reading: ReadingState = ReadingState(),
                glyphs: Glyphs = .unicode, mouse: Bool = false, startedAt: Double = 0, message: String? = nil,
                homeFolder: String? = nil) {
        self.library = library; self.width = width; self.height = height
        self.reading = reading; self.glyphs = glyphs; self.mouse = mouse; self.message = message
        self.homeFolder = homeFolder
        saves = ReadingSaves(onDisk: reading, lastSave: startedAt)
        // Only the screen shown first: every other view is fitted when it is shown (`show`), and a
        // view's fit only clamps its position, which starts at the top. Fitting all of them here laid
        // out the help and the decision hub before the first frame, a third of its time (BENCHMARKS.md).
        fitTop()
    }

    /// The same state over another library (the whole guide after the preview): the screen on top is
    /// fitted to it; the others are fitted when shown, as at the start.
    mutating func replaceLibrary(_ library: Library) {
        self.library = library
        fitTop()
    }

    public static let historyLimit = 200

    public var tooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// The area views draw in: everything above the status and hint lines.
    public var contentRect: Rect { Rect(x: 0, y: 0, width: width, height: max(0, height - 2)) }

    public var context: ScreenContext {
        ScreenContext(library: library, glyphs: glyphs, rect: contentRect, reading: reading, draft: draft,
                      sessions: sessions, homeFolder: homeFolder)
    }

    /// Does `call` to a view in place, for what only reads the context (a find, a view asked for by
    /// its key).
    mutating func withView<C: ScreenCall>(_ id: ViewID, _ call: C) -> C.Result {
        var ctx = context
        return screens.call(.view(id), call, &ctx)
    }

    public func view(_ id: ViewID) -> any Screen { screens[id] }

    /// The screen on top: the one that gets the keys and draws.
    public var current: any Screen { screens[top] }

    /// True while a text field of the screen on top has the keys.
    public var typing: Bool { current.typing(context) }

    /// Every screen held, after a resize: each view, and each screen on a stack (one kept off its
    /// stack is fitted when it is pushed again and comes on top, or is uncovered).
    mutating func fitAll() {
        var ids = ViewID.allCases.map(ScreenID.view)
        for frames in stacks.values { ids += frames.map(\.screen) }
        for id in ids { _ = run(id, .fit) }
    }

    /// Where you are now, as history records it.
    public var location: Location {
        base == .reader && !reader.unit.isEmpty ? .page(reader.position(context)) : .view(base)
    }

    /// Everything that must hold after any key (the property test checks this).
    public func violations() -> [String] {
        var out: [String] = []
        let ctx = context
        // A view with screens over it is fitted again when it is uncovered (`Stack`'s `fitTop`), so
        // what it shows may lag until then (the hub's resume line, a brief put aside over it).
        for id in ViewID.allCases where (stacks[id] ?? []).isEmpty {
            out += view(id).violations(ctx).map { "\(id.rawValue): \($0)" }
        }
        if case .pushed = top { out += current.violations(ctx) }
        if history.count > Self.historyLimit { out.append("history longer than \(Self.historyLimit)") }
        for loc in history + forwardHistory {
            if case .page(let p) = loc, guide.pageID(showing: p.page) == nil { out.append("history holds unknown page \(p.page)") }
        }
        if base == .reader && reader.unit.isEmpty { out.append("reader on screen with no page") }
        if base.pushed { out.append("\(base.rawValue) shown in place of the others, though it is pushed") }
        for (mode, frames) in stacks {
            if frames.isEmpty { out.append("\(mode.rawValue): an empty stack kept") }
            for case .view(let id) in frames.map(\.screen) where !id.pushed { out.append("\(id.rawValue) pushed, though it is shown in place") }
            if mode != base, frames.contains(where: \.screen.isView) {
                out.append("\(mode.rawValue): a view pushed over it stayed when another was shown")
            }
        }
        let held = stacks.values.flatMap { $0 }
        if Set(held.map(\.screen)).count != held.count { out.append("a screen on a stack twice") }
        if Set(held.map(\.screen)).filter({ !$0.isView }) != screens.pushedIDs {
            out.append("pushed screens held that no stack has, or frames whose screen is gone")
        }
        if !pending.isEmpty { out.append("\(pending.count) commands kept past update") }
        if let i = frames.dropLast().firstIndex(where: { type(of: screens[$0.screen]).modal }) {
            out.append("a modal box at \(i) under another screen")
        }
        return out
    }
}

/// The views the app speaks to by name, as their own types (and for tests). A new view needs none.
extension AppState {
    public internal(set) var home: HomeView { get { screens.home } _modify { yield &screens.home } }
    public internal(set) var contents: ContentsView { get { screens.contents } _modify { yield &screens.contents } }
    public internal(set) var reader: ReaderView { get { screens.reader } _modify { yield &screens.reader } }
    public internal(set) var glossary: GlossaryView { get { screens.glossary } _modify { yield &screens.glossary } }
    public internal(set) var search: SearchView { get { screens.search } _modify { yield &screens.search } }
    public internal(set) var compare: CompareView { get { screens.compare } _modify { yield &screens.compare } }
    public internal(set) var help: HelpView { get { screens.help } _modify { yield &screens.help } }
}
