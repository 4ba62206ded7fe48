@testable import BookKit
import Foundation
import XCTest

final class WritingTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func manifest(_ pages: [String]) -> Manifest {
        Manifest(engine: "abc", chapters: pages.map {
            Manifest.Chapter(source: "chapters/\($0).md", sourceHash: "h", page: "\($0).html", blocks: 2, failedBlocks: 0,
                             expects: .init(passed: 1, failed: 0), status: "ok")
        })
    }

    func testManifestBytesAreStableAndSorted() throws {
        let text = String(decoding: try manifest(["01-a"]).encoded(), as: UTF8.self)
        XCTAssertEqual(text, """
            {
              "chapters" : [
                {
                  "blocks" : 2,
                  "expects" : {
                    "failed" : 0,
                    "passed" : 1
                  },
                  "failedBlocks" : 0,
                  "page" : "01-a.html",
                  "source" : "chapters/01-a.md",
                  "sourceHash" : "h",
                  "status" : "ok"
                }
              ],
              "engine" : "abc"
            }

            """)
    }

    func testWritesOnlyChangesAndRemovesPagesNoLongerProduced() throws {
        let writer = OutputWriter(folder: folder)
        let first = try writer.write(files: ["01-a.html": Array("a".utf8), "02-b.html": Array("b".utf8), "assets/x.css": [1]],
                                     manifest: manifest(["01-a", "02-b"]))
        XCTAssertEqual(first, ["01-a.html", "02-b.html", "assets/x.css", "manifest.json"])
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))

        let second = try writer.write(files: ["01-a.html": Array("a".utf8), "assets/x.css": [1]], manifest: manifest(["01-a"]))
        XCTAssertEqual(second, ["02-b.html", "manifest.json"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("02-b.html").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes.txt").path),
                      "files the book did not produce are never deleted")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [])
        XCTAssertEqual(try writer.write(files: ["01-a.html": Array("a".utf8), "assets/x.css": [1]], manifest: manifest(["01-a"])), [])
    }

    func testRefusesPathsOutsideTheFolder() {
        XCTAssertThrowsError(try OutputWriter(folder: folder).write(files: ["../evil.html": []], manifest: manifest([])))
    }
}
