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

    /// The 405B open-weight model is Llama 3.1 (Llama 3 itself shipped 8B and 70B), wherever the catalog names
    /// it. (Issue 20 replaced the decoder's 2024 list, which named it, with current open-weight models.)
    @Test func the405BModelIsLlama31() throws {
        let g = try guide()
        let variants = g.catalog.architectures.flatMap(\.variants).filter { ($0.name + $0.use).contains("405B") }
        for v in variants { #expect(v.name.contains("Llama 3.1"), "\(v.name): \(v.use)") }
    }

    /// Issue 20 and 21: the decoder's start list is current (no 2024 models first), licences that forbid
    /// commercial use are said where the weights are named, and gpt-oss is Apache-2.0 from August 2025.
    @Test func currentDecodersAndTheLicencesThatMatter() throws {
        let g = try guide()
        let decoder = try #require(g.architecture("transformer-decoder")).variants.map { $0.name + ": " + $0.use }
        #expect(decoder.contains { $0.contains("Qwen3") } && decoder.contains { $0.contains("gpt-oss") })
        #expect(!decoder.contains { $0.contains("Phi-3") || $0.contains("Mistral 7B") || $0.contains("Llama 3.1") }, "\(decoder)")
        let gptOSS = try #require(decoder.first { $0.contains("gpt-oss") })
        #expect(gptOSS.contains("Apache-2.0") && gptOSS.contains("August 2025"), "\(gptOSS)")
        let all = g.catalog.architectures.flatMap { a in a.variants.map { $0.name + ": " + $0.use } + [a.data] + a.limitations }
        for s in all where s.contains("LayoutLMv3") { #expect(s.contains("CC BY-NC-SA 4.0") || !s.contains("weights"), "\(s)") }
        #expect(all.contains { $0.contains("LayoutLMv3") && $0.contains("non-commercial") })
        let docs = try #require(g.architecture("document-ai")).variants.map { $0.name + ": " + $0.use }
        #expect(docs.contains { $0.hasPrefix("Donut") && $0.contains("MIT") })
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

    // MARK: Part 10 and the entries added with it (review of the 2026 additions)

    /// Every added catalog entry answers the criteria that at least two thirds of the older entries answer
    /// (data, transfer, compute, edge, interpretability, best at), so `nnguide compare` shows no blank row
    /// for them between an old and a new entry.
    @Test func addedCatalogEntriesHaveTheCoreTraits() throws {
        let g = try guide()
        let old = g.catalog.architectures.filter { $0.origin != .added }
        let added = g.catalog.architectures.filter { $0.origin == .added }
        #expect(!old.isEmpty && !added.isEmpty)
        let core = Set(g.catalog.criteria.map(\.id).filter { c in 3 * old.filter { $0.traits[c] != nil }.count >= 2 * old.count })
        #expect(core.contains("interpretability") && core.contains("best_at"), "core criteria: \(core)")
        for a in added {
            let missing = core.subtracting(a.traits.keys)
            #expect(missing.isEmpty, "\(a.id) has no value for \(missing.sorted())")
        }
    }

    /// CRPS is twice the pinball loss integrated over the quantile levels; only with the factor 2 does it
    /// equal the absolute error for a point forecast, as both texts go on to say.
    @Test func crpsIsTwiceTheIntegratedPinballLoss() throws {
        let g = try guide()
        let part10 = try Self.prose(#require(g.page("forecasting-today")).page)
        let crps = try #require(Self.sentences(part10).first { $0.contains("CRPS") && $0.contains("integral") })
        let glossary = try #require(g.glossaryEntry("crps")).definition
        for text in [crps, glossary] {
            #expect(text.contains("twice") && text.contains("absolute error"), "\(text)")
            #expect(!text.contains("integrates it over all quantiles"), "\(text)")
        }
        // Part 7 stated the factor from the start; the three places must agree.
        let metrics = try Self.prose(#require(g.page("metrics")).page)
        #expect(metrics.contains("integrated over all quantiles (times two)"))
    }

    /// The KV-cache formula reads the same in the sizing section and the glossary, and the worked
    /// examples "2 × layers × heads × dim × bytes = N KiB" multiply out.
    @Test func kvCacheFormulaIsStatedOnceAndItsExamplesMultiplyOut() throws {
        let g = try guide()
        let collapse = { (s: String) in s.replacingOccurrences(of: #"\s*·\s*"#, with: "·", options: .regularExpression) }
        let sizing = try collapse(Self.prose(#require(g.page("sizing")).page))
        let glossary = try collapse(#require(g.glossaryEntry("kv-cache")).definition)
        for text in [sizing, glossary] { #expect(text.contains("2·layers·KV heads·head dim·bytes")) }
        let found = Self.matches(#"2 × ([0-9]+) × ([0-9]+) × ([0-9]+) × ([0-9]+) bytes = ([0-9]+) KiB"#, in: sizing)
        #expect(!found.isEmpty, "no worked KV-cache example in the sizing section")
        for m in found {
            let v = m.compactMap(Int.init)
            #expect(2 * v[0] * v[1] * v[2] * v[3] == v[4] * 1024, "\(m)")
        }
    }

    /// McNemar's statistic is stated the same way in Part 10 and the glossary, and the worked example
    /// follows from it.
    @Test func mcNemarFormulaAndExampleAgree() throws {
        let g = try guide()
        let part10 = try Self.prose(#require(g.page("statistical-rigour")).page)
        let glossary = try #require(g.glossaryEntry("mcnemar-test")).definition
        for text in [part10, glossary] { #expect(text.contains("(|b − c| − 1)² / (b + c)"), "\(text.prefix(80))") }
        let m = try #require(Self.matches(#"b = ([0-9]+) and c = ([0-9]+) the statistic is ([0-9.]+)"#, in: part10).first)
        let (b, c, stated) = (Double(m[0])!, Double(m[1])!, Double(m[2])!)
        #expect(abs(pow(abs(b - c) - 1, 2) / (b + c) - stated) < 0.05)
    }

    /// Only RF-DETR's Nano to Large checkpoints are Apache-2.0 (XL and 2XL detection models carry
    /// Roboflow's PML licence): no text may give the whole family that licence.
    @Test func rfDetrLicenceIsNotStatedForTheWholeFamily() throws {
        let g = try guide()
        var texts = g.readingOrder.map { Self.prose($0.page, nested: false) }
        texts += g.catalog.architectures.flatMap { $0.variants.map { "\($0.name): \($0.use)" } }
        let decisions = try String(contentsOfFile: Fixtures.realContent + "/decisions.yaml", encoding: .utf8)
        texts += decisions.components(separatedBy: "\n")
        let claims = texts.flatMap(Self.sentences).filter { $0.contains("RF-DETR") && $0.contains("Apache-2.0") }
        #expect(!claims.isEmpty, "no text states RF-DETR's licence")
        for s in claims { #expect(s.contains("Large") || s.contains("XL"), "RF-DETR licence without its size limit: \(s)") }
    }

    /// TabPFN's limits are stated the same way in Part 10, the catalog and the glossary: v2 about 10,000
    /// rows and 500 features; TabPFN-3 1,000,000 rows and 200 features, as its maker reports.
    @Test func tabPFNLimitsAreStatedAlike() throws {
        let g = try guide()
        let part10 = try Self.prose(#require(g.page("small-tables")).page)
        let catalog = try #require(g.architecture("tabpfn"))
        let catalogText = ([catalog.data] + catalog.variants.map(\.use)).joined(separator: " ")
        let glossary = try #require(g.glossaryEntry("tabpfn")).definition
        for text in [part10, catalogText, glossary] {
            #expect(text.contains("10,000 rows") && text.contains("500 features"), "\(text.prefix(80))")
            #expect(text.contains("1,000,000 rows and 200 features"), "\(text.prefix(80))")
        }
    }

    /// Split conformal coverage is marginal: it promises nothing about the error rate of the cases a
    /// set-size rule accepts, so Part 10 must not claim a known error rate there.
    @Test func conformalAbstentionClaimsNoConditionalGuarantee() throws {
        let text = try Self.prose(#require(try guide().page("conformal-prediction-practice")).page)
        #expect(!text.contains("known error rate on the accepted cases"))
        #expect(text.contains("not the accepted ones"))
    }

    // MARK: issue 21: stale claims in pages and the glossary

    /// Every page and glossary sentence, links reduced to their labels.
    func pageAndGlossarySentences() throws -> [String] {
        let g = try guide()
        var texts = g.readingOrder.map { Self.prose($0.page, nested: false) }
        texts += g.glossary.map { InlineParser.plain($0.definition) }
        return texts.flatMap(Self.sentences)
    }

    /// TorchServe's repository was archived in August 2025: no text may present it as merely in limited
    /// maintenance, and the serving stack must say it is archived.
    @Test func torchServeIsArchivedNotInLimitedMaintenance() throws {
        let claims = try pageAndGlossarySentences().filter { $0.contains("TorchServe") }
        #expect(!claims.isEmpty, "no text mentions TorchServe")
        for s in claims { #expect(!s.localizedCaseInsensitiveContains("limited maintenance"), "\(s)") }
        #expect(claims.contains { $0.contains("archived") && $0.contains("2025") })
    }

    /// The hosted WhyLabs platform was discontinued; only the open-source whylogs library remains, so no
    /// sentence may offer WhyLabs as a tool without saying so.
    @Test func whyLabsIsNotOfferedAsACurrentTool() throws {
        let claims = try pageAndGlossarySentences().filter { $0.contains("WhyLabs") }
        for s in claims { #expect(s.contains("discontinued"), "\(s)") }
    }

    /// The Llama community licence's 700M-user clause applies to the users a licensee had on the version's
    /// release date, not to growth afterwards.
    @Test func llamaUserClauseIsTiedToTheReleaseDate() throws {
        let claims = try pageAndGlossarySentences().filter { $0.contains("700 million") }
        #expect(!claims.isEmpty, "no text states the Llama licence's user threshold")
        for s in claims { #expect(s.contains("release date"), "\(s)") }
    }

    /// One pretraining count for TabPFN: more than 100 million synthetic datasets, never "millions".
    @Test func tabPFNPretrainingCountIsStatedOnce() throws {
        let g = try guide()
        let part10 = try Self.prose(#require(g.page("small-tables")).page)
        let glossary = try #require(g.glossaryEntry("tabpfn")).definition
        for text in [part10, glossary] {
            #expect(text.contains("more than 100 million synthetic"), "\(text.prefix(80))")
            #expect(!text.contains("millions of synthetic"), "\(text.prefix(80))")
        }
    }

    /// Aliases that once landed on the wrong entry (DLinear on PatchTST, MAPE on MASE, WavLM on HuBERT,
    /// PaDiM and EfficientAD on PatchCore, pickle on Safetensors) now reach an entry that names them in its
    /// term or defines them in its definition.
    @Test func formerlyMisplacedAliasesLandOnEntriesThatDefineThem() throws {
        let g = try guide()
        let expected = ["DLinear": "dlinear", "MAPE": "mape", "sMAPE": "mape", "WAPE": "mape", "WavLM": "wavlm",
                        "PaDiM": "padim", "EfficientAD": "efficientad", "pickle": "model-supply-chain",
                        "model supply chain": "model-supply-chain"]
        for (alias, id) in expected {
            let entry = try #require(g.glossaryEntry(forTerm: alias), "\(alias) reaches no entry")
            #expect(entry.id == id, "\(alias) lands on \(entry.id)")
            #expect((entry.term + " " + entry.definition).localizedCaseInsensitiveContains(alias), "\(entry.id) never says \(alias)")
        }
    }

    /// The EU AI Act section gives the high-risk dates as moved by the Digital Omnibus, and no page or
    /// glossary sentence dates the Annex III obligations to 2 August 2026 except as the date they moved from.
    @Test func euAIActHighRiskDatesAreTheOmnibusOnes() throws {
        let g = try guide()
        let table = try #require(g.table("eu-ai-act-dates")).table
        let cells = table.rows.map { $0.joined(separator: " ") }
        #expect(cells.contains { $0.contains("2 December 2027") && $0.contains("Annex III") })
        #expect(cells.contains { $0.contains("2 August 2028") && $0.contains("Annex I ") })
        #expect(cells.contains { $0.hasPrefix("2 August 2025") && $0.contains("general-purpose") })
        for s in try pageAndGlossarySentences() where s.contains("Annex III") && s.contains("2 August 2026") {
            #expect(s.localizedCaseInsensitiveContains("moved from 2 August 2026"), "\(s)")
        }
    }

    /// Attention names its cost and what to use instead: related terms for the alternatives, and see links
    /// to the section on its quadratic cost and the sections on long context and retrieval.
    @Test func attentionLeadsToItsCostAndTheAlternatives() throws {
        let g = try guide()
        let attention = try #require(g.glossaryEntry("attention"))
        #expect(attention.definition.contains("square of the input length"))
        for id in ["efficient-attention", "ssm", "rag"] { #expect(attention.related.contains(id), "\(id)") }
        for id in ["deep-dive-transformer-limitations", "variants-text-long-context", "retrieval-engineering"] {
            #expect(attention.see.contains(id), "\(id)")
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
