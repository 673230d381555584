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
        #expect(md.heading(2, key: "vision", id: "vision", text: "Vision Models") == "## <a id=\"vision\"></a>Vision Models")
        #expect(md.heading(9, key: "x", id: "x", text: "Deep") == "###### <a id=\"x\"></a>Deep")
    }

    @Test func userTextIsLiteral() {
        #expect(MarkdownText.literal("<script>*bold* `x` [a](b) &amp; ~~s~~ \\") == "\\<script\\>\\*bold\\* \\`x\\` \\[a\\](b) \\&amp; \\~\\~s\\~\\~ \\\\")
        #expect(MarkdownText.literalLines("# not a heading\n> not a quote\nplain") == "\\# not a heading\\\n\\> not a quote\\\nplain")
        #expect(MarkdownText.atLineStart("#hashtag") == "#hashtag")
        #expect(MarkdownText.atLineStart("---") == "\\---")
    }

    @Test func textGFMWouldAutolinkIsEscaped() {
        #expect(MarkdownText.literal("mAP@0.5 and a.b@c.org") == "mAP\\@0.5 and a.b\\@c.org")
        #expect(MarkdownText.literal("recall@k") == "recall\\@k")
        #expect(MarkdownText.literal("see www.example.org or https://x.org") == "see www\\.example.org or https\\://x.org")
        #expect(MarkdownText.literal("@home, a @ b") == "@home, a @ b")
    }

    @Test func theGuidesCodeSpansStayCode() {
        #expect(md.inline("Run `nnguide glossary` now") == "Run `nnguide glossary` now")
        #expect(md.inline("a lone ` tick") == "a lone \\` tick")
        #expect(MarkdownText.code("a`b") == "``a`b``")
    }

    @Test func shellWordsAreSingleQuotedWhenTheyNeedIt() {
        #expect(MarkdownText.shellWord("image") == "image")
        #expect(MarkdownText.shellWord("it's $HOME") == "'it'\\''s $HOME'")
        #expect(MarkdownText.shellWord("") == "''")
    }

    @Test func headingIDsAreNumberedLikeGitHub() {
        var ids = HeadingIDs()
        #expect(ids.derive("Part 5: Choosing — fast") == "part-5-choosing--fast")
        #expect(ids.derive("Glossary") == "glossary")
        #expect(ids.derive("Glossary") == "glossary-1")
        #expect(ids.derive("Glossary") == "glossary-2")
    }
}
