/// Where a binding applies. The app asks the most specific scope first, so a view can give a key
/// its own meaning (Right expands in the contents) without touching the others. Each view's own
/// scope is its `ViewID` (`.view(id)`, titled by the view), so a new view needs no case here; the
/// rest are the fields, boxes and prompts, and Decide's screens, which are no views.
public enum Scope: Hashable, Sendable, CaseIterable {
    case view(ViewID)
    case global, field, popover, prompt
    case decide, decideTree, decidePick, recommendation, decideMap, brief, briefField

    // The views' scopes by their names, as the bindings write them.
    public static let reader = Scope.view(.reader), home = Scope.view(.home), contents = Scope.view(.contents)
    public static let glossary = Scope.view(.glossary), search = Scope.view(.search), compare = Scope.view(.compare)
    public static let help = Scope.view(.help)
    /// The decide view is the hub of Decide's screens.
    public static let decideHub = Scope.view(.decide)

    /// In the order help lists them; a view added later comes after these. A pick's and a question's
    /// keys come before the menus' (`.decide`), which they share: help opens at the first of a
    /// screen's sections, so at a pick its own keys lead, `y` among them (ninth and thirteenth
    /// retests: at 40x12 `y` had been a screen below the question-or-pick heading).
    public static var allCases: [Scope] {
        let listed: [Scope] = [.global, .reader, .home, .contents, .glossary, .search, .compare, .field, .popover, .prompt,
                               .decideHub, .decidePick, .decideTree, .recommendation, .decide, .decideMap, .brief, .briefField, .help]
        return listed + ViewID.allCases.map(Scope.view).filter { !listed.contains($0) }
    }

    /// A name for places and messages ("reader", "decideHub"): a case's own name.
    public var rawValue: String {
        switch self {
        case .view(.decide): return "decideHub"
        case .view(let id): return id.rawValue
        default: return String(describing: self)
        }
    }

    /// The heading help shows; a key it names comes from the keymap, as in every hint. A view's is
    /// its title.
    public var title: String {
        switch self {
        case .view(.reader): return "Reading a page"
        case .view(.decide): return "Decide (\(Keymap.key(.show(.decide)))): the hub"
        case .view(.help): return "Help (this screen)"
        case .view(let id): return id.title
        case .global: return "Anywhere"
        case .field: return "Typing in a field (search, glossary filter)"
        case .popover: return "Glossary popover"
        case .prompt: return "Find prompt (\(Keymap.key(.find, in: .reader))) and mark prompts (\(Keymap.key(.setMark)), \(Keymap.key(.jumpToMark)))"
        case .decide: return "Decide (\(Keymap.key(.show(.decide)))): menus"
        case .decideTree: return "Decide: a question or a pick"
        case .decidePick: return "Decide: at a pick"
        case .recommendation: return "Decide: the recommendation for the brief (\(Keymap.key(.decide(.recommendation), in: .brief)))"
        case .decideMap: return "Decide: the decision map (\(Keymap.key(.decide(.map), in: .decideTree)))"
        case .brief: return "Decide: the Model Brief form"
        case .briefField: return "Decide: typing in a field of the brief"
        }
    }
}

/// One row of the keymap: the keys, what they do, and the words help and the hint line show.
public struct Binding: Sendable {
    public let keys: [Key]
    public let action: Action
    public let scope: Scope
    /// Worked out when read, so the words may name other keys from this table (`Keymap.key`), which
    /// is still being made while its rows are.
    private let helpText: @Sendable () -> String
    public var help: String { helpText() }
    /// Short words for the one-line hint ("find"); nil keeps the binding out of the hint line.
    public let hint: String?
    /// How help and the hint line name a run of keys too long to list ("a-z" for every letter).
    let label: String?

    public init(_ keys: [Key], _ action: Action, _ scope: Scope, _ help: @autoclosure @escaping @Sendable () -> String,
                hint: String? = nil, label: String? = nil) {
        self.keys = keys; self.action = action; self.scope = scope; self.helpText = help; self.hint = hint; self.label = label
    }

    public var keyLabel: String { label ?? keys.map(\.label).joined(separator: " ") }
}

/// THE keymap: key handling, the help screen and the hint line all read this one table, so help can
/// never disagree with what the keys do. Each screen declares its own keys beside its type
/// (`Screen.bindings`, as Textual's `BINDINGS`); this file keeps Anywhere's, the shared components'
/// (text fields, the popover, prompts) and the one place the table is put together.
public enum Keymap {
    /// Every plain letter, lower and upper case: the keys that type on the brief form.
    static let letters: [Key] = (Array("abcdefghijklmnopqrstuvwxyz") + Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")).map { .char($0) }

    /// The whole table. Help, the hint line and the lookup read one scope's rows at a time, in the
    /// order they are written, so each list below keeps its scopes' rows in that order. The views'
    /// lists come from `ViewID` (each view's type declares its own), so a new view adds nothing here;
    /// Anywhere opens with help's key (every hint line leads with it) and quitting, then the key
    /// of every other view in `ViewID`'s order, then moving about.
    public static let bindings: [Binding] = {
        let screens = ViewID.allCases.map(\.bindings) + decideScreens
        let showing = screens.flatMap { $0.filter { $0.scope == .global } }
        return showing.filter { $0.action == .help } + anywhereFirst + showing.filter { $0.action != .help } + anywhere
            + screens.flatMap { $0.filter { $0.scope != .global } } + components
    }()

    /// The screens Decide pushes, each list in its own file: the menus' scope (the variant trees and
    /// the saved briefs share it), a question or a pick, the recommendation, the map, the brief form.
    static var decideScreens: [[Binding]] {
        [DecideMenuKeys.bindings, TreeSession.bindings, RecommendationScreen.bindings, DecisionMap.bindings, BriefScreen.bindings]
    }

    /// Anywhere (outside text fields), before the keys that show the views.
    static let anywhereFirst: [Binding] = [
        Binding([.char("q"), .ctrl("c")], .quit, .global, "quit (\(Keymap.key(.quit, preferring: .ctrl("c"))) quits from anywhere, even a field)", hint: "quit"),
        Binding([.escape], .cancel, .global, "cancel input, close an overlay, clear find marks"),
    ]

    /// Anywhere, after them.
    static let anywhere: [Binding] = [
        Binding([.backspace, .ctrl("o")], .back, .global, "back to where you were", hint: "back"),
        Binding([.char("F")], .forward, .global, "forward again (undo back)"),
        Binding([.char("j"), .down], .lineDown, .global, "move down"),
        Binding([.char("k"), .up], .lineUp, .global, "move up"),
        Binding([.char(" "), .pageDown, .ctrl("f")], .pageDown, .global, "page down"),
        Binding([.pageUp, .char("b"), .ctrl("b")], .pageUp, .global, "page up"),
        Binding([.char("g"), .home], .top, .global, "top"),
        Binding([.char("G"), .end], .bottom, .global, "bottom"),
        Binding([.enter], .open, .global, "open or follow", hint: "open"),
        Binding([.char("1"), .char("2"), .char("3"), .char("4"), .char("5"), .char("6"), .char("7"), .char("8"), .char("9")],
                .pick(0), .global, "open the item with that number (Contents: Part N; in a text field digits type)"),
        Binding([.char("m")], .setMark, .global, "\(Keymap.key(.setMark)) + letter: bookmark this place"),
        Binding([.char("'")], .jumpToMark, .global, "\(Keymap.key(.jumpToMark)) + letter: jump to a bookmark"),
        Binding([.ctrl("l")], .redraw, .global, "redraw the screen"),
    ]

    /// The components screens share: text fields, the glossary popover, the find and mark prompts.
    static let components: [Binding] = [
        // Text fields: letters type; these keys still act.
        Binding([.escape], .cancel, .field, "stop typing (the text stays)", hint: "done"),
        Binding([.enter], .open, .field, "open the chosen result", hint: "open"),
        Binding([.down, .ctrl("n")], .lineDown, .field, "next result", hint: "next"),
        Binding([.up, .ctrl("p")], .lineUp, .field, "previous result"),
        Binding([.pageDown], .pageDown, .field, "page down"),
        Binding([.pageUp], .pageUp, .field, "page up"),
        Binding([.tab], .switchFocus, .field, "leave the field for the results", hint: "results"),
        Binding([.backspace], .deleteBackward, .field, "delete a character"),
        Binding([.ctrl("u")], .clearField, .field, "clear the field"),
        Binding([.left], .scrollLeft, .field, "move the cursor left"),
        Binding([.right], .scrollRight, .field, "move the cursor right"),
        Binding([.ctrl("c")], .quit, .field, "quit"),
        Binding([.function(1)], .help, .field, "help (digits and letters type here; \(Keymap.key(.cancel, in: .field)) first to use their keys)", hint: "help"),

        // Glossary popover
        Binding([.enter], .open, .popover, "open the term in the glossary", hint: "glossary"),
        Binding([.escape, .backspace, .char("q")], .cancel, .popover, "close (any other key closes it and acts)", hint: "close"),

        // Prompts
        Binding([.enter], .open, .prompt, "find, or confirm", hint: "find"),
        Binding([.escape], .cancel, .prompt, "cancel", hint: "cancel"),
        Binding([.backspace], .deleteBackward, .prompt, "delete a character"),
        Binding([.ctrl("u")], .clearField, .prompt, "clear"),
        Binding([.up], .lineUp, .prompt, "in an empty find prompt: the last words found (the prompt opens empty, as less's)"),
        Binding([.left], .scrollLeft, .prompt, "move the cursor left"),
        Binding([.right], .scrollRight, .prompt, "move the cursor right"),
        Binding([.ctrl("c")], .quit, .prompt, "quit"),
    ]

    static let index: [Scope: [Key: Action]] = {
        var out: [Scope: [Key: Action]] = [:]
        for b in bindings {
            for (n, k) in b.keys.enumerated() {
                var action = b.action
                // A digit picks its own number ("0" is Home's "Continue reading").
                if case .pick = action, case .char(let c) = k, let d = c.wholeNumberValue { action = .pick(d) }
                // A letter bound to typing types itself.
                if case .type = action, case .char(let c) = k { action = .type(c) }
                if out[b.scope, default: [:]][k] == nil { out[b.scope, default: [:]][k] = action }
            }
        }
        return out
    }()

    /// The action a key has in the first scope that binds it.
    public static func action(for key: Key, in scopes: [Scope]) -> Action? {
        for s in scopes { if let a = index[s]?[key] { return a } }
        return nil
    }

    /// The key a hint or a message names for `action` in `scope`, falling back to Anywhere's binding:
    /// every sentence that tells the user a key builds it here, so rebinding one row of the table
    /// changes what every screen says (`KeyNameTests` fails on a key name written out instead).
    /// An action bound nowhere is a programming error; release builds show "?" rather than crash.
    /// `preferring` names a key other than the binding's first while it still does `action` there
    /// (the map says "Esc returns", as a dialog would, though M comes first for the hint line).
    public static func key(_ action: Action, in scope: Scope = .global, preferring: Key? = nil) -> String {
        if let p = preferring, self.action(for: p, in: [scope, .global]) == action { return p.label }
        return key(action, in: [scope])
    }

    /// Every key that does `action` in `scope`, as help lists them ("Enter", "Esc").
    public static func keys(_ action: Action, in scope: Scope) -> [String] {
        bindings.filter { $0.scope == scope && $0.action == action }.flatMap(\.keys)
            .filter { self.action(for: $0, in: [scope, .global]) == action }.map(\.label)
    }

    /// The same for a screen with several scopes, most specific first: the first key that, pressed
    /// there, really does `action` (a key a nearer scope takes for something else is skipped).
    public static func key(_ action: Action, in scopes: [Scope]) -> String {
        let all = scopes + [.global]
        for s in all {
            for b in bindings where b.scope == s && b.action == action {
                if let k = b.keys.first(where: { self.action(for: $0, in: all) == action }) { return k.label }
            }
        }
        assertionFailure("no key does \(action) in \(all)")
        return "?"
    }

    /// How the find prompt ends, as the bindings of the screens that find say it.
    static var findPromptKeys: String {
        "\(key(.open, in: .prompt)) keeps the match, \(key(.cancel, in: .prompt)) goes back"
    }

    /// "1-9": the digit keys that open the item with that number.
    public static var digits: String {
        guard let keys = bindings.first(where: { if case .pick = $0.action { return $0.scope == .global } else { return false } })?.keys,
              let first = keys.first, let last = keys.last else { return "?" }
        return first == last ? first.label : first.label + "-" + last.label
    }

    /// "Tab link · Enter follow · ..." for the hint line, most specific scope first, each key once.
    /// `leaving` out the actions that do nothing where the hint is shown.
    /// `words` renames an action's hint where the view says what it does right now.
    public static func hints(for scopes: [Scope], leaving idle: Set<Action> = [], words renamed: [Action: String] = [:]) -> [(keys: String, words: String)] {
        var out: [(String, String)] = []
        // While matches are marked, `n next match` comes first, so a narrow line drops the others
        // before it (at 40x12 an opened search hit offered no `n`, eleventh retest).
        var first: [(String, String)] = []
        var seenWords: Set<String> = []
        var seenKeys: Set<Key> = []
        for s in scopes {
            for b in bindings where b.scope == s && !idle.contains(b.action) {
                // A view renames a hint it has (an empty name: the key does nothing on what is chosen).
                // A key a nearer scope takes for something else is not offered (q closes the
                // recommendation, so "q quit" would be a lie there).
                guard let hint = b.hint, case let words = renamed[b.action] ?? hint, !words.isEmpty,
                      let key = b.keys.first, !seenKeys.contains(key), !seenWords.contains(words),
                      action(for: key, in: scopes) == b.action else { continue }
                seenKeys.insert(key); seenWords.insert(words)
                if b.action == .findNext { first.append((b.label ?? key.label, words)) } else { out.append((b.label ?? key.label, words)) }
            }
        }
        return first + out
    }
}
