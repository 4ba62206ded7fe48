import XCTest
@testable import BookKit

/// A small hand-built book covering what pages show: math the course needs (chain rule, BatchNorm,
/// Xavier/He), a figure and a table with references, claims, long output, diagnostics, traps,
/// inline values and hostile text. Used by the Render*Tests and, with RENDER_SAMPLE_OUTPUT=DIR,
/// written to disk for the browser check (`python3 Tests/Browser/check_pages.py DIR shots/`).
enum RenderFixtureBook {
    static let book = BookMetadata(
        title: "Neural Networks, Executed",
        prefaceMarkdown: """
        # Neural Networks, Executed

        Every number in this book comes from code that ran when the book was built. Math such as
        $\\sigma(x) = 1 / (1 + e^{-x})$ is typeset offline.
        """,
        sourcePath: "chapters/index.md")

    static let svg = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="100%" role="img" aria-label="two lines">\
    <title>two lines</title><line x1="10" y1="90" x2="190" y2="10" style="stroke:var(--series-1, #0072B2);stroke-width:2"/>\
    <line x1="10" y1="10" x2="190" y2="90" style="stroke:var(--series-2, #D55E00);stroke-width:2"/>\
    <text x="100" y="98" style="fill:var(--plot-fg, currentColor)" font-size="8">epoch</text></svg>
    """

    static let table = """
    <table class="nb-table">
    <caption>Accuracy by initialization</caption>
    <thead><tr><th scope="col">init</th><th scope="col" style="text-align:right">accuracy</th></tr></thead>
    <tbody><tr><td>Xavier</td><td class="num" style="text-align:right">0.912</td></tr>
    <tr><td>He</td><td class="num" style="text-align:right">0.934</td></tr></tbody>
    </table>
    """

    static let chainRule = WovenChapter(
        sourcePath: "chapters/03-backpropagation.md", slug: "03-backpropagation", number: 3,
        title: "Backpropagation", summary: "The chain rule, $\\frac{dz}{dx}$, and how gradients flow backwards.",
        items: [
            .prose(markdown: """
            # Backpropagation

            ## The chain rule

            For $z = f(y)$ and $y = g(x)$ the scalar chain rule reads
            $\\frac{\\partial z}{\\partial x} = \\frac{\\partial z}{\\partial y}\\,\\frac{\\partial y}{\\partial x}$,
            and for vectors $\\mathbf{y} = g(\\mathbf{x})$, $z = f(\\mathbf{y})$ it becomes a product with the Jacobian:

            $$
            \\frac{\\partial z}{\\partial \\mathbf{x}} = \\left(\\frac{\\partial \\mathbf{y}}{\\partial \\mathbf{x}}\\right)^{\\top} \\frac{\\partial z}{\\partial \\mathbf{y}},
            \\qquad J_{ij} = \\frac{\\partial y_i}{\\partial x_j}
            $$

            A price of $5 is not math, nor is `$x$` in code, nor \\$y\\$.

            ## A gradient check

            The gradient check below uses NBINLINEVALUE0X parameters; see @fig-loss-curve and @tbl-accuracy.
            """, line: 1, inlineValues: [InlineValue(id: 0, expression: "model.parameterCount", line: 17, text: "1 024", error: nil)]),
            .cell(WovenCell(index: 1, language: "swift", code: """
            import NeuralEngine
            // A tiny model: one weight, one bias.
            let w = Tensor([2.0], requiresGrad: true)
            let loss = (w * 3.0 + 1.5).sum()
            print("loss =", loss.item, "<script>alert(1)</script>")
            """, line: 19, outputs: [
                .text("loss = 7.5 <script>alert(1)</script>\n"),
                .value("Tensor(shape: [1], [7.5])"),
                .claim(Claim(text: "the analytic gradient matches finite differences", passed: true,
                             detail: "observed 3.0000001, expected 3 ± 1e-5", line: 24)),
            ])),
            .cell(WovenCell(index: 2, language: "swift", code: "let curve = lineChart(losses)\nshow(curve)",
                            line: 30, label: "fig-loss-curve", caption: "Training loss of a *tiny* model, $\\mathcal{L}(w)$.",
                            outputs: [.figure(svg: svg, caption: nil, label: nil, alt: "Training loss falls from 2.3 to 0.1 over 20 epochs")])),
            .cell(WovenCell(index: 3, language: "swift", code: "show(accuracyTable)", line: 36, echo: false,
                            outputs: [.table(html: table, caption: nil, label: "tbl-accuracy")])),
            .cell(WovenCell(index: 4, language: "swift", code: "for epoch in 1...40 { print(epoch) }", line: 40,
                            outputs: [.text((1...40).map { "epoch \($0)" }.joined(separator: "\n") + "\n"),
                                      .notice("output cut at 1 MiB"),
                                      .claim(Claim(text: "loss decreases every epoch", passed: false, detail: nil, line: 43))])),
        ])

    static let normalization = WovenChapter(
        sourcePath: "chapters/05-initialization.md", slug: "05-initialization", number: 5,
        title: "Initialization and Normalization", summary: "Xavier and He initialization; batch normalization.",
        items: [
            .prose(markdown: """
            ## Variance-preserving initialization

            Xavier (Glorot) initialization draws $W_{ij} \\sim \\mathcal{U}\\left(-\\sqrt{\\frac{6}{n_\\text{in} + n_\\text{out}}}, \\sqrt{\\frac{6}{n_\\text{in} + n_\\text{out}}}\\right)$
            so that $\\operatorname{Var}(W) = \\frac{2}{n_\\text{in} + n_\\text{out}}$; He initialization uses
            $\\operatorname{Var}(W) = \\frac{2}{n_\\text{in}}$ for ReLU layers, with *emphasis* kept and a_b_c not math.

            ## Batch normalization

            $$
            \\begin{aligned}
            \\mu_\\mathcal{B} &= \\frac{1}{m}\\sum_{i=1}^{m} x_i, &
            \\sigma^2_\\mathcal{B} &= \\frac{1}{m}\\sum_{i=1}^{m} (x_i - \\mu_\\mathcal{B})^2, \\\\
            \\hat{x}_i &= \\frac{x_i - \\mu_\\mathcal{B}}{\\sqrt{\\sigma^2_\\mathcal{B} + \\epsilon}}, &
            y_i &= \\gamma \\hat{x}_i + \\beta
            \\end{aligned}
            $$

            ## Batch normalization

            The same heading twice gets a second id. Unknown values show an error: NBINLINEVALUE1X.
            Earlier figure: @fig-loss-curve. 中文标题也可以。
            """, line: 1, inlineValues: [InlineValue(id: 1, expression: "1 / 0", line: 22, text: nil, error: "division by zero")]),
            .cell(WovenCell(index: 1, language: "swift", code: "let x: Int = \"oops\"", line: 25,
                            outputs: [.diagnostic(Diagnostic(severity: .error, message: "cannot convert value of type 'String' to specified type 'Int'", line: 25, column: 14))],
                            status: .failed)),
            .cell(WovenCell(index: 2, language: "swift", code: "let y = [1][3]", line: 28,
                            outputs: [.error(message: "Fatal error: Index out of range", line: 28)], status: .expectedError)),
            .cell(WovenCell(index: 3, language: "swift", code: "print(\"never\")", line: 31, status: .notRun)),
            .cell(WovenCell(index: 4, language: "python", code: "print('shown, not run')", line: 34, status: .notEvaluated)),
        ])

    static var chapters: [WovenChapter] { [chainRule, normalization] }

    static func render() throws -> [String: [UInt8]] {
        try HTMLBookRenderer().render(book: book, chapters: chapters)
    }
}

final class RenderFixtureBookTests: XCTestCase {
    func testRendersEveryPageAndAsset() throws {
        let files = try RenderFixtureBook.render()
        for path in ["index.html", "03-backpropagation.html", "05-initialization.html", "assets/book.css",
                     "assets/book.js", "assets/search.js", "assets/theme-init.js", "assets/search-index.js",
                     "assets/katex/katex.min.js", "assets/katex/katex.min.css"] {
            XCTAssertNotNil(files[path], "missing \(path)")
        }
        XCTAssertTrue(files.keys.contains { $0.hasPrefix("assets/katex/fonts/") && $0.hasSuffix(".woff2") })
        if let directory = ProcessInfo.processInfo.environment["RENDER_SAMPLE_OUTPUT"] {
            for (path, bytes) in files {
                let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
        }
    }
}
