#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The load as a build cache has it: each content file is parsed and checked once per edit, and
/// what that produced is kept in an entry of its own (`FileEntry`), keyed by the file's identity
/// (size, inode, modification and change times), the executable's and a format version. A load reads
/// the entries of unchanged files and parses only the changed ones; the cross-file step then
/// resolves every file's references (links, `see`, `used_in`, catalog ids) against the ids of all
/// files, so editing one page costs parsing that page, not the guide.
///
/// The result is that of `ContentLoader.read` on the same folder: the same guide and the same
/// problems, in the same order (IncrementalLoadTests compares the two over edits of every kind).
/// Where a per-file result would not be exact, the whole folder is read as `ContentLoader.read`
/// reads it: an id defined in two files (a duplicate, already a problem: the first definition's
/// location and the later blocks' locations come from other files), or a page, table or figure id
/// holding a `:` (it could collide with the loader's own location keys).
///
/// decisions.yaml's checks run the recommender over the catalog, so they are kept apart in
/// `decisions.checks`, keyed by the identities of decisions.yaml and catalog.yaml together.
///
/// Entries live in `files-HASH/` (content folder and executable) under the cache folder, one file
/// per content file; an unreadable, corrupt or foreign entry is parsed again, and an unwritable
/// folder only means nothing is kept.
struct IncrementalLoad {
    static let format = "nnguide-entry 4"

    let contentDirectory: String
    let folder: String

    init(contentDirectory: String, cacheDirectory: String) {
        self.contentDirectory = contentDirectory
        folder = Self.entryFolder(for: contentDirectory, in: cacheDirectory)
    }

    /// The folder of `directory`'s entries (a content folder's or an overlay's) for this executable.
    static func entryFolder(for directory: String, in cacheDirectory: String) -> String {
        var name = FNV()
        name.add(ContentCache.absolute(directory))
        name.add(CacheKey.executablePath())
        return cacheDirectory + "/files-" + hex(name.value)
    }

    enum Kind { case page, sources, glossary, catalog, decisions }

    /// One content file in this load: its summary, and its value decoded or still as stored.
    final class Part {
        let file: String
        let kind: Kind
        var summary: FileSummary
        /// The value as the entry holds it (`BinaryValue.frame`d).
        var stored: Data?
        var value: Value?
        /// A parsed page file's titles for `nnguide toc` (`PageOutline`), kept in its entry.
        var outline: PageOutline?
        /// Where the value is when it was not read with the summary (lint): the entry and its key.
        var entry: (path: String, key: String)?
        init(file: String, kind: Kind, summary: FileSummary, stored: Data?, value: Value?) {
            self.file = file; self.kind = kind; self.summary = summary; self.stored = stored; self.value = value
        }

        /// The value, decoded from the entry when it was not parsed; nil when the entry's value is
        /// damaged, old or unreadable (the caller then reads the whole folder from YAML).
        func decoded() -> Value? {
            if let value { return value }
            if stored == nil, let entry, let data = mappedFile(entry.path) { stored = FileEntry.split(data, key: entry.key)?.value }
            guard let stored else { return nil }
            value = stored.withUnsafeBytes { raw -> Value? in
                guard let bytes = BinaryValue.unframe(raw) else { return nil }
                switch kind {
                case .page: return BinaryValue.readList(Page.self, from: bytes).map { .page($0.first) }
                case .sources: return BinaryValue.readList(Source.self, from: bytes).map(Value.sources)
                case .glossary: return BinaryValue.readList(GlossaryEntry.self, from: bytes).map(Value.glossary)
                case .catalog: return BinaryValue.read(Catalog.self, from: bytes).map(Value.catalog)
                case .decisions: return BinaryValue.read(DecisionBook.self, from: bytes).map(Value.decisions)
                }
            }
            return value
        }
    }

    enum Value {
        case page(Page?)
        case sources([Source])
        case glossary([GlossaryEntry])
        case catalog(Catalog)
        case decisions(DecisionBook)

        /// The value framed for its entry (a page file's as a list of its page, or of none).
        func framed() -> [UInt8]? {
            let bytes: [UInt8]?
            switch self {
            case .page(let p): bytes = BinaryValue.encode(p.map { [$0] } ?? [])
            case .sources(let s): bytes = BinaryValue.encode(s)
            case .glossary(let g): bytes = BinaryValue.encode(g)
            case .catalog(let c): bytes = BinaryValue.encode(c)
            case .decisions(let d): bytes = BinaryValue.encode(d)
            }
            return bytes.map(BinaryValue.frame)
        }
    }

    static func entryName(_ file: String) -> String {
        file.hasPrefix(ContentLoader.pagesFolder + "/") ? "p." + file.dropFirst(ContentLoader.pagesFolder.count + 1) : file
    }
    static let decisionChecksEntry = "decisions.checks"
    /// Written when a whole check of the folder found no error, keyed on the files other than page
    /// files; removed when one found an error (`nnguide toc` reads it: `ContentsLoad.swift`).
    static let verdictEntry = "checked"

    /// What a load gives: `ContentLoader.read`'s guide and problems and, with the guide, the parts it
    /// was joined from (whose values make the whole-guide cache's, not encoded again).
    struct Loaded {
        var guide: Guide?
        var problems: [ContentProblem]
        var parts: [Part]? = nil
        /// How many content files were parsed because their entries did not hold, and how many were
        /// read from their entries.
        var parsed = 0, reused = 0
        /// The guide's value as the whole-guide cache stores it; joined only when asked for, since at
        /// 100x it is an 80 MB buffer (`ContentCache.load` writes it only when nothing was parsed).
        var stored: [UInt8]? { parts.flatMap(IncrementalLoad.wholeValue) }
    }

    /// What `ContentLoader.read` gives for the folder; `guide: false` leaves the guide nil (lint),
    /// so no unchanged file's value is decoded.
    func read(guide wantGuide: Bool) -> Loaded {
        var parsed: [String] = []
        return read(guide: wantGuide, parsed: &parsed)
    }

    /// `parsed`: the files whose entries did not hold, so were parsed (for tests and the trace).
    func read(guide wantGuide: Bool, parsed: inout [String]) -> Loaded {
        let whole = { () -> Loaded in let (g, p) = ContentLoader.read(directory: contentDirectory); return Loaded(guide: g, problems: p) }
        guard let files = examine() else { return whole() }
        let keys = files.map(\.key)
        // Which entries still hold; the rest are parsed, composed ahead on the other core.
        var parts: [Part?] = files.map { f in f.key.flatMap { stored(file: f.file, kind: f.kind, key: $0, value: wantGuide) } }
        let stale = files.indices.filter { parts[$0] == nil }
        parsed = stale.map { files[$0].file }
        for (i, part) in zip(stale, parse(stale.map { files[$0] }, all: files.map(\.file))) { parts[i] = part }
        let all = parts.map { $0! }
        var loaded = merge(all, decisionsKey: decisionsKey(keys), wantGuide: wantGuide)
        recordVerdict(clean: loaded.problems.errors.isEmpty, key: verdictKey(files))
        (loaded.parsed, loaded.reused) = (stale.count, files.count - stale.count)
        return loaded
    }

    /// The content files in load order (pages, sources, glossary, catalog, decisions), each with the
    /// key its entry must hold (nil when the file cannot be examined: it is parsed every time). Nil
    /// when the folder or the executable cannot be examined (the whole folder is read instead).
    func examine() -> [(file: String, kind: Kind, key: String?)]? {
        guard Path.kind(contentDirectory) == .folder else { return nil }
        // The executable's identity is in every key: a new build may read or check differently.
        var base = FNV()
        base.add(Self.format)
        guard base.addIdentity(of: CacheKey.executablePath(), in: AT_FDCWD) else { return nil }
        let content = open(contentDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard content >= 0 else { return nil }
        defer { close(content) }
        let reader = Reader(root: contentDirectory)
        let files: [(String, Kind)] = reader.pageFiles().map { ($0, .page) } + reader.sourcesFiles().map { ($0, .sources) }
            + [(ContentLoader.glossaryFile, .glossary), (ContentLoader.catalogFile, .catalog), (ContentLoader.decisionsFile, .decisions)]
        return files.map { file, kind in
            var hash = base
            hash.add(file)
            return (file, kind, hash.addIdentity(of: file, in: content) ? hex(hash.value) : nil)
        }
    }

    /// Parses `stale` (composed ahead on the other core) and writes their entries; then deletes the
    /// entries of files no longer there (`all`: every content file now).
    func parse(_ stale: [(file: String, kind: Kind, key: String?)], all: [String]) -> [Part] {
        var parts: [Part] = []
        if !stale.isEmpty {
            let reader = Reader(root: contentDirectory)
            let ahead = ComposeAhead(paths: stale.map { reader.path($0.file) })
            defer { ahead.stop() }
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (n, f) in stale.enumerated() {
                let part = parse(file: f.file, kind: f.kind, ahead: (ahead, n))
                parts.append(part)
                if let key = f.key { store(part, key: key) }
            }
        }
        // Entries of removed or renamed files go (a listing of the folder: well under a millisecond).
        prune(keep: Set(all.map(Self.entryName)))
        return parts
    }

    /// decisions.yaml's checks depend on the catalog as well: keyed by both files' keys.
    func decisionsKey(_ keys: [String?]) -> String? {
        guard keys.count >= 2, let catalog = keys[keys.count - 2], let decisions = keys[keys.count - 1] else { return nil }
        var hash = FNV()
        hash.add(catalog); hash.add(decisions)
        return hex(hash.value)
    }

    // MARK: one file

    /// Reads one file as the whole load would (a fresh `Reader`), and checks it with every reference
    /// to another file deferred.
    func parse(file: String, kind: Kind, ahead: (ComposeAhead, Int)? = nil) -> Part {
        var reader = Reader(root: contentDirectory)
        if let (composer, index) = ahead { reader.ahead = composer; reader.aheadIndex = [file: index] }
        var s = FileSummary()
        let value: Value
        var partial = Guide(pages: [], glossary: [], catalog: Catalog(), decisions: DecisionBook())
        switch kind {
        case .page:
            let page = reader.pageFile(file)
            value = .page(page)
            if let page {
                partial = Guide(pages: [page], glossary: [], catalog: Catalog(), decisions: DecisionBook())
                s.topPages = 1
            }
            s.pageIDs = partial.readingOrder.map(\.id)
            s.tableIDs = partial.tables.map(\.table.id)
            s.figureIDs = partial.figures.map(\.figure.id)
        case .sources:
            let sources = reader.sourcesFile()
            value = .sources(sources)
            partial = Guide(pages: [], glossary: [], catalog: Catalog(), decisions: DecisionBook(), sources: sources)
            s.sourceIDs = sources.map(\.id)
        case .glossary:
            let glossary = reader.glossaryFile()
            value = .glossary(glossary)
            partial = Guide(pages: [], glossary: glossary, catalog: Catalog(), decisions: DecisionBook())
            s.glossaryIDs = glossary.map(\.id)
            s.terms = glossary.flatMap { [$0.term] + $0.aliases }.map(Guide.normalize)
        case .catalog:
            let catalog = reader.catalogFile()
            value = .catalog(catalog)
            partial = Guide(pages: [], glossary: [], catalog: catalog, decisions: DecisionBook())
            s.architectureIDs = catalog.architectures.map(\.id)
        case .decisions:
            let book = reader.decisionsFile()
            value = .decisions(book)
            s.cited = book.citedSourceIDs.sorted()
        }
        if kind != .decisions { s.cited = partial.citedSourceIDs.sorted() }
        s.problems = reader.problems
        s.fatal = reader.fatal
        s.undecoded = reader.undecoded.sorted()
        // A page file's block locations are only needed by its own checks, done here.
        s.locations = kind == .page ? reader.locations.filter { !$0.key.hasPrefix("block:") } : reader.locations
        var deferred: [CheckRecord] = []
        if !reader.fatal, kind != .decisions {
            var checks = ContentChecks(guide: partial, locations: reader.locations, undecoded: reader.undecoded, deferring: true)
            switch kind {
            case .page: checks.checkPages()
            case .sources: checks.checkSourceEntries()
            case .glossary: checks.checkGlossary()
            case .catalog: checks.checkCatalog()
            case .decisions: break
            }
            deferred = checks.deferred ?? []
            var w = EntryWriter()
            w.records(deferred)
            s.checks = w.bytes
        }
        let part = Part(file: file, kind: kind, summary: s, stored: nil, value: value)
        if case .page(let page) = value {
            part.outline = PageOutline(page: page, problems: reader.problems, fatal: reader.fatal, checks: deferred)
        }
        return part
    }

    /// The checks of decisions.yaml, run with the catalog (the examples are replayed through the
    /// recommender): the records, then what the replay found.
    func decisionChecks(decisions: Part, catalog: Part) -> [UInt8]? {
        guard case .decisions(let book)? = decisions.decoded(), case .catalog(let cat)? = catalog.decoded() else { return nil }
        let partial = Guide(pages: [], glossary: [], catalog: cat, decisions: book)
        let locations = decisions.summary.locations.merging(catalog.summary.locations) { own, _ in own }
        var checks = ContentChecks(guide: partial, locations: locations,
                                   undecoded: Set(decisions.summary.undecoded + catalog.summary.undecoded), deferring: true)
        checks.checkTrees()
        var w = EntryWriter()
        w.records(checks.deferred ?? [])
        w.replay(checks.replay)
        return w.bytes
    }

    // MARK: entries

    func path(_ entry: String) -> String { folder + "/" + entry }

    /// The entry of `file` when it holds `key`; with `value` false only its summary is read (two
    /// `pread`s: mapping 1,400 entries would fault in 64 KiB of each, 90 MB at 100x).
    func stored(file: String, kind: Kind, key: String, value: Bool) -> Part? {
        let entryPath = path(Self.entryName(file))
        let summaryBytes: Data, stored: Data?
        if value {
            guard let data = mappedFile(entryPath), let (s, v) = FileEntry.split(data, key: key) else { return nil }
            (summaryBytes, stored) = (s, v)
        } else {
            guard let s = FileEntry.readSummary(entryPath, key: key) else { return nil }
            (summaryBytes, stored) = (s, nil)
        }
        let summary: FileSummary? = summaryBytes.withUnsafeBytes { raw in
            var r = EntryReader(raw)
            guard let s = try? r.summary(), r.atEnd else { return nil }
            return s
        }
        guard let summary else { return nil }
        let part = Part(file: file, kind: kind, summary: summary, stored: stored, value: nil)
        if stored == nil { part.entry = (entryPath, key) }
        return part
    }

    func store(_ part: Part, key: String) {
        guard let framed = part.value?.framed() else { return }
        part.stored = Data(framed)
        var w = EntryWriter()
        w.summary(part.summary)
        FileEntry.write(FileEntry.encode(key: key, summary: w.bytes, outline: part.outline?.bytes ?? [], value: framed),
                        to: path(Self.entryName(part.file)))
    }

    /// Entries of files that are gone (removed or renamed) are deleted; so are the entry folders of
    /// other content folders beyond the newest `ContentCache.keep`.
    func prune(keep: Set<String>) {
        let fm = FileManager.default
        if let names = try? fm.contentsOfDirectory(atPath: folder) {
            for name in names where !keep.contains(name) && name != Self.decisionChecksEntry && name != Self.verdictEntry && !name.contains(".tmp-") {
                unlink(path(name))
            }
        }
        let parent = ContentLocator.parent(folder)
        guard let names = try? fm.contentsOfDirectory(atPath: parent) else { return }
        let folders = names.filter { $0.hasPrefix("files-") }.map { parent + "/" + $0 }
        guard folders.count > ContentCache.keep else { return }
        let dated = folders.map { ($0, (try? fm.attributesOfItem(atPath: $0)[.modificationDate] as? Date) ?? .distantPast) }
        for (path, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(ContentCache.keep) where path != folder {
            try? fm.removeItem(atPath: path)
        }
    }

    // MARK: the cross-file step

    func merge(_ parts: [Part], decisionsKey: String?, wantGuide: Bool) -> Loaded {
        let full = { () -> Loaded in let (g, p) = ContentLoader.read(directory: contentDirectory); return Loaded(guide: g, problems: p) }
        var problems: [ContentProblem] = []
        var fatal = false
        var defined: [String: SourceLocation] = [:]
        var undecoded: Set<String> = []
        for part in parts {
            problems += part.summary.problems
            fatal = fatal || part.summary.fatal
            undecoded.formUnion(part.summary.undecoded)
            if part.kind == .page {
                for id in part.summary.pageIDs + part.summary.tableIDs + part.summary.figureIDs where id.contains(":") { return full() }
            }
            for (key, location) in part.summary.locations {
                // An id in two files: the whole load reports it, and takes locations from both.
                if defined.updateValue(location, forKey: key) != nil { return full() }
            }
        }
        guard !fatal else { return Loaded(guide: nil, problems: problems) }

        let pages = parts.filter { $0.kind == .page }
        let glossary = parts.first { $0.kind == .glossary }!.summary
        let catalogPart = parts.first { $0.kind == .catalog }!
        let decisionsPart = parts.first { $0.kind == .decisions }!
        let sourcesPart = parts.first { $0.kind == .sources }
        let cross = CrossFileCheck(ids: SummaryIDs(parts), undecoded: undecoded, at: { defined[$0] ?? ContentChecks.defaultLocation($0) })

        var checks = cross.leading(pages: pages.reduce(0) { $0 + $1.summary.topPages }, glossary: glossary.glossaryIDs.count,
                                   architectures: catalogPart.summary.architectureIDs.count, tableIDs: pages.flatMap(\.summary.tableIDs))
        // A part's records, in order: a problem, or a reference that is a problem only when it does not
        // resolve (then its location and message are read; otherwise they are skipped unread).
        func emit(_ r: inout EntryReader) -> Bool {
            guard let n = try? r.count() else { return false }
            for _ in 0..<n {
                guard let (reference, warning) = try? r.reference() else { return false }
                if let reference, cross.resolves(reference) {
                    guard (try? r.skip()) != nil else { return false }
                    continue
                }
                guard let (location, message) = try? r.recordBody() else { return false }
                checks.append(ContentProblem(location, message, severity: warning ? .warning : .error))
            }
            return true
        }
        for part in parts where part.kind != .decisions {
            let ok = part.summary.checks.withUnsafeBytes { raw in
                var r = EntryReader(raw)
                return emit(&r) && r.atEnd
            }
            guard ok else { return full() }
        }
        // decisions.yaml's part, kept under its key and the catalog's together.
        var decisionBytes: [UInt8]?
        if let decisionsKey, let data = mappedFile(path(Self.decisionChecksEntry)),
           let (bytes, _) = FileEntry.split(data, key: decisionsKey) { decisionBytes = Array(bytes) }
        if decisionBytes == nil {
            decisionBytes = decisionChecks(decisions: decisionsPart, catalog: catalogPart)
            if let decisionsKey, let bytes = decisionBytes {
                FileEntry.write(FileEntry.encode(key: decisionsKey, summary: bytes, value: []), to: path(Self.decisionChecksEntry))
            }
        }
        guard let decisionBytes else { return full() }
        let replay: ReplayRecord? = decisionBytes.withUnsafeBytes { raw in
            var r = EntryReader(raw)
            guard emit(&r), let replay = try? r.replay(), r.atEnd else { return nil }
            return replay
        }
        // The whole load replays the examples only when no check found a problem before.
        switch replay {
        case nil: return full()
        case .notReached?: break
        case .skipped?: if checks.errors.isEmpty { return full() }   // cannot be: this part's own problems are among them
        case .ran(let found)?: if checks.errors.isEmpty { checks += found.map { ContentProblem($0.location, $0.message) } }
        }
        problems += checks
        problems += cross.trailing(sources: sourcesPart?.summary.sourceIDs ?? [], cited: Set(parts.flatMap(\.summary.cited)))

        guard wantGuide else { return Loaded(guide: nil, problems: problems) }
        var pageValues: [Page] = []
        var glossaryValue: [GlossaryEntry] = []
        var catalogValue = Catalog()
        var decisionsValue = DecisionBook()
        var sourcesValue: [Source] = []
        for part in parts {
            switch part.decoded() {
            case .page(let p)?: if let p { pageValues.append(p) }
            case .sources(let s)?: sourcesValue = s
            case .glossary(let g)?: glossaryValue = g
            case .catalog(let c)?: catalogValue = c
            case .decisions(let d)?: decisionsValue = d
            case nil: return full()
            }
        }
        let guide = Guide(pages: pageValues, glossary: glossaryValue, catalog: catalogValue, decisions: decisionsValue, sources: sourcesValue)
        return Loaded(guide: guide, problems: problems, parts: parts)
    }

    /// `GuideParts` framed as the whole-guide cache stores it, from the entries' own values: a page
    /// file's list of one page gives its page. Nil when an entry's value does not check out.
    ///
    /// Written once, into a buffer of its final size, straight from the mapped entries: at 100x the
    /// value is tens of megabytes, and each intermediate copy cost a tenth of `toc` after an edit,
    /// most of it in page faults.
    static func wholeValue(_ parts: [Part]) -> [UInt8]? {
        // Each part's value as stored (a parsed part's framed now), and what of it goes in.
        var framed: [Data] = []
        for part in parts {
            guard let stored = part.stored ?? part.value?.framed().map({ Data($0) }) else { return nil }
            framed.append(stored)
        }
        // First pass: the pages' elements (count and bytes) and where the other four values are.
        var pageCount = 0, pageBytes = 0
        var rest: [String: Int] = [:]   // key -> index of the part
        for (i, part) in parts.enumerated() {
            let ok = framed[i].withUnsafeBytes { raw -> Bool in
                guard let value = BinaryValue.unframe(raw) else { return false }
                guard part.kind == .page else { return true }
                guard let (start, count, end) = try? BinaryValue.elements(value, 0, .array) else { return false }
                pageCount += count
                pageBytes += end - start
                return true
            }
            guard ok else { return nil }
            switch part.kind {
            case .page: break
            case .sources: rest["sources"] = i
            case .glossary: rest["glossary"] = i
            case .catalog: rest["catalog"] = i
            case .decisions: rest["decisions"] = i
            }
        }
        let noSources = BinaryValue.encode([Source]()) ?? []
        func valueCount(_ key: String) -> Int {
            guard let i = rest[key] else { return key == "sources" ? noSources.count : 0 }
            return framed[i].count - BinaryValue.frameHeader
        }
        let keys = ["glossary", "catalog", "decisions", "sources"]
        guard keys.dropLast().allSatisfy({ rest[$0] != nil }) else { return nil }
        let pagesPayload = BinaryValue.varintCount(UInt64(pageCount)) + pageBytes
        var bodyCount = 1 + "pages".utf8.count + 1 + BinaryValue.varintCount(UInt64(pagesPayload)) + pagesPayload
        for key in keys { bodyCount += 1 + key.utf8.count + valueCount(key) }
        let mapPayload = 1 + bodyCount   // the count of five is one byte

        // Second pass: written in place behind the frame's header, which is filled in last.
        var out = [UInt8](repeating: 0, count: BinaryValue.frameHeader)
        out.reserveCapacity(BinaryValue.frameHeader + 1 + BinaryValue.varintCount(UInt64(mapPayload)) + mapPayload)
        out.append(BinaryValue.Tag.map.rawValue)
        BinaryValue.varint(UInt64(mapPayload), into: &out)
        BinaryValue.varint(5, into: &out)
        BinaryValue.string("pages", into: &out)
        out.append(BinaryValue.Tag.array.rawValue)
        BinaryValue.varint(UInt64(pagesPayload), into: &out)
        BinaryValue.varint(UInt64(pageCount), into: &out)
        for (i, part) in parts.enumerated() where part.kind == .page {
            framed[i].withUnsafeBytes { raw in
                let value = BinaryValue.unframe(raw)!
                let (start, _, end) = try! BinaryValue.elements(value, 0, .array)
                out += UnsafeRawBufferPointer(rebasing: value[start..<end])
            }
        }
        for key in keys {
            BinaryValue.string(key, into: &out)
            if let i = rest[key] {
                framed[i].withUnsafeBytes { raw in out += UnsafeRawBufferPointer(rebasing: raw[BinaryValue.frameHeader...]) }
            } else {
                out += noSources
            }
        }
        BinaryValue.frameInPlace(&out)
        return out
    }
}

/// The ids of every file, from the entries' summaries: what the cross-file check looks up in merge.
struct SummaryIDs: GuideIDs {
    let pages: Set<String>, shown: Set<String>, glossary: Set<String>, terms: Set<String>, architectures: Set<String>, sources: Set<String>

    init(_ parts: [IncrementalLoad.Part]) {
        let summaries = parts.map(\.summary)
        pages = Set(summaries.flatMap(\.pageIDs))
        shown = pages.union(summaries.flatMap { $0.tableIDs + $0.figureIDs })
        glossary = Set(summaries.flatMap(\.glossaryIDs))
        terms = Set(summaries.flatMap(\.terms))
        architectures = Set(summaries.flatMap(\.architectureIDs))
        sources = Set(parts.filter { $0.kind == .sources }.flatMap(\.summary.sourceIDs))
    }

    func isPage(_ id: String) -> Bool { pages.contains(id) }
    func isShown(_ id: String) -> Bool { shown.contains(id) }
    func isGlossary(_ id: String) -> Bool { glossary.contains(id) }
    func isTerm(_ key: String) -> Bool { terms.contains(key) }
    func isArchitecture(_ id: String) -> Bool { architectures.contains(id) }
    func isSource(_ id: String) -> Bool { sources.contains(id) }
}
