import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif
import NNGuideCore

extension RecommendationFormat: ExpressibleByArgument {}

struct Recommend: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recommend an architecture for a Model Brief, with its reasons.",
        discussion: """
            Give the brief as a YAML file (--brief), as flags, or both (flags win). Only --modality and --task are \
            required; every field left out is stated as an assumption. --example N replays worked example N of the guide.

            The fields and their valid values are the content's (decisions.yaml, `brief:`): --fields lists them, \
            and a bad value's message names the valid ones.

            Exit status: 0 on success, 64 for a bad flag or value (every one is reported), 65 for an invalid brief \
            file or content, 66 when a brief file, --content or --overlay folder is not there.

            Examples:
              nnguide recommend --modality image --task classification --deploy mobile
              nnguide recommend --modality text --task generation --latency-ms 200
              nnguide recommend --brief brief.yaml --format markdown > decision.md
              nnguide recommend --brief server.yaml --against phone.yaml
              nnguide recommend --example 1
              nnguide recommend --fields
            """)

    @OptionGroup var content: ContentOptions

    @Option(name: .long, help: ArgumentHelp("A YAML file of brief fields (modality: text, task: generation, ...).", valueName: "file"), completion: .file(extensions: ["yaml", "yml"]))
    var brief: String?
    @Option(name: .long, help: ArgumentHelp("A second brief file: both recommendations side by side, and which fields made them differ.", valueName: "file"), completion: .file(extensions: ["yaml", "yml"]))
    var against: String?
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Replay the guide's worked example N (1-5).", valueName: "n"), completion: Completion.examples,
            transform: WholeNumber.reader("--example", "the number of a worked example, such as 1"))
    var example: Int?
    // Read as text: a bad one is reported with the brief's bad values (`optionProblems`).
    @Option(name: .customLong("format"), help: ArgumentHelp("text (the default), json or markdown (a decision record).", valueName: "format"),
            completion: .list(RecommendationFormat.allCases.map(\.rawValue)))
    var formatText: String?
    var chosenFormat: RecommendationFormat? { OptionProblems.choice(formatText, "--format", as: RecommendationFormat.self).value }
    @Flag(help: "Same as --format json.") var json = false
    @OptionGroup var wrap: WidthOption
    var format: RecommendationFormat { (try? jsonFormat(json: json, chosen: chosenFormat, default: .text)) ?? .text }
    @Flag(name: .customLong("fields"), help: "List the brief's fields and their values (from the content), then exit.")
    var listFields = false

    // The brief's fields: one declaration each, named as the field (latencyMs is latency_ms), its help
    // the field's meaning in the schema (`BriefFlagHelp`). Values are checked against the content's
    // schema once it is loaded (`fieldValues`); a field the schema gains needs its line here to be given
    // as a flag (a brief file takes it with none): RecommendCommandTests fails until it has one.
    @Option(help: BriefFlagHelp.of("modality", valueName: "modality"), completion: Recommend.choices("modality")) var modality: String?
    @Option(help: BriefFlagHelp.of("task", valueName: "task"), completion: Recommend.choices("task")) var task: String?
    @Option(help: BriefFlagHelp.of("output", valueName: "output"), completion: Recommend.choices("output")) var output: String?
    @Option(parsing: .unconditional, help: BriefFlagHelp.of("samples", valueName: "n")) var samples: String?
    @Option(parsing: .unconditional, help: BriefFlagHelp.of("nodes", valueName: "n")) var nodes: String?
    @Option(name: .customLong("latency-ms"), parsing: .unconditional, help: BriefFlagHelp.of("latency_ms", valueName: "ms")) var latencyMs: String?
    @Option(help: BriefFlagHelp.of("deploy", valueName: "target"), completion: Recommend.choices("deploy")) var deploy: String?
    @Option(help: BriefFlagHelp.of("compute", valueName: "budget"), completion: Recommend.choices("compute")) var compute: String?
    @Option(help: BriefFlagHelp.of("interpretability", valueName: "need"), completion: Recommend.choices("interpretability")) var interpretability: String?
    @Flag(inversion: .prefixedNo, help: BriefFlagHelp.of("streaming")) var streaming: Bool?
    @Option(help: BriefFlagHelp.of("context", valueName: "reach"), completion: Recommend.choices("context")) var context: String?
    @Flag(inversion: .prefixedNo, help: BriefFlagHelp.of("pretrained")) var pretrained: Bool?
    @Option(help: BriefFlagHelp.of("knowledge", valueName: "where"), completion: Recommend.choices("knowledge")) var knowledge: String?
    @Flag(inversion: .prefixedNo, help: BriefFlagHelp.of("multilingual")) var multilingual: Bool?
    @Option(help: BriefFlagHelp.of("domain", valueName: "domain"), completion: Recommend.choices("domain")) var domain: String?
    @Option(help: BriefFlagHelp.of("notes", valueName: "text")) var notes: String?

    /// The brief flags given, by the field they name: every `@Option`/`@Flag` above whose property
    /// name is a field's name without `_` (so the list of fields lives in the content alone).
    func givenFlags(_ schema: BriefSchema) -> [(spec: BriefFieldSpec, value: String)] {
        var out: [(BriefFieldSpec, String)] = []
        for child in Mirror(reflecting: self).children {
            guard let label = child.label else { continue }
            let key = Recommend.squash(label.hasPrefix("_") ? String(label.dropFirst()) : label)
            guard let spec = schema.fields.first(where: { Recommend.squash($0.name) == key }) else { continue }
            if let o = child.value as? Option<String?>, let v = o.wrappedValue { out.append((spec, v)) }
            if let f = child.value as? Flag<Bool?>, let v = f.wrappedValue { out.append((spec, v ? "true" : "false")) }
        }
        return out
    }

    /// Shell completion for a choice field: its values from the content's brief schema, read when the
    /// shell asks (`Completion`, which honours a typed `--content` and reads the content cache).
    static func choices(_ field: String) -> CompletionKind { Completion.values(field) }

    static func squash(_ s: String) -> String { s.lowercased().filter { $0 != "_" && $0 != "-" } }

    /// Whether any brief flag was given, before the content (and so the schema) is loaded.
    var anyFieldFlag: Bool {
        Mirror(reflecting: self).children.contains { child in
            if let o = child.value as? Option<String?>, !["_brief", "_against", "_formatText"].contains(child.label ?? ""), o.wrappedValue != nil { return true }
            if let f = child.value as? Flag<Bool?>, f.wrappedValue != nil { return true }
            return false
        }
    }

    /// Flag values, parsed by the content's brief schema. A bad value is a usage error (64) that names
    /// the flag, the value and what is valid; every one is reported with the other options' problems
    /// (`optionProblems`), one a line, so a second run is not needed to find the next.
    func flagValues(_ schema: BriefSchema) throws -> [BriefField: BriefValue] {
        var values: [BriefField: BriefValue] = [:]
        var problems = optionProblems
        for (spec, raw) in givenFlags(schema) {
            do { values[spec.field] = try spec.parse(raw) } catch { problems.add(BriefRefusal.badValue(error).description) }
        }
        try problems.check()
        return values
    }

    /// --format, --json and --width, and options that cannot go together: checked when the command
    /// runs, with the brief's values (which need the content's schema), not alone in `validate`.
    var optionProblems: OptionProblems {
        var problems = OptionProblems.output(format: formatText, json: json, default: RecommendationFormat.text, width: wrap)
        if against != nil, example != nil {
            problems.add("--against: compares two briefs, not an example; give the first with --brief or brief flags")
        }
        if let example, brief != nil || anyFieldFlag {
            problems.add("--example: \(example) replays the guide's own brief; give it without --brief or brief flags")
        }
        return problems
    }

    /// A usage error in nnguide's own words: printed as "nnguide: ..." with recommend's usage, exit
    /// status 64 (`Failure`).
    static func usage(_ message: String) -> ValidationError { ValidationError(message) }

    func run() throws {
        let guide = try content.load()
        let book = guide.decisions
        // A brief's options are checked with its flags' values (`flagValues`), all in one report.
        if listFields || example != nil { try optionProblems.check() }
        if listFields {
            print(Recommend.fieldList(book.brief, width: width), terminator: "")
            return
        }
        var replay: GuideExample?
        let theBrief: Brief
        if let n = example {
            let worked = book.examples.filter { $0.kind == .worked }.map(\.number).sorted()
            guard let e = book.workedExample(n) else {
                throw ValidationError("--example: \(n) is no such worked example; valid values: \(worked.map(String.init).joined(separator: ", "))")
            }
            let parsed = e.parsedBrief(book.brief)
            guard let b = parsed.brief else {
                printError("nnguide: example \(e.id) in decisions.yaml has a bad brief: \(parsed.problems.joined(separator: "; "))")
                throw ExitCode(65)
            }
            replay = e
            theBrief = b
        } else {
            theBrief = try assembleBrief(book.brief)
        }
        var recommendation: Recommendation
        let recommender = Recommender(guide: guide)
        if let against {
            try compare(theBrief, against: against, recommender, guide)
            return
        }
        do {
            recommendation = try recommender.recommend(theBrief)
        } catch {
            if error.refusal != nil { throw Recommend.usage(error.message) }
            printError("nnguide: the decision content cannot answer this brief: \(error.message)")
            throw ExitCode(65)
        }
        recommendation.example = replay.map(Recommendation.Replay.init)
        recommendation.flips = Flips.analyze(theBrief, with: recommender)
        print(recommendation.render(format, width: width, date: RecordDate.today()), terminator: "")
    }

    /// `--against FILE`: the two recommendations side by side, and which fields made them differ.
    func compare(_ first: Brief, against path: String, _ recommender: Recommender, _ guide: Guide) throws {
        let second: Brief
        let schema = guide.decisions.brief
        do {
            let (values, places) = try BriefReader.readLocated(path: path, schema: schema)
            // A task its modality rules out is refused at its line, as the first brief's file is.
            if let m = schema.mismatch(in: values) {
                printError("nnguide: " + BriefFileError(places[m.field.field] ?? SourceLocation(file: path), m.description).description)
                throw ExitCode(65)
            }
            second = try Brief(schema: schema, values: values)
        } catch let e as ExitCode {
            throw e
        } catch let e as BriefMissingField {
            printError("nnguide: \(path): \(e.description)")
            throw ExitCode(65)
        } catch let e as BriefFileError {
            printError(e.lines.map { "nnguide: " + $0 }.joined(separator: "\n"))
            throw ExitCode(e.exitStatus)
        } catch {
            printError("nnguide: \(error)")
            throw ExitCode(65)
        }
        let c: BriefComparison
        do {
            c = try BriefComparison(first, second, labels: (brief.map { Path.stem($0) } ?? "the flags", Path.stem(path)), recommender: recommender)
        } catch {
            printError("nnguide: the decision content cannot answer this brief: \(error.message)")
            throw ExitCode(65)
        }
        switch format {
        case .text: print(c.text(width: width, style: BoxStyle.from(environment: ProcessEnvironment.current), guide: guide), terminator: "")
        case .markdown: print(c.markdown(date: RecordDate.today()), terminator: "")
        case .json: print(c.json(), terminator: "")
        }
    }

    /// File fields first, then flags over them. A missing modality or task is a usage error without a
    /// file and a brief-file error with one.
    func assembleBrief(_ schema: BriefSchema) throws -> Brief {
        var values: [BriefField: BriefValue] = [:]
        var places: [BriefField: SourceLocation] = [:]
        // The file's problems and the flags' are reported together, the file's first (twelfth retest: a
        // bad flag hid the file's); a bad flag makes it a usage error (64), as a bad flag alone does.
        var fileError: BriefFileError?
        if let path = brief {
            do { (values, places) = try BriefReader.readLocated(path: path, schema: schema) } catch { fileError = error }
        }
        let reportFile = { if let fileError { printError(fileError.lines.map { "nnguide: " + $0 }.joined(separator: "\n")) } }
        let flags: [BriefField: BriefValue]
        do { flags = try flagValues(schema) } catch { reportFile(); throw error }
        if let fileError { reportFile(); throw ExitCode(fileError.exitStatus) }
        values.merge(flags) { _, flag in flag }
        // A task the modality rules out cannot be answered: refused, never given a pick. The flag's
        // fault is a usage error (64); the file's names its line (65).
        if let m = schema.mismatch(in: values) {
            if let path = brief, flags[m.field.field] == nil, flags[m.other.field] == nil {
                printError("nnguide: " + BriefFileError(places[m.field.field] ?? SourceLocation(file: path), m.description).description)
                throw ExitCode(65)
            }
            // The recommender refuses a hand-built brief with the same words (`BriefRefusal`).
            if flags[m.field.field] != nil { throw Recommend.usage(BriefRefusal.mismatch(m).description) }
            throw Recommend.usage("\(m.other.flag) \(m.otherValue): \(m.field.name) \(m.value) does not apply to it; for \(m.otherValue): \(m.valid.joined(separator: ", "))")
        }
        // A field given where it does not apply (`--nodes` for an image) is ignored, not refused: say so
        // here, by the flag or the file's line, as well as among the recommendation's warnings.
        for i in schema.notApplying(in: values) {
            let place = flags[i.field.field] != nil ? i.field.flag : brief.map { (places[i.field.field] ?? SourceLocation(file: $0)).description + ": " + i.field.name }
            printError("nnguide: warning: \(place ?? i.field.flag) does not apply to \(i.other) \(i.otherValue) (only to \(i.appliesTo.joined(separator: ", "))); it is ignored")
        }
        do {
            return try Brief(schema: schema, values: values)
        } catch {
            if let path = brief {
                printError("nnguide: \(path): \(error.description) (or give \(error.spec.flag))")
                throw ExitCode(65)
            }
            throw Recommend.usage(BriefRefusal.missing(error).description)
        }
    }

    /// `--fields`: each field with its flag and meaning, and a choice's values with theirs.
    static func fieldList(_ schema: BriefSchema, width: Int) -> String {
        var out: [String] = []
        for f in schema.fields {
            let flag = f.kind == .flag ? "\(f.flag) / --no-\(f.flag.dropFirst(2))" : f.flag
            out.append("\(f.name)  \(flag)\(f.required ? "  (required)" : "")")
            out += TextWrap.wrap(f.meaning + (f.kind == .choice || f.kind == .text ? "" : ": " + f.validValues), width: width - 4, longWords: .whole).map { "    " + $0 }
            let pad = (f.choices.map(DisplayWidth.of).max() ?? 0) + 2
            for v in f.values {
                let also = v.aliases.isEmpty ? "" : " (also written " + v.aliases.joined(separator: ", ") + ")"
                let lines = TextWrap.wrap(v.meaning + also, width: max(20, width - 6 - pad), longWords: .whole)
                for (i, l) in lines.enumerated() { out.append("      " + TextWrap.pad(i == 0 ? v.value : "", width: pad) + l) }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A recommendation is read, not scanned: `--width` as given, else the output's width
    /// (`Terminal.columns`) kept between 40 and 120 columns.
    var width: Int { wrap.width ?? min(120, max(40, Terminal.columns())) }
}
