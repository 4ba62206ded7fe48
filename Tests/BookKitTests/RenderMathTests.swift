import XCTest
@testable import BookKit

/// Math is cut out before cmark sees it, so Markdown syntax inside TeX survives byte for byte.
final class RenderMathTests: XCTestCase {
    private func prose(_ markdown: String) throws -> String {
        try ProseHTML(sourcePath: "chapters/01-test.md", references: ReferenceTable(), pageName: "01-test.html")
            .render(markdown: markdown, firstLine: 1)
    }

    func testInlineMathKeepsUnderscoresAsterisksAndBackslashes() throws {
        let html = try prose("Let $a_1 * b_2 \\\\ c_{i}*d_{j}$ and $\\mu_\\mathcal{B}$ be given.")
        XCTAssertTrue(html.contains("<span class=\"math inline\">a_1 * b_2 \\\\ c_{i}*d_{j}</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"math inline\">\\mu_\\mathcal{B}</span>"), html)
        XCTAssertFalse(html.contains("<em>"), "underscores/asterisks in math must not become emphasis: \(html)")
    }

    func testDisplayMathIsABlockAndEscapesAmpersandsOfAlignedEnvironments() throws {
        let html = try prose("""
        Batch normalization:

        $$
        \\begin{aligned}
        \\hat{x}_i &= \\frac{x_i - \\mu_\\mathcal{B}}{\\sqrt{\\sigma^2_\\mathcal{B} + \\epsilon}} \\\\
        y_i &= \\gamma \\hat{x}_i + \\beta
        \\end{aligned}
        $$
        """)
        XCTAssertTrue(html.contains("<div class=\"math display\">\\begin{aligned}\n\\hat{x}_i &amp;= \\frac{x_i - \\mu_\\mathcal{B}}"), html)
        XCTAssertTrue(html.contains("\\\\\ny_i &amp;= \\gamma \\hat{x}_i + \\beta\n\\end{aligned}</div>"), html)
        XCTAssertFalse(html.contains("$$"))
    }

    func testDisplayMathInsideRunningTextStaysInTheParagraph() throws {
        let html = try prose("The rule $$\\frac{\\partial z}{\\partial x}$$ holds.")
        XCTAssertTrue(html.contains("<p>The rule <span class=\"math display\">\\frac{\\partial z}{\\partial x}</span> holds.</p>"), html)
    }

    func testEscapedDollarsCodeSpansAndPricesAreNotMath() throws {
        let html = try prose("A price of $5 and $10, code `$x_1$`, escaped \\$y\\$ and ```` `$z$` ````.")
        XCTAssertFalse(html.contains("class=\"math"), html)
        XCTAssertTrue(html.contains("<code>$x_1$</code>"), html)
        XCTAssertTrue(html.contains("escaped $y$"), html)
    }

    func testMathDoesNotCrossParagraphs() throws {
        let html = try prose("Costs $3 here.\n\nAnd $ there.")
        XCTAssertFalse(html.contains("class=\"math"), html)
    }

    func testFencedCodeInProseIsLeftAlone() throws {
        let html = try prose("```text\n$a_b$ @fig-x\n```\n\nThen $a$.")
        XCTAssertTrue(html.contains("<pre><code class=\"language-text\">$a_b$ @fig-x\n</code></pre>"), html)
        XCTAssertTrue(html.contains("<span class=\"math inline\">a</span>"), html)
    }

    func testIndentedCodeInProseIsLeftAlone() throws {
        // An unknown @fig- reference would throw: inside code it is not a reference at all.
        let html = try prose("Text.\n\n    $a_b$ @fig-x\n    more\n\nThen $a$.")
        XCTAssertTrue(html.contains("<pre><code>$a_b$ @fig-x\nmore\n</code></pre>"), html)
        XCTAssertTrue(html.contains("<span class=\"math inline\">a</span>"), html)
    }

    func testInlineMathMayContainALoneBacktick() throws {
        let html = try prose("Here $a`b$ is math.\n\nAnd `$x$` is code.")
        XCTAssertTrue(html.contains("<span class=\"math inline\">a`b</span>"), html)
        XCTAssertTrue(html.contains("<code>$x$</code>"), html)
    }

    func testMathHTMLEscapesAngleBrackets() throws {
        let html = try prose("If $a<b$ and $c > d$.")
        XCTAssertTrue(html.contains("<span class=\"math inline\">a&lt;b</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"math inline\">c &gt; d</span>"), html)
    }

    func testChapterPageLoadsKatexOnlyWhenItHasMath() throws {
        let files = try RenderFixtureBook.render()
        let page = String(decoding: files["05-initialization.html"]!, as: UTF8.self)
        XCTAssertTrue(page.contains("<script src=\"assets/katex/katex.min.js\" defer></script>"))
        XCTAssertTrue(page.contains("\\operatorname{Var}(W) = \\frac{2}{n_\\text{in}}"), "He variance formula intact")
        XCTAssertTrue(page.contains("\\mu_\\mathcal{B} &amp;= \\frac{1}{m}\\sum_{i=1}^{m} x_i"), "BatchNorm mean intact")
    }
}
