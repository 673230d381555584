import ArgumentParser
import Foundation
import NNGuideCore

extension RecommendationFormat: ExpressibleByArgument {}

struct Recommend: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recommend an architecture for a Model Brief, with its reasons.",
        discussion: """
            Give the brief as a YAML file (--brief), as flags, or both (flags win). Only --modality and --task are \
            required; every field left out is stated as an assumption. --example N replays worked example N of the guide.

            Fields: \(BriefField.allCases.map { "\($0.name) (\($0.validValues))" }.joined(separator: "; ")).

            Exit status: 0 on success, 64 for a bad flag or value, 65 for an unreadable or invalid brief file or content.
            """)

    @OptionGroup var content: ContentOptions

    @Option(name: .long, help: ArgumentHelp("A YAML file of brief fields (modality: text, task: generation, ...).", valueName: "file"), completion: .file(extensions: ["yaml", "yml"]))
    var brief: String?
    @Option(name: .long, help: ArgumentHelp("Replay the guide's worked example N (1-5).", valueName: "n"), completion: Completion.examples)
    var example: Int?
    @Option(name: .long, help: "text, json or markdown (a decision record).")
    var format: RecommendationFormat = .text

    @Option(help: ArgumentHelp(BriefField.modality.validValues, valueName: "modality"), completion: Completion.values(.modality)) var modality: String?
    @Option(help: ArgumentHelp(BriefField.task.validValues, valueName: "task"), completion: Completion.values(.task)) var task: String?
    // Numbers are taken as values even when they start with "-", so a negative one is explained
    // rather than read as an unknown option.
    @Option(parsing: .unconditional, help: ArgumentHelp("Number of labeled examples.", valueName: "n")) var samples: String?
    @Option(name: .customLong("latency-ms"), parsing: .unconditional, help: ArgumentHelp("Inference budget per request in milliseconds.", valueName: "ms")) var latencyMs: String?
    @Option(help: ArgumentHelp(BriefField.deploy.validValues, valueName: "target"), completion: Completion.values(.deploy)) var deploy: String?
    @Option(help: ArgumentHelp("Training budget: " + BriefField.compute.validValues, valueName: "budget"), completion: Completion.values(.compute)) var compute: String?
    @Option(help: ArgumentHelp(BriefField.interpretability.validValues, valueName: "need"), completion: Completion.values(.interpretability)) var interpretability: String?
    @Flag(inversion: .prefixedNo, help: "Must act on events as they arrive.") var streaming: Bool?
    @Option(help: ArgumentHelp("How far back a sequence model must look: " + BriefField.context.validValues, valueName: "reach"), completion: Completion.values(.context)) var context: String?
    @Flag(inversion: .prefixedNo, help: "A strong pretrained model exists for this modality.") var pretrained: Bool?
    @Option(help: ArgumentHelp("Free text, echoed in the decision record.", valueName: "text")) var notes: String?

    /// Flag values, parsed by the brief's one field table. A bad value is a usage error (64).
    func flagValues() throws -> [BriefField: BriefValue] {
        let raw: [(BriefField, String?)] = [(.modality, modality), (.task, task), (.samples, samples), (.latencyMs, latencyMs),
                                            (.deploy, deploy), (.compute, compute), (.interpretability, interpretability),
                                            (.context, context), (.notes, notes)]
        var values: [BriefField: BriefValue] = [:]
        for (field, value) in raw {
            guard let value else { continue }
            do { values[field] = try field.parse(value) } catch {
                if let n = Double(value.trimmingCharacters(in: .whitespaces)), n < 0 {
                    throw ValidationError("\(field.flag) cannot be negative (got \(value); it is the \(field.meaning)); give \(field.validValues)")
                }
                throw ValidationError("\(field.flag): \(error.description)")
            }
        }
        if let streaming { values[.streaming] = .flag(streaming) }
        if let pretrained { values[.pretrained] = .flag(pretrained) }
        return values
    }

    func validate() throws {
        let flags = try flagValues()
        if let example, brief != nil || !flags.isEmpty {
            throw ValidationError("--example \(example) replays the guide's brief; give it without --brief or brief flags")
        }
        if example == nil && brief == nil {
            for field in [BriefField.modality, .task] where flags[field] == nil {
                throw ValidationError("missing \(field.flag) (\(field.meaning)); one of: \(field.validValues)")
            }
        }
    }

    func run() throws {
        let guide = try content.load()
        let book = guide.decisions
        var replay: GuideExample?
        let theBrief: Brief
        if let n = example {
            let worked = book.examples.filter { $0.kind == .worked }.map(\.number).sorted()
            guard let e = book.workedExample(n) else {
                throw ValidationError("--example \(n): no such worked example; valid values: \(worked.map(String.init).joined(separator: ", "))")
            }
            guard let b = e.parsedBrief.brief else {
                printError("nnguide: example \(e.id) in decisions.yaml has a bad brief: \(e.parsedBrief.problems.joined(separator: "; "))")
                throw ExitCode(65)
            }
            replay = e
            theBrief = b
        } else {
            theBrief = try assembleBrief()
        }
        var recommendation: Recommendation
        do {
            recommendation = try Recommender(guide: guide).recommend(theBrief)
        } catch {
            printError("nnguide: the decision content cannot answer this brief: \(error.message)")
            throw ExitCode(65)
        }
        recommendation.example = replay.map(Recommendation.Replay.init)
        print(recommendation.render(format, width: Recommend.width(), date: Recommend.today()), terminator: "")
    }

    /// File fields first, then flags over them. A missing modality or task is a usage error without a
    /// file and a brief-file error with one.
    func assembleBrief() throws -> Brief {
        var values: [BriefField: BriefValue] = [:]
        if let path = brief {
            do { values = try BriefReader.read(path: path) } catch {
                printError("nnguide: " + error.description)
                throw ExitCode(65)
            }
        }
        values.merge(try flagValues()) { _, flag in flag }
        do {
            return try Brief(values: values)
        } catch {
            if let path = brief {
                printError("nnguide: \(path): \(error.description) (or give \(error.field.flag))")
                throw ExitCode(65)
            }
            throw ValidationError("missing \(error.field.flag) (\(error.field.meaning)); one of: \(error.field.validValues)")
        }
    }

    static func width() -> Int {
        if let c = ProcessEnvironment.current["COLUMNS"].flatMap(Int.init), c >= 40 { return min(c, 120) }
        return 80
    }

    static func today() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date())
    }
}
