import Foundation
import XCTest
@testable import Plotting

final class ChartRenderingTests: XCTestCase {
    /// Rendered once and shared: the suite stays fast on a busy 2-core machine.
    private static let rendered: [(name: String, svg: String, again: String)] =
        SampleCharts.all().map { ($0.name, $0.chart.svg(), $0.chart.svg()) }

    func testEveryChartTypeRendersWellFormedAccessibleSVG() {
        for (name, svg, _) in Self.rendered {
            assertWellFormedSVG(svg, name)
            XCTAssertTrue(svg.contains("role=\"img\""), name)
            XCTAssertTrue(svg.contains("aria-label=\""), name)
            XCTAssertTrue(svg.contains("<title>") && svg.contains("<desc>"), name)
            XCTAssertTrue(svg.contains("width=\"100%\""), name)
        }
    }

    func testRenderingIsDeterministic() {
        for (name, svg, again) in Self.rendered {
            XCTAssertEqual(svg, again, name)
        }
        // Rebuilding the data from the same seed gives the same bytes too.
        XCTAssertEqual(SampleCharts.spiral().svg(), Self.rendered.first { $0.name == "scatter" }?.svg)
    }

    func testNoNonFiniteNumbersReachTheDocument() {
        for (name, svg, _) in Self.rendered {
            let lowered = svg.lowercased()
            for token in ["nan", "=\"inf", " inf", "-inf"] {
                XCTAssertFalse(lowered.contains(token), "\(name) contains \(token)")
            }
        }
    }

    func testNonFinitePointsAreSkippedAndBreakTheLine() {
        let clean = LineChart(title: "t", series: [LineSeries(name: "s", y: [1, 2, 3, 4, 5])]).svg()
        let holed = LineChart(title: "t", series: [LineSeries(name: "s", y: [1, .nan, 3, .infinity, 5])]).svg()
        XCTAssertEqual(pathPointCount(clean), 5)
        XCTAssertEqual(pathPointCount(holed), 3)
        XCTAssertEqual(occurrences(of: "M", in: holed.components(separatedBy: "<path d=\"")[1].components(separatedBy: "\"")[0]), 3)
    }

    func testLogScaleSkipsNonPositiveValues() {
        let chart = LineChart(title: "t", series: [LineSeries(name: "s", y: [1, 0, 0.1, -1, 0.01])],
                              yScale: .log, showMarkers: true)
        XCTAssertEqual(occurrences(of: "<circle", in: chart.svg()), 3)
    }

    func testSeriesColoursUseCSSVariablesWithLightThemeFallbacks() {
        let svg = SampleCharts.lossCurves().svg()
        XCTAssertTrue(svg.contains("var(--series-1, #0072B2)"))
        XCTAssertTrue(svg.contains("var(--series-2, #D55E00)"))
        XCTAssertTrue(svg.contains("var(--plot-fg, currentColor)"))
        XCTAssertFalse(svg.contains("background"))
    }

    func testMarkerAndReferenceLabelsAreDrawn() {
        let svg = SampleCharts.lossCurves().svg()
        XCTAssertTrue(svg.contains(">early stop</text>"))
        XCTAssertTrue(svg.contains(">target</text>"))
        XCTAssertTrue(SampleCharts.lossCurves().altText.contains("early stop"))
    }

    func testScatterRegionsMergeRunsOfOneClass() {
        let regions = DecisionRegions(xRange: 0...1, yRange: 0...1, predictions: [[0, 0, 1, 1], [2, 2, 2, 2]])
        let svg = ScatterPlot(title: "r", x: [0.5], y: [0.5], classes: [0], regions: regions).svg()
        let regionGroup = svg.components(separatedBy: "class=\"nb-regions\"")[1].components(separatedBy: "nb-axes")[0]
        XCTAssertEqual(occurrences(of: "<rect", in: regionGroup), 3)
    }

    func testHistogramBinsCountEveryFiniteValueOnce() {
        let bins = HistogramBins(values: [0, 0.1, 0.5, 0.99, 1, .nan, -.infinity], binCount: 2)
        XCTAssertEqual(bins.counts, [2, 3])
        XCTAssertEqual(bins.edges, [0, 0.5, 1])
    }

    func testHistogramGridSharesColumnRanges() {
        let grid = HistogramGrid(title: "g", rowHeaders: ["a", "b"], columnHeaders: ["x"],
                                 values: [[[0, 1, 2]], [[0.5, 7]]], binCount: 4)
        XCTAssertEqual(grid.cells[0][0].edges.first, grid.cells[1][0].edges.first)
        XCTAssertEqual(grid.cells[0][0].edges.last, grid.cells[1][0].edges.last)
        XCTAssertEqual(grid.cells[1][0].total, 2)
    }

    func testHeatmapAnnotatesEveryCell() {
        let heatmap = Heatmap(title: "h", values: [[1, 2], [3, 4]], annotationFormat: .fixed(0))
        let svg = heatmap.svg()
        for value in ["1", "2", "3", "4"] { XCTAssertTrue(svg.contains(">\(value)</text>"), value) }
    }

    func testDivergingScaleIsSymmetricAroundCentre() {
        let scale = ColorScale.diverging(center: 0)
        let (low, high) = scale.domain(minimum: -0.2, maximum: 1)
        XCTAssertEqual(low, -1)
        XCTAssertEqual(high, 1)
        XCTAssertEqual(scale.color(at: 0.5).hex, "#F7F7F7")
    }

    func testNormalizationDiagramHighlightsTheRightCells() {
        // Front face (C x HW) + top face (C x N) + right face (N x HW) cells highlighted:
        let n = 3, c = 4, hw = 2
        func highlighted(_ kind: NormalizationDiagram.Kind) -> Int {
            let svg = NormalizationDiagram(kinds: [kind], batchSize: n, channels: c, spatial: hw).svg()
            // Highlighted cells are the polygons inside the "nb-normalized" groups.
            return svg.components(separatedBy: "class=\"nb-normalized\"").dropFirst()
                .map { occurrences(of: "<polygon", in: $0.components(separatedBy: "</g>")[0]) }
                .reduce(0, +)
        }
        XCTAssertEqual(highlighted(.batch), hw + n)                  // channel 0: front column, top strip
        XCTAssertEqual(highlighted(.layer), c * hw + c + hw)          // sample 0: whole front, top row, right column
        XCTAssertEqual(highlighted(.instance), hw + 1)                // sample 0, channel 0
        XCTAssertEqual(highlighted(.group(groups: 2)), 2 * hw + 2)    // sample 0, channels 0-1
    }

    func testFunctionPlotSamplesEvenly() {
        let series = FunctionPlot.sample("id", xRange: -1...1, samples: 5) { $0 }
        XCTAssertEqual(series.x, [-1, -0.5, 0, 0.5, 1])
        XCTAssertEqual(series.y, series.x)
    }

    func testGroupedBarsDrawOneRectPerFiniteValue() {
        let chart = GroupedBarChart(title: "b", groups: ["a", "b"],
                                    series: [BarSeries(name: "s", values: [1, .nan]), BarSeries(name: "t", values: [2, 3])])
        let svg = chart.svg()
        XCTAssertEqual(occurrences(of: "<rect", in: svg), 3 + 2)  // 3 bars + 2 legend swatches
    }

    func testEmptyInputsRenderWithoutTrapping() {
        let charts: [any Chart] = [
            LineChart(title: "empty", series: []),
            LineChart(title: "all NaN", series: [LineSeries(name: "s", y: [.nan, .nan])], yScale: .log),
            ScatterPlot(title: "empty", x: [], y: []),
            Histogram(title: "empty", values: []),
            GroupedBarChart(title: "empty", groups: [], series: []),
            Heatmap(title: "empty", values: []),
            HistogramGrid(title: "empty", rowHeaders: [], columnHeaders: [], values: []),
        ]
        for chart in charts {
            assertWellFormedSVG(chart.svg(), chart.title)
            XCTAssertFalse(chart.altText.isEmpty)
        }
    }
    /// Series names with commas of their own are listed with semicolons, so each name stays whole.
    func testTextAlternativeListsNamesWithCommasBySemicolons() {
        let plainNames = LineChart(title: "t", series: [LineSeries(name: "a", y: [1, 2]), LineSeries(name: "b", y: [2, 1])])
        XCTAssertTrue(plainNames.altText.contains("(a, b)"), plainNames.altText)
        let commaNames = LineChart(title: "t", series: [LineSeries(name: "BN, 32", y: [1, 2]), LineSeries(name: "GN, 32", y: [2, 1])])
        XCTAssertTrue(commaNames.altText.contains("(BN, 32; GN, 32)"), commaNames.altText)
    }
}
