// swift-tools-version:6.0
// NeuralBook: an executable course book on deep neural networks, and the tool that builds it.
//
// One target per layer, in the order data flows through a build:
//   NeuralEngine  tensors, autograd, layers, initializers, normalization, optimizers, data
//   Plotting      SVG charts and HTML tables: values in, deterministic text out, no I/O
//   BookWire      the records a chapter program writes and `book` reads (one definition of the format)
//   BookRuntime   what chapter programs import besides the engine (show, Table, expect, ...)
//   Checksum      SHA-256 for the cache's content addresses (optimised in debug builds too)
//   CCmarkGFM     system library: Debian's cmark-gfm and its GFM extensions
//   BookKit       the pipeline: Parsing -> Execution -> Cache -> Weaving -> Rendering -> Writing
//   BookServe     `book serve`: watch the chapters, rebuild what changed, serve the output folder live
//   book          the command-line tool
//   bench         the engine's benchmark workloads
import PackageDescription

// The GEMM micro-kernel relies on AVX2 + FMA; other architectures build the portable path.
#if arch(x86_64)
let simdFlags: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-mavx2", "-Xcc", "-mfma"])]
#else
let simdFlags: [SwiftSetting] = []
#endif

// One build serves `make book` and `make test`: the debug configuration, whose tool (BookKit and
// swift-syntax at -Onone) compiles in a third of the CPU time of a release build. What chapter
// programs link (the engine, Plotting, BookWire, BookRuntime) is optimised whole-module in debug too,
// so the book runs as fast as from a release build: batch-mode -O (no WMO, no cross-module
// optimisation) left generic engine code unspecialised: `bench` mlp-train-epoch 15x and cnn-bn-step
// 40x slower than whole-module (gemm-1024, not generic, the same). `-num-threads` keeps one
// object file per source, which SwiftPM's index store and `Toolchain.objectFiles()` expect;
// `-disable-batch-mode` overrides SwiftPM's debug `-enable-batch-mode`, which -wmo would otherwise
// ignore with a warning per target. BookKit stays unoptimised: -O would cost ~48 s more CPU (one
// 60 s whole-module job on the critical path) to save ~5 s per full book build.
let optimizedInDebug: [SwiftSetting] = [
    .unsafeFlags(["-O", "-wmo", "-num-threads", "2", "-disable-batch-mode"], .when(configuration: .debug)),
]

let package = Package(
    name: "NeuralBook",
    // The engine's worker pool uses the Synchronization module (Mutex, Atomic): macOS 15.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "book", targets: ["book"]),
        .executable(name: "bench", targets: ["bench"]),
        .library(name: "NeuralEngine", targets: ["NeuralEngine"]),
        .library(name: "Plotting", targets: ["Plotting"]),
        .library(name: "BookRuntime", targets: ["BookRuntime"]),
        .library(name: "BookKit", targets: ["BookKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        // `book serve`'s HTTP server: small, on plain sockets and Swift concurrency, no SwiftNIO
        // (Hummingbird would bring SwiftNIO, minutes of a newcomer's first build; see README).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .target(
            name: "NeuralEngine",
            swiftSettings: simdFlags + optimizedInDebug
        ),
        .target(name: "Plotting", swiftSettings: optimizedInDebug),
        .target(name: "BookWire", swiftSettings: optimizedInDebug),
        .target(name: "Checksum", swiftSettings: optimizedInDebug),
        .target(name: "BookRuntime", dependencies: ["NeuralEngine", "Plotting", "BookWire"], swiftSettings: optimizedInDebug),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "BookKit",
            dependencies: [
                "CCmarkGFM",
                "BookWire",
                "Checksum",
                .product(name: "Plot", package: "Plot"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftIDEUtils", package: "swift-syntax"),
            ],
            resources: [.copy("Rendering/Assets/Site")]
        ),
        .target(
            name: "BookServe",
            dependencies: ["BookKit", "BookWire", .product(name: "FlyingFox", package: "FlyingFox")],
            resources: [.copy("Assets")]
        ),
        .executableTarget(
            name: "book",
            dependencies: [
                "BookKit",
                "BookServe",
                // Not imported: chapter programs compiled by `book` import BookRuntime and link its
                // objects (and the engine's and Plotting's) from the folder `book` runs from, so
                // building `book` must build them.
                "BookRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "bench",
            dependencies: ["NeuralEngine", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: simdFlags
        ),
        .testTarget(name: "NeuralEngineTests", dependencies: ["NeuralEngine"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"]),
        .testTarget(name: "BookRuntimeTests", dependencies: ["BookRuntime", "BookWire"]),
        .testTarget(
            name: "BookKitTests",
            // BookRuntime and `book`: end-to-end tests compile chapters against the runtime's
            // objects and run the `book` binary itself (the orphan test kills it).
            dependencies: ["BookKit", "BookRuntime", "Checksum", "book"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "BookServeTests",
            // `book`: the integration test starts `book serve` itself and talks to it over HTTP.
            dependencies: ["BookServe", "BookKit", "BookWire", "book"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
