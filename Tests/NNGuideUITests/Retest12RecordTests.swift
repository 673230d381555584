import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// The twelfth retest (issue 23), the record the form saves (cli13).
@Suite struct Retest12RecordTests {
    /// The record's "Reproduce with" and the form's ^Y are one command: notes typed after the brief
    /// was judged were in ^Y's command and missing from the record's (taken as assumed).
    @Test func theRecordReproducesWithTheNotesAsCtrlYDoes() throws {
        var s = try Retest9FormTests.at(try Retest11FormTests.churn(80, 24), .notes)
        s = press(s, keys("churn"))
        let schema = s.context.library.guide.decisions.brief
        let ctrlY = try #require(s.decide.draft.brief(schema)).commandLine()
        #expect(ctrlY.contains("--notes churn"), "\(ctrlY)")
        let r = try #require(s.decide.draft.recommendation(s.context.library))
        let record = r.markdown(date: "2024-05-01")
        #expect(record.contains("```sh\n" + ctrlY + "\n```"), "the record's command differs from ^Y's (\(ctrlY)):\n\(record)")
    }
}
