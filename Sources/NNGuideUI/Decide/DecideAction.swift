/// What a key asks of the decision screens (the Decide rows of `Keymap.bindings`).
public enum DecideAction: Hashable, Sendable {
    case restart, saveRecord, showCommand, map
    case nextValue, previousValue, clearValue, saveBrief, openBrief, newBrief, recommendation, walkPath, versus
    /// In the list of saved briefs: delete the chosen brief or draft (pressed twice: it asks first).
    case deleteBrief
}
