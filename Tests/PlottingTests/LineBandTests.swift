import Foundation
import XCTest
@testable import Plotting

/// Shaded bands around lines (the spread over seeds), the plural nouns of generated text
/// alternatives, and annotations that wrap inside their histogram panel.
final class LineBandTests: XCTestCase {
    /// The `points` of every `<polygon>` inside the `<g class="nb-band nb-band-k">` group of `svg`.
    private func bandPolygons(_ svg: String, series k: Int) -> [[(Double, Double)]] {
        guard let start = svg.range(of: "class=\"nb-band nb-band-\(k)\"") else { return [] }
        let group = svg[start.upperBound...].prefix { _ in true }
        let body = String(group[..<group.range(of: "</g>")!.lowerBound])
        return body.components(separatedBy: "<polygon points=\"").dropFirst().map { chunk in
            chunk.prefix { $0 != "\"" }.split(separator: " ").map { pair in
                let xy = pair.split(separator: ",").map { Double($0)! }
                return (xy[0], xy[1])
            }
        }
    }

    private func chart(lower: [Double], upper: [Double], y: [Double], scale: AxisScale = .linear,
                       yRange: ClosedRange<Double>? = nil) -> LineChart {
        let x = y.indices.map(Double.init)
        return LineChart(title: "t", series: [LineSeries(name: "s", x: x, y: y,
                                                         band: LineBand(lower: lower, upper: upper, meaning: "lowest to highest of 3 seeds"))],
                         yScale: scale, yRange: yRange)
    }

    func testABandIsOnePolygonAlongTheUpperBoundAndBackAlongTheLower() throws {
        let svg = chart(lower: [0, 1, 2, 3], upper: [2, 3, 4, 5], y: [1, 2, 3, 4]).svg()
        let polygons = bandPolygons(svg, series: 1)
        XCTAssertEqual(polygons.count, 1)
        let points = try XCTUnwrap(polygons.first)
        XCTAssertEqual(points.count, 8)
        // x goes right along the upper bound, then back left along the lower one.
        XCTAssertEqual(points.prefix(4).map(\.0), points.prefix(4).map(\.0).sorted())
        XCTAssertEqual(Array(points.suffix(4).map(\.0)), points.prefix(4).map(\.0).reversed())
        // SVG y grows downwards: the upper bound is drawn above (smaller y than) the lower one.
        for i in 0..<4 { XCTAssertLessThan(points[i].1, points[7 - i].1) }
    }

    func testBandsAreDrawnUnderEveryLineInTheSeriesColour() {
        let svg = SampleCharts.seedBands().svg()
        let firstBand = svg.range(of: "nb-band nb-band-1")!.lowerBound
        let secondBand = svg.range(of: "nb-band nb-band-2")!.lowerBound
        let firstLine = svg.range(of: "nb-series nb-series-1")!.lowerBound
        XCTAssertLessThan(firstBand, firstLine)
        XCTAssertLessThan(secondBand, firstLine)
        XCTAssertTrue(svg.contains("fill:var(--series-1, #0072B2);fill-opacity:0.2;stroke:none"))
        XCTAssertTrue(svg.contains("fill:var(--series-2, #D55E00);fill-opacity:0.2;stroke:none"))
    }

    func testTheLegendHasOneEntryPerSeriesWithTheBandBehindItsLine() {
        let svg = SampleCharts.seedBands().svg()
        let legend = String(svg[svg.range(of: "class=\"nb-legend\"")!.lowerBound...])
        XCTAssertEqual(occurrences(of: "<text", in: legend), 2)
        XCTAssertEqual(occurrences(of: "fill-opacity:0.2\"/>", in: legend), 2)
        XCTAssertEqual(occurrences(of: "<line", in: legend), 2)
    }

    func testTheAxisMakesRoomForTheBandNotOnlyTheLine() {
        // The line stays within [1, 2] but the band reaches 10: the y axis must show it.
        let svg = chart(lower: [0, 0, 0], upper: [10, 10, 10], y: [1, 2, 1]).svg()
        XCTAssertTrue(svg.contains(">10.0</text>"), "y axis does not reach the band's top")
        XCTAssertTrue(chart(lower: [0, 0, 0], upper: [10, 10, 10], y: [1, 2, 1]).altText.contains("from 0 to 10"))
    }

    func testNonFiniteBoundsBreakTheBandAndLonePointsBecomeBars() {
        let svg = chart(lower: [0, 1, .nan, 3, 4, 5, .nan, 7], upper: [2, 3, 4, 5, 6, 7, 8, .infinity],
                        y: [1, 2, 3, 4, 5, 6, 7, 8]).svg()
        XCTAssertEqual(bandPolygons(svg, series: 1).map(\.count), [4, 6])   // points 0-1 and 3-5
        XCTAssertFalse(svg.lowercased().contains("nan"))
        let single = chart(lower: [0, .nan, 2], upper: [1, 1, 3], y: [0.5, 1, 2.5]).svg()
        XCTAssertEqual(bandPolygons(single, series: 1).count, 0)
        XCTAssertEqual(occurrences(of: "stroke-width:6", in: single), 2)   // points 0 and 2 alone
    }

    func testOnALogAxisANonPositiveLowerBoundReachesTheBottomAndBoundsAreClampedToTheRange() throws {
        // The line reaches down to 0.1, so the axis starts below the positive lower bounds 0.3.
        let logChart = chart(lower: [0, 0.3, 0.3], upper: [1, 1, 1], y: [0.1, 0.5, 0.5], scale: .log)
        let points = try XCTUnwrap(bandPolygons(logChart.svg(), series: 1).first)
        let bottom = points.suffix(3).map(\.1)
        XCTAssertEqual(points.count, 6)
        XCTAssertGreaterThan(bottom.last!, bottom.first!)   // the lower bound 0 sits at the very bottom
        let clamped = chart(lower: [-5, -5], upper: [5, 5], y: [0, 0], yRange: -1...1)
        let box = try XCTUnwrap(bandPolygons(clamped.svg(), series: 1).first)
        let ys = box.map(\.1)
        // Clamped to the plot rectangle: the band fills it from top to bottom but no further.
        XCTAssertEqual(Set(ys.map { ($0 * 100).rounded() }).count, 2)
    }

    func testTheTextAlternativeSaysWhatTheBandsShow() {
        let alt = SampleCharts.seedBands().altText
        XCTAssertTrue(alt.contains("shaded band around each line: lowest to highest of 5 seeds"), alt)
        let mixed = LineChart(title: "t", series: [
            LineSeries(name: "a", x: [0, 1], y: [1, 2], band: LineBand(lower: [0, 1], upper: [2, 3], meaning: "mean ± sd")),
            LineSeries(name: "b", x: [0, 1], y: [1, 2]),
        ]).altText
        XCTAssertTrue(mixed.contains("shaded band around a: mean ± sd"), mixed)
        XCTAssertFalse(LineChart(title: "t", series: [LineSeries(name: "a", y: [1, 2])]).altText.contains("band"))
    }

    func testTextAlternativesCountTheirNounsInTheRightNumber() {
        let oneBin = Histogram(title: "h", values: [1, 1, 1], binCount: 1)
        XCTAssertTrue(oneBin.altText.contains("in 1 bin;"), oneBin.altText)
        XCTAssertTrue(Histogram(title: "h", values: [0.5], binCount: 2).altText.contains("of 1 value in 2 bins"))
        let oneClass = ScatterPlot(title: "s", x: [0, 1], y: [0, 1], classes: [0, 0], classNames: ["a"])
        XCTAssertTrue(oneClass.altText.contains("2 points in 1 class ("), oneClass.altText)
        XCTAssertTrue(ScatterPlot(title: "s", x: [0], y: [0]).altText.contains("of 1 point in"))
        let oneGroup = GroupedBarChart(title: "b", groups: ["only"], series: [BarSeries(name: "x", values: [1])])
        XCTAssertTrue(oneGroup.altText.contains("over 1 group ("), oneGroup.altText)
        XCTAssertTrue(SampleCharts.bars().altText.contains("over 5 groups ("))
        for (name, chart) in SampleCharts.all() {
            guard let alt = (chart as? any Chart)?.altText else { continue }
            XCTAssertNil(alt.range(of: #"\b1 (groups|bins|classes|points|values|histograms)\b"#, options: .regularExpression),
                         "\(name): \(alt)")
        }
    }

    func testAnnotationsWiderThanTheirPanelWrapInsideIt() throws {
        let grid = SampleCharts.annotatedInitializationGrid()
        let size = grid.layout.size
        let width = grid.cellWidth - size - 4
        for row in grid.rowHeaders.indices {
            for column in grid.columnHeaders.indices {
                let lines = grid.annotationLines(row: row, column: column, width: width, size: size)
                XCTAssertFalse(lines.isEmpty)
                for line in lines {
                    XCTAssertLessThanOrEqual(estimatedTextWidth(line, fontSize: size), width, "\(row), \(column): \(line)")
                }
                if row >= 3 { XCTAssertEqual(lines.count, 2, "\(lines)") }
            }
        }
        // Too wide, a text breaks after its comma; an explicit line break is kept; a single word
        // wider than the panel is cut, not overflowing.
        XCTAssertEqual(grid.annotationLines(row: 3, column: 0, width: width, size: size), ["σ = 0.58,", "50% zeros"])
        XCTAssertEqual(grid.annotationLines(row: 3, column: 4, width: width, size: size), ["σ = 0.025", "50% zeros"])
        var narrow = grid
        narrow.annotations![0][0] = "supercalifragilisticexpialidocious"
        let cut = narrow.annotationLines(row: 0, column: 0, width: width, size: size)
        XCTAssertEqual(cut.count, 1)
        XCTAssertTrue(cut[0].hasSuffix("…"))
        // The two-line annotations leave the bars below both lines.
        let svg = grid.svg()
        XCTAssertEqual(occurrences(of: ">50% zeros</text>", in: svg), 6)
    }
}
