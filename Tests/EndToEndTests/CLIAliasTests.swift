import Foundation
import Testing

/// Issue 12, finding 11: the command line takes what people type first.
@Suite struct CLIAliasTests {
    @Test(arguments: [["toc"], ["show", "vision"], ["glossary", "cnn"], ["search", "conv"], ["compare", "vision-matrix"]])
    func jsonIsFormatJSON(_ args: [String]) throws {
        let long = try CLI.run(args + ["--format", "json"])
        let short = try CLI.run(args + ["--json"])
        #expect(short.status == 0, "\(args) --json: \(short.err)")
        #expect(short.out == long.out && (long.out.hasPrefix("{") || long.out.hasPrefix("[")))
    }

    @Test func jsonOnExportAndRecommend() throws {
        #expect(try CLI.run(["export", "--json"]).out == (try CLI.run(["export", "--format", "json"]).out))
        let r = try CLI.run(["recommend", "--modality", "image", "--task", "classification", "--json"],
                            content: CLI.packageRoot.appendingPathComponent("Content").path)
        #expect(r.status == 0 && r.out.hasPrefix("{"), "\(r.err)")
    }

    @Test func jsonWithAnotherFormatIsAUsageError() throws {
        let r = try CLI.run(["glossary", "cnn", "--json", "--format", "text"])
        #expect(r.status == 64)
        #expect(r.err.contains("nnguide: --json: --format") && r.err.contains("(--json means --format json)"))
    }

    @Test(arguments: ["contents", "list"])
    func contentsAndListAreToc(_ alias: String) throws {
        let toc = try CLI.run(["toc"])
        let r = try CLI.run([alias])
        #expect(r.status == 0 && r.out == toc.out && !toc.out.isEmpty)
    }

    @Test func aMistypedCommandGetsDidYouMean() throws {
        let r = try CLI.run(["serch", "x"])
        #expect(r.status == 64)
        #expect(r.err.contains("Did you mean 'nnguide search'?"), "\(r.err)")
        let far = try CLI.run(["xyzzyq"])
        #expect(far.status == 64 && far.err.contains("unknown command 'xyzzyq'"))
    }
}
