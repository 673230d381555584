import Foundation
import Testing
@testable import NNGuideCore

/// Where the guide is found: explicit, then NNGUIDE_CONTENT, then installed beside the binary (also
/// through a symbolic link to it), then the checkout the binary was built from.
@Suite struct ContentLocatorTests {
    @Test func order() throws {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("nnguide-locate-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/prefix/bin", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/prefix/share/nnguide/Content", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/elsewhere", withIntermediateDirectories: true)
        fm.createFile(atPath: root + "/prefix/bin/nnguide", contents: Data())
        fm.createFile(atPath: root + "/prefix/share/nnguide/Content/catalog.yaml", contents: Data())
        try fm.createSymbolicLink(atPath: root + "/elsewhere/nnguide", withDestinationPath: root + "/prefix/bin/nnguide")
        let installed = URL(fileURLWithPath: root + "/prefix/share/nnguide/Content").resolvingSymlinksInPath().path

        #expect(ContentLocator.locate(explicit: "/x", environment: ["NNGUIDE_CONTENT": "/y"], executable: root + "/elsewhere/nnguide") == "/x")
        #expect(ContentLocator.locate(environment: ["NNGUIDE_CONTENT": "/y"], executable: root + "/elsewhere/nnguide") == "/y")
        #expect(ContentLocator.locate(environment: [:], executable: root + "/elsewhere/nnguide") == installed)
        #expect(ContentLocator.locate(environment: [:], executable: root + "/prefix/bin/nnguide") == installed)
        // Nothing installed: the checkout's Content/, which holds catalog.yaml.
        let checkout = ContentLocator.locate(environment: [:], executable: root + "/elsewhere/missing")
        #expect(checkout.hasSuffix("/Content") && fm.fileExists(atPath: checkout + "/catalog.yaml"))
        #expect(ContentLocator.executablePath.map { fm.isExecutableFile(atPath: $0) } == true)
    }
}
