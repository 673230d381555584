import NNGuideCore

/// The views of the explorer, and THE table of them: each case's title, Home's line about it and the
/// action that opens it. Adding a view is three edits: (1) a case here with its row in `entry`; (2) a
/// file with its screen type, conforming to `Screen`, whose `scopes` are `[.view(id)]` and whose
/// `bindings` are its keys: the one that shows it (`.global`) and its own (`.view(id)`); (3) its
/// typed property in `ScreenStore`, with its case in the store's two switches (the compiler names
/// both). The keymap takes the view's keys from its type (`bindings` below), its scope and help
/// heading come from the case (`Scope.view`, titled by `entry`); Home lists it; `ViewTableTests`
/// fails on a case whose screen does not have its scope or without a key; README's key table names
/// its keys, as every key (`ReadmeKeysTests`). The app keeps one value of each (`ScreenStore`), and
/// one stack of screens per view shown in place of the others (a mode, as Textual's
/// `_screen_stacks[mode]`); a view whose `presentation` is `.pushed` is pushed over whatever is
/// showing (Help). A screen pushed by another (Decide's) is a `Screen` too: its file with its keys,
/// its keymap scope, and its list named where the keymap puts the table together.
///
/// The order of the cases is the order Home lists the views and help lists the keys that show them.
public enum ViewID: String, Sendable, CaseIterable, Codable {
    case contents, reader, search, glossary, compare, decide, home, help

    /// The title, Home's line about the view (nil: Home does not list it, as the reader and Home
    /// itself) and the action that opens it (its key is the keymap's). Home's list of views is this
    /// table, in this order.
    var entry: (title: String, about: String?, opens: Action) {
        switch self {
        case .home: return ("Home", nil, .show(.home))
        case .contents: return ("Contents", "the guide as a tree", .show(.contents))
        case .reader: return ("Reader", nil, .show(.reader))
        case .glossary: return ("Glossary", "every term, filter as you type", .show(.glossary))
        case .search: return ("Search", "the whole guide, as you type", .show(.search))
        case .compare: return ("Compare", "architectures side by side", .show(.compare))
        case .decide: return ("Decide", "the decision navigator", .show(.decide))
        case .help: return ("Help", "every key", .help)
        }
    }

    /// The type `ScreenStore` holds for the view, which says how it is shown and declares its keys.
    var screen: any Screen.Type { type(of: ScreenStore.initial[self]) }

    /// Pushed over whatever is showing (Help) rather than shown in place of the others.
    var pushed: Bool { screen.pushed }

    /// The view's keys, declared beside its type (`Screen.bindings`): the keymap's rows for it.
    var bindings: [Binding] { screen.bindings }

    public var title: String { entry.title }
}

/// What a screen reads from the app, and the one way it asks the app for more: never the app state
/// itself, so screens cannot reach around it. A method that may change the brief or ask the stack
/// for something takes it `inout`; the app applies what was asked once the screen returns.
public struct ScreenContext: Sendable {
    public let library: Library
    public var guide: Guide { library.guide }
    public let glyphs: Glyphs
    /// The area the screen draws in.
    public let rect: Rect
    public let reading: ReadingState
    /// The Model Brief being filled in: the one model the decision screens share (the form edits it,
    /// the recommendation applies flips to it, a saved brief opens into it). Kept while the app runs;
    /// quitting keeps it as a draft. The form's own state (focus, typing) is `BriefScreen`'s.
    public internal(set) var draft: BriefDraft
    /// Decide's tree sessions put aside (`d`), which its menus offer to resume: Decide's own value,
    /// which the app keeps and passes through as it does the brief, and never reads.
    var sessions: DecideSessions
    /// The user's home folder (`HOME`, from the loop), which file names show as `~`.
    public let homeFolder: String?
    /// What the screen asked of its stack, in order.
    private(set) var changes: [StackChange] = []

    init(library: Library, glyphs: Glyphs, rect: Rect, reading: ReadingState, draft: BriefDraft,
         sessions: DecideSessions, homeFolder: String? = nil) {
        self.library = library; self.glyphs = glyphs; self.rect = rect; self.reading = reading
        self.draft = draft; self.sessions = sessions; self.homeFolder = homeFolder
    }

    /// Pushes `screen` over the one asking. What it is dismissed with comes back to the one asking,
    /// as a message to its `resume` (a plain Back dismisses it with nothing, and nothing comes back).
    mutating func push(_ screen: any Screen) { changes.append(.push(screen)) }

    /// Takes the screen asking off its stack: the one under it is as it was.
    mutating func pop() { changes.append(.dismiss(nil)) }
    /// Takes the screen asking off its stack and sends `result` to the screen that pushed it
    /// (`Screen.resume`). As Textual's `dismiss(result)`, Bubble Tea's message.
    mutating func dismiss(_ result: ScreenResult) { changes.append(.dismiss(result)) }
    /// Pushes screens a screen kept when its stack closed (`Screen.closing`) back as they were, each
    /// over the one before, the first over the one asking; none is started again.
    mutating func pushAgain(_ kept: [any Screen]) { changes.append(.pushAgain(kept)) }

    /// A saved file as "NAME in FOLDER", the user's home folder as `~` (`Sheet.fileName`).
    func fileName(_ path: String) -> String { Sheet.fileName(path, home: homeFolder) }

    /// Asks the loop for disk work; its result comes back to the screen that asked (`receive`).
    func run(_ command: Command) -> Effect { .run(command) }
}

/// A change a screen asked of its stack (`ScreenContext`).
enum StackChange: Sendable {
    case push(any Screen)
    case dismiss(ScreenResult?)
    case pushAgain([any Screen])
}

/// What a pushed screen is dismissed with, sent to the screen that pushed it (`Screen.resume`): a
/// message, as a command's result is (`CommandResult`), so no screen casts another or holds a copy
/// of it. A screen that returns something adds a case.
public enum ScreenResult: Sendable, Equatable {
    /// A place chosen on the decision map.
    case place(MapPlace)
    /// A saved brief or draft chosen in the saved list, to put in the form.
    case brief(OpenedBrief)
}

/// What a screen asks the app to do after handling an action.
public enum Effect: Sendable, Equatable {
    case none
    /// The screen does not use the action (for Back: the app pops it, or goes back in history).
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
    /// Disk work for the loop (save a record or a brief, list or delete briefs); its result comes
    /// back through `update` and reaches the screen that asked (`Screen.receive`).
    case run(Command)
}

/// How a screen is shown: in place of the others, pushed over whatever is showing, or as a box.
public enum Presentation: Sendable {
    /// In place of the others, which reading history records (Back and Forward): every view but
    /// Help, and every screen another pushes.
    case inPlace
    /// A view pushed over whatever is showing and dismissed back onto it exactly as it was (Help,
    /// as less and vim's :help).
    case pushed
    /// A box over the screen under it (Textual's `ModalScreen`: the glossary popover, the sources
    /// box), on the same stack: the screen under it still draws and names the status line, and the
    /// box draws over it. It takes the keys of its scopes; any other key dismisses it and then acts
    /// on the screen under it, as a tooltip does; a click dismisses it.
    case modal
}

/// One screen: a view shown in place of the others, Help pushed over them, or a screen another
/// pushed (Decide's). Screens hold their own scroll and selection; everything they need to know
/// about the world comes in through the context, and everything they want done goes out as an
/// `Effect` or a change asked of the stack (`ScreenContext`). Four requirements every screen meets
/// (`scopes`, `handle`, `render`, `status`); the rest have defaults below that do nothing, for the
/// screens that type, start work, take results, find or keep their place.
public protocol Screen: Sendable {
    static var presentation: Presentation { get }
    /// The screen's keys, beside its type (Textual's `BINDINGS`, a Bubbles component's `KeyMap`): a
    /// view's are the key that shows it (`.global`) and its own scope's; the keymap puts every
    /// screen's list into its one table (`Keymap.bindings`), which help, hints and lookup read.
    static var bindings: [Binding] { get }
    /// Keymap scopes, most specific first (`global` is added by the app).
    var scopes: [Scope] { get }
    /// True while a text field has the keys: letters type instead of acting.
    func typing(_ ctx: ScreenContext) -> Bool
    /// The keymap scopes that still act while typing (most specific first).
    var typingScopes: [Scope] { get }
    /// True where a paste starts typing even when no field has the keys yet, as a letter does (the
    /// brief form's focused value); elsewhere a paste outside a field is refused with a message.
    var pasteStartsTyping: Bool { get }
    /// Global actions that do nothing on this screen, left out of its hint line so it never offers a
    /// key that only answers "Nothing to do here" (Help has nothing to open).
    var idleActions: Set<Action> { get }
    /// The hint line's words for an action whose effect here depends on what is chosen (Compare's
    /// Enter shows a matrix but picks an architecture), so the hint never says what the key does not do.
    func hintWords(_ ctx: ScreenContext) -> [Action: String]
    /// Run once when the screen is pushed: the work it needs before it can show anything (the saved
    /// list reads the folder), as Bubble Tea's `Init() Cmd`; its result comes back to this screen.
    mutating func start(_ ctx: inout ScreenContext) -> Effect
    /// An action (Back included: a screen that has its own step back, such as an answer or a flip
    /// to undo, takes it; `.unhandled` and the app pops the screen or goes back in history; `/`
    /// too: a screen that finds opens its prompt, `FindsOnPage`).
    mutating func handle(_ action: Action, _ ctx: inout ScreenContext) -> Effect
    /// A click at a cell of the screen's area.
    mutating func click(x: Int, y: Int, _ ctx: inout ScreenContext) -> Effect
    /// The result of a command this screen ran (`Effect.run`); the app shows the message itself.
    mutating func receive(_ result: CommandResult, _ ctx: inout ScreenContext)
    /// What a screen this one pushed was dismissed with (`ScreenContext.dismiss`), sent here once
    /// that screen is off the stack: the map's place, the saved brief chosen.
    mutating func resume(_ result: ScreenResult, _ ctx: inout ScreenContext) -> Effect
    func render(_ ctx: ScreenContext, into buffer: inout Buffer)
    /// Left: where you are (breadcrumb); right: how far (position).
    func status(_ ctx: ScreenContext) -> (String, String)
    /// Called when the screen comes on top, after every key it gets and after every resize: keep
    /// scroll and selection valid.
    mutating func fit(_ ctx: inout ScreenContext)
    /// Called when the user asks for the view by its key (not when Back returns to it): the
    /// glossary and search start typing, the contents show where you are reading, the decision hub
    /// asks once for the brief last open.
    mutating func activate(_ ctx: inout ScreenContext) -> Effect
    /// Help pushed over this screen while its text field has the keys closes the field first, as Esc
    /// would (a filter, so help returns to its list: vim's help is opened from normal mode and returns
    /// there); false keeps the field typing under help (the brief form).
    var fieldClosesForHelp: Bool { get }
    /// Called when a view that is `.pushed` is pushed over another screen, with that screen's keymap
    /// scopes (help opens at their keys). It only reads the context: it answers with no effect.
    mutating func push(over scopes: [Scope], _ ctx: ScreenContext)
    /// The find prompt (`/`) while it is open on this screen: it has the keys, and the app draws it
    /// on the bottom line; a click closes it (setting nil), the marks typed staying. Nil on a screen
    /// with no find (`FindsOnPage` has one).
    var prompt: FindPrompt? { get set }
    /// A key for the open prompt: its action in the prompt's scope, or what it types. Returns the
    /// message to show.
    mutating func promptKey(_ action: Action?, _ ctx: ScreenContext) -> String?
    /// Called on each screen over a view, top first, when the view is asked for by its key and they
    /// all close. A screen may keep copies of itself and the ones over it (`above`) in a value of its
    /// own (through the context), to push again later (`ScreenContext.pushAgain`): Decide's tree
    /// sessions do (`DecideSessions`). It changes nothing on the stack.
    mutating func closing(above: [any Screen], _ ctx: inout ScreenContext)
    /// Broken invariants, for tests ("cursor 7 outside 0..<5").
    func violations(_ ctx: ScreenContext) -> [String]
}

extension Screen {
    public static var presentation: Presentation { .inPlace }
    /// No keys of its own: a box takes a shared scope's (`.popover`), a menu the menus' (`.decide`).
    public static var bindings: [Binding] { [] }
    public func typing(_ ctx: ScreenContext) -> Bool { false }
    public var typingScopes: [Scope] { [.field] }
    public var pasteStartsTyping: Bool { false }
    public var idleActions: Set<Action> { [] }
    public func hintWords(_ ctx: ScreenContext) -> [Action: String] { [:] }
    public mutating func start(_ ctx: inout ScreenContext) -> Effect { .none }
    public mutating func click(x: Int, y: Int, _ ctx: inout ScreenContext) -> Effect { .unhandled }
    public mutating func receive(_ result: CommandResult, _ ctx: inout ScreenContext) {}
    public mutating func resume(_ result: ScreenResult, _ ctx: inout ScreenContext) -> Effect { .none }
    public mutating func fit(_ ctx: inout ScreenContext) {}
    public mutating func activate(_ ctx: inout ScreenContext) -> Effect { .none }
    public var fieldClosesForHelp: Bool { false }
    public mutating func push(over scopes: [Scope], _ ctx: ScreenContext) {}
    public var prompt: FindPrompt? { get { nil } set {} }
    public mutating func promptKey(_ action: Action?, _ ctx: ScreenContext) -> String? { nil }
    public mutating func closing(above: [any Screen], _ ctx: inout ScreenContext) {}
    public func violations(_ ctx: ScreenContext) -> [String] { [] }

    /// Pushed over whatever is showing (`Presentation.pushed`).
    static var pushed: Bool { presentation == .pushed }
    /// A box over the screen under it (`Presentation.modal`).
    static var modal: Bool { presentation == .modal }
}
