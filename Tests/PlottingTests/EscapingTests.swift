import XCTest
@testable import Plotting

final class EscapingTests: XCTestCase {
    func testMarkupCharactersAreEscaped() {
        XCTAssertEqual(escapeMarkup("a < b & \"c\" > 'd'"), "a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39;")
    }

    func testSeriesNamesTitlesAndLabelsAreEscapedInEveryChart() {
        let evil = "<script>alert(\"x\")</script>"
        let charts: [any SVGRenderable] = [
            LineChart(title: evil, xLabel: evil, yLabel: evil,
                      series: [LineSeries(name: evil, y: [1, 2]), LineSeries(name: "b", y: [2, 1])],
                      verticalMarkers: [VerticalMarker(x: 1, label: evil)]),
            ScatterPlot(title: evil, x: [0, 1], y: [0, 1], classes: [0, 1], classNames: [evil, "b"]),
            Histogram(title: evil, xLabel: evil, values: [1, 2, 3]),
            HistogramGrid(title: evil, rowHeaders: [evil], columnHeaders: [evil], values: [[[1, 2]]]),
            GroupedBarChart(title: evil, groups: [evil], series: [BarSeries(name: evil, values: [1]), BarSeries(name: "b", values: [2])]),
            Heatmap(title: evil, values: [[1]], rowLabels: [evil], columnLabels: [evil]),
            NormalizationDiagram(title: evil),
        ]
        for chart in charts {
            let svg = chart.svg()
            XCTAssertFalse(svg.contains("<script"), svg)
            XCTAssertTrue(svg.contains("&lt;script&gt;"))
            assertWellFormedSVG(svg, "escaped chart")
        }
    }

    func testTableEscapesHeadersCellsAndCaption() {
        let table = Table(caption: "a & b", columns: ["<th>"], rows: [["<td>"]])
        let html = table.html()
        XCTAssertTrue(html.contains("<caption>a &amp; b</caption>"))
        XCTAssertTrue(html.contains("&lt;th&gt;"))
        XCTAssertTrue(html.contains("&lt;td&gt;"))
        XCTAssertFalse(html.contains("<td><td>"))
    }
}
