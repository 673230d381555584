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

    @Option(name: .long, help: ArgumentHelp("Lay a team's overlay folder over the guide (repeatable; later ones win). Also $NNGUIDE_OVERLAY (colon-separated) and every folder under $XDG_CONFIG_HOME/nnguide/overlays/.", valueName: "dir"), completion: .directory)
    var overlay: [String] = []

    var directory: String { ContentLocator.locate(explicit: content) }

    /// The folder to read, checked when the command runs (a check in `validate()` would be reported
    /// against the top-level command, which has `--content` too): a file given for the folder is a
    /// usage error that says so, not "folder not found".
    func checkedDirectory() throws -> String {
        if let content, Path.kind(content) == .file {
            throw ValidationError("--content: \(content) is a file, not a folder; give the Content folder that holds pages/, glossary.yaml, catalog.yaml and decisions.yaml")
        }
        return directory
    }

    var source: GuideSource { GuideSource(directory: directory, overlays: Overlay.folders(explicit: overlay)) }

    /// Loads the guide or exits 65 with every problem, one per line, on stderr.
    func load() throws -> Guide { try GuideSource(directory: checkedDirectory(), overlays: Overlay.folders(explicit: overlay)).load() }

    /// The guide's contents only, for `toc` (pages and sections, their tables' and figures' ids and
    /// titles: `ContentCache.contents`); the whole guide, as `load()`, when there are overlays or only
    /// a whole load can answer.
    func contents() throws -> Guide {
        let directory = try checkedDirectory(), overlays = Overlay.folders(explicit: overlay)
        if overlays.isEmpty, let guide = ContentCache(contentDirectory: directory).contents() { return guide }
        return try GuideSource(directory: directory, overlays: overlays).load()
    }
}

/// A content folder and how it is read: through the cache of the validated guide (ContentCache)
/// when it matches, from the YAML otherwise.
struct GuideSource {
    let directory: String
    /// Overlay folders laid over the guide, in order (`Overlay.folders`).
    var overlays: [String] = []
    var cache: ContentCache { ContentCache(contentDirectory: directory) }

    /// The guide, or exit 65 with every problem, one per line, on stderr.
    func load() throws -> Guide {
        do {
            return try overlaid(cache.load())
        } catch {
            throw report(error)
        }
    }

    /// The guide with the overlays laid over it, knowing its folders; the overlays' files are read
    /// through the per-file cache.
    func overlaid(_ guide: Guide) throws(ContentError) -> Guide {
        var merged = guide
        if !overlays.isEmpty {
            let problems: [ContentProblem]
            (merged, problems) = OverlayMerge.apply(overlays, to: guide, guideDirectory: directory, cacheDirectory: cache.cacheDirectory)
            guard problems.errors.isEmpty else { throw ContentError(problems.errors) }
        }
        merged.files = GuideFiles(content: directory, overlays: overlays)
        return merged
    }

    /// Prints every problem and returns the exit status: 66 when the content folder or an overlay
    /// folder is not there (sysexits' EX_NOINPUT, as a missing --brief or check file), else 65.
    func report(_ error: ContentError) -> ExitCode {
        printError("nnguide: the guide in \(directory)\(overlays.isEmpty ? "" : " with its overlays") cannot be loaded:")
        for p in error.problems { printError("  " + p.description) }
        return ExitCode(badContentStatus)
    }

    /// 66 (EX_NOINPUT) when the content folder or an overlay folder is not there, else 65 (EX_DATAERR).
    var badContentStatus: Int32 { ([directory] + overlays).contains { Path.kind($0) == .missing } ? 66 : 65 }
}

/// A message on standard error: wrapped between words at the terminal's width when standard error
/// is a terminal (ninth retest: the terminal broke them mid-word), one line per message as written
/// when it is not (a pipe or a log, to be searched line by line, as git and gh leave theirs).
func printError(_ s: String) {
    StandardStream.error((Terminal.errorColumns().map { TextWrap.message(s, width: $0) } ?? s) + "\n")
}
