import Testing
@testable import NNGuideCore

/// Part 10 ("Practice in 2026") in the shipped Content/: every section issue 11 asked for exists under it,
/// and each is linked from the page it extends, so a reader of that page can reach it. Structural facts
/// only (ids and links), never wording.
@Suite struct PracticePartTests {
    /// Each new section, and the page whose own text must link to it.
    static let extends: [(section: String, from: String)] = [
        ("llm-first-workflow", "newer-techniques"),
        ("audio-and-speech", "pitfall-from-scratch"),
        ("anomaly-detection-practice", "quick-reference"),
        ("forecasting-today", "pitfall-from-scratch"),
        ("forecasting-today", "part-4"),
        ("detection-segmentation-choice", "part-4"),
        ("small-tables", "pitfall-classical-tabular"),
        ("ranking-and-recommendation", "example-5-product-search"),
        ("statistical-rigour", "part-7"),
        ("hyperparameter-search", "key-distinctions"),
        ("online-evaluation", "part-7"),
        ("online-evaluation", "part-8"),
        ("training-serving-skew", "part-8"),
        ("conformal-prediction-practice", "part-7"),
        ("data-centric-tools", "part-7"),
        ("sizing", "part-8"),
        ("security-and-privacy", "part-8"),
        ("diffusion-today", "part-4"),
    ]

    /// Loaded once for all cases (each load parses and checks the whole guide); RealContentTests
    /// reports why when it does not load.
    static let loaded: Guide? = try? ContentLoader.load(directory: Fixtures.realContent)

    func guide() throws -> Guide { try #require(Self.loaded, "Content/ does not load") }

    @Test func partTenComesAfterPartNineWithEverySection() throws {
        let g = try guide()
        let part = try #require(g.page("part-10"), "no page part-10")
        #expect(part.depth == 0)
        let before = try #require(g.page("part-9")), after = try #require(g.page("final-principles"))
        #expect(before.order < part.order && part.order < after.order, "part-10 between part-9 and final-principles")
        for id in Set(Self.extends.map(\.section)) {
            #expect(g.page(id)?.parentID == "part-10", "section \(id) under part-10")
        }
    }

    @Test(arguments: extends)
    func sectionIsLinkedFromThePageItExtends(section: String, from: String) throws {
        let g = try guide()
        let page = try #require(g.page(from), "no page \(from)")
        let targets = page.page.blocks.flatMap(\.texts).flatMap(InlineParser.parse).compactMap { inline -> String? in
            if case .link(_, .page(let id)) = inline { return id } else { return nil }
        }
        #expect(targets.contains(section), "\(from) does not link to \(section)")
    }

    /// Every glossary entry that names a Part 10 section in `used_in` is really used there: the section's
    /// text links to it by id, term or alias. Catches entries left behind when a section is rewritten.
    @Test func partTenGlossaryEntriesAreLinkedFromTheirSections() throws {
        let g = try guide()
        let sections = Set(Self.extends.map(\.section))
        for entry in g.glossary {
            for id in entry.usedIn where sections.contains(id) {
                let texts = try #require(g.page(id)).page.blocks.flatMap(\.texts)
                let linked = texts.flatMap(InlineParser.parse).contains { inline in
                    switch inline {
                    case .link(_, .glossary(let gid)): return gid == entry.id
                    case .link(_, .glossaryTerm(let term)): return g.glossaryEntry(forTerm: term)?.id == entry.id
                    default: return false
                    }
                }
                #expect(linked, "glossary \(entry.id) says it is used in \(id), which does not link it")
            }
        }
    }
}
