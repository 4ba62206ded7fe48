import XCTest
@testable import BookKit

/// A numbered figure or table nothing cites is a warning with its file and line.
final class CitationTests: XCTestCase {
    private func chapter(_ prose: String, cells: [WovenCell], path: String = "chapters/03-c.md") -> WovenChapter {
        WovenChapter(sourcePath: path, slug: ChapterFile.slug(of: path), number: ChapterFile.number(of: path), title: "C", summary: nil,
                     items: [.prose(markdown: prose, line: 1, inlineValues: [])] + cells.map(WovenItem.cell))
    }

    private func figure(_ index: Int, line: Int, label: String?) -> WovenCell {
        WovenCell(index: index, language: "swift", code: "", line: line, label: label,
                  outputs: [.figure(svg: "<svg></svg>", caption: nil, label: nil, alt: "x")])
    }

    func testUncitedAndUnlabelledFloatsAreReported() {
        let table = WovenCell(index: 3, language: "swift", code: "", line: 30,
                              outputs: [.table(html: "<table></table>", caption: "T", label: "tbl-kept")])
        let first = chapter("See @fig-cited. `@fig-in-code` is code.", cells: [figure(1, line: 10, label: "fig-cited"),
                                                                             figure(2, line: 20, label: "fig-in-code"), table])
        let second = chapter("Nothing cited here.", cells: [figure(1, line: 7, label: nil)], path: "chapters/04-d.md")
        let warnings = Citations.uncitedFloats(in: [first, second], prefaceMarkdown: "The preface cites @tbl-kept.")
        XCTAssertEqual(warnings.map(\.description), [
            "chapters/03-c.md:20: warning: Figure 3.2 (fig-in-code) is not cited: no @fig-in-code in the book's text",
            "chapters/04-d.md:7: warning: Figure 4.1 has no label, so the text cannot cite it (give its block `//| label: fig-...` and write @fig-... in the text)",
        ])
    }

    func testAReferenceFromAnotherChapterOrACaptionCounts() {
        let owner = chapter("Text.", cells: [figure(1, line: 5, label: "fig-a")])
        var captioned = figure(1, line: 3, label: "fig-b")
        captioned.caption = "Compare with @fig-a."
        let other = chapter("See @fig-b.", cells: [captioned], path: "chapters/05-e.md")
        XCTAssertEqual(Citations.uncitedFloats(in: [owner, other]), [])
    }

    func testBuildReportPrintsWarningsBeforeTheSummary() {
        var report = BuildReport(chapters: [], executed: [], renderFailures: [], changedFiles: [], woven: [])
        report.warnings = [BookWarning(file: "chapters/x.md", line: 3, message: "Figure 1.1 (fig-x) is not cited")]
        XCTAssertEqual(report.summaryLines, ["chapters/x.md:3: warning: Figure 1.1 (fig-x) is not cited",
                                             "0 chapters, 0 executed, 0/0 claims verified, 1 warning, no failures"])
    }
}
