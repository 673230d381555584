import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI
@testable import NNGuideEffects

/// What the fifth retest of issue 23 still tripped on in the explorer: the glossary at 40x12 showed
/// "See" before the definition, cut its first link before the part that says where it goes and gave
/// the entry 3 rows; Enter in Compare's filter also picked the row, and the picks table said
/// "Criterion" above "Summary"; after saving a brief and restarting, `3` reopened an older draft.
@Suite struct Retest5Tests {
    static func library() throws -> Library { try #require(BriefFormChoiceTests.library) }

    /// `i`, "attention", Esc: reading the entry, out of the filter field.
    static func attention(_ w: Int, _ h: Int) throws -> AppState {
        press(AppState(library: try Self.library(), width: w, height: h), keys("i", "attention") + [.escape])
    }

    // MARK: 1. the glossary at 40x12

    @Test(arguments: [(40, 12), (80, 24)])
    func theDefinitionComesBeforeTheLinks(_ w: Int, _ h: Int) throws {
        let s = try Self.attention(w, h)
        let doc = s.glossary.detail(s.context)
        let definition = try #require(doc.places[GlossaryView.definition])
        let first = try #require(doc.menu.first.map { doc.links[$0].line })
        #expect(definition < first, "\(w)x\(h): a link on line \(first), the definition on line \(definition)")
        let screen = shown(s)
        #expect(screen.contains("A mechanism that scores"), "\(w)x\(h):\n\(screen)")
        #expect(!screen.contains("See\n"), "\(w)x\(h): See above the definition\n\(screen)")
    }

    @Test func theEntryGetsTheScreenWhileYouReadIt() throws {
        let typing = press(AppState(library: try Self.library(), width: 40, height: 12), keys("i", "attention"))
        let reading = try Self.attention(40, 12)
        let rows = { (s: AppState) in s.glossary.panes(s.context).detail.height }
        // Before: 4 rows whatever you did (3 and the line that says more is below).
        #expect(rows(reading) >= 7, "the entry has \(rows(reading)) rows while reading:\n\(shown(reading))")
        #expect(rows(reading) > rows(typing))
        // A short list takes only the rows its matches need.
        let one = press(AppState(library: try Self.library(), width: 40, height: 12), keys("i", "efficient att"))
        #expect(one.glossary.matches(one.context).count == 1)
        #expect(one.glossary.panes(one.context).list.height == 1 && rows(one) > rows(typing), "\(shown(one))")
        // `/` gives the list its rows back.
        let again = press(reading, keys("/"))
        #expect(again.glossary.panes(again.context).list.height == typing.glossary.panes(typing.context).list.height)
    }

    @Test func aLinkShowsWhereItGoesAndTheLineBelowNamesTheLinks() throws {
        var s = try Self.attention(40, 12)
        #expect(shown(s).contains("links 1-"), "nothing says the numbered links are below:\n\(shown(s))")
        for _ in 0..<10 where !shown(s).contains("See") { s = press(s, keys(" ")) }
        let lines = render(s).lines
        let one = try #require(lines.first { $0.hasPrefix(" 1  ") }, "\(shown(s))")
        #expect(one.contains("3.4 Transformers › Limitations") && one.contains("…"), "\(one)")
        // The whole breadcrumb where it fits.
        let wide = try Self.attention(80, 24)
        #expect(shown(wide).contains(" 1  Part 3 › 3.4 Transformers › Limitations"), "\(shown(wide))")
        #expect(TextWrap.tail(["Part 3", "3.4 Transformers", "Limitations"], separator: " › ", width: 34) == "… › 3.4 Transformers › Limitations")
        #expect(TextWrap.tail(["Part 3", "3.4 Transformers", "Limitations"], separator: " › ", width: 20) == "… › Limitations")
        #expect(TextWrap.tail(["A", "B"], separator: " › ", width: 5) == "A › B")
        // Too narrow even for "… › last": the last part alone (the caller cuts it), not a cut "… › La…".
        #expect(TextWrap.tail(["Part 3", "Regularisation"], separator: " › ", width: 10) == "Regularisation")
    }

    // MARK: 2. Compare

    @Test(arguments: [(80, 24), (40, 12)])
    func enterInTheFilterOnlyKeepsIt(_ w: Int, _ h: Int) throws {
        let typed = press(AppState(library: try Self.library(), width: w, height: h), keys("c", "/", "tabular tr"))
        #expect(render(typed).lines.last?.contains("Enter keep filter") == true, "\(render(typed).lines.last ?? "")")
        let kept = press(typed, [.enter])
        #expect(!kept.compare.filter.focused && kept.compare.filter.text == "tabular tr")
        #expect(kept.compare.picked.isEmpty, "\(w)x\(h): Enter in the filter picked \(kept.compare.picked)")
        #expect(kept.compare.list.index == 0 && kept.compare.current(kept.context)?.id == "a:tabular-transformer")
        // x then picks it, as the hint says.
        #expect(press(kept, keys("x")).compare.picked == ["tabular-transformer"])
    }

    @Test func everyCornerNamesItsColumn() throws {
        let picks = press(AppState(library: try Self.library(), width: 80, height: 24), keys("c", "/", "tabular tr", Key.enter, "x"))
        let table = try #require(picks.compare.table(picks.context)?.table)
        #expect(table.columns.first == "Aspect" && table.rows.first?.first == "Summary", "\(table.columns)")
        #expect(shown(picks).contains("│ Aspect "), "\(shown(picks))")
        let transposed = try #require(press(picks, keys("T")).compare.table(picks.context)?.table)
        #expect(transposed.columns.first == "Architecture")
        // A guide's matrix lists its criteria, and says so.
        let matrix = press(AppState(library: try Self.library(), width: 80, height: 24), keys("c"))
        let m = try #require(matrix.compare.table(matrix.context)?.table)
        #expect(m.columns.first == "Criterion" && CompareView.transpose(m).columns.first == "Architecture")
    }

    // MARK: 3. the brief last open

    static func restart(_ dir: TempDir, _ w: Int = 80, _ h: Int = 24) throws -> AppState {
        AppState(library: try Self.library(), width: w, height: h, reading: StateStore(directory: dir.path("state")).load().state)
    }

    @Test func threeContinuesTheBriefLastOpenNotAnOlderDraft() throws {
        let dir = try TempDir()
        // An image brief left unsaved: kept as a draft.
        _ = press(try Self.restart(dir), keys("d3", "2", Key.down, "1", Key.ctrl("c")), running: dir.runner)
        let drafts = dir.path("state/briefs/drafts")
        let draft = try #require(try FileManager.default.contentsOfDirectory(atPath: drafts).first)
        // Next time: the draft is continued; ^N, a churn brief on a table, saved with ^S, then ^C.
        var s = press(try Self.restart(dir), keys("d3"), running: dir.runner)
        #expect(s.decide.draft.values[.modality] == .choice("image"))
        s = press(s, keys(Key.ctrl("n"), "1", Key.down, "1", Key.ctrl("s"), Key.ctrl("c")), running: dir.runner)
        #expect(FileManager.default.fileExists(atPath: dir.path("state/briefs/tabular-classification.yaml")))
        // The draft touched later, so "the newest file" alone would reopen it.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(3600)], ofItemAtPath: drafts + "/" + draft)
        for (w, h) in [(80, 24), (40, 12)] {
            let hub = press(try Self.restart(dir, w, h), keys("d"), running: dir.runner)
            #expect(shown(hub).contains("resume: tabular-classi"), "\(w)x\(h):\n\(shown(hub))")
            let form = press(hub, keys("3"), running: dir.runner)
            #expect(form.decide.draft.values[.modality] == .choice("tabular"), "\(w)x\(h): \(form.decide.draft.values)")
            #expect(form.decide.draft.file == dir.path("state/briefs/tabular-classification.yaml") && !form.decide.draft.unsaved)
        }
    }

    @Test func aDraftKeptOnQuittingIsTheOneRemembered() throws {
        let dir = try TempDir()
        // A saved brief, then changed and left: the draft of the change is what was last open.
        _ = press(try Self.restart(dir), keys("d3", "1", Key.down, "1", Key.ctrl("s"), "2", Key.ctrl("c")), running: dir.runner)
        let remembered = try #require(StateStore(directory: dir.path("state")).load().state.brief)
        #expect(remembered.hasPrefix(dir.path("state/briefs/drafts/")), "\(remembered)")
        let form = press(try Self.restart(dir), keys("d3"), running: dir.runner)
        #expect(form.decide.draft.file == remembered && form.decide.draft.values[.task] == .choice("regression"), "\(form.decide.draft.values)")
    }

    @Test func withNothingRememberedTheNewestBriefOrDraftIsContinued() throws {
        let dir = try TempDir()
        _ = press(try Self.restart(dir), keys("d3", "2", Key.down, "1", Key.ctrl("c")), running: dir.runner)
        _ = press(try Self.restart(dir), keys("d3", Key.ctrl("n"), "1", Key.down, "1", Key.ctrl("s"), Key.ctrl("c")), running: dir.runner)
        // A state file from before the brief was remembered.
        var old = StateStore(directory: dir.path("state")).load().state
        old.brief = nil
        #expect(StateStore(directory: dir.path("state")).save(old) == nil)
        let form = press(try Self.restart(dir), keys("d3"), running: dir.runner)
        #expect(form.decide.draft.values[.modality] == .choice("tabular"), "\(form.decide.draft.values)")
    }
}
