@testable import BookKit
import XCTest

final class WeaverTests: XCTestCase {
    private func options() throws -> ParsedChapter { try FixtureBooks.parse("options/chapters/01-options.md") }

    private func sampleResult() -> ExecutionResult {
        var result = ExecutionResult()
        result.blockLines = [1: 12, 2: 21, 3: 28, 4: 33, 5: 37]
        result.setCell(1, status: .ok, outputs: [
            .text("<script>alert(1)</script>\n"),
            .figure(svg: "<svg/>", caption: nil, label: nil, alt: "a chart"),
            .claim(Claim(text: "holds", passed: true, detail: nil, line: 15)),
        ])
        result.setCell(2, status: .ok, outputs: [])
        result.setCell(5, status: .expectedError, outputs: [.diagnostic(Diagnostic(severity: .error, message: "mismatch", line: 39, column: 14))])
        result.inlineTexts = [1: "2"]
        result.inlineErrors = [2: "not evaluated"]
        return result
    }

    func testCellsCarryOutputsStatusesAndOptions() throws {
        let woven = Weaver().weave(try options(), result: sampleResult())
        XCTAssertEqual(woven.title, "Options of every kind")
        XCTAssertEqual(woven.summary, "Block options, inline values and prose slices")
        XCTAssertEqual(woven.pageName, "01-options.html")
        let cells = woven.cells
        XCTAssertEqual(cells.map(\.status), [.ok, .ok, .notEvaluated, .notEvaluated, .expectedError])
        XCTAssertEqual(cells[0].outputs[0], .text("<script>alert(1)</script>\n"), "woven text stays raw: the renderer escapes it")
        XCTAssertEqual(cells[0].outputs[1], .figure(svg: "<svg/>", caption: "A caption: with a colon", label: "fig-first", alt: "a chart"))
        XCTAssertFalse(cells[1].echo)
        XCTAssertEqual(cells[3].language, "python")
    }

    func testInlineValuesAndErrors() throws {
        let woven = Weaver().weave(try options(), result: sampleResult())
        guard case .prose(_, _, let first) = woven.items[0], case .prose(_, _, let second) = woven.items[2] else {
            return XCTFail("\(woven.items)")
        }
        XCTAssertEqual(first, [InlineValue(id: 1, expression: "1 + 1", line: 10, text: "2", error: nil)])
        XCTAssertEqual(second, [InlineValue(id: 2, expression: "x", line: 19, text: nil, error: "not evaluated")])
    }

    func testProseEditShiftsCachedLines() throws {
        // Two lines of prose added above everything: the cached result's lines move with the blocks.
        let text = try FixtureBooks.text("options/chapters/01-options.md").replacingOccurrences(of: "# Options\n", with: "# Options\n\nNew.\n")
        let edited = try ChapterParser().parse(text, sourcePath: "chapters/01-options.md")
        let woven = Weaver().weave(edited, result: sampleResult())
        XCTAssertEqual(woven.cells[0].line, 14)
        XCTAssertEqual(woven.claims.first?.line, 17)
        guard case .diagnostic(let diagnostic) = woven.cells[4].outputs[0] else { return XCTFail() }
        XCTAssertEqual(diagnostic.line, 41)
    }

    func testWithoutResultRunnableBlocksAreNotRun() throws {
        let woven = Weaver().weave(try options(), result: nil)
        XCTAssertEqual(woven.cells.map(\.status), [.notRun, .notRun, .notEvaluated, .notEvaluated, .notRun])
    }
}
