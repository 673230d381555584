import NNGuideCore

/// After a restart, the hub's "Fill in a Model Brief" continues the draft kept when you last quit with
/// unsaved changes (issue 23, fourth retest: `3` started an empty brief and the draft was only under
/// "Open a saved brief"). `N` in the form still starts a new one.
extension AppState {
    /// The first time Decide shows with nothing in the form, the loop reads the briefs folder once.
    mutating func askForLastDraft() {
        guard !askedForLastDraft, draft.values.isEmpty, draft.file == nil else { return }
        askedForLastDraft = true
        pending.append((.listBriefs, .app))
    }

    /// The newest readable draft goes into the form, unless a brief was begun meanwhile.
    mutating func continueLastDraft(_ list: [SavedBrief]) {
        guard draft.values.isEmpty, draft.file == nil,
              let last = list.filter({ $0.draft && $0.values != nil }).max(by: { $0.modified < $1.modified }),
              let values = last.values else { return }
        _ = draft.load(values, from: last.path, draft: true, shownAs: context.fileName(last.path))
        // The name alone: the folder is in the saved briefs list (`o`), and 40 columns wrap it badly.
        // No form is open yet: the next one says it (`BriefScreen.start`).
        draft.greeting = "Continuing the draft \(draft.fileStem ?? last.name); \(Keymap.key(.decide(.newBrief), in: .brief)) starts a new brief"
    }
}
