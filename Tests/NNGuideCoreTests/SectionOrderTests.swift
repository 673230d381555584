import Testing
@testable import NNGuideCore

/// A decision's sections in one order (`DecisionSection.allCases`): the Markdown record put the brief
/// first while text and JSON have it before "Read more" (issue 22's design review). Every projection
/// now shows the sections it has in that order.
@Suite struct SectionOrderTests {
    static let guide: Guide? = try? ContentLoader.load(directory: Fixtures.realContent)

    /// The sections a rendering heads, in the order it shows them ("## Pick: X" follows the path and is no section).
    static func sections(_ lines: [String], prefix: String) -> [DecisionSection] {
        lines.compactMap { line in
            guard line.hasPrefix(prefix) else { return nil }
            let h = String(line.dropFirst(prefix.count))
            return DecisionSection.allCases.first { $0.heading == h }
        }
    }

    static func inOrder(_ s: [DecisionSection]) -> Bool {
        let at = s.map { DecisionSection.allCases.firstIndex(of: $0)! }
        return zip(at, at.dropFirst()).allSatisfy { $0 < $1 }
    }

    @Test func aBriefsRecordAndItsTextShowTheSectionsInTheOneOrder() throws {
        let guide = try #require(Self.guide)
        let recommender = Recommender(guide: guide)
        for raw in [["modality": "tabular", "task": "classification"], ["modality": "text", "task": "generation", "samples": "500"],
                    ["modality": "image", "task": "classification", "notes": "a # heading? no"]] {
            let brief = try Brief(schema: guide.decisions.brief, raw)
            var r = try recommender.recommend(brief)
            r.flips = Flips.analyze(brief, with: recommender)
            let md = r.markdown(date: "2026-12-07").components(separatedBy: "\n")
            let mdSections = Self.sections(md, prefix: "## ")
            #expect(Self.inOrder(mdSections), "\(raw): \(mdSections)")
            #expect(mdSections.contains(.brief) && mdSections.contains(.path))
            // The same sections as the text, in the same order (the record adds "none flagged" warnings).
            let text = Self.sections(r.text(width: 80).components(separatedBy: "\n"), prefix: "")
            #expect(mdSections.filter { $0 != .warnings } == text.filter { $0 != .warnings }, "\(raw)")
            // "Reproduce with" is the brief's, under its heading.
            let section = try #require(md.firstIndex(of: "## " + DecisionSection.brief.heading))
            let reproduce = try #require(md.firstIndex(of: "Reproduce with:"))
            let next = md[(section + 1)...].firstIndex { $0.hasPrefix("## ") } ?? md.count
            #expect(section < reproduce && reproduce < next, "\(raw)")
        }
    }

    @Test func aPathsRecordShowsItsCommandAsItsBriefInTheOneOrder() throws {
        let guide = try #require(Self.guide)
        let primary = try #require(guide.decisions.tree("primary"))
        let brief = try Brief(schema: guide.decisions.brief, ["modality": "text", "task": "generation"])
        let nav = Navigator(tree: primary, brief: brief, recommender: Recommender(guide: guide))
        let md = try #require(nav.record(catalog: guide.catalog, guide: guide, date: "2026-12-07")).components(separatedBy: "\n")
        let sections = Self.sections(md, prefix: "## ")
        #expect(Self.inOrder(sections), "\(sections)")
        let heading = try #require(md.firstIndex(of: "## " + DecisionSection.brief.heading))
        // The command's fields table, as a brief's record has it, then the command (issue 23, ninth retest).
        let next = md[(heading + 1)...].firstIndex { $0.hasPrefix("## ") } ?? md.count
        #expect(md[heading + 2] == "| field | value | source |" && md[heading..<next].contains("Reproduce with:"), "\(md[heading..<next])")
    }
}
