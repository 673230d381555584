import Foundation
import Testing
@testable import NNGuideCore

/// README's table of brief fields is the schema's: every field and every value, nothing else.
@Suite struct ReadmeSchemaTests {
    @Test func theReadmeTableListsExactlyTheSchemasFieldsAndValues() throws {
        let readme = try String(contentsOf: DecisionFixture.root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = "<!-- brief-fields:begin (generated from Content/decisions.yaml; a test checks it) -->\n"
        let end = "<!-- brief-fields:end -->"
        let start = try #require(readme.range(of: begin), "README has no brief-fields table")
        let stop = try #require(readme.range(of: end, range: start.upperBound..<readme.endIndex))
        let table = String(readme[start.upperBound..<stop.lowerBound])
        let schema = DecisionFixture.book.brief
        #expect(!schema.fields.isEmpty)
        #expect(table == schema.markdownTable, "README's brief table is out of date; it should read:\n\(schema.markdownTable)")
        // Independently of the generator: each field once, each choice value named in its row.
        let rows = table.split(separator: "\n").dropFirst(2)
        #expect(rows.map { $0.split(separator: "`")[1] } == schema.fields.map { Substring($0.name) })
        for (row, f) in zip(rows, schema.fields) {
            for v in f.choices { #expect(row.contains("`\(v)`"), "\(f.name): \(v)") }
        }
    }
}
