import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif
import NNGuideCore

/// `--content DIR`, shared by every command that reads the guide.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read the guide from this Content folder instead of the built-in one.", valueName: "dir"), completion: .directory)
    var content: String?

    var directory: String { ContentLocator.locate(explicit: content) }

    /// The folder to read, checked when the command runs (a check in `validate()` would be reported
    /// against the top-level command, which has `--content` too): a file given for the folder is a
    /// usage error that says so, not "folder not found".
    func checkedDirectory() throws -> String {
        if let content, Path.kind(content) == .file {
            throw ValidationError("--content \(content) is a file, not a folder; give the Content folder that holds pages/, glossary.yaml, catalog.yaml and decisions.yaml")
        }
        return directory
    }

    var source: GuideSource { GuideSource(directory: directory) }

    /// Loads the guide or exits 65 with every problem, one per line, on stderr.
    func load() throws -> Guide { try GuideSource(directory: checkedDirectory()).load() }
}

/// A content folder and how it is read: through the cache of the validated guide (ContentCache)
/// when it matches, from the YAML otherwise.
struct GuideSource {
    let directory: String
    var cache: ContentCache { ContentCache(contentDirectory: directory) }

    /// The guide, or exit 65 with every problem, one per line, on stderr.
    func load() throws -> Guide {
        do {
            return try cache.load()
        } catch {
            throw report(error)
        }
    }

    /// Prints every problem and returns the exit status for bad content.
    func report(_ error: ContentError) -> ExitCode {
        printError("nnguide: the guide in \(directory) cannot be loaded:")
        for p in error.problems { printError("  " + p.description) }
        return ExitCode(65)
    }
}

func printError(_ s: String) {
    StandardStream.error(s + "\n")
}
