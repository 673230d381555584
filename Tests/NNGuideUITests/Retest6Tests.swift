import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// What the sixth retest of issue 23 still tripped on in the explorer: a save message cut at 40
/// columns (and said twice, in the form and the message line), the glossary's "No match; Backspace"
/// and the reader's link message cut at 40x12, and help opened from the glossary's filter closing
/// back into the box rather than onto the list.
@Suite struct Retest6Tests {
    static let folder = "/home/someone/.local/state/nnguide/briefs"

    /// The brief form with text/generation chosen, and its save come back from disk.
    static func saved(_ w: Int, _ h: Int) -> AppState {
        let s = press(Fixture.state(w, h), keys("d3", "4", Key.down, "6", Key.ctrl("s")))
        return update(s, .done(.briefSaved(path: folder + "/text-generation.yaml", new: true), to: s.topAsker)).0
    }

    /// The rows a message took, joined as one text.
    static func messageText(_ s: AppState) -> String { messageRows(s).joined(separator: " ") }

    // MARK: (a) a long message is shown whole, once

    @Test(arguments: [(40, 12), (80, 24)])
    func theSaveMessageShowsTheWholePath(_ w: Int, _ h: Int) {
        let s = Self.saved(w, h)
        let m = try? #require(s.message)
        #expect(m?.contains(Self.folder) == true)
        let text = Self.messageText(s)
        #expect(text.contains("text-generation.yaml"), "\(w)x\(h):\n\(shown(s))")
        #expect(text.replacingOccurrences(of: " ", with: "").contains(Self.folder), "\(w)x\(h): the folder is cut:\n\(shown(s))")
        // The next key takes the message away and the status line is back.
        let after = press(s, [.down])
        let status = render(after).lines[h - 2]
        #expect(after.message == nil && status.lowercased().contains("saved") && !status.contains("nnguide/briefs"), "\(status)")
    }

    @Test func theSaveIsSaidOnceByTheMessageAndNamedInTheFormsLastLines() {
        let s = Self.saved(80, 24)
        let screen = shown(s)
        // The message line says it; the form's pane says it no more above the field's help. Its last
        // lines, which name the file, come into view (eleventh retest: after ^E the record's was
        // under the pane's edge): two in all.
        #expect(screen.components(separatedBy: "text-generation.yaml").count - 1 == 2, "\(screen)")
        #expect(screen.contains("Saved as text-generation.yaml"), "\(screen)")
    }

    @Test func aMessageTakesAtMostThreeLinesAndSaysWhenItIsCut() {
        let long = String(repeating: "word ", count: 40)
        let lines = AppState.messageLines(long, width: 40, ellipsis: "…")
        #expect(lines.count == 3 && lines.allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(lines.last?.hasSuffix("…") == true)
        #expect(AppState.messageLines("Saved brief a.yaml in ~", width: 40, ellipsis: "…") == ["Saved brief a.yaml in ~"])
    }

    @Test func theLinesAMessageTakesAreClearedUnderIt() {
        var s = Fixture.state(40, 12)
        s.message = "Kept the last brief as draft tabular-classification-2.yaml in ~/.local/state/nnguide/briefs"
        let lines = render(s).lines
        let shownLines = AppState.messageLines(s.message!, width: 40, ellipsis: "…")
        #expect(shownLines.count > 1)
        for (i, l) in shownLines.enumerated() {
            #expect(lines[12 - shownLines.count + i].trimmingCharacters(in: .whitespaces) == l.trimmingCharacters(in: .whitespaces))
        }
        // The status line is kept, moved up above the message.
        #expect(lines[12 - shownLines.count - 1].contains("Home"), "\(lines.joined(separator: "\n"))")
    }

    // MARK: (f) the glossary's and the reader's words fit at 40 columns

    @Test func noMatchInTheGlossarySaysWhatToDoUncut() {
        let s = press(Fixture.state(40, 12), keys("i", "zzqx"))
        let screen = shown(s)
        let bs = Keymap.key(.deleteBackward, in: .field)
        #expect(screen.contains("\(bs) removes a letter"), "\(screen)")
        #expect(!screen.contains("…"), "something is cut at 40 columns:\n\(screen)")
    }

    @Test func enterWithNoLinkChosenFitsTheLine() {
        let s = press(Fixture.state(40, 12), keys("1") + [.enter])
        let m = s.message ?? ""
        #expect(m.contains(Keymap.key(.nextLink, in: .reader)), "\(m)")
        #expect(DisplayWidth.of(m) <= 40, "cut at 40 columns: \(m)")
    }

    // MARK: (g) help from a filter returns to the list

    @Test(arguments: ["i", "s"])
    func helpFromAFilterClosesOntoTheList(_ view: String) {
        let typing = press(Fixture.state(), keys(view, "att"))
        let back = press(typing, [.function(1), .escape])
        #expect(!back.typing, "Esc from help went back into the filter box")
        #expect(back.stack.isEmpty)
        #expect(render(back).lines == render(press(typing, [.escape])).lines)
        // `/` goes back to the filter with what was typed.
        #expect(press(back, keys("/")).typing)
    }
}

/// The rows a message takes at the bottom of the screen, trimmed: several when it is long.
func messageRows(_ s: AppState) -> [String] {
    render(s).lines.suffix(s.messageShown.count).map { $0.trimmingCharacters(in: .whitespaces) }
}

/// The status line: above the message, however many rows the message takes.
func statusRow(_ s: AppState) -> String {
    render(s).lines[s.height - 1 - max(1, s.messageShown.count)]
}
