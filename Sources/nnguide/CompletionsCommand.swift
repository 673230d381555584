import ArgumentParser

/// `nnguide completions bash|zsh|fish`: the shell's completion script on standard output, a visible
/// command as gh, rustup and kubectl have (the parser's hidden `--generate-completion-script` prints
/// the same script and stays for scripts that use it).
struct Completions: ParsableCommand {
    enum Shell: String, CaseIterable, ExpressibleByArgument { case bash, zsh, fish }

    static let configuration = CommandConfiguration(
        abstract: "Print the completion script for bash, zsh or fish.",
        usage: "nnguide completions <shell>",
        // Each command stands on a line of its own, under 80 columns; narrower, HelpLayout breaks it
        // before an argument with ` \`, so that it is still copied whole (issue 23). The folders are
        // made first: in a new home they are not there, and the redirection failed (eleventh retest).
        discussion: """
            Commands, options, choice values and the guide's own ids complete on Tab. To install for \
            yourself (make install does it system-wide), run your shell's line:

            bash (with the bash-completion package):
              mkdir -p ~/.local/share/bash-completion/completions
              nnguide completions bash > ~/.local/share/bash-completion/completions/nnguide
            zsh (and in ~/.zshrc, before compinit: fpath+=(~/.zfunc)):
              mkdir -p ~/.zfunc
              nnguide completions zsh > ~/.zfunc/_nnguide
            fish:
              mkdir -p ~/.config/fish/completions
              nnguide completions fish > ~/.config/fish/completions/nnguide.fish

            Then open a new shell.
            """)

    // Optional so that leaving it out is asked in nnguide's words (`validate`), not the parser's
    // "missing expected argument" and its "Help:" line (ninth retest).
    @Argument(help: ArgumentHelp("The shell to print the script for.", valueName: "shell")) var shell: Shell?

    func validate() throws {
        if shell == nil { throw ValidationError("completions: which shell? one of " + Shell.allCases.map(\.rawValue).joined(separator: ", ")) }
    }

    func run() {
        let script = NNGuide.completionScript(for: CompletionShell(rawValue: (shell ?? .bash).rawValue)!)
        print(CompletionScript.tidied(script) ?? script, terminator: script.hasSuffix("\n") ? "" : "\n")
    }
}
