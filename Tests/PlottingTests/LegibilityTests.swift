import Foundation
import XCTest
@testable import Plotting
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Phone legibility, markers, legends and seam-free rasters, checked on the rendered SVG.
final class LegibilityTests: XCTestCase {
    private static let rendered: [(name: String, svg: String)] = SampleCharts.all().map { ($0.name, $0.chart.svg()) }

    /// Charts that must be legible on a phone as they are, with no sideways scrolling.
    private static let fitsPhone: Set<String> = [
        "line", "line-log", "scatter", "histogram", "bars", "heatmap-confusion", "heatmap-weights",
        "normalization", "activations", "gradient-norms", "learning-rates", "histogram-grid-phone",
        "heatmap-contours", "heatmap-digits", "bars-many", "scatter-many", "line-bands", "line-bands-log",
    ]

    struct TextSizes {
        var viewBoxWidth: Double
        var minimumWidth: Double?
        /// (font size in viewBox units, text) of every element holding visible text.
        var texts: [(size: Double, text: String)]

        /// CSS px of the smallest text on a 390 px phone: the chart is shown `available` px wide
        /// (its own width if narrower), or `data-min-width` px wide when it asks for that.
        func smallestOnPhone(available: Double) -> (size: Double, text: String) {
            let shown = minimumWidth ?? Swift.min(available, viewBoxWidth)
            let smallest = texts.min { $0.size < $1.size } ?? (.infinity, "")
            return (smallest.size * shown / viewBoxWidth, smallest.text)
        }
    }

    /// Every visible text of `svg` with its font size, inherited from the enclosing elements.
    static func textSizes(_ svg: String) throws -> TextSizes {
        let document = try XMLDocument(xmlString: svg, options: [])
        let root = document.rootElement()!
        // (attribute(forName:) does not find attributes of namespaced elements in FoundationXML.)
        func attribute(_ element: XMLElement, _ name: String) -> String? {
            element.attributes?.first { $0.name == name }?.stringValue
        }
        let viewBox = attribute(root, "viewBox")!.split(separator: " ").map { Double($0)! }
        let minimumWidth = attribute(root, "data-min-width").flatMap { Double($0) }
        var texts: [(Double, String)] = []
        func visit(_ node: XMLNode, inherited: Double) {
            guard let element = node as? XMLElement else {
                if node.kind == .text, let text = node.stringValue, text.contains(where: { !$0.isWhitespace }),
                   let parent = node.parent as? XMLElement, ["text", "tspan"].contains(parent.name ?? "") {
                    texts.append((inherited, text))
                }
                return
            }
            guard !["title", "desc"].contains(element.name ?? "") else { return }
            let size = attribute(element, "font-size").flatMap { Double($0) } ?? inherited
            for child in element.children ?? [] { visit(child, inherited: size) }
        }
        visit(root, inherited: 16)
        return TextSizes(viewBoxWidth: viewBox[2], minimumWidth: minimumWidth, texts: texts)
    }

    /// At the 358 px text column of a 390 px phone, and at the 322 px a figure gets inside a
    /// cell's output box on today's page.
    func testEveryTextIsAtLeastNinePixelsOnAPhone() throws {
        for (name, svg) in Self.rendered {
            let sizes = try Self.textSizes(svg)
            XCTAssertFalse(sizes.texts.isEmpty, name)
            for available in [Typography.phoneContentWidth, Typography.phoneFigureWidth] {
                let smallest = sizes.smallestOnPhone(available: available)
                XCTAssertGreaterThanOrEqual(smallest.size, Typography.minimumReadableSize,
                                            "\(name) at \(available) px: \u{201C}\(smallest.text)\u{201D} at \(smallest.size) CSS px")
            }
        }
    }

    func testChartsThatCanAffordItNeedNoSidewaysScrolling() throws {
        for (name, svg) in Self.rendered where Self.fitsPhone.contains(name) {
            XCTAssertNil(try Self.textSizes(svg).minimumWidth, "\(name) asks for data-min-width")
        }
    }

    func testDenseGridsAskForTheWidthAtWhichTheirTextIsLegible() throws {
        for (name, svg) in Self.rendered where !Self.fitsPhone.contains(name) {
            let sizes = try Self.textSizes(svg)
            let minimumWidth = try XCTUnwrap(sizes.minimumWidth, "\(name) is too dense for a phone but has no data-min-width")
            XCTAssertGreaterThan(minimumWidth, Typography.phoneFigureWidth, name)
            // Not wider than needed: at data-min-width the smallest text is 9 px, not more.
            let smallest = sizes.texts.map(\.size).min()!
            XCTAssertLessThan(smallest * minimumWidth / sizes.viewBoxWidth, Typography.minimumReadableSize + 0.1, name)
        }
    }

    func testWrappingColumnsMakesAGridNarrower() throws {
        let full = try Self.textSizes(SampleCharts.initializationGrid().svg())
        let wrapped = try Self.textSizes(SampleCharts.initializationGrid(wrapColumns: 2).svg())
        XCTAssertLessThan(wrapped.viewBoxWidth, full.viewBoxWidth * 0.6)
        XCTAssertLessThan(wrapped.minimumWidth ?? 0, full.minimumWidth!)
        // Each block repeats the row headers.
        XCTAssertEqual(occurrences(of: ">He, ReLU</text>", in: SampleCharts.initializationGrid(wrapColumns: 2).svg()), 3)
    }

    func testMoreThanFourSeriesGetDistinctMarkerShapes() {
        let svg = SampleCharts.gradientNorms().svg()
        let groups = svg.components(separatedBy: "class=\"nb-series nb-series-").dropFirst()
            .map { $0.components(separatedBy: "</g>")[0] }
        XCTAssertEqual(groups.count, 6)
        // The first point of each series: a circle for series 1, a polygon of a distinct shape after.
        let shapes = groups.map { group -> String in
            if let polygon = group.components(separatedBy: "<polygon points=\"").dropFirst().first {
                return "polygon \(polygon.components(separatedBy: "\"")[0].split(separator: " ").count)"
            }
            return group.contains("<circle") ? "circle" : "none"
        }
        XCTAssertEqual(shapes, ["circle", "polygon 4", "polygon 3", "polygon 4", "polygon 3", "polygon 12"])
        // Line charts without markers still mark more than four series, sparsely.
        let functions = SampleCharts.activations().svg()
        XCTAssertGreaterThan(occurrences(of: "<polygon", in: functions), 20)
        // Four or fewer series: colour alone, no markers unless asked for.
        XCTAssertEqual(occurrences(of: "<polygon", in: SampleCharts.learningRates().svg()), 0)
    }

    func testScatterPlotsWithManyClassesUseShapes() {
        XCTAssertGreaterThan(occurrences(of: "<polygon", in: SampleCharts.manyClasses().svg()), 100)
        XCTAssertEqual(occurrences(of: "<polygon", in: SampleCharts.spiral().svg()), 0)
    }

    func testWideLegendsMoveUnderThePlot() throws {
        func legendTop(_ svg: String) -> Double {
            let legend = svg.components(separatedBy: "class=\"nb-legend\"")[1]
            return Double(legend.components(separatedBy: "y=\"")[1].components(separatedBy: "\"")[0])!
        }
        func axisBottom(_ svg: String) -> Double {
            let axes = svg.components(separatedBy: "class=\"nb-axes\"")[1].components(separatedBy: "</g>")[0]
            return axes.components(separatedBy: "y2=\"").dropFirst()
                .map { Double($0.components(separatedBy: "\"")[0])! }.max()!
        }
        let wide = SampleCharts.gradientNorms().svg()  // "ReLU, 1.5 × He init" is too long for the side
        XCTAssertGreaterThan(legendTop(wide), axisBottom(wide))
        let narrow = SampleCharts.lossCurves().svg()
        XCTAssertLessThan(legendTop(narrow), axisBottom(narrow))
    }

    /// Rects of one raster row must tile: each starts where the previous ends (no overlap that
    /// doubles translucent colour, no gap), drawn with crisp edges so no anti-aliased seam shows.
    func testRastersTileWithoutSeams() throws {
        func rects(_ group: String) -> [(x: Double, y: Double, width: Double)] {
            group.components(separatedBy: "<rect").dropFirst().map { rect in
                func value(_ name: String) -> Double {
                    Double(rect.components(separatedBy: " \(name)=\"")[1].components(separatedBy: "\"")[0])!
                }
                return (value("x"), value("y"), value("width"))
            }
        }
        let heatmap = Heatmap(title: "uniform", values: Array(repeating: [1, 1, 2, 2, 2, 3], count: 4),
                              colorScale: .sequential).svg()
        let cells = heatmap.components(separatedBy: "class=\"nb-cells\"")[1].components(separatedBy: "</g>")[0]
        XCTAssertTrue(heatmap.contains("class=\"nb-cells\" shape-rendering=\"crispEdges\""))
        let all = rects(cells)
        XCTAssertEqual(all.count, 4 * 3, "runs of equal colour merge")
        for row in Set(all.map(\.y)) {
            let inRow = all.filter { $0.y == row }.sorted { $0.x < $1.x }
            for (a, b) in zip(inRow, inRow.dropFirst()) { XCTAssertEqual(a.x + a.width, b.x, accuracy: 0.011) }
        }
        let regions = SampleCharts.spiral().svg()
        XCTAssertTrue(regions.contains("class=\"nb-regions\" style=\"opacity:0.2\" shape-rendering=\"crispEdges\""))
        let regionRects = rects(regions.components(separatedBy: "class=\"nb-regions\"")[1].components(separatedBy: "nb-axes")[0])
        for row in Set(regionRects.map(\.y)) {
            let inRow = regionRects.filter { $0.y == row }.sorted { $0.x < $1.x }
            for (a, b) in zip(inRow, inRow.dropFirst()) { XCTAssertEqual(a.x + a.width, b.x, accuracy: 0.011) }
        }
    }

    func testNumericHeatmapLabelsAreThinnedToRoundValues() {
        let svg = SampleCharts.lossSurface().svg()
        let rowLabels = svg.components(separatedBy: "text-anchor=\"end\"").dropFirst()
            .compactMap { Double($0.components(separatedBy: ">")[1].components(separatedBy: "<")[0]
                .replacingOccurrences(of: "\u{2212}", with: "-")) }
        XCTAssertGreaterThan(rowLabels.count, 3)
        for value in rowLabels {
            // Every printed label is a multiple of 0.1, 0.2, 0.25 or 0.5 (never -0.85, -0.70).
            XCTAssertTrue([0.1, 0.2, 0.25, 0.5].contains { step in
                abs(value / step - (value / step).rounded()) < 1e-6
            }, "\(value)")
        }
        XCTAssertTrue(rowLabels.contains(0))
        XCTAssertEqual(labelStride((0..<41).map { String(-1 + Double($0) / 20) }, needed: 2.6).stride, 4)
        XCTAssertEqual(labelStride(["a", "b", "c", "d", "e"], needed: 2.6).stride, 5)
    }
}
