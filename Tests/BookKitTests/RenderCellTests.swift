import XCTest
@testable import BookKit

/// Code cells: highlighted source, outputs below, status, claims, diagnostics, inline values.
final class RenderCellTests: XCTestCase {
    private func page(_ name: String) throws -> String {
        String(decoding: try RenderFixtureBook.render()[name]!, as: UTF8.self)
    }

    func testSwiftIsHighlightedAtBuildTime() {
        let html = SwiftHighlighter.html("let x: Int = 42 // answer\nprint(\"<hi>\", label: 1.5)")
        XCTAssertTrue(html.hasPrefix("<span class=\"tok-k\">let</span> x: <span class=\"tok-t\">Int</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"tok-n\">42</span>"))
        XCTAssertTrue(html.contains("<span class=\"tok-c\">// answer</span>"))
        XCTAssertTrue(html.contains("<span class=\"tok-s\">\"&lt;hi&gt;\"</span>"))
        XCTAssertTrue(html.contains("<span class=\"tok-l\">label</span>"))
        XCTAssertEqual(HTMLEscaping.plainText(ofHTML: html), "let x: Int = 42 // answer\nprint(\"<hi>\", label: 1.5)",
                       "highlighting must not change the text")
    }

    func testOutputsSitBelowTheCodeAndLongOutputIsFolded() throws {
        let html = try page("03-backpropagation.html")
        XCTAssertTrue(html.contains("</code></pre></div><div class=\"cell-output\""))
        XCTAssertTrue(html.contains("<details class=\"output-fold\"><summary>Output: 40 lines (show)</summary>"))
        XCTAssertTrue(html.contains("<pre class=\"output output-stream\"><code>loss = 7.5"), "short output is not folded")
        XCTAssertTrue(html.contains("<pre class=\"output output-value\"><code>Tensor(shape: [1], [7.5])</code></pre>"))
    }

    func testEchoFalseHidesTheCode() throws {
        let html = try page("03-backpropagation.html")
        XCTAssertFalse(html.contains("show(accuracyTable)"))
        XCTAssertTrue(html.contains("<div class=\"cell status-ok\" id=\"cell-3\"><div class=\"cell-output\""))
    }

    func testClaimsAreSummarisedAndLinked() throws {
        let html = try page("03-backpropagation.html")
        XCTAssertTrue(html.contains("<strong>Claims checked by running this chapter: </strong>1 verified, 1 failed"))
        XCTAssertTrue(html.contains("<li class=\"failed\"><a href=\"#claim-2\">"))
        XCTAssertTrue(html.contains("<div class=\"claim passed\" id=\"claim-1\">"))
        XCTAssertTrue(html.contains("<span class=\"claim-detail\"><span class=\"claim-observed\">observed <span class=\"claim-value\">3.0000001</span></span> "
                                    + "<span class=\"claim-expected\">expected <span class=\"claim-value\">3 ± 1e-5</span></span></span>"), html)
        let index = try page("index.html")
        XCTAssertTrue(index.contains("✗ 1 of 2 claims failed"))
    }

    func testStatusesDiagnosticsAndErrorsAreShown() throws {
        let html = try page("05-initialization.html")
        XCTAssertTrue(html.contains("<div class=\"cell status-failed\" id=\"cell-1\">"))
        XCTAssertTrue(html.contains("<span class=\"cell-badge\">✗ failed</span>"))
        XCTAssertTrue(html.contains("<span class=\"diagnostic-location\">chapters/05-initialization.md:25:14</span>"))
        XCTAssertTrue(html.contains("<div class=\"cell-error expected\">"))
        XCTAssertTrue(html.contains("Fatal error: Index out of range"))
        XCTAssertTrue(html.contains("not run (an earlier block failed)"))
        XCTAssertTrue(html.contains("<code class=\"language-python\"><span class=\"line\">print('shown, not run')</span></code>"), "other languages are shown, escaped, not highlighted")
    }

    func testInlineValuesAreSubstitutedOrMarked() throws {
        XCTAssertTrue(try page("03-backpropagation.html").contains(
            "uses <span class=\"inline-value num\" title=\"model.parameterCount\">1 024</span> parameters"))
        XCTAssertTrue(try page("05-initialization.html").contains(
            "<span class=\"inline-value error\" title=\"1 / 0: division by zero\">⚠ 1 / 0: division by zero</span>"))
    }

    func testMissingInlineValueIsAnError() {
        XCTAssertThrowsError(try InlineValueHTML.substitute([], in: "<p>NBINLINEVALUE4X</p>", sourcePath: "chapters/a.md", firstLine: 8)) {
            XCTAssertEqual(($0 as? BookError)?.line, 8)
        }
    }
}
