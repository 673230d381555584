import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif
import NNGuideCore

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the guide's Content folder and list every problem.",
        usage: "nnguide lint [<options>] [--stale [<months>] [--as-of <YYYY-MM>]]",
        discussion: """
            Errors (file:line:col: message) exit 65; a content or overlay folder that is not there, 66. Warnings (file:line:col: warning: ...) are advisory: \
            a source nobody cites, an added item that states a dated or numeric fact without sources and \
            a review date. They exit 0, or 1 with --strict.

            With --stale, lists the items whose `reviewed` month is more than MONTHS months old (12 when \
            not given), oldest first, each with its file and line; --strict makes a non-empty list exit 1.

            Examples:
              nnguide lint
              nnguide lint --strict
              nnguide lint --stale
              nnguide lint --stale 6 --as-of 2027-06
            """)
    @OptionGroup var content: ContentOptions
    @Flag(help: "Exit 1 on warnings (and, with --stale, on anything stale); errors exit 65 in any case.")
    var strict = false
    @Flag(help: "List items last reviewed more than MONTHS months ago, oldest first.")
    var stale = false
    @Argument(help: ArgumentHelp("With --stale: the age limit in months (default 12).", valueName: "months"),
              transform: WholeNumber.reader("--stale", "a whole number of months, such as 6"))
    var months: Int?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("With --stale: count ages up to this month instead of the current one.", valueName: "YYYY-MM"))
    var asOf: String?

    func validate() throws {
        if !stale, let months { throw ValidationError("--stale: '\(months)' is an age in months for --stale, given without it; write nnguide lint --stale \(months)") }
        if !stale, asOf != nil { throw ValidationError("--as-of: given without --stale; write nnguide lint --stale --as-of YYYY-MM") }
        if let months, months < 0 { throw ValidationError("--stale: '\(months)' is below 0; --stale takes a whole number of months, 0 or more") }
        if let asOf, Evidence.month(asOf) == nil { throw ValidationError("--as-of: '\(asOf)' is not a month; --as-of takes a month written YYYY-MM, such as 2026-12") }
    }

    func run() throws {
        let dir = try content.checkedDirectory()
        if stale { return try listStale(dir) }
        var problems = ContentCache(contentDirectory: dir).lint()  // per-file entries unless NNGUIDE_CACHE=off
        // The overlays with the guide: checked once the guide itself loads.
        let overlays = Overlay.folders(explicit: content.overlay)
        let cache = ContentCache(contentDirectory: dir)
        if !overlays.isEmpty, problems.errors.isEmpty, let guide = try? cache.load() {
            problems += OverlayMerge.apply(overlays, to: guide, guideDirectory: dir, cacheDirectory: cache.cacheDirectory).problems
        }
        if problems.isEmpty { print("\(dir)\(overlays.map { " + " + $0 }.joined()): clean"); return }
        for p in problems { printError(p.description) }
        let errors = problems.errors.count, warnings = problems.warnings.count
        var counts: [String] = []
        if errors > 0 { counts.append("\(errors) problem\(errors == 1 ? "" : "s")") }
        if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        printError("\(counts.joined(separator: " and ")) in \(dir)")
        if errors > 0 { throw ExitCode(GuideSource(directory: dir, overlays: overlays).badContentStatus) }
        if strict { throw ExitCode(1) }
    }

    func listStale(_ dir: String) throws {
        let (guide, problems, locations) = ContentLoader.located(directory: dir)
        guard let guide, problems.errors.isEmpty else {
            throw GuideSource(directory: dir).report(ContentError(problems.errors))
        }
        let limit = months ?? 12
        let now = asOf.flatMap(Evidence.month) ?? Evidence.month(of: Date())
        let found = guide.stale(olderThan: limit, now: now, locations: locations)
        for s in found {
            print("\(s.location.description): \(s.item.what) reviewed \(s.item.evidence.reviewed ?? "") (\(s.age) month\(s.age == 1 ? "" : "s") ago)")
        }
        let dated = guide.evidenceItems.filter { $0.evidence.reviewed != nil }.count
        let before = Evidence.monthText(now)
        let head = found.isEmpty ? "nothing" : "\(found.count) item\(found.count == 1 ? "" : "s")"
        printError("\(head) reviewed more than \(limit) month\(limit == 1 ? "" : "s") before \(before) (\(dated) item\(dated == 1 ? "" : "s") carry a review date)")
        if strict && !found.isEmpty { throw ExitCode(1) }
    }
}
