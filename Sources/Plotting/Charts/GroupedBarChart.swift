/// One series of a grouped bar chart: a value per group (NaN leaves a gap).
public struct BarSeries: Sendable, Equatable {
    public var name: String
    public var values: [Double]
    public init(name: String, values: [Double]) { self.name = name; self.values = values }
}

/// Bars grouped by category: for each group, one bar per series side by side, with a legend.
/// Bars start at zero, so negative values hang below the baseline.
public struct GroupedBarChart: SVGRenderable, Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var groups: [String]
    public var series: [BarSeries]
    public var yRange: ClosedRange<Double>?
    /// Print each bar's value above it with this format (nil: no value labels).
    public var valueFormat: NumberFormat?
    public var width: Double
    public var height: Double
    private var customAltText: String?

    /// Traps when a series does not have one value per group.
    public init(title: String, xLabel: String = "", yLabel: String = "", groups: [String],
                series: [BarSeries], yRange: ClosedRange<Double>? = nil, valueFormat: NumberFormat? = nil,
                width: Double = 640, height: Double = 360, altText: String? = nil) {
        for item in series where item.values.count != groups.count {
            fatalError("GroupedBarChart '\(title)': series '\(item.name)' has \(item.values.count) values for \(groups.count) groups")
        }
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.groups = groups
        self.series = series
        self.yRange = yRange
        self.valueFormat = valueFormat
        self.width = width
        self.height = height
        self.customAltText = altText
    }

    /// The text alternative: given explicitly, or generated from groups, series and values.
    public var altText: String {
        get {
            if let customAltText { return customAltText }
            var text = "Grouped bar chart"
            if !title.isEmpty { text += " \u{201C}\(title)\u{201D}" }
            text += " of \(series.count) series (\(series.map(\.name).joined(separator: ", ")))"
            text += " over \(groups.count) groups (\(groups.joined(separator: ", ")))"
            text += "; \(yLabel.isEmpty ? "values" : yLabel) \(describeRange(series.flatMap(\.values)))."
            return text
        }
        set { customAltText = newValue }
    }

    public func svg() -> String {
        let entries = series.enumerated().map {
            LegendEntry(name: $0.element.name, color: Palette.seriesColor($0.offset), swatch: .box)
        }
        let legendWidth = series.count > 1 ? Legend.width(for: entries) : 0
        let frame = CartesianFrame.make(
            width: width, height: height, hasTitle: !title.isEmpty, xLabel: xLabel, yLabel: yLabel,
            xValues: [], yValues: [0] + series.flatMap(\.values), xDomain: nil, yDomain: yRange,
            xScale: .linear, yScale: .linear, legendWidth: legendWidth,
            categories: .init(names: groups))
        var writer = SVGWriter()
        frame.drawAxes(into: &writer, title: title, xLabel: xLabel, yLabel: yLabel, verticalGrid: false)
        let band = groups.isEmpty ? 0 : (frame.right - frame.left) / Double(groups.count)
        let barWidth = band * 0.8 / Double(Swift.max(1, series.count))
        let zero = frame.y.clampedPosition(0) ?? frame.bottom
        for (seriesIndex, item) in series.enumerated() {
            writer.open("g", [("class", "nb-series nb-series-\(seriesIndex + 1)"),
                              ("style", "fill:\(Palette.seriesColor(seriesIndex))")])
            for (group, value) in item.values.enumerated() {
                guard let top = frame.y.clampedPosition(value) else { continue }
                let x = frame.left + Double(group) * band + band * 0.1 + Double(seriesIndex) * barWidth
                writer.rect(x + 0.5, Swift.min(top, zero), barWidth - 1, abs(zero - top),
                            title: "\(item.name), \(groups[group]): \(NumberFormat.automatic.format(value))")
                if let valueFormat {
                    let labelY = value >= 0 ? Swift.min(top, zero) - 3 : Swift.max(top, zero) + 11
                    writer.text(x + barWidth / 2, labelY, valueFormat.format(value), anchor: "middle", size: 9)
                }
            }
            writer.close("g")
        }
        if series.count > 1 { Legend.draw(entries, x: frame.right, y: frame.top + 6, into: &writer) }
        return svgDocument(width: width, height: height, kind: "grouped-bar-chart", title: title,
                           altText: altText, body: writer.body)
    }
}
