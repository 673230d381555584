import NNGuideCore

/// The explorer's one state transition, and the only way its state changes. Pure: it never reads the
/// disk or the clock, so replaying the same events from the same start gives the same session. What it
/// cannot do itself (disk work, loading the whole guide) it returns as commands; the loop runs them
/// and feeds each result back as an event (`settle`).
public func update(_ state: AppState, _ event: Event) -> (AppState, [Command]) {
    let (s, asked) = step(state, event)
    return (s, asked.map(\.command))
}

/// `update`, with the screen that asked for each command: its result is addressed there (`settle`).
func step(_ state: AppState, _ event: Event) -> (AppState, [(command: Command, asker: Asker)]) {
    var s = state
    s.pending = []
    s.handle(event)
    let commands = s.pending
    s.pending = []
    return (s, commands)
}

/// Where `--open` starts the explorer: a page, section, table or figure, or a glossary entry.
public enum Opening: Sendable, Equatable {
    case page(String)
    case glossary(String)
}

/// The explorer's first step, as Bubble Tea's `Init() Cmd`: the first screen (`--open`'s place) and
/// the commands the loop runs once that screen is drawn, so the loop does nothing of its own outside
/// `update`. `preview`: the state shows the content cache's preview, so the whole guide is asked for.
public func start(_ state: AppState, opening: Opening?, preview: Bool) -> (AppState, [Command]) {
    var s = state
    switch opening {
    case .page(let id)?: s.openPage(id)
    case .glossary(let id)?: s.openGlossary(id)
    case nil: break
    }
    return (s, preview ? [.loadWholeGuide] : [])
}

/// A key, its commands dropped: for tests that only look at screens.
public func update(_ state: AppState, _ key: Key) -> AppState {
    update(state, .key(key, at: 0)).0
}

extension AppState {
    mutating func handle(_ event: Event) {
        switch event {
        case .key(let key, let time):
            let wasQuitting = quit
            apply(key)
            rememberBrief()
            if quit { if !wasQuitting { leave() } } else { saveReadingIfDue(at: time) }
        case .done(let result, let asker):
            receive(result, to: asker)
            rememberBrief()
        case .wholeGuide(let whole?):
            // The same state over the whole guide: only the library changes, so every field carries
            // over (a state rebuilt by hand here once lost the home folder).
            replaceLibrary(Library(guide: whole))
        case .wholeGuide(nil):
            // Nothing was changed on the preview, so there is nothing to save: the loop reports and ends.
            guideFailed = true
            quit = true
        case .quitSignal(let hangUp):
            hungUp = hangUp
            if !quit { leave() }
        }
    }

    mutating func apply(_ key: Key) {
        message = nil
        redraw = false
        switch key {
        case .resize(let w, let h):
            width = max(0, w); height = max(0, h)
            fitAll()
            return
        case .mouse(let x, let y, let button):
            let closed = closeWhatHasTheKeys()
            guard !tooSmall, !closed else { return }
            mouse(x: x, y: y, button)
            return
        default: break
        }
        if tooSmall {
            // Only what makes sense without a screen, by the keys Anywhere binds (the message names
            // the quit key from there too): everything else waits for a larger window.
            switch Keymap.action(for: key, in: [.global]) {
            case .quit?: quit = true
            case .redraw?: redraw = true
            default: break
            }
            return
        }
        if case .alt(let c) = key {
            // A terminal sends Alt-x as Esc then x, as it sends the two typed quickly: read as vim does,
            // Esc and then the key; only the message names the key that was pressed.
            apply(.escape)
            apply(.char(c))
            if message == nothing(.char(c)) { message = nothing(key) }
            return
        }
        if modalOnTop { modalKey(key); return }
        if current.prompt != nil { promptKey(key); return }
        if let mark = bookmarkKey { bookmarkKey = nil; bookmark(mark, key); return }
        if typing {
            if let a = Keymap.action(for: key, in: current.typingScopes) ?? key.typed { perform(a) }
            return
        }
        var pasted: Action?
        if case .paste(let text) = key, current.pasteStartsTyping { pasted = .paste(text) }
        guard let action = Keymap.action(for: key, in: current.scopes + [.global]) ?? pasted else {
            message = key == .unknown ? nil : nothing(key)
            return
        }
        perform(action)
    }

    /// What a key that does nothing says: the key as pressed, and the way to every key. A paste is
    /// dropped, never read as keys.
    func nothing(_ key: Key) -> String {
        if case .paste = key { return "A paste goes into a text field (search, a filter, a brief's value), not here" }
        return "\(key.label) does nothing here" + helpPointer
    }

    mutating func perform(_ action: Action) {
        switch action {
        case .quit: quit = true
        case .redraw: redraw = true
        case .help: showView(.help)
        case .home: go(.view(.home))
        case .show(let id): showView(id)
        case .back: back()
        case .forward: forward()
        case .setMark: bookmarkKey = .set
        case .jumpToMark:
            if reading.bookmarks.isEmpty { message = "No bookmarks yet: \(Keymap.key(.setMark)) and a letter sets one" } else { bookmarkKey = .jump }
        default:
            let effect = onTop(.handle(action))
            apply(effect, for: action)
        }
        remember()
    }

    mutating func apply(_ effect: Effect, for action: Action) {
        switch effect {
        case .none: break
        case .unhandled:
            switch action {
            case .cancel: break
            case .pick(let n): message = "No choice \(n) here"
            case .paste: message = nothing(.paste(""))
            default: message = "Nothing to do here for that key" + helpPointer
            }
        case .message(let m): message = m
        case .openPage(let id, let find): openPage(id, find: find)
        case .openHit(let id, let find, let block): openPage(id, find: find, block: block)
        case .resume(let place): go(.page(place))
        case .follow(let target): follow(target)
        case .openGlossary(let id):
            glossary.select(id, context)
            go(.view(.glossary))
        case .show(let id): showView(id)
        case .showSources(let note): pushBox(SourcesBox(note: note))
        // A screen's command is taken with its id where the screen returns it (`run(_:_:)`).
        case .run(let command): pending.append((command, .app))
        }
    }

    /// Where a message about a key that does nothing points: to help, unless help is where you are.
    var helpPointer: String {
        current.idleActions.contains(.help) ? "" : "; \(Keymap.key(.help)) lists every key"
    }

    /// A view asked for by its key: goes there and lets it start fresh (typing, showing your place,
    /// the hub rather than a screen over it); a pushed one (Help) is pushed over what is showing.
    mutating func showView(_ id: ViewID) {
        guard !id.pushed else { push(id); return }
        go(.view(id))
        clearStack()
        let effect = run(.view(id), .activate)
        fitTop()
        apply(effect, for: .show(id))
    }

    // MARK: navigation

    mutating func go(_ loc: Location) {
        let here = location
        if loc != here {
            history.append(here)
            if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
            forwardHistory.removeAll()
        }
        show(loc)
    }

    mutating func show(_ loc: Location) {
        switch loc {
        case .view(let id):
            closePushedViews()
            base = id
            fitTop()
        case .page(let p):
            guard Reading.unit(for: p.page, in: guide) != nil else { message = "No page \(p.page)"; return }
            closePushedViews()
            reader.open(p, context)
            base = .reader
            markRead()
        }
    }

    mutating func forward() {
        guard let next = forwardHistory.popLast() else { message = "Nothing to go forward to"; return }
        history.append(location)
        show(next)
    }

    /// Opens a page, section, table or figure id; `block` scrolls to one block of the page (a
    /// search hit's paragraph), `find` marks words in it.
    mutating func openPage(_ id: String, find: String? = nil, block: Int? = nil) {
        guard let pid = guide.pageID(showing: id) else { message = "No page \(id)"; return }
        go(.page(Position(page: pid)))
        if pid != id { reader.scroll(toPlace: id, context) }
        if let block, block >= 0 { reader.scroll(toPlace: Document.place(pid, block: block), context) }
        if let find, !find.isEmpty { reader.setFind(find, from: reader.top, context, anyWord: true) }
        remember()
    }

    /// Opens a glossary term in the glossary view (`--open` with a term).
    mutating func openGlossary(_ id: String) {
        glossary.select(id, context)
        go(.view(.glossary))
        remember()
    }

    mutating func follow(_ target: LinkTarget) {
        switch target {
        case .page(let id): openPage(id)
        case .glossary(let id): popover(id)
        case .glossaryTerm(let term):
            if let e = guide.glossaryEntry(forTerm: term) { popover(e.id) }
        case .architecture(let id):
            if let a = guide.architecture(id) { openPage(a.deepDive) }
        }
    }

    mutating func popover(_ id: String) {
        if screen == .reader {
            pushBox(GlossaryPopover(glossaryID: id, linkRow: reader.focusedRow(context)))
        } else { openGlossary(id) }
    }

    /// Keeps "continue reading" pointing at the page on screen, and ticks what was read.
    mutating func remember() {
        if screen == .reader && !reader.unit.isEmpty { reading.last = reader.position(context); markRead() }
    }

    /// Ticks the sections whose end is on screen (read to the end, or shown whole); never a
    /// section's subsections just because it was opened.
    mutating func markRead() {
        guard screen == .reader && !reader.unit.isEmpty else { return }
        for id in reader.readOnScreen(context) where !reading.visited.contains(id) { reading.visited.insert(id) }
    }

    // MARK: what takes the keys over the screen

    /// A key for the modal box on top: one of its own, or it closes and the key acts beneath.
    mutating func modalKey(_ key: Key) {
        if let action = Keymap.action(for: key, in: current.scopes) {
            let effect = onTop(.handle(action))
            if effect != .unhandled { apply(effect, for: action); return }
        }
        pop()
        apply(key)
    }

    /// A key for the find prompt of the screen on top (`Screen.promptKey`).
    mutating func promptKey(_ key: Key) {
        let action = Keymap.action(for: key, in: [.prompt]) ?? key.typed
        if action == .quit { quit = true; return }
        message = withTop(PromptKey(action: action))
    }

    /// A mouse event: the modal box, the find prompt or the bookmark key that had the keys closes
    /// (the marks typed stay), and the event does nothing else. True when something did.
    mutating func closeWhatHasTheKeys() -> Bool {
        if modalOnTop { pop(); return true }
        if bookmarkKey != nil { bookmarkKey = nil; return true }
        guard current.prompt != nil else { return false }
        withTop(Tell.closePrompt)
        return true
    }

    /// The letter after the bookmark key.
    mutating func bookmark(_ mark: BookmarkKey, _ key: Key) {
        // The mark prompts' keys are the prompts' (help lists them under one heading, and the hint
        // names the cancel key from there): quit quits, cancel says nothing, a letter is the mark.
        switch Keymap.action(for: key, in: [.prompt]) {
        case .quit?: quit = true; return
        case .cancel?: return
        default: break
        }
        guard case .char(let c) = key, c.isLetter, c.isASCII else {
            message = "Bookmarks are letters a-z; nothing changed"
            return
        }
        let name = String(c)
        switch mark {
        case .set:
            if let place = bookmarkablePosition() {
                reading.bookmarks[name] = place
                let jump = Keymap.key(.jumpToMark)
                message = "Bookmark \(name) set at \(guide.breadcrumb(place.page).joined(separator: " \(glyphs.sep) ")) (\(jump)\(name) returns)"
            } else { message = "Bookmarks mark a place in a page: open a page first" }
        case .jump:
            if let place = reading.bookmarks[name] {
                go(.page(place))
            } else {
                message = "No bookmark \(name); set one with \(Keymap.key(.setMark))\(name)"
            }
        }
    }

    func bookmarkablePosition() -> Position? {
        if screen == .reader { return reader.position(context) }
        return nil
    }

    // MARK: mouse

    mutating func mouse(x: Int, y: Int, _ button: Key.MouseButton) {
        switch button {
        case .wheelUp: for _ in 0..<3 { perform(.lineUp) }
        case .wheelDown: for _ in 0..<3 { perform(.lineDown) }
        case .click:
            guard contentRect.contains(x: x, y: y) else { return }
            let effect = onTop(.click(x: x, y: y))
            if effect != .unhandled { apply(effect, for: .open) }
            remember()
        }
    }
}
