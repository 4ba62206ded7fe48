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
                pointRadius: Double = 3, xRange: ClosedRange<Double>? = nil,
                yRange: ClosedRange<Double>? = nil, width: Double = 640, height: Double = 400,
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

    /// The text alternative: given explicitly, or generated from the data.
    public var altText: String {
        get {
            if let customAltText { return customAltText }
            let counts = (0..<classCount).map { k in "\(className(k)): \(classes.filter { $0 == k }.count)" }
            var text = "Scatter plot"
            if !title.isEmpty { text += " \u{201C}\(title)\u{201D}" }
            text += " of \(x.count) points in \(classCount) classes (\(counts.joined(separator: ", ")))"
            text += "; x (\(xLabel.isEmpty ? "x" : xLabel)) \(describeRange(x))"
            text += "; y (\(yLabel.isEmpty ? "y" : yLabel)) \(describeRange(y))"
            if regions != nil { text += "; background shows the predicted class regions" }
            return text + "."
        }
        set { customAltText = newValue }
    }

    public func svg() -> String {
        let entries = (0..<classCount).map {
            LegendEntry(name: className($0), color: Palette.seriesColor($0), swatch: .dot)
        }
        let legendWidth = classCount > 1 ? Legend.width(for: entries) : 0
        let frame = CartesianFrame.make(
            width: width, height: height, hasTitle: !title.isEmpty, xLabel: xLabel, yLabel: yLabel,
            xValues: x, yValues: y, xDomain: xRange, yDomain: yRange, xScale: .linear,
            yScale: .linear, legendWidth: legendWidth)
        var writer = SVGWriter()
        if let regions { drawRegions(regions, frame: frame, into: &writer) }
        frame.drawAxes(into: &writer, title: title, xLabel: xLabel, yLabel: yLabel)
        for k in 0..<classCount {
            let style = "fill:\(Palette.seriesColor(k));fill-opacity:0.9;stroke:var(--plot-bg, #fff);stroke-width:0.6"
            writer.open("g", [("class", "nb-series nb-series-\(k + 1)"), ("style", style)])
            for index in x.indices where classes[index] == k {
                guard let px = frame.x.position(x[index]), let py = frame.y.position(y[index]),
                      frame.contains(px, py) else { continue }
                writer.circle(px, py, pointRadius)
            }
            writer.close("g")
        }
        if classCount > 1 { Legend.draw(entries, x: frame.right, y: frame.top + 6, into: &writer) }
        return svgDocument(width: width, height: height, kind: "scatter-plot", title: title,
                           altText: altText, body: writer.body)
    }

    /// Cells as a raster of rectangles; horizontal runs of one class merge into one rectangle
    /// so a 100 x 100 grid stays a few hundred elements.
    private func drawRegions(_ regions: DecisionRegions, frame: CartesianFrame, into writer: inout SVGWriter) {
        let rows = regions.predictions.count
        let columns = regions.predictions[0].count
        let dx = (regions.xRange.upperBound - regions.xRange.lowerBound) / Double(columns)
        let dy = (regions.yRange.upperBound - regions.yRange.lowerBound) / Double(rows)
        // Opacity on the group, not the cells: overlapping cells then do not stack into seams.
        writer.open("g", [("class", "nb-regions"), ("style", "opacity:0.2")])
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
                            // Slight overlap (0.5 px) hides anti-aliasing seams between cells.
                            writer.rect(px0, py1 - 0.25, px1 - px0 + 0.5, py0 - py1 + 0.5)
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
