@testable import BookKit
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
        XCTAssertNotEqual(try key(base.replacingOccurrences(of: "```swift\n", with: "```swift\n//| echo: false\n")), original)
        XCTAssertNotEqual(try key("---\nseed: 5\n---\n" + base), original)
        let parsed = try ChapterParser().parse(base, sourcePath: "chapters/01-a.md")
        XCTAssertNotEqual(CacheKey.compute(parsed, engine: "other", toolchainVersion: "v"), original)
        XCTAssertNotEqual(CacheKey.compute(parsed, engine: "e", toolchainVersion: "w"), original)
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
}
