import Foundation
import Testing
@testable import NNGuideCore

/// What the eleventh retest of issue 23 found in the shell's search: a section found across its
/// paragraphs said "(words in different paragraphs)" where the explorer said "(across paragraphs)".
@Suite(.enabled(if: ExplorerPaths.haveBinary, "needs .build/debug/nnguide (make test builds it)"))
struct Retest11ListCLITests {
    /// One wording, NNGuideCore's `SearchHit.spreadNote`, in the shell as in the explorer.
    @Test func theShellSaysAcrossParagraphsAsTheExplorerDoes() throws {
        let r = try CLI.run(["search", "data", "leakage", "--width", "200"], content: ExplorerPaths.content)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("(\(SearchHit.spreadNote))"), "\(r.out)")
        #expect(!r.out.contains("different paragraphs"), "\(r.out)")
    }
}
