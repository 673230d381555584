import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Issue 23 item 2: every value of a choice can be reached by a key, past the ninth too, and the list
/// reads as separate values. On the shipped guide, whose modality and task lists are longer than nine.
@Suite struct BriefFormChoiceTests {
    static let library: Library? = {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content").path
        return (try? ContentLoader.load(directory: content)).map { Library(guide: $0) }
    }()

    func form() throws -> AppState {
        let library = try #require(Self.library, "Content/ does not load")
        return press(AppState(library: library, width: 80, height: 24), keys("d3"))
    }

    @Test func everyValuePastTheNinthIsReachedByTypingItsName() throws {
        let s0 = try form()
        let values = s0.decide.draft.choices(try #require(try s0.decide.form.current(s0.context.guide.decisions.brief)), s0.context.guide.decisions.brief) ?? []
        try #require(values.count > 9, "the shipped guide has \(values.count) modalities")
        for v in values {
            let s = press(s0, [.enter] + keys(v.description) + [.enter])
            #expect(s.decide.draft.values[.modality] == v, "typing \(v) chose \(s.decide.draft.values[.modality].map(\.description) ?? "nothing")")
            #expect(try s.decide.form.editing == nil)
        }
        // The start of a name is enough, and a name that fits nothing says so without choosing.
        #expect(press(s0, [.enter] + keys("aud") + [.enter]).decide.draft.values[.modality] == .choice("audio"))
        let none = press(s0, [.enter] + keys("zzz"))
        #expect(none.decide.draft.values[.modality] == nil)
        #expect(render(none).lines.joined().contains("No modality value holds \"zzz\""))
    }

    /// Fifth retest: `Enter imgae Enter` said only that no value holds "imgae"; the command line offers
    /// a did-you-mean. The form offers it too, and Enter takes it; a name near nothing offers none.
    @Test func aMisspeltChoiceOffersTheNearestValueAndEnterTakesIt() throws {
        let s0 = try form()
        let typo = press(s0, [.enter] + keys("imgae"))
        let problem = try typo.decide.form.problem ?? ""
        #expect(problem.contains("Did you mean 'image'?"), "\(problem)")   // Suggestion's one wording (eleventh retest)
        #expect(render(typo).lines.joined().contains("you mean 'image'?"), "the form shows it")
        let taken = press(typo, [.enter])
        #expect(taken.decide.draft.values[.modality] == .choice("image"))
        #expect(try taken.decide.form.editing == nil)
        let far = press(s0, [.enter] + keys("zzzzzz") + [.enter])
        #expect(far.decide.draft.values[.modality] == nil)
        #expect(try far.decide.form.editing != nil, "Enter on text near no value keeps it to be mended")
    }

    @Test func theTenthValueIsSetApartFromTheNinth() throws {
        let screen = render(try form()).lines.joined(separator: "\n")
        #expect(screen.contains("9\u{00A0}multimodal \u{00B7}"), "\(screen)")
        #expect(screen.contains("Type a name or a digit"), "\(screen)")
    }

    /// Issue 23 item 5: Enter on text that is not a number keeps the text to be mended, instead of
    /// throwing it away.
    @Test func enterOnABadNumberKeepsTheText() throws {
        var s = try form()
        let schema = s.context.guide.decisions.brief
        let samples = try #require(schema.fields.firstIndex { $0.field == .samples })
        s = press(s, Array(repeating: Key.down, count: samples) + [.enter] + keys("lots") + [.enter])
        #expect(try s.decide.form.editing?.text == "lots", "the typed text was thrown away")
        #expect(s.decide.draft.values[.samples] == nil)
        s = press(s, Array(repeating: Key.backspace, count: 4) + keys("5k") + [.enter])
        #expect(try s.decide.form.editing == nil)
        #expect(s.decide.draft.values[.samples] == .number(5000))
    }
}

/// The focused field stays on screen when the window shrinks (seen at 40x12 after a resize from 80x24).
@Suite struct BriefFormResizeTests {
    @Test func theFocusedFieldStaysInViewAfterAResize() throws {
        let library = try #require(BriefFormChoiceTests.library, "Content/ does not load")
        var s = press(AppState(library: library, width: 80, height: 24),
                      keys("d3") + [.enter] + keys("poi") + [.enter, .enter] + keys("seg") + [.enter, .up])
        #expect(try s.decide.form.field == 1)
        s = press(s, [.resize(width: 40, height: 12)])
        let screen = render(s).lines.joined(separator: "\n")
        #expect(screen.contains("task*"), "\(screen)")
    }
}
