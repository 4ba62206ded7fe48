import XCTest
@testable import BookKit

/// Figures and tables are numbered per chapter and referenced from prose by label.
final class RenderFloatTests: XCTestCase {
    private func page(_ name: String) throws -> String {
        String(decoding: try RenderFixtureBook.render()[name]!, as: UTF8.self)
    }

    func testFiguresAndTablesAreNumberedPerChapterWithCaptionsAndLabelIds() throws {
        let html = try page("03-backpropagation.html")
        XCTAssertTrue(html.contains("<figure class=\"figure\" id=\"fig-loss-curve\">"))
        XCTAssertTrue(html.contains("<figcaption><span class=\"float-number\">Figure 3.1:</span> Training loss of a <em>tiny</em> model, <span class=\"math inline\">\\mathcal{L}(w)</span>.</figcaption>"), html)
        XCTAssertTrue(html.contains("<figure class=\"table\" id=\"tbl-accuracy\"><figcaption><span class=\"float-number\">Table 3.1:</span> Accuracy by initialization</figcaption>"), html)
        XCTAssertFalse(html.contains("<caption>"), "the table's own caption is replaced by the numbered one")
    }

    func testFiguresHaveATextAlternative() throws {
        let html = try page("03-backpropagation.html")
        XCTAssertTrue(html.contains("<div class=\"figure-body\" role=\"img\" aria-label=\"Training loss falls from 2.3 to 0.1 over 20 epochs\">"))
    }

    func testReferencesBecomeLinksInAndAcrossChapters() throws {
        XCTAssertTrue(try page("03-backpropagation.html").contains(
            "see <a class=\"xref\" href=\"#fig-loss-curve\">Figure 3.1</a> and <a class=\"xref\" href=\"#tbl-accuracy\">Table 3.1</a>."))
        XCTAssertTrue(try page("05-initialization.html").contains(
            "<a class=\"xref\" href=\"03-backpropagation.html#fig-loss-curve\">Figure 3.1</a>"))
    }

    func testUnknownReferenceNamesTheFileAndLine() {
        let chapter = WovenChapter(sourcePath: "chapters/07-cnn.md", slug: "07-cnn", number: 7, title: "CNNs", summary: nil,
                                   items: [.prose(markdown: "Intro.\n\nAs @fig-known shows,\nsee @fig-missing-one.", line: 10,
                                                  inlineValues: []),
                                           .cell(WovenCell(index: 1, language: "swift", code: "show(x)", line: 20, label: "fig-known",
                                                           outputs: [.figure(svg: "<svg></svg>", caption: nil, label: nil, alt: "x")]))])
        XCTAssertThrowsError(try HTMLBookRenderer().render(book: RenderFixtureBook.book, chapters: [chapter])) { error in
            let renderError = error as? BookError
            XCTAssertEqual(renderError?.file, "chapters/07-cnn.md")
            XCTAssertEqual(renderError?.line, 13)
            XCTAssertTrue(renderError?.message.contains("@fig-missing-one") ?? false, "\(error)")
            XCTAssertTrue(renderError?.description.hasPrefix("chapters/07-cnn.md:13: unknown reference @fig-missing-one") ?? false)
        }
    }

    func testDuplicateLabelIsAnError() {
        let cell = { (index: Int, line: Int) in
            WovenCell(index: index, language: "swift", code: "", line: line,
                      outputs: [.figure(svg: "<svg></svg>", caption: nil, label: "fig-a", alt: "a")])
        }
        let chapter = WovenChapter(sourcePath: "chapters/02-x.md", slug: "02-x", number: 2, title: "X", summary: nil,
                                   items: [.cell(cell(1, 5)), .cell(cell(2, 9))])
        XCTAssertThrowsError(try FloatNumbering.number(chapter, strings: .english)) { error in
            XCTAssertEqual((error as? BookError)?.line, 9)
        }
    }

    func testUnnumberedChapterNumbersFloatsPlainly() throws {
        let chapter = WovenChapter(sourcePath: "chapters/appendix.md", slug: "appendix", number: nil, title: "Appendix", summary: nil,
                                   items: [.cell(WovenCell(index: 1, language: "swift", code: "", line: 3,
                                                           outputs: [.table(html: "<table></table>", caption: "T", label: nil),
                                                                     .table(html: "<table></table>", caption: nil, label: "tbl-b")]))])
        let floats = try FloatNumbering.number(chapter, strings: .english)
        XCTAssertEqual(floats[OutputKey(cell: 1, output: 0)]?.title, "Table 1")
        XCTAssertEqual(floats[OutputKey(cell: 1, output: 1)]?.id, "tbl-b")
        XCTAssertEqual(floats[OutputKey(cell: 1, output: 0)]?.id, "table-1")
    }
}
