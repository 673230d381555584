/// The completion scripts swift-argument-parser generates (`nnguide --generate-completion-script SHELL`,
/// what `make install` installs), mended where a shell trips over them. Nil for any other text.
enum CompletionScript {
    static func tidied(_ script: String) -> String? {
        if script.contains(fish3CursorCall) { return script.replacing(fish3CursorCall, with: fish3Cursor) }
        if script.contains(bashEntry), script.contains(bashRegistration) { return bashRejoiningColons(script) }
        return nil
    }

    // MARK: fish

    /// The fish script asks fish for the cursor's place in the word with `commandline -tC`, which
    /// fish 3 (Debian 12, Ubuntu 24.04) reads as *setting* the cursor: every custom completion then
    /// fails. The length of the word up to the cursor (`commandline -ct`) is the same number in
    /// fish 3 and 4.
    static let fish3CursorCall = "(__nnguide_tokens -tC)"
    static let fish3Cursor = "(string length -- (commandline -ct))"

    // MARK: bash

    static let bashEntry = "\n_nnguide() {\n"
    static let bashRegistration = "complete -o filenames -F _nnguide nnguide"

    /// bash splits the words it hands a completion at every character of COMP_WORDBREAKS, `:` among
    /// them, so `nnguide show g:ind<Tab>` arrives as `g` `:` `ind`: the generated function counts three
    /// arguments where `show` takes one and offers nothing. The generated function is renamed and
    /// called from a new `_nnguide` that first joins the pieces no blank separates around a `:` (the
    /// word the command line will see, with `cur` and `prev` to match), and afterwards takes off each
    /// candidate what bash will not replace: everything up to the last `:` of the word (bash-completion's
    /// `__ltrim_colon_completions`, which a plain bash does not have).
    static func bashRejoiningColons(_ script: String) -> String {
        let renamed = script.replacing(bashEntry, with: "\n__nnguide_complete() {\n")
        return renamed.replacing(bashRegistration, with: bashWrapper + "\n" + bashRegistration)
    }

    static let bashWrapper = #"""
        # The words around a ':' that no blank separates, joined again (bash split them at COMP_WORDBREAKS).
        __nnguide_rejoin_colon_words() {
            local -a joined=()
            local -i i at=0 from start=0 cword=0
            for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
                local word="${COMP_WORDS[i]}"
                from=at
                while [[ "${COMP_LINE:at:1}" == [[:space:]] ]]; do at+=1; done
                if ((i > 0 && at == from)) && [[ "${word}" == :* || "${joined[${#joined[@]} - 1]}" == *: ]]; then
                    joined[${#joined[@]} - 1]+="${word}"
                else
                    joined+=("${word}")
                    start=at
                fi
                at+=${#word}
                if ((i == COMP_CWORD)); then
                    cword=${#joined[@]}-1
                    # The word up to the cursor, as bash's own `cur` is, but whole.
                    [[ "${joined[cword]}" == *:* ]] && cur="${COMP_LINE:start:COMP_POINT-start}"
                fi
            done
            COMP_WORDS=("${joined[@]}")
            COMP_CWORD=cword
            prev="${COMP_WORDS[COMP_CWORD-1]}"
        }

        _nnguide() {
            local -a COMP_WORDS=("${COMP_WORDS[@]}")
            local -i COMP_CWORD="${COMP_CWORD}"
            local cur="${2}" prev="${3}"
            __nnguide_rejoin_colon_words
            __nnguide_complete "${1}" "${cur}" "${prev}"
            # bash replaces only what follows the last ':' of the word: offer just that.
            if [[ "${cur}" == *:* && "${COMP_WORDBREAKS}" == *:* ]]; then
                local colon_word="${cur%"${cur##*:}"}"
                local -i i
                for ((i = 0; i < ${#COMPREPLY[@]}; i++)); do COMPREPLY[i]="${COMPREPLY[i]#"${colon_word}"}"; done
            fi
        }
        """#
}
