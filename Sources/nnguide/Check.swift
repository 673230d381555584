import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif
import NNGuideCore

/// `nnguide check`: re-decides saved briefs and decision records against today's guide and overlays,
/// as `terraform plan` and `git diff --exit-code` do for their files.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-decide saved briefs and decision records; say which recorded picks no longer hold.",
        usage: "nnguide check [<options>] <path> ...",
        discussion: """
            Each file (or every .yaml, .yml and .md file under each folder) is a saved brief with a \
            `decided:` record, or a Markdown decision record with an nnguide-record comment, as \
            `nnguide recommend --format markdown` and the explorer write them. A Markdown file named on \
            its own without that comment is reported; one found in a folder is skipped. Each file checked \
            gets a line (`churn.yaml: brief: gam holds (...)`, or what moved and why), then the count.

            A record keeps a fingerprint of the guide's content and overlays; when it differs today, \
            check says "the guide changed since (fingerprint A → B)" even when the pick holds \
            (`guide_changed` in --json), and --update records today's.

            Exit status: 0 when every recorded pick holds; 1 when one moved (each is listed: from what, \
            to what, and why); 65 for a file that cannot be read as a brief, with its file and line; \
            66 when a path is not there, a file named has no record, or nothing at all was checked (a brief with no recorded pick is not checked; --update records one).

            Examples:
              nnguide check docs/decisions
              nnguide check --overlay ~/acme-overlay docs/decisions --json
              nnguide check docs/decisions --update
            """)
    @OptionGroup var content: ContentOptions
    @Argument(help: ArgumentHelp("Brief or record files, or folders of them.", valueName: "path"), completion: .file())
    var paths: [String] = []
    @Flag(help: "Print the outcome as JSON.") var json = false
    @Flag(help: "Record today's picks in the files (after a person has reviewed them).") var update = false

    /// No path at all is asked in nnguide's words, not the parser's "missing expected argument".
    func validate() throws {
        if paths.isEmpty { throw ValidationError("check: which files? give brief or record files, or folders of them") }
    }

    /// A file named that holds no record, or a check that found none: not a pass (sysexits' EX_NOINPUT).
    static let nothingChecked: Int32 = 66

    static func noBlock(_ path: String) -> String {
        "\(path): no nnguide-record block: not a record nnguide wrote, or one written before records carried it; nothing checked"
    }

    /// "1 record", "2 briefs", "1 record and 1 brief": what was checked, each called what it is
    /// (`isBrief` per file checked).
    static func counted(_ isBrief: [Bool]) -> String {
        let briefs = isBrief.filter { $0 }.count, records = isBrief.count - briefs
        func n(_ k: Int, _ word: String) -> String { "\(k) \(word)\(k == 1 ? "" : "s")" }
        return [records > 0 ? n(records, "record") : nil, briefs > 0 ? n(briefs, "brief") : nil].compactMap { $0 }.joined(separator: " and ")
    }

    /// "a.yaml", "a.yaml and b.yaml", "a.yaml, b.yaml and c.yaml".
    static func list(_ files: [String]) -> String {
        files.count < 2 ? files.joined() : files.dropLast().joined(separator: ", ") + " and " + files.last!
    }

    func run() throws {
        let guide = try content.load()
        let (files, missing) = RecordCheck.files(paths)
        for m in missing { printError("nnguide: \(m): " + Path.missing(m)) }  // as --brief says it, and cat and less
        if !missing.isEmpty { throw ExitCode(Self.nothingChecked) }  // cannot open input, as --brief's
        let date = RecordDate.today()
        var outcomes: [RecordOutcome] = []
        /// The YAML briefs among them (the rest are Markdown records): each is called what it is.
        var briefs: Set<String> = []
        var bad = false, unchecked = false
        for path in files {
            do throws(BriefFileError) {
                guard let file = try RecordFile.read(path, schema: guide.decisions.brief) else {
                    // A file found in a folder may be its README; one named on its own was meant as a record.
                    if paths.contains(path) { printError("nnguide: " + Self.noBlock(path)); unchecked = true }
                    continue
                }
                let outcome = try RecordCheck.check(file, guide: guide, date: date)
                outcomes.append(outcome)
                if !file.isMarkdown { briefs.insert(outcome.file) }
                // (The brief was built once already, to check it.)
                if update, !outcome.holds || file.recorded == nil || outcome.guideChanged != nil, let brief = try? Brief(schema: guide.decisions.brief, values: file.values) {
                    do { try file.updated(outcome.record.value, brief: brief).write(toFile: path, atomically: true, encoding: .utf8) }
                    catch { printError("nnguide: \(path): cannot be written (\(error))"); bad = true }
                }
            } catch { for line in error.lines { printError("nnguide: " + line) }; bad = true }   // each problem its own "nnguide:" line
        }
        // Only a recorded pick is checked; `--update` records one where there was none.
        let unpicked = update ? [] : outcomes.filter { $0.recorded == nil }
        let checked = outcomes.filter { update || $0.recorded != nil }
        if json {
            let e = JSONEncoder(); e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try e.encode(outcomes), as: UTF8.self))
        } else {
            // One line per file checked, in order, as `git status` lists each (ninth retest): what
            // holds, what moved (and why), what held on a changed guide, what records no pick.
            for o in outcomes {
                let head = "\(o.file): " + (briefs.contains(o.file) ? "brief: " : "") + (update && (!o.holds || o.recorded == nil || o.guideChanged != nil) ? "updated; " : "")
                if o.recorded == nil {
                    print("\(o.file): " + (briefs.contains(o.file) ? "brief: " : "") + "\(update ? "recorded" : "records no pick yet; today") \(o.today.title) (\(o.today.id))")
                } else if !o.holds {
                    print(head + "moved from \(o.recorded!.title) (\(o.recorded!.id), \(o.recorded!.date ?? "undated")) to \(o.today.title) (\(o.today.id))")
                    for w in o.why { print("  - " + w) }
                } else if let change = o.guideChanged {
                    print(head + "the pick holds (\(o.today.title)), but \(change.line)")
                } else {
                    print(head + "\(o.today.id) holds (\(o.today.title))")
                }
            }
            let moved = outcomes.filter { !$0.holds }.count
            let changed = outcomes.filter { $0.holds && $0.guideChanged != nil }.count
            if outcomes.isEmpty {
                if !bad && !unchecked { printError("nnguide: no records checked: no brief or nnguide-record block in " + paths.joined(separator: ", ")) }
            } else if checked.isEmpty {
                printError("nnguide: nothing checked: " + Self.list(unpicked.map(\.file)) + (unpicked.count == 1 ? " records" : " record") + " no pick (--update records today's)")
            } else {
                print(Self.counted(checked.map { briefs.contains($0.file) }) + " checked: " + (moved == 0 ? "every recorded pick holds" : "\(moved) moved" + (update ? ", now recorded as today's" : ""))
                    + (changed == 0 ? "" : "; \(changed) held on a changed guide" + (update ? ", now recorded with today's fingerprint" : ""))
                    + (unpicked.isEmpty ? "" : "; \(unpicked.count) brief\(unpicked.count == 1 ? "" : "s") with no pick not checked"))
            }
        }
        if bad { throw ExitCode(65) }
        // A brief that records no pick has nothing to hold (issue 23, eighth retest): not a pass.
        if unchecked || checked.isEmpty { throw ExitCode(Self.nothingChecked) }
        if !update, outcomes.contains(where: { !$0.holds }) { throw ExitCode(1) }
    }
}
