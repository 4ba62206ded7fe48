@testable import BookKit
import Foundation
import XCTest

/// Builds the `behaviours` fixture book once with the real compiler (each chapter compiles in
/// about a second or two), then checks each behaviour on the result.
final class EndToEndTests: XCTestCase {
    struct Built {
        var root: URL
        var layout: BookLayout
        var report: BuildReport
        func chapter(_ slug: String) -> WovenChapter { report.woven.first { $0.slug == slug }! }
        func summary(_ slug: String) -> ChapterSummary { report.chapters.first { $0.sourcePath == "chapters/\(slug).md" }! }
    }

    nonisolated(unsafe) private static var built: Result<Built, Error>?

    private func book() throws -> Built {
        if Self.built == nil {
            Self.built = Result {
                let root = try FixtureBooks.copy("behaviours")
                let layout = BookLayout(chaptersDirectory: root.appendingPathComponent("chapters"),
                                        outputDirectory: root.appendingPathComponent("output"))
                let toolchain = try Toolchain.locate(binDirectory: FixtureBooks.binDirectory)
                let report = try BookBuilder(layout: layout, toolchain: toolchain, options: .init(jobs: 2)).build()
                return Built(root: root, layout: layout, report: report)
            }
        }
        return try Self.built!.get()
    }

    private func toolchain() throws -> Toolchain { try Toolchain.locate(binDirectory: FixtureBooks.binDirectory) }

    func testClaimsValuesAndInlineValues() throws {
        let chapter = try book().chapter("01-claims")
        let cells = chapter.cells
        XCTAssertEqual(cells.map(\.status), [.ok, .ok, .ok])
        XCTAssertEqual(cells[2].outputs, [
            .table(html: "<table><tr><td>1</td><td>4</td></tr></table>", caption: "Squares", label: "tbl-squares"),
            .figure(svg: "<svg aria-label=\"a &amp; dot\"></svg>", caption: "A dot", label: "fig-dot", alt: "a & dot"),
        ])
        XCTAssertEqual(cells[0].outputs, [.text("printed <script>alert(1)</script>\n"), .value("42")])
        XCTAssertEqual(chapter.claims.map(\.passed), [true, false, true])
        XCTAssertEqual(chapter.claims[1].detail, "observed 42, expected 40 ± 1")
        XCTAssertEqual(chapter.claims.map(\.line), [20, 21, 22])
        XCTAssertEqual(cells[1].outputs.last, .value("true"))
        let values = chapter.items.flatMap { item -> [InlineValue] in
            if case .prose(_, _, let values) = item { return values } else { return [] }
        }
        XCTAssertEqual(values.map(\.text), ["42", "21.00", "43", "42"])
        let summary = try book().summary("01-claims")
        XCTAssertEqual(summary.failures, ["chapters/01-claims.md:21: claim failed: the answer is about 40 (observed 42, expected 40 ± 1)"])
    }

    func testTrapInBlockThreeOfFive() throws {
        let cells = try book().chapter("02-trap").cells
        XCTAssertEqual(cells.map(\.status), [.ok, .ok, .failed, .notRun, .notRun])
        XCTAssertEqual(cells[0].outputs, [.text("block one\n")])
        XCTAssertEqual(cells[1].outputs, [.value("3")])
        XCTAssertEqual(cells[2].outputs, [.text("before the trap\n"), .error(message: "Fatal error: Index out of range", line: 15)])
        XCTAssertEqual(try book().summary("02-trap").failures, ["chapters/02-trap.md:15: Fatal error: Index out of range"])
    }

    func testCompileErrorIsAttachedToItsBlock() throws {
        let cells = try book().chapter("03-compile-error").cells
        XCTAssertEqual(cells.map(\.status), [.notRun, .failed])
        guard case .diagnostic(let diagnostic)? = cells[1].outputs.first else { return XCTFail("\(cells[1].outputs)") }
        XCTAssertEqual(diagnostic.line, 8)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertTrue(diagnostic.message.contains("String"), diagnostic.message)
    }

    func testTimeoutNamesTheRunningBlock() throws {
        let cells = try book().chapter("04-timeout").cells
        XCTAssertEqual(cells.map(\.status), [.ok, .failed])
        XCTAssertEqual(cells[1].outputs.last, .error(message: "timed out after 1 s: the program was stopped while this block ran", line: 7))
    }

    func testExpectedErrors() throws {
        let cells = try book().chapter("05-expected-error").cells
        XCTAssertEqual(cells.map(\.status), [.ok, .expectedError, .expectedError, .ok])
        guard case .diagnostic(let diagnostic)? = cells[1].outputs.first else { return XCTFail("\(cells[1].outputs)") }
        XCTAssertEqual(diagnostic.line, 9)
        XCTAssertEqual(cells[2].outputs.last, .error(message: "Precondition failed: base is too large", line: 14))
        XCTAssertEqual(cells[3].outputs, [.value("11")])
        XCTAssertTrue(try book().summary("05-expected-error").ok)
    }

    func testChapterWithoutSwiftAndTheManifest() throws {
        let built = try book()
        XCTAssertEqual(built.chapter("06-no-swift").cells.map(\.status), [.notEvaluated])
        let manifest = try XCTUnwrap(Manifest.read(from: built.layout.outputDirectory))
        XCTAssertEqual(manifest.chapters.map(\.status), ["failed", "failed", "failed", "failed", "ok", "ok"])
        XCTAssertEqual(manifest.chapters[0].expects, .init(passed: 2, failed: 1))
        XCTAssertEqual(manifest.chapters[1].failedBlocks, 1)
        XCTAssertEqual(manifest.chapters.map(\.page).first, "01-claims.html")
        XCTAssertFalse(built.report.succeeded)
    }

    func testRenderedPageEscapesScriptOutput() throws {
        let page = try String(contentsOf: try book().layout.outputDirectory.appendingPathComponent("01-claims.html"), encoding: .utf8)
        XCTAssertFalse(page.contains("<script>alert(1)</script>"))
        XCTAssertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    func testRebuildUsesTheCacheAndIsByteIdentical() throws {
        let built = try book()
        let before = try snapshot(built.layout.outputDirectory)
        let again = try BookBuilder(layout: built.layout, toolchain: try toolchain(), options: .init(jobs: 2)).build()
        XCTAssertEqual(again.executed, [], "nothing changed, nothing runs")
        XCTAssertEqual(again.renderedPages, [], "nothing changed, no chapter page renders")
        XCTAssertEqual(again.changedFiles, [])
        XCTAssertEqual(try snapshot(built.layout.outputDirectory), before)
        XCTAssertEqual(again.failures, built.report.failures)

        // A prose-only edit re-weaves from the cache; the block lines move with the prose.
        let file = built.layout.chaptersDirectory.appendingPathComponent("02-trap.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try (text.replacingOccurrences(of: "# A trap in block 3 of 5\n", with: "# A trap in block 3 of 5\n\nMore prose.\n"))
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? text.write(to: file, atomically: true, encoding: .utf8) }
        let edited = try BookBuilder(layout: built.layout, toolchain: try toolchain(), options: .init(jobs: 2)).build()
        XCTAssertEqual(edited.executed, [])
        XCTAssertEqual(edited.renderedPages, ["02-trap.html"], "a prose edit renders its own page only")
        XCTAssertEqual(edited.chapters[1].failures, ["chapters/02-trap.md:17: Fatal error: Index out of range"])

        // Presentation options change the page, not what the program prints: nothing re-runs.
        let claims = built.layout.chaptersDirectory.appendingPathComponent("01-claims.md")
        let claimsText = try String(contentsOf: claims, encoding: .utf8)
        try claimsText.replacingOccurrences(of: "//| caption: \"A dot\"", with: "//| caption: \"A red dot\"\n//| echo: false\n//| code-fold: true")
            .write(to: claims, atomically: true, encoding: .utf8)
        defer { try? claimsText.write(to: claims, atomically: true, encoding: .utf8) }
        let restyled = try BookBuilder(layout: built.layout, toolchain: try toolchain(), options: .init(jobs: 2)).build()
        XCTAssertEqual(restyled.executed, [])
        XCTAssertEqual(restyled.renderedPages, ["01-claims.html"])
        XCTAssertEqual(restyled.woven.first { $0.slug == "01-claims" }?.cells[2].outputs.last,
                       .figure(svg: "<svg aria-label=\"a &amp; dot\"></svg>", caption: "A red dot", label: "fig-dot", alt: "a & dot"))

        // `output: false` hides what the block printed, on the page only: nothing re-runs.
        try claimsText.replacingOccurrences(of: "//| caption: \"A dot\"", with: "//| caption: \"A dot\"\n//| output: false")
            .write(to: claims, atomically: true, encoding: .utf8)
        let hidden = try BookBuilder(layout: built.layout, toolchain: try toolchain(), options: .init(jobs: 2)).build()
        XCTAssertEqual(hidden.executed, [])
        XCTAssertEqual(hidden.woven.first { $0.slug == "01-claims" }?.cells[2].outputs.contains { output in
            if case .figure = output { return true } else { return false }
        }, false)
    }

    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in BuildInputs.files(under: folder, suffix: "") {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
