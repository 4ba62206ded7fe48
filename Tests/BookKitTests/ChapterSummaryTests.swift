@testable import BookKit
import XCTest

final class ChapterSummaryTests: XCTestCase {
    func testFailuresNameFileAndLineInChapterOrder() {
        let cells: [WovenItem] = [
            .cell(WovenCell(index: 1, language: "swift", code: "", line: 3, outputs: [
                .claim(Claim(text: "ok", passed: true, line: 4)),
                .claim(Claim(text: "loss falls", passed: false, detail: "observed 2, expected < 1", line: 5)),
            ])),
            .cell(WovenCell(index: 2, language: "swift", code: "", line: 8, outputs: [
                .diagnostic(Diagnostic(severity: .warning, message: "unused", line: 9, column: 1)),
                .diagnostic(Diagnostic(severity: .error, message: "no such name", line: 10, column: 2)),
            ], status: .failed)),
            .cell(WovenCell(index: 3, language: "swift", code: "", line: 12, status: .unexpectedSuccess)),
            .cell(WovenCell(index: 4, language: "swift", code: "", line: 15, outputs: [.error(message: "boom", line: nil)], status: .expectedError)),
            .cell(WovenCell(index: 5, language: "text", code: "", line: 18, status: .notEvaluated)),
        ]
        let woven = WovenChapter(sourcePath: "chapters/07-x.md", slug: "07-x", number: 7, title: "X", summary: nil, items: cells)
        let summary = ChapterSummary(woven: woven, chapterErrors: ["chapters/07-x.md:20: block 6 never ran"])
        XCTAssertEqual(summary.swiftBlocks, 4)
        XCTAssertEqual(summary.failedBlocks, 2)
        XCTAssertEqual(summary.claimsPassed, 1)
        XCTAssertEqual(summary.claimsFailed, 1)
        XCTAssertEqual(summary.failures, [
            "chapters/07-x.md:10: no such name",
            "chapters/07-x.md:12: block 3 has `error: true` but ran without an error",
            "chapters/07-x.md:5: claim failed: loss falls (observed 2, expected < 1)",
            "chapters/07-x.md:20: block 6 never ran",
        ])
        XCTAssertFalse(summary.ok)
    }
}
