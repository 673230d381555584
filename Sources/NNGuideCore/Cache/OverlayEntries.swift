#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// An overlay's files in the per-file cache (issue 24): what each file gave when it was read
/// (`OverlayReading.file`) is kept in an entry of its own, keyed as Content/'s entries are (the
/// file's size, inode, modification and change times, with the executable's identity and a format
/// version), so an edited overlay file is read again alone and the others come from their entries.
/// An overlay removed is simply not read; its entries go with the other content folders' beyond
/// `ContentCache.keep`. Anything that does not check out is read from YAML, as for Content/.
struct OverlayEntries {
    static let format = "nnguide-overlay-entry 2"

    let directory: String
    let folder: String

    init(directory: String, cacheDirectory: String) {
        self.directory = directory
        folder = IncrementalLoad.entryFolder(for: directory, in: cacheDirectory)
    }

    /// The overlay as `OverlayReading.read` gives it; `parsed`: the files read from YAML.
    func read(parsed: inout [String]) -> OverlayContent {
        guard Path.kind(directory) == .folder else { return OverlayReading.read(directory) }
        var base = FNV()
        base.add(Self.format)
        guard base.addIdentity(of: CacheKey.executablePath(), in: AT_FDCWD) else { return OverlayReading.read(directory) }
        let names = OverlayReading.files(directory)
        var parts: [OverlayContent] = []
        var made = false
        for name in names {
            var hash = base
            let key = Self.addFile(name, in: directory, to: &hash) ? hex(hash.value) : nil
            if let key, let part = stored(name, key: key) { parts.append(part); continue }
            parsed.append(name)
            let part = OverlayReading.file(name, in: directory)
            parts.append(part)
            if let key, let value = BinaryValue.encode(part) {
                if !made { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true); made = true }
                FileEntry.write(FileEntry.encode(key: key, summary: [], value: BinaryValue.frame(value)), to: path(name))
            }
        }
        prune(keep: Set(names.map(IncrementalLoad.entryName)))
        return OverlayReading.join(parts, directory: directory) ?? OverlayReading.whole(directory)
    }

    /// A file of an overlay as it is keyed, here and in the explorer's stored first frame: its name,
    /// size, inode and times. False when it cannot be examined.
    static func addFile(_ name: String, in directory: String, to hash: inout FNV) -> Bool {
        hash.add(name)
        return hash.addIdentity(of: Path.join(directory, name), in: AT_FDCWD)
    }

    func path(_ name: String) -> String { folder + "/" + IncrementalLoad.entryName(name) }

    func stored(_ name: String, key: String) -> OverlayContent? {
        guard let data = mappedFile(path(name)), let (_, value) = FileEntry.split(data, key: key) else { return nil }
        return value.withUnsafeBytes { raw in BinaryValue.unframe(raw).flatMap { BinaryValue.decode(OverlayContent.self, from: $0) } }
    }

    /// Entries of files the overlay no longer has go.
    func prune(keep: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !keep.contains(name) && !name.contains(".tmp-") { unlink(folder + "/" + name) }
    }
}
