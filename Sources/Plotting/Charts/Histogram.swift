/// A histogram: bars over equal-width bins, from raw values or precomputed counts.
public struct Histogram: SVGRenderable, Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var bins: HistogramBins
    /// Palette colour index of the bars.
    public var colorIndex: Int
    public var width: Double
    public var height: Double
    private var customAltText: String?

    /// A histogram of `values` in `binCount` bins over `range` (default min...max of the data).
    public init(title: String, xLabel: String = "", yLabel: String = "count", values: [Double],
                binCount: Int = 30, range: ClosedRange<Double>? = nil, colorIndex: Int = 0,
                width: Double = 540, height: Double = 320, altText: String? = nil) {
        self.init(title: title, xLabel: xLabel, yLabel: yLabel,
                  bins: HistogramBins(values: values, binCount: binCount, range: range),
                  colorIndex: colorIndex, width: width, height: height, altText: altText)
    }

    /// A histogram of precomputed bins.
    public init(title: String, xLabel: String = "", yLabel: String = "count", bins: HistogramBins,
                colorIndex: Int = 0, width: Double = 540, height: Double = 320, altText: String? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.bins = bins
        self.colorIndex = colorIndex
        self.width = width
        self.height = height
        self.customAltText = altText
    }

    /// The text alternative: given explicitly, or generated from the bins.
    public var altText: String {
        get {
            if let customAltText { return customAltText }
            var text = "Histogram"
            if !title.isEmpty { text += " \u{201C}\(plain(title))\u{201D}" }
            text += " of \(NumberFormat.automatic.format(bins.total)) \(bins.total == 1 ? "value" : "values")"
            text += " in \(counted(bins.counts.count, "bin"))"
            text += "; \(xLabel.isEmpty ? "values" : plain(xLabel)) \(describeRange([bins.edges.first!, bins.edges.last!]))"
            text += "; largest bin count \(NumberFormat.automatic.format(bins.counts.max() ?? 0))."
            return text
        }
        set { customAltText = newValue }
    }

    public func svg() -> String {
        let frame = CartesianFrame.make(
            width: width, height: height, title: title, xLabel: xLabel, yLabel: yLabel,
            xValues: [bins.edges.first!, bins.edges.last!], yValues: [0] + bins.counts.filter { $0.isFinite },
            xDomain: nil, yDomain: nil, xScale: .linear, yScale: .linear, legendEntries: [])
        var writer = SVGWriter(typography: frame.typography)
        frame.drawAxes(into: &writer, verticalGrid: false)
        let style = "fill:\(Palette.seriesColor(colorIndex));fill-opacity:0.85"
        writer.open("g", [("class", "nb-series nb-series-1"), ("style", style)])
        for (index, count) in bins.counts.enumerated() where count.isFinite && count > 0 {
            guard let x0 = frame.x.position(bins.edges[index]), let x1 = frame.x.position(bins.edges[index + 1]),
                  let y0 = frame.y.position(0), let y1 = frame.y.position(count) else { continue }
            // A hairline gap between bars keeps neighbouring bins distinguishable.
            let gap = Swift.min(1, (x1 - x0) * 0.1)
            writer.rect(x0 + gap / 2, y1, x1 - x0 - gap, y0 - y1)
        }
        writer.close("g")
        return svgDocument(width: width, height: frame.height, kind: "histogram", title: title,
                           altText: altText, writer: writer)
    }
}
