@testable import BookServe
import Foundation
import XCTest

/// The one rule for what the preview serves: regular files inside the output folder.
final class OutputFilesTests: XCTestCase {
    private var root: URL!
    private var output: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("outputfiles-\(UUID().uuidString)")
        output = root.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data("<html>index</html>".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data("body {}".utf8).write(to: output.appendingPathComponent("assets/book.css"))
        try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try Data("tmp".utf8).write(to: output.appendingPathComponent(".index.html.123.tmp"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func resolve(_ path: String) -> String? {
        OutputFiles.resolve(path, in: output).map { String($0.path.dropFirst(output.resolvingSymlinksInPath().path.count)) }
    }

    func testFilesInsideAndFoldersThroughTheirIndex() {
        XCTAssertEqual(resolve("/"), "/index.html")
        XCTAssertEqual(resolve("/index.html"), "/index.html")
        XCTAssertEqual(resolve("/assets/book.css"), "/assets/book.css")
        XCTAssertEqual(resolve("/assets//book.css"), "/assets/book.css")
        XCTAssertEqual(resolve("/%61ssets/book.css"), "/assets/book.css", "percent-encoding is decoded once")
        XCTAssertNil(resolve("/assets"), "a folder without index.html")
        XCTAssertNil(resolve("/missing.html"))
    }

    func testClimbingOutIsRefusedHoweverItIsWritten() {
        for path in ["/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd",
                     "/assets/..%2f..%2fsecret.txt", "/./index.html", "/..", "index.html", "/%zz", "/index.html%00.css"] {
            XCTAssertNil(resolve(path), path)
        }
    }

    func testHiddenFilesAreRefused() {
        XCTAssertNil(resolve("/.index.html.123.tmp"))
    }

    func testSymlinksMustStayInside() throws {
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("out").path, withDestinationPath: root.path)
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("secret.html").path,
                                                   withDestinationPath: root.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("etc").path, withDestinationPath: "/etc")
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("style.css").path,
                                                   withDestinationPath: "assets/book.css")
        XCTAssertNil(resolve("/out/secret.txt"))
        XCTAssertNil(resolve("/secret.html"))
        XCTAssertNil(resolve("/etc/passwd"))
        XCTAssertEqual(resolve("/style.css"), "/assets/book.css", "a symlink that stays inside is served")
    }

    func testAnOutputFolderReachedThroughASymlinkStillServes() throws {
        let link = root.appendingPathComponent("linked-output")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: output.path)
        XCTAssertNotNil(OutputFiles.resolve("/index.html", in: link))
        XCTAssertNil(OutputFiles.resolve("/../secret.txt", in: link))
    }

    func testContentTypes() {
        XCTAssertEqual(OutputFiles.contentType(of: "a/b.html"), "text/html; charset=utf-8")
        XCTAssertEqual(OutputFiles.contentType(of: "assets/katex/fonts/KaTeX_Main-Regular.woff2"), "font/woff2")
        XCTAssertEqual(OutputFiles.contentType(of: "assets/book.js"), "text/javascript; charset=utf-8")
        XCTAssertEqual(OutputFiles.contentType(of: "manifest.json"), "application/json")
    }
}
