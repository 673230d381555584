import Foundation
import Testing

/// Issue 23, the shell's frictions from the retest: width in pipes, values refused with what is
/// expected, close names instead of the whole catalog, every bad value of a brief file, no link
/// markup in JSON. Runs the built binary on the shipped Content/.
@Suite struct ShellFrictionTests {
    static let content = ExplorerPaths.content

    func run(_ args: [String], _ environment: [String: String] = [:]) throws -> CLI.Result {
        try CLI.run(args, content: Self.content, environment: environment)
    }

    static func widest(_ text: String) -> Int { text.components(separatedBy: "\n").map { $0.count }.max() ?? 0 }

    @Test func recommendTakesWidthAndEveryWrappingCommandHonoursColumnsInAPipe() throws {
        let brief = ["recommend", "--modality", "tabular", "--task", "classification"]
        let narrow = try run(brief + ["--width", "50"])
        #expect(narrow.status == 0, "\(narrow.err)")
        #expect(Self.widest(narrow.out) <= 50, "\(narrow.out.components(separatedBy: "\n").filter { $0.count > 50 })")
        // Standard output is a pipe here: COLUMNS is honoured as ls and man do, on every command alike.
        for args in [brief, ["compare", "cnn", "vit"], ["show", "splits"], ["glossary", "attention"], ["search", "attention"]] {
            let r = try run(args, ["COLUMNS": "44"])
            #expect(r.status == 0, "\(args): \(r.err)")
            #expect(Self.widest(r.out) <= 44, "\(args) under COLUMNS=44: \(Self.widest(r.out)) columns")
            #expect(Self.widest(try run(args).out) > 44, "\(args): without COLUMNS the pipe gets 80 columns")
        }
    }

    @Test(arguments: [
        (["toc", "--width", "wide"], "'wide' is not a number; --width takes a number of columns"),
        (["recommend", "--example", "two"], "'two' is not a number; --example takes the number of a worked example"),
        (["search", "attention", "--limit", "-1"], "--limit: '-1' is too small"),
        (["recommend", "--modality", "tabular", "--task", "classification", "--samples", "1e9"],
         "'1e9' is written with an exponent; write the digits: 1000000000"),
        (["recommend", "--modality", "tabular", "--task", "classification", "--samples", "99999999999999999999999"],
         "'99999999999999999999999' is too large"),
    ])
    func aBadNumberIsNamedWithWhatIsExpected(_ c: (args: [String], message: String)) throws {
        let r = try run(c.args)
        #expect(r.status == 64, "\(c.args): \(r.status)")
        #expect(r.err.contains(c.message), "\(c.args): \(r.err)")
        #expect(!r.err.contains("missing value"), "\(r.err)")
    }

    @Test func aMistypedCatalogIDGetsTheCloseOnesNotTheWholeCatalog() throws {
        let r = try run(["compare", "cnn", "vitt"])
        #expect(r.status == 1)
        #expect(r.err.contains("Did you mean 'vit' (Vision Transformer)"), "\(r.err)")
        #expect(!r.err.contains("gradient-boosting") && r.err.utf8.count < 300, "\(r.err)")
    }

    @Test func aBriefFileReportsEveryBadValueWithItsLine() throws {
        let path = try RecommendRun.briefFile("modality: imgae\ntask: clasification\nsamples: lots\n")
        let r = try run(["recommend", "--brief", path])
        #expect(r.status == 65)
        let lines = r.err.components(separatedBy: "\n").filter { $0.hasPrefix("nnguide: \(path):") }
        #expect(lines.count == 3, "\(r.err)")
        for (line, value) in zip(lines, ["imgae", "clasification", "lots"]) {
            #expect(line.contains("'\(value)'"), "\(line)")
        }
        #expect(lines.first?.hasPrefix("nnguide: \(path):1:") == true && lines.last?.hasPrefix("nnguide: \(path):3:") == true, "\(r.err)")
    }

    @Test(arguments: [["compare", "cnn", "vit", "--json"], ["show", "a:cnn", "--json"], ["show", "deep-dive-cnn", "--json"],
                      ["glossary", "attention", "--json"]])
    func jsonHasNoLinkMarkupAndListsLinksWithTitles(_ args: [String]) throws {
        let r = try run(args)
        #expect(r.status == 0, "\(r.err)")
        #expect(!r.out.contains("[[") && !r.out.contains("]]"), "\(args)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let links = try #require(object["links"] as? [[String: Any]], "\(args): no links listed")
        #expect(!links.isEmpty)
        for l in links { #expect(l["target"] is String && l["title"] is String && l["label"] is String, "\(l)") }
    }

    @Test func glossaryJSONNamesRelatedAndUsedInByTitle() throws {
        let r = try run(["glossary", "attention", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        for key in ["related", "used_in", "see"] {
            let items = try #require(object[key] as? [[String: Any]], "\(key) is not a list of {id, title}")
            #expect(!items.isEmpty && items.allSatisfy { $0["id"] is String && $0["title"] is String }, "\(key): \(items)")
        }
    }

    @Test func searchPutsTheBestGroupFirstInTextAndJSON() throws {
        let json = try run(["search", "data", "leakage", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let groups = try #require(object["groups"] as? [[String: Any]])
        let first = try #require((groups.first?["hits"] as? [[String: Any]])?.first)
        #expect(first["id"] as? String == "splits", "\(first)")
        let text = try run(["search", "data", "leakage"])
        #expect(text.out.hasPrefix("Text"), "\(text.out.prefix(200))")
        #expect(text.out.components(separatedBy: "\n").dropFirst().first?.contains("Train/Test Splits") == true, "\(text.out.prefix(200))")
    }
}
