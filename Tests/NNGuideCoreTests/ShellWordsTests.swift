import Testing
@testable import NNGuideCore

/// The one reader of a command line's words, shared by the explorer's command box and `--help`.
@Suite struct ShellWordsTests {
    @Test(arguments: [
        ("nnguide recommend --notes 'it'\\''s a churn brief' --deploy mobile",
         ["nnguide", "recommend", "--notes", "'it'\\''s a churn brief'", "--deploy", "mobile"]),
        ("nnguide show \"worked examples\" --format markdown", ["nnguide", "show", "\"worked examples\"", "--format", "markdown"]),
        ("nnguide completions bash > ~/.local/x", ["nnguide", "completions", "bash", ">", "~/.local/x"]),
        ("a\\ b  c", ["a\\ b", "c"]),
    ])
    func wordsAreReadAsTheShellReadsThem(_ c: (line: String, words: [String])) {
        #expect(ShellWords.split(c.line) == c.words)
    }
}
