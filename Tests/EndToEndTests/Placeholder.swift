import Testing
@testable import NNGuideCore
