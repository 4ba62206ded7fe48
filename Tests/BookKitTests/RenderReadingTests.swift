import XCTest
@testable import BookKit

/// What a reader gets around the chapter's own content: exercises and answers, folded code with
/// a summary, copy buttons, code lines that wrap with a hanging indent, numbers kept whole in
/// tables, wide charts that scroll, claim details in two halves, counted nouns.
final class RenderReadingTests: XCTestCase {
    private func page(_ chapter: WovenChapter, book: BookMetadata = RenderReferenceTests.book) throws -> String {
        let files = try HTMLBookRenderer().render(book: BookMetadata(title: book.title, prefaceMarkdown: "", sourcePath: book.sourcePath,
                                                                     codeFold: book.codeFold), chapters: [chapter])
        return String(decoding: files[chapter.pageName]!, as: UTF8.self)
    }

    func testExercisesAreNumberedAndAnswersCollapsed() throws {
        let markdown = """
        # Ex

        ::: exercise
        First task.
        :::

        ::: solution
        First answer.

        ```swift
        let answer = 42
        ```
        :::

        ::: {.exercise #ex-second}
        Second task.
        :::
        """
        var chapter = try RenderReferenceTests.woven(markdown, path: "chapters/03-ex.md")
        // The solution's block ran: its output shows inside the answer.
        chapter.items = chapter.items.map { item in
            guard case .cell(var cell) = item else { return item }
            cell.status = .ok
            cell.outputs = [.text("42\n")]
            return .cell(cell)
        }
        let html = try page(chapter)
        XCTAssertTrue(html.contains("<section class=\"exercise\" id=\"exercise-3-1\" aria-labelledby=\"exercise-3-1-title\">"
                                    + "<p class=\"exercise-title\" id=\"exercise-3-1-title\"><a href=\"#exercise-3-1\">Exercise 3.1</a></p>"), html)
        XCTAssertTrue(html.contains("<details class=\"solution\"><summary>Answer</summary><div class=\"solution-body\">"))
        XCTAssertTrue(html.contains("<section class=\"exercise\" id=\"ex-second\""))
        XCTAssertTrue(html.contains(">Exercise 3.2</a>"))
        guard let answer = html.range(of: "<summary>Answer</summary>"), let end = html.range(of: "</div></details>") else {
            return XCTFail(html)
        }
        let inside = html[answer.upperBound..<end.lowerBound]
        XCTAssertTrue(inside.contains("First answer."))
        XCTAssertTrue(inside.contains("<pre class=\"output output-stream\"><code>42</code></pre>"), "the block's output is inside the answer")
        XCTAssertEqual(html.components(separatedBy: "<section class=\"exercise\"").count - 1, 2)
        XCTAssertEqual(html.components(separatedBy: "</section>").count - 1, 2, "every exercise is closed")
    }

    func testCodeFoldsByBlockChapterAndBookWithASummary() throws {
        let markdown = """
        ---
        code-fold: true
        ---
        # Fold

        ```swift
        // Draw the loss curve
        show(chart)
        ```

        ```swift
        //| code-fold: false
        let lesson = 1
        ```

        ```swift
        //| caption: "The *curve*"
        show(curve)
        ```

        ```swift
        let plain = 2
        ```
        """
        let chapter = try RenderReferenceTests.woven(markdown, path: "chapters/04-fold.md")
        let html = try page(chapter)
        XCTAssertEqual(html.components(separatedBy: "<details class=\"code-fold\">").count - 1, 3)
        XCTAssertTrue(html.contains("<details class=\"code-fold\"><summary><span class=\"code-fold-text\">Draw the loss curve</span></summary><div class=\"cell-source\">"), html)
        XCTAssertTrue(html.contains("<span class=\"code-fold-text\">The <em>curve</em></span>"), "a caption wins over a comment")
        XCTAssertTrue(html.contains("<span class=\"code-fold-text\">Show code</span>"))
        XCTAssertTrue(html.contains("<div class=\"cell status-not-run\" id=\"cell-2\"><div class=\"cell-source\">"), "code-fold: false wins over the chapter")

        var unfolded = chapter
        unfolded.codeFold = nil
        XCTAssertFalse(try page(unfolded).contains("code-fold\""), "no default: nothing folds")
        let bookWide = BookMetadata(title: "Book", prefaceMarkdown: "", sourcePath: "chapters/index.md", codeFold: true)
        XCTAssertEqual(try page(unfolded, book: bookWide).components(separatedBy: "<details class=\"code-fold\">").count - 1, 3,
                       "index.md's code-fold is the book's default")
    }

    func testFoldSummaryNamesTheFigureWhenNothingElseDoes() throws {
        let cell = WovenCell(index: 1, language: "swift", code: "show(chart)", line: 3, codeFold: true,
                             outputs: [.figure(svg: "<svg></svg>", caption: "Loss", label: "fig-loss", alt: "loss")])
        let chapter = WovenChapter(sourcePath: "chapters/02-f.md", slug: "02-f", number: 2, title: "F", summary: nil,
                                   items: [.prose(markdown: "See @fig-loss.", line: 1, inlineValues: []), .cell(cell)])
        XCTAssertTrue(try page(chapter).contains("<span class=\"code-fold-text\">Show code: Figure 2.1</span>"))
    }

    func testFoldSummaryFromACommentResolvesItsReferences() throws {
        let figure = WovenCell(index: 1, language: "swift", code: "show(chart)", line: 3,
                               outputs: [.figure(svg: "<svg></svg>", caption: "Loss", label: "fig-loss", alt: "loss")])
        let checks = WovenCell(index: 2, language: "swift", code: "// Checks on @fig-loss, seed by seed.\nexpect(true)", line: 7, codeFold: true)
        let chapter = WovenChapter(sourcePath: "chapters/02-f.md", slug: "02-f", number: 2, title: "F", summary: nil,
                                   items: [.prose(markdown: "See @fig-loss.", line: 1, inlineValues: []), .cell(figure), .cell(checks)])
        let html = try page(chapter)
        XCTAssertTrue(html.contains("<span class=\"code-fold-text\">Checks on <a class=\"xref\" href=\"#fig-loss\">Figure 2.1</a>, seed by seed.</span>"), html)
        XCTAssertFalse(html.contains("code-fold-text\">Checks on @fig-loss"))
    }

    func testCodeLinesCarryTheirIndentAndACopyButton() throws {
        let code = "func f() {\n    let x = [1,\n             2]\n\n    return\n}"
        XCTAssertEqual(CodeLines.html(HTMLEscaping.text(code)),
                       "<span class=\"line\">func f() {\n</span><span class=\"line\" style=\"--indent:4\">    let x = [1,\n</span>"
                       + "<span class=\"line\" style=\"--indent:13\">             2]\n</span><span class=\"line\">\n</span>"
                       + "<span class=\"line\" style=\"--indent:4\">    return\n</span><span class=\"line\">}</span>")
        let highlighted = SwiftHighlighter.html("/* one\n   two */\nlet s = \"a\"")
        XCTAssertEqual(highlighted, "<span class=\"tok-c\">/* one</span>\n<span class=\"tok-c\">   two */</span>\n<span class=\"tok-k\">let</span> s = <span class=\"tok-s\">\"a\"</span>")
        XCTAssertEqual(CodeLines.html(highlighted).components(separatedBy: "<span class=\"line\"").count - 1, 3,
                       "a comment across lines is cut into one span per line")
        let html = try page(WovenChapter(sourcePath: "chapters/02-c.md", slug: "02-c", number: 2, title: "C", summary: nil,
                                         items: [.cell(WovenCell(index: 1, language: "swift", code: code, line: 1))]))
        XCTAssertTrue(html.contains("<button class=\"copy-code\" type=\"button\" hidden aria-label=\"Copy the code to the clipboard\" data-copied=\"Copied\">Copy</button>"), html)
    }

    func testNumbersInTablesAreMarked() {
        XCTAssertEqual(NumericCells.mark("<table><tr><td>Xavier</td><td align=\"right\">6.4e-06</td><td class=\"x\">0.91 ± 0.01</td><td><span class=\"inline-value\">97.5%</span></td></tr></table>"),
                       "<table><tr><td>Xavier</td><td align=\"right\" class=\"num\">6.4e-06</td><td class=\"num x\">0.91 ± 0.01</td><td class=\"num\"><span class=\"inline-value\">97.5%</span></td></tr></table>")
        XCTAssertFalse(NumericCells.isNumber("ReLU, 1.5 × He"))
        XCTAssertFalse(NumericCells.isNumber("—"))
        XCTAssertTrue(NumericCells.isNumber("−3.2 × 10⁻⁴"))
    }

    func testWideChartsKeepTheirMinimumWidthAndGetAnEnlargeButton() throws {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 900 600\" width=\"100%\" data-min-width=\"612.5\"><text font-size=\"8\">a</text></svg>"
        XCTAssertEqual(OutputViews.minimumWidth(ofSVG: svg), "612.5")
        XCTAssertNil(OutputViews.minimumWidth(ofSVG: "<svg viewBox=\"0 0 1 1\"><text data-min-width=\"5\">x</text></svg>"))
        let cell = WovenCell(index: 1, language: "swift", code: "show(grid)", line: 2,
                             outputs: [.figure(svg: svg, caption: "Grid", label: "fig-grid", alt: "a grid")])
        let html = try page(WovenChapter(sourcePath: "chapters/02-w.md", slug: "02-w", number: 2, title: "W", summary: nil,
                                         items: [.prose(markdown: "@fig-grid", line: 1, inlineValues: []), .cell(cell)]))
        XCTAssertTrue(html.contains("<figure class=\"figure wide\" id=\"fig-grid\"><div class=\"figure-body\" role=\"img\" aria-label=\"a grid\" style=\"--figure-min-width:612.5px\"><svg"), html)
        XCTAssertTrue(html.contains("<button class=\"figure-enlarge\" type=\"button\" hidden aria-label=\"Enlarge the figure\""))
    }

    func testClaimDetailIsShownInTwoHalves() {
        let node = OutputViews.detail(of: "observed 7.4%, expected < 15.0%")
        XCTAssertEqual(node.render(), "<span class=\"claim-detail\"><span class=\"claim-observed\">observed <span class=\"claim-value\">7.4%</span></span> "
                       + "<span class=\"claim-expected\">expected <span class=\"claim-value\">&lt; 15.0%</span></span></span>")
        XCTAssertEqual(OutputViews.detail(of: "something else").render(), "<span class=\"claim-detail\">something else</span>")
    }

    func testCountedPhrasesAgree() {
        let strings = UIStrings.english
        XCTAssertEqual(strings.claimsBadge(total: 1, failed: 0), "✓ 1 claim verified")
        XCTAssertEqual(strings.claimsBadge(total: 12, failed: 0), "✓ 12 claims verified")
        XCTAssertEqual(strings.claimsBadge(total: 1, failed: 1), "✗ 1 of 1 claim failed")
        XCTAssertEqual(BuildReport.counted(1, "chapter"), "1 chapter")
        XCTAssertEqual(BuildReport.counted(2, "warning"), "2 warnings")
    }
}
