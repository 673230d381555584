import Foundation
import Testing
@testable import NNGuideCore
@testable import NNGuideUI

/// Issue 23 item 8: the form shows only the fields that apply to the brief's modality and task
/// (`applies_to` in the brief schema): no `nodes` for an image, no `context` for a table. A field
/// holding a value that stops applying stays, marked, until it is cleared. On the shipped guide.
@Suite struct BriefFormAppliesTests {
    func form() throws -> AppState { try BriefFormChoiceTests().form() }

    /// The field names in the form's column, in order, as drawn.
    func rows(_ s: AppState) -> [String] {
        let names = s.context.guide.decisions.brief.fields.map(\.name)
        return render(s).lines.compactMap { line in
            let cells = line.prefix(20).split(separator: " ")
            guard let first = cells.first.map({ String($0).replacingOccurrences(of: "*", with: "") }), names.contains(first) else { return nil }
            return first
        }
    }

    func choose(_ s: AppState, _ field: BriefField, _ value: String) -> AppState {
        let schema = s.context.guide.decisions.brief
        var s = press(s, [.home])
        let row = s.decide.draft.shown(schema).firstIndex { schema.fields[$0].field == field } ?? 0
        s = press(s, Array(repeating: Key.down, count: row) + [.enter] + keys(value) + [.enter])
        return s
    }

    @Test func anImageBriefShowsNeitherNodesNorContext() throws {
        let image = choose(try form(), .modality, "image")
        let shown = rows(image)
        #expect(shown.contains("samples") && shown.contains("deploy"), "\(shown)")
        for hidden in ["nodes", "context", "multilingual", "knowledge", "domain"] {
            #expect(!shown.contains(hidden), "\(hidden) is shown for an image brief: \(shown)")
        }
        let table = choose(try form(), .modality, "tabular")
        #expect(!rows(table).contains("context"), "\(rows(table))")
        let graph = choose(try form(), .modality, "graph")
        #expect(rows(graph).contains("nodes") && rows(graph).contains("context"), "\(rows(graph))")
        // Before a modality is chosen nothing limits a field.
        let schema = image.context.guide.decisions.brief
        #expect(try form().decide.draft.shown(schema).count == schema.fields.count)
    }

    @Test func downSkipsTheFieldsThatDoNotApply() throws {
        var s = choose(try form(), .modality, "image")
        let schema = s.context.guide.decisions.brief
        var visited: [String] = []
        s = press(s, [.home])
        for _ in schema.fields {
            visited.append(try #require(try s.decide.form.current(schema)).name)
            s = press(s, [.down])
        }
        #expect(!visited.contains("nodes") && !visited.contains("context"), "\(visited)")
        #expect(visited.last == "notes", "the last field is reached: \(visited)")
        #expect(render(s).lines.joined().contains("notes \(s.decide.draft.shown(schema).count)/\(s.decide.draft.shown(schema).count)"))
    }

    @Test func aValueThatStopsApplyingIsKeptMarkedAndIgnored() throws {
        var s = choose(try form(), .modality, "graph")
        s = choose(s, .task, "classification")
        s = choose(s, BriefField("nodes"), "500")
        #expect(s.decide.draft.values[BriefField("nodes")] == .number(500))
        s = choose(s, .modality, "image")
        #expect(s.decide.draft.values[BriefField("nodes")] == .number(500), "the value was dropped")
        #expect(rows(s).contains("nodes"))
        let screen = render(s).lines.joined(separator: "\n")
        #expect(screen.contains("500 (ignored)"), "\(screen)")
        // The recommendation beside the form ignores it and says so.
        let rec = try #require(s.decide.draft.recommendation(s.context.library))
        #expect(rec.warnings.contains { $0.hasPrefix("nodes does not apply to modality image") }, "\(rec.warnings)")
        // Focused, it says why; cleared, it leaves the form and the focus goes on.
        let schema = s.context.guide.decisions.brief
        let row = try #require(s.decide.draft.shown(schema).firstIndex { schema.fields[$0].name == "nodes" })
        s = press(s, [.home] + Array(repeating: Key.down, count: row))
        #expect(render(s).lines.joined(separator: " ").contains("Not for modality image (only graph)"))
        s = press(s, [.delete])
        #expect(s.decide.draft.values[BriefField("nodes")] == nil)
        #expect(!rows(s).contains("nodes"))
        #expect(try s.decide.form.current(schema)?.name == schema.fields[schema.fields.firstIndex { $0.name == "nodes" }! + 1].name)
    }
}
