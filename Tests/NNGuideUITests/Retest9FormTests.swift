import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// What the ninth retest of issue 23 found in the brief form and Compare at 40x12: Down threw away or
/// replaced text that was no value yet (and the pick beside it followed a value never chosen), the
/// form cut the saved record's name, the pick's name and the notes, and the ^Y box could not be
/// scrolled; a Compare digit kept the list on an architecture's row but not on a matrix's; the hub
/// said a draft's name and values twice. On the shipped guide; each test failed on the old code.
@Suite struct Retest9FormTests {
    static let sizes = [(40, 12), (80, 24)]

    static func form(_ w: Int, _ h: Int, _ typed: [Key] = []) throws -> AppState {
        press(try ViewFrictionTests.app(w, h), keys("d3") + typed)
    }

    /// The form with `field` focused.
    static func at(_ s: AppState, _ field: BriefField) throws -> AppState {
        let schema = s.context.guide.decisions.brief
        let i = try #require(schema.fields.firstIndex { $0.field == field })
        var s = s
        for _ in 0..<schema.fields.count where try s.decide.form.field != i { s = press(s, [try s.decide.form.field < i ? .down : .up]) }
        try #require(try s.decide.form.field == i, "\(field) not reached")
        return s
    }

    /// An image classifier on a phone: modality, task and a latency given.
    static func imageBrief(_ w: Int, _ h: Int) throws -> AppState {
        var s = try form(w, h, keys("image") + [.enter])
        s = try at(s, .task)
        s = press(s, keys("classification") + [.enter])
        s = try at(s, BriefField("latency_ms"))
        s = press(s, keys("50") + [.enter])
        try #require(s.decide.draft.values[.task] == .choice("classification") && s.decide.draft.values[BriefField("latency_ms")] != nil)
        return s
    }

    static let moves: [Key] = [.down, .up, .tab, .backTab]

    // MARK: 1. Down, Up, Tab and Shift-Tab on text that is no value act as Enter does

    @Test(arguments: sizes)
    func aMoveOnAChoiceThatIsNoValueStaysKeepsTheTextAndSaysWhy(_ w: Int, _ h: Int) throws {
        let s = try Self.at(try Self.imageBrief(w, h), .task)
        // "h" matched change-detection; "hello" matches nothing: the field keeps its value from before.
        let typed = press(s, keys("hello"))
        let problem = try #require(try typed.decide.form.problem)
        #expect(problem.contains("No task value holds \"hello\""))
        #expect(typed.decide.draft.values[.task] == .choice("classification"),
                "the preview follows \(typed.decide.draft.values[.task].map(\.description) ?? "nothing"), a value never chosen")
        // The pick shown is the classifier's, and the form says the text is not a value yet.
        let screen = render(typed).lines.joined(separator: "\n")
        #expect(screen.contains("\"hello\" is no") || screen.contains("\"hello\" is not a task value yet"), "\(w)x\(h):\n\(screen)")
        let classifier = press(s, keys("classification") + [.enter])
        #expect(typed.decide.draft.judgement(typed.context.library).recommendation?.pick.id
                == classifier.decide.draft.judgement(classifier.context.library).recommendation?.pick.id)
        for k in Self.moves {
            let moved = press(typed, [k])
            #expect(try moved.decide.form.editing?.text == "hello", "\(w)x\(h) \(k): the text went")
            #expect(try moved.decide.form.field == typed.decide.form.field, "\(w)x\(h) \(k): the focus moved")
            #expect(moved.decide.draft.values[.task] == .choice("classification"), "\(w)x\(h) \(k): took a value")
            #expect(moved.message?.contains("No task value holds \"hello\"") == true, "\(w)x\(h) \(k): \(moved.message ?? "no message")")
        }
        // Text that matches nothing with nothing before: the field stays not set, the text kept.
        let fresh = try Self.at(try Self.form(w, h, keys("image") + [.enter]), .task)
        let qqq = press(fresh, keys("qqq") + [.down])
        #expect(try qqq.decide.form.editing?.text == "qqq" && qqq.decide.draft.values[.task] == nil)
        // The control keys that take the value first wait for it too.
        let saved = press(typed, [.ctrl("s")])
        #expect(try saved.decide.form.editing?.text == "hello" && saved.message?.contains("hello") == true)
        // Esc puts the value from before back; text that names a value is taken by Down as by Enter.
        #expect(press(typed, [.escape]).decide.draft.values[.task] == .choice("classification"))
        let det = press(s, keys("det") + [.down])
        #expect(try det.decide.form.editing == nil && det.decide.draft.values[.task] == .choice("detection"))
        // Letters typed, then taken back to nothing: the value from before, not the first letter's match.
        #expect(press(s, keys("h") + [.backspace]).decide.draft.values[.task] == .choice("classification"))
    }

    @Test(arguments: sizes)
    func aMoveOnANumberThatIsNoneStaysKeepsTheTextAndSaysWhy(_ w: Int, _ h: Int) throws {
        let s = try Self.at(try Self.imageBrief(w, h), BriefField("latency_ms"))
        let before = s.decide.draft.values[BriefField("latency_ms")]
        let typed = press(s, keys("lots"))
        try #require(try typed.decide.form.problem != nil)
        #expect(typed.decide.draft.values[BriefField("latency_ms")] == before, "the pick follows a value that is not the field's")
        for k in Self.moves {
            let moved = press(typed, [k])
            #expect(try moved.decide.form.editing?.text == "lots", "\(w)x\(h) \(k): the text went")
            #expect(try moved.decide.form.field == typed.decide.form.field, "\(w)x\(h) \(k): the focus moved")
            #expect(moved.decide.draft.values[BriefField("latency_ms")] == before)
            #expect(moved.message?.contains("lots") == true, "\(w)x\(h) \(k): \(moved.message ?? "no message")")
        }
        // Mended, Down takes it and moves on.
        let mended = press(typed, Array(repeating: Key.backspace, count: 4) + keys("120") + [.down])
        #expect(try mended.decide.form.editing == nil && mended.decide.draft.values[BriefField("latency_ms")] == .number(120))
    }

    // MARK: 2. what the form shows at 40x12

    @Test(arguments: sizes)
    func theSavedRecordIsNamedWholeAndStaysInViewAcrossAResize(_ w: Int, _ h: Int) throws {
        var s = try Self.imageBrief(w, h)
        s = try Self.at(s, .modality)
        let path = "/tmp/work/decision-gam-2026-12-07.md"
        s = update(s, .done(.recordSaved(path: path), to: s.topAsker)).0
        // Said by the message line (sixth retest), and named in the form's last lines, brought into
        // view (eleventh retest).
        let screen = render(s).lines.joined(separator: "\n")
        #expect(screen.components(separatedBy: "decision-gam-2026-12-07.md").count == 3, "\(w)x\(h):\n\(screen)")
        #expect(screen.contains("Record: decision-gam-2026-12-07.md"), "\(w)x\(h):\n\(screen)")
        // A resize takes the message away: the form's lines say it instead, the name whole on its first line.
        for size in [(w, h + 4), (w + 10, h)] {
            let back = press(s, [.resize(width: size.0, height: size.1)])
            let after = render(back).lines
            #expect(back.message == nil)
            #expect(after.contains { $0.contains("Record: decision-gam-2026-12-07.md") }, "\(size) after a resize:\n\(after.joined(separator: "\n"))")
            #expect(back.violations().isEmpty, "\(back.violations())")
        }
        let back = press(s, [.resize(width: w, height: h + 4), .resize(width: w, height: h)])
        #expect(render(back).lines.contains { $0.contains("Record: decision-gam-2026-12-07.md") })
        #expect(back.violations().isEmpty, "\(back.violations())")
        // The next key puts the focused field back first.
        let moved = press(back, [.down])
        #expect(moved.violations().isEmpty, "\(moved.violations())")
    }

    @Test func theNarrowPickLineKeepsThePicksNameWhole() {
        let key = "  ^R why"
        let (line, k) = BriefScreen.pickLine(name: "Gradient boosting", title: "Gradient-boosted decision trees on tabular data", key: key, width: 40)
        #expect(line == "Pick: Gradient boosting" && k == key)
        let (wide, _) = BriefScreen.pickLine(name: "CNN", title: "A small CNN", key: key, width: 80)
        #expect(wide == "Pick: CNN (A small CNN)")
        let (long, none) = BriefScreen.pickLine(name: "A glass-box model with a long name", title: "x", key: key, width: 40)
        #expect(long == "Pick: A glass-box model with a long name" && none.isEmpty)
    }

    @Test func theFormAt40ColumnsShowsThePicksNameUncut() throws {
        // The retest's churn brief: "Pick: Gradient boosting (Gradie…".
        var s = try Self.form(40, 12, keys("tabular") + [.enter])
        s = try Self.at(s, .task)
        s = press(s, keys("classification") + [.enter])
        let rec = try #require(s.decide.draft.judgement(s.context.library).recommendation)
        let name = Outcome.name(rec.pick.id, s.context.guide)
        let line = try #require(render(s).lines.first { $0.contains("Pick:") })
        #expect(line.contains("Pick: " + name) && !line.contains("Pick: " + name + s.context.glyphs.ellipsis), "\(line)")
        #expect(!line.contains(s.context.glyphs.ellipsis), "\(line)")
    }

    @Test(arguments: sizes)
    func longNotesAreReadWholeUnderTheFocusedField(_ w: Int, _ h: Int) throws {
        var s = try Self.at(try Self.imageBrief(w, h), .notes)
        let notes = "Customer churn, 30,000 customers, monthly snapshot"
        s = press(s, [.paste(notes), .enter])
        try #require(s.decide.draft.values[.notes]?.description == notes)
        // The form's own column (at 80 the pick is beside it), its lines joined as they wrap.
        let form = render(s).lines.map { $0.prefix(40).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(form.contains(notes), "\(w)x\(h): the notes are cut:\n\(render(s).lines.joined(separator: "\n"))")
    }

    /// At 40x12 ^Y's box is taller than the pane: it comes into view, and PgDn reaches its end.
    @Test func theCommandBoxComesIntoViewAndPgDnReachesItsEnd() throws {
        var s = try Self.imageBrief(40, 12)
        for (f, v) in [("samples", "30000"), ("compute", "low"), ("interpretability", "required")] {
            s = try Self.at(s, BriefField(f))
            s = press(s, keys(v) + [.enter])
        }
        s = try Self.at(s, .notes)
        s = press(s, [.paste("Customer churn, 30,000 customers"), .enter])
        s = try Self.at(s, .modality)
        let boxed = press(s, [.ctrl("y")])
        try #require(try boxed.decide.form.showCommand)
        let first = render(boxed).lines.joined(separator: "\n")
        #expect(first.contains("nnguide recommend"), "the box is not in view:\n\(first)")
        var paged = boxed
        var seen = first
        for _ in 0..<6 {
            paged = press(paged, [.pageDown])
            #expect(paged.violations().isEmpty, "\(paged.violations())")
            seen += "\n" + render(paged).lines.joined(separator: "\n")
        }
        #expect(seen.contains("--notes"), "PgDn never reached the command's end:\n\(seen)")
        // PgUp comes back to the field's row; Esc closes the box.
        for _ in 0..<6 { paged = press(paged, [.pageUp]) }
        #expect(try paged.decide.form.peek == 0)
        #expect(try !press(paged, [.escape]).decide.form.showCommand)
    }

    // MARK: 3. Compare: a digit shows the table for every row where one pane shows at a time

    @Test(arguments: sizes)
    func aDigitShowsItsItemOnEveryKindOfRow(_ w: Int, _ h: Int) throws {
        let s = try Retest8Tests.compare(w, h)
        let (m, a) = try Retest8Tests.rows(s)
        let both = s.compare.bothShown(s.context.rect)
        #expect(both == (w >= 80), "\(w)x\(h)")
        for row in [m, a] {
            let d = press(s, keys(String(row)))
            #expect(d.compare.list.index == row - 1)
            #expect(d.compare.tableFocus == !both, "\(w)x\(h): row \(row) left the focus \(d.compare.tableFocus ? "in the table" : "in the list")")
            #expect(d.compare.showsTable(d.context), "\(w)x\(h): row \(row)'s table is not shown")
            // The table's title names the key that picks from where the focus is.
            if row == a {
                #expect(render(d).lines.joined().contains("x picks it"), "\(w)x\(h)")
                #expect(press(d, keys("x")).compare.picked.count == 1)
            }
        }
    }

    // MARK: 4. the hub's resume line says a name made of the values once

    @Test func theHubSaysADraftNamedByItsValuesOnce() throws {
        var s = press(try ViewFrictionTests.app(80, 24), keys("d3", "text") + [.enter])
        s.draft.load(s.draft.values, from: "/state/briefs/text.yaml", draft: true, shownAs: "text")
        #expect(HubScreen.briefAbout(s.context, room: .max) == "resume: draft text")
        s.draft.values[.task] = .choice("generation")
        s.draft.load(s.draft.values, from: "/state/briefs/text-generation-2.yaml", shownAs: "x")
        #expect(HubScreen.briefAbout(s.context, room: .max) == "resume: text-generation-2")
        // A name of its own keeps the values beside it.
        s.draft.load(s.draft.values, from: "/state/briefs/churn.yaml", shownAs: "churn")
        #expect(HubScreen.briefAbout(s.context, room: .max) == "resume: churn: text, generation")
    }
}
