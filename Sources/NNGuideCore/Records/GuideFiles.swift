#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Where a guide was read from, its Content folder and its overlays' folders, and the short
/// fingerprint of those files' bytes that a record keeps as the guide's version (issue 24): two
/// records with the same fingerprint were decided on the same words, whatever nnguide's version.
///
/// The fingerprint is worked out the first time a record asks for it, not when the guide loads: a
/// start from the cache reads no content file at all, and hashing half a megabyte on every start
/// would be paid by everyone for what only records use. The bytes are hashed as the compiled
/// guide's key hashes them (`CompiledGuide.Key.hashBytes`).
public final class GuideFiles: @unchecked Sendable, Equatable {
    public let content: String
    public let overlays: [String]
    private let lock = Condition()
    private var computed: String??

    public init(content: String, overlays: [String] = []) {
        self.content = content
        self.overlays = overlays
    }

    /// Twelve hex digits of a hash of every content and overlay file, with their names; nil when a
    /// file cannot be read (a record then keeps no fingerprint rather than a wrong one).
    public var fingerprint: String? {
        lock.withLock {
            if let computed { return computed }
            let value = Self.hash(content: content, overlays: overlays)
            computed = .some(value)
            return value
        }
    }

    static func hash(content: String, overlays: [String]) -> String? {
        var h = FNV()
        let folders = [(content, Reader(root: content).contentFiles())] + overlays.map { ($0, Overlay.files(in: $0)) }
        for (folder, names) in folders {
            let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            for name in names {
                h.add(name)
                guard CompiledGuide.Key.hashBytes(of: name, in: fd, into: &h) else { return nil }
            }
        }
        return String(hex(h.value).prefix(12))
    }

    public static func == (a: GuideFiles, b: GuideFiles) -> Bool { a.content == b.content && a.overlays == b.overlays }
}

extension Overlay {
    /// The files of an overlay folder that the overlay reader reads, in a fixed order.
    static func files(in directory: String) -> [String] {
        let reader = Reader(root: directory)
        let single = [file, ContentLoader.glossaryFile, ContentLoader.catalogFile, ContentLoader.decisionsFile, ContentLoader.sourcesFile]
        return single.filter { access(reader.path($0), F_OK) == 0 } + reader.pageFiles()
    }
}
