#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// File paths as text, joined and split the way NSString's path methods did, without Foundation's
/// NSString (which is not in FoundationEssentials, and whose first use cost time before the first
/// frame).
public enum Path {
    /// `base/name` with one slash between.
    public static func join(_ base: String, _ name: String) -> String {
        var b = Substring(base)
        while b.count > 1, b.hasSuffix("/") { b = b.dropLast() }
        // String, not Substring + String: the generic `+` cost a protocol-conformance scan before
        // the first frame (BENCHMARKS.md).
        return b == "/" ? "/" + name : b.isEmpty ? name : String(b) + "/" + name
    }

    /// What nnguide says of a file that is not there, with where it looked, so the way forward is in
    /// the message (thirteenth retest: "nope.yaml: no such file" said nothing more): "no such file in
    /// /home/me/work" for a name without a folder; "no such file (/a/b holds no nope.yaml)" or "no such
    /// file (no folder /a/b)" for one with a folder.
    public static func missing(_ path: String) -> String {
        let folder = parent(path)
        if folder.isEmpty { return "no such file in \(ContentCache.absolute("."))" }
        return kind(folder) == .folder ? "no such file (\(folder) holds no \(lastComponent(path)))" : "no such file (no folder \(folder))"
    }

    /// The name after the last slash (`/a/b/` gives `b`; `/` gives `/`).
    public static func lastComponent(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        if p == "/" { return "/" }
        return String(p.split(separator: "/", omittingEmptySubsequences: true).last ?? "")
    }

    /// The last component without its extension (`briefs/phone.yaml` gives `phone`; `.env` stays).
    public static func stem(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The path without its last component (`/a/b` gives `/a`, `/a` gives `/`, `b` gives ``).
    public static func parent(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        if slash == p.startIndex { return "/" }
        var head = p[..<slash]
        while head.count > 1, head.hasSuffix("/") { head = head.dropLast() }
        return String(head)
    }

    public enum Kind: Sendable { case missing, folder, file }

    /// What is at `path`, symbolic links followed (FileManager's `fileExists(atPath:isDirectory:)`).
    public static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .folder : .file
    }
}
