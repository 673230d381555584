import Foundation
import Testing

/// Tab completion as the shells do it, through the scripts the binary generates: bash through the
/// generated function with COMP_WORDS/COMP_CWORD set as bash-completion sets them, fish with
/// `complete -C`. What is expected comes from the binary's own JSON and from the parser accepting
/// every value offered, never from a list written here.
@Suite(.enabled(if: ExplorerPaths.haveBinary, "needs .build/debug/nnguide (make test builds it)"))
struct CompletionTests {
    static let content = ExplorerPaths.content
    static let fishPath = ExplorerPaths.which("fish")
    static let zshPath = ExplorerPaths.which("zsh")

    let home = ExplorerPaths.tempDir()
    var env: [String: String] {
        ["HOME": home, "XDG_CACHE_HOME": home + "/cache", "LANG": "C.UTF-8",
         "PATH": (ExplorerPaths.binary as NSString).deletingLastPathComponent + ":/usr/bin:/bin"]
    }

    func script(_ shell: String) throws -> String {
        let r = runTool(ExplorerPaths.binary, ["completions", shell], environment: env)
        try #require(r.status == 0, "\(r.err)")
        let path = home + "/nnguide.\(shell)"
        try r.out.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// `nnguide completions SHELL` is a command `--help` lists (issue 23: the hidden flag appeared only
    /// in the README), printing the parser's script for that shell; another shell is a usage error.
    @Test func completionsIsAVisibleCommand() throws {
        let help = runTool(ExplorerPaths.binary, ["--help"], environment: env)
        #expect(help.out.contains("completions"), "\(help.out)")
        for shell in ["bash", "zsh", "fish"] {
            let visible = runTool(ExplorerPaths.binary, ["completions", shell], environment: env)
            let hidden = runTool(ExplorerPaths.binary, ["--generate-completion-script", shell], environment: env)
            #expect(visible.status == 0 && !visible.out.isEmpty, "\(shell): \(visible.err)")
            #expect(visible.out == hidden.out, "\(shell): the two ways print different scripts")
        }
        let bad = runTool(ExplorerPaths.binary, ["completions", "tcsh"], environment: env)
        #expect(bad.status == 64 && bad.err.contains("bash") && bad.out.isEmpty, "\(bad)")
        #expect(try bash(["completions", ""]).sorted() == ["bash", "fish", "zsh"])
    }

    /// What bash offers for the last of `words` (typed after `nnguide`), run from `directory`.
    func bash(_ words: [String], in directory: String? = nil) throws -> [String] {
        let q = TmuxPane.quote
        let probe = """
            source \(q(try script("bash")))
            \(directory.map { "cd \(q($0))" } ?? "")
            COMP_WORDS=(nnguide \(words.map(q).joined(separator: " ")))
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _nnguide nnguide "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let r = runTool("/bin/bash", ["-c", probe], environment: env)
        #expect(r.err.isEmpty, "bash completion wrote to stderr: \(r.err)")
        return r.out.split(separator: "\n").map(String.init)
    }

    /// What bash offers at the end of `line` (after `nnguide `), with the words split as bash splits
    /// them: at blanks and, since COMP_WORDBREAKS holds `:`, around every `:` (`g:ind` is `g` `:` `ind`,
    /// and the word being completed is what follows the last blank or `:`).
    func bash(line typed: String) throws -> [String] {
        let line = "nnguide " + typed
        var words: [String] = []
        for w in line.split(separator: " ") {
            var piece = ""
            for ch in w {
                if ch == ":" { if !piece.isEmpty { words.append(piece) }; words.append(":"); piece = "" } else { piece.append(ch) }
            }
            if !piece.isEmpty { words.append(piece) }
        }
        if line.hasSuffix(" ") { words.append("") }
        let cur = String(line.reversed().prefix { $0 != " " && $0 != ":" }.reversed())
        let q = TmuxPane.quote
        let probe = """
            source \(q(try script("bash")))
            COMP_WORDS=(\(words.map(q).joined(separator: " ")))
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE=\(q(line)); COMP_POINT=${#COMP_LINE}
            _nnguide nnguide \(q(cur)) "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let r = runTool("/bin/bash", ["-c", probe], environment: env)
        #expect(r.err.isEmpty, "bash completion wrote to stderr: \(r.err)")
        return r.out.split(separator: "\n").map(String.init)
    }

    /// What fish offers for `line` (candidates without their descriptions).
    func fish(_ line: String) throws -> [String] {
        let fish = try #require(Self.fishPath)
        let r = runTool(fish, ["--no-config", "-c", "source \(TmuxPane.quote(try script("fish"))); complete -C \(TmuxPane.quote(line))"], environment: env)
        #expect(r.err.isEmpty, "fish completion wrote to stderr: \(r.err)")
        return r.out.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
    }

    func json(_ args: [String]) throws -> Any {
        let r = try CLI.run(args + ["--format", "json"], content: Self.content)
        try #require(r.status == 0, "\(r.err)")
        return try JSONSerialization.jsonObject(with: Data(r.out.utf8))
    }

    /// Every page, section, table and figure id, from `toc --format json`.
    func guideIDs() throws -> [String] {
        let pages = try #require(try json(["toc"]) as? [[String: Any]])
        return pages.flatMap { p -> [String] in
            let items = ((p["tables"] as? [[String: Any]]) ?? []) + ((p["figures"] as? [[String: Any]]) ?? [])
            return [p["id"] as? String].compactMap { $0 } + items.compactMap { $0["id"] as? String }
        }
    }

    @Test func bashCompletesIDsAfterShowAndOpen() throws {
        let ids = try guideIDs()
        for prefix in ["part-", "deep-dive-c", "matrix-"] {
            let expected = ids.filter { $0.hasPrefix(prefix) }
            #expect(!expected.isEmpty)
            #expect(Set(try bash(["show", "--content", Self.content, prefix])) == Set(expected), "show \(prefix)")
            #expect(Set(try bash(["--content", Self.content, "--open", prefix])) == Set(expected), "--open \(prefix)")
        }
    }

    @Test func bashCompletesGlossaryTermsWholeAndWordByWord() throws {
        let entries = try #require(try json(["glossary"]) as? [[String: Any]])
        let names = entries.flatMap { e in [e["term"] as? String].compactMap { $0 } + ((e["aliases"] as? [String]) ?? []) }
        let spaced = try #require(names.first { $0.contains(" ") && $0.first!.isLetter })
        let firstWord = String(spaced.prefix { $0 != " " })
        let typed = String(firstWord.lowercased().prefix(4))
        let offered = try bash(["glossary", "--content", Self.content, typed])
        // One candidate holding the space, in the case typed (bash then escapes the space itself).
        #expect(offered.contains(spaced.lowercased().hasPrefix(typed) ? typed + spaced.dropFirst(typed.count) : spaced), "\(offered)")
        // After the first word, the rest of the term.
        let rest = String(spaced.dropFirst(firstWord.count + 1))
        let next = try bash(["glossary", "--content", Self.content, firstWord, String(rest.prefix(1))])
        #expect(next.contains(rest), "after '\(firstWord)': \(next)")
    }

    /// Completion reads the guide through the content cache (and writes it when there is none), so
    /// a Tab after the first parses no YAML.
    @Test func completionGoesThroughTheContentCache() throws {
        let cache = env["XDG_CACHE_HOME"]! + "/nnguide"
        #expect((try? FileManager.default.contentsOfDirectory(atPath: cache))?.isEmpty ?? true)
        #expect(!(try bash(["show", "--content", Self.content, "part-"])).isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(!files.isEmpty, "no cache written in \(cache)")
    }

    /// `show g:` and `show a:` go on with glossary and catalog ids in bash too, though bash splits the
    /// word at `:`: each candidate is what follows the `:` (what bash puts after it).
    @Test func bashCompletesGlossaryAndCatalogIDsAfterAColon() throws {
        let glossary = try #require(try json(["glossary"]) as? [[String: Any]]).compactMap { $0["id"] as? String }
        let export = try #require(try json(["export"]) as? [String: Any])
        let catalog = try #require((export["catalog"] as? [String: Any])?["architectures"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(glossary.count > 10 && catalog.count > 5)
        #expect(Set(try bash(line: "show --content \(Self.content) g:")) == Set(glossary))
        #expect(Set(try bash(line: "show --content \(Self.content) a:")) == Set(catalog))
        let prefix = String(try #require(glossary.first { $0.contains("-") }).prefix(4))
        #expect(Set(try bash(line: "show --content \(Self.content) g:\(prefix)")) == Set(glossary.filter { $0.hasPrefix(prefix) }))
        #expect(Set(try bash(line: "--content \(Self.content) --open part-")) == Set(try guideIDs().filter { $0.hasPrefix("part-") }))
        // A colon elsewhere on the line changes nothing after it.
        let next = try bash(line: "show --content \(Self.content) g:\(prefix) ")
        #expect(next.contains("--format") && next.allSatisfy { $0.hasPrefix("-") }, "after the id, the options: \(next)")
    }

    /// The same in an interactive bash, in tmux: Tab after `g:` and a unique start writes the whole id.
    @Test(.enabled(if: ExplorerPaths.haveTmux, "tmux is not installed"))
    func interactiveBashCompletesAGlossaryIDAfterTheColon() throws {
        let glossary = try #require(try json(["glossary"]) as? [[String: Any]]).compactMap { $0["id"] as? String }
        // An id no other id starts with, so one Tab completes it.
        let id = try #require(glossary.filter { g in glossary.allSatisfy { $0 == g || !$0.hasPrefix(g) } }.first { $0.count > 8 })
        let start = String(id.prefix(id.count - 3))
        try #require(glossary.filter { $0.hasPrefix(start) }.count == 1, "\(start) is not unique")
        let rc = home + "/bashrc"
        try "PS1='bash$ '\nsource \(TmuxPane.quote(try script("bash")))\n".write(toFile: rc, atomically: true, encoding: .utf8)
        let vars = env.merging(["TERM": "xterm"]) { $1 }.map { "\($0.key)=\($0.value)" }
        let pane = try TmuxPane(width: 160, height: 10, command: ["env", "-i"] + vars + ["/bin/bash", "--noprofile", "--rcfile", rc, "-i"], label: "bash")
        #expect(pane.waitFor("bash$"))
        try pane.type("nnguide show --content \(Self.content) g:\(start)")
        try pane.send("Tab")
        // Only the completion can write the whole id: what was typed stops three letters short.
        #expect(pane.waitFor("g:\(id)"), "bash did not complete g:\(start) to g:\(id)")
    }

    @Test func bashCompletesCatalogAndMatrixIDsAfterCompare() throws {
        let export = try #require(try json(["export"]) as? [String: Any])
        let catalog = try #require((export["catalog"] as? [String: Any])?["architectures"] as? [[String: Any]])
        let matrices = try #require(try json(["compare"]) as? [[String: Any]])
        let expected = Set(catalog.compactMap { $0["id"] as? String } + matrices.compactMap { $0["id"] as? String })
        #expect(expected.count > 5)
        #expect(Set(try bash(["compare", "--content", Self.content, ""])) == expected)
    }

    /// Every brief value offered is one the parser accepts, and each field offers several.
    @Test(arguments: ["--modality", "--task", "--output", "--deploy", "--compute", "--interpretability", "--context"])
    func bashCompletesBriefValuesTheParserAccepts(_ flag: String) throws {
        // --task is completed after the modality it is tried with: tasks a modality rules out are not offered.
        let values = try bash(["recommend"] + (flag == "--task" ? ["--modality", "text"] : []) + [flag, ""])
        #expect(values.count >= 2, "\(flag): \(values)")
        for v in values {
            var args = ["recommend", "--modality", "text", "--task", "generation", "--format", "json"]
            if flag == "--modality" || flag == "--task" {
                args[flag == "--modality" ? 2 : 4] = v
            } else {
                args += [flag, v]
            }
            let r = try CLI.run(args, content: Self.content)
            #expect(r.status != 64, "\(flag) \(v) is offered but rejected: \(r.err)")
        }
    }

    /// The other spellings `--deploy` accepts (phone for mobile, gpu, cpu, mcu) complete too, through
    /// the script `nnguide completions bash` writes (sixth retest of issue 23: only the values did).
    @Test func bashCompletesTheDeployAliases() throws {
        let offered = Set(try bash(["recommend", "--deploy", ""]))
        #expect(offered.isSuperset(of: ["mobile", "phone", "cloud", "gpu", "server-cpu", "cpu", "microcontroller", "mcu"]), "\(offered)")
        #expect(try bash(["recommend", "--deploy", "ph"]) == ["phone"])
    }

    /// The tasks offered follow the modality on the line (decisions.yaml's `applies_to`).
    @Test func bashOffersOnlyTheTasksOfTheModality() throws {
        let all = Set(try bash(["recommend", "--task", ""]))
        let tabular = Set(try bash(["recommend", "--modality", "tabular", "--task", ""]))
        #expect(all.contains("translation") && !tabular.contains("translation"), "\(tabular)")
        #expect(tabular.contains("classification") && tabular.isSubset(of: all))
        #expect(Set(try bash(["recommend", "--modality=audio", "--task", "tr"])) == ["translation", "transcription"])
    }

    @Test func bashCompletesWorkedExampleNumbers() throws {
        let numbers = try bash(["recommend", "--content", Self.content, "--example", ""]).compactMap(Int.init)
        #expect(!numbers.isEmpty)
        for n in numbers { #expect(try CLI.run(["recommend", "--example", "\(n)"], content: Self.content).status == 0, "example \(n)") }
        #expect(try CLI.run(["recommend", "--example", "\(numbers.max()! + 1)"], content: Self.content).status == 64)
    }

    @Test func bashCompletesFilesAndFolders() throws {
        let dir = ExplorerPaths.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/briefs", withIntermediateDirectories: true)
        for f in ["a.yaml", "b.yml", "notes.txt"] { FileManager.default.createFile(atPath: dir + "/" + f, contents: Data()) }
        #expect(Set(try bash(["recommend", "--brief", ""], in: dir)) == ["a.yaml", "b.yml", "briefs"])
        #expect(try bash(["--content", ""], in: dir) == ["briefs"])
        #expect(try bash(["toc", "--content", "br"], in: dir) == ["briefs"])
    }

    @Test(.enabled(if: fishPath != nil, "fish is not installed (.ci/run installs it)"))
    func fishCompletesFromTheGuide() throws {
        let ids = try guideIDs().filter { $0.hasPrefix("part-") }
        #expect(Set(try fish("nnguide show --content \(Self.content) part-")) == Set(ids))
        let terms = try fish("nnguide glossary --content \(Self.content) inductive")
        #expect(terms.contains { $0.hasPrefix("inductive ") }, "a term with a space is one candidate: \(terms)")
        #expect(Set(try fish("nnguide recommend --deploy ")) == Set(try bash(["recommend", "--deploy", ""])))
        // `show a:` and `show g:` go on with catalog and glossary ids.
        let export = try #require(try json(["export"]) as? [String: Any])
        let catalog = try #require((export["catalog"] as? [String: Any])?["architectures"] as? [[String: Any]])
        #expect(Set(try fish("nnguide show --content \(Self.content) a:")) == Set(catalog.compactMap { ($0["id"] as? String).map { "a:" + $0 } }))
    }

    /// zsh's completion system wants a terminal: zsh runs in tmux with the generated `_nnguide` on its
    /// fpath, and Tab is pressed as a user would.
    @Test(.enabled(if: zshPath != nil && ExplorerPaths.haveTmux, "zsh or tmux is not installed"))
    func zshCompletesFromTheGuide() throws {
        let dir = home + "/zdot"
        try FileManager.default.createDirectory(atPath: dir + "/fn", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try script("zsh"), toPath: dir + "/fn/_nnguide")
        try """
            fpath=(\(dir)/fn $fpath)
            autoload -U compinit && compinit -u -D
            PS1='zsh%% '
            """.write(toFile: dir + "/.zshrc", atomically: true, encoding: .utf8)
        let vars = env.merging(["ZDOTDIR": dir, "TERM": "xterm"]) { $1 }.map { "\($0.key)=\($0.value)" }
        let zsh = try #require(Self.zshPath)
        /// A fresh zsh with `line` typed and Tab pressed (one pane each: keys typed while a completion
        /// is still running would land in the middle of it).
        func tab(_ line: String) throws -> TmuxPane {
            let pane = try TmuxPane(width: 120, height: 20, command: ["env", "-i"] + vars + [zsh, "-i"], label: "zsh")
            #expect(pane.waitFor("zsh%"))
            try pane.type(line)
            try pane.send("Tab")
            return pane
        }
        let parts = try guideIDs().filter { $0.hasPrefix("part-") }
        let listing = try tab("nnguide show --content \(Self.content) part-")
        for id in parts { #expect(listing.waitFor(id), "zsh does not offer \(id)") }
        let term = try tab("nnguide glossary --content \(Self.content) inductive\\ b")
        #expect(term.waitFor("inductive\\ bias"), "zsh: \(term.screen())")
    }
}
