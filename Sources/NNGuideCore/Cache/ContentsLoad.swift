#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `nnguide toc` from the per-file entries' outlines (`PageOutline`): each page file's titles are read
/// from its entry, or parsed when the file changed, and no value is decoded: not the pages' blocks,
/// the glossary, the catalog or the decision trees, and no whole guide is built. At 100x that is a
/// megabyte of reading instead of decoding an 80 MB guide (BENCHMARKS.md).
///
/// What it checks: each page file's own problems (YAML, schema and the checks of that file alone)
/// through its outline's `hasErrors`, and, through the verdict file (`IncrementalLoad.verdictEntry`),
/// that the last whole check of the folder found no error with the other files as they are now. What
/// it leaves to `nnguide lint` (and to every other command, which loads the whole guide): the
/// cross-file checks of page files changed since that check (`CrossFileCheck`: references between
/// files, an id defined in two files, the required parts, uncited sources). Running them means reading
/// every entry's summary, 38 MB at 100x (the glossary's and the decision checks' are most of it), which
/// costs more than the rest of `toc`; and none of them changes what `toc` lists.
extension IncrementalLoad {
    /// The guide's pages and sections with their tables' and figures' ids and titles, and nothing else.
    /// Nil when only a whole load can answer: the folder or the executable cannot be examined, no
    /// clean whole check with the other files as they are (a first load, a file other than a page
    /// file changed, an error found), or a page file has an error of its own (the whole load reports
    /// it, with every other problem, as always). Stale page files are parsed and their entries
    /// written, so the whole load that may follow parses nothing again.
    /// `parsed`: the page files parsed (for tests and the trace).
    func contents(parsed: inout [String]) -> Guide? {
        guard let files = examine(), let verdict = verdictKey(files), verdictHolds(verdict) else { return nil }
        var outlines: [PageOutline?] = []
        var stale: [(file: String, kind: Kind, key: String?)] = []
        var staleAt: [Int] = []
        for f in files where f.kind == .page {
            guard let key = f.key else { return nil }
            let outline = FileEntry.readOutline(path(Self.entryName(f.file)), key: key).flatMap { data in
                data.withUnsafeBytes { PageOutline($0) }
            }
            if outline == nil { stale.append(f); staleAt.append(outlines.count) }
            outlines.append(outline)
        }
        parsed = stale.map(\.file)
        for (i, part) in zip(staleAt, parse(stale, all: files.map(\.file))) { outlines[i] = part.outline }
        var pages: [Page] = []
        for outline in outlines {
            guard let outline, !outline.hasErrors else { return nil }
            if let page = outline.page { pages.append(page) }
        }
        return Guide(pages: pages, glossary: [], catalog: Catalog(), decisions: DecisionBook())
    }

    /// The key of the verdict: every file but the page files, as they are now.
    func verdictKey(_ files: [(file: String, kind: Kind, key: String?)]) -> String? {
        var hash = FNV()
        for f in files where f.kind != .page {
            guard let key = f.key else { return nil }
            hash.add(f.file); hash.add(key)
        }
        return hex(hash.value)
    }

    /// Keeps the verdict file saying whether the check just made found an error; it is rewritten only
    /// when what it says changes.
    func recordVerdict(clean: Bool, key: String?) {
        let file = path(Self.verdictEntry)
        guard clean, let key else { unlink(file); return }
        if verdictHolds(key) { return }
        _ = Array(key.utf8).withUnsafeBytes { writeReplacing(file, [$0]) }
    }

    /// Whether the last whole check found no error with the other files as `key` has them.
    func verdictHolds(_ key: String) -> Bool {
        guard let data = mappedFile(path(Self.verdictEntry)) else { return false }
        return data.elementsEqual(key.utf8)
    }
}
