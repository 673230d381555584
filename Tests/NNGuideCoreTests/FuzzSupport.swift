import TestSupport
import Foundation
import Testing
@testable import NNGuideCore

/// What the loader must always do with bad content: return, never trap, and either hand back a
/// guide with no problems or name at least one problem in a file of the content folder.
enum Fuzz {
    /// Every file of the mini fixture, relative to the content folder.
    static let files: [String] = {
        let all = (try? FileManager.default.subpathsOfDirectory(atPath: Fixtures.mini)) ?? []
        return all.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// Characters that mean something to YAML, plus bytes that mean something to a decoder.
    static let significant: [[UInt8]] = [":", ": ", "-", "- ", "[", "]", "{", "}", ",", "&a", "*a", "!", "!!str", "|", ">", "'", "\"",
                                         "#", "%", "@", "`", "?", "\t", "\n", "\r\n", "  ", "\\", "[[", "]]", "|g:", "\u{FEFF}"].map { Array($0.utf8) }
        + [[0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98, 0x80], [0x00], [0x7F], [0xC0, 0x80]]

    /// Loads `dir` and checks the loader's contract; the description says which case it was.
    static func check(_ dir: String, _ description: @autoclosure () -> String,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [ContentProblem] {
        let (guide, problems) = ContentLoader.read(directory: dir)
        if problems.isEmpty {
            #expect(guide != nil, "no problems but no guide: \(description())", sourceLocation: sourceLocation)
        }
        for p in problems {
            let known = files.contains(p.location.file) || p.location.file == ContentLoader.pagesFolder
                || p.location.file.hasPrefix(ContentLoader.pagesFolder + "/")
            #expect(known, "problem names no content file: \(p) — \(description())", sourceLocation: sourceLocation)
            #expect(!p.message.isEmpty, "empty message — \(description())", sourceLocation: sourceLocation)
            if let line = p.location.line { #expect(line >= 1, "line \(line) — \(description())", sourceLocation: sourceLocation) }
        }
        // load() must agree with read(): a ContentError exactly when there are errors (warnings load).
        do {
            _ = try ContentLoader.load(directory: dir)
            #expect(problems.errors.isEmpty, "load() succeeded despite \(problems.count) problems — \(description())", sourceLocation: sourceLocation)
        } catch {
            #expect(!error.problems.isEmpty, "ContentError without problems — \(description())", sourceLocation: sourceLocation)
        }
        return problems
    }

    static func bytes(_ c: ScratchContent, _ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: c.path(file))))
    }

    static func write(_ c: ScratchContent, _ file: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: c.path(file)))
    }

    /// One random edit: flip a bit, insert something YAML cares about, delete a run, duplicate or
    /// drop a line, or shift a line's indentation.
    static func mutate(_ b: inout [UInt8], _ rng: inout SeededRandom) {
        let at = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
        switch Int.random(in: 0..<6, using: &rng) {
        case 0 where !b.isEmpty:
            b[at] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
        case 1:
            b.insert(contentsOf: significant.randomElement(using: &rng)!, at: at)
        case 2 where !b.isEmpty:
            b.removeSubrange(at..<min(b.count, at + Int.random(in: 1...16, using: &rng)))
        case 3:
            var lines = b.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            guard !lines.isEmpty else { return }
            let i = Int.random(in: 0..<lines.count, using: &rng)
            if Bool.random(using: &rng) { lines.insert(lines[i], at: i) } else { lines.remove(at: i) }
            b = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        case 4:
            var lines = b.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            guard !lines.isEmpty else { return }
            let i = Int.random(in: 0..<lines.count, using: &rng)
            let shift = [0, 1, 2, 3, 4].randomElement(using: &rng)!
            if Bool.random(using: &rng) {
                lines[i] = ArraySlice(Array(repeating: UInt8(ascii: " "), count: shift) + lines[i])
            } else {
                lines[i] = lines[i].drop(while: { $0 == UInt8(ascii: " ") })
            }
            b = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        default:
            b.insert(contentsOf: Array("\n".utf8) + significant.randomElement(using: &rng)!, at: at)
        }
    }
}
