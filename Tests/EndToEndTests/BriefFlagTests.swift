import Foundation
import Testing
import NNGuideCore

/// Issue 22 item 6: every field of the brief schema has a `recommend` flag, and the flag's help is the
/// field's meaning, read from the schema (so editing decisions.yaml changes the help).
@Suite struct BriefFlagTests {
    /// `recommend --help`'s options for the content in `dir`, one string each: its names, then its help
    /// (a long name puts the help on the next line).
    static func help(_ dir: String) throws -> [String] {
        let r = try CLI.run(["recommend", "--help"], content: dir, environment: ["COLUMNS": "2000"])
        #expect(r.status == 0, "\(r.err)")
        var options: [String] = []
        for line in (r.out.components(separatedBy: "OPTIONS:").last ?? "").split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("-") || options.isEmpty { options.append(text) } else { options[options.count - 1] += " " + text }
        }
        return options
    }

    static func sentence(_ meaning: String) -> String { meaning.prefix(1).uppercased() + meaning.dropFirst() + "." }

    @Test func everySchemaFieldHasAFlagWithItsMeaning() throws {
        let schema = RecommendRun.book.brief
        #expect(schema.fields.count > 10)
        let help = try Self.help(RecommendRun.content)
        for f in schema.fields {
            let flag = f.kind == .flag ? "\(f.flag)/--no-\(f.flag.dropFirst(2))" : f.flag
            let line = help.first { $0.hasPrefix(flag + " ") }
            #expect(line != nil, "recommend --help has no \(flag) for brief field '\(f.name)': give it an @Option or @Flag named as the field")
            #expect(line?.contains(Self.sentence(f.meaning)) == true, "\(flag): help is not the schema's meaning '\(f.meaning)': \(line ?? "")")
        }
    }

    /// A choice's help lists its values (issue 23's fourth retest: `--deploy` named none, `--format` did).
    @Test func everyChoiceListsItsValues() throws {
        let help = try Self.help(RecommendRun.content)
        for f in RecommendRun.book.brief.fields where !f.values.isEmpty && f.kind != .flag {
            let line = help.first { $0.hasPrefix(f.flag + " ") } ?? ""
            // Each with its other spellings (issue 23, fifth retest: `mobile (or phone)`), as --fields lists them.
            #expect(line.contains("One of: " + f.writtenValues), "\(f.flag): \(line)")
            #expect(f.values.allSatisfy { line.contains($0.value) }, "\(f.flag): \(line)")
        }
    }

    @Test func theHelpFollowsAnEditedMeaning() throws {
        let dir = RecommendRun.content + "-edited-meaning"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.copyItem(atPath: RecommendRun.content, toPath: dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/decisions.yaml"
        let yaml = try String(contentsOfFile: file, encoding: .utf8)
        #expect(yaml.contains("meaning: where the model runs\n"))
        try yaml.replacingOccurrences(of: "meaning: where the model runs\n", with: "meaning: the hardware that serves the model\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let help = try Self.help(dir)
        let deploy = help.first { $0.hasPrefix("--deploy ") }
        #expect(deploy?.contains("The hardware that serves the model.") == true, "\(deploy ?? "no --deploy line")")
    }
}
