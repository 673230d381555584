import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// The brief form's fields are a `SelectList` over a layout kept in a `Memo` (issue 22): the list
/// keeps the focused field in view, and a frame draws what the fit laid out.
@Suite struct BriefFormListTests {
    static let schema = Fixture.guide.decisions.brief

    /// Down through every field of a form taller than 40x12's pane: the list's choice is always the
    /// focused field's row, its top keeps that row (and what it says about itself, when that fits)
    /// on screen, and the screen shows the field's name there under the selection bar.
    @Test func aLongFormAt40x12RevealsTheCurrentField() throws {
        var s = press(Fixture.state(40, 12), keys("d3", "1", Key.down, "2"))
        var tops: Set<Int> = []
        for step in 0...Self.schema.fields.count {
            let form = try s.decide.form
            let shown = s.draft.shown(Self.schema)
            let laid = form.layout(s.context).form
            let pane = form.formPanes(s.context.rect).form
            let row = try #require(shown.firstIndex(of: form.field))
            #expect(form.rows.index == row, "step \(step)")
            let line = laid.items[row].lowerBound
            #expect(line >= form.rows.top && line < form.rows.top + pane.height, "step \(step): line \(line), top \(form.rows.top)")
            if let opened = laid.spots[.field], opened.count <= pane.height {
                #expect(opened.lowerBound >= form.rows.top && opened.upperBound <= form.rows.top + pane.height, "step \(step)")
            }
            let buffer = render(s)
            let y = pane.y + line - form.rows.top
            let name = Self.schema.fields[form.field].name
            #expect(buffer.lines[y].contains(name), "step \(step): row \(y) is \(buffer.lines[y])")
            #expect((pane.x..<pane.maxX).contains { buffer[$0, y].role == .selection }, "step \(step): row \(y) not selected")
            tops.insert(form.rows.top)
            s = press(s, [.down])
        }
        #expect(tops.count > 1, "the form fits 40x12 whole: the test needs a longer one")
        // The last field stays the focus, in view, after Down at the bottom.
        #expect(try s.decide.form.field == s.draft.shown(Self.schema).last)
    }

    /// Two frames of the same draft lay nothing out again and run no recommender: a resize to the
    /// same size fits every screen, and both frames draw the layout and judgement the first fit kept.
    /// A key that changes the brief lays the form out once and judges the brief once.
    @Test func theLayoutIsWorkedOutOncePerStateNotPerFrame() throws {
        for (w, h) in [(40, 12), (80, 24)] {
            var s = press(Fixture.state(w, h), keys("d3", "1", Key.down, "2"))
            let layouts = try s.decide.form.laid.misses, judgements = s.draft.judged.misses
            #expect(layouts > 0 && judgements > 0)
            let first = render(s)
            for _ in 0..<2 {
                s = press(s, [.resize(width: w, height: h)])
                #expect(render(s).lines == first.lines)
                let form = try s.decide.form
                #expect(form.laid.holds(form.layoutKey(s.context)), "\(w)x\(h): a frame would lay the form out again")
                #expect(s.draft.judged.holds(s.draft.judgedKey(s.library)))
            }
            #expect(try s.decide.form.laid.misses == layouts, "\(w)x\(h)")
            #expect(s.draft.judged.misses == judgements, "\(w)x\(h)")
            s = press(s, [.right])
            #expect(try s.decide.form.laid.misses == layouts + 1, "\(w)x\(h): one layout for one key")
            #expect(s.draft.judged.misses == judgements + 1, "\(w)x\(h): one judgement for one brief")
        }
    }

    /// The recommendation screen takes the flips the form's marks came from, and a flip it applies
    /// is judged once: back in the form, the marks are that judgement's.
    @Test func theRecommendationScreenSharesTheFormsJudgement() throws {
        var s = press(Fixture.state(), keys("d3", "1", Key.down, "2"))
        let judgements = s.draft.judged.misses
        s = press(s, [.ctrl("r")])
        #expect(s.decide.top is RecommendationScreen)
        #expect(s.draft.judged.misses == judgements, "r worked the flips out again")
        let flips = try #require(s.decide.top as? RecommendationScreen).flips(s.context)
        let brief = try #require(s.draft.brief(Self.schema))
        #expect(flips == Flips.analyze(brief, with: Recommender(guide: Fixture.guide)))
    }
}
