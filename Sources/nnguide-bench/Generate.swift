import Foundation
import NNGuideCore

/// Synthetic content N times the size of a real Content folder, valid under the same schema: every
/// page file, glossary entry, catalog architecture and decision tree is copied N-1 times with its ids
/// (and the names that must be unique) suffixed `-cK`. References inside the copies keep pointing at
/// the originals, which still exist, so the result lints clean without knowing every reference in
/// the schema; new schema fields added later are copied along untouched.
enum Generate {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func run(from source: String, scale: Int, to out: String) throws -> (bytes: Int, sourceBytes: Int) {
        let fm = FileManager.default
        try? fm.removeItem(atPath: out)
        try fm.createDirectory(atPath: out + "/pages", withIntermediateDirectories: true)
        var bytes = 0, sourceBytes = 0
        func emit(_ name: String, _ node: Node) throws {
            let text = Emit.yaml(node)
            try text.write(toFile: out + "/" + name, atomically: false, encoding: .utf8)
            bytes += text.utf8.count
        }
        func read(_ name: String) throws -> Node {
            let text = try String(contentsOfFile: source + "/" + name, encoding: .utf8)
            sourceBytes += text.utf8.count
            guard let node = try YAMLReader.compose(text) else { throw Failure(description: "\(name) is empty") }
            return node
        }

        let pageNames = try fm.contentsOfDirectory(atPath: source + "/pages").filter { $0.hasSuffix(".yaml") }.sorted()
        for name in pageNames {
            let page = try read("pages/" + name)
            try emit("pages/" + name, page)
            for k in 1..<max(1, scale) {
                // `~` sorts after `.`, so each original page comes before its copies.
                try emit("pages/" + name.replacingOccurrences(of: ".yaml", with: "~c\(k).yaml"), renameAll(page, k))
            }
        }
        let glossary = try read(ContentLoader.glossaryFile)
        try emit(ContentLoader.glossaryFile, copyLists(glossary, scale) { entry, k in
            rename(entry, k, ids: ["id"], names: ["term"], nameLists: ["aliases"], set: ["source_glossary": "false"])
        })
        let catalog = try read(ContentLoader.catalogFile)
        try emit(ContentLoader.catalogFile, copyLists(catalog, scale, only: ["architectures"]) { entry, k in
            rename(entry, k, ids: ["id"], names: ["name", "short"])
        })
        // Sources stay as they are: the copies cite the originals' sources, as they link the originals.
        if fm.fileExists(atPath: source + "/" + ContentLoader.sourcesFile) {
            try emit(ContentLoader.sourcesFile, try read(ContentLoader.sourcesFile))
        }
        let decisions = try read(ContentLoader.decisionsFile)
        // Only the trees grow: the rest of decisions.yaml (examples, filters, rules) is small, and its
        // items carry numbers and cross-references that must stay unique.
        try emit(ContentLoader.decisionsFile, copyLists(decisions, scale, only: ["trees"]) { entry, k in
            // One tree may be primary (lint says so), so a copy of it is a variant tree.
            rename(entry, k, ids: ["id"], names: ["title"], set: entry.child("role")?.string == "primary" ? ["role": "variant"] : [:])
        })
        return (bytes, sourceBytes)
    }

    /// A page file's copy: every `id` in it suffixed, and the title beside each id marked with the copy.
    static func renameAll(_ node: Node, _ k: Int) -> Node {
        switch node {
        case .mapping(let m):
            let hasID = node.child("id") != nil
            let pairs: [Node.Mapping.Pair] = m.map { key, value in
                switch key.string {
                case "id"?: return (key, suffixed(value, "-c\(k)"))
                case "title"? where hasID: return (key, suffixed(value, " c\(k)"))
                default: return (key, renameAll(value, k))
                }
            }
            return .mapping(Node.Mapping(pairs))
        case .sequence(let s):
            return .sequence(Node.Sequence(s.map { renameAll($0, k) }))
        default:
            return node
        }
    }

    /// Every list at the top level of `node` (or only those named) grows N-1 renamed copies of each
    /// item that has an `id`.
    static func copyLists(_ node: Node, _ scale: Int, only: Set<String>? = nil, _ copy: (Node, Int) -> Node) -> Node {
        guard case .mapping(let m) = node else { return node }
        let pairs: [Node.Mapping.Pair] = m.map { key, value in
            guard let name = key.string, only?.contains(name) ?? true, case .sequence(let items) = value else { return (key, value) }
            var all = Array(items)
            for k in 1..<max(1, scale) { all += items.filter { $0.child("id") != nil }.map { copy($0, k) } }
            return (key, .sequence(Node.Sequence(all)))
        }
        return .mapping(Node.Mapping(pairs))
    }

    static func rename(_ node: Node, _ k: Int, ids: Set<String>, names: Set<String>, nameLists: Set<String> = [], set: [String: String] = [:]) -> Node {
        guard case .mapping(let m) = node else { return node }
        let pairs: [Node.Mapping.Pair] = m.map { key, value in
            guard let name = key.string else { return (key, value) }
            if ids.contains(name) { return (key, suffixed(value, "-c\(k)")) }
            if names.contains(name) { return (key, suffixed(value, " c\(k)")) }
            if nameLists.contains(name), case .sequence(let s) = value {
                return (key, .sequence(Node.Sequence(s.map { suffixed($0, " c\(k)") })))
            }
            if let v = set[name] { return (key, Node(v)) }
            return (key, value)
        }
        return .mapping(Node.Mapping(pairs))
    }

    static func suffixed(_ node: Node, _ suffix: String) -> Node {
        guard let s = node.string else { return node }
        return Node(s + suffix)
    }
}
