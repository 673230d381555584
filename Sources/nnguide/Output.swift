import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif
import NNGuideCore

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
}

/// `--json` is `--format json` on every command that takes `--format` (what people type first).
/// `chosen` is the format given with `--format`, if any; a contradiction is a usage error.
func jsonFormat<F: RawRepresentable>(json: Bool, chosen: F?, default: F) throws -> F where F.RawValue == String {
    guard json else { return chosen ?? `default` }
    if let chosen, chosen.rawValue != "json" {
        throw ValidationError("--json: --format \(chosen.rawValue) was given too; give one of them (--json means --format json)")
    }
    return F(rawValue: "json") ?? `default`
}

/// Every bad option value of one run, collected and reported at once (one "nnguide: " line each,
/// exit 64 with the command's usage, `Failure`): `--width 5` no longer hides `--samples 0` (ninth
/// retest). Values the parser would refuse one at a time (`--width`, `--format`) are read as text
/// and checked here with the others.
struct OptionProblems {
    var messages: [String] = []
    mutating func add(_ message: String?) { if let message { messages.append(message) } }
    /// A usage error naming every problem; nothing when there is none.
    func check() throws {
        guard !messages.isEmpty else { return }
        throw ValidationError(messages.joined(separator: "\nnnguide: "))
    }

    /// "--format: unknown value 'yaml'; valid values: text, markdown, json", or "--format: unknown
    /// value 'jsn'. Did you mean 'json'? Valid values: ..." (`Suggestion.refusal`, as a brief value's
    /// refusal reads); also the parser's refusal of a choice, reworded (`Failure.suggestingValue`).
    static func unknownValue(_ option: String, _ value: String, choices: [String]) -> String {
        Suggestion.refusal("\(option): unknown value '\(value)'", suggesting: EditDistance.closest(to: value, among: choices, limit: 1),
                           valid: "valid values: " + choices.joined(separator: ", "))
    }

    /// `--format` (or `--json`) and `--width`: each bad value, and a contradiction between the two formats.
    static func output<F: RawRepresentable & CaseIterable>(format text: String?, json: Bool, default: F, width: WidthOption) -> OptionProblems where F.RawValue == String {
        var problems = OptionProblems()
        let (chosen, problem) = choice(text, "--format", as: F.self)
        problems.add(problem)
        do { _ = try jsonFormat(json: json, chosen: chosen, default: `default`) } catch { problems.add("\(error)") }
        problems.add(width.problem)
        return problems
    }

    /// A `--format` given as text: the choice, or why it is none (`unknownValue`).
    static func choice<F: RawRepresentable & CaseIterable>(_ text: String?, _ option: String, as: F.Type) -> (value: F?, problem: String?) where F.RawValue == String {
        guard let text else { return (nil, nil) }
        if let f = F(rawValue: text) { return (f, nil) }
        return (nil, unknownValue(option, text, choices: F.allCases.map(\.rawValue)))
    }
}

/// `--format` (or `--json`), `--width` and `--ascii`, shared by every command that prints the guide.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: ArgumentHelp("Output format: text, markdown or json.", valueName: "format"),
            completion: .list(OutputFormat.allCases.map(\.rawValue)))
    var formatText: String?
    var chosenFormat: OutputFormat? { OptionProblems.choice(formatText, "--format", as: OutputFormat.self).value }

    @Flag(help: "Same as --format json.")
    var json = false

    var format: OutputFormat { (try? jsonFormat(json: json, chosen: chosenFormat, default: .text)) ?? .text }

    @OptionGroup var wrap: WidthOption

    @Flag(help: "Draw tables and trees with ASCII characters only (the default when the locale is not UTF-8).")
    var ascii = false

    /// The format, the width and their agreement, every problem at once.
    func validate() throws {
        try OptionProblems.output(format: formatText, json: json, default: OutputFormat.text, width: wrap).check()
    }

    var columns: Int { wrap.columns }

    var style: BoxStyle { ascii ? .ascii : BoxStyle.from(environment: ProcessEnvironment.current) }

    func renderer(_ guide: Guide) -> TextRenderer { TextRenderer(guide: guide, width: columns, style: style) }
}

/// `--width N`, on every command that wraps text: N columns, else `Terminal.columns()`.
/// Read as text and checked by the command with its other values (`problem`, `OptionProblems`), so a
/// bad width is reported beside them rather than alone.
struct WidthOption: ParsableArguments {
    @Option(name: .customLong("width"), parsing: .unconditional,
            help: ArgumentHelp("Wrap text at N columns (20 or more). Default: COLUMNS when set, else the terminal's width, else 80.", valueName: "n"))
    var widthText: String?

    /// The width given, when it is a usable one.
    var width: Int? { widthText.flatMap(WholeNumber.parse).flatMap { $0 >= 20 ? $0 : nil } }

    /// Why the width given cannot be used; nil when it can or none was given.
    var problem: String? {
        guard let widthText else { return nil }
        guard let n = WholeNumber.parse(widthText) else {
            return "--width: " + WholeNumber.problem(widthText) + "; --width takes a number of columns (20 or more), such as 72"
        }
        return n < 20 ? "--width: \(n) is too narrow; --width takes 20 or more (text narrower than 20 columns cannot hold a table or a tree)" : nil
    }

    var columns: Int { width ?? Terminal.columns() }
}

enum Terminal {
    /// Width of standard output: COLUMNS when set (in a pipe too, as `ls` and `man` read it), else the
    /// terminal's own size, else 80.
    static func columns() -> Int { width(of: STDOUT_FILENO) ?? 80 }

    /// The width to wrap messages on standard error at: COLUMNS, else the terminal's width; nil when
    /// standard error is not a terminal, where messages stay one line each.
    static func errorColumns() -> Int? { isatty(STDERR_FILENO) == 1 ? width(of: STDERR_FILENO) : nil }

    /// COLUMNS when set, else the size of the terminal on `fd`; nil when neither says (20 at least).
    private static func width(of fd: Int32) -> Int? {
        if let s = ProcessEnvironment.current["COLUMNS"], let n = Int(s), n > 0 { return max(20, n) }
        guard isatty(fd) == 1 else { return nil }
        var size = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return max(20, Int(size.ws_col)) }
        return nil
    }

    /// Highlighting is for people: only on a terminal, and never when NO_COLOR is set.
    static var highlights: Bool {
        isatty(STDOUT_FILENO) == 1 && (ProcessEnvironment.current["NO_COLOR"] ?? "").isEmpty
    }
}

/// Prints text that already ends with a newline.
func emit(_ s: String) {
    StandardStream.output(s)
}

func emit(_ lines: [String]) { emit(lines.joined(separator: "\n") + "\n") }

func emitJSON<T: Encodable>(_ value: T) throws { emit(try JSONOutput.string(value)) }
/// The guide's own text as JSON: link markup as plain text, the links listed apart (`PeopleJSON`).
func emitPeopleJSON<T: Encodable>(_ value: T, _ guide: Guide) throws { emit(try PeopleJSON.string(value, guide: guide)) }

/// "Not found": one line on standard error, exit status 1, in the order of every other refusal: what
/// is wrong, the closest names right after it, then where to look ("nnguide: nothing in the guide is
/// called 'splts'. Did you mean 'splits' (Train/Test Splits That Don't Lie)? (`nnguide toc` lists
/// every id; ...)"). The twelfth retest found ids' suggestions on a line of their own.
func notFound(_ problem: String, hint: String? = nil, suggestions: [String] = []) -> ExitCode {
    printError(notFoundMessage(problem, hint: hint, suggestions: suggestions))
    return ExitCode(1)
}

/// `notFound`'s line, for tests.
func notFoundMessage(_ problem: String, hint: String? = nil, suggestions: [String] = []) -> String {
    let hinted = hint.map { " (\($0))" } ?? ""
    guard !suggestions.isEmpty else { return "nnguide: " + problem + hinted }
    return "nnguide: " + Suggestion.refusal(problem, suggesting: suggestions) + hinted
}

/// A name that fits several items (`nnguide show`, `--open`): every one with its id, exit status 1.
func ambiguous(_ name: String, _ items: [GuideItem], _ guide: Guide) -> ExitCode {
    printError("nnguide: '\(name)' fits \(items.count) items; give one of these ids:")
    for i in items { printError("  \(i.id)  (\(i.kind)) \(i.title)" + itemCrumb(i, guide)) }
    return ExitCode(1)
}

/// " — in Part 4 › Vision", where an item sits (nothing for a top-level page).
func itemCrumb(_ item: GuideItem, _ guide: Guide) -> String {
    guard let p = item.pageID, case let c = guide.breadcrumb(p), !c.isEmpty else { return "" }
    if case .page = item, c.count == 1 { return "" }
    return " — in " + c.joined(separator: " › ")
}
