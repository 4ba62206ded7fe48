@testable import BookKit
import Checksum
import Foundation
import XCTest

final class CacheTests: XCTestCase {
    private func key(_ text: String) throws -> String {
        CacheKey.compute(try ChapterParser().parse(text, sourcePath: "chapters/01-a.md"), engine: "e", toolchainVersion: "v")
    }

    private let base = "# A\n\nProse `{swift} x`.\n\n```swift\nlet x = 1\n```\n"

    func testProseEditsKeepTheKeyAndCodeEditsChangeIt() throws {
        let original = try key(base)
        XCTAssertEqual(try key(base.replacingOccurrences(of: "Prose", with: "Longer prose,\nover two lines,")), original)
        XCTAssertEqual(try key("Intro.\n\n" + base), original, "moving blocks down keeps the key")
        XCTAssertNotEqual(try key(base.replacingOccurrences(of: "let x = 1", with: "let x = 2")), original)
        XCTAssertNotEqual(try key(base.replacingOccurrences(of: "{swift} x", with: "{swift} x + 1")), original)
        XCTAssertNotEqual(try key(base.replacingOccurrences(of: "```swift\n", with: "```swift\n//| eval: false\n")), original)
        XCTAssertNotEqual(try key("---\nseed: 5\n---\n" + base), original)
        let parsed = try ChapterParser().parse(base, sourcePath: "chapters/01-a.md")
        XCTAssertNotEqual(CacheKey.compute(parsed, engine: "other", toolchainVersion: "v"), original)
        XCTAssertNotEqual(CacheKey.compute(parsed, engine: "e", toolchainVersion: "w"), original)
    }

    func testPresentationOptionsKeepTheKey() throws {
        // What the program prints does not depend on how the page shows it.
        let original = try key(base)
        for option in ["echo: false", "output: false", "caption: \"A caption\"", "code-fold: true"] {
            XCTAssertEqual(try key(base.replacingOccurrences(of: "```swift\n", with: "```swift\n//| \(option)\n")), original, option)
        }
        // Options that change what runs, or the block's random stream, change it.
        for option in ["eval: false", "error: true", "timeout: 5", "label: fig-x"] {
            XCTAssertNotEqual(try key(base.replacingOccurrences(of: "```swift\n", with: "```swift\n//| \(option)\n")), original, option)
        }
    }

    /// The key follows what chapter programs link: the built module files and objects, not the
    /// sources. An edited but unbuilt engine changes nothing; a rebuilt object changes the key.
    func testLinkedObjectsFingerprintFollowsTheBuiltFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bin-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let bin = root.appendingPathComponent("release"), cache = root.appendingPathComponent("cache")
        for target in Toolchain.linkedTargets {
            try FileManager.default.createDirectory(at: bin.appendingPathComponent("\(target).build"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: bin.appendingPathComponent("Modules"), withIntermediateDirectories: true)
            try Data("module \(target)".utf8).write(to: bin.appendingPathComponent("Modules/\(target).swiftmodule"))
            try Data("object \(target)".utf8).write(to: bin.appendingPathComponent("\(target).build/a.o"))
        }
        let toolchain = Toolchain(binDirectory: bin, swiftc: URL(fileURLWithPath: "/bin/true"))
        let first = BuildInputs.linkedObjectsHash(toolchain: toolchain, cacheDirectory: cache)
        XCTAssertEqual(BuildInputs.linkedObjectsHash(toolchain: toolchain, cacheDirectory: cache), first)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cache.appendingPathComponent("linked-objects.txt").path),
                      "remembered, so a no-op build reads no object")

        let object = bin.appendingPathComponent("NeuralEngine.build/a.o")
        try Data("object NeuralEngine, rebuilt".utf8).write(to: object)
        let rebuilt = BuildInputs.linkedObjectsHash(toolchain: toolchain, cacheDirectory: cache)
        XCTAssertNotEqual(rebuilt, first)
        XCTAssertEqual(BuildInputs.linkedObjectsHash(toolchain: toolchain, cacheDirectory: FileManager.default.temporaryDirectory
            .appendingPathComponent("fresh-\(UUID().uuidString)")), rebuilt, "the remembered value is the computed one")
    }

    func testStoreLookupDamageAndDataFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = ChapterCache(folder: root.appendingPathComponent(".book-cache"), bookRoot: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
        let dataFile = root.appendingPathComponent("data/x.csv")
        try Data("1,2\n".utf8).write(to: dataFile)

        var result = ExecutionResult()
        result.setCell(1, status: .ok, outputs: [.value("42")])
        result.dataFiles = [.init(path: "data/x.csv", sha256: ContentHash.of("1,2\n"))]
        XCTAssertEqual(cache.lookup(slug: "01-a", key: "k"), .stale)
        try cache.store(result, slug: "01-a", key: "k")
        XCTAssertEqual(cache.lookup(slug: "01-a", key: "k"), .hit(result))
        XCTAssertEqual(cache.lookup(slug: "01-a", key: "other"), .stale)

        try Data("1,3\n".utf8).write(to: dataFile)
        XCTAssertEqual(cache.lookup(slug: "01-a", key: "k"), .stale, "a changed data file invalidates the entry")
        try Data("1,2\n".utf8).write(to: dataFile)

        try Data("{ not json".utf8).write(to: cache.entryURL("01-a"))
        XCTAssertEqual(cache.lookup(slug: "01-a", key: "k"), .stale, "a damaged entry is ignored")
        try cache.clean()
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.folder.path))
    }

    func testContentHashIsSHA256() {
        XCTAssertEqual(ContentHash.of("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// The NIST test vectors for SHA-256 (FIPS 180-4 examples, and the CAVP byte-oriented set):
    /// the empty message, one block, two blocks, and a million bytes.
    func testSHA256MatchesTheNISTVectors() {
        XCTAssertEqual(ContentHash.of(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(ContentHash.of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(ContentHash.of("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
                       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        XCTAssertEqual(ContentHash.of([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // 55 and 56 bytes: the padding's length field fits in the last block, or needs another.
        XCTAssertEqual(ContentHash.of(String(repeating: "a", count: 55)), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        XCTAssertEqual(ContentHash.of(String(repeating: "a", count: 56)), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    }

    func testKeyHasherFeedsInPiecesLikeAtOnce() {
        var pieces = SHA256()
        for chunk in [Array("a".utf8), Array(repeating: UInt8(ascii: "b"), count: 70), Array("c".utf8)] { pieces.update(chunk) }
        var whole = SHA256()
        whole.update(Array("a".utf8) + Array(repeating: UInt8(ascii: "b"), count: 70) + Array("c".utf8))
        XCTAssertEqual(pieces.finalize(), whole.finalize())
    }
}
