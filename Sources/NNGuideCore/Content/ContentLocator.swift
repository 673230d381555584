import Foundation

/// Finds the Content/ folder: an explicit choice, then an installed copy beside the binary, then the
/// checkout this binary was built from. This lets an installed `nnguide` run from any directory.
public enum ContentLocator {
    public static let environmentVariable = "NNGUIDE_CONTENT"

    public static func locate(explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String? = Bundle.main.executablePath) -> String {
        if let explicit { return explicit }
        if let env = environment[environmentVariable], !env.isEmpty { return env }
        for candidate in candidates(executable: executable) where isContent(candidate) { return candidate }
        return checkoutContent
    }

    static func candidates(executable: String?) -> [String] {
        guard let exe = executable else { return [] }
        let bin = (URL(fileURLWithPath: exe).resolvingSymlinksInPath().path as NSString).deletingLastPathComponent
        return [
            (bin as NSString).appendingPathComponent("../share/nnguide/Content"),
            (bin as NSString).appendingPathComponent("Content"),
        ].map { ($0 as NSString).standardizingPath }
    }

    /// Content/ of the checkout this file was compiled in.
    static var checkoutContent: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Content/ -> NNGuideCore/ -> Sources/ -> root
        return url.appendingPathComponent("Content").path
    }

    static func isContent(_ dir: String) -> Bool {
        FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(ContentLoader.catalogFile))
    }
}
