#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Finds the Content/ folder: an explicit choice, then an installed copy beside the binary, then the
/// checkout this binary was built from. This lets an installed `nnguide` run from any directory.
///
/// Plain system calls, not Bundle, URL or FileManager: this runs before the explorer's first frame,
/// and their first use costs more than a millisecond there (BENCHMARKS.md).
public enum ContentLocator {
    public static let environmentVariable = "NNGUIDE_CONTENT"

    public static func locate(explicit: String? = nil, environment: Environment = .process,
                              executable: String? = ContentLocator.executablePath) -> String {
        if let explicit { return explicit }
        if let env = environment[environmentVariable], !env.isEmpty { return env }
        for candidate in candidates(executable: executable) where isContent(candidate) { return candidate }
        return checkoutContent
    }

    /// The running executable's path, symbolic links resolved.
    public static var executablePath: String? {
        #if os(Linux)
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buf, buf.count - 1)
        if n > 0 { return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return nil
        #else
        return Bundle.main.executablePath
        #endif
    }

    static func candidates(executable: String?) -> [String] {
        guard let exe = executable, let real = realpath(exe, nil) else { return [] }
        defer { free(real) }
        let bin = parent(String(cString: real))
        return [parent(bin) + "/share/nnguide/Content", bin + "/Content"]
    }

    /// Content/ of the checkout this file was compiled in.
    static var checkoutContent: String {
        var path = #filePath
        for _ in 0..<4 { path = parent(path) }  // Content/ -> NNGuideCore/ -> Sources/ -> root
        return path + "/Content"
    }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func isContent(_ dir: String) -> Bool {
        access(dir + "/" + ContentLoader.catalogFile, F_OK) == 0
    }
}
