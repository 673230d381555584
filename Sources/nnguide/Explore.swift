import Foundation
import NNGuideCore

/// Entry to the full-screen explorer. Until the explorer exists, prints the contents.
enum Explorer {
    static func run(guide: Guide, open: String?, mouse: Bool) throws {
        for e in guide.readingOrder {
            print(String(repeating: "  ", count: e.depth) + e.page.title)
        }
    }
}
