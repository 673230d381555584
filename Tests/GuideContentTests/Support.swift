import Foundation
@testable import NNGuideCore

/// The guide these tests are about: the real Content/ folder, read once.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let realContent = packageRoot.appendingPathComponent("Content").path
    static let real: (guide: Guide?, problems: [ContentProblem]) = ContentLoader.read(directory: realContent)
    static var book: DecisionBook { real.guide?.decisions ?? DecisionBook() }
    static var recommender: Recommender { Recommender(book: book, catalog: real.guide?.catalog ?? Catalog()) }
}
