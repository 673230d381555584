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

    /// In the order help lists them; a view added later comes after these.
    public static var allCases: [Scope] {
        let listed: [Scope] = [.global, .reader, .home, .contents, .glossary, .search, .compare, .field, .popover, .prompt,
                               .decideHub, .decide, .decideTree, .decidePick, .recommendation, .decideMap, .brief, .briefField, .help]
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
/// never disagree with what the keys do.
public enum Keymap {
    /// Every plain letter, lower and upper case: the keys that type on the brief form.
    static let letters: [Key] = (Array("abcdefghijklmnopqrstuvwxyz") + Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")).map { .char($0) }

    public static let bindings: [Binding] = [
        // Anywhere (outside text fields)
        Binding([.char("?"), .function(1)], .help, .global, "help: every key", hint: "help"),
        // Help closes like less and vim's :help: q goes back to where it was opened; Esc too, once
        // find marks are cleared (as less's Esc-u, then q).
        Binding([.char("q")], .back, .help, "close help, back to where you were", hint: "close"),
        Binding([.escape], .cancel, .help, "clear find marks; with none, close help"),
        Binding([.char("/")], .find, .help, "find in help (\(Keymap.findPromptKeys))", hint: "find"),
        Binding([.char("n")], .findNext, .help, "next match"),
        Binding([.char("N")], .findPrevious, .help, "previous match"),
        Binding([.char("q"), .ctrl("c")], .quit, .global, "quit (\(Keymap.key(.quit, preferring: .ctrl("c"))) quits from anywhere, even a field)", hint: "quit"),
        Binding([.escape], .cancel, .global, "cancel input, close an overlay, clear find marks"),
        Binding([.char("t")], .show(.contents), .global, "contents: the guide as a tree", hint: "contents"),
        Binding([.char("s")], .show(.search), .global, "search the whole guide", hint: "search"),
        Binding([.char("i")], .show(.glossary), .global, "glossary, filter as you type", hint: "glossary"),
        Binding([.char("c")], .show(.compare), .global, "compare architectures side by side"),
        Binding([.char("d")], .show(.decide), .global, "decision navigator"),
        Binding([.char("H")], .home, .global, "home screen"),
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

        // Reading
        Binding([.tab], .nextLink, .reader, "next link", hint: "link"),
        Binding([.backTab], .previousLink, .reader, "previous link"),
        Binding([.enter], .open, .reader, "follow the link (a glossary term opens in place)", hint: "follow"),
        Binding([.char("]")], .nextSection, .reader, "next section in reading order", hint: "next"),
        Binding([.char("[")], .previousSection, .reader, "previous section"),
        Binding([.char("/")], .find, .reader, "find in this page", hint: "find"),
        Binding([.char("n")], .findNext, .reader, "next match"),
        Binding([.char("N")], .findPrevious, .reader, "previous match"),
        Binding([.left, .char("h")], .scrollLeft, .reader, "scroll a wide table left"),
        Binding([.right, .char("l")], .scrollRight, .reader, "scroll a wide table right"),
        Binding([.char("S")], .sources, .reader, "sources and review dates of the section at the top: titles, years, URLs"),

        // Home
        Binding([.enter], .open, .home, "open the chosen item", hint: "open"),
        Binding([.char("0")], .pick(0), .home, "continue reading where you left off (item 0)"),

        // Contents
        Binding([.enter], .open, .contents, "open the page", hint: "open"),
        Binding([.right, .char("l")], .expand, .contents, "expand", hint: "expand"),
        Binding([.left, .char("h")], .collapse, .contents, "collapse, or go to the parent"),

        // Glossary
        Binding([.char("/"), .char("i")], .focusField, .glossary, "type to filter again", hint: "filter"),
        Binding([.tab], .nextLink, .glossary, "next related term or page", hint: "link"),
        Binding([.backTab], .previousLink, .glossary, "previous link"),
        Binding([.enter], .open, .glossary, "follow the chosen link"),
        Binding([.char(" "), .pageDown], .pageDown, .glossary, "read on in a long entry (\(Keymap.key(.lineDown, in: .glossary))/\(Keymap.key(.lineUp, in: .glossary)) move through the terms)"),
        Binding([.pageUp, .char("b")], .pageUp, .glossary, "back up in a long entry"),
        Binding([.char("S")], .sources, .glossary, "sources and review date of the entry: titles, years, URLs"),

        // Search
        Binding([.char("/"), .char("s")], .focusField, .search, "type a new query", hint: "query"),
        Binding([.enter], .open, .search, "open the page at the hit", hint: "open"),
        Binding([.char("a")], .broaden, .search, "search for any of the words (offered when every word finds little); again: every word"),

        // Compare
        Binding([.char("x")], .toggle, .compare, "pick or drop an architecture", hint: "pick"),
        Binding([.enter], .open, .compare, "show a matrix in the table, or pick (or drop) an architecture", hint: "show"),
        Binding([.tab], .switchFocus, .compare, "switch between the list and the table", hint: "switch"),
        Binding([.char("o")], .sort, .compare, "sort by the next column", hint: "sort"),
        Binding([.char("T")], .transpose, .compare, "transpose the table", hint: "transpose"),
        Binding([.char("X")], .clearSelection, .compare, "drop every picked architecture"),
        Binding([.char("/")], .focusField, .compare, "filter the list as you type (\(Keymap.key(.open, in: .field)) or \(Keymap.key(.switchFocus, in: .field)) keeps the filter; \(Keymap.key(.cancel, in: .field)) drops what was typed; \(Keymap.key(.cancel, in: .compare)) in the list clears a kept one)", hint: "filter"),
        Binding([.left, .char("h")], .scrollLeft, .compare, "scroll the table left"),
        Binding([.right, .char("l")], .scrollRight, .compare, "scroll the table right"),
        Binding([.char("S")], .sources, .compare, "sources and review dates of the architectures shown"),

        // Decide: menus, questions and picks, the brief form. Digits pick an answer, a link or a value.
        // The hub names Enter itself: its other keys are the global ones (Backspace goes back to the
        // view you came from), whose hints would otherwise crowd Enter off a narrow hint line.
        Binding([.enter], .open, .decideHub, "open the chosen item (or press its number)", hint: "open"),
        Binding([.enter], .open, .decide, "open the chosen item", hint: "open"),
        Binding([.char("x"), .delete], .decide(.deleteBrief), .decide, "in the saved briefs: delete the chosen brief or draft (\(Keymap.key(.decide(.deleteBrief), in: .decide)) again confirms)"),
        Binding([.backspace, .left], .back, .decide, "back one step: an answer, a menu, the hub", hint: "back"),
        Binding([.enter], .open, .decideTree, "choose the answer; on the breadcrumb, reopen that question to change it", hint: "choose"),
        Binding([.backspace, .left], .back, .decideTree, "back one answer (before the first: where the tree was chosen)", hint: "back"),
        Binding([.tab], .nextLink, .decideTree, "move along the breadcrumb of answers (\(Keymap.key(.open, in: .decideTree)) reopens one to change it)", hint: "change"),
        Binding([.backTab], .previousLink, .decideTree, "move back along the breadcrumb"),
        Binding([.escape], .cancel, .decideTree, "keep the answer you were changing; leave the breadcrumb"),
        Binding([.char("y")], .decide(.showCommand), .decideTree, "show the equivalent nnguide recommend command", hint: "command"),
        Binding([.char("M")], .decide(.map), .decideTree, "the decision map: the whole tree, your path marked", hint: "map"),
        Binding([.char("r")], .decide(.restart), .decideTree, "start this tree again from its first question"),
        Binding([.char("e")], .decide(.saveRecord), .decideTree, "save the decision record (once you reach a pick)"),
        // Enter leads the pick's hints: it is offered only on a focused link, and 40 columns must keep it then.
        Binding([.enter], .open, .decidePick, "open the link in the reader (\(Keymap.key(.back)) returns), or reopen a breadcrumb question", hint: "open"),
        Binding([.char("e")], .decide(.saveRecord), .decidePick, "save the decision record as Markdown (the file name is shown)", hint: "save"),
        Binding([.tab], .nextLink, .decidePick, "next link, then the breadcrumb answers", hint: "link"),
        Binding([.backspace, .left], .back, .decidePick, "back to the last question", hint: "back"),
        // A pick and the recommendation are long pages: `/` finds there as in the reader.
        Binding([.char("/")], .find, .decidePick, "find on the page of a pick or the recommendation (\(Keymap.findPromptKeys))", hint: "find"),
        Binding([.char("n")], .findNext, .decidePick, "next match"),
        Binding([.char("N")], .findPrevious, .decidePick, "previous match"),
        Binding([.char("v")], .decide(.versus), .decide, "in the saved briefs: mark one, then \(Keymap.key(.decide(.versus), in: .decide)) on another shows the two side by side"),
        Binding([.tab], .nextLink, .recommendation, "move to a link or to a change that would flip the pick"),
        Binding([.enter], .open, .recommendation, "apply the change under the cursor to the brief (on a link: open it)", hint: "open"),
        Binding([.backspace], .back, .recommendation, "undo the last change applied; with none left, back to the form"),
        // As less's q: out, keeping what was applied (Backspace is the undo).
        Binding([.escape, .char("q")], .cancel, .recommendation, "back to the form, keeping the changes applied (\(Keymap.key(.cancel, in: .recommendation)) first leaves a chosen link or find marks)"),
        Binding([.enter], .open, .decideMap, "jump to the chosen question or pick", hint: "jump"),
        Binding([.char("M"), .escape, .backspace], .decide(.map), .decideMap, "close the map, back where you were", hint: "close"),
        // The brief form types as a select box or fzf does: every letter types (on a choice, the value's
        // name, filtered as it is typed), so the form's commands are control keys, as in nano and
        // Textual's footers. Some letters typing and others acting had run `e` and `x` inside "tabular".
        Binding(letters, .type("a"), .brief, "type: a choice's name (filtered as you type; \(Keymap.key(.open, in: .briefField)) takes it), a number, the notes", hint: "type", label: "a-z"),
        Binding([.down, .tab], .lineDown, .brief, "next field", hint: "field"),
    ] + formCommands(.brief) + [
        Binding([.escape, .backspace], .back, .brief, "back to the decision hub (the brief is kept)", hint: "back"),
        Binding([.right], .decide(.nextValue), .brief, "next value of a choice", hint: "value"),
        Binding([.left], .decide(.previousValue), .brief, "previous value of a choice"),
        Binding([.up, .backTab], .lineUp, .brief, "previous field"),
        Binding([.char("1"), .char("2"), .char("3"), .char("4"), .char("5"), .char("6"), .char("7"), .char("8"), .char("9")],
                .pick(0), .brief, "choose the value with that number; on a number field, start typing it"),
        Binding([.enter], .open, .brief, "edit the field's value (a choice: type its name, filtered as you type; \(Keymap.key(.open, in: .briefField)) again takes it)"),
        Binding([.delete], .decide(.clearValue), .brief, "clear the field (not set)"),
        Binding([.enter], .open, .briefField, "finish typing (letters type until then; \(Keymap.key(.deleteBackward, in: .briefField)) deletes)", hint: "done"),
        // Esc was Enter's twin, so text that did not parse could not be left at all (Enter keeps it to mend).
        Binding([.escape], .cancel, .briefField, "stop typing; the field keeps the value it had before"),
        Binding([.down, .tab], .lineDown, .briefField, "finish typing, next field", hint: "next"),
        Binding([.up, .backTab], .lineUp, .briefField, "finish typing, previous field"),
        Binding([.backspace], .deleteBackward, .briefField, "delete a character", hint: "delete"),
        Binding([.ctrl("u")], .clearField, .briefField, "clear the field"),
        Binding([.left], .scrollLeft, .briefField, "move the cursor left"),
        Binding([.right], .scrollRight, .briefField, "move the cursor right"),
        Binding([.ctrl("c")], .quit, .briefField, "quit (the brief is kept as a new file)"),
        Binding([.function(1)], .help, .briefField, "help (\(Keymap.key(.help)) and letters type here)", hint: "help"),
    ] + formCommands(.briefField) + [

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
        Binding([.left], .scrollLeft, .prompt, "move the cursor left"),
        Binding([.right], .scrollRight, .prompt, "move the cursor right"),
        Binding([.ctrl("c")], .quit, .prompt, "quit"),
    ]

    /// The brief form's commands, on control keys so that every letter types there (^S saves, as in
    /// nano; ^O is back here as everywhere, so ^T opens a saved brief). They act while typing too,
    /// once the text is taken (as Enter takes it), so a name typed and then saved is never a key that
    /// silently did nothing.
    static func formCommands(_ scope: Scope) -> [Binding] {
        let typing = scope == .briefField
        let rows: [(Character, DecideAction, String, String?)] = [
            ("s", .saveBrief, "save the brief (always a new file, never overwrites)", "save"),
            ("r", .recommendation, "the whole recommendation: why, why not, warnings, links", "result"),
            ("t", .openBrief, "open a saved brief", "open"),
            ("n", .newBrief, "start a new, empty brief (unsaved changes are kept as a draft)", "new"),
            ("p", .walkPath, "step through the decision path this brief takes", nil),
            ("e", .saveRecord, "save the recommendation as a Markdown decision record", nil),
            ("y", .showCommand, "show the equivalent nnguide recommend command", nil),
        ]
        return rows.map { c, action, help, hint in
            Binding([.ctrl(c)], .decide(action), scope, typing ? "take what is typed, then " + help : help, hint: typing ? nil : hint)
        }
    }

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
                out.append((b.label ?? key.label, words))
            }
        }
        return out
    }
}
