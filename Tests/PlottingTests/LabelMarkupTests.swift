import XCTest
@testable import Plotting

final class LabelMarkupTests: XCTestCase {
    func testSubscriptsAndSuperscriptsParseIntoRuns() {
        XCTAssertEqual(LabelMarkup("‖∂L/∂h_l‖").runs,
                       [.init("‖∂L/∂h"), .init("l", [.sub]), .init("‖")])
        XCTAssertEqual(LabelMarkup("h_{in}").runs, [.init("h"), .init("in", [.sub])])
        XCTAssertEqual(LabelMarkup("x^2 + y").runs, [.init("x"), .init("2", [.sup]), .init(" + y")])
        XCTAssertEqual(LabelMarkup("e^{-x^2}").runs,
                       [.init("e"), .init("−x", [.sup]), .init("2", [.sup, .sup])])
        XCTAssertEqual(LabelMarkup("10^{-4}").runs, [.init("10"), .init("−4", [.sup])])
    }

    func testUnderscoresThatAreNotMarkupStayLiteral() {
        XCTAssertEqual(LabelMarkup("a _ b").runs, [.init("a _ b")])
        XCTAssertEqual(LabelMarkup("x_").runs, [.init("x_")])
        XCTAssertEqual(LabelMarkup("snake\\_case").runs, [.init("snake_case")])
        XCTAssertEqual(LabelMarkup("2\\^10 \\{\\} \\\\").runs, [.init("2^10 {} \\")])
        XCTAssertEqual(LabelMarkup("loss − 1 (log scale)").runs, [.init("loss − 1 (log scale)")])
        XCTAssertFalse(LabelMarkup("N(0, 0.01²), tanh").hasScripts)
    }

    func testTeXNamesBecomeSymbolsAndUnknownCommandsStay() {
        XCTAssertEqual(LabelMarkup("\\alpha = 0.1, \\partial L").runs, [.init("α = 0.1, ∂ L")])  // spaces are kept
        XCTAssertEqual(LabelMarkup("\\mu_B").runs, [.init("μ"), .init("B", [.sub])])
        XCTAssertEqual(LabelMarkup("\\text{in}").runs, [.init("\\text{in}")])
    }

    func testUnbalancedBracesCloseAtTheEnd() {
        XCTAssertEqual(LabelMarkup("h_{in").runs, [.init("h"), .init("in", [.sub])])
        XCTAssertEqual(LabelMarkup("a}b").runs, [.init("a}b")])
    }

    func testPlainTextUsesUnicodeScriptsWhereTheyExist() {
        XCTAssertEqual(LabelMarkup.plainText("‖∂L/∂h_l‖"), "‖∂L/∂hₗ‖")
        XCTAssertEqual(LabelMarkup.plainText("h_{in}"), "hᵢₙ")
        XCTAssertEqual(LabelMarkup.plainText("10^{-4}"), "10⁻⁴")
        XCTAssertEqual(LabelMarkup.plainText("σ^2"), "σ²")
        // No Unicode subscript B: the source notation stays, readable and unambiguous.
        XCTAssertEqual(LabelMarkup.plainText("xᵢ − μ_B"), "xᵢ − μ_B")
        XCTAssertEqual(LabelMarkup.plainText("W_{QK}"), "W_{QK}")
        XCTAssertEqual(LabelMarkup.plainText("e^{-x^2}"), "e^{−x^2}")
        XCTAssertEqual(LabelMarkup.plainText("snake\\_case"), "snake_case")
    }

    func testHTMLUsesSubAndSupAndEscapesEverythingElse() {
        XCTAssertEqual(LabelMarkup.html("xᵢ − μ_B"), "xᵢ − μ<sub>B</sub>")
        XCTAssertEqual(LabelMarkup.html("e^{-x^2}"), "e<sup>−x<sup>2</sup></sup>")
        XCTAssertEqual(LabelMarkup.html("<b>_{<i>} & x^\"y\""),
                       "&lt;b&gt;<sub>&lt;i&gt;</sub> &amp; x<sup>&quot;</sup>y&quot;")
    }

    func testChartsDrawScriptsAsShiftedSmallerTspans() {
        let document = LineChart(title: "t", xLabel: "h_{in}", yLabel: "‖∂L/∂h_l‖",
                                 series: [LineSeries(name: "μ_B", y: [1, 2]), LineSeries(name: "σ^2", y: [2, 1])]).svg()
        let svg = document.components(separatedBy: "</desc>")[1]  // the drawing, without the text alternative
        XCTAssertFalse(svg.contains("h_l") || svg.contains("h_{in}") || svg.contains("μ_B") || svg.contains("σ^2"), svg)
        // The subscript is lowered (positive dy) and smaller; the text after it returns to the baseline.
        let yLabel = svg.components(separatedBy: "‖∂L/∂h<tspan ")[1].components(separatedBy: "</text>")[0]
        let shifts = yLabel.components(separatedBy: "dy=\"").dropFirst().map { Double($0.components(separatedBy: "\"")[0])! }
        XCTAssertEqual(shifts.count, 2)
        XCTAssertGreaterThan(shifts[0], 0)
        XCTAssertEqual(shifts[0] + shifts[1], 0, accuracy: 1e-9)
        XCTAssertTrue(yLabel.contains("font-size=\""))
        XCTAssertTrue(svg.contains(">σ<tspan dy=\"-"), "superscript raised")
        assertWellFormedSVG(document, "markup chart")
    }

    func testScriptsInChartsNeverGetIllegible() {
        let chart = LineChart(title: "x^{y^{z^{w}}}", series: [LineSeries(name: "s", y: [1, 2])])
        let svg = chart.svg().components(separatedBy: "</desc>")[1]
        let sizes = svg.components(separatedBy: "font-size=\"").dropFirst().map { Double($0.components(separatedBy: "\"")[0])! }
        let minimum = Typography(width: chart.width).minimum
        XCTAssertTrue(sizes.allSatisfy { $0 >= minimum - 0.01 }, "\(sizes) below \(minimum)")
    }

    func testTableHeadersRenderMarkupAndPlainTextUsesUnicode() {
        let table = Table(columns: ["i", "x_i − μ_B", Table.Column("h_{in}", format: .fixed(1))], rows: [[1, "a", 0.5]])
        let html = table.html()
        XCTAssertTrue(html.contains(">x<sub>i</sub> − μ<sub>B</sub></th>"), html)
        XCTAssertTrue(html.contains(">h<sub>in</sub></th>"), html)
        XCTAssertEqual(table.plainText().split(separator: "\n")[0], "i  xᵢ − μ_B  hᵢₙ")
    }

    func testAltTextAndTitleElementUsePlainText() {
        let chart = LineChart(title: "Norm of h_l", yLabel: "‖∂L/∂h_l‖", series: [LineSeries(name: "s", y: [1, 2])])
        XCTAssertTrue(chart.altText.contains("‖∂L/∂hₗ‖"), chart.altText)
        XCTAssertTrue(chart.svg().contains("<title>Norm of hₗ</title>"))
    }

    func testTextWidthCountsScriptsSmallerAndMarkupNotAtAll() {
        XCTAssertEqual(estimatedTextWidth("abc", fontSize: 10), 18, accuracy: 1e-9)
        XCTAssertLessThan(estimatedTextWidth("h_{in}", fontSize: 10), estimatedTextWidth("hin", fontSize: 10))
        XCTAssertGreaterThan(estimatedTextWidth("h_{in}", fontSize: 10), estimatedTextWidth("h", fontSize: 10))
    }

    func testLongTextWrapsAtSpacesOutsideGroups() {
        let lines = wrappedLines("A training digit (label 3): original, 1-pixel shift, sub-pixel shift, noise",
                                 width: 300, fontSize: 16)
        XCTAssertGreaterThan(lines.count, 1)
        XCTAssertTrue(lines.allSatisfy { estimatedTextWidth($0, fontSize: 16) <= 300 }, "\(lines)")
        XCTAssertEqual(lines.joined(separator: " "), "A training digit (label 3): original, 1-pixel shift, sub-pixel shift, noise")
        XCTAssertEqual(wrappedLines("x_{a b c d e f}", width: 10, fontSize: 16), ["x_{a b c d e f}"])
    }
}
