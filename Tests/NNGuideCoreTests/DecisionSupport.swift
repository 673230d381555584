import Foundation
@testable import NNGuideCore

/// Content for the decision tests: the real decisions.yaml checked against every planned page and
/// catalog id (Tests/Fixtures/PlanContent), so the tests depend on ids, never on page wording.
enum DecisionFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let realDecisions = root.appendingPathComponent("Content/decisions.yaml").path
    static let planContent = root.appendingPathComponent("Tests/Fixtures/PlanContent").path

    /// A fresh content folder: the plan fixture plus `decisions` as decisions.yaml.
    static func folder(decisions: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-decide-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: planContent, toPath: dir.path)
        try decisions.write(to: dir.appendingPathComponent("decisions.yaml"), atomically: true, encoding: .utf8)
        // The real decisions cite the real bibliography (a fixture that cites nothing gets none, so it stays clean).
        if decisions.contains("sources: [") {
            try FileManager.default.copyItem(atPath: root.appendingPathComponent("Content/sources.yaml").path,
                                             toPath: dir.appendingPathComponent("sources.yaml").path)
        }
        return dir.path
    }

    /// Problems lint finds in the plan fixture with these decisions.
    static func lint(_ decisions: String) throws -> [ContentProblem] {
        let dir = try folder(decisions: decisions)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return ContentLoader.lint(directory: dir)
    }

    /// The real decisions.yaml loaded with the plan fixture.
    static let real: (guide: Guide?, problems: [ContentProblem]) = {
        guard let text = try? String(contentsOfFile: realDecisions, encoding: .utf8), let dir = try? folder(decisions: text) else {
            return (nil, [ContentProblem(SourceLocation(file: realDecisions), "cannot read")])
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return ContentLoader.read(directory: dir)
    }()

    static var book: DecisionBook { real.guide?.decisions ?? DecisionBook() }
    static var recommender: Recommender { Recommender(book: book, catalog: real.guide?.catalog ?? Catalog()) }

    /// The real `brief:` section, as text: the fixtures below declare the same fields.
    static let briefSection: String = {
        guard let text = try? String(contentsOfFile: realDecisions, encoding: .utf8),
              let start = text.range(of: "\nbrief:\n"), let end = text.range(of: "\ntrees:\n") else { return "" }
        return String(text[start.upperBound..<end.lowerBound]).trimmingCharacters(in: .newlines) + "\n"
    }()

    /// A small, whole decision book; tests break it one way at a time.
    static let small = "brief:\n" + briefSection + """
        trees:
          - id: primary
            title: Small
            source: primary-decision-flow
            start: q
            nodes:
              - id: q
                question: Which structure?
                options:
                  - {answer: Table, why: Trees fit tables., next: leaf-a, see: [part-5], when: {modality: tabular}}
                  - {answer: Image, why: Grids suit CNNs., next: leaf-b, see: [part-5]}
              - {id: leaf-a, title: Trees, pick: [gradient-boosting], why: Simple first., see: [part-5]}
              - {id: leaf-b, title: CNN, pick: [cnn], why: Locality., see: [part-5]}
        """
}

extension Brief {
    /// A brief as a person writes it, against the real schema: `.make(["modality": "image", "samples": "500"])`.
    static func make(_ raw: [String: String], schema: BriefSchema = DecisionFixture.book.brief) -> Brief {
        do { return try Brief(schema: schema, raw) } catch { preconditionFailure("fixture brief \(raw) is invalid: \(error)") }
    }
}
