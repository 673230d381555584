#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// A team's own layer over the guide (issue 24): a folder with `overlay.yaml` (name, maintainer,
/// description) and any of pages/, glossary.yaml, catalog.yaml, decisions.yaml and sources.yaml in
/// Content/'s schema. Its material is `origin: team` with its name wherever origins show.
public struct Overlay: Sendable, Equatable, Codable {
    /// The folder, as given.
    public let directory: String
    public let name: String
    public let maintainer: String?
    public let description: String?

    /// `$NNGUIDE_OVERLAY`: overlay folders, colon-separated (as PATH).
    public static let environmentVariable = "NNGUIDE_OVERLAY"
    public static let file = "overlay.yaml"

    /// Every overlay folder in the order they apply, later ones winning (cheat's cheatpaths, git's
    /// layered config): the user's (each folder under `$XDG_CONFIG_HOME/nnguide/overlays/`, by name),
    /// then `$NNGUIDE_OVERLAY`'s, then `--overlay`'s. A folder named twice applies once, at its last place.
    public static func folders(explicit: [String], environment: Environment = .process) -> [String] {
        var out = configured(environment)
        if let env = environment[environmentVariable] { out += env.split(separator: ":").map(String.init).filter { !$0.isEmpty } }
        out += explicit
        var seen: Set<String> = []
        return Array(out.reversed().filter { seen.insert(ContentCache.absolute($0)).inserted }.reversed())
    }

    /// The folders under `$XDG_CONFIG_HOME/nnguide/overlays/` (default `~/.config`), by name. A
    /// missing folder is the usual case and costs one failed `opendir`.
    static func configured(_ environment: Environment) -> [String] {
        let base: String
        if let x = environment["XDG_CONFIG_HOME"], x.hasPrefix("/") { base = x }
        else if let home = environment["HOME"], home.hasPrefix("/") { base = home + "/.config" }
        else { return [] }
        let root = base + "/nnguide/overlays"
        guard let dir = opendir(root) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if !name.hasPrefix("."), access(root + "/" + name + "/" + file, F_OK) == 0 { names.append(name) }
        }
        return names.sorted().map { root + "/" + $0 }
    }
}

/// overlay.yaml as written.
struct OverlayHeader: Decodable {
    var name: String
    var maintainer: String?
    var description: String?
    static let keys: Set<String> = ["name", "maintainer", "description"]
}
