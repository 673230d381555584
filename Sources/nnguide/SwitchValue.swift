import ArgumentParser

/// A value given to a switch (`--streaming yes`, `--streaming=yes`, `--ascii yes`): the parser says
/// only "unexpected argument 'yes'" or "the option '--streaming' does not take any value", with no
/// word that it is a switch. This names the switch and its forms, read from the command's own help
/// (`--streaming/--no-streaming` there), so every switch of every command gets the same message.
enum SwitchValue {
    static func explained(_ text: String, arguments: [String]) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, let (flag, value) = given(first, arguments: arguments),
              let forms = forms(of: flag, help: help(arguments)) else { return text }
        let prefix = first.hasPrefix("Error: ") ? "Error: " : ""
        let how = forms.count == 2 ? "give \(forms[0]) for yes or \(forms[1]) for no" : "give \(forms[0]) alone for yes, or leave it out"
        lines[0] = prefix + "\(flag) is a switch and takes no value (got '\(value)'): \(how)"
        return lines.joined(separator: "\n")
    }

    /// The switch and the value it was given, from the parser's first line and the arguments.
    static func given(_ line: String, arguments: [String]) -> (flag: String, value: String)? {
        let quoted = line.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        if line.contains("does not take any value"), quoted.count >= 2, quoted[0].hasPrefix("--") { return (quoted[0], quoted[1]) }
        guard line.lowercased().contains("unexpected argument"), let value = quoted.first else { return nil }
        for (i, a) in arguments.enumerated() where a == value && i > 0 && arguments[i - 1].hasPrefix("--") {
            return (arguments[i - 1], value)
        }
        return nil
    }

    /// The help of the subcommand the arguments name (the top level's when none).
    static func help(_ arguments: [String]) -> String {
        let command = NNGuide.configuration.subcommands.first { c in
            arguments.first.map { ([c._commandName] + c.configuration.aliases).contains($0) } ?? false
        } ?? NNGuide.self
        return NNGuide.helpMessage(for: command, columns: 400)
    }

    /// `["--streaming", "--no-streaming"]` for a switch with an inversion, `["--ascii"]` for one
    /// without; nil when the help does not list `flag` as a switch (an option takes a value).
    static func forms(of flag: String, help: String) -> [String]? {
        let name = flag.hasPrefix("--no-") ? String(flag.dropFirst(5)) : String(flag.dropFirst(2))
        // The OPTIONS lines' names: "--streaming/--no-streaming", "--ascii", "--format <format>".
        let heads = help.split(separator: "\n").map { $0.drop { $0 == " " } }.filter { $0.hasPrefix("-") }
            .map { String($0.split(separator: "  ", maxSplits: 1).first ?? "") }
        if heads.contains("--\(name)/--no-\(name)") { return ["--\(name)", "--no-\(name)"] }
        return heads.contains(flag) ? [flag] : nil
    }
}
