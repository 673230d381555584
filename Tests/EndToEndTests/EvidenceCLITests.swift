import Foundation
import Testing

/// `nnguide lint` (warnings, --strict, --stale) and `nnguide sources` over a fixture with a bibliography.
@Suite struct EvidenceCLITests {
    /// The mini fixture with two sources, a page reviewed 2025-01, a glossary entry reviewed 2026-06,
    /// an added entry stating a year without evidence, and a source nobody cites.
    static func content() throws -> String {
        try CLI.scratch { dir in
            try """
                sources:
                  - {id: fixture-guide, title: The fixture guide, organisation: Fixture authors, kind: guide}
                  - id: resnet-paper
                    title: Deep Residual Learning for Image Recognition
                    authors: Kaiming He et al.
                    year: 2016
                    kind: paper
                    url: https://arxiv.org/abs/1512.03385
                  - {id: spare, title: Never cited, organisation: Nobody, kind: docs}

                """.write(toFile: dir + "/sources.yaml", atomically: true, encoding: .utf8)
            func edit(_ file: String, _ old: String, _ new: String) throws {
                let path = dir + "/" + file
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try #require(text.contains(old))
                try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
            }
            try edit("pages/00-intro.yaml", "short: Intro\n", "short: Intro\nsources: [fixture-guide]\nreviewed: 2025-01\n")
            try edit("glossary.yaml", "    used_in: [vision]\n", "    used_in: [vision]\n    sources: [resnet-paper]\n    reviewed: 2026-06\n")
            try edit("glossary.yaml", "entries:\n", "entries:\n  - {id: sam, origin: added, term: SAM, definition: A promptable segmenter from 2023.}\n")
        }
    }

    @Test func warningsExitZeroUnlessStrict() throws {
        let dir = try Self.content()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lint = try CLI.run(["lint"], content: dir)
        #expect(lint.status == 0)
        #expect(lint.err.contains("glossary.yaml:2:5: warning: glossary entry 'sam' (origin: added) states a year (2023) without sources and reviewed"))
        #expect(lint.err.contains("sources.yaml:9:5: warning: source 'spare' is cited by nothing"))
        #expect(lint.err.hasSuffix("2 warnings in \(dir)\n"))
        let strict = try CLI.run(["lint", "--strict"], content: dir)
        #expect(strict.status == 1)
        #expect(try CLI.run(["lint", "--strict"]).status == 0)   // the mini fixture: clean
    }

    @Test func staleListsOldReviewsOldestFirst() throws {
        let dir = try Self.content()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let year = try CLI.run(["lint", "--stale", "--as-of", "2026-12"], content: dir)
        #expect(year.status == 0)
        #expect(year.out == "pages/00-intro.yaml:1:1: page 'intro' reviewed 2025-01 (23 months ago)\n")
        #expect(year.err.contains("1 item reviewed more than 12 months before 2026-12 (2 items carry a review date)"))
        let all = try CLI.run(["lint", "--stale", "0", "--as-of", "2026-12", "--strict"], content: dir)
        #expect(all.status == 1)
        let lines = all.out.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix("(23 months ago)") == true)
        #expect(lines.last?.hasPrefix("glossary.yaml:") == true && lines.last?.hasSuffix("glossary entry 'cnn' reviewed 2026-06 (6 months ago)") == true)
        let none = try CLI.run(["lint", "--stale", "30", "--as-of", "2026-12", "--strict"], content: dir)
        #expect(none.status == 0 && none.out.isEmpty)
        #expect(try CLI.run(["lint", "6"], content: dir).status == 64)
        #expect(try CLI.run(["lint", "--stale", "--as-of", "December"], content: dir).status == 64)
    }

    @Test func sourcesListsTheBibliographyAndWhereEachIsCited() throws {
        let dir = try Self.content()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Wide enough that no entry wraps (sources wraps to 80 columns by default since the seventh retest).
        let list = try CLI.run(["sources", "--width", "200"], content: dir)
        #expect(list.status == 0)
        #expect(list.out.contains("resnet-paper   Deep Residual Learning for Image Recognition (Kaiming He et al., 2016) · paper · cited by 1\n"))
        #expect(list.out.contains("https://arxiv.org/abs/1512.03385"))
        #expect(list.out.contains("spare          Never cited (Nobody) · docs · cited by 0"))
        let one = try CLI.run(["sources", "resnet-paper"], content: dir)
        #expect(one.status == 0)
        #expect(one.out.contains("Cited by 1:\n  glossary.yaml:"))
        #expect(one.out.contains("glossary entry 'cnn' · reviewed 2026-06"))
        // Two spaces part the place from what cites it, wrapped at 80 columns or not (issue 23: the
        // hanging wrapper had made them one).
        let wide = try CLI.run(["sources", "resnet-paper", "--width", "200"], content: dir)
        for out in [one.out, wide.out] {
            #expect(out.range(of: #"\n  glossary\.yaml:\d+:\d+  glossary entry 'cnn'"#, options: .regularExpression) != nil, "\(out)")
        }
        let json = try CLI.run(["sources", "fixture-guide", "--json"], content: dir)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["cited_by"] as? Int == 1)
        let citations = try #require(object["citations"] as? [[String: Any]])
        #expect(citations.first?["file"] as? String == "pages/00-intro.yaml" && citations.first?["page"] as? String == "intro")
        let missing = try CLI.run(["sources", "resnet"], content: dir)
        #expect(missing.status == 1 && missing.err.contains("no source has the id 'resnet'"))
        let help = try CLI.run(["--help"], content: nil)
        #expect(help.out.contains("sources"))
    }
}
