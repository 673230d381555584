import Testing
@testable import NNGuideCore

@Suite struct DecisionConditionTests {
    func condition(_ yaml: [[String: [String]]]) -> BriefCondition { BriefCondition(anyOf: yaml.map(BriefCondition.clause)) }
    let schema = DecisionFixture.book.brief
    let brief = Brief.make(["modality": "image", "task": "detection", "samples": "50000", "latency_ms": "100", "deploy": "edge"])

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
        #expect(c.evaluate(brief) == (.unknown, ["compute"]))
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
        b["streaming"] = .flag(true)
        #expect(condition([["streaming": ["true"]]]).evaluate(b).outcome == .yes)
        #expect(condition([["streaming": ["false"]]]).evaluate(b).outcome == .no)
    }

    @Test func representativeValuesSatisfyTheCondition() {
        let c = condition([["samples": ["<100000"], "task": ["!retrieval"]], ["deploy": ["edge"]]])
        let values = c.representative(schema: schema)
        #expect(values[.samples] == .number(50_000))
        #expect(values[.task] == .choice("classification"))
        // A value already known that satisfies a mapping is kept, and nothing is added.
        #expect(c.representative(keeping: ["deploy": .choice("edge")], schema: schema).isEmpty)
    }

    @Test func problemsNameTheFieldAndValue() {
        #expect(condition([["modalty": ["image"]]]).problems(in: schema).first?.contains("unknown brief field 'modalty'") == true)
        #expect(condition([["deploy": ["moon"]]]).problems(in: schema).first?.contains("'moon' is not a deploy") == true)
        #expect(condition([["notes": ["x"]]]).problems(in: schema).first?.contains("free-text") == true)
        #expect(condition([["streaming": ["yes"]]]).problems(in: schema).first?.contains("true or false") == true)
        #expect(condition([["samples": ["lots"]]]).problems(in: schema).first?.contains("not a number test") == true)
        #expect(condition([["modality": ["5"]]]).problems(in: schema).first?.contains("'5' is not a modality") == true)
        #expect(condition([["task": ["!generation"], "samples": [">=10"]]]).problems(in: schema).isEmpty)
    }

    @Test func conditionsAreTypedWhenRead() {
        let c = condition([["task": ["!generation", "retrieval"], "samples": ["<100", "1000..2000"], "streaming": ["true"]]])
        let tests = c.anyOf[0].tests
        #expect(tests.first { $0.field == "task" }?.comparison == .choice(allowed: ["retrieval"], excluded: ["generation"]))
        #expect(tests.first { $0.field == "streaming" }?.comparison == .flag([true]))
        guard case .number(let ranges)? = tests.first(where: { $0.field == .samples })?.comparison else {
            Issue.record("samples is not a number comparison"); return
        }
        #expect(ranges.count == 2 && ranges[0].holds(99) && !ranges[0].holds(100) && ranges[1].holds(1500))
    }
}
