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
        if status == .success || error is ExitCode { NNGuide.exit(withError: error) }
        var text = NNGuide.fullMessage(for: error)
        if let command, command != NNGuide.self, error is ValidationError {
            let name = command._commandName
            text = NNGuide.message(for: error) + "\nUsage: " + NNGuide.usageString(for: command)
                + "\n  See 'nnguide \(name) --help' for more information."
        }
        StandardStream.error(restyled(SwitchValue.explained(suggestingValue(shellRefused(text)), arguments: arguments)) + "\n")
        Glibc.exit(status.rawValue)
    }

    /// The parser's "The value 'gide' is invalid for '--origin <origin>'. Please provide one of
    /// 'guide', ... or 'team'." in nnguide's words (no "Please", the choices unquoted) with the closest
    /// value added, as a mistyped command, flag or brief value gets (issue 23). The quoted words are
    /// the value, the option, then the choices.
    static func suggestingValue(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, first.contains("is invalid for '"), first.contains("Please provide one of '") else { return text }
        let quoted = first.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        guard quoted.count > 3 else { return text }
        let choices = Array(quoted.dropFirst(2))
        lines[0] = "The value '\(quoted[0])' is invalid for '\(quoted[1])': give one of "
            + choices.dropLast().joined(separator: ", ") + " or " + choices[choices.count - 1] + "."
        if let near = EditDistance.closest(to: quoted[0], among: choices, limit: 1).first { lines[0] += " Did you mean '\(near)'?" }
        return lines.joined(separator: "\n")
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
