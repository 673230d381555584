import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif
import NNGuideCore
import NNGuideEffects
import NNGuideTerminal
import NNGuideUI

/// The explorer's terminal (the executable has its own `Terminal` helpers for plain output).
typealias FullScreen = NNGuideTerminal.Terminal

/// `nnguide` with no subcommand. On a terminal it opens the explorer; when stdin or stdout is not
/// a terminal, or the terminal cannot show it (TERM=dumb, unknown), it prints the contents and says
/// which plain commands to use, never an escape sequence, never waiting for keys.
enum Explorer {
    /// `nnguide` itself. On a terminal with a content cache, the home screen is drawn from the cache's
    /// outline (titles only) and the content is checked and the whole guide decoded after it: the
    /// first frame costs what the home screen shows, however large the guide. Otherwise the guide is
    /// loaded first.
    static func run(content: GuideSource, open: String?, mouse: Bool) throws {
        guard open == nil, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, FullScreen.check() == nil else {
            return try run(guide: content.load(), open: open, mouse: mouse)
        }
        // Only the character type (UTF-8 or not, wide characters for curses): loading every other
        // category of the locale cost a dozen file reads before the first frame, and nothing else
        // here formats through the C library.
        setlocale(LC_CTYPE, "")
        let store = StateStore(directory: StateStore.defaultDirectory())
        let stateFile = store.read()
        // The home screen stored finished on the way out of the last session, for exactly this reading
        // state (the file's bytes), content, executable and terminal: drawn before the state is
        // decoded or the guide or the views are touched. A frame is only ever stored for a state file
        // that decodes, so one found here needs no warning. The session then draws its own first
        // frame over it, the same cells, so nothing more is sent.
        var terminal: FullScreen?
        var predrawn: Buffer?
        if case .unreadable = stateFile {} else if let path = content.cache.frameFile(overlays: content.overlays) {
            // The key is worked out only when there is a frame to check it against: it looks at every
            // content file's name and size, which a new account, with no frame, would do for nothing.
            if let stored = StoredFrameFile.read(path, key: frameKey(content, stateBytes: stateFile.bytes, mouse: mouse)?.key) {
                let t = try openTerminal(mouse: mouse)
                terminal = t
                if t.width == stored.width && t.height == stored.height {
                    t.draw(stored, full: true)
                    predrawn = stored
                }
            }
            trace(predrawn != nil ? "home screen from the stored frame \(path)" : "no stored frame for this state, content and terminal")
        }
        let (saved, warning, _) = store.decode(stateFile)
        // Printed before the explorer takes the screen (the message line shows it too); there is
        // never one over a stored frame.
        if let warning, terminal == nil { printError(warning) }
        guard let preview = content.cache.preview(pages: pagesShown(saved)) else {
            // (Cannot follow a stored frame, which needs the file the preview reads; were it to, the
            // terminal goes back before the YAML is read, so its errors print on the normal screen.)
            terminal?.restore()
            return try session(content.load(), content: content, store: store, saved: saved, warning: warning, open: nil, mouse: mouse)
        }
        try session(preview.skeleton, full: {
            do throws(ContentError) {
                let whole: Guide
                if let w = preview.whole() { whole = w } else { whole = try content.cache.load() }
                return .success(try content.overlaid(whole))
            } catch { return .failure({ content.report(error) }) }
        }, content: content, terminal: terminal, predrawn: predrawn, store: store, saved: saved, warning: warning, open: nil, mouse: mouse)
    }

    /// The pages the home screen names: where you left off and your bookmarks (the preview holds them).
    static func pagesShown(_ saved: ReadingState) -> [String] {
        ([saved.last?.page] + saved.bookmarks.values.map(\.page)).compactMap { $0 }
    }

    /// Where the stored first frame for this content is kept and its key for this reading state
    /// (the file's bytes), terminal and environment; nil when the cache is off or there is nothing
    /// to draw a preview from.
    static func frameKey(_ content: GuideSource, stateBytes: [UInt8]?, mouse: Bool) -> (path: String, source: String, key: UInt64)? {
        guard let path = content.cache.frameFile(overlays: content.overlays), let source = content.cache.previewSource() else { return nil }
        var overlays: UInt64?
        if !content.overlays.isEmpty {
            guard let key = ContentCache.overlaySource(content.overlays) else { return nil }
            overlays = key
        }
        let key = StoredFrame.Key(source: source.key, overlays: overlays, state: stateBytes, terminal: FullScreen.drawingEnvironment(),
                                  ascii: FullScreen.needsASCII(), mouse: mouse)
        return (path, source.path, key.value)
    }

    /// On the way out: stores the frame the next start will draw first, from the reading state as
    /// it is now on disk, drawn exactly as `session` draws it (over the preview, `firstState`; with
    /// overlays, over the whole guide with them merged, as the first frame is once they are).
    /// Nothing when the state file is unreadable or corrupt (the next start warns instead), when
    /// the cache is off, when the preview would come from another file than the key names, or when
    /// the guide or its overlays no longer load.
    static func storeFirstFrame(_ content: GuideSource, store: StateStore, width: Int, height: Int, mouse: Bool) {
        var saved = ReadingState()
        var bytes: [UInt8]?
        if let peeked = store.peek() {
            (saved, bytes) = (peeked.state, peeked.bytes)
        } else if store.hasFile {
            return   // there, but not readable as a state
        }
        guard let frame = frameKey(content, stateBytes: bytes, mouse: mouse),
              let preview = content.cache.preview(pages: pagesShown(saved)), preview.source == frame.source else { return }
        // The overlays are read after their key was taken, so a file changed in between makes the
        // key miss next time, never a stale frame.
        var guide = preview.skeleton
        if !content.overlays.isEmpty {
            guard let whole = preview.whole(), let merged = try? content.overlaid(whole) else { return }
            guide = merged
        }
        let first = firstState(guide, width: width, height: height, saved: saved, warning: nil, mouse: mouse, startedAt: 0)
        StoredFrameFile.write(render(first), key: frame.key, to: frame.path)
    }

    /// The explorer's state for its first frame: the home screen over `guide` for this reading state.
    static func firstState(_ guide: Guide, width: Int, height: Int, saved: ReadingState, warning: String?,
                           mouse: Bool, startedAt: Double) -> AppState {
        AppState(library: Library(guide: guide), width: width, height: height, reading: saved,
                 glyphs: FullScreen.needsASCII() ? .plain : .unicode, mouse: mouse, startedAt: startedAt,
                 message: warning.map { $0.replacing("nnguide: ", with: "") }, homeFolder: Environment.process["HOME"])
    }

    /// With `NNGUIDE_TRACE_LOAD` set, says on standard error how the first frame was drawn.
    static func trace(_ line: String) {
        if Environment.process[CompiledGuide.traceVariable] != nil { printError("nnguide: " + line) }
    }

    /// Takes over the terminal, or says why it cannot (exit status 1).
    static func openTerminal(mouse: Bool) throws -> FullScreen {
        do {
            return try FullScreen(ascii: FullScreen.needsASCII(), mouse: mouse)
        } catch {
            printError("nnguide: \(error). \(plainCommands)")
            throw ExitCode(1)
        }
    }

    static func run(guide: Guide, open: String?, mouse: Bool) throws {
        if let open { _ = try resolvedTarget(open, in: guide) }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            // `nnguide --open ID | less` reads like `nnguide show ID`; without --open, the contents.
            if let open, printOpened(open, guide) { return }
            printContents(guide)
            if isatty(STDERR_FILENO) == 1 {
                printError("nnguide: not a terminal, so here are the contents. \(plainCommands)")
            }
            return
        }
        if let problem = FullScreen.check() {
            printContents(guide)
            printError("nnguide: \(problem). \(plainCommands)")
            return
        }
        setlocale(LC_CTYPE, "")
        let store = StateStore(directory: StateStore.defaultDirectory())
        let (saved, warning) = store.load()
        if let warning { printError(warning) }
        try session(guide, content: nil, store: store, saved: saved, warning: warning, open: open, mouse: mouse)
    }

    /// How the whole guide arrives after a preview was drawn: loaded, or (when the content changed
    /// since the cache and no longer loads) a report to print once the terminal is restored.
    enum Loaded { case success(Guide), failure(() -> ExitCode) }

    /// Takes over the terminal (unless `terminal` already has, with `predrawn` on it) and runs until
    /// quit. `guide` draws the first frame; when `full` is given, `guide` is only a preview and `full`
    /// supplies the whole guide right after that frame. With `content`, the home screen the next
    /// start draws first is stored on the way out (`storeFirstFrame`).
    static func session(_ guide: Guide, full: (() -> Loaded)? = nil, content: GuideSource?, terminal given: FullScreen? = nil,
                        predrawn: Buffer? = nil, store: StateStore, saved: ReadingState,
                        warning: String?, open: String?, mouse: Bool) throws {
        let terminal = try given ?? openTerminal(mouse: mouse)
        defer { terminal.restore() }
        // Key events carry the time they were read on this clock (it only goes forward): `update`
        // throttles the reading state's saves by it and never reads a clock itself.
        // (CLOCK_MONOTONIC, as `ProcessInfo.systemUptime` reads it, without setting up ProcessInfo
        // before the first frame.)
        let clock = { () -> Double in
            var t = timespec()
            clock_gettime(CLOCK_MONOTONIC, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        // The first screen, and the commands to run once it is drawn (the whole guide after a preview).
        var (state, first) = start(firstState(guide, width: terminal.width, height: terminal.height, saved: saved,
                                              warning: warning, mouse: mouse, startedAt: clock()),
                                   opening: open.flatMap { target($0, in: guide) }, preview: full != nil)
        // Over a stored frame nothing is drawn until the whole guide is there: the stored frame is the
        // screen that gives (with overlays, merged; the preview lacks them), so only the cells that
        // differ from it are sent, none when nothing changed.
        if predrawn == nil || first.isEmpty { terminal.draw(render(state), full: predrawn == nil) }

        // Decision records go where nnguide was started; briefs under the state folder. (After the
        // first frame: FileManager's first use costs more than drawing it.)
        let decisionFiles = DecisionFiles(stateDirectory: store.directory, workingDirectory: FileManager.default.currentDirectoryPath)
        var failure: (() -> ExitCode)?
        let runner = CommandRunner(files: decisionFiles, store: store, wholeGuide: full.map { full in {
            switch full() {
            case .success(let whole): return whole
            case .failure(let report): failure = report; return nil
            }
        } })
        if !first.isEmpty {
            // Before any key. The same screen over the whole guide: only what the content changed since
            // the cache (usually nothing) is redrawn.
            for command in first { state = runner.settle(state, runner.run(command, guide: state.guide)).state }
            if state.guideFailed {
                terminal.restore()
                throw failure?() ?? ExitCode(65)
            }
            let whole = render(state)
            terminal.draw(whole, full: false)
            if let predrawn { trace(whole == predrawn ? "the whole guide left the stored frame as it was" : "the whole guide redrew the stored frame") }
        }
        // SIGTERM and SIGHUP leave through the same saves as `q` (in `update`), then end the program.
        terminal.leaveOnSignals()
        state = RunLoop.run(state, on: terminal, runner: runner, clock: clock)
        // After a hang-up there is nothing to print to (`farewell` is empty then); the files are saved all the same.
        for line in state.farewell { printError(line) }
        if let content, terminal.quitSignal == nil, !state.hungUp {
            storeFirstFrame(content, store: store, width: terminal.width, height: terminal.height, mouse: mouse)
        }
        FullScreen.endOfPendingSignal()
    }

    typealias Target = Opening

    /// What `--open` names, read by the guide's own resolver (`Guide.resolve`, as `nnguide show` reads
    /// its ID): a page, section, table or figure id, a glossary id, term or alias, `g:ID`, `a:ID`, a
    /// title or an unambiguous part of one. An architecture opens its deep-dive page.
    static func target(_ name: String, in guide: Guide) -> Target? {
        guard case .found(let item) = guide.resolve(name) else { return nil }
        return target(item)
    }

    static func target(_ item: GuideItem) -> Target {
        switch item {
        case .page, .table, .figure: return .page(item.id)
        case .glossary(let e): return .glossary(e.id)
        case .architecture(let a): return .page(a.deepDive)
        }
    }

    /// The target, or the reason there is none as `nnguide show` gives it: the closest names, or
    /// every item the name fits (exit status 1 either way).
    static func resolvedTarget(_ name: String, in guide: Guide) throws -> Target {
        switch guide.resolve(name) {
        case .found(let item):
            return target(item)
        case .ambiguous(let items):
            throw ambiguous(name, items, guide)
        case .notFound(let close):
            throw notFound("no page, section, table, figure or glossary term is called '\(name)'",
                           hint: "`nnguide toc` lists every id, `nnguide glossary` every term",
                           suggestions: close.map { "\($0.id) (\($0.title))" })
        }
    }

    static var plainCommands: String {
        let names = NNGuide.configuration.subcommands.map { $0._commandName }.filter { $0 != "help" }
        return "For plain output use the subcommands (\(names.map { "nnguide \($0)" }.joined(separator: ", "))); 'nnguide --help' lists them."
    }

    /// The page, table, figure or glossary entry `--open` names, as plain text.
    static func printOpened(_ name: String, _ guide: Guide) -> Bool {
        let r = TextRenderer(guide: guide, width: Terminal.columns(), style: BoxStyle.from(environment: ProcessEnvironment.current))
        switch target(name, in: guide) {
        case .page(let id)?:
            guard let text = r.render(id: id) else { return false }
            emit(text)
        case .glossary(let id)?:
            guard let e = guide.glossaryEntry(id) else { return false }
            emit(r.glossaryEntry(e))
        case nil:
            return false
        }
        return true
    }

    /// The guide's contents with their ids, exactly as `nnguide toc` prints them.
    static func printContents(_ guide: Guide) {
        let style = BoxStyle.from(environment: ProcessEnvironment.current)
        emit(TextRenderer(guide: guide, width: Terminal.columns(), style: style).contents())
    }
}
