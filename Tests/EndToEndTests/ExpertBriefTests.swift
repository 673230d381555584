import Foundation
import Testing

/// Issue 10's table: briefs of real projects, each with the pick an experienced practitioner makes in
/// 2026, run through the real `nnguide recommend --format json` on the shipped Content/. Beyond the pick,
/// each row checks that the path, the reasons and the why-nots agree with the brief.
@Suite struct ExpertBriefTests {
    struct Row: CustomStringConvertible, Sendable {
        var flags: [String]
        var pick: String
        /// Text the "start with" list must contain (one of the variants contains each).
        var variants: [String] = []
        /// Ids that must be offered as alternatives.
        var alternatives: [String] = []
        /// Ids that must be named under why-not.
        var whyNot: [String] = []
        /// An answer on the path that shows the route the brief took.
        var answer: String
        /// The guide's own pick when nnguide departs from it ("" when the guide has no route at all).
        var guidePick: String?
        /// Text that must not appear in reasons, warnings or next steps for this brief.
        var never: [String] = []
        /// Text that must appear in reasons, warnings or next steps (the metric a route is judged by).
        var says: [String] = []
        /// Given fields the route must read: never listed as changing nothing, never reported as assumed.
        var read: [String] = []
        var description: String { flags.joined(separator: " ") }
    }

    static let rows: [Row] = [
        Row(flags: ["--modality", "time-series", "--task", "forecasting", "--samples", "30000", "--deploy", "batch"],
            pick: "gradient-boosting", variants: ["lag"], alternatives: ["deep-forecaster", "ts-foundation", "forecast-baseline"],
            answer: "Forecast future values", guidePick: "rnn", never: ["GRU", "fine-tune pretrained"]),
        Row(flags: ["--modality", "tabular", "--task", "anomaly-detection"],
            pick: "isolation-forest", variants: ["Isolation Forest", "ECOD"], alternatives: ["autoencoder", "gradient-boosting"],
            answer: "few or no labelled anomalies", guidePick: "gradient-boosting"),
        Row(flags: ["--modality", "image", "--task", "segmentation", "--samples", "300", "--deploy", "cloud"],
            pick: "segmenter", variants: ["U-Net", "nnU-Net"], whyNot: ["cnn"],
            answer: "segmentation", guidePick: "cnn", never: ["ResNet-50", "freeze a pretrained backbone", "train only a small head", "small head on frozen"]),
        Row(flags: ["--modality", "image", "--task", "classification", "--samples", "150000", "--deploy", "server-cpu", "--latency-ms", "50"],
            pick: "cnn", variants: ["ResNet-50", "ConvNeXt-T", "int8"], alternatives: ["vit"],
            answer: "On CPU servers", guidePick: "vit", never: ["ViT-B/16 fine-tuned", "from scratch on a modest set", "Part 9"],
            says: ["Part 5"]),
        // A small encoder at int8 answers well inside 50 ms on a CPU; the CPU rule must not hand text to TF-IDF.
        Row(flags: ["--modality", "text", "--task", "classification", "--samples", "150000", "--deploy", "server-cpu", "--latency-ms", "50"],
            pick: "transformer-encoder", variants: ["DistilBERT"], alternatives: ["linear"],
            answer: "Understand, classify or extract", never: ["Linear is favoured over Transformer encoder"]),
        Row(flags: ["--modality", "text", "--task", "classification", "--samples", "300"],
            pick: "sentence-embeddings", variants: ["SetFit", "prompted LLM"], alternatives: ["llm-prompted", "transformer-encoder", "linear"],
            answer: "few labelled examples", guidePick: "transformer-encoder", never: ["A Transformer encoder (BERT-style)"]),
        Row(flags: ["--modality", "events", "--task", "classification", "--samples", "10000000", "--latency-ms", "50", "--streaming",
                    "--deploy", "server-cpu"],
            pick: "gradient-boosting", variants: ["velocity", "sequence embeddings"], alternatives: ["rnn"],
            answer: "Score each event", guidePick: "rnn"),
        Row(flags: ["--modality", "audio", "--task", "classification", "--samples", "20000"],
            pick: "audio-encoder", variants: ["BEATs", "AST"], answer: "Label, detect or score sounds", guidePick: ""),
        Row(flags: ["--modality", "time-series", "--task", "classification", "--samples", "800"],
            pick: "rocket", variants: ["MiniRocket"], alternatives: ["gradient-boosting"],
            answer: "Label whole recordings", guidePick: "rnn", never: ["freeze a pretrained backbone", "pretrained RNN", "Fine-tune pretrained"]),
        Row(flags: ["--modality", "multimodal", "--task", "regression", "--samples", "200000", "--deploy", "batch"],
            pick: "late-fusion", variants: ["LightGBM", "embeddings"], alternatives: ["clip"],
            answer: "Predict a value from attributes", guidePick: "clip"),
        Row(flags: ["--modality", "code", "--task", "translation"],
            pick: "code-llm", variants: ["Coder"], whyNot: ["encoder-decoder"],
            answer: "Write, translate or transform code", guidePick: "encoder-decoder", never: ["NLLB", "mT5"]),
        // Issue 12: a phone gets device-sized variants first; 500,000 images get no "modest set" warning.
        Row(flags: ["--modality", "image", "--task", "classification", "--samples", "20000", "--deploy", "mobile"],
            pick: "cnn", variants: ["MobileNetV3", "EfficientNet-Lite0"], answer: "On a device", guidePick: nil,
            never: ["ResNet-50", "ConvNeXt"]),
        Row(flags: ["--modality", "image", "--task", "classification", "--samples", "500000"],
            pick: "vit", answer: "large data", guidePick: nil, never: ["modest set"]),
        // The other routes the issue names.
        Row(flags: ["--modality", "image", "--task", "detection", "--samples", "5000", "--deploy", "edge"],
            pick: "detector", variants: ["YOLO26n"], answer: "On a device", guidePick: "cnn", never: ["ResNet-50"]),
        Row(flags: ["--modality", "tabular", "--task", "classification", "--samples", "3000"],
            pick: "tabpfn", variants: ["TabPFN v2"], alternatives: ["gradient-boosting", "linear"], answer: "small table",
            guidePick: "gradient-boosting", never: ["pretrained TabPFN weights"]),
        Row(flags: ["--modality", "tabular", "--task", "classification", "--samples", "50000", "--interpretability", "required"],
            pick: "gam", variants: ["Explainable Boosting Machine"], answer: "must be explained", guidePick: "linear"),
        Row(flags: ["--modality", "tabular", "--task", "imputation"],
            pick: "imputer", variants: ["MICE", "missForest"], answer: "Fill in missing values", guidePick: "vae"),
        Row(flags: ["--modality", "tabular", "--task", "ranking", "--samples", "1000000"],
            pick: "recsys", variants: ["two-tower", "LambdaMART"], answer: "Rank or recommend", guidePick: "gradient-boosting"),
        Row(flags: ["--modality", "text", "--task", "retrieval"],
            pick: "bm25", variants: ["BM25", "reciprocal rank fusion"], alternatives: ["sentence-embeddings"],
            answer: "Find or rank documents", guidePick: "transformer-encoder"),
        Row(flags: ["--modality", "text", "--task", "summarization", "--context", "long"],
            pick: "llm-prompted", variants: ["map-reduce"], alternatives: ["encoder-decoder"], answer: "Summarise long documents",
            guidePick: "encoder-decoder"),
        Row(flags: ["--modality", "code", "--task", "generation", "--latency-ms", "150", "--context", "long"],
            pick: "code-llm", variants: ["FIM"], whyNot: ["rag"], answer: "Complete code", guidePick: "rag"),
        Row(flags: ["--modality", "video", "--task", "detection", "--deploy", "edge"],
            pick: "tracker", variants: ["ByteTrack"], answer: "Objects, across frames", guidePick: "cnn"),
        Row(flags: ["--modality", "audio", "--task", "transcription", "--deploy", "mobile"],
            pick: "speech-recognition", variants: ["Moonshine"], answer: "On a device", guidePick: "", never: ["large-v3"]),
        Row(flags: ["--modality", "graph", "--task", "regression", "--samples", "2000", "--nodes", "40"],
            pick: "fingerprint-gbdt", variants: ["Morgan"], alternatives: ["gnn"], answer: "many small graphs", guidePick: "gnn"),
        Row(flags: ["--modality", "graph", "--task", "classification", "--samples", "5000", "--nodes", "30000000"],
            pick: "gnn", answer: "Very large", guidePick: nil),
        Row(flags: ["--modality", "time-series", "--task", "forecasting", "--samples", "12"],
            pick: "forecast-baseline", variants: ["ETS"], alternatives: ["gradient-boosting"], answer: "A few series", guidePick: "rnn"),
        // The brief review of late 2026. Unlabelled server metrics, scored as they stream: streaming no longer
        // sends them to a GRU that would need labels to train.
        Row(flags: ["--modality", "time-series", "--task", "anomaly-detection", "--streaming", "--deploy", "server-cpu"],
            pick: "isolation-forest", variants: ["Isolation Forest", "Half-Space Trees"], alternatives: ["forecast-baseline"],
            answer: "few or no labelled", guidePick: "rnn", never: ["TCN with causal"]),
        // 20,000 molecules: a small-graph GNN (Chemprop), not samplers built for one huge graph.
        Row(flags: ["--modality", "graph", "--task", "regression", "--samples", "20000", "--nodes", "30"],
            pick: "gnn", variants: ["Chemprop", "Morgan"], alternatives: ["fingerprint-gbdt"], answer: "ten thousand labels",
            guidePick: nil, never: ["GraphSAGE", "R-GCN"]),
        // Keyword spotting on a microcontroller: device-sized audio CNNs, and no server encoder as the baseline.
        Row(flags: ["--modality", "audio", "--task", "classification", "--samples", "30000", "--deploy", "edge", "--latency-ms", "20",
                    "--streaming", "--compute", "low"],
            pick: "audio-encoder", variants: ["DS-CNN", "YAMNet"], answer: "On a device", guidePick: "", never: ["PANNs or BEATs"]),
        // A support assistant whose knowledge fits the prompt: current open-weight models, not code models from 2023.
        Row(flags: ["--modality", "text", "--task", "generation", "--samples", "20000", "--deploy", "cloud", "--latency-ms", "3000"],
            pick: "transformer-decoder", variants: ["Qwen3", "gpt-oss"], alternatives: ["rag"], answer: "In the prompt",
            guidePick: nil, never: ["Code Llama", "StarCoder2"]),
        // Sound classification on CPU servers within 20 ms: a compact audio model, not trees over MFCC statistics.
        Row(flags: ["--modality", "audio", "--task", "classification", "--samples", "30000", "--deploy", "server-cpu", "--latency-ms", "20"],
            pick: "audio-encoder", alternatives: ["gradient-boosting"], answer: "On servers or in batch", guidePick: ""),

        // Issue 20, "Wrong today": each row is the brief from the issue and the expert's pick.
        Row(flags: ["--modality", "time-series", "--task", "anomaly-detection", "--streaming", "--deploy", "edge", "--latency-ms", "10",
                    "--compute", "low"],
            pick: "isolation-forest", variants: ["Half-Space Trees", "Isolation Forest"], alternatives: ["autoencoder"],
            answer: "few or no labelled", guidePick: "rnn", never: ["Bidirectional", "LSTM, GRU"]),
        Row(flags: ["--modality", "events", "--task", "anomaly-detection", "--streaming"],
            pick: "isolation-forest", variants: ["Half-Space Trees", "ECOD"], answer: "few or no labelled", guidePick: "rnn",
            never: ["Bidirectional"], says: ["rules"]),
        Row(flags: ["--modality", "audio", "--task", "anomaly-detection", "--deploy", "edge", "--compute", "low"],
            pick: "audio-encoder", variants: ["autoencoder", "k-nearest-neighbour"], alternatives: ["autoencoder"],
            answer: "normal recordings only", guidePick: "", never: ["small head classifies", "train a small head"]),
        Row(flags: ["--modality", "graph", "--task", "anomaly-detection", "--nodes", "200000"],
            pick: "isolation-forest", variants: ["PageRank", "egonet"], alternatives: ["gnn"], answer: "Find unusual nodes",
            guidePick: "gnn", says: ["rules"]),
        Row(flags: ["--modality", "multimodal", "--task", "extraction", "--samples", "1500", "--deploy", "cloud", "--latency-ms", "2000"],
            pick: "document-ai", variants: ["JSON schema", "Donut", "OCR"], whyNot: ["cross-attention"], answer: "Pull fields out of documents",
            guidePick: "cross-attention", never: ["TF-IDF", "BLIP-2"], says: ["CC BY-NC-SA 4.0"]),
        Row(flags: ["--modality", "text", "--task", "generation", "--samples", "2000", "--deploy", "cloud", "--latency-ms", "3000",
                    "--knowledge", "documents"],
            pick: "rag", variants: ["cite"], alternatives: ["llm-prompted"], answer: "Answer from a document collection",
            guidePick: "transformer-decoder", never: ["essential"]),
        Row(flags: ["--modality", "image", "--task", "generation", "--latency-ms", "100", "--deploy", "cloud"],
            pick: "diffusion", variants: ["SD-Turbo", "SDXL-Turbo", "LCM"], alternatives: ["gan"], answer: "within a tight budget",
            guidePick: "gan", never: ["rarely fit"], says: ["resolution", "RTX 4090"]),
        Row(flags: ["--modality", "text", "--task", "summarization", "--deploy", "cloud"],
            pick: "llm-prompted", alternatives: ["encoder-decoder"], answer: "Translate or summarise with a prompted LLM",
            guidePick: "encoder-decoder", never: ["T5, BART"]),
        Row(flags: ["--modality", "text", "--task", "translation", "--deploy", "cloud"],
            pick: "llm-prompted", variants: ["glossary", "MarianMT"], alternatives: ["encoder-decoder"],
            answer: "Translate or summarise with a prompted LLM", guidePick: "encoder-decoder", never: ["mT5"]),
        // Issue 20's principles, on briefs a reviewer would write. Extraction over images goes to a document model,
        // and no extraction brief gets a TF-IDF baseline.
        Row(flags: ["--modality", "image", "--task", "extraction"],
            pick: "document-ai", variants: ["Donut", "LayoutLMv3"], whyNot: ["clip"], answer: "Pull fields out of document images",
            guidePick: "cnn", never: ["TF-IDF", "ImageNet"], says: ["regular expressions"]),
        Row(flags: ["--modality", "image", "--task", "extraction", "--deploy", "mobile"],
            pick: "document-ai", variants: ["OCR"], answer: "Pull fields out of document images", guidePick: "cnn",
            never: ["Qwen2.5-VL", "TF-IDF"]),
        Row(flags: ["--modality", "text", "--task", "extraction", "--samples", "200"],
            pick: "llm-prompted", variants: ["JSON schema"], alternatives: ["transformer-encoder"], whyNot: ["sentence-embeddings"],
            answer: "Extract fields with few", guidePick: "transformer-encoder", never: ["TF-IDF", "logistic regression"],
            says: ["off-the-shelf NER"]),
        Row(flags: ["--modality", "text", "--task", "extraction", "--samples", "5000"],
            pick: "transformer-encoder", variants: ["token classification"], alternatives: ["llm-prompted"],
            answer: "Extract spans or fields", guidePick: nil, never: ["TF-IDF", "logistic regression"], says: ["regular expressions"]),
        // Anomaly detection, task first, on every modality: no labelled anomalies means an unsupervised scorer...
        Row(flags: ["--modality", "image", "--task", "anomaly-detection"],
            pick: "image-anomaly", variants: ["PatchCore"], answer: "few or no labelled", guidePick: "cnn"),
        Row(flags: ["--modality", "text", "--task", "anomaly-detection"],
            pick: "sentence-embeddings", variants: ["nearest-neighbour distance"], whyNot: ["transformer-encoder"],
            answer: "Find unusual texts", guidePick: "transformer-encoder", never: ["TF-IDF"]),
        Row(flags: ["--modality", "multimodal", "--task", "anomaly-detection"],
            pick: "isolation-forest", variants: ["CLIP"], alternatives: ["clip"], answer: "Find unusual items", guidePick: "clip"),
        Row(flags: ["--modality", "point-cloud", "--task", "anomaly-detection"],
            pick: "image-anomaly", variants: ["ICP", "PatchCore"], answer: "Find unusual parts", guidePick: ""),
        // ...and labelled anomalies lead to that modality's supervised route: edge event scoring stays on trees.
        Row(flags: ["--modality", "events", "--task", "anomaly-detection", "--samples", "2000", "--streaming", "--deploy", "edge"],
            pick: "gradient-boosting", variants: ["velocity"], alternatives: ["rnn"], answer: "Score each event", guidePick: "rnn",
            never: ["Bidirectional", "favoured over"]),
        // Where the knowledge lives, with each language task: documents send generation and summaries to RAG and
        // leave the others where they were.
        Row(flags: ["--modality", "text", "--task", "summarization", "--knowledge", "documents"],
            pick: "rag", variants: ["hybrid retrieval"], answer: "Answer from a document collection", guidePick: "encoder-decoder"),
        Row(flags: ["--modality", "text", "--task", "retrieval", "--knowledge", "documents"],
            pick: "bm25", alternatives: ["rag"], answer: "Find or rank documents", guidePick: "transformer-encoder"),
        Row(flags: ["--modality", "text", "--task", "classification", "--samples", "5000", "--knowledge", "documents"],
            pick: "transformer-encoder", answer: "Understand, classify or extract", guidePick: nil),
        Row(flags: ["--modality", "text", "--task", "generation", "--knowledge", "model"],
            pick: "transformer-decoder", variants: ["Qwen3"], answer: "In the prompt", guidePick: nil, never: ["Llama 3.1", "Phi-3"]),
        // Microcontrollers (mcu is the same value), apart from edge gateways.
        Row(flags: ["--modality", "audio", "--task", "classification", "--samples", "5000", "--deploy", "mcu"],
            pick: "audio-encoder", variants: ["DS-CNN", "BC-ResNet"], answer: "On a microcontroller", guidePick: "",
            never: ["YAMNet", "PANNs"]),
        Row(flags: ["--modality", "image", "--task", "classification", "--samples", "2000", "--deploy", "microcontroller"],
            pick: "cnn", variants: ["MCUNet", "0.25 width"], answer: "On a microcontroller", guidePick: nil,
            never: ["EfficientNet-Lite0", "ResNet-50"]),
        Row(flags: ["--modality", "tabular", "--task", "classification", "--samples", "50000", "--deploy", "microcontroller"],
            pick: "gradient-boosting", answer: "Starting out", guidePick: nil, says: ["compile it to C"]),
        // Graph ranking is link prediction, not node classification.
        Row(flags: ["--modality", "graph", "--task", "ranking", "--nodes", "5000000"],
            pick: "recsys", variants: ["LightGCN", "PinSage", "two-tower"], alternatives: ["gnn"], answer: "Rank, recommend or predict links",
            guidePick: "gnn", never: ["GPS"]),
        // Point clouds.
        Row(flags: ["--modality", "point-cloud", "--task", "classification", "--samples", "3000"],
            pick: "point-cloud", variants: ["PointNet++"], alternatives: ["gradient-boosting"], answer: "whole objects", guidePick: ""),
        Row(flags: ["--modality", "point-cloud", "--task", "segmentation"],
            pick: "point-cloud", variants: ["Point Transformer V3", "sparse"], answer: "Label every point", guidePick: ""),
        Row(flags: ["--modality", "point-cloud", "--task", "detection", "--deploy", "edge"],
            pick: "point-cloud", variants: ["PointPillars"], answer: "3D boxes", guidePick: ""),
        // Vision backbones by pretrained weights: DINOv2 / SigLIP 2 beside ConvNeXt; ResNet-50 only as the reference.
        Row(flags: ["--modality", "image", "--task", "classification", "--samples", "5000"],
            pick: "cnn", variants: ["ConvNeXt", "DINOv2"], alternatives: ["vit"], answer: "limited labels", guidePick: nil),
        // Constraints by cost: trees score an event in microseconds, so a 1 ms budget on an edge box keeps them.
        Row(flags: ["--modality", "events", "--task", "classification", "--samples", "100000", "--deploy", "edge", "--latency-ms", "1"],
            pick: "gradient-boosting", alternatives: ["rnn"], answer: "Score each event", guidePick: "rnn", never: ["favoured over"]),
        // 2026 defaults: forecasting assumes foundation models exist and runs one as a check.
        Row(flags: ["--modality", "time-series", "--task", "forecasting", "--samples", "500"],
            pick: "gradient-boosting", alternatives: ["ts-foundation"], answer: "Many related series", guidePick: "rnn",
            says: ["Chronos-2"]),
        // Issue 26, what the model must produce: the four rows of its table.
        Row(flags: ["--modality", "graph", "--task", "generation", "--nodes", "40", "--samples", "4000", "--deploy", "batch", "--compute", "medium"],
            pick: "molecule-generator", variants: ["REINVENT", "SELFIES", "DiGress"], alternatives: ["fingerprint-gbdt"], whyNot: ["gnn"],
            answer: "Design new molecules", guidePick: "gnn", never: ["GraphSAGE", "Most GNN failures"],
            says: ["validity, uniqueness, novelty"], read: ["nodes", "samples"]),
        Row(flags: ["--modality", "tabular", "--task", "ranking", "--samples", "1000000000", "--latency-ms", "10", "--deploy", "cloud",
                    "--compute", "high", "--no-pretrained"],
            pick: "ctr-model", variants: ["DCN-v2", "DLRM", "DeepFM"], alternatives: ["recsys"], whyNot: ["gradient-boosting"],
            answer: "Predict clicks", guidePick: "gradient-boosting", says: ["log loss"], read: ["samples", "latency_ms"]),
        Row(flags: ["--modality", "text", "--task", "generation", "--output", "audio", "--deploy", "cloud"],
            pick: "speech-synthesis", variants: ["CosyVoice 2", "Kokoro"], whyNot: ["transformer-decoder"], answer: "Speak the text",
            guidePick: "transformer-decoder", never: ["perplexity", "Llama", "Qwen3"], says: ["time to first audio"], read: ["output", "deploy"]),
        Row(flags: ["--modality", "audio", "--task", "classification", "--output", "embedding", "--samples", "2000", "--deploy", "server-cpu",
                    "--latency-ms", "100"],
            pick: "speaker-embedding", variants: ["ECAPA-TDNN", "WavLM"], whyNot: ["audio-encoder"], answer: "Verify or identify speakers",
            guidePick: "", never: ["BEATs, AST", "per-class precision"], says: ["equal error rate", "spoofing"], read: ["output"]),
        // Its sub-cases, each with the metric it is judged by.
        Row(flags: ["--modality", "text", "--task", "generation", "--output", "audio", "--streaming"],
            pick: "speech-synthesis", variants: ["streaming"], answer: "Speech must start while the text is still arriving",
            guidePick: "transformer-decoder", read: ["streaming"]),
        Row(flags: ["--modality", "text", "--task", "generation", "--output", "molecule"],
            pick: "molecule-generator", variants: ["REINVENT"], answer: "SMILES", guidePick: "transformer-decoder",
            says: ["validity, uniqueness, novelty"], read: ["output"]),
        Row(flags: ["--modality", "image", "--task", "retrieval", "--output", "embedding", "--samples", "60000"],
            pick: "metric-learning", variants: ["OSNet", "CLIP-ReID"], alternatives: ["clip"], whyNot: ["cnn"],
            answer: "Match identities", guidePick: "clip", says: ["rank-1"], read: ["output", "samples"]),
        Row(flags: ["--modality", "image", "--task", "change-detection", "--samples", "800"],
            pick: "change-detector", variants: ["Siamese", "BIT"], alternatives: ["segmenter"], answer: "Find what changed",
            guidePick: "cnn", says: ["F1 and IoU of the change class"]),
        Row(flags: ["--modality", "tabular", "--task", "survival", "--samples", "50000"],
            pick: "survival-model", variants: ["Cox", "gradient-boosted survival"], whyNot: ["gradient-boosting"],
            answer: "time until an event", guidePick: "gradient-boosting", never: ["MAE and RMSE overall"], says: ["concordance index"]),
        Row(flags: ["--modality", "events", "--task", "ranking", "--context", "long", "--samples", "2000000"],
            pick: "sequential-recommender", variants: ["SASRec", "frequency and recency"], alternatives: ["recsys"],
            answer: "next items", guidePick: "transformer", never: ["windowed aggregates"], says: ["next basket", "repeat and new items"],
            read: ["context"]),
        Row(flags: ["--modality", "text", "--task", "classification", "--samples", "20000", "--multilingual"],
            pick: "transformer-encoder", variants: ["XLM-R", "mDeBERTa"], alternatives: ["sentence-embeddings"],
            answer: "several languages", guidePick: nil, never: ["DistilBERT", "Baseline first: TF-IDF"], says: ["per language"],
            read: ["multilingual"]),
        Row(flags: ["--modality", "text", "--task", "retrieval", "--multilingual"],
            pick: "sentence-embeddings", variants: ["BGE-M3", "multilingual-e5"], alternatives: ["bm25"],
            answer: "several languages", guidePick: "transformer-encoder", says: ["every language"], read: ["multilingual"]),
        Row(flags: ["--modality", "code", "--task", "retrieval"],
            pick: "sentence-embeddings", variants: ["CodeSage", "identifiers"], alternatives: ["bm25"], answer: "Search code",
            guidePick: "transformer-encoder", never: ["bge-small"], says: ["recall@k"]),
        Row(flags: ["--modality", "video", "--task", "anomaly-detection", "--deploy", "edge"],
            pick: "tracker", variants: ["ByteTrack", "Isolation Forest"], alternatives: ["isolation-forest"],
            answer: "unusual activity", guidePick: "cnn", never: ["images of good parts", "Keep lighting"], says: ["day, night"]),
        // Domain encoders where the domain is known.
        Row(flags: ["--modality", "text", "--task", "classification", "--samples", "8000", "--domain", "medical"],
            pick: "transformer-encoder", variants: ["BiomedBERT", "Bio_ClinicalBERT"], alternatives: ["llm-prompted", "linear"],
            answer: "clinical or biomedical", guidePick: nil, never: ["DistilBERT"], says: ["De-identify"], read: ["domain"]),
        Row(flags: ["--modality", "audio", "--task", "classification", "--samples", "5000", "--domain", "music"],
            pick: "audio-encoder", variants: ["MERT", "CLAP"], answer: "Tag or search music", guidePick: "",
            never: ["BEATs, AST"], says: ["artists held out", "Split by artist"], read: ["domain"]),
        // Many related series with drivers: the zero-shot foundation model is the baseline to beat, not the pick.
        Row(flags: ["--modality", "time-series", "--task", "forecasting", "--samples", "2000", "--pretrained", "--deploy", "batch"],
            pick: "gradient-boosting", alternatives: ["ts-foundation"], answer: "Many related series", guidePick: "rnn",
            says: ["baseline it has to beat"], read: ["pretrained"]),
    ]

    @Test(arguments: rows) func theExpertsPick(_ row: Row) throws {
        let o = try ExpertRun.json(row.flags)
        let pick = try #require(o["pick"] as? [String: Any])
        #expect(pick["id"] as? String == row.pick, "\(row): picked \(pick["id"] ?? "nothing")")
        let variants = pick["variants"] as? [String] ?? []
        for v in row.variants { #expect(variants.contains { $0.contains(v) }, "\(row): no variant with '\(v)' in \(variants)") }
        let alternatives = (o["alternatives"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        for a in row.alternatives { #expect(alternatives.contains(a), "\(row): \(a) not among \(alternatives)") }
        let whyNot = (o["why_not"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        for w in row.whyNot { #expect(whyNot.contains(w), "\(row): no why-not for \(w) in \(whyNot)") }
        let answers = (o["path"] as? [[String: Any]] ?? []).compactMap { $0["answer"] as? String }
        #expect(answers.contains { $0.contains(row.answer) }, "\(row): no answer with '\(row.answer)' in \(answers)")

        let guide = o["guide_pick"] as? [String: Any]
        switch row.guidePick {
        case nil: #expect(guide == nil, "\(row): agrees with the guide but reports \(guide ?? [:])")
        case ""?: #expect(guide != nil && guide?["id"] == nil, "\(row): the guide has no route, and the output should say so")
        case let id?: #expect(guide?["id"] as? String == id, "\(row): guide_pick \(guide ?? [:]) should name \(id)")
        }
        if let guide { #expect((guide["why"] as? String)?.isEmpty == false, "\(row): a departure must say why") }

        let said = ["because", "warnings", "next_steps"].flatMap { o[$0] as? [String] ?? [] } + variants + [pick["title"] as? String ?? ""]
        for n in row.never { #expect(!said.contains { $0.contains(n) }, "\(row): says '\(n)'") }
        for n in row.says { #expect(said.contains { $0.contains(n) }, "\(row): never says '\(n)'") }
        let unchanged = o["unchanged_fields"] as? [String] ?? [], assumed = o["assumed_fields"] as? [String] ?? []
        for f in row.read { #expect(!unchanged.contains(f) && !assumed.contains(f), "\(row): \(f) unchanged \(unchanged), assumed \(assumed)") }
        // The pick is never also ruled out, and nothing stands both as an alternative and a why-not.
        #expect(!whyNot.contains(row.pick) && Set(alternatives).isDisjoint(with: whyNot), "\(row): alternatives \(alternatives), why-not \(whyNot)")
    }

    /// A task its modality rules out cannot be answered: flags exit 64 naming the flag, the modality and
    /// the tasks that apply; no pick is printed.
    @Test(arguments: [["--modality", "tabular", "--task", "translation"], ["--modality", "text", "--task", "transcription"],
                      ["--modality", "image", "--task", "forecasting"]])
    func anImpossibleBriefIsAUsageError(_ flags: [String]) throws {
        let r = try RecommendRun.run(["--content", ExpertRun.content] + flags, content: false)
        #expect(r.status == 64, "\(flags): status \(r.status), \(r.err)")
        #expect(r.err.contains("nnguide: --task \(flags[3]) does not apply to modality \(flags[1]); for \(flags[1]): classification"), "\(r.err)")
        #expect(r.out.isEmpty, "\(r.out)")
    }

    /// In a brief file it is bad data (65) at the task's line; a flag that makes the file's task impossible
    /// is the flag's fault (64); a flag that fixes it gives a pick.
    @Test func anImpossibleBriefFileNamesItsLine() throws {
        let path = try RecommendRun.briefFile("notes: a table\nmodality: tabular\ntask: translation\n")
        let r = try RecommendRun.run(["--content", ExpertRun.content, "--brief", path], content: false)
        #expect(r.status == 65, "\(r.err)")
        #expect(r.err.contains("\(path):3:"), "\(r.err)")
        #expect(r.err.contains("task translation does not apply to modality tabular; for tabular: classification"), "\(r.err)")
        let flagged = try RecommendRun.run(["--content", ExpertRun.content, "--brief", path, "--modality", "text"], content: false)
        #expect(flagged.status == 0, "\(flagged.err)")
        let text = try RecommendRun.briefFile("modality: text\ntask: translation\n")
        let broken = try RecommendRun.run(["--content", ExpertRun.content, "--brief", text, "--modality", "graph"], content: false)
        #expect(broken.status == 64, "\(broken.err)")
        #expect(broken.err.contains("nnguide: --modality graph: task translation does not apply"), "\(broken.err)")
    }

    /// Video transcription is a real brief (the soundtrack), only in tension with the modality: a warning, not a refusal.
    @Test func transcriptionOfVideoIsFlaggedNotRefused() throws {
        let o = try ExpertRun.json(["--modality", "video", "--task", "transcription"])
        #expect((o["warnings"] as? [String] ?? []).contains { $0.contains("Transcription turns speech audio into text") })
    }
}

/// Runs the built binary on the shipped Content/ (the decision data and the real catalog).
enum ExpertRun {
    static let content = RecommendRun.root.appendingPathComponent("Content").path

    static func json(_ args: [String]) throws -> [String: Any] {
        let r = try RecommendRun.run(["--content", content] + args + ["--format", "json"], content: false)
        guard r.status == 0, let o = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any] else {
            throw CocoaError(.coderInvalidValue, userInfo: [NSLocalizedDescriptionKey: "status \(r.status): \(r.err)"])
        }
        return o
    }
}
