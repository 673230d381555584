import NNGuideCore

/// Work `update` asks for and cannot do itself, because it never touches the disk or the clock. The
/// explorer's loop hands each command to a `CommandRunner` (NNGuideEffects) and feeds the result back through `update`
/// as an `Event`, so a log of events replays a whole session.
public enum Command: Sendable, Equatable {
    /// Write the reading state (where you are, bookmarks, what was read).
    case saveReading(ReadingState)
    /// The decision record of a path stepped through by hand, or of the brief's recommendation.
    case saveRecord(RecordSource)
    /// Save the brief with `w`: its fields and, once it has a pick, what it decides on the day it is saved.
    /// `over`: the saved brief it was opened from, written back as nano's ^S writes the file it opened.
    case saveBrief(values: [BriefField: BriefValue], name: String, over: String? = nil)
    case listBriefs
    /// Delete a saved brief or draft the user chose and confirmed (the list is read again after).
    case deleteBrief(path: String)
    /// On the way out: a brief with changes not in any file is kept in `briefs/drafts`.
    /// `continuing`: the file the brief was opened from; a draft there is replaced, not copied.
    case keepDraft(values: [BriefField: BriefValue], name: String, continuing: String? = nil)
    /// The whole guide, after the first frame was drawn from the content cache's preview.
    case loadWholeGuide
}

/// How a command went, as `update` receives it.
public enum CommandResult: Sendable, Equatable {
    /// The reading state was written, or why not (a one-line warning).
    case readingSaved(warning: String?)
    case recordSaved(path: String)
    case recordFailed(String)
    /// `new` is false when a file with exactly this brief was there already (nothing was written).
    case briefSaved(path: String, new: Bool)
    /// The same brief was saved before: its `decided:` record was brought up to today in place. `was`
    /// is the pick it recorded, when today's differs ("BM25 (bm25) on 2026-12-01").
    case briefUpdated(path: String, was: String?)
    case briefFailed(String)
    /// The saved briefs, then the drafts, and the folder they are in.
    case briefsListed([SavedBrief], folder: String)
    /// `problem` is nil when the file is gone; either way `remaining` is the list read again after.
    case briefDeleted(path: String, problem: String?, remaining: [SavedBrief], folder: String)
    case draftKept(path: String, new: Bool)
    case draftFailed(String)
}

/// Who a command's result goes back to: the screen that ran the command (by its id, so the result
/// reaches it wherever it is on its stack), or the app itself (the reading state, a draft on the way
/// out). `update` gives each command its asker; `settle` addresses the result to it.
public struct Asker: Sendable, Hashable {
    let screen: ScreenID?
    public static let app = Asker(screen: nil)
}

/// Everything that changes the explorer's state: `update(state, event)` is the only way it changes.
public enum Event: Sendable {
    /// A key (resizes and mouse events are keys too) and when it was read, in seconds on a clock that
    /// only goes forward. The time drives the reading state's save throttle, so a replay is exact.
    case key(Key, at: Double)
    /// A command's result, addressed to the screen that asked (a `CommandRunner` leaves it to
    /// `settle`, which knows who asked).
    case done(CommandResult, to: Asker = .app)
    /// The whole guide arriving after the preview; nil when it failed to load (the loop restores the
    /// terminal and prints why).
    case wholeGuide(Guide?)
    /// SIGTERM or SIGHUP: leave the way `q` does, saves and draft included. After a hang-up there is
    /// no terminal to tell, so nothing is printed.
    case quitSignal(hangUp: Bool)
}

/// One event through `update`, then every command it asks for through `run`, each result fed back
/// the same way (first asked, first run) until none is left. This is the explorer's loop body; tests
/// use it with a `CommandRunner` on temporary folders. `events` is everything `update` saw, in order:
/// replaying it from the same start state gives the same state and the same commands.
public func settle(_ state: AppState, _ event: Event, run: (Command, Guide) -> Event)
    -> (state: AppState, commands: [Command], events: [Event]) {
    var (s, queue) = step(state, event)
    var commands = queue.map(\.command)
    var events = [event]
    while !queue.isEmpty {
        let (command, asker) = queue.removeFirst()
        var result = run(command, s.guide)
        if case .done(let r, _) = result { result = .done(r, to: asker) }
        events.append(result)
        let (next, more) = step(s, result)
        s = next
        queue += more
        commands += more.map(\.command)
    }
    return (s, commands, events)
}
