// swift-tools-version:6.0
// NeuralBook: an executable course book on deep neural networks, and the tool that builds it.
//
// One target per layer:
//   NeuralEngine  tensors, autograd, layers, initializers, normalization, optimizers, data
//   Plotting      SVG charts and HTML tables: values in, deterministic text out, no I/O
//   BookRuntime   what chapter programs import besides the engine (show, Table, expect, ...)
//   CCmarkGFM     system library: Debian's cmark-gfm and its GFM extensions
//   BookKit       the pipeline: parse -> execute -> weave -> render -> write
//   book          the command-line tool
//   bench         the engine's benchmark workloads
import PackageDescription

// The GEMM micro-kernel relies on AVX2 + FMA; other architectures build the portable path.
#if arch(x86_64)
let simdFlags: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-mavx2", "-Xcc", "-mfma"])]
#else
let simdFlags: [SwiftSetting] = []
#endif

let package = Package(
    name: "NeuralBook",
    platforms: [.macOS(.v13)],
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
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
    ],
    targets: [
        .target(
            name: "NeuralEngine",
            // The engine is optimised in debug builds too: its kernels are ~300x slower unoptimised,
            // which would make the numerical tests (and end-to-end chapter tests) crawl.
            swiftSettings: simdFlags + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .target(name: "Plotting"),
        .target(name: "BookRuntime", dependencies: ["NeuralEngine", "Plotting"]),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "BookKit",
            dependencies: [
                "CCmarkGFM",
                "BookRuntime",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftIDEUtils", package: "swift-syntax"),
            ]
        ),
        .executableTarget(
            name: "book",
            dependencies: ["BookKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "bench",
            dependencies: ["NeuralEngine", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: simdFlags
        ),
        .testTarget(name: "NeuralEngineTests", dependencies: ["NeuralEngine"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"]),
        .testTarget(name: "BookRuntimeTests", dependencies: ["BookRuntime"]),
        .testTarget(
            name: "BookKitTests",
            dependencies: ["BookKit"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
