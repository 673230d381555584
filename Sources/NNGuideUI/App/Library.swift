import Foundation
import NNGuideCore

/// The guide plus what is derived from it and worth keeping: laid-out documents per width and the
/// search index. Shared by every copy of the app state; the caches never change what a function
/// returns, only how fast it returns it.
public final class Library: @unchecked Sendable {
    public let guide: Guide
    public let search: QuickSearch
    private let lock = NSLock()
    private var documents: [DocKey: Document] = [:]

    private struct DocKey: Hashable { let id: String; let width: Int; let ascii: Bool }

    public init(guide: Guide) {
        self.guide = guide
        self.search = QuickSearch(guide: guide)
    }

    /// The reading unit `id` laid out at `width`.
    public func document(_ id: String, width: Int, glyphs: Glyphs) -> Document {
        let key = DocKey(id: id, width: width, ascii: glyphs.ascii)
        lock.lock(); defer { lock.unlock() }
        if let d = documents[key] { return d }
        guard let entry = guide.page(id) else { return Document() }
        let d = PageLayout.document(unit: entry, guide: guide, width: width, glyphs: glyphs)
        if documents.count > 200 { documents.removeAll() }
        documents[key] = d
        return d
    }
}
