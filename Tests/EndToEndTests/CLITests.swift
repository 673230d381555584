import Foundation
import Testing

/// Every command through the built binary: what it prints and how it exits.
@Suite struct CLITests {
    func json(_ s: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(s.utf8)) }

    // MARK: toc

    @Test func toc() throws {
        let r = try CLI.run(["toc"])
        #expect(r.status == 0)
        #expect(r.lines.first?.hasPrefix("A Small Guide to Models") == true)
        #expect(r.lines.first?.hasSuffix("intro") == true)
        #expect(r.lines.contains { $0.hasPrefix("    Table: Vision: CNN vs ViT") && $0.hasSuffix("vision-matrix") })
        #expect(r.lines.allSatisfy { $0.count <= 80 })
        let j = try #require(try json(try CLI.run(["toc", "--format", "json"]).out) as? [[String: Any]])
        #expect(j.map { $0["id"] as? String } == ["intro", "part-a", "vision", "vision-edge", "worked", "wide"])
        #expect(try CLI.run(["toc", "--format", "markdown"]).out.contains("  - [Vision Models](#vision) `vision`"))
    }

    // MARK: show

    @Test(arguments: [80, 40])
    func showPrintsThePageAsTheRendererDoes(width: Int) throws {
        let r = try CLI.run(["show", "part-a", "--width", "\(width)"])
        #expect(r.status == 0)
        #expect(r.out == (try CLI.golden("part-a-\(width).txt")))
    }

    @Test func showByTitleTableAndFigure() throws {
        let byTitle = try CLI.run(["show", "worked ex"])
        #expect(byTitle.status == 0 && byTitle.lines.contains("A Worked Example"))
        let table = try CLI.run(["show", "vision-matrix", "--ascii"])
        #expect(table.lines.first == "Part A > A.1 Vision")
        #expect(table.lines.contains("| Data needs      | Lower       | Higher                        |"))
        let figure = try CLI.run(["show", "flow-figure"])
        #expect(figure.lines.contains("│   └── Fine-tune a pretrained CNN"))
        let entry = try CLI.run(["show", "a:vit", "--format", "json"])
        let j = try #require(try json(entry.out) as? [String: Any])
        #expect(j["kind"] as? String == "architecture")
        #expect((j["architecture"] as? [String: Any])?["id"] as? String == "vit")
    }

    @Test func showAmbiguousListsCandidatesAndExits1() throws {
        let r = try CLI.run(["show", "models"])
        #expect(r.status == 1)
        #expect(r.out.isEmpty)
        #expect(r.err.contains("'models' fits 3 items"))
        for id in ["intro", "part-a", "vision"] { #expect(r.err.contains("  \(id)  ")) }
    }

    @Test func showUnknownSuggestsAndExits1() throws {
        let r = try CLI.run(["show", "visoin"])
        #expect(r.status == 1)
        #expect(r.err.contains("nothing in the guide is called 'visoin'"))
        #expect(r.err.contains("Did you mean 'vision' (Vision Models)"))
    }

    @Test func usageErrorsExit64() throws {
        for args in [["show", "intro", "--width", "19"], ["show"], ["toc", "--format", "html"], ["search"],
                     ["search", "x", "--limit", "0"], ["export", "--format", "yaml"], ["compare", "cnn"], ["frobnicate"]] {
            let r = try CLI.run(args)
            #expect(r.status == 64, "\(args): \(r.err)")
            #expect(!r.err.isEmpty)
        }
        #expect(try CLI.run(["show", "intro", "--width", "19"]).err.contains("nnguide: --width: 19 is too narrow; --width takes 20 or more"))
        #expect(try CLI.run(["compare", "cnn"]).err.contains("compare needs two or more"))
    }

    // MARK: glossary

    @Test func glossaryListsEveryTerm() throws {
        let r = try CLI.run(["glossary"])
        #expect(r.status == 0)
        // One line a term; a term too long for the column has its definition on the next line.
        let terms = r.lines.filter { !$0.isEmpty && !$0.hasPrefix(" ") }.map { $0.split(separator: " ", maxSplits: 1).first.map(String.init) ?? "" }
        #expect(terms == ["Attention", "CNN", "Inductive", "Overfitting", "Transformer", "Vision"])
        #expect(r.lines.contains { $0.hasPrefix("Attention") && $0.contains("Scores how relevant") })
        #expect(r.lines.first?.hasPrefix("Attention ") == true)
        let j = try #require(try json(try CLI.run(["glossary", "--format", "json"]).out) as? [[String: Any]])
        #expect(j.count == 6)
    }

    @Test func glossaryFindsByAliasAndSuggestsOnATypo() throws {
        let alias = try CLI.run(["glossary", "convnet"])
        #expect(alias.status == 0)
        #expect(alias.lines.prefix(2) == ["CNN", "───"])
        let words = try CLI.run(["glossary", "inductive", "bias", "--format", "markdown"])
        #expect(words.out.hasPrefix("# <a id=\"g-inductive-bias\"></a>Inductive bias"))
        let typo = try CLI.run(["glossary", "atention"])
        #expect(typo.status == 1)
        #expect(typo.out.isEmpty)
        #expect(typo.err.contains("Did you mean 'Attention'?"))
    }

    // MARK: search

    @Test func searchGroupsHitsWithBreadcrumbs() throws {
        let r = try CLI.run(["search", "zebra"])
        #expect(r.status == 0)
        #expect(r.lines.first == "Text (1)")
        #expect(r.lines.contains("    Part A › A.1 Vision"))
        let cnn = try CLI.run(["search", "cnn"]).lines
        let glossary = try #require(cnn.firstIndex { $0.hasPrefix("Glossary") })
        let text = try #require(cnn.firstIndex { $0.hasPrefix("Text") })
        #expect(glossary < text)
    }

    @Test func searchMissSuggestsAndExits1() throws {
        let r = try CLI.run(["search", "zebar"])
        #expect(r.status == 1)
        #expect(r.err.contains("Did you mean 'zebra'?"))
    }

    @Test func searchJSON() throws {
        let r = try CLI.run(["search", "zebra", "stri", "--format", "json"])
        let j = try #require(try json(r.out) as? [String: Any])
        let hit = try #require(((j["groups"] as? [[String: Any]])?.first?["hits"] as? [[String: Any]])?.first)
        #expect(hit["id"] as? String == "vision")
        #expect(hit["page_id"] as? String == "vision")
        let snippet = try #require(hit["snippet"] as? String)
        let matches = try #require(hit["matches"] as? [[Int]])
        let words = matches.map { m in String(Array(snippet)[m[0]..<m[1]]) }
        #expect(words == ["Zebra", "stri"])   // issue 23: only what the query named ("stri" of "stripes")
    }

    // MARK: compare

    @Test func compareListsAndShowsMatrices() throws {
        let list = try CLI.run(["compare"])
        #expect(list.status == 0)
        #expect(list.lines.first?.hasSuffix("vision-matrix") == true)
        #expect(list.lines.contains("  compares CNN, ViT"))
        let one = try CLI.run(["compare", "vision-matrix", "--format", "markdown"])
        #expect(one.lines.contains("| Edge deployment | Excellent | Limited |"))
    }

    @Test func compareCatalogEntriesSideBySide() throws {
        let r = try CLI.run(["compare", "cnn", "ViT", "--width", "100"])
        #expect(r.status == 0)
        #expect(r.lines.first == "Compared: CNN, ViT")
        #expect(r.lines.contains { $0.hasPrefix("│ Edge deployment ") && $0.contains("│ Excellent") && $0.contains("│ Limited") })
        let unknown = try CLI.run(["compare", "cnn", "vitt"])
        #expect(unknown.status == 1)
        #expect(unknown.err.contains("no catalog entry is called 'vitt'"))
        #expect(unknown.err.contains("Did you mean 'vit' ("), "\(unknown.err)")   // issue 23: the id with its name
        #expect(try CLI.run(["compare", "nope-table"]).status == 1)
    }

    // MARK: export

    @Test func exportMarkdownAndJSON() throws {
        let md = try CLI.run(["export", "--format", "markdown"])
        #expect(md.status == 0)
        #expect(md.out == (try CLI.golden("guide.md")))
        let js = try CLI.run(["export", "--format", "json"])
        let j = try #require(try json(js.out) as? [String: Any])
        #expect(Set(j.keys) == ["format_version", "pages", "glossary", "catalog", "decisions", "sources"])
    }

    // MARK: content problems, lint, version, help

    @Test func lintAndBadContent() throws {
        let clean = try CLI.run(["lint"])
        #expect(clean.status == 0 && clean.out.hasSuffix("clean\n"))
        let broken = try CLI.scratch { dir in
            let f = dir + "/pages/10-part-a.yaml"
            let t = try String(contentsOfFile: f, encoding: .utf8)
            try t.replacingOccurrences(of: "    title: Vision Models", with: "    title: Vision: Models").write(toFile: f, atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(atPath: broken) }
        let lint = try CLI.run(["lint"], content: broken)
        #expect(lint.status == 65)
        #expect(lint.err.contains("pages/10-part-a.yaml:11:18: YAML syntax error: mapping values are not allowed"))
        let show = try CLI.run(["show", "intro"], content: broken)
        #expect(show.status == 65)
        #expect(show.out.isEmpty)
        #expect(show.err.contains("pages/10-part-a.yaml:11:18"))
    }

    @Test func emptyGlossaryFileExits65() throws {
        let broken = try CLI.scratch { dir in try "".write(toFile: dir + "/glossary.yaml", atomically: true, encoding: .utf8) }
        defer { try? FileManager.default.removeItem(atPath: broken) }
        let r = try CLI.run(["glossary"], content: broken)
        #expect(r.status == 65)
        #expect(r.err.contains("glossary.yaml: file is empty"))
    }

    @Test func versionAndHelp() throws {
        let v = try CLI.run(["--version"], content: nil)
        #expect(v.status == 0 && !v.out.isEmpty)
        for cmd in ["toc", "show", "glossary", "search", "compare", "export", "lint", "sources"] {
            let h = try CLI.run([cmd, "--help"], content: nil)
            #expect(h.status == 0, "\(cmd) --help")
            #expect(h.out.contains("USAGE: nnguide \(cmd)"))
            if cmd != "lint" { #expect(h.out.contains("nnguide \(cmd) "), "\(cmd) has an example") }
        }
    }
}
