import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif
import NNGuideCore

/// A brief flag's help is its field's `meaning` in the content's schema (decisions.yaml `brief:`), so
/// the two cannot drift. The schema is read only when help is being printed (ArgumentParser builds
/// every flag's help on each parse), through the content cache as Tab completion reads it, honouring
/// a `--content` on the command line.
enum BriefFlagHelp {
    static func of(_ field: String, valueName: String? = nil) -> ArgumentHelp {
        let spec = schema?[BriefField(field)]
        var text = spec.map { $0.meaning.prefix(1).uppercased() + $0.meaning.dropFirst() + "." } ?? "The brief's \(field) field (--fields describes it)."
        // A choice lists its values, as the parser's own choices (--format) do, each with the other
        // spellings it accepts ("mobile (or phone)"), from the schema as --fields lists them.
        if let spec, !spec.values.isEmpty { text += " One of: " + spec.writtenValues + "." }
        return ArgumentHelp(text, valueName: valueName)
    }

    /// The arguments that print help, in any of its forms: the manual is generated from the dump, and
    /// the zsh and fish completion scripts carry each flag's help.
    static let helpWords: Set<String> = ["--help", "-h", "help", "--experimental-dump-help", "--generate-completion-script", "completions"]

    static let schema: BriefSchema? = {
        let words = Array(CommandLine.arguments.dropFirst())
        guard words.contains(where: helpWords.contains) else { return nil }
        return Completion.guide(words)?.decisions.brief
    }()
}
