import Foundation
import Testing
@testable import NNGuideCore

/// Issue 23's leftovers after the eleventh retest (edge12).
@Suite struct Leftovers12Tests {
    let schema = DecisionFixture.book.brief
    func spec(_ name: String) throws -> BriefFieldSpec { try #require(schema[BriefField(name)], "no field \(name)") }

    /// After its flag a bad value names the field once ("--modality: unknown value 'imgae' for modality"
    /// said it twice), and a bad number says what the flag takes as typed ("--samples takes", as
    /// "--limit takes"), not the field's YAML name ("samples takes"). Where nothing before the message
    /// names the field (a brief file's line, the form's row), the message still does.
    @Test func aBadValueAfterItsFlagNamesTheFieldOnce() throws {
        let modality = try spec("modality")
        let typo = BriefRefusal.badValue(BriefValueError(spec: modality, value: "imgae")).description
        #expect(typo == "--modality: unknown value 'imgae'. Did you mean 'image'? Valid values: \(modality.writtenValues)")
        let cases: [(String, String, BriefValueError.Reason, String)] = [
            ("samples", "lots", .unknown, "--samples: 'lots' is not a number; --samples takes "),
            ("samples", "-5", .negative, "--samples: '-5' is negative; --samples takes "),
            ("samples", "0", .tooSmall(1), "--samples: '0' is too small; --samples takes at least 1"),
            ("latency_ms", "fast", .unknown, "--latency-ms: 'fast' is not a number; --latency-ms takes "),
            ("latency_ms", "0", .tooSmall(0), "--latency-ms: '0' is too small; --latency-ms takes more than 0"),
        ]
        for (field, value, reason, says) in cases {
            let s = try spec(field)
            let message = BriefRefusal.badValue(BriefValueError(spec: s, value: value, reason: reason)).description
            #expect(message.hasPrefix(says), "\(message)")
            #expect(message.components(separatedBy: s.flag).count == 3, "the flag, and the flag in what it takes: \(message)")
        }
        // Unprefixed (a brief file's 'b.yaml:2:7: ...'), the field is named in the text, once.
        #expect(BriefValueError(spec: modality, value: "imgae").description.hasPrefix("unknown value 'imgae' for modality. Did you mean 'image'?"))
        #expect(BriefValueError(spec: try spec("samples"), value: "lots").description.hasPrefix("'lots' is not a number; samples takes "))
    }
}
