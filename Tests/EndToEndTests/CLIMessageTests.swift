import Foundation
import Testing

/// Issue 23's retest, the shell's messages: install lines that can be copied whole, no hidden
/// command offered, "did you mean" for a mistyped choice, and a brief value's other spellings listed.
@Suite struct CLIMessageTests {
    func run(_ args: [String], _ environment: [String: String] = [:]) throws -> CLI.Result {
        try CLI.run(args, content: ExplorerPaths.content, environment: environment)
    }

    /// Each shell's install command on one line of an 80-column help (it wrapped after "bash >").
    @Test func completionsHelpKeepsEachInstallCommandOnOneLine() throws {
        let r = try run(["completions", "--help"], ["COLUMNS": "80"])
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.components(separatedBy: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(r.out)")
        for shell in ["bash", "zsh", "fish"] {
            let line = try #require(lines.first { $0.contains("nnguide completions \(shell) >") }, "\(shell): \(r.out)")
            let target = line.components(separatedBy: "> ").last ?? ""
            #expect(target.hasPrefix("~/") && target.contains("nnguide") && !target.contains(" "), "\(shell): \(line)")
        }
    }

    /// A mistyped command gets the closest visible command, and the list never names bench or
    /// compile-guide (hidden: they still run when named).
    @Test(arguments: ["bogus", "bnch", "compile"])
    func unknownCommandsNeverOfferHiddenOnes(_ word: String) throws {
        let r = try run([word])
        #expect(r.status == 64, "\(word): \(r.status) \(r.err)")
        #expect(r.err.contains("unknown command '\(word)'"), "\(r.err)")
        #expect(!r.err.contains("bench") && !r.err.contains("compile-guide"), "\(word): \(r.err)")
    }

    /// A choice option the parser checks (`--origin`, `--format`) names the closest value, as brief
    /// values, commands and flags do.
    @Test(arguments: [(["toc", "--origin", "gide"], "guide"), (["toc", "--format", "jsn"], "json")])
    func aMistypedChoiceGetsDidYouMean(_ c: (args: [String], near: String)) throws {
        let r = try run(c.args)
        #expect(r.status == 64, "\(c.args): \(r.status)")
        #expect(r.err.contains("Did you mean '\(c.near)'?"), "\(c.args): \(r.err)")
    }

    /// A bad `--deploy` lists the spellings `recommend --fields` lists: phone, gpu, cpu and mcu too.
    @Test func aBadDeployValueListsTheOtherSpellings() throws {
        let r = try run(["recommend", "--modality", "image", "--task", "classification", "--deploy", "laptop"])
        #expect(r.status == 64, "\(r.err)")
        let fields = try run(["recommend", "--fields"])
        // Every alias --fields gives for deploy ("also written phone") is in the message.
        let deploy = fields.out.components(separatedBy: "\n").drop { !$0.hasPrefix("deploy") }.dropFirst()
            .prefix { $0.hasPrefix(" ") }
        let aliases = deploy.compactMap { $0.components(separatedBy: "(also written ").dropFirst().first?.components(separatedBy: ")").first }
        #expect(aliases.count >= 4, "\(fields.out)")
        for a in aliases { #expect(r.err.contains("(or \(a))"), "\(a): \(r.err)") }
    }
}
