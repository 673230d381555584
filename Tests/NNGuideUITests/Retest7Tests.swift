import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// What the seventh retest of issue 23 found in the explorer: glossary links numbered past 9 (a
/// digit opens its link at once, so "10" could not be typed), save messages cut in the form's pane,
/// cut Home and hub lines, Compare's header scrolled away, the form's box naming an old letter and
/// no did-you-mean in search.
@Suite struct Retest7Tests {
    static func library() throws -> Library { try #require(BriefFormChoiceTests.library) }

    // MARK: (a) only the links a digit opens are numbered

    @Test(arguments: [(40, 12), (80, 24)])
    func everyNumberShownOpensItsLink(_ w: Int, _ h: Int) throws {
        let s = press(AppState(library: try Self.library(), width: w, height: h), keys("i", "attention") + [.escape])
        let doc = s.glossary.detail(s.context)
        #expect(doc.menu.count > DocumentBuilder.digitLinks, "attention should have more than nine links")
        var numbers: [Int] = []
        for (i, line) in doc.lines.enumerated() {
            let text = line.spans.map(\.text).joined()
            guard let n = Int(text.prefix(4).trimmingCharacters(in: .whitespaces)) else { continue }
            numbers.append(n)
            #expect(n <= DocumentBuilder.digitLinks, "\(w)x\(h): link \(n) is shown, but no digit key opens it: \(text)")
            #expect(doc.links[doc.menu[n - 1]].line == i, "\(w)x\(h): \(n) is not the line its digit opens")
        }
        #expect(numbers == Array(1...DocumentBuilder.digitLinks))
        let tab = Keymap.key(.nextLink, in: .glossary)
        let note = doc.lines.filter { $0.spans.map(\.text).joined().contains("\(tab) reaches the links below") }
        #expect(note.count == 1, "the rest are said to be reached by \(tab) once")
        // Tab still reaches the tenth.
        var t = s, reached = false
        for _ in doc.links.indices { t = press(t, [.tab]); reached = reached || t.glossary.entry.focus == doc.menu[9] }
        #expect(reached, "\(w)x\(h): Tab never reaches the tenth link")
    }

    @Test func theLineUnderAShortEntryCountsOnlyNumberedLinks() {
        #expect(GlossaryView.linksBelow(from: 3, of: 14) == "links 4-9 and more")
        #expect(GlossaryView.linksBelow(from: 3, of: 6) == "links 4-6")
        #expect(GlossaryView.linksBelow(from: 8, of: 9) == "link 9")
        #expect(GlossaryView.linksBelow(from: 10, of: 14) == "more links")
    }

    // MARK: (b) the form's own save lines are whole

    static let folder = "/home/someone/.local/state/nnguide/briefs"

    /// The brief form after a brief and a decision record were saved, the message line cleared.
    static func savedBoth(_ w: Int, _ h: Int) -> AppState {
        var s = press(Fixture.state(w, h), keys("d3", "4j6"))
        s = update(s, .done(.briefSaved(path: folder + "/tabular-classification-2.yaml", new: true), to: s.topAsker)).0
        s = update(s, .done(.recordSaved(path: folder + "/decision-gam-2026-12-07.md"), to: s.topAsker)).0
        return press(s, [.down, .up])
    }

    @Test(arguments: [(40, 12), (80, 24)])
    func theFormNamesItsSavedFilesWhole(_ w: Int, _ h: Int) throws {
        let s = Self.savedBoth(w, h)
        let laid = try s.decide.form.layout(s.context).form
        func spot(_ name: Sheet.Spot) throws -> [String] {
            try #require(laid.spots[name]).map { laid.doc.lines[$0].spans.map(\.text).joined() }
        }
        let file = try spot(.file), record = try spot(.saved)
        // The name whole, on the first line, with no "in" left hanging before a folder the pane cuts;
        // the folder after it (ninth retest: `Sheet.fileName`, as the message line names it).
        #expect(file.first?.contains("tabular-classification-2.yaml") == true && !file.joined().hasSuffix(" in"), "\(w)x\(h): \(file)")
        #expect(record.first?.contains("decision-gam-2026-12-07.md") == true, "\(w)x\(h): \(record)")
        #expect(record.joined(separator: " ").contains(" in "), "\(w)x\(h): \(record)")
        // The status line keeps both states at every width; a file name is what goes.
        let status = render(s).lines[h - 2]
        #expect(status.contains("record saved") && status.lowercased().contains("saved"), "\(w)x\(h): \(status)")
    }

    // MARK: (e) the form's command box names the form's key

    @Test func theCommandBoxInTheFormNamesItsOwnKey() {
        let s = press(Fixture.state(80, 24), keys("d3", "4") + [.down] + keys("6") + [.ctrl("y")])
        let screen = shown(s)
        let key = Keymap.key(.decide(.showCommand), in: .brief)
        #expect(screen.contains("(\(key)"), "\(screen)")
        #expect(!screen.contains("(y hides it)"), "\(screen)")
    }

    // MARK: (c) lines that say where they go

    @Test func continueReadingAt40KeepsTheSectionsOwnTitle() throws {
        let g = try Self.library().guide
        let page = try #require(g.readingOrder.last?.id)
        var reading = ReadingState()
        reading.last = Position(page: page)
        let s = AppState(library: try Self.library(), width: 40, height: 12, reading: reading)
        let row = try #require(render(s).lines.first { $0.contains(" 0  Continue") })
        let title = try #require(g.breadcrumb(page).last)
        #expect(row.contains(String(title.prefix(6))), "\(row) says nothing of \(title)")
    }

    // MARK: (f) search offers what the glossary would, in words that fit

    @Test(arguments: [40, 80])
    func nothingFoundFits(_ w: Int) throws {
        let s = press(AppState(library: try Self.library(), width: w, height: 24), keys("s", "zzqxvkw"))
        let row = try #require(render(s).lines.first { $0.contains("Nothing found") })
        #expect(!row.contains("…"), "cut at \(w): \(row)")
    }

    @Test func nothingHasEveryWordFitsAt40() throws {
        let s = press(AppState(library: try Self.library(), width: 40, height: 12), keys("s", "attention zzqxv"))
        let row = try #require(render(s).lines.first { $0.contains("every word") || $0.contains("None has") })
        #expect(!row.contains("…"), "\(row)")
        #expect(row.contains(Keymap.key(.broaden, in: .search)), "\(row)")
    }
}
