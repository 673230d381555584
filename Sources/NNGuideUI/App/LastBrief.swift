import NNGuideCore

/// After a restart, the hub's "Fill in a Model Brief" continues the brief last open in the form: the
/// one the reading state remembers (`ReadingState.brief`), else the newest draft or saved brief. Issue
/// 23: the fourth retest's `3` started an empty brief; the fifth's reopened an older draft rather than
/// the churn brief just saved with `w`. `N` in the form still starts a new one. The hub asks for the
/// list when it is first shown (`HubScreen.activate`); the list comes back to it.
extension ScreenContext {
    /// The brief last open goes into the form, unless a brief was begun meanwhile.
    mutating func continueLastBrief(_ list: [SavedBrief]) {
        let readable = list.filter { $0.values != nil }
        guard draft.values.isEmpty, draft.file == nil,
              let last = readable.first(where: { $0.path == reading.brief }) ?? readable.max(by: { $0.modified < $1.modified }),
              let values = last.values else { return }
        _ = draft.load(values, from: last.path, draft: last.draft, shownAs: fileName(last.path))
        // The name alone: the folder is in the saved briefs list (`o`), and 40 columns wrap it badly.
        // No form is open yet: the next one says it (`BriefScreen.start`).
        draft.greeting = "Continuing \(last.draft ? "the draft" : "brief") \(draft.fileStem ?? last.name); \(Keymap.key(.decide(.newBrief), in: .brief)) starts a new brief"
    }
}

extension AppState {
    /// The form's file (opened, continued or saved), or the draft a quit just kept, is the one to
    /// continue next time; it is saved with the reading state (on quitting at the latest). Once
    /// quitting, only the kept draft counts: the form's file is the one the draft replaces.
    mutating func rememberBrief(_ kept: String? = nil) {
        guard let path = kept ?? (quit ? nil : draft.file), reading.brief != path else { return }
        reading.brief = path
        // A draft kept on the way out comes back after `leave` saved the reading state.
        if quit, saves.onDisk != reading {
            pending.append((.saveReading(reading), .app))
            saves.onDisk = reading
        }
    }
}
