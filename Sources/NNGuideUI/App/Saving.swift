import NNGuideCore

/// The reading state's saves as `update` decides them: what was last sent to disk, when (on the clock
/// the key events carry), and the first warning a save gave.
public struct ReadingSaves: Sendable, Equatable {
    public var onDisk: ReadingState
    public var lastSave: Double
    /// Shown once in the message line, and printed again after the terminal is restored.
    public var warning: String?

    /// The reading position alone is saved at most this often; everything else at once.
    public static let interval: Double = 5
}

extension AppState {
    /// After a key: bookmarks, what was read and a change of page are saved at once; a move within a
    /// page at most every `ReadingSaves.interval` seconds (the next key after that saves it).
    mutating func saveReadingIfDue(at time: Double) {
        let disk = saves.onDisk
        guard reading != disk else { return }
        guard reading.bookmarks != disk.bookmarks || reading.visited != disk.visited || reading.brief != disk.brief
              || reading.last?.page != disk.last?.page || time - saves.lastSave > ReadingSaves.interval else { return }
        pending.append((.saveReading(reading), .app))
        saves.onDisk = reading
        saves.lastSave = time
    }

    /// On the way out (`q`, Ctrl-C, SIGTERM, SIGHUP): the reading state if it changed since the last
    /// save (Decide's tree sessions in progress included), and a brief with changes not yet in a
    /// file, kept as a draft so quitting loses nothing.
    mutating func leave() {
        quit = true
        keepSessions()
        if reading != saves.onDisk {
            pending.append((.saveReading(reading), .app))
            saves.onDisk = reading
        }
        if draft.unsaved {
            pending.append((.keepDraft(values: draft.values, name: draft.baseName, continuing: draft.file), .app))
        }
    }

    /// The reading state and draft results are the app's; the others go to the screen that asked.
    mutating func receive(_ result: CommandResult, to asker: Asker) {
        switch result {
        case .readingSaved(let warning):
            // The first warning shows once in the app and is printed again on the way out; a save that
            // fails only on the way out is printed then, so a lost reading position is never silent.
            guard let warning, saves.warning == nil else { return }
            saves.warning = warning
            if !quit { message = warning.replacing("nnguide: ", with: "") }
        // A draft is kept on the way out, or when a new brief replaces an unsaved one in the form (`N`).
        case .draftKept(let path, let new):
            rememberBrief(path)
            if !quit { message = "Kept the last brief as draft " + context.fileName(path) }
            else if new { draftLine = "nnguide: the brief you were filling in is kept as a draft: \(path)" }
        case .draftFailed(let why):
            if !quit { message = "The last brief could not be kept as a draft: \(why)" }
            else { draftLine = "nnguide: the brief you were filling in could not be saved: \(why)" }
        default:
            deliver(result, to: asker)
            if let m = says(result) { message = m }
        }
    }

    /// What the message line says of a result the screen that asked has taken.
    func says(_ result: CommandResult) -> String? {
        switch result {
        case .recordSaved(let path):
            // Few words and the file's name first: with the folder first, 80 columns cut the name; 40 columns
            // cut it after "Saved the decision record".
            return "Saved record " + context.fileName(path)
        case .recordFailed(let why), .briefFailed(let why):
            return "Not saved: \(why)"
        case .briefSaved(let path, let new):
            return (new ? "Saved brief " : "Already saved: ") + context.fileName(path)
        case .briefUpdated(let path, let was):
            // The pick it recorded goes first when it moved: a narrow screen cuts the end.
            return (was.map { "Pick moved from \($0); updated " } ?? "Updated brief ") + context.fileName(path)
        case .briefDeleted(let path, let problem, _, _):
            return problem.map { "Not deleted: \($0)" } ?? "Deleted \(path)"
        case .briefsListed, .readingSaved, .draftKept, .draftFailed:
            return nil
        }
    }

    /// What to print once the terminal is restored: the first save warning, then where the draft is.
    /// Nothing after a hang-up (there is no terminal to tell; the files are saved all the same).
    public var farewell: [String] {
        hungUp ? [] : [saves.warning, draftLine].compactMap { $0 }
    }
}
