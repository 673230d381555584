import Foundation
import Testing
import Yams
@testable import NNGuideCore

/// The loader's own decoder over Yams nodes (`NodeDecoder`) must read every scalar exactly as Yams'
/// `YAMLDecoder` did, report the same errors at the same places, and read the real content to the
/// same values. Each case is checked against `YAMLDecoder` itself, so the expectation is Yams' own
/// behaviour, not a copy of it written here.
@Suite struct NodeDecoderTests {
    struct One<T: Decodable>: Decodable { var v: T }
    struct Maybe<T: Decodable>: Decodable { var v: T? }

    /// A result as text: the value, or the error's kind, expected type and coding path.
    static func outcome<T: Decodable>(_ body: () throws -> T) -> String {
        do { return "value \(try body())" } catch let e as DecodingError {
            switch e {
            case let .typeMismatch(t, c): return "typeMismatch \(Reader.plainName(t)) at \(Reader.pathString(c.codingPath))"
            case let .valueNotFound(t, c): return "valueNotFound \(Reader.plainName(t)) at \(Reader.pathString(c.codingPath))"
            case let .keyNotFound(k, c): return "keyNotFound \(k.stringValue) at \(Reader.pathString(c.codingPath))"
            case let .dataCorrupted(c): return "dataCorrupted at \(Reader.pathString(c.codingPath)): \(c.debugDescription)"
            @unknown default: return "\(e)"
            }
        } catch { return "other \(error)" }
    }

    /// Ours against Yams' decoder on the same text (Yams composing with its default resolver, as the
    /// loader did before).
    static func compare<T: Decodable>(_ type: T.Type, _ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let ours = outcome { try NodeDecoder.decode(T.self, from: try #require(try NodeDecoder.compose(yaml))) }
        let yams = outcome { try YAMLDecoder().decode(T.self, from: try #require(try Yams.compose(yaml: yaml))) }
        #expect(ours == yams, "\(T.self) from \(yaml.debugDescription)", sourceLocation: sourceLocation)
        return ours
    }

    static let scalars = [
        "text", "'quoted'", "\"5000\"", "5000", "0", "-3", "+7", "0x1F", "0o17", "017", "0b101", "1_000", "1:30",
        "2.5", "1e3", "-0.5", ".inf", "-.inf", "2026-11-29", "yes", "No", "ON", "off", "TRUE", "False", "y",
        "'yes'", "\"true\"", "!!str yes", "!!str 42", "~", "null", "NULL", "Null", "''", "", "'null'", "\"~\"",
        "[a, b]", "{a: 1}", "|\n  literal 42\n", ">-\n  folded\n  text\n", "é ñ 日本",
    ]

    @Test func everyScalarKindMeansWhatItMeantToYams() throws {
        for s in Self.scalars {
            let yaml = "v: \(s)\n"
            _ = try Self.compare(One<String>.self, yaml)
            _ = try Self.compare(One<Bool>.self, yaml)
            _ = try Self.compare(One<Int>.self, yaml)
            _ = try Self.compare(One<Double>.self, yaml)
            _ = try Self.compare(Maybe<String>.self, yaml)
            _ = try Self.compare(Maybe<Int>.self, yaml)
            _ = try Self.compare(One<[String]>.self, yaml)
            _ = try Self.compare(One<[String: String]>.self, yaml)
        }
    }

    /// The same parity, spelled out for the cases content and briefs rely on.
    @Test func scalarsThatLookLikeOtherTypes() throws {
        #expect(try Self.compare(One<String>.self, "v: 5000") == "value One<String>(v: \"5000\")")
        #expect(try Self.compare(One<String>.self, "v: yes") == "value One<String>(v: \"yes\")")
        #expect(try Self.compare(One<String>.self, "v: 1.0") == "value One<String>(v: \"1.0\")")
        #expect(try Self.compare(One<Int>.self, "v: \"5000\"") == "typeMismatch a whole number at v")
        #expect(try Self.compare(One<Int>.self, "v: 0x10") == "value One<Int>(v: 16)")
        #expect(try Self.compare(One<Bool>.self, "v: yes") == "value One<Bool>(v: true)")
        #expect(try Self.compare(One<Bool>.self, "v: Off") == "value One<Bool>(v: false)")
        #expect(try Self.compare(One<Bool>.self, "v: 'yes'") == "typeMismatch true or false at v")
        #expect(try Self.compare(Maybe<String>.self, "v: ~") == "value Maybe<String>(v: nil)")
        #expect(try Self.compare(Maybe<String>.self, "v:") == "value Maybe<String>(v: nil)")
        #expect(try Self.compare(Maybe<String>.self, "v: 'null'") == "value Maybe<String>(v: Optional(\"null\"))")
        #expect(try Self.compare(Maybe<String>.self, "w: 1") == "value Maybe<String>(v: nil)")
    }

    @Test func errorsCarryTheSameKeyPath() throws {
        #expect(try Self.compare(One<[One<Int>]>.self, "v: [{v: 1}, {v: many}]") == "typeMismatch a whole number at v[1].v")
        #expect(try Self.compare(One<[One<Int>]>.self, "v: [{v: 1}, {w: 2}]") == "keyNotFound v at v[1]")
        #expect(try Self.compare(One<[String]>.self, "v: [a, [b]]") == "typeMismatch text at v[1]")
        #expect(try Self.compare(One<One<String>>.self, "v: just text") == "typeMismatch a mapping at v")
        #expect(try Self.compare(One<Callout.Kind>.self, "v: tip").hasPrefix("dataCorrupted at v: "))
        #expect(try Self.compare(One<String>.self, "{}") == "keyNotFound v at ")
    }

    /// Every page, glossary entry, catalog entry and the decision book of the shipped guide decode to
    /// equal values through both decoders, each over its own parse (libyaml events here, Yams there).
    @Test func realContentDecodesAsWithYams() throws {
        func both<T: Decodable & Equatable>(_ type: T.Type, _ node: (ours: NNGuideCore.Node, yams: Yams.Node), _ what: String) throws {
            let ours = try NodeDecoder.decode(T.self, from: node.ours)
            let yams = try YAMLDecoder().decode(T.self, from: node.yams)
            #expect(ours == yams, "\(what)")
        }
        func compose(_ file: String) throws -> (ours: NNGuideCore.Node, yams: Yams.Node) {
            let text = try String(contentsOfFile: Fixtures.realContent + "/" + file, encoding: .utf8)
            return (try #require(try NodeDecoder.compose(text)), try #require(try Yams.compose(yaml: text, .basic)))
        }
        let pages = try FileManager.default.contentsOfDirectory(atPath: Fixtures.realContent + "/pages").filter { $0.hasSuffix(".yaml") }
        #expect(pages.count > 5)
        for name in pages { try both(Page.self, try compose("pages/" + name), name) }
        let file = try compose(ContentLoader.glossaryFile)
        let glossary = try #require(file.ours.child("entries")?.sequence)
        let yamsGlossary = try #require(file.yams["entries"]?.sequence)
        #expect(glossary.count > 50 && glossary.count == yamsGlossary.count)
        for (entry, yamsEntry) in zip(glossary, yamsGlossary) {
            try both(GlossaryEntry.self, (entry, yamsEntry), "glossary \(entry.child("id")?.string ?? "?")")
        }
        try both(Catalog.self, try compose(ContentLoader.catalogFile), "catalog")
        try both(DecisionBook.self, try compose(ContentLoader.decisionsFile), "decisions")
    }

    @Test func fieldsAreFoundByTheirText() throws {
        let node = try #require(try NodeDecoder.compose("'yes': 1\nno: 2\n\"id\": x\n"))
        #expect(node.child("yes")?.string == "1")
        #expect(node.child("no")?.string == "2")
        #expect(node.child("id")?.string == "x")
        #expect(node.child("missing") == nil)
        #expect(try #require(try NodeDecoder.compose("[a]")).child("a") == nil)
        // Looking a key up must not make a plain boolean read as quoted text afterwards.
        let flag = try #require(try NodeDecoder.compose("v: yes\n"))
        _ = flag.child("v")
        #expect(try NodeDecoder.decode(One<Bool>.self, from: flag).v == true)
    }

    // MARK: through the loader: the messages a content author sees

    @Test func typeMismatchNamesFileLineColumnAndKeyPath() throws {
        let c = try ScratchContent()
        try c.edit("catalog.yaml", "variants: [{name: ResNet, use: A deep default backbone}]", "variants: [{name: ResNet, use: [A, B]}]")
        let problems = c.problems()
        #expect(problems.count == 1, "\(problems)")
        let p = try #require(problems.first)
        #expect(p.location.file == "catalog.yaml")
        #expect(p.location.line == (try c.line(of: "use: [A, B]", in: "catalog.yaml")))
        #expect(p.location.column == 36)
        #expect(p.message == "expected text, found a list (at variants[0].use)")
    }

    @Test func quotedBooleanIsTextNotAFlag() throws {
        let c = try ScratchContent()
        try c.edit("glossary.yaml", "    used_in: [intro]\n    source_glossary: true", "    used_in: [intro]\n    source_glossary: 'true'")
        let p = try #require(c.problems().first)
        #expect(c.problems().count == 1)
        #expect(p.location.file == "glossary.yaml")
        #expect(p.location.line == (try c.line(of: "source_glossary: 'true'", in: "glossary.yaml")))
        #expect(p.location.column == 22)
        #expect(p.message == "expected true or false, found the text 'true' (at source_glossary)")
    }

    @Test func yesIsAFlag() throws {
        let c = try ScratchContent()
        try c.edit("glossary.yaml", "    used_in: [intro]\n    source_glossary: true", "    used_in: [intro]\n    source_glossary: yes")
        #expect(c.problems() == [])
        let guide = try ContentLoader.load(directory: c.dir)
        #expect(guide.glossary.first { $0.id == "attention" }?.inSourceGlossary == true)
    }

    @Test func unknownKeyInsideABlockIsStillReported() throws {
        let c = try ScratchContent()
        try c.edit("catalog.yaml", "cost: {training: medium, inference: low, memory: low}", "cost: {training: medium, inference: low, memory: low}\n    costs: none")
        let p = try #require(c.problems().first)
        #expect(c.problems().count == 1)
        #expect(p.location == NNGuideCore.SourceLocation(file: "catalog.yaml", line: try c.line(of: "costs: none", in: "catalog.yaml"), column: 5))
        #expect(p.message.hasPrefix("unknown key 'costs' in architectures item; expected one of:"))
    }

    @Test func fileOfOnlyACommentIsEmpty() throws {
        let c = try ScratchContent()
        try c.write("catalog.yaml", "# nothing here yet\n")
        let problems = c.problems()
        #expect(problems == [ContentProblem(NNGuideCore.SourceLocation(file: "catalog.yaml"),
                                            "file is empty; expected a mapping with families, criteria and architectures")])
    }

    // MARK: composing ahead on another thread

    /// Files composed ahead come back in order, each as composing it here would give it.
    @Test func composedAheadMatchesComposedHere() throws {
        let c = try ScratchContent()
        try c.write("pages/20-broken.yaml", "id: x\ntitle: [unclosed\n")
        let files = ["pages/00-intro.yaml", "pages/20-broken.yaml", "missing.yaml", ContentLoader.glossaryFile, ContentLoader.catalogFile]
        let ahead = ComposeAhead(paths: files.map(c.path))
        for (i, file) in files.enumerated() {
            let here = ComposedFile.read(c.path(file))
            switch (ahead.take(i), here) {
            case let (.node(a), .node(b)): #expect(a == b, "\(file)")
            case let (.failed(m1, f1), .failed(m2, f2)):
                #expect(m1?.line == m2?.line && m1?.column == m2?.column && ComposedFile.message(f1, expecting: "x") == ComposedFile.message(f2, expecting: "x"), "\(file)")
            default: Issue.record("\(file): composed ahead and here differ")
            }
        }
        ahead.stop()
    }

    /// Several broken files: every one reported, in the order a reader meets them (pages by name,
    /// then glossary, catalog, decisions), however far ahead composing has run.
    @Test func problemsFromSeveralFilesComeInFileOrder() throws {
        let c = try ScratchContent()
        try c.write("pages/05-broken.yaml", "id: broken\ntitle: [unclosed\n")
        try c.edit("pages/10-part-a.yaml", "    title: Vision Models", "    title: Vision: Models")
        try c.write("catalog.yaml", "")
        try c.write("decisions.yaml", "- a list\n")
        let problems = c.problems()
        #expect(problems.map(\.location.file) == ["pages/05-broken.yaml", "pages/10-part-a.yaml", "catalog.yaml", "decisions.yaml"])
        #expect(problems.last?.message == "expected a mapping with trees, found a list")
        #expect(problems.last?.location.line == 1)
    }
}
