import Foundation
import Testing
@testable import NNGuideCore

/// The hand-written readers (`FieldReading`, `ContentReaders`) must give exactly what each type's
/// `init(from:)` gives, from YAML nodes and from cache values alike: over every file of the shipped
/// guide and the fixtures, and over values with every field set (so a field a reader leaves out, or
/// reads from the wrong key, makes the values differ).
@Suite struct FieldReadingTests {
    /// Every content folder the tests have: the shipped guide and the fixtures.
    static var folders: [String] {
        [Fixtures.realContent, Fixtures.mini]
    }

    static func compose(_ path: String) throws -> Node {
        try #require(try NodeDecoder.compose(String(contentsOfFile: path, encoding: .utf8)))
    }

    /// Both paths over one node; the hand path must not throw where the Decodable one succeeds.
    static func same<T: Decodable & FieldReadable & Equatable>(_ type: T.Type, _ node: Node, _ what: String,
                                                               sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let generic = try NodeDecoder.decode(T.self, from: node)
        // Compared first, so a failure names the type and file rather than printing a whole guide.
        let equal = try T(fields: node.map()) == generic
        #expect(equal, "\(T.self) in \(what): the hand reader and init(from:) differ", sourceLocation: sourceLocation)
    }

    @Test func everyContentFileReadsTheSameByHandAsThroughDecodable() throws {
        var counts: [String: Int] = [:]
        for folder in Self.folders {
            let pages = try FileManager.default.contentsOfDirectory(atPath: folder + "/pages").filter { $0.hasSuffix(".yaml") }
            for name in pages {
                try Self.same(Page.self, try Self.compose(folder + "/pages/" + name), name)
                counts["pages", default: 0] += 1
            }
            let glossary = try Self.compose(folder + "/glossary.yaml")
            for entry in try #require(glossary.child("entries")?.sequence) {
                try Self.same(GlossaryEntry.self, entry, "glossary.yaml")
                counts["glossary", default: 0] += 1
            }
            let catalog = try Self.compose(folder + "/catalog.yaml")
            try Self.same(Catalog.self, catalog, "catalog.yaml")
            counts["architectures", default: 0] += catalog.child("architectures")?.sequence?.count ?? 0
            let decisions = try Self.compose(folder + "/decisions.yaml")
            try Self.same(DecisionBook.self, decisions, "decisions.yaml")
            counts["trees", default: 0] += decisions.child("trees")?.sequence?.count ?? 0
            if FileManager.default.fileExists(atPath: folder + "/sources.yaml") {
                for s in try #require(try Self.compose(folder + "/sources.yaml").child("sources")?.sequence) {
                    try Self.same(Source.self, s, "sources.yaml")
                    counts["sources", default: 0] += 1
                }
            }
        }
        // The comparison ran over the real guide, not over nothing.
        #expect(counts["pages", default: 0] >= 14 && counts["glossary", default: 0] >= 200)
        #expect(counts["architectures", default: 0] >= 20 && counts["trees", default: 0] >= 5 && counts["sources", default: 0] >= 50)
    }

    /// The whole guide through the cache's value format: what the hand path reads back is what was
    /// stored, and what `init(from:)` reads back.
    @Test func theWholeGuideReadsBackFromItsCacheValueTheSameWay() throws {
        let guide = try ContentLoader.load(directory: Fixtures.realContent)
        let parts = GuideParts(pages: guide.pages, glossary: guide.glossary, catalog: guide.catalog, decisions: guide.decisions, sources: guide.sources)
        let bytes = try #require(BinaryValue.encode(parts))
        try bytes.withUnsafeBytes { raw in
            let hand = try BinaryField(bytes: raw, at: 0).read(GuideParts.self)
            let generic = try #require(BinaryValue.decode(GuideParts.self, from: raw))
            for (name, a, b, c) in [("pages", hand.pages == generic.pages, hand.pages == parts.pages, !parts.pages.isEmpty),
                                    ("glossary", hand.glossary == generic.glossary, hand.glossary == parts.glossary, !parts.glossary.isEmpty),
                                    ("catalog", hand.catalog == generic.catalog, hand.catalog == parts.catalog, !parts.catalog.architectures.isEmpty),
                                    ("decisions", hand.decisions == generic.decisions, hand.decisions == parts.decisions, !parts.decisions.trees.isEmpty),
                                    ("sources", hand.sources == generic.sources, hand.sources == parts.sources, !parts.sources.isEmpty)] {
                #expect(a && b && c, "\(name)")
            }
        }
    }

    // MARK: every field set

    static let evidence = Evidence(sources: ["pytorch-docs", "vit"], reviewed: "2026-12")
    static let condition = BriefCondition(["modality": ["image", "video"], "samples": ["<100000"]])
    static let anyCondition = BriefCondition(anyOf: [BriefCondition.clause(["samples": ["<1000"]]), BriefCondition.clause(["deploy": ["!edge"]])])

    static var page: Page {
        let item = ListItem(label: "Label", text: "text", items: [ListItem(text: "nested"), ListItem(label: "deep", text: "deeper")])
        let blocks: [Block] = [
            .paragraph("A paragraph."),
            .list([item, ListItem(text: "plain")]),
            .steps([ListItem(text: "one"), item]),
            .definitions([Definition(term: "Problem", text: "Pick")]),
            .table(Table(id: "t-1", title: "T", caption: "cap", columns: ["a", "b"], rows: [["1", "2"], ["3", "4"]], architectures: ["cnn"], notes: "n")),
            .figure(Figure(id: "f-1", title: "F", caption: "fc", tree: [TreeNode(label: "root", children: [TreeNode(label: "leaf")]), TreeNode(label: "solo")])),
            .callout(Callout(kind: .warning, title: "Careful", text: "body")),
            .preformatted("  pre\n  text"),
        ]
        var page = Page(id: "p", title: "Title", short: "Short", summary: "Sum", origin: .added, blocks: blocks,
                        blockOrigins: blocks.indices.map { $0 % 2 == 0 ? .refilled : .added })
        page.evidence = evidence
        page.blockEvidence = blocks.indices.map { $0 == 1 ? evidence : .none }
        var section = Page(id: "p.1", title: "Section", origin: .guide, blocks: [.paragraph("s")], blockOrigins: [.guide])
        section.sections = [Page(id: "p.1.1", title: "Deeper", origin: .refilled)]
        page.sections = [section]
        return page
    }

    static var glossaryEntry: GlossaryEntry {
        var e = GlossaryEntry(id: "g", term: "Term", aliases: ["alias"], definition: "def", related: ["r"], usedIn: ["p"],
                              inSourceGlossary: true, origin: .refilled)
        e.see = ["p.1"]
        e.evidence = evidence
        e.notes = [TeamNote(origin: .team("Acme"), text: "note", see: ["p"])]
        return e
    }

    static var architecture: Architecture {
        var a = Architecture(id: "cnn", name: "Convolutional", short: "CNN", family: "conv", fits: ["image"], summary: "s", data: "d",
                             variants: [Variant(name: "ResNet", use: "u")], strengths: ["st"], limitations: ["li"],
                             cost: CostProfile(training: "t", inference: "i", memory: "m", note: "n", perPredictionMs: ["cloud": 1.5, "mobile": 20]),
                             traits: ["speed": "fast"], deepDive: "p", glossary: "g")
        a.origin = .added
        a.evidence = evidence
        a.notes = [TeamNote(origin: .team("Acme"), text: "note", see: [])]
        return a
    }

    static var book: DecisionBook {
        var option = DecisionOption(answer: "Images", hint: "h", why: "w", next: "leaf", when: condition, assume: "a", see: ["p"])
        option.origin = .guide
        option.evidence = evidence
        var other = DecisionOption(answer: "Other", next: "leaf", when: anyCondition)
        other.origin = .added
        let question = DecisionNode(id: "q", question: "What?", help: "help", options: [option, other])
        var leaf = DecisionNode(id: "leaf", title: "Use a CNN", pick: ["cnn"], alternatives: [Alternative(id: "vit", reason: "r"), Alternative(id: "mlp")],
                                variants: ["ResNet-50"], why: "why", whyNot: [WhyNot(id: "rnn", reason: "no")], warnings: ["warn"],
                                nextSteps: ["step"], refine: Refinement(tree: "cnn-variants", node: "start"), see: ["p"])
        leaf.deviceVariants = ["MobileNet"]
        leaf.origin = .refilled
        leaf.evidence = evidence
        let tree = DecisionTree(id: "t", role: .variant, title: "Tree", summary: "sum", source: "p", start: "q", nodes: [question, leaf])
        return DecisionBook(trees: [tree, DecisionTree(id: "primary", title: "P", source: "p", start: "x", nodes: [DecisionNode(id: "x", pick: ["cnn"])])])
    }

    static let source = Source(id: "vit", title: "An Image is Worth 16x16 Words", authors: "Dosovitskiy et al.", organisation: "Google",
                               year: 2021, kind: .paper, url: "https://arxiv.org/abs/2010.11929")

    /// A cache value as the YAML node that says the same (text double-quoted, numbers plain).
    static func node(_ v: BinaryField) throws -> Node {
        switch v.bytes[v.at] {
        case BinaryValue.Tag.null.rawValue: return Node("~")
        case BinaryValue.Tag.falseValue.rawValue: return Node("false")
        case BinaryValue.Tag.trueValue.rawValue: return Node("true")
        case BinaryValue.Tag.integer.rawValue: return Node(String(try v.int()))
        case BinaryValue.Tag.double.rawValue: return Node(String(try v.double()))
        case BinaryValue.Tag.string.rawValue: return .scalar(Node.Scalar(try v.text(), style: .doubleQuoted, isText: true))
        case BinaryValue.Tag.array.rawValue: return .sequence(Node.Sequence(try v.list(node)))
        default:
            var pairs: [Node.Mapping.Pair] = []
            try v.map().forEachPair { k, value in pairs.append((Node(k ?? ""), try node(value))) }
            return .mapping(Node.Mapping(pairs))
        }
    }

    /// One value with every field set, through both encodings and both paths.
    static func roundTrip<T: Codable & FieldReadable & Equatable>(_ value: T, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let bytes = try #require(BinaryValue.encode(value))
        try bytes.withUnsafeBytes { raw in
            let yaml = try node(BinaryField(bytes: raw, at: 0))
            let results = [("from its cache value, by hand", try BinaryField(bytes: raw, at: 0).read(T.self) == value),
                           ("from its cache value, through Decodable", BinaryValue.decode(T.self, from: raw) == value),
                           ("from YAML, by hand", try T(fields: yaml.map()) == value),
                           ("from YAML, through Decodable", try NodeDecoder.decode(T.self, from: yaml) == value)]
            for (how, equal) in results { #expect(equal, "\(T.self) \(how) differs from the value written", sourceLocation: sourceLocation) }
        }
    }

    @Test func valuesWithEveryFieldSetReadBackWhole() throws {
        try Self.roundTrip(Self.page)
        try Self.roundTrip(Self.glossaryEntry)
        try Self.roundTrip(Self.architecture)
        try Self.roundTrip(Catalog(families: [Family(id: "conv", name: "Conv", principle: "p")], criteria: [Criterion(id: "speed", name: "Speed", help: "h")],
                                   architectures: [Self.architecture]))
        try Self.roundTrip(Self.book)
        try Self.roundTrip(Self.source)
        try Self.roundTrip(Source(id: "docs", title: "Docs", organisation: "PyTorch", kind: .docs))
    }

    /// The YAML spellings only the YAML side has: a list of authors, null fields, yes for true.
    @Test func yamlSpellingsReadTheSameByHand() throws {
        let source = try #require(try NodeDecoder.compose("id: a\ntitle: T\nauthors: [A. One, B. Two]\nyear: 2020\nkind: paper\nurl: ~\n"))
        try Self.same(Source.self, source, "authors list")
        #expect(try Source(fields: source.map()).authors == "A. One, B. Two")
        let entry = try #require(try NodeDecoder.compose("id: g\nterm: T\ndefinition: d\nsource_glossary: yes\naliases:\norigin: guide\nreviewed: null\n"))
        try Self.same(GlossaryEntry.self, entry, "yes, empty and null")
        #expect(try GlossaryEntry(fields: entry.map()).inSourceGlossary)
    }

    /// What the hand path does not take, it leaves to `init(from:)`: the loader's problems are the same.
    @Test func inputTheReadersRefuseFallsBackToDecodable() throws {
        for yaml in ["id: p\ntitle: [not, text]\n", "id: p\ntitle: T\norigin: nowhere\n", "id: p\n", "p: a\nlist: [b]\n", "{}\n"] {
            let node = try #require(try NodeDecoder.compose(yaml))
            #expect(throws: (any Error).self, "\(yaml.debugDescription)") { try Page(fields: node.map()) }
            if let page = try? Block(fields: node.map()) { Issue.record("a block read from \(yaml.debugDescription): \(page)") }
        }
    }

    @Test func normalizeByBytesAgreesWithTheCharacterPath() throws {
        let guide = try ContentLoader.load(directory: Fixtures.realContent)
        var samples = guide.glossary.flatMap { [$0.term] + $0.aliases } + guide.readingOrder.map(\.page.title)
        samples += ["  -- Foo  Bar ", "- -a", "a.-b", "\tTabs\tand\nlines ", "", "   ", "...", "ABC xyz", "x\r\ny", "Ünïcode Term", "(GPU) memory", "1st place"]
        var fast = 0
        for s in samples {
            let slow = String(s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ").drop(while: { !$0.isLetter && !$0.isNumber }))
            #expect(Guide.normalize(s) == slow, "\(s.debugDescription)")
            if Guide.normalizeASCII(s) != nil { fast += 1 }
        }
        #expect(fast > samples.count / 2, "the byte path is the one taken for most terms")
        #expect(Guide.normalizeASCII("x\r\ny") == nil && Guide.normalizeASCII("Ünïcode") == nil)
    }
}
