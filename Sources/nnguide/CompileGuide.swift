import ArgumentParser
import NNGuideCore

/// `make build` and `make install` run this so the shipped guide needs no parse on a first start
/// (CompiledGuide). Hidden from help: it is a build step, not something a reader needs.
struct CompileGuide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile-guide",
        abstract: "Validate the content and write it compiled, for start-up without parsing the YAML.",
        usage: "nnguide compile-guide [<options>] --output <file>",
        discussion: "Example:\n  nnguide compile-guide --content Content --output .build/static/release/guide.compiled",
        shouldDisplay: false)
    @OptionGroup var content: ContentOptions
    @Option(help: ArgumentHelp("Where to write the compiled guide (named \(CompiledGuide.fileName), beside the content folder or the executable, to be found).", valueName: "file"))
    var output: String

    func run() throws {
        let source = content.source
        do {
            let guide = try CompiledGuide.write(contentDirectory: source.directory, to: output)
            print("\(output): \(guide.readingOrder.count) pages and sections, \(guide.glossary.count) glossary entries")
        } catch {
            throw source.report(error)
        }
    }
}
