import Foundation
import Testing

/// `nnguide toc` from the per-file entries' outlines (issue 25) prints exactly what it prints from
/// the whole guide (the cache off), before and after an edit; `--origin` and overlays take the whole
/// guide; an error in the edited file still fails with its file, line and column; damaged entries
/// are parsed again. `NNGUIDE_TRACE_LOAD` says which way each `toc` went.
@Suite struct TocOutlineCLITests {
    static let overlay = CLI.packageRoot.appendingPathComponent("Content/overlays/example-acme").path

    /// A copy of Content/ and a cache folder of its own.
    final class Copy {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-toc-outline-\(UUID().uuidString)").path
        var content: String { base + "/Content" }
        var cache: String { base + "/cache" }
        init() throws {
            try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: CLI.packageRoot.appendingPathComponent("Content").path, toPath: content)
        }
        deinit { try? FileManager.default.removeItem(atPath: base) }

        func toc(_ args: [String], cached: Bool = true) throws -> CLI.Result { try run(["toc"] + args, cached: cached) }

        func run(_ args: [String], cached: Bool = true) throws -> CLI.Result {
            try CLI.run(args, content: content, environment: ["NNGUIDE_CACHE": cached ? cache : "off", "NNGUIDE_TRACE_LOAD": "1"])
        }

        /// The first `toc` parses everything the whole way and writes the entries.
        func warm() throws {
            let r = try toc([])
            #expect(r.status == 0, "\(r.err)")
            #expect(!r.err.contains("guide from outlines"), "\(r.err)")
        }

        func edit(_ file: String, _ old: String, _ new: String) throws {
            let path = content + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try #require(text.contains(old))
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: false, encoding: .utf8)
        }

        var entryFolder: String {
            get throws {
                let names = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("files-") }
                try #require(names.count == 1)
                return cache + "/" + names[0]
            }
        }
    }

    /// Standard error without the trace's lines.
    static func problems(_ r: CLI.Result) -> [String] { r.err.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("nnguide: guide from") } }

    static let formats: [[String]] = [[], ["--json"], ["--format", "markdown"], ["--width", "47", "--ascii"], ["--width", "200"]]

    /// Each format through the outlines, against the same through the whole guide.
    static func expectOutlinesAsWhole(_ c: Copy, _ what: String, parsed: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for (i, args) in formats.enumerated() {
            let fast = try c.toc(args), whole = try c.toc(args, cached: false)
            #expect(fast.status == 0 && whole.status == 0, "\(what) \(args): \(fast.err) \(whole.err)", sourceLocation: sourceLocation)
            // Only the first after an edit parses it; the rest read its new entry.
            let files = i == 0 ? parsed : 0
            #expect(fast.err.contains("guide from outlines") && fast.err.contains("(\(files) page files parsed)"), "\(what) \(args): \(fast.err)", sourceLocation: sourceLocation)
            #expect(fast.out == whole.out, "\(what) \(args): the outlines' toc differs from the whole guide's", sourceLocation: sourceLocation)
            #expect(fast.out.count > 1000, sourceLocation: sourceLocation)
        }
    }

    @Test func theOutlinesListWhatTheWholeGuideLists() throws {
        let c = try Copy()
        try c.warm()
        try Self.expectOutlinesAsWhole(c, "no edit", parsed: 0)
        // A section's title, a summary and a table's title changed in one file; a comment in another.
        try c.edit("pages/30-part3.yaml", "title: \"3.1 Feedforward", "title: \"3.1 Edited Feedforward")
        try c.edit("pages/30-part3.yaml", "summary: \"Stacks of fully", "summary: \"Edited stacks of fully")
        try c.edit("pages/30-part3.yaml", "title: Transformer architectural variants", "title: Edited transformer variants")
        let after = try c.toc(["--json"], cached: false).out
        #expect(after.contains("3.1 Edited Feedforward") && after.contains("Edited stacks") && after.contains("Edited transformer variants"))
        try Self.expectOutlinesAsWhole(c, "one page edited", parsed: 1)
        let path = c.content + "/pages/10-part1.yaml"
        try (try String(contentsOfFile: path, encoding: .utf8) + "\n# an author's note\n").write(toFile: path, atomically: true, encoding: .utf8)
        try Self.expectOutlinesAsWhole(c, "a comment added", parsed: 1)
    }

    @Test func originAndOverlaysTakeTheWholeGuide() throws {
        let c = try Copy()
        try c.warm()
        for args in [["--origin", "team"], ["--origin", "added", "--json"], ["--overlay", Self.overlay], ["--overlay", Self.overlay, "--json"],
                     ["--overlay", Self.overlay, "--origin", "team"]] {
            let fast = try c.toc(args), whole = try c.toc(args, cached: false)
            #expect(fast.status == 0, "\(args): \(fast.err)")
            #expect(!fast.err.contains("guide from outlines"), "\(args): \(fast.err)")
            #expect(fast.out == whole.out, "\(args)")
        }
        // The overlay's page is listed: the whole guide with its overlay, not the outlines.
        #expect(try c.toc(["--overlay", Self.overlay]).out.contains("acme-platform"))
    }

    @Test func anErrorInTheEditedFileFailsWithItsLine() throws {
        let c = try Copy()
        try c.warm()
        for (old, new, says) in [("id: part-1\n", "id: [part-1\n", "pages/10-part1.yaml:"),
                                 ("short: Part 1\n", "short: Part 1\nsubtitle: surprise\n", "pages/10-part1.yaml:5:1")] {
            try c.edit("pages/10-part1.yaml", old, new)
            // Twice: the second time the file's entry holds, and says it has an error.
            for round in 1...2 {
                let fast = try c.toc([]), whole = try c.toc([], cached: false)
                #expect(fast.status == 65 && whole.status == 65, "\(new) round \(round): \(fast.err)")
                #expect(Self.problems(fast) == Self.problems(whole), "\(new) round \(round)")
                #expect(fast.err.contains(says), "\(new) round \(round): \(fast.err)")
                #expect(fast.out.isEmpty)
            }
            try c.edit("pages/10-part1.yaml", new, old)
            // The whole check found an error, so the next toc checks the whole guide again.
            let mended = try c.toc([])
            #expect(mended.status == 0 && !mended.err.contains("guide from outlines"), "\(mended.err)")
        }
        try Self.expectOutlinesAsWhole(c, "the error mended", parsed: 0)
    }

    @Test func damagedEntriesAreParsedAgain() throws {
        let c = try Copy()
        try c.warm()
        let folder = try c.entryFolder
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        let pages = names.filter { $0.hasPrefix("p.") }.sorted()
        try #require(pages.count > 5)
        // Cut short inside the outline (a cut in the value, after it, does not matter to toc), a byte
        // flipped in the outline, and garbage.
        let cut = folder + "/" + pages[1], flipped = folder + "/" + pages[2], garbage = folder + "/" + pages[3]
        func outline(_ data: Data) throws -> Range<Int> {
            let header = String(decoding: data.prefix(200), as: UTF8.self).split(separator: "\n").prefix(3).map(String.init)
            try #require(header.count == 3)
            let fields = header[2].split(separator: " ")   // summary length and checksum, outline length and checksum
            try #require(fields.count == 4)
            let start = header.map(\.utf8.count).reduce(3, +) + (try #require(Int(fields[0])))
            let count = try #require(Int(fields[2]))
            try #require(count > 2)
            return start..<(start + count)
        }
        let whole = try Data(contentsOf: URL(fileURLWithPath: cut))
        try whole.prefix(try outline(whole).lowerBound + 2).write(to: URL(fileURLWithPath: cut))
        var bytes = try Data(contentsOf: URL(fileURLWithPath: flipped))
        bytes[try outline(bytes).lowerBound + 1] ^= 0x5A
        try bytes.write(to: URL(fileURLWithPath: flipped))
        try Data(repeating: 0xFF, count: 300).write(to: URL(fileURLWithPath: garbage))
        let fast = try c.toc([]), again = try c.toc(["--json"]), off = try c.toc(["--json"], cached: false)
        #expect(fast.status == 0, "\(fast.err)")
        #expect(fast.err.contains("guide from outlines") && fast.err.contains("(3 page files parsed)"), "\(fast.err)")
        #expect(fast.out == (try c.toc([], cached: false)).out)
        #expect(again.out == off.out && again.err.contains("(0 page files parsed)"))
        // The verdict of the last whole check damaged: the whole load, until a check writes it again.
        try Data("NNGUIDE-ENTRY 3\nx\n".utf8).write(to: URL(fileURLWithPath: folder + "/checked"))
        let whole2 = try c.toc([])
        #expect(whole2.status == 0 && !whole2.err.contains("guide from outlines") && whole2.out == fast.out, "\(whole2.err)")
        #expect(try c.run(["lint"]).status == 0)
        #expect(try c.toc([]).err.contains("guide from outlines"))
    }
}
