import ArgumentParser
import NNGuideCore
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Every error in one style on standard error: `nnguide: <what is wrong>`, then how to put it right
/// (for a usage error, the usage of the subcommand that was run, not the top-level one).
///
/// The parser's own `main` reports errors thrown by `run()` against the root command, so a usage
/// error found after parsing (`compare cnn`, `recommend --example 9`) printed nnguide's top-level
/// usage, and its messages start with `Error:`. Here parsing and running are split so the command
/// that failed is known.
enum Failure {
    static func parseAndRun(_ arguments: [String]) -> Never {
        var command: ParsableCommand
        do {
            command = try NNGuide.parseAsRoot(arguments)
        } catch {
            exit(error, in: nil, arguments: arguments)
        }
        do {
            try command.run()
        } catch {
            exit(error, in: type(of: command))
        }
        Glibc.exit(0)
    }

    /// Help, version, completions and statuses already reported (`ExitCode`) go to the parser as they
    /// are; messages are reworded to the one style.
    static func exit(_ error: Error, in command: ParsableCommand.Type?, arguments: [String] = []) -> Never {
        let status = NNGuide.exitCode(for: error)
        if status == .success, let script = CompletionScript.tidied(NNGuide.fullMessage(for: error)) {
            print(script)
            Glibc.exit(0)
        }
        // Help (and the version) laid out at the terminal's width by HelpLayout; the JSON dump and the
        // completion scripts as they are.
        if status == .success, !(error is ExitCode),
           !CommandLine.arguments.contains(where: { $0.hasPrefix("--experimental-dump-help") || $0.hasPrefix("--generate-completion-script") }) {
            let width = Terminal.columns()
            print(HelpLayout.reflow(HelpLayout.unwrapped { NNGuide.fullMessage(for: error) }, width: width))
            Glibc.exit(0)
        }
        if status == .success || error is ExitCode { NNGuide.exit(withError: error) }
        var text = NNGuide.fullMessage(for: error)
        if command == nil, let unknown = unknownOptionBehind(text, arguments: arguments) { text = unknown }
        if let command, command != NNGuide.self, error is ValidationError {
            text = NNGuide.message(for: error) + "\n" + usage(of: command)
        }
        printError(restyled(SwitchValue.explained(suggestingOption(suggestingValue(shellRefused(text))), arguments: arguments)))
        Glibc.exit(status.rawValue)
    }

    /// The two lines under every usage error, as the parser writes them for a missing argument: the
    /// command's usage and where its help is ("Usage: nnguide search [<options>] <query> ...").
    static func usage(of command: ParsableCommand.Type) -> String {
        let name = command == NNGuide.self ? "nnguide" : "nnguide \(command._commandName)"
        return "Usage: " + NNGuide.usageString(for: command) + "\n  See '\(name) --help' for more information."
    }

    /// The parser's "Unknown option '--frmat'. Did you mean '--format'?" in `Suggestion`'s words, so
    /// every did-you-mean is worded in one place (eleventh retest).
    static func suggestingOption(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // "Unknown option ", "--frmat", ". Did you mean ", "--format", "?": the option and the one offered.
        guard let first = lines.first, case let parts = first.split(separator: "'", omittingEmptySubsequences: false), parts.count == 5,
              parts[0].hasSuffix("nknown option "), parts[2].hasSuffix(" you mean "), parts[4] == "?" else { return text }
        lines[0] = Suggestion.refusal(String(parts[0]) + "'\(parts[1])'", suggesting: [String(parts[3])])
        return lines.joined(separator: "\n")
    }

    /// The parser's "The value 'gide' is invalid for '--origin <origin>'. Please provide one of
    /// 'guide', ... or 'team'." (and its "Help:" line) as "--origin: unknown value 'gide'. Did you mean
    /// 'guide'? Valid values: guide, refilled, added, team" (`OptionProblems.unknownValue`): the option first, as `nnguide: --width: ...`
    /// (seventh retest). A value its reader refused ("'soon' is not a number; --stale takes ...") keeps
    /// the reader's words, which name the option. The quoted words are the value, the option, then the
    /// choices.
    static func suggestingValue(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, first.contains("he value '"), first.contains("' is invalid for '") else { return text }
        let quoted = first.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        guard quoted.count >= 2 else { return text }
        let value = quoted[0], option = optionLabel(quoted[1])
        if first.contains("Please provide one of '"), quoted.count > 2 {
            lines[0] = OptionProblems.unknownValue(option, value, choices: Array(quoted.dropFirst(2)))
        } else if let r = first.firstRange(of: "' is invalid for '\(quoted[1])': ") {
            let reason = String(first[r.upperBound...])
            lines[0] = reason.contains("--") ? reason : "\(option): " + reason
        }
        lines.removeAll { $0.hasPrefix("Help:") }
        return lines.joined(separator: "\n")
    }

    /// `lint --format yaml`: the parser reads "yaml" as lint's <months> and refuses it before it sees
    /// that lint has no --format; the unknown option is the mistake to report (seventh retest).
    static func unknownOptionBehind(_ text: String, arguments: [String]) -> String? {
        let quoted = text.split(separator: "\n").first.map { $0.split(separator: "'", omittingEmptySubsequences: false) } ?? []
        guard text.contains("' is invalid for '<"), quoted.count > 3, let i = arguments.lastIndex(of: String(quoted[1])),
              arguments.contains(where: { $0.hasPrefix("--") }) else { return nil }
        var rest = arguments
        rest.remove(at: i)
        do { _ = try NNGuide.parseAsRoot(rest) } catch {
            let t = NNGuide.fullMessage(for: error)
            if t.contains("nknown option") { return t }
        }
        return nil
    }

    /// "--format <format>" as "--format", a positional "<shell>" as "shell".
    static func optionLabel(_ name: String) -> String {
        let head = name.split(separator: " ").first.map(String.init) ?? name
        return head.hasPrefix("<") && head.hasSuffix(">") ? String(head.dropFirst().dropLast()) : head
    }

    /// The parser's "can't generate completion scripts for 'tcsh'. Please use ... with one of: zsh bash
    /// fish" (a second style, a "Please" and a list) as the visible command's choice of shells.
    static func shellRefused(_ text: String) -> String {
        let head = "t generate completion scripts for '"  // after "Can'"
        guard let r = text.firstRange(of: head), let end = text[r.upperBound...].firstIndex(of: "'") else { return text }
        let shells = Completions.Shell.allCases.map(\.rawValue)
        return "no completion script for '\(text[r.upperBound..<end])'; the shells are \(shells.joined(separator: ", "))"
            + "\nUsage: " + NNGuide.usageString(for: Completions.self)
    }

    /// `Error: Missing value ...` as `nnguide: missing value ...`: the program's name first, as every
    /// message nnguide writes itself begins.
    static func restyled(_ text: String) -> String {
        var t = text.hasPrefix("Error: ") ? String(text.dropFirst("Error: ".count)) : text
        while t.hasSuffix("\n") { t.removeLast() }
        guard let first = t.first else { return "nnguide: failed" }
        // Lower-case the parser's capitalised openings ("Missing", "Unknown"), not names or ids.
        if first.isUppercase, t.dropFirst().first?.isLowercase == true { t = first.lowercased() + t.dropFirst() }
        return "nnguide: " + t
    }
}
