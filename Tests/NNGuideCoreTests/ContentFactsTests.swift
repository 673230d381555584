import Foundation
import Testing
@testable import NNGuideCore

/// Facts in the shipped Content/ that were once wrong (issue 11) and can be checked mechanically:
/// a number that must follow from the others beside it, or a claim that must not come back. Unlike
/// RealContentTests these read wording, so each test names the one claim it guards; a writer who
/// rewords the sentence keeps the claim true and adjusts the pattern here.
@Suite struct ContentFactsTests {
    /// Loaded once for the whole suite: every test reads the same shipped content.
    static let loaded: Result<Guide, ContentError> = {
        do throws(ContentError) { return .success(try ContentLoader.load(directory: Fixtures.realContent)) } catch { return .failure(error) }
    }()

    func guide() throws -> Guide {
        do { return try Self.loaded.get() } catch {
            Issue.record("Content/ does not load: \(error.problems.prefix(3))"); throw error
        }
    }

    // MARK: catalog

    /// TabPFN is built for small tables, so no catalog sentence may tie it to 100,000+ rows, and one
    /// must give its row limit of about 10,000.
    @Test func tabPFNIsForSmallTables() throws {
        let g = try guide()
        let sentences = g.catalog.architectures.flatMap { a in
            ([a.summary, a.data] + a.variants.map { "\($0.name): \($0.use)" } + a.strengths + a.limitations)
                .flatMap(Self.sentences)
        }.filter { $0.contains("TabPFN") }
        #expect(!sentences.isEmpty, "the catalog no longer mentions TabPFN")
        for s in sentences { #expect(!s.contains("100,000"), "TabPFN tied to large tables: \(s)") }
        #expect(sentences.contains { $0.contains("10,000 rows") }, "no sentence gives TabPFN's row limit")
    }

    /// The 405B open-weight model is Llama 3.1 (Llama 3 itself shipped 8B and 70B).
    @Test func the405BModelIsLlama31() throws {
        let g = try guide()
        let variants = g.catalog.architectures.flatMap(\.variants).filter { ($0.name + $0.use).contains("405B") }
        #expect(!variants.isEmpty)
        for v in variants { #expect(v.name.contains("Llama 3.1"), "\(v.name): \(v.use)") }
    }

    /// A random forest bags trees; it is not a variant of gradient boosting.
    @Test func randomForestIsNotABoostingVariant() throws {
        let gb = try #require(try guide().architecture("gradient-boosting"))
        #expect(!gb.variants.contains { $0.name.localizedCaseInsensitiveContains("random forest") })
    }

    // MARK: glossary and appendix

    /// Perplexity is a metric (the exponential of the cross-entropy), never listed as a loss.
    @Test func perplexityIsAMetricNotALoss() throws {
        let g = try guide()
        let table = try #require(g.table("loss-functions-table")).table
        let lossColumn = try #require(table.columns.firstIndex { $0.localizedCaseInsensitiveContains("loss") })
        for row in table.rows { #expect(!row[lossColumn].localizedCaseInsensitiveContains("perplexity"), "\(row)") }
        let entry = try #require(g.glossaryEntry("perplexity"))
        #expect(entry.definition.contains("metric") && entry.definition.contains("not a training loss"))
    }

    /// The backward pass costs about twice the forward pass, not the same.
    @Test func backwardPassCostsTwiceTheForward() throws {
        let text = try Self.prose(#require(try guide().page("backpropagation")).page)
        #expect(text.contains("about twice the forward pass"))
        #expect(!text.contains("costs about as much as the forward pass"))
    }

    /// Each fine-tuning example's stated ratio must follow from its own rates:
    /// "at 1e-4 ... fine-tuned at 2e-5 to 5e-5 (2 to 5 times lower".
    @Test func fineTuningRatesMatchTheirRatios() throws {
        let text = try #require(try guide().glossaryEntry("learning-rate")).definition
        let number = "([0-9.]+(?:e-?[0-9]+)?)"
        let matches = Self.matches(#"\bat \#(number)[^()]*?fine-tuned at \#(number) to \#(number) \(([0-9]+) to ([0-9]+) times lower"#, in: text)
        #expect(matches.count >= 2, "expected two worked examples in: \(text)")
        for m in matches {
            let v = m.compactMap(Double.init)
            try #require(v.count == 5, "unparsed: \(m)")
            let (from, low, high, fewest, most) = (v[0], v[1], v[2], v[3], v[4])
            #expect(abs(from / high - fewest) < 0.01 * fewest, "\(m)")
            #expect(abs(from / low - most) < 0.01 * most, "\(m)")
        }
    }

    // MARK: pages

    /// The TCN example must agree with the receptive-field formula stated beside it.
    @Test func tcnReceptiveFieldExampleFollowsTheFormula() throws {
        let text = try Self.prose(#require(try guide().page("variants-time-series")).page)
        #expect(text.contains("1 + (k-1)(2^L - 1)"))
        let m = try #require(Self.matches(#"k = ([0-9]+) and L = ([0-9]+) give ([0-9]+)"#, in: text).first)
        let (k, l, field) = (Int(m[0])!, Int(m[1])!, Int(m[2])!)
        #expect(1 + (k - 1) * ((1 << l) - 1) == field)
    }

    /// Mamba's recurrence depends on the input, so it cannot train as a convolution (S4 can).
    @Test func mambaTrainsWithAScan() throws {
        let text = try Self.prose(#require(try guide().page("variants-time-series")).page)
        let mamba = Self.sentences(text).filter { $0.contains("Mamba") }
        #expect(mamba.contains { $0.contains("scan") })
        #expect(!text.contains("train in parallel like a convolution"))
    }

    /// Every "from A to B channels ... about N" weight count of a 3×3 convolution must be 9·A·B,
    /// to within the rounding of "about".
    @Test func convolutionWeightCountsAddUp() throws {
        let g = try guide()
        let text = g.readingOrder.map { Self.prose($0.page, nested: false) }.joined(separator: " ")
        let found = Self.matches(#"3×3 layer from ([0-9]+) to ([0-9]+) channels (?:has |holds )?about ([0-9.,]+)( million)?(?:[^.]*?one from ([0-9]+) to ([0-9]+) channels about ([0-9.,]+)( million)?)?"#, in: text)
        var checked = 0
        for m in found {
            for base in [0, 4] where !m[base].isEmpty {
                let a = Double(m[base])!, b = Double(m[base + 1])!
                let stated = Double(m[base + 2].replacingOccurrences(of: ",", with: ""))! * (m[base + 3].isEmpty ? 1 : 1_000_000)
                #expect(abs(9 * a * b - stated) <= 0.03 * stated, "3×3 from \(a) to \(b): \(9 * a * b) vs \(stated)")
                checked += 1
            }
        }
        #expect(checked >= 3, "expected the MLP and CNN weight-count examples, found \(checked)")
        #expect(!text.contains("a few thousand weights per layer"))
    }

    /// The forget gate was added in 2000 (Gers, Schmidhuber and Cummins), not with the 1997 LSTM.
    @Test func forgetGateIsDatedSeparately() throws {
        let text = try Self.prose(#require(try guide().page("deep-dive-rnn-variants")).page)
        let gate = try #require(Self.sentences(text).first { $0.contains("forget gate") })
        #expect(gate.contains("2000") && gate.contains("Gers"), "\(gate)")
    }

    /// GNN depth is stated one way: two or three message-passing layers.
    @Test func gnnDepthIsStatedOneWay() throws {
        let g = try guide()
        let gnn = try Self.prose(#require(g.page("deep-dive-gnn")).page)
        let smoothing = try #require(g.glossaryEntry("over-smoothing")).definition
        for text in [gnn, smoothing] {
            #expect(text.contains("two or three"))
            #expect(!text.contains("2-4 layers") && !text.contains("2–4 layers"))
        }
    }

    // MARK: helpers

    /// The reader-visible prose of a page (links reduced to their labels), with its sections unless
    /// `nested` is false.
    static func prose(_ page: Page, nested: Bool = true) -> String {
        var parts: [String] = []
        func items(_ list: [ListItem]) {
            for i in list { parts += [i.label ?? "", i.text]; items(i.items) }
        }
        for block in page.blocks {
            switch block {
            case .paragraph(let s), .preformatted(let s): parts.append(s)
            case .list(let l), .steps(let l): items(l)
            case .definitions(let d): d.forEach { parts += [$0.term, $0.text] }
            case .callout(let c): parts += [c.title ?? "", c.text]
            case .table(let t): parts += t.rows.flatMap { $0 }
            case .figure: break
            }
        }
        if nested { parts += page.sections.map { prose($0) } }
        return parts.filter { !$0.isEmpty }.map(InlineParser.plain).joined(separator: " ")
    }

    static func sentences(_ text: String) -> [String] {
        text.components(separatedBy: ". ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The capture groups of every match ("" for a group that did not take part).
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let re = try? NSRegularExpression(pattern: pattern) else {
            Issue.record("bad pattern \(pattern)"); return []
        }
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (1..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }
}
