import NNGuideCore

/// The screens of the explorer, and THE table of them: each case's title and view type. Adding a view
/// takes three edits: a file with a type conforming to `AppView`; a case here, with its title and
/// type in `entry`; a row in `Keymap.bindings` for its key (`ViewTableTests` fails on a case without a
/// view of its type or without a key; like every key, it is named in README's key table too). A view
/// with keys of its own also adds a `Scope` case with its title and that scope's rows. The app
/// keeps one value of each (`ViewTable`), made with `init()`; a view that sets `pushed` is shown over
/// the others (Help) rather than in their place. A screen of the decision navigator is a
/// `DecideScreen` pushed on Decide's stack instead: its file and its keymap scope, nothing else.
public enum ViewID: String, Sendable, CaseIterable, Codable {
    case home, contents, reader, glossary, search, compare, help, decide

    var entry: (title: String, type: any AppView.Type) {
        switch self {
        case .home: return ("Home", HomeView.self)
        case .contents: return ("Contents", ContentsView.self)
        case .reader: return ("Reader", ReaderView.self)
        case .glossary: return ("Glossary", GlossaryView.self)
        case .search: return ("Search", SearchView.self)
        case .compare: return ("Compare", CompareView.self)
        case .help: return ("Help", HelpView.self)
        case .decide: return ("Decide", DecideView.self)
        }
    }

    public var title: String { entry.title }
}

/// What a view reads from the app: never the app state itself, so views cannot reach around it.
public struct ViewContext: Sendable {
    public let library: Library
    public var guide: Guide { library.guide }
    public let glyphs: Glyphs
    /// The area the view draws in.
    public let rect: Rect
    public let reading: ReadingState
}

/// What a view asks the app to do after handling an action.
public enum Effect: Sendable, Equatable {
    case none
    /// The view does not use the action.
    case unhandled
    case message(String)
    /// Open a page, section, table or figure; `find` marks the words in it.
    case openPage(String, find: String?)
    /// Return to a remembered place (continue reading): the same block and line at any width.
    case resume(Position)
    /// A search hit: its page, the block it is in, and the words to mark.
    case openHit(String, find: String, block: Int?)
    /// Follow a link from prose: pages open, glossary terms pop over, architectures open their deep dive.
    case follow(LinkTarget)
    case openGlossary(String)
    case show(ViewID)
    /// Show these sources and review dates over the view (the sources key).
    case showSources(SourcesNote)
    /// Take this pushed screen off the stack, back onto the one under it (Help's Esc with no marks).
    case dismiss
    /// Disk work for the loop (save a record or a brief, list or delete briefs); its result comes
    /// back through `update` and reaches the view that asked (`DecideView.receive`).
    case run(Command)
}

/// One screen. Views hold their own scroll and selection; everything they need to know about the
/// world comes in through the context, and everything they want done goes out as an `Effect`.
public protocol AppView: Sendable {
    /// The view as it is before it is first shown (`ViewTable` makes one of each).
    init()
    /// True for a screen pushed over whatever is showing and dismissed back onto it, exactly as it
    /// was (Help, as less and vim's :help); false for a view shown in its place, which reading
    /// history records (Back and Forward).
    static var pushed: Bool { get }
    /// Keymap scopes, most specific first (`global` is added by the app).
    var scopes: [Scope] { get }
    /// True while a text field has the keys: letters type instead of acting.
    var typing: Bool { get }
    /// The keymap scopes that still act while typing (most specific first).
    var typingScopes: [Scope] { get }
    /// True when a letter that is no key here (`Keymap.unboundLetter`) goes to the view as `.type`,
    /// for it to say what works instead of the app's "does nothing here" (the brief's choice field).
    func lettersType(_ ctx: ViewContext) -> Bool
    /// Global actions that do nothing on this view, left out of its hint line so it never offers a
    /// key that only answers "Nothing to do here" (Help has nothing to open).
    var idleActions: Set<Action> { get }
    /// The hint line's words for an action whose effect here depends on what is chosen (Compare's
    /// Enter shows a matrix but picks an architecture), so the hint never says what the key does not do.
    func hintWords(_ ctx: ViewContext) -> [Action: String]
    mutating func handle(_ action: Action, _ ctx: ViewContext) -> Effect
    func render(_ ctx: ViewContext, into buffer: inout Buffer)
    /// Left: where you are (breadcrumb); right: how far (position).
    func status(_ ctx: ViewContext) -> (String, String)
    /// Called when the view comes on screen and after every resize: keep scroll and selection valid.
    mutating func fit(_ ctx: ViewContext)
    /// Called when the user asks for the view by its key (not when Back returns to it): the
    /// glossary and search start typing, the contents show where you are reading.
    mutating func activate(_ ctx: ViewContext)
    /// Called when the view is pushed over another screen, with that screen's keymap scopes (help
    /// opens at their keys).
    mutating func push(over scopes: [Scope], _ ctx: ViewContext)
    /// `/` in this view (the reader, help): the line a find starts from and Esc returns to; nil when
    /// the view has nothing to find in. The prompt is the app's; the marks and the scrolling the view's.
    var findFrom: Int? { get }
    /// Marks `text` (case ignored), the first match at or after `line` made current.
    mutating func setFind(_ text: String, from line: Int, _ ctx: ViewContext)
    mutating func clearFind()
    /// Esc in the prompt: back to the line the find began at.
    mutating func scroll(to line: Int, _ ctx: ViewContext)
    /// What Enter in the prompt says ("3 matches").
    var findSummary: String { get }
    /// A click at a cell of the view's area.
    mutating func click(x: Int, y: Int, _ ctx: ViewContext) -> Effect
    /// Broken invariants, for tests ("cursor 7 outside 0..<5").
    func violations(_ ctx: ViewContext) -> [String]
}

extension AppView {
    public var typing: Bool { false }
    public var typingScopes: [Scope] { [.field] }
    public func lettersType(_ ctx: ViewContext) -> Bool { false }
    public var idleActions: Set<Action> { [] }
    public func hintWords(_ ctx: ViewContext) -> [Action: String] { [:] }
    public mutating func fit(_ ctx: ViewContext) {}
    public static var pushed: Bool { false }
    public mutating func activate(_ ctx: ViewContext) {}
    public mutating func push(over scopes: [Scope], _ ctx: ViewContext) { activate(ctx) }
    public mutating func click(x: Int, y: Int, _ ctx: ViewContext) -> Effect { .unhandled }
    public var findFrom: Int? { nil }
    public mutating func setFind(_ text: String, from line: Int, _ ctx: ViewContext) {}
    public mutating func clearFind() {}
    public mutating func scroll(to line: Int, _ ctx: ViewContext) {}
    public var findSummary: String { "" }
    public func violations(_ ctx: ViewContext) -> [String] { [] }
}
