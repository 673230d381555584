// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "nnguide",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nnguide", targets: ["nnguide"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The guide as data: model, loader, lint, search, decisions, recommender, text layout. No curses.
        .target(
            name: "NNGuideCore",
            dependencies: ["CLibYAML"]
        ),
        // libyaml, the C reference parser: Content/YAMLReader composes its events into nodes.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Pure app: state, update(key), keymap, views rendering into a cell buffer. No curses.
        .target(name: "NNGuideUI", dependencies: ["NNGuideCore"]),
        // The explorer's effects: the files it reads and writes (reading state, briefs, decision
        // records, the stored first frame). The loop and the tests inject them; NNGuideUI touches no
        // file and reads no environment (PureUITests scans it).
        .target(name: "NNGuideEffects", dependencies: ["NNGuideCore", "NNGuideUI"]),
        // The only door to the terminal.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(name: "NNGuideTerminal", dependencies: ["NNGuideUI", "CNcursesw"]),
        .executableTarget(
            name: "nnguide",
            dependencies: [
                "NNGuideCore", "NNGuideUI", "NNGuideEffects", "NNGuideTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: content generator, pseudo-terminal harness and in-process timings. Not a test;
        // Tests/Benchmarks/run.sh drives it and BENCHMARKS.md reports what it measured.
        .executableTarget(
            name: "nnguide-bench",
            dependencies: ["NNGuideCore", "NNGuideUI", "NNGuideEffects"]
        ),
        // What the test targets share (the seeded generator), so it exists once.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Yams is only the oracle NodeDecoderTests read scalars against (the loader's decoder was Yams').
        .testTarget(name: "NNGuideCoreTests", dependencies: ["NNGuideCore", "TestSupport", .product(name: "Yams", package: "Yams")], exclude: ["Fixtures"]),
        .testTarget(name: "NNGuideUITests", dependencies: ["NNGuideUI", "NNGuideEffects", "NNGuideTerminal", "NNGuideCore", "TestSupport"], exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "EndToEndTests", dependencies: ["NNGuideCore", "TestSupport"]),
        // Tests of the guide's own data (facts, picks, parts, lint of Content/), apart from tests of the code.
        .testTarget(name: "GuideContentTests", dependencies: ["NNGuideCore"]),
    ],
    swiftLanguageModes: [.v6]
)
