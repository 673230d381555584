import Testing
@testable import NNGuideCore
@testable import NNGuideUI

@Suite struct ReaderTests {
    func roles(_ s: AppState, _ text: String) -> Set<Role> {
        let buf = render(s)
        for y in 0..<buf.height {
            let line = buf.line(y)
            guard let r = line.range(of: text) else { continue }
            let start = DisplayWidth.of(line[..<r.lowerBound])
            return Set((start..<start + DisplayWidth.of(text)).map { buf[$0, y].role })
        }
        return []
    }

    @Test func linksAreVisibleAndTabFocusesThem() {
        var s = press(Fixture.state(), keys("1"))
        #expect(roles(s, "Model Brief") == [.link])
        s = press(s, [.tab, .tab])
        #expect(roles(s, "Model Brief") == [.linkFocus])
        s = update(s, .backTab)
        #expect(roles(s, "architecture for") == [.linkFocus, .text])
    }

    @Test func enterOnAGlossaryLinkShowsThePopoverInPlace() {
        var s = press(Fixture.state(), keys("1", Key.tab, Key.enter))
        #expect((s.current as? GlossaryPopover)?.glossaryID == "architecture")
        #expect(s.screen == .reader)
        #expect(render(s).lines.contains { $0.contains("The structure of a network") })
        s = update(s, .escape)
        #expect(!s.modalOnTop && s.screen == .reader)
        // Any other key closes it and acts: j scrolls (or stays put on a short page) without leaving.
        s = press(s, [.enter, .char("]")])
        #expect(!s.modalOnTop)
        #expect(s.reader.unit == "brief")
    }

    @Test func enterOnAPageLinkOpensItAndBackspaceReturns() {
        var s = press(Fixture.state(), keys("1", Key.tab, Key.tab, Key.enter))
        #expect(s.reader.unit == "brief")
        s = update(s, .backspace)
        #expect(s.reader.unit == "opening")
        s = update(s, .char("F"))
        #expect(s.reader.unit == "brief")
    }

    @Test func findMarksEveryMatchAndCycles() {
        var s = Fixture.state(80, 12)
        s.openPage("what-networks-do")
        s = press(s, keys("/", "layer", Key.enter))
        // "layered" in the summary, then "Layers", "layers" three times in the body.
        #expect(s.reader.find.matches.count == 5, "\(s.reader.find.matches)")
        #expect(s.message?.contains("1 of 5") == true)
        #expect(roles(s, "layer").contains(.matchFocus))
        s = press(s, keys("nnnnn"))
        #expect(s.reader.find.current == 0, "n wraps around to the first match")
        s = update(s, .char("N"))
        #expect(s.reader.find.current == 4)
        s = update(s, .escape)
        #expect(s.reader.find.matches.isEmpty)
    }

    @Test func findEscapeReturnsToWhereYouWere() {
        var s = Fixture.state(80, 10)
        s.openPage("inductive-bias")
        let top = s.reader.top
        s = press(s, keys("/", "dependencies"))
        #expect(s.reader.top != top)
        s = update(s, .escape)
        #expect(s.reader.top == top)
    }

    @Test func sectionsInReadingOrder() {
        var s = Fixture.state(80, 12)
        s.openPage("inductive-bias")
        s = update(s, .char("]"))
        #expect(s.reader.position(s.context).page == "inductive-bias-examples")
        s = update(s, .char("]"))
        #expect(s.reader.unit == "part-2")
        s = update(s, .char("["))
        #expect(s.reader.unit == "inductive-bias")
    }

    @Test func spaceAtTheBottomGoesOnReading() {
        var s = press(Fixture.state(), keys("1"))
        #expect(s.reader.unit == "opening")
        s = update(s, .char(" "))
        #expect(s.reader.unit == "brief")
    }

    @Test func digitsPickThePartMenu() {
        var s = Fixture.state()
        s.openPage("part-1")
        s = update(s, .char("2"))
        #expect(s.reader.unit == "inductive-bias")
    }

    @Test func resizeKeepsTheSameBlockOnTop() {
        var s = Fixture.state(80, 10)
        s.openPage("inductive-bias-examples")
        let block = s.reader.topOrigin
        for (w, h) in [(40, 12), (33, 9), (120, 40), (80, 10)] {
            s = update(s, .resize(width: w, height: h))
            let doc = s.reader.document(s.context)
            #expect(doc.lines[s.reader.top].origin <= block || s.reader.top == s.reader.maxTop(doc, s.context))
        }
        #expect(s.reader.position(s.context).page == "inductive-bias-examples")
    }

    @Test func tooSmallAndBackAgain() {
        var s = press(Fixture.state(), keys("1", "j"))
        let before = render(s).lines
        s = update(s, .resize(width: 10, height: 4))
        #expect(s.tooSmall)
        s = update(s, .char("j"))  // ignored while too small
        s = update(s, .resize(width: 80, height: 24))
        #expect(render(s).lines == before)
    }

    @Test func bookmarksSetAndJump() {
        var s = Fixture.state()
        s.openPage("inductive-bias-examples")
        s = press(s, keys("ma"))
        #expect(s.reading.bookmarks["a"]?.page == "inductive-bias-examples")
        s = press(s, keys("H", "'a"))
        #expect(s.screen == .reader && s.reader.position(s.context).page == "inductive-bias-examples")
        s = press(s, keys("'z"))
        #expect(s.message?.contains("No bookmark") == true)
    }

    @Test func homeOffersToContinueReading() {
        var s = Fixture.state()
        s.openPage("part-2")
        let reading = s.reading
        #expect(reading.last?.page == "part-2")
        var fresh = Fixture.state(reading: reading)
        #expect(render(fresh).lines.contains { $0.contains("Continue reading") })
        fresh = update(fresh, .char("0"))   // "Continue reading" is item 0: the others keep their numbers
        #expect(fresh.reader.unit == "part-2")
    }

    @Test func searchOpensTheHitWithTheWordsMarked() {
        var s = press(Fixture.state(), keys("s", "mismatch", Key.enter))
        #expect(s.screen == .reader)
        #expect(s.reader.unit == "inductive-bias")
        #expect(!s.reader.find.matches.isEmpty)
        let line = s.reader.find.matches[s.reader.find.current ?? 0].line
        #expect(line >= s.reader.top && line < s.reader.top + s.contentRect.height, "the hit is on screen")
        s = update(s, .backspace)
        #expect(s.screen == .search && !s.search.typing)
    }

    @Test func visitedPagesAreMarkedInTheContents() {
        var s = Fixture.state()
        s.openPage("inductive-bias")
        s = press(s, keys("G"))   // read to the end: the section and its subsection (issue 12: not on opening alone)
        #expect(s.reading.visited.isSuperset(of: ["inductive-bias", "inductive-bias-examples"]))
        s = update(s, .char("t"))
        let row = render(s).lines.first { $0.contains("Why Architecture Matters") } ?? ""
        #expect(row.contains("✓"))
    }

    @Test func violationsAreReallyChecked() {
        var s = press(Fixture.state(), keys("1"))
        s.reader.top = 999
        #expect(!s.violations().isEmpty)
        s = Fixture.state()
        s.contents.list.index = 999
        #expect(!s.violations().isEmpty)
    }
}

@Suite struct MouseTests {
    @Test func clickFollowsALinkAndTheWheelScrolls() throws {
        var s = press(Fixture.state(80, 10), keys("1"))
        let buf = render(s)
        let y = try #require((0..<buf.height).first { buf.line($0).contains("Model Brief") })
        let x = DisplayWidth.of(buf.line(y)[..<buf.line(y).range(of: "Model Brief")!.lowerBound])
        s = update(s, .mouse(x: x + 2, y: y, .click))
        #expect(s.reader.unit == "brief")
        s = update(s, .backspace)
        let top = s.reader.top
        s = update(s, .mouse(x: 5, y: 3, .wheelDown))
        #expect(s.reader.top == top + 3)
        s = update(s, .mouse(x: 5, y: 3, .wheelUp))
        #expect(s.reader.top == top)
    }

    @Test func clickPicksInLists() {
        var s = Fixture.state()
        s = update(s, .mouse(x: 6, y: 5, .click))  // the second menu row: Contents
        #expect(s.screen == .contents)
        s = update(s, .mouse(x: 10, y: 2, .click))  // third row: Part 1
        #expect(s.screen == .reader && s.reader.unit == "part-1")
    }
}
