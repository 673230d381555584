import Foundation
@testable import NNGuideCore

/// Content for the decision tests: the real decisions.yaml checked against every planned page and
/// catalog id (Tests/Fixtures/PlanContent), so the tests depend on ids, never on page wording.
enum DecisionFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let realDecisions = root.appendingPathComponent("Content/decisions.yaml").path
    static let planContent = root.appendingPathComponent("Tests/Fixtures/PlanContent").path

    static let realSources = root.appendingPathComponent("Content/sources.yaml").path

    /// A fresh content folder: the plan fixture plus `decisions` as decisions.yaml, and the entries of the real
    /// sources.yaml that `decisions` cites (the rules cite the bibliography; the plan fixture's pages cite nothing,
    /// so an entry only they would cite is left out rather than reported as cited by nothing).
    static func folder(decisions: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnguide-decide-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: planContent, toPath: dir.path)
        try decisions.write(to: dir.appendingPathComponent("decisions.yaml"), atomically: true, encoding: .utf8)
        let cited = citedSources(decisions)
        if !cited.isEmpty, let text = try? String(contentsOfFile: realSources, encoding: .utf8) {
            let entries = text.components(separatedBy: "\n  - id: ").dropFirst()
                .filter { cited.contains(String($0.prefix { !$0.isWhitespace })) }
            try ("sources:\n" + entries.map { "  - id: " + $0 }.joined(separator: "\n") + "\n")
                .write(to: dir.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
        }
        return dir.path
    }

    /// The source ids `sources: [...]` lines of a YAML text name.
    static func citedSources(_ yaml: String) -> Set<String> {
        var out: Set<String> = []
        for line in yaml.split(separator: "\n") {
            guard let r = line.range(of: "sources: ["), let end = line[r.upperBound...].firstIndex(of: "]") else { continue }
            for id in line[r.upperBound..<end].split(separator: ",") { out.insert(id.trimmingCharacters(in: .whitespaces)) }
        }
        return out
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
