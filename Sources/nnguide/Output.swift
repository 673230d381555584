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

/// `--format` (or `--json`), `--width` and `--ascii`, shared by every command that prints the guide.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: ArgumentHelp("Output format, text by default.", valueName: "format"))
    var chosenFormat: OutputFormat?

    @Flag(help: "Same as --format json.")
    var json = false

    var format: OutputFormat { (try? jsonFormat(json: json, chosen: chosenFormat, default: .text)) ?? .text }

    @OptionGroup var wrap: WidthOption

    @Flag(help: "Draw tables and trees with ASCII characters only (the default when the locale is not UTF-8).")
    var ascii = false

    func validate() throws {
        _ = try jsonFormat(json: json, chosen: chosenFormat, default: OutputFormat.text)
    }

    var columns: Int { wrap.columns }

    var style: BoxStyle { ascii ? .ascii : BoxStyle.from(environment: ProcessEnvironment.current) }

    func renderer(_ guide: Guide) -> TextRenderer { TextRenderer(guide: guide, width: columns, style: style) }
}

/// `--width N`, on every command that wraps text: N columns, else `Terminal.columns()`.
struct WidthOption: ParsableArguments {
    @Option(parsing: .unconditional,
            help: ArgumentHelp("Wrap text at N columns (20 or more). Default: COLUMNS when set, else the terminal's width, else 80.", valueName: "n"),
            transform: WholeNumber.reader("--width", "a number of columns (20 or more), such as 72"))
    var width: Int?

    func validate() throws {
        if let width, width < 20 {
            throw ValidationError("--width: \(width) is too narrow; --width takes 20 or more (text narrower than 20 columns cannot hold a table or a tree)")
        }
    }

    var columns: Int { width ?? Terminal.columns() }
}

enum Terminal {
    /// Width of standard output: COLUMNS when set (in a pipe too, as `ls` and `man` read it), else the
    /// terminal's own size, else 80.
    static func columns() -> Int {
        if let s = ProcessEnvironment.current["COLUMNS"], let n = Int(s), n > 0 { return max(20, n) }
        guard isatty(STDOUT_FILENO) == 1 else { return 80 }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return max(20, Int(size.ws_col)) }
        return 80
    }

    /// The width to wrap messages on standard error at: COLUMNS, else the terminal's width; nil when
    /// standard error is not a terminal, where messages stay one line each.
    static func errorColumns() -> Int? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        if let s = ProcessEnvironment.current["COLUMNS"], let n = Int(s), n > 0 { return max(20, n) }
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return max(20, Int(size.ws_col)) }
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

/// "Not found": the message on standard error, exit status 1.
func notFound(_ message: String, suggestions: [String] = []) -> ExitCode {
    printError("nnguide: " + message)
    if !suggestions.isEmpty { printError("Did you mean: " + suggestions.joined(separator: ", ") + "?") }
    return ExitCode(1)
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
