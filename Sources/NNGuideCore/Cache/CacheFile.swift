import Foundation

/// What identifies the content a cache was made from; see `ContentCache` for why metadata.
enum CacheKey {
    /// Bump when the file layout below changes.
    static let format = "nnguide-cache 1"

    /// Nil when a content file or the executable cannot be examined: then there is nothing safe to
    /// compare, and the loader reads YAML (and reports whatever is wrong).
    static func current(contentDirectory: String) -> String? {
        guard let exe = identity(executablePath()) else { return nil }
        var text = format + "\n" + exe + "\n"
        let names = [ContentLoader.glossaryFile, ContentLoader.catalogFile, ContentLoader.decisionsFile]
            + Reader(root: contentDirectory).pageFiles()
        for name in names {
            guard let id = identity(contentDirectory + "/" + name) else { return nil }
            text += name + " " + id + "\n"
        }
        return hex(fnv1a(Array(text.utf8)))
    }

    /// Size, inode, and modification and change times to the nanosecond.
    static func identity(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        #if canImport(Darwin)
        let m = st.st_mtimespec, c = st.st_ctimespec
        #else
        let m = st.st_mtim, c = st.st_ctim
        #endif
        return "\(st.st_size) \(st.st_ino) \(m.tv_sec).\(m.tv_nsec) \(c.tv_sec).\(c.tv_nsec)"
    }

    static func executablePath() -> String {
        #if os(Linux)
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buf, buf.count - 1)
        if n > 0 { return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}

/// The guide's four parts as stored; `Guide` derives everything else from them.
struct GuideParts: Codable {
    var pages: [Page]
    var glossary: [GlossaryEntry]
    var catalog: Catalog
    var decisions: DecisionBook
}

/// One cache file: a header line, the key, the outline's length, the outline, then the guide as JSON.
/// Every read is checked: a truncated or foreign file is simply not a cache.
struct CacheFile: Sendable {
    static let magic = "NNGUIDE-CACHE 1"

    let key: String
    let outline: Outline
    let body: Data

    init?(_ data: Data) {
        var lines: [Substring] = []
        var offset = data.startIndex
        // Three short header lines; never read further than a few hundred bytes looking for them.
        while lines.count < 3, offset < data.endIndex {
            let limit = data.index(offset, offsetBy: 200, limitedBy: data.endIndex) ?? data.endIndex
            guard let nl = data[offset..<limit].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            lines.append(Substring(decoding: data[offset..<nl], as: UTF8.self))
            offset = data.index(after: nl)
        }
        guard lines.count == 3, lines[0] == Self.magic, let count = Int(lines[2]), count >= 0,
              count <= data.endIndex - offset else { return nil }
        key = String(lines[1])
        outline = Outline(bytes: Array(data[offset..<(offset + count)]))
        body = data[(offset + count)...]
    }

    func guide() -> Guide? {
        guard let parts = try? JSONDecoder().decode(GuideParts.self, from: body) else { return nil }
        return Guide(pages: parts.pages, glossary: parts.glossary, catalog: parts.catalog, decisions: parts.decisions)
    }

    static func encode(_ guide: Guide, key: String) -> Data? {
        let parts = GuideParts(pages: guide.pages, glossary: guide.glossary, catalog: guide.catalog, decisions: guide.decisions)
        guard let json = try? JSONEncoder().encode(parts) else { return nil }
        let outline = Outline.encode(guide)
        var data = Data("\(magic)\n\(key)\n\(outline.count)\n".utf8)
        data.append(contentsOf: outline)
        data.append(json)
        return data
    }
}
