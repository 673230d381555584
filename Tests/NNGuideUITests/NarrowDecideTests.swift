import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Issue 23, third retest items 2 and 4, at 40x12: the status line cut "Decide › Model Brief (b…", so
/// saved or not could not be read; the hub dropped what `3` resumes; the collapsed pick reused the
/// arrow that means "changing it would change the pick".
@Suite struct NarrowDecideTests {
    /// Above the message, which a long one pushes up (sixth retest).
    static func statusLine(_ s: AppState) -> String {
        statusRow(s).trimmingCharacters(in: .whitespaces)
    }

    @Test func theStatusLineSaysSavedOrNotFirst() throws {
        let dir = try TempDir()
        let filled = press(Fixture.state(40, 12), keys("d3", "4", Key.down, "6"))
        #expect(Self.statusLine(filled).hasPrefix("Not saved"), "\(Self.statusLine(filled))")
        let saved = press(filled, [.ctrl("s")], running: dir.runner)
        let name = try #require(saved.decide.draft.fileStem)
        #expect(Self.statusLine(saved).hasPrefix("Saved " + name), "\(Self.statusLine(saved))")
        let changed = press(saved, [.right])
        #expect(Self.statusLine(changed).hasPrefix("Not saved"), "\(Self.statusLine(changed))")
        // 80 columns keep the whole title and the state after it.
        let wide = press(Fixture.state(), keys("d3", "4", Key.down, "6", Key.ctrl("s")), running: dir.runner)
        #expect(Self.statusLine(wide).hasPrefix("Decide \(Glyphs.unicode.sep) Model Brief (brief saved)"), "\(Self.statusLine(wide))")
    }

    @Test func theHubKeepsWhatThreeResumes() {
        let s = press(Fixture.state(40, 12), keys("d3", "4", Key.down, "6", Key.escape))
        let screen = render(s).lines.joined(separator: "\n")
        #expect(screen.contains("resume: text"), "\(screen)")
        #expect(s.violations().isEmpty, "\(s.violations())")
    }

    @Test func theCollapsedPickSaysPick() {
        let s = press(Fixture.state(40, 12), keys("d3", "4", Key.down, "6"))
        let line = render(s).lines.first { $0.contains(" why") } ?? ""
        #expect(line.hasPrefix("Pick: "), "\(render(s).lines.joined(separator: "\n"))")
        #expect(!line.contains(Glyphs.unicode.arrow))
    }
}
