import Foundation
import Testing
@testable import NNGuideCore

/// The JSON contract of `nnguide recommend --format json`: these field names with these types.
@Suite struct RecommendJSONTests {
    func object() throws -> [String: Any] {
        let b = Brief.make(["modality": "text", "task": "generation", "samples": "5000", "nodes": "12", "latency_ms": "200.5", "deploy": "edge", "compute": "low", "interpretability": "required", "streaming": "true", "context": "long", "pretrained": "true", "knowledge": "model", "output": "text", "multilingual": "true", "domain": "general", "notes": "n"])
        let json = try DecisionFixture.recommender.recommend(b).json()
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func topLevelFieldsHaveTheirTypes() throws {
        let o = try object()
        for key in ["pick", "brief"] { #expect(o[key] is [String: Any], "\(key)") }
        for key in ["alternatives", "path", "why_not"] { #expect(o[key] is [[String: Any]], "\(key)") }
        for key in ["because", "warnings", "assumptions", "next_steps"] { #expect(o[key] is [String], "\(key)") }
    }

    @Test func nestedFieldsHaveTheirTypes() throws {
        let o = try object()
        let pick = try #require(o["pick"] as? [String: Any])
        #expect(pick["id"] is String && pick["name"] is String && pick["variants"] is [String])
        for a in try #require(o["alternatives"] as? [[String: Any]]) { #expect(a["id"] is String && a["reason"] is String) }
        let path = try #require(o["path"] as? [[String: Any]])
        #expect(!path.isEmpty)
        for p in path { #expect(p["question"] is String && p["answer"] is String) }
        for w in try #require(o["why_not"] as? [[String: Any]]) { #expect(w["id"] is String && w["reason"] is String) }
    }

    @Test func reasonsArePlainTextWithTheirSourcesBeside() throws {
        let o = try object()
        let because = try #require(o["because"] as? [String])
        let reasons = try #require(o["reasons"] as? [[String: Any]])
        #expect(reasons.map { $0["text"] as? String } == because.map(Optional.some))
        #expect(!because.contains { $0.hasPrefix("[") })
        let sources = reasons.compactMap { $0["source"] as? [String: Any] }
        #expect(sources.count == reasons.count)
        #expect(sources.contains { ($0["brief"] as? [[String: Any]])?.first?["field"] as? String == "modality" })
        #expect(sources.contains { $0["page"] is String && $0["title"] is String })
        #expect(o["leaf"] as? String == "primary/" + ((o["leaf"] as? String)?.split(separator: "/").last.map(String.init) ?? ""))
    }

    @Test func theBriefKeepsFieldNamesAndTypes() throws {
        let brief = try #require(try object()["brief"] as? [String: Any])
        // Every field, less those that do not apply to a text brief (`nodes`): ignored, with a warning (issue 23 item 8).
        let ignored = ["nodes"]
        #expect(DecisionFixture.book.brief.notApplying(in: Brief.make(["modality": "text", "task": "generation", "nodes": "12"]).values).map(\.field.name) == ignored)
        #expect(Set(brief.keys) == Set(DecisionFixture.book.brief.fields.map(\.name)).subtracting(ignored))
        #expect(brief["modality"] as? String == "text")
        #expect(brief["samples"] as? Int == 5000)
        #expect(brief["latency_ms"] as? Double == 200.5)
        #expect(brief["streaming"] as? Bool == true)
        #expect(brief["knowledge"] as? String == "model")
        #expect(brief["notes"] as? String == "n")
        #expect(brief["output"] as? String == "text" && brief["multilingual"] as? Bool == true && brief["domain"] as? String == "general")
    }
}
