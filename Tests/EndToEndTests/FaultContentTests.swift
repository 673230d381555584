import TestSupport
import Foundation
import Testing

/// Broken content through the real binary: every command that reads the guide exits 65 with the
/// problem's file on stderr, never a crash (a status of 128 or more) and never a hang.
@Suite struct FaultContentTests {
    /// Ways to break the mini fixture, each with the file the message must name.
    static let breakages: [(name: String, file: String, change: @Sendable (String) throws -> Void)] = [
        ("truncated", "glossary.yaml", { dir in
            let path = dir + "/glossary.yaml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try String(text.prefix(text.count / 3)).write(toFile: path, atomically: true, encoding: .utf8)
        }),
        ("random bytes", "pages/10-part-a.yaml", { dir in
            var rng = SeededRandom(seed: 0x6279_7465)
            try Data((0..<2048).map { _ in UInt8.random(in: 1...255, using: &rng) }).write(to: URL(fileURLWithPath: dir + "/pages/10-part-a.yaml"))
        }),
        ("deep nesting", "catalog.yaml", { dir in
            try ("architectures: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000))
                .write(toFile: dir + "/catalog.yaml", atomically: true, encoding: .utf8)
        }),
        ("alias bomb", "pages/10-part-a.yaml", { dir in
            var text = "id: bomb\ntitle: Bomb\nblocks:\n  - figure:\n      id: bomb-figure\n      title: Bomb\n      tree:\n"
            text += "        - &n0 {label: x, children: [a, b, c, d, e, f, g, h, i, j]}\n"
            for level in 1...9 { text += "        - &n\(level) {label: x, children: [\(Array(repeating: "*n\(level - 1)", count: 10).joined(separator: ", "))]}\n" }
            try text.write(toFile: dir + "/pages/10-part-a.yaml", atomically: true, encoding: .utf8)
        }),
        ("unknown key", "decisions.yaml", { dir in
            let path = dir + "/decisions.yaml"
            try (try String(contentsOfFile: path, encoding: .utf8) + "\nsurprise_key: 1\n").write(toFile: path, atomically: true, encoding: .utf8)
        }),
    ]

    @Test(arguments: breakages.indices)
    func brokenContentExits65(_ i: Int) throws {
        let b = Self.breakages[i]
        let dir = try CLI.scratch(b.change)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for args in [["lint"], ["toc"], ["search", "attention"], []] {
            let r = try CLI.run(args, content: dir, environment: ["NNGUIDE_CACHE": "off"])
            #expect(r.status == 65, "\(b.name): nnguide \(args.joined(separator: " ")) exited \(r.status)\n\(r.err.prefix(500))")
            #expect(r.err.contains(b.file), "\(b.name): nnguide \(args.joined(separator: " ")) does not name \(b.file):\n\(r.err.prefix(500))")
            #expect(!r.out.contains("\u{1b}"), "\(b.name): escape sequences on standard output")
        }
    }
}
