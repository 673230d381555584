/// What a key asks for. The keymap turns keys into actions; views handle actions, never keys, so
/// rebinding a key is one row of the keymap.
public enum Action: Hashable, Sendable {
    // anywhere
    case quit, cancel, help, home, redraw, back, forward
    /// Out of the screen on top, as less's q: find marks and a chosen link go with it, where
    /// `cancel` (vim's Esc) lets those go first and leaves only once there are none.
    case leave
    case show(ViewID)
    case setMark, jumpToMark
    // moving
    case lineDown, lineUp, pageDown, pageUp, top, bottom, scrollLeft, scrollRight
    // reading
    case open, nextLink, previousLink, nextSection, previousSection
    /// The sources and review date of what is on screen (reader, glossary, compare).
    case sources
    case find, findNext, findPrevious
    case pick(Int)
    // lists and trees
    case expand, collapse
    // compare
    case toggle, sort, transpose, clearSelection
    // search: any of the words instead of every word
    case broaden
    // text fields
    case focusField, type(Character), deleteBackward, clearField, switchFocus
    /// Pasted text, inserted at the cursor of the focused field (`Key.paste`).
    case paste(String)
    // the decision navigator and the brief form (`DecideAction`, in Decide/DecideAction.swift)
    case decide(DecideAction)
}
