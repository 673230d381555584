import Testing
@testable import NNGuideCore

@Suite struct MarkdownTests {
    let md: MarkdownRenderer
    init() throws { md = MarkdownRenderer(guide: try Fixtures.miniGuide()) }

    @Test func textThatWouldStartAListOrHeadingIsEscaped() {
        #expect(md.atLineStart("1. Define the envelope") == "1\\. Define the envelope")
        #expect(md.atLineStart("12) Twelve") == "12\\) Twelve")
        #expect(md.atLineStart("- not a bullet") == "\\- not a bullet")
        #expect(md.atLineStart("# not a heading") == "\\# not a heading")
        #expect(md.atLineStart("2024 was a year") == "2024 was a year")
        #expect(md.atLineStart("-1 is negative") == "-1 is negative")
    }

    @Test func cellsKeepTheirPipesAndLineBreaks() {
        #expect(md.cell("a | b") == "a \\| b")
        #expect(md.cell("• one\n• two") == "• one<br>• two")
    }

    @Test func linksPointAtAnchorsByKind() {
        #expect(md.inline("See [[CNNs|a:cnn]], [[attention]] and [[Part A|part-a]].")
                == "See [CNNs](#a-cnn), [attention](#g-attention) and [Part A](#part-a).")
    }

    @Test func headingsCarryTheirAnchorInside() {
        #expect(md.heading(2, "vision", "Vision Models") == "## <a id=\"vision\"></a>Vision Models")
        #expect(md.heading(9, "x", "Deep") == "###### <a id=\"x\"></a>Deep")
    }
}
