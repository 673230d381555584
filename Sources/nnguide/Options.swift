import ArgumentParser
import Foundation
import NNGuideCore

/// `--content DIR`, shared by every command that reads the guide.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read the guide from this Content folder instead of the built-in one.", valueName: "dir"))
    var content: String?

    var directory: String { ContentLocator.locate(explicit: content) }

    /// Loads the guide or exits 65 with every problem, one per line, on stderr.
    func load() throws -> Guide {
        do {
            return try ContentLoader.load(directory: directory)
        } catch {
            printError("nnguide: the guide in \(directory) cannot be loaded:")
            for p in error.problems { printError("  " + p.description) }
            throw ExitCode(65)
        }
    }
}

func printError(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}
