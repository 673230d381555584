import Testing
@testable import NNGuideCore

@Suite struct DecisionConditionTests {
    func condition(_ yaml: [[String: [String]]]) -> BriefCondition { BriefCondition(anyOf: yaml) }
    let brief = Brief(modality: .image, task: .detection, samples: 50_000, latencyMs: 100, deploy: .edge)

    @Test func everyFieldOfAMappingMustMatch() {
        #expect(condition([["modality": ["image", "video"], "deploy": ["edge"]]]).evaluate(brief).outcome == .yes)
        #expect(condition([["modality": ["image"], "deploy": ["cloud"]]]).evaluate(brief).outcome == .no)
    }

    @Test func anyMappingOfAListMayMatch() {
        let c = condition([["deploy": ["cloud"]], ["samples": ["<100000"]]])
        let (outcome, fields) = c.evaluate(brief)
        #expect(outcome == .yes && fields == [.samples])
    }

    @Test func aMissingFieldIsUnknownNotFalse() {
        let c = condition([["compute": ["low"]]])
        #expect(c.evaluate(brief) == (.unknown, [.compute]))
        #expect(condition([["compute": ["low"], "deploy": ["cloud"]]]).evaluate(brief).outcome == .no)
    }

    @Test func exclusionsMeanNoneOfThem() {
        #expect(condition([["task": ["!generation", "!imputation"]]]).evaluate(brief).outcome == .yes)
        #expect(condition([["task": ["!detection", "!imputation"]]]).evaluate(brief).outcome == .no)
    }

    @Test func numbersCompareAsRanges() {
        for (pattern, expected) in [("<50000", false), ("<=50000", true), (">49999", true), (">=50001", false),
                                    ("10000..100000", true), ("50000..60000", true), ("1000..50000", false), ("50,000", true)] {
            #expect(condition([["samples": [pattern]]]).evaluate(brief).outcome == (expected ? .yes : .no), "\(pattern)")
        }
        #expect(NumberTest("lots") == nil && NumberTest("10..5") == nil)
    }

    @Test func flagsMatchTrueOrFalse() {
        var b = brief
        b.streaming = true
        #expect(condition([["streaming": ["true"]]]).evaluate(b).outcome == .yes)
        #expect(condition([["streaming": ["false"]]]).evaluate(b).outcome == .no)
    }

    @Test func representativeValuesSatisfyTheCondition() {
        let c = condition([["samples": ["<100000"], "task": ["!retrieval"]], ["deploy": ["edge"]]])
        let values = c.representative()
        #expect(values[.samples] == .number(50_000))
        #expect(values[.task] == .choice("classification"))
        // A value already known that satisfies a mapping is kept, and nothing is added.
        #expect(c.representative(keeping: [.deploy: .choice("edge")]).isEmpty)
    }

    @Test func problemsNameTheFieldAndValue() {
        #expect(condition([["modalty": ["image"]]]).problems.first?.contains("unknown brief field 'modalty'") == true)
        #expect(condition([["deploy": ["moon"]]]).problems.first?.contains("'moon' is not a deploy") == true)
        #expect(condition([["notes": ["x"]]]).problems.first?.contains("free-text") == true)
        #expect(condition([["streaming": ["yes"]]]).problems.first?.contains("true or false") == true)
        #expect(condition([["task": ["!generation"], "samples": [">=10"]]]).problems.isEmpty)
    }
}
