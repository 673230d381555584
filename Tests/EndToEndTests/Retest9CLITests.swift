import Foundation
import Testing

/// What the ninth retest of issue 23 found in the shell: a brief's YAML error a line late, `--width`
/// hiding the other bad values, no did-you-mean for a field name or a value spelt by sound, a missing
/// file exiting 65, the parser's own words for a missing argument, and `check` giving only a count.
/// Runs the built binary on the shipped Content/.
@Suite(.enabled(if: ExplorerPaths.haveBinary, "needs .build/debug/nnguide (make test builds it)"))
struct Retest9CLITests {
    func run(_ args: [String]) throws -> CLI.Result { try CLI.run(args, content: ExplorerPaths.content) }

    func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "retest9-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// `task classification` (no colon) on line 2 is reported at line 2, where the key is, not at line 3
    /// where libyaml gave up.
    @Test func aBriefsYAMLErrorNamesTheLineOfTheBadKey() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/bad1.yaml"
        try "modality: image\ntask classification\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try run(["recommend", "--brief", path])
        #expect(r.status == 65, "\(r.err)")
        #expect(r.err.contains("\(path):2:1: YAML syntax error: could not find expected ':'"), "\(r.err)")
    }

    /// An unknown field does not hide the other problems of the file (the 40x12 retest: line 5's
    /// misspelt field was reported alone, lines 3 and 4 only once it was mended).
    @Test func everyProblemOfABriefFileIsReportedTogether() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/bad.yaml"
        try "modality: image\ntask: classification\nsamples: lots\ndeploy: phon\ninterpretabilty: required\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let r = try run(["recommend", "--brief", path])
        #expect(r.status == 65, "\(r.err)")
        for place in [":3:10: 'lots' is not a number", ":4:9: unknown value 'phon'", ":5:1: unknown brief field 'interpretabilty'. Did you mean 'interpretability'?"] {
            #expect(r.err.contains(path + place), "no \(place):\n\(r.err)")
        }
    }

    /// Two bad values, whichever they are: each is reported, one "nnguide:" line each, exit 64.
    @Test(arguments: [
        (["--samples", "0", "--width", "5"], ["--samples: '0' is too small", "--width: 5 is too narrow"]),
        (["--width", "wide", "--deploy", "fone"], ["--width: 'wide' is not a number", "--deploy: unknown value 'fone'"]),
        (["--format", "yaml", "--samples", "lots"], ["--format: unknown value 'yaml'", "--samples: 'lots' is not a number"]),
        (["--format", "yaml", "--width", "5"], ["--format: unknown value 'yaml'", "--width: 5 is too narrow"]),
        (["--json", "--format", "markdown", "--modality", "imgae"], ["--json: --format markdown was given too", "--modality: unknown value 'imgae'"]),
    ])
    func everyBadValueIsReportedWithTheOthers(_ c: (args: [String], says: [String])) throws {
        var args = ["recommend"]
        if !c.args.contains("--modality") { args += ["--modality", "image"] }
        let r = try run(args + ["--task", "classification"] + c.args)
        #expect(r.status == 64, "\(c.args): \(r.status) \(r.err)")
        for s in c.says { #expect(r.err.contains("nnguide: " + s), "\(c.args) does not say '\(s)':\n\(r.err)") }
        #expect(r.err.contains("Usage: nnguide recommend"), "\(r.err)")
    }

    /// The commands that print the guide check --format and --width together too.
    @Test func formatAndWidthAreReportedTogetherOnTheGuidesCommands() throws {
        for args in [["toc"], ["export"], ["sources"]] {
            let r = try run(args + ["--format", "yml", "--width", "5"])
            #expect(r.status == 64, "\(args): \(r.err)")
            #expect(r.err.contains("nnguide: --format: unknown value 'yml'") && r.err.contains("nnguide: --width: 5 is too narrow"), "\(args): \(r.err)")
        }
    }

    /// Did-you-mean for a brief file's field name, and by sound for a value ("fone": phone, mobile's alias).
    @Test func fieldNamesAndValuesSpeltBySoundGetADidYouMean() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/bad2.yaml"
        try "modality: image\ntask: classification\nsamplez: 300\n".write(toFile: path, atomically: true, encoding: .utf8)
        let file = try run(["recommend", "--brief", path])
        #expect(file.status == 65 && file.err.contains("\(path):3:1: unknown brief field 'samplez'. Did you mean 'samples'?"), "\(file.err)")
        let flag = try run(["recommend", "--modality", "image", "--task", "classification", "--deploy", "fone"])
        #expect(flag.status == 64 && flag.err.contains("Did you mean 'phone' (mobile)?"), "\(flag.err)")
        try "modality: image\ntask: classification\ndeploy: fone\n".write(toFile: path, atomically: true, encoding: .utf8)
        let value = try run(["recommend", "--brief", path])
        #expect(value.status == 65 && value.err.contains("Did you mean 'phone' (mobile)?"), "\(value.err)")
    }

    /// A path that is not there cannot be opened: 66 (sysexits' EX_NOINPUT) wherever a path is read.
    @Test func aMissingFileExits66Everywhere() throws {
        let nope = NSTemporaryDirectory() + "retest9-nope-\(UUID().uuidString)"
        let brief = ["--modality", "image", "--task", "classification"]
        for args in [["check", nope + ".md"], ["recommend", "--brief", nope + ".yaml"], ["recommend"] + brief + ["--against", nope + ".yaml"],
                     ["toc", "--overlay", nope]] {
            let r = try run(args)
            #expect(r.status == 66, "\(args): \(r.status) \(r.err)")
            #expect(r.err.contains(nope), "\(args): \(r.err)")
        }
        let content = try CLI.run(["toc"], content: nope)
        #expect(content.status == 66, "--content: \(content.status) \(content.err)")
    }

    /// A missing argument is asked in nnguide's one style, not the parser's "missing expected argument" and "Help:".
    @Test(arguments: [(["completions"], "nnguide: completions: which shell? one of bash, zsh, fish", "Usage: nnguide completions <shell>"),
                      (["check"], "nnguide: check: which files?", "Usage: nnguide check"),
                      (["show"], "nnguide: show: which item?", "Usage: nnguide show")])
    func aMissingArgumentIsAskedInOneStyle(_ c: (args: [String], says: String, usage: String)) throws {
        let r = try run(c.args)
        #expect(r.status == 64, "\(r.err)")
        #expect(r.err.hasPrefix(c.says) && r.err.contains(c.usage), "\(r.err)")
        #expect(!r.err.contains("missing expected argument") && !r.err.contains("Help:"), "\(r.err)")
    }

    /// A negative or too small number says what the field takes, not its whole meaning.
    @Test func aNegativeNumberSaysWhatTheFieldTakes() throws {
        let r = try run(["recommend", "--modality", "image", "--task", "classification", "--samples", "-5"])
        #expect(r.status == 64, "\(r.err)")
        #expect(r.err.contains("nnguide: --samples: '-5' is negative; --samples takes a whole number of samples, at least 1"), "\(r.err)")
        #expect(!r.err.contains("labelled examples"), "the field's whole meaning: \(r.err)")
    }

    /// `check` lists each file it checked, a brief called a brief, then the count of each.
    @Test func checkNamesEachFileItChecked() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let brief = dir + "/churn.yaml"
        try "modality: tabular\ntask: classification\ninterpretability: required\n".write(toFile: brief, atomically: true, encoding: .utf8)
        #expect(try run(["check", brief, "--update"]).status == 0)
        let record = try run(["recommend", "--modality", "tabular", "--task", "classification", "--interpretability", "required", "--format", "markdown"])
        #expect(record.status == 0, "\(record.err)")
        try record.out.write(toFile: dir + "/decision.md", atomically: true, encoding: .utf8)
        let r = try run(["check", dir])
        #expect(r.status == 0, "\(r.out)\(r.err)")
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(r.out)")   // two files, then the count
        #expect(lines.contains { $0.hasPrefix(brief + ": brief: ") && $0.contains(" holds (") }, "\(r.out)")
        #expect(lines.contains { $0.hasPrefix(dir + "/decision.md: ") && !$0.contains("brief:") && $0.contains(" holds (") }, "\(r.out)")
        #expect(lines.last == "1 record and 1 brief checked: every recorded pick holds", "\(r.out)")
    }
}

/// The eleventh retest: an unclosed `[` on a brief's last line was reported on the line after it,
/// past the end of the file; `check` on a file with two problems prefixed only the first with "nnguide:".
@Suite(.enabled(if: ExplorerPaths.haveBinary, "needs .build/debug/nnguide (make test builds it)"))
struct Retest11CLITests {
    func run(_ args: [String]) throws -> CLI.Result { try CLI.run(args, content: ExplorerPaths.content) }

    @Test func aProblemAtTheEndOfABriefIsReportedOnItsLastLine() throws {
        let path = NSTemporaryDirectory() + "retest11-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "modality: image\ntask: classification\nsamples: 3000\ndeploy: mobile\nnotes: [unclosed\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try run(["recommend", "--brief", path])
        #expect(r.status == 65, "\(r.err)")
        #expect(r.err.contains(path + ":5:"), "\(r.err)")
        #expect(!r.err.contains(path + ":6:"), "\(r.err)")
    }

    @Test func checkPrefixesEveryProblemOfAFile() throws {
        let path = NSTemporaryDirectory() + "retest11-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "modality: image\ntask: classification\nsamples: lots\ndeploy: phon\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try run(["check", path])
        let lines = r.err.split(separator: "\n").filter { $0.contains(path) }
        #expect(lines.count == 2, "\(r.err)")
        #expect(lines.allSatisfy { $0.hasPrefix("nnguide: ") }, "\(r.err)")
    }
}
