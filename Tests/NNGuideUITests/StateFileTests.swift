import Foundation
import Testing
@testable import NNGuideUI
@testable import NNGuideEffects

/// The hand reader of state.json (`StateFile`) against the Codable decoding it replaced on the start
/// path: for every input, both give the same reading state, or both refuse it (a damaged file).
@Suite struct StateFileTests {
    static func codable(_ text: String) -> ReadingState? {
        try? JSONDecoder().decode(ReadingState.self, from: Data(text.utf8))
    }

    static let accepted: [String] = [
        "{}",
        #"{"version": 1, "bookmarks": {}, "visited": []}"#,
        #"{"last": {"page": "part-1", "offset": 4}}"#,
        #"{"last": {"page": "part-1", "offset": 4, "block": 3, "char": 120}, "version": 2}"#,
        #"{"last": {"page": "p", "offset": -3, "block": -1}}"#,
        #"{"last": null, "bookmarks": null, "visited": null, "version": null}"#,
        #"{"last": {"page": "p", "offset": 0, "block": null, "char": null}}"#,
        #"{"bookmarks": {"a": {"page": "opening", "offset": 0}, "z": {"page": "x\"y\\z\u00e9\ud83d\ude00", "offset": 2, "char": 7}}}"#,
        #"{"visited": ["x", "y", "x", "caf\u00e9", "\/slash"], "unknown": {"deep": [1, 2.5, -3e2, true, false, null]}}"#,
        " \n\t{ \"version\" : 1 , \"visited\" : [ \"a\" ] } \n",
        #"{"last": {"page": "p", "offset": 1e1}}"#,
        #"{"visited": ["a",], "a": 1,}"#,   // JSONDecoder allows trailing commas
        #"{"brief": "\/home\/me\/.local\/state\/nnguide\/briefs\/tabular-classification.yaml"}"#,
        #"{"brief": null, "version": 1}"#,
        #"{"decide": null}"#, #"{"decide": []}"#, #"{"decide": [{"trees": []}, {"trees": [], "x": 1}]}"#,
        #"{"decide": [{"trees": [{"tree": "primary", "start": "modality", "answers": [{"node": "modality", "option": 1, "answer": "Images or video", "x": null}]}, {"tree": "vision", "start": null, "answers": []}]}]}"#,
        #"{"decide": [{"trees": [{"tree": "t", "answers": [{"node": "n", "option": -1, "answer": ""}]}]}]}"#,
    ]

    static let refused: [String] = [
        "", "{", "[]", "null", #"{"last": 12"#, #"{"last": 12}"#, #"{"last": {"page": "p"}}"#,
        #"{"last": {"offset": 1}}"#, #"{"last": {"page": 5, "offset": 1}}"#, #"{"last": {"page": "p", "offset": 1.5}}"#,
        #"{"version": "1"}"#, #"{"visited": "a"}"#, #"{"visited": [1]}"#, #"{"bookmarks": []}"#,
        #"{"bookmarks": {"a": {"page": "p"}}}"#, #"{'a': 1}"#,
        #"{"visited": ["\ud800"]}"#, #"{"visited": ["\x"]}"#, "{\"visited\": [\"a\u{1}\"]}", #"{} {}"#,
        #"{"version": 01}"#, #"{"visited": [,]}"#, #"{,}"#, #"{"version": +1}"#, #"{"version": 1.}"#, #"{"last": {"page": "p", "offset": 1, "block": "2"}}"#,
        #"{"brief": 3}"#, #"{"brief": ["a.yaml"]}"#,
        #"{"decide": {}}"#, #"{"decide": [{}]}"#, #"{"decide": [null]}"#, #"{"decide": [{"trees": null}]}"#,
        #"{"decide": [{"trees": [{"tree": "t"}]}]}"#, #"{"decide": [{"trees": [{"answers": []}]}]}"#,
        #"{"decide": [{"trees": [{"tree": "t", "start": 2, "answers": []}]}]}"#,
        #"{"decide": [{"trees": [{"tree": "t", "answers": [{"node": "n", "option": "1", "answer": "a"}]}]}]}"#,
        #"{"decide": [{"trees": [{"tree": "t", "answers": [{"node": "n", "answer": "a"}]}]}]}"#,
        #"{"decide": [{"trees": [{"tree": "t", "answers": [{"node": "n", "option": 1, "answer": null}]}]}]}"#,
    ]

    @Test(arguments: accepted) func readsWhatCodableReads(_ text: String) throws {
        let expected = try #require(Self.codable(text), "the Codable path should accept \(text)")
        #expect(StateFile.decode(Array(text.utf8)) == expected)
    }

    @Test(arguments: refused) func refusesWhatCodableRefuses(_ text: String) {
        #expect(Self.codable(text) == nil, "the Codable path accepts \(text); the list is wrong")
        #expect(StateFile.decode(Array(text.utf8)) == nil)
    }

    @Test func readsWhatTheStoreWrites() throws {
        let dir = NSTemporaryDirectory() + "nnguide-statefile-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let state = ReadingState(last: Position(page: "part-1", offset: 4, block: 2, char: 9),
                                 bookmarks: ["a": Position(page: "opening"), "é": Position(page: "part-2", offset: 1)],
                                 visited: Set((0..<300).map { "page-\($0)" }), brief: dir + "/briefs/churn.yaml")
        #expect(StateStore(directory: dir).save(state) == nil)
        let bytes = try #require(FileManager.default.contents(atPath: dir + "/state.json"))
        #expect(StateFile.decode(Array(bytes)) == state)
    }

    @Test func invalidUTF8IsRefused() {
        let bytes: [UInt8] = Array(#"{"visited": [""#.utf8) + [0xC3, 0x28] + Array(#""]}"#.utf8)
        #expect((try? JSONDecoder().decode(ReadingState.self, from: Data(bytes))) == nil)
        #expect(StateFile.decode(bytes) == nil)
    }
}
