import TestSupport
import Foundation
import Testing
@testable import NNGuideCore

/// Content fuzzing: broken, hostile and oversized YAML never crashes or hangs the loader; it either
/// loads or reports problems naming a content file. Bounded by iteration counts, never by time, and
/// seeded: a failure names the seed and iteration that replay it.
@Suite struct FuzzContentTests {
    @Test func fixtureIsTheCleanBase() {
        #expect(Fuzz.files.count >= 5)
        #expect(Fuzz.check(Fixtures.mini, "unmodified fixture").isEmpty)
    }

    @Test(arguments: Fuzz.files)
    func truncatedAnywhere(_ file: String) throws {
        var rng = SeededRandom(seed: 0x7472_756E + UInt64(file.utf8.count))
        let c = try ScratchContent()
        let whole = try Fuzz.bytes(c, file)
        // Every cut near the start, where the structure is decided, then random cuts (many of them
        // inside a multi-byte character or a quoted string).
        let cuts = Array(0..<min(24, whole.count)) + (0..<30).map { _ in Int.random(in: 0..<whole.count, using: &rng) }
        var broken = 0
        for cut in cuts {
            try Fuzz.write(c, file, Array(whole[..<cut]))
            if !Fuzz.check(c.dir, "\(file) cut at byte \(cut)").isEmpty { broken += 1 }
        }
        // A file cut to nothing is always a problem, so a loader that ignores its input cannot pass.
        #expect(broken >= min(24, whole.count))
    }

    @Test(arguments: 0..<4)
    func randomEdits(_ round: Int) throws {
        let seed: UInt64 = 0x6D75_7461 &+ UInt64(round)
        var rng = SeededRandom(seed: seed)
        let c = try ScratchContent()
        let originals = try Dictionary(uniqueKeysWithValues: Fuzz.files.map { ($0, try Fuzz.bytes(c, $0)) })
        var reported = 0
        for i in 0..<60 {
            let file = Fuzz.files.randomElement(using: &rng)!
            var b = originals[file]!
            for _ in 0..<Int.random(in: 1...4, using: &rng) { Fuzz.mutate(&b, &rng) }
            try Fuzz.write(c, file, b)
            if !Fuzz.check(c.dir, "seed \(seed) iteration \(i) in \(file)").isEmpty { reported += 1 }
            try Fuzz.write(c, file, originals[file]!)
        }
        // Most random edits break something; if none were reported the loader is not reading them.
        #expect(reported > 10)
    }

    @Test func randomBytes() throws {
        var rng = SeededRandom(seed: 0x6279_7465)
        let c = try ScratchContent()
        for i in 0..<40 {
            let file = Fuzz.files[i % Fuzz.files.count]
            let original = try Fuzz.bytes(c, file)
            let count = [0, 1, 7, 100, 4096].randomElement(using: &rng)!
            var b = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if i % 3 == 0 { b = b.map { $0 == 0 ? 0x20 : $0 } }           // no NUL: reaches the UTF-8 check
            if i % 3 == 1 { b = b.map { 0x20 + $0 % 0x5F } }               // printable ASCII: reaches the parser
            try Fuzz.write(c, file, b)
            let problems = Fuzz.check(c.dir, "random bytes \(i) (\(count)) in \(file)")
            #expect(!problems.isEmpty, "random bytes \(i) loaded as a clean guide")
            try Fuzz.write(c, file, original)
        }
    }

    @Test func deepFlowNesting() throws {
        let c = try ScratchContent()
        try c.write("glossary.yaml", "entries: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n")
        let problems = Fuzz.check(c.dir, "100,000 nested flow lists")
        #expect(problems.contains { $0.location.file == "glossary.yaml" })
    }

    @Test func deepBlockNesting() throws {
        let c = try ScratchContent()
        var text = "entries:\n"
        for depth in 0..<1_500 { text += String(repeating: " ", count: 2 * depth) + "-\n" }
        try c.write("glossary.yaml", text)
        let problems = Fuzz.check(c.dir, "1,500 nested block lists")
        #expect(problems.contains { $0.location.file == "glossary.yaml" })
    }

    /// Deep but valid: sections inside sections as far as YAML's own nesting limit allows.
    @Test func deepValidSections() throws {
        let c = try ScratchContent()
        let depth = 300
        var text = ""
        for d in 0..<depth {
            let pad = String(repeating: " ", count: 4 * d)
            text += d == 0 ? "id: deep-0\norigin: guide\ntitle: Deep\nsections:\n" : "\(pad.dropLast(2))- id: deep-\(d)\n\(pad)origin: guide\n\(pad)title: Level \(d)\n\(pad)sections:\n"
        }
        let pad = String(repeating: " ", count: 4 * depth)
        text += "\(pad.dropLast(2))- id: deep-leaf\n\(pad)origin: guide\n\(pad)title: Leaf\n\(pad)blocks: [{p: The bottom.}]\n"
        try c.write("pages/20-deep.yaml", text)
        let (guide, problems) = ContentLoader.read(directory: c.dir)
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        #expect(guide?.page("deep-leaf")?.depth == depth)
    }

    @Test func deepFigureTree() throws {
        let c = try ScratchContent()
        var tree = "\"bottom\""
        for d in 0..<400 { tree = "{label: \"level \(d)\", children: [\(tree)]}" }
        try c.append("pages/10-part-a.yaml", "  - id: deep-figure-page\n    origin: guide\n    title: Deep figure\n    blocks:\n      - figure: {id: deep-figure, title: Deep, tree: [\(tree)]}\n")
        _ = Fuzz.check(c.dir, "a figure tree 400 levels deep")
    }

    @Test func hugeStrings() throws {
        let c = try ScratchContent()
        let paragraph = String(repeating: "Convolution slides a filter; ", count: 200_000)   // ~5.8 MB
        try c.append("pages/10-part-a.yaml", "  - id: huge\n    origin: guide\n    title: Huge\n    blocks:\n      - p: \"\(paragraph)\"\n")
        let (guide, problems) = ContentLoader.read(directory: c.dir)
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        if case .paragraph(let s)? = guide?.page("huge")?.page.blocks.first {
            #expect(s == paragraph)
        } else {
            Issue.record("the huge paragraph did not load as a paragraph")
        }
        // A megabyte-long key (YAML allows 1,024 characters in a plain key) is reported, not a crash.
        try c.edit("glossary.yaml", "    term: Attention", "    term: Attention\n    \(String(repeating: "k", count: 1_000_000)): x")
        let keyProblems = Fuzz.check(c.dir, "a 1 MB key")
        #expect(keyProblems.contains { $0.location.file == "glossary.yaml" })
    }

    @Test func manyItems() throws {
        let c = try ScratchContent()
        let items = (0..<100_000).map { "        - item \($0)" }.joined(separator: "\n")
        try c.append("pages/10-part-a.yaml", "  - id: long-list\n    origin: guide\n    title: Long\n    blocks:\n      - list:\n\(items)\n")
        let (guide, problems) = ContentLoader.read(directory: c.dir)
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        if case .list(let list)? = guide?.page("long-list")?.page.blocks.first { #expect(list.count == 100_000) }
        else { Issue.record("the long list did not load as a list") }
    }

    @Test func unknownKeysAnywhere() throws {
        var rng = SeededRandom(seed: 0x6B65_7973)
        let c = try ScratchContent()
        var found = 0
        for i in 0..<30 {
            let file = Fuzz.files[i % Fuzz.files.count]
            let original = try c.text(file)
            var lines = original.components(separatedBy: "\n")
            // Beside a random `key: value` line, at the same indentation, a key nothing defines.
            let candidates = lines.indices.filter { lines[$0].contains(": ") && !lines[$0].contains("- ") && !lines[$0].contains("{") }
            let at = candidates.randomElement(using: &rng)!
            let indent = String(lines[at].prefix(while: { $0 == " " }))
            let key = "zz_unknown_\(UInt32.random(in: 0...UInt32.max, using: &rng))"
            lines.insert("\(indent)\(key): surprise", at: at + 1)
            try c.write(file, lines.joined(separator: "\n"))
            let problems = Fuzz.check(c.dir, "unknown key \(key) in \(file) line \(at + 2)")
            if problems.contains(where: { $0.message.contains(key) && $0.location.file == file }) { found += 1 }
            try c.write(file, original)
        }
        // Keys under a free-form mapping (a trait's criterion, a brief condition) are data, not typos.
        #expect(found >= 20)
    }

    @Test func aliasBomb() throws {
        let c = try ScratchContent()
        var text = "  - id: bomb\n    origin: guide\n    title: Bomb\n    blocks:\n      - figure:\n          id: bomb-figure\n          title: Bomb\n          tree:\n"
        text += "            - &n0 {label: x, children: [a, b, c, d, e, f, g, h, i, j]}\n"
        for level in 1...9 {
            text += "            - &n\(level) {label: x, children: [\(Array(repeating: "*n\(level - 1)", count: 10).joined(separator: ", "))]}\n"
        }
        try c.append("pages/10-part-a.yaml", text)
        let problems = Fuzz.check(c.dir, "ten billion nodes from ten lines of aliases")
        #expect(problems.contains { $0.location.file == "pages/10-part-a.yaml" && $0.message.contains("aliases") })
    }

    @Test func smallAliasesStillLoad() throws {
        let c = try ScratchContent()
        try c.edit("glossary.yaml", "    related: [transformer]", "    related: &rel [transformer]")
        try c.edit("glossary.yaml", "    related: [inductive-bias]", "    related: *rel")
        #expect(Fuzz.check(c.dir, "one small alias").isEmpty)
    }

    @Test func longDecisionChain() throws {
        let c = try ScratchContent()
        let n = 3_000
        var text = "trees:\n  - id: chain\n    title: Chain\n    source: vision\n    start: n0\n    nodes:\n"
        for i in 0..<n { text += "      - {id: n\(i), question: Q, options: [{answer: A, next: n\(i + 1)}]}\n" }
        text += "      - {id: n\(n), title: T, pick: [cnn], why: W}\n"
        try c.write("decisions.yaml", text)
        #expect(Fuzz.check(c.dir, "a decision chain \(n) nodes deep").isEmpty)
        // The same chain closed into a loop is one cycle, reported once.
        try c.write("decisions.yaml", text.replacingOccurrences(of: "{id: n\(n), title: T, pick: [cnn], why: W}",
                                                               with: "{id: n\(n), question: Q, options: [{answer: A, next: n0}]}"))
        let problems = Fuzz.check(c.dir, "a decision loop \(n) nodes long")
        #expect(problems.filter { $0.message.contains("cycle") }.count == 1)
    }

    @Test func oddButValidText() throws {
        let c = try ScratchContent()
        // A byte-order mark, Windows line endings, and characters from every width class.
        let page = "\u{FEFF}id: odd\r\norigin: guide\r\ntitle: \"Ünïcödé 漢字 🙂 \u{200B}\u{202E}\"\r\nblocks:\r\n  - p: \"e\u{301} ﬁ 𝔘 👩‍👩‍👧\"\r\n"
        try c.write("pages/30-odd.yaml", page)
        let problems = Fuzz.check(c.dir, "BOM, CRLF and odd characters")
        #expect(problems.isEmpty, "\(problems)")
    }
}
