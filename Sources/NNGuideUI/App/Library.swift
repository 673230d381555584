#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NNGuideCore

/// The guide plus what is derived from it and worth keeping: laid-out documents per width, the
/// search index and the glossary matcher (both from NNGuideCore/Search). Shared by every copy of the
/// app state; the caches never change what a function returns, only how fast it returns it. Each is
/// a `Memo`, the app's one cache type, keyed on everything its value depends on; this class's one
/// lock guards them all, since the library is shared by every copy of the state, which may be read
/// on any thread (it is `Sendable`).
///
/// The search index and the glossary matcher are built the first time they are asked for, not with
/// the library: a session that never searches or filters the glossary never holds them, and the
/// library built right after the first frame costs nothing until then (BENCHMARKS.md, memory).
public final class Library: @unchecked Sendable {
    public let guide: Guide
    /// Which guide this is, for every cache of what was worked out from it (a screen's layout, a
    /// brief's recommendation): a number no other library of this run has, so the whole guide
    /// arriving after the preview (`AppState.replaceLibrary`) never finds a value worked out from
    /// the preview. A number rather than the object's address, which a library made later may reuse.
    public let generation: Int
    public var index: SearchIndex { lock.lock(); defer { lock.unlock() }; return lockedIndex() }
    public var glossary: GlossaryMatcher { lock.lock(); defer { lock.unlock() }; return lockedGlossary() }
    private var builtIndex: SearchIndex?
    private var builtGlossary: GlossaryMatcher?
    private let lock = Condition()
    /// Pages laid out, by page, width and glyphs (a resize back and forth finds both widths).
    private var documents = Memo<DocKey, Document>(limit: 200)
    /// The last search: views ask for it several times per key.
    private var searches = Memo<SearchKey, SearchResults>()
    /// The last glossary filter.
    private var filters = Memo<String, [GlossaryEntry]>()

    private struct DocKey: Equatable, Sendable { let id: String; let width: Int; let glyphs: Glyphs }
    private struct SearchKey: Equatable, Sendable { let query: String; let anyWord: Bool; let snippetLength: Int }

    /// Hits per group the search view lists.
    public static let hitsPerGroup = 30

    public init(guide: Guide) {
        self.guide = guide
        generation = Self.made.withLock { Self.count += 1; return Self.count }
    }

    /// Libraries made so far, under their own lock (a library may be made on any thread).
    private static let made = Condition()
    nonisolated(unsafe) private static var count = 0

    /// Callers hold `lock`.
    private func lockedIndex() -> SearchIndex {
        if let builtIndex { return builtIndex }
        let built = SearchIndex(guide: guide)
        builtIndex = built
        return built
    }

    private func lockedGlossary() -> GlossaryMatcher {
        if let builtGlossary { return builtGlossary }
        let built = GlossaryMatcher(entries: guide.glossary)
        builtGlossary = built
        return built
    }

    /// The reading unit `id` laid out at `width`.
    public func document(_ id: String, width: Int, glyphs: Glyphs) -> Document {
        let key = DocKey(id: id, width: width, glyphs: glyphs)
        lock.lock(); defer { lock.unlock() }
        if let d = documents.peek(key) { return d }
        guard let entry = guide.page(id) else { return Document() }
        return documents.keep(key, PageLayout.document(unit: entry, guide: guide, width: width, glyphs: glyphs))
    }

    /// A document that depends only on the width and the glyphs (the help screen), built once per size.
    public func cached(_ name: String, width: Int, glyphs: Glyphs, build: (Int, Glyphs) -> Document) -> Document {
        let key = DocKey(id: "#" + name, width: width, glyphs: glyphs)
        lock.lock()
        if let d = documents.peek(key) { lock.unlock(); return d }
        lock.unlock()
        // Built outside the lock: the help document takes a while, and pages need not wait for it.
        let d = build(width, glyphs)
        lock.lock(); documents.keep(key, d); lock.unlock()
        return d
    }

    /// Search results, remembered for the last query;
    /// `anyWord` is the broader search; snippets are cut to `snippetLength` around their word.
    public func search(_ query: String, anyWord: Bool = false, snippetLength: Int = 120) -> SearchResults {
        lock.lock(); defer { lock.unlock() }
        let key = SearchKey(query: query, anyWord: anyWord, snippetLength: snippetLength)
        if let r = searches.peek(key) { return r }
        return searches.keep(key, lockedIndex().search(query, limit: Self.hitsPerGroup, snippetLength: snippetLength, anyWord: anyWord))
    }

    /// Glossary entries matching what is typed in the filter, best first.
    public func filterGlossary(_ query: String) -> [GlossaryEntry] {
        lock.lock(); defer { lock.unlock() }
        if let f = filters.peek(query) { return f }
        return filters.keep(query, lockedGlossary().matches(query).map(\.entry))
    }
}
