import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// What the eighth retest found cut off and session 12 left: Home's "Continue reading" at 40 columns
/// kept ten columns for the place; the Decide hub cut its descriptions at 80 columns and what it
/// resumes at 40; search's empty-field line was cut at 40.
@Suite struct Leftover8Tests {
    static func library() throws -> Library { try #require(BriefFormChoiceTests.library) }
    /// The screen's words, whatever the wrapping: runs of spaces (and line ends) read as one.
    static func words(_ s: AppState) -> String {
        shown(s).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func continueReadingAt40ShowsTheWholeSectionTitleWhenItFitsBesideTheLabel() throws {
        let g = try Self.library().guide
        // A section whose title is longer than the ten columns the row used to keep, and short enough
        // for the row (40 columns: 38 inside, 4 for the number, "Continue" and two spaces).
        let entry = try #require(g.readingOrder.first { e in
            let t = g.breadcrumb(e.page.id).last ?? ""
            return (14...22).contains(DisplayWidth.of(t))
        })
        var reading = ReadingState()
        reading.last = Position(page: entry.page.id)
        let s = AppState(library: try Self.library(), width: 40, height: 12, reading: reading)
        let title = try #require(g.breadcrumb(entry.page.id).last)
        let row = try #require(render(s).lines.first { $0.contains(" 0  Continue") }, "\(shown(s))")
        #expect(row.contains(title), "\(row) cuts \(title)")
    }

    @Test func theHubShowsEveryDescriptionWholeAt80() throws {
        let lib = try Self.library()
        let s = press(AppState(library: lib, width: 80, height: 24), keys("d"))
        let screen = Self.words(s)
        let book = lib.guide.decisions
        let summaries = ([book.primaryTree] + book.trees(.diagnosis)).compactMap { $0?.summary }.map(InlineParser.plain)
        try #require(!summaries.isEmpty)
        for summary in summaries { #expect(screen.contains(summary), "cut: \(summary)\n\(shown(s))") }
        #expect(!screen.contains("…"), "\(shown(s))")
    }

    @Test func theHubShowsWhatItResumesWholeAt40() throws {
        let lib = try Self.library()
        // Three answers into the primary flow, then back to the hub.
        let s = press(AppState(library: lib, width: 40, height: 12), keys("d1", "11", "H", "d"))
        let answers = s.sessions.answers(TreeOrigin.tree(try #require(lib.guide.decisions.primaryTree?.id)))
        try #require(answers.count >= 2, "no answers to resume")
        let screen = Self.words(s)
        #expect(screen.contains(answers.joined(separator: " \(Glyphs.unicode.sep) ")), "\(shown(s))")
        #expect(!screen.contains("…"), "\(shown(s))")
    }

    @Test(arguments: [40, 80])
    func searchsEmptyFieldLineFits(_ w: Int) throws {
        let s = press(AppState(library: try Self.library(), width: w, height: 12), keys("s"))
        let line = try #require(render(s).lines.dropFirst().first)
        #expect(line.hasPrefix("Type words"), "\(line)")
        #expect(!line.contains("…"), "\(line)")
    }
}
