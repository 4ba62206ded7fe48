/// A scatter plot of points coloured by class, with an optional decision-region background.
///
/// Points with a non-finite coordinate are skipped. Class k uses palette colour k; the legend
/// shows `classNames` (or "class 0", "class 1", ... when none are given).
public struct ScatterPlot: SVGRenderable, Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var x: [Double]
    public var y: [Double]
    /// Class index of each point (0-based); all 0 when the data has no classes.
    public var classes: [Int]
    public var classNames: [String]
    public var regions: DecisionRegions?
    public var pointRadius: Double
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    public var width: Double
    public var height: Double
    private var customAltText: String?

    /// Traps when x, y and classes have different counts.
    public init(title: String, xLabel: String = "", yLabel: String = "", x: [Double], y: [Double],
                classes: [Int]? = nil, classNames: [String] = [], regions: DecisionRegions? = nil,
                pointRadius: Double = 3.5, xRange: ClosedRange<Double>? = nil,
                yRange: ClosedRange<Double>? = nil, width: Double = 540, height: Double = 440,
                altText: String? = nil) {
        let labels = classes ?? Array(repeating: 0, count: x.count)
        guard x.count == y.count, labels.count == x.count else {
            fatalError("ScatterPlot '\(title)': x has \(x.count), y \(y.count), classes \(labels.count) values")
        }
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.x = x
        self.y = y
        self.classes = labels
        self.classNames = classNames
        self.regions = regions
        self.pointRadius = pointRadius
        self.xRange = xRange ?? regions?.xRange
        self.yRange = yRange ?? regions?.yRange
        self.width = width
        self.height = height
        self.customAltText = altText
    }

    private var classCount: Int {
        Swift.max(classNames.count, (classes.max() ?? -1) + 1,
                  (regions?.predictions.joined().max() ?? -1) + 1)
    }

    private func className(_ index: Int) -> String {
        index < classNames.count ? classNames[index] : "class \(index)"
    }

    /// Class k's marker: circles while colour alone tells up to four classes apart, then shapes.
    private func marker(_ index: Int) -> MarkerShape {
        classCount > MarkerShape.colourOnlyLimit ? MarkerShape.forSeries(index) : .circle
    }

    /// The text alternative: given explicitly, or generated from the data.
    public var altText: String {
        get {
            if let customAltText { return customAltText }
            let counts = (0..<classCount).map { k in "\(plain(className(k))): \(classes.filter { $0 == k }.count)" }
            var text = "Scatter plot"
            if !title.isEmpty { text += " \u{201C}\(plain(title))\u{201D}" }
            text += " of \(counted(x.count, "point")) in \(counted(classCount, "class", plural: "classes")) (\(counts.joined(separator: ", ")))"
            text += "; x (\(xLabel.isEmpty ? "x" : plain(xLabel))) \(describeRange(x))"
            text += "; y (\(yLabel.isEmpty ? "y" : plain(yLabel))) \(describeRange(y))"
            if regions != nil { text += "; background shows the predicted class regions" }
            return text + "."
        }
        set { customAltText = newValue }
    }

    public func svg() -> String {
        let entries = (0..<classCount).map {
            LegendEntry(name: className($0), color: Palette.seriesColor($0), swatch: .marker(marker($0)))
        }
        let frame = CartesianFrame.make(
            width: width, height: height, title: title, xLabel: xLabel, yLabel: yLabel,
            xValues: x, yValues: y, xDomain: xRange, yDomain: yRange, xScale: .linear,
            yScale: .linear, legendEntries: entries)
        var writer = SVGWriter(typography: frame.typography)
        if let regions { drawRegions(regions, frame: frame, into: &writer) }
        frame.drawAxes(into: &writer)
        for k in 0..<classCount {
            let style = "fill:\(Palette.seriesColor(k));fill-opacity:0.9;stroke:var(--plot-bg, #fff);stroke-width:0.6"
            writer.open("g", [("class", "nb-series nb-series-\(k + 1)"), ("style", style)])
            for index in x.indices where classes[index] == k {
                guard let px = frame.x.position(x[index]), let py = frame.y.position(y[index]),
                      frame.contains(px, py) else { continue }
                marker(k).draw(px, py, radius: pointRadius, into: &writer)
            }
            writer.close("g")
        }
        frame.drawLegend(into: &writer)
        return svgDocument(width: width, height: frame.height, kind: "scatter-plot", title: title,
                           altText: altText, writer: writer)
    }

    /// Cells as a raster of rectangles; horizontal runs of one class merge into one rectangle
    /// so a 100 x 100 grid stays a few hundred elements. Edges are drawn crisp (no anti-aliasing):
    /// two anti-aliased rectangles sharing an edge each cover its pixels partly and let the
    /// background show through as a hairline seam at every zoom level and pixel ratio.
    private func drawRegions(_ regions: DecisionRegions, frame: CartesianFrame, into writer: inout SVGWriter) {
        let rows = regions.predictions.count
        let columns = regions.predictions[0].count
        let dx = (regions.xRange.upperBound - regions.xRange.lowerBound) / Double(columns)
        let dy = (regions.yRange.upperBound - regions.yRange.lowerBound) / Double(rows)
        // Opacity on the group, not the cells: overlapping cells then do not stack into seams.
        writer.open("g", [("class", "nb-regions"), ("style", "opacity:0.2"), ("shape-rendering", "crispEdges")])
        // One group per class so cells inherit the fill; runs of one class merge into one rect.
        let labels = Set(regions.predictions.joined()).filter { $0 >= 0 }.sorted()
        for label in labels {
            writer.open("g", [("style", "fill:\(Palette.seriesColor(label))")])
            for row in 0..<rows {
                var start = 0
                while start < columns {
                    var end = start + 1
                    while end < columns && regions.predictions[row][end] == regions.predictions[row][start] { end += 1 }
                    if regions.predictions[row][start] == label {
                        let x0 = regions.xRange.lowerBound + Double(start) * dx
                        let x1 = regions.xRange.lowerBound + Double(end) * dx
                        let y0 = regions.yRange.lowerBound + Double(row) * dy
                        if let px0 = frame.x.clampedPosition(x0), let px1 = frame.x.clampedPosition(x1),
                           let py0 = frame.y.clampedPosition(y0), let py1 = frame.y.clampedPosition(y0 + dy) {
                            writer.rect(px0, py1, px1 - px0, py0 - py1)
                        }
                    }
                    start = end
                }
            }
            writer.close("g")
        }
        writer.close("g")
    }
}
