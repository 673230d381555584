#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A link of the guide's text as JSON for people and scripts: the words shown, the target as in
/// the YAML (`g:id`, `a:id` or a page, table or figure id) and the title of what it points at.
public struct LinkJSON: Encodable, Sendable, Equatable {
    public var label: String
    public var target: String
    public var title: String?

    /// Every link in `texts`, in order, each target once.
    public static func links(in texts: [String], guide: Guide) -> [LinkJSON] {
        var seen: Set<String> = []
        return texts.filter(InlineParser.hasLink).flatMap(InlineParser.parse).compactMap { inline in
            guard case .link(let label, let target) = inline else { return nil }
            let id = guide.linkID(target)
            guard seen.insert(id).inserted else { return nil }
            return LinkJSON(label: label, target: id, title: guide.title(ofLink: id))
        }
    }
}

/// An id with the title of what it names (`related`, `see`, `used_in` in JSON).
public struct NamedID: Encodable, Sendable, Equatable {
    public var id: String
    public var title: String?
}

extension Guide {
    /// A link target as the YAML writes it; a `[[term]]` becomes its entry's `g:id`.
    public func linkID(_ target: LinkTarget) -> String {
        switch target {
        case .page(let id): return id
        case .glossary(let id): return "g:" + id
        case .architecture(let id): return "a:" + id
        case .glossaryTerm(let term): return "g:" + (glossaryEntry(forTerm: term)?.id ?? term)
        }
    }

    /// The title of what an id names: a page, section, table or figure, `g:id` or `a:id`.
    public func title(ofLink id: String) -> String? {
        if id.hasPrefix("g:") { return glossaryEntry(String(id.dropFirst(2)))?.term }
        if id.hasPrefix("a:") { return architecture(String(id.dropFirst(2)))?.name }
        if let p = page(id) { return InlineParser.plain(p.page.title) }
        if let t = table(id) { return InlineParser.plain(t.table.title) }
        let figure = pageID(showing: id).flatMap(page)?.page.blocks.lazy.compactMap { b -> Figure? in
            if case .figure(let f) = b, f.id == id { return f }
            return nil
        }.first
        return figure.map { InlineParser.plain($0.title) }
    }
}

/// JSON meant for people and bots (`show`, `compare`, `glossary` with `--json`): any value encoded
/// as usual, then every string holding link markup replaced by the text a reader sees, and the links
/// listed apart at the top (`links`, with ids and titles). The one place JSON output loses markup;
/// `nnguide export` keeps the YAML's own.
public enum PeopleJSON {
    public static func string<T: Encodable>(_ value: T, guide: Guide) throws -> String {
        let tree = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
        var texts: [String] = []
        var plain = tree.mapStrings { s in
            guard InlineParser.hasLink(s) else { return s }
            texts.append(s)
            return InlineParser.plain(s)
        }
        if case .object(var o) = plain, !texts.isEmpty {
            let links = LinkJSON.links(in: texts, guide: guide)
            o["links"] = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(links))
            plain = .object(o)
        }
        return try JSONOutput.string(plain)
    }
}

/// Any JSON value, to rewrite encoded output.
indirect enum JSONValue: Codable, Equatable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    func mapStrings(_ f: (String) -> String) -> JSONValue {
        switch self {
        case .string(let s): return .string(f(s))
        case .array(let a): return .array(a.map { $0.mapStrings(f) })
        // Keys in sorted order, so what `f` sees comes in the order the output shows it.
        case .object(let o): return .object(Dictionary(uniqueKeysWithValues: o.keys.sorted().map { ($0, o[$0]!.mapStrings(f)) }))
        default: return self
        }
    }
}
