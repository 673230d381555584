#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Reads Content/ into a `Guide`. Never half-loads: either every file is valid, or a `ContentError`
/// lists every problem found, each with its file, line and column.
public enum ContentLoader {
    public static let glossaryFile = "glossary.yaml"
    public static let catalogFile = "catalog.yaml"
    public static let decisionsFile = "decisions.yaml"
    /// The bibliography. Optional: a content folder without it cites nothing.
    public static let sourcesFile = "sources.yaml"
    public static let pagesFolder = "pages"

    /// Loads and fully validates the content in `directory`.
    public static func load(directory: String) throws(ContentError) -> Guide {
        let (guide, problems) = read(directory: directory)
        guard let guide, problems.errors.isEmpty else { throw ContentError(problems.errors) }
        return guide
    }

    /// Every problem in the content (empty when it is clean).
    public static func lint(directory: String) -> [ContentProblem] {
        read(directory: directory).problems
    }

    /// Parses and checks; the guide is nil when a file could not be read at all.
    public static func read(directory: String) -> (guide: Guide?, problems: [ContentProblem]) {
        let r = located(directory: directory)
        return (r.guide, r.problems)
    }

    /// `read`, with where each item is defined: what `lint --stale` and `nnguide sources` print
    /// (`Guide.evidenceItems` keys; `location(of:in:)`). `inTurn`: one reader reads the files one
    /// after another, as the load falls back to (tests compare the two).
    public static func located(directory: String, inTurn: Bool = false) -> (guide: Guide?, problems: [ContentProblem], locations: [String: SourceLocation]) {
        var reader = Reader(root: directory)
        guard Path.kind(directory) == .folder else {
            return (nil, [ContentProblem(SourceLocation(file: directory), "content folder not found (expected a folder holding pages/, glossary.yaml, catalog.yaml and decisions.yaml)")], [:])
        }
        let files: [(name: String, kind: IncrementalLoad.Kind)] = reader.pageFiles().map { ($0, .page) } + reader.sourcesFiles().map { ($0, .sources) }
            + [(ContentLoader.glossaryFile, .glossary), (ContentLoader.catalogFile, .catalog), (ContentLoader.decisionsFile, .decisions)]
        // Each file is read by a reader of its own, on every core, and what each found is then added
        // in file order: what one reader reading them in turn finds, unless a file places an id an
        // earlier one placed (a duplicate, already an error). Then the files are read again in turn,
        // so the message names the first place as a whole load does. The files after the pages are
        // the largest (together half the YAML at 100x), so they are started first.
        var values: [IncrementalLoad.Value] = []
        var joined = !inTurn
        if joined {
            let reads = ParallelWork.map(files.count, order: files.indices.reversed().map { $0 }) { i -> (IncrementalLoad.Value, Reader) in
                var own = Reader(root: directory)
                return (own.read(files[i].name, as: files[i].kind), own)
            }
            values = reads.map(\.0)
            reader.locations.reserveCapacity(reads.reduce(0) { $0 + $1.1.locations.count })
            for read in reads where joined { joined = reader.add(read.1) }
            BackgroundThread.release(consume reads)
        }
        if !joined {
            reader = Reader(root: directory)
            reader.composeAhead(files.map(\.name))
            values = files.map { reader.read($0.name, as: $0.kind) }
            reader.ahead?.stop()
        }
        var pages: [Page] = [], sources: [Source] = [], glossary: [GlossaryEntry] = [], catalog = Catalog(), decisions = DecisionBook()
        for value in values {
            switch value {
            case .page(let page): if let page { pages.append(page) }
            case .sources(let s): sources = s
            case .glossary(let g): glossary = g
            case .catalog(let c): catalog = c
            case .decisions(let d): decisions = d
            }
        }
        guard reader.fatal == false else { return (nil, reader.problems, reader.locations) }
        let guide = Guide(pages: pages, glossary: glossary, catalog: catalog, decisions: decisions, sources: sources)
        var problems = reader.problems
        var checks = ContentChecks(guide: guide, locations: reader.locations, undecoded: reader.undecoded)
        problems += checks.run()
        return (guide, problems, reader.locations)
    }

    /// Where the item with this location key (`EvidenceItem.key`) is defined.
    public static func location(of key: String, in locations: [String: SourceLocation]) -> SourceLocation {
        locations[key] ?? ContentChecks.defaultLocation(key)
    }
}

/// Per-load state: the problems found so far and where each id was defined.
struct Reader {
    let root: String
    var problems: [ContentProblem] = []
    var locations: [String: SourceLocation] = [:]
    /// A required file could not be read; cross-checks would only add noise.
    var fatal = false
    /// Ids (with their `g:`/`a:` prefix) of items reported as undecodable.
    var undecoded: Set<String> = []
    /// An overlay's items may leave `origin:` out: they are `team` whatever they say (OverlayReading).
    var originOptional = false

    init(root: String) { self.root = root }

    func pageFiles() -> [String] {
        // readdir rather than FileManager: the content cache lists the pages before the explorer's
        // first frame, where FileManager's first use alone costs a noticeable part of a millisecond.
        guard let dir = opendir(root + "/" + ContentLoader.pagesFolder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { names.append(name) }
        }
        return names.sorted().map { ContentLoader.pagesFolder + "/" + $0 }
    }

    /// Every file of a Content folder, in the order the cache keys and the fingerprint read them.
    func contentFiles() -> [String] {
        [ContentLoader.glossaryFile, ContentLoader.catalogFile, ContentLoader.decisionsFile] + sourcesFiles() + pageFiles()
    }

    /// `[sources.yaml]` when the folder has one, else none (the bibliography is optional).
    func sourcesFiles() -> [String] {
        access(path(ContentLoader.sourcesFile), F_OK) == 0 ? [ContentLoader.sourcesFile] : []
    }

    // MARK: one file of each kind (the whole load reads them in this order; the content cache one
    // by one, IncrementalLoad)

    mutating func pageFile(_ file: String) -> Page? {
        guard let node = yaml(file, expecting: "a page: a mapping with id, title, blocks and sections") else { return nil }
        return page(node, file: file)
    }

    mutating func sourcesFile() -> [Source] {
        list(ContentLoader.sourcesFile, key: "sources", prefix: "s:") ?? []
    }

    mutating func glossaryFile() -> [GlossaryEntry] {
        list(ContentLoader.glossaryFile, key: "entries", prefix: "g:") ?? []
    }

    mutating func catalogFile() -> Catalog {
        var catalog = Catalog()
        let file = ContentLoader.catalogFile
        guard let node = yaml(file, expecting: "a mapping with families, criteria and architectures") else { return catalog }
        checkKeys(node, ["families", "criteria", "architectures"], in: file, what: "catalog")
        catalog.families = items(node.child("families"), Family.self, file: file, field: "families", prefix: "family:", keys: Family.yamlKeys)
        catalog.criteria = items(node.child("criteria"), Criterion.self, file: file, field: "criteria", prefix: "criterion:", keys: Criterion.yamlKeys)
        catalog.architectures = items(node.child("architectures"), Architecture.self, file: file, field: "architectures", prefix: "a:", keys: Architecture.yamlKeys)
        return catalog
    }

    mutating func decisionsFile() -> DecisionBook {
        guard let node = yaml(ContentLoader.decisionsFile, expecting: "a mapping with trees") else { return DecisionBook() }
        return decisions(node)  // Decisions/DecisionReading.swift
    }

    /// One content file, read as the whole load reads it.
    mutating func read(_ file: String, as kind: IncrementalLoad.Kind) -> IncrementalLoad.Value {
        switch kind {
        case .page: return .page(pageFile(file))
        case .sources: return .sources(sourcesFile())
        case .glossary: return .glossary(glossaryFile())
        case .catalog: return .catalog(catalogFile())
        case .decisions: return .decisions(decisionsFile())
        }
    }

    /// Takes in what `other` found reading the next file by itself: the same as this reader reading
    /// it, when the file places no id this reader has placed (then every look-up it made gave what it
    /// would give here). False, and nothing taken, when it does.
    mutating func add(_ other: Reader) -> Bool {
        guard !other.locations.keys.contains(where: { locations[$0] != nil }) else { return false }
        problems += other.problems
        locations.merge(other.locations) { _, new in new }
        undecoded.formUnion(other.undecoded)
        fatal = fatal || other.fatal
        return true
    }

    mutating func report(_ file: String, _ mark: Mark?, _ message: String) {
        problems.append(ContentProblem(SourceLocation(file: file, line: mark?.line, column: mark?.column), message))
    }

    /// The files of this load being composed ahead (`ComposeAhead`), and each one's place in it.
    var ahead: ComposeAhead?
    var aheadIndex: [String: Int] = [:]

    mutating func composeAhead(_ files: [String]) {
        ahead = ComposeAhead(paths: files.map { path($0) })
        aheadIndex = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func path(_ file: String) -> String { Path.join(root, file) }

    /// Reads one file as YAML (`ComposedFile`), reporting binary, non-UTF-8, empty and syntax
    /// problems; composed ahead when the load asked for that, else here.
    mutating func yaml(_ file: String, expecting what: String) -> Node? {
        let composed: ComposedFile
        if let ahead, let index = aheadIndex[file] { composed = ahead.take(index) } else { composed = ComposedFile.read(path(file)) }
        switch composed {
        case .node(let node):
            return node
        case let .failed(mark, failure):
            report(file, mark, ComposedFile.message(failure, expecting: what)); fatal = true; return nil
        }
    }

    /// A NUL byte anywhere: not text. `memchr`, because `Data.contains` steps through an iterator
    /// byte by byte (4% of a load).
    static func isBinary(_ data: Data) -> Bool {
        data.withUnsafeBytes { $0.count > 0 && memchr($0.baseAddress!, 0, $0.count) != nil }
    }

    /// The file's text, or nil when it is not valid UTF-8: what `String(data:encoding: .utf8)` gives
    /// (a leading byte-order mark dropped), without Foundation's slow path through `Data`, which was
    /// 8% of a load.
    static func utf8Text(_ data: Data) -> String? {
        data.withUnsafeBytes { raw -> String? in
            var bytes = raw.bindMemory(to: UInt8.self)[...]
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            return String(validating: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
        }
    }

    /// Decodes a whole node, turning a decoding error into a problem at the offending line.
    mutating func decode<T: Decodable>(_ type: T.Type, _ node: Node, file: String) -> T? {
        do {
            return try NodeDecoder.decode(T.self, from: node)
        } catch let error as DecodingError {
            var (path, message) = Reader.explain(error)
            let at = Reader.node(at: path, in: node) ?? node
            if case let .typeMismatch(type, _) = error { message = "expected \(Reader.plainName(type)), found \(describe(at))" }
            let where_ = path.isEmpty ? "" : " (at \(Reader.pathString(path)))"
            report(file, at.mark, message + where_)
            return nil
        } catch {
            report(file, node.mark, "\(error)")
            return nil
        }
    }

    /// A type with a hand-written reader (`FieldReading`) is read by it; through `init(from:)`, for
    /// its exact problem, only when the reader finds something it does not expect.
    mutating func read<T: Decodable & FieldReadable>(_ type: T.Type, _ node: Node, file: String) -> T? {
        if case .mapping(let mapping) = node, let value = try? T(fields: mapping) { return value }
        return decode(T.self, node, file: file)
    }

    /// Decodes a list field item by item, so one bad item does not hide the others.
    mutating func items<T: Decodable & Identified & FieldReadable>(_ node: Node?, _ type: T.Type, file: String, field: String, prefix: String, keys: Set<String>) -> [T] {
        guard let node else { report(file, nil, "missing required field '\(field)' (a list)"); return [] }
        guard let seq = node.sequence else { report(file, node.mark, "'\(field)' must be a list, found \(describe(node))"); return [] }
        var out: [T] = []
        for var item in seq {
            checkKeys(item, keys, in: file, what: "\(field) item")
            if let stated = T.self as? any OriginStated.Type { item = checkOrigin(item, file: file, what: stated.originWhat) }
            guard let value = read(T.self, item, file: file) else {
                if let id = item.child("id")?.string { undecoded.insert(prefix + id) }
                continue
            }
            let loc = SourceLocation(file: file, line: item.mark?.line, column: item.mark?.column)
            if let first = locations[prefix + value.id] {
                problems.append(ContentProblem(loc, "duplicate id '\(value.id)' (first defined at \(first.description))"))
            } else {
                locations[prefix + value.id] = loc
            }
            out.append(value)
        }
        return out
    }

    /// A file whose top level is a mapping with one list under `key`.
    mutating func list<T: Decodable & Identified & YAMLKeyed & FieldReadable>(_ file: String, key: String, prefix: String) -> [T]? {
        guard let node = yaml(file, expecting: "a mapping with the list '\(key)'") else { return nil }
        checkKeys(node, [key], in: file, what: "top level")
        return items(node.child(key), T.self, file: file, field: key, prefix: prefix, keys: T.yamlKeys)
    }

    /// Flags keys a mapping should not have: almost always a typo of one it should.
    mutating func checkKeys(_ node: Node, _ allowed: Set<String>, in file: String, what: String) {
        guard let mapping = node.mapping else { return }
        for i in mapping.indices {
            let k = mapping[i].key
            guard let key = k.string, !allowed.contains(key) else { continue }
            report(file, k.mark, "unknown key '\(key)' in \(what); expected one of: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    /// Pages are decoded block by block and section by section, so every bad block is reported.
    mutating func page(_ node: Node, file: String, what: String = "page") -> Page? {
        guard let mapping = node.mapping else { report(file, node.mark, "expected a page mapping, found \(describe(node))"); return nil }
        checkKeys(node, Page.yamlKeys, in: file, what: "page")
        let checked = checkOrigin(node, file: file, what: what).mapping ?? mapping
        let head = Node.Mapping(checked.filter { $0.key.string != "blocks" && $0.key.string != "sections" }, mark: mapping.mark)
        guard var page = read(Page.self, .mapping(head), file: file) else {
            if let id = node.child("id")?.string { undecoded.insert(id) }
            return nil
        }
        let loc = SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
        if let first = locations[page.id] {
            problems.append(ContentProblem(loc, "duplicate id '\(page.id)' (first defined at \(first.description))"))
        } else { locations[page.id] = loc }
        if let blocks = node.child("blocks") {
            if let seq = blocks.sequence {
                for (i, b) in seq.enumerated() {
                    let checked = b.child("origin") == nil ? b : checkOrigin(b, file: file, what: "block")
                    if let placed = read(PlacedBlock.self, checked, file: file) {
                        locations["block:\(page.id)#\(i)"] = SourceLocation(file: file, line: b.mark?.line, column: b.mark?.column)
                        checkBlockKeys(placed.block, b, file: file)
                        page.blocks.append(placed.block)
                        page.blockOrigins.append(placed.origin)
                        page.blockEvidence.append(placed.evidence)
                    }
                }
            } else { report(file, blocks.mark, "'blocks' must be a list, found \(describe(blocks))") }
        }
        // Resolved once here, so a page from YAML equals the same page read back from the cache.
        page.blockOrigins = page.blocks.indices.map { page.origin(ofBlock: $0) }
        if page.blockEvidence.allSatisfy(\.isEmpty) { page.blockEvidence = [] }
        if let sections = node.child("sections") {
            if let seq = sections.sequence {
                for s in seq { if let sub = self.page(s, file: file, what: "section") { page.sections.append(sub) } }
            } else { report(file, sections.mark, "'sections' must be a list, found \(describe(sections))") }
        }
        return page
    }

    /// Reports a missing (not for blocks, which inherit) or unknown `origin`, at its line, and
    /// returns the node without a bad value so the rest of the item is still read and checked.
    mutating func checkOrigin(_ node: Node, file: String, what: String) -> Node {
        guard let mapping = node.mapping else { return node }
        let id = node.child("id")?.string.map { " '\($0)'" } ?? ""
        guard let value = node.child("origin") else {
            if what != "block" && !originOptional {
                report(file, node.mark, "\(what)\(id) has no origin: add `origin: guide` (the source's material), `origin: refilled` or `origin: added` (Content/README.md, \"Origins\")")
            }
            return node
        }
        if let s = value.scalar?.string, let o = Origin(rawValue: s), o.kind != .team || originOptional { return node }
        if value.scalar.flatMap({ Origin(rawValue: $0.string) })?.kind == .team {
            report(file, value.mark, "\(what)\(id): origin team is an overlay's (--overlay); the guide's own material is guide, refilled or added")
            return .mapping(Node.Mapping(mapping.filter { $0.key.string != "origin" }, mark: mapping.mark, isFlow: mapping.isFlow))
        }
        report(file, value.mark, "\(what)\(id): unknown origin \(value.scalar.map { "'\($0.string)'" } ?? "(\(describe(value)))"); expected one of: \(originOptional ? Origin.names : Origin.contentNames)")
        return .mapping(Node.Mapping(mapping.filter { $0.key.string != "origin" }, mark: mapping.mark, isFlow: mapping.isFlow))
    }

    mutating func checkBlockKeys(_ block: Block, _ node: Node, file: String) {
        switch block {
        case .table: if let t = node.child("table") { checkKeys(t, Table.yamlKeys, in: file, what: "table") }
        case .figure: if let f = node.child("figure") { checkKeys(f, Figure.yamlKeys, in: file, what: "figure") }
        case .callout: if let c = node.child("callout") { checkKeys(c, Callout.yamlKeys, in: file, what: "callout") }
        default: break
        }
        let here = SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
        if case .table(let t) = block, locations[t.id] == nil { locations[t.id] = here }
        if case .figure(let f) = block, locations[f.id] == nil { locations[f.id] = here }
    }

    // MARK: error wording

    static func explain(_ error: DecodingError) -> ([CodingKey], String) {
        switch error {
        case let .typeMismatch(type, ctx):
            return (ctx.codingPath, "expected \(plainName(type)), found something else")
        case let .valueNotFound(type, ctx):
            return (ctx.codingPath, "missing value; expected \(plainName(type))")
        case let .keyNotFound(key, ctx):
            return (ctx.codingPath, "missing required field '\(key.stringValue)'")
        case let .dataCorrupted(ctx):
            var message = ctx.debugDescription
            if let last = ctx.codingPath.last, message.contains("Cannot initialize") || message.contains("invalid") {
                let field = ctx.codingPath.last(where: { $0.intValue == nil })?.stringValue ?? last.stringValue
                if field == "kind" {
                    // A brief field's kind (decisions.yaml, brief:), a source's (sources.yaml: the item's own
                    // key) or a callout's kind (pages).
                    let first = ctx.codingPath.first?.stringValue
                    let kinds = first == "brief" ? BriefFieldKind.allCases.map(\.rawValue)
                        : first == "kind" ? Source.Kind.allCases.map(\.rawValue) : Callout.Kind.allCases.map(\.rawValue)
                    message += "; expected one of: \(kinds.joined(separator: ", "))"
                }
            }
            return (ctx.codingPath, message)
        @unknown default:
            return ([], "\(error)")
        }
    }

    static func plainName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Array") || name == "Sequence" { return "a list" }
        if name.hasPrefix("Dictionary") || name.contains("Keyed") || name == "Mapping" { return "a mapping" }
        switch name {
        case "String", "Scalar": return "text"
        case "Int": return "a whole number"
        case "Double", "Float": return "a number"
        case "Bool": return "true or false"
        default: return "a \(name) mapping"
        }
    }

    static func pathString(_ path: [CodingKey]) -> String {
        var s = ""
        for k in path {
            if let i = k.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + k.stringValue }
        }
        return s
    }

    /// The deepest node along a coding path, for the line and column of an error.
    static func node(at path: [CodingKey], in root: Node) -> Node? {
        var current = root
        for key in path {
            let next: Node?
            if let i = key.intValue, let seq = current.sequence { next = i < seq.count ? seq[i] : nil }
            else { next = current.child(key.stringValue) }
            guard let next else { break }
            current = next
        }
        return current
    }
}

func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let s): return s.string.isEmpty ? "nothing" : "the text '\(s.string.prefix(40))'"
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    }
}

/// Content items with a stable id.
protocol Identified { var id: String { get } }
/// The keys a content mapping may have, so typos are caught.
protocol YAMLKeyed { static var yamlKeys: Set<String> { get } }

/// Content items that must state their `origin` in YAML; the name is what a message calls them.
protocol OriginStated { static var originWhat: String { get } }

extension GlossaryEntry: Identified, YAMLKeyed, OriginStated {
    static let yamlKeys: Set<String> = ["id", "term", "aliases", "definition", "related", "used_in", "source_glossary", "origin", "see", "sources", "reviewed"]
    static var originWhat: String { "glossary entry" }
}
extension Architecture: Identified, YAMLKeyed, OriginStated {
    static let yamlKeys: Set<String> = ["id", "name", "short", "family", "fits", "summary", "data", "variants", "strengths", "limitations", "cost", "traits", "deep_dive", "glossary", "origin", "sources", "reviewed"]
    static var originWhat: String { "catalog entry" }
}
extension Family: Identified, YAMLKeyed { static let yamlKeys: Set<String> = ["id", "name", "principle"] }
extension Criterion: Identified, YAMLKeyed { static let yamlKeys: Set<String> = ["id", "name", "help"] }
extension Page: YAMLKeyed { static let yamlKeys: Set<String> = ["id", "title", "short", "summary", "origin", "blocks", "sections", "sources", "reviewed"] }
extension Source: Identified, YAMLKeyed { static let yamlKeys: Set<String> = ["id", "title", "authors", "organisation", "year", "kind", "url"] }
extension Table: YAMLKeyed { static let yamlKeys: Set<String> = ["id", "title", "caption", "columns", "rows", "architectures", "notes"] }
extension Figure: YAMLKeyed { static let yamlKeys: Set<String> = ["id", "title", "caption", "tree"] }
extension Callout: YAMLKeyed { static let yamlKeys: Set<String> = ["kind", "title", "text"] }
