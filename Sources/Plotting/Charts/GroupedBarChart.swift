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
    /// Print each bar's value above it with this format (nil: no value labels); upright when too
    /// wide to lie flat, and left out when the bars are narrower than the text is high.
    public var valueFormat: NumberFormat?
    public var width: Double
    public var height: Double
    private var customAltText: String?

    /// Traps when a series does not have one value per group.
    public init(title: String, xLabel: String = "", yLabel: String = "", groups: [String],
                series: [BarSeries], yRange: ClosedRange<Double>? = nil, valueFormat: NumberFormat? = nil,
                width: Double = 540, height: Double = 340, altText: String? = nil) {
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
            if !title.isEmpty { text += " \u{201C}\(plain(title))\u{201D}" }
            text += " of \(series.count) series (\(listed(series.map { plain($0.name) })))"
            text += " over \(counted(groups.count, "group")) (\(listed(groups.map(plain))))"
            text += "; \(yLabel.isEmpty ? "values" : plain(yLabel)) \(describeRange(series.flatMap(\.values)))."
            return text
        }
        set { customAltText = newValue }
    }

    public func svg() -> String {
        let entries = series.enumerated().map {
            LegendEntry(name: $0.element.name, color: Palette.seriesColor($0.offset), swatch: .box)
        }
        let values = series.flatMap(\.values)
        var frame = makeFrame(entries: entries, extraY: [])
        let band = groups.isEmpty ? 0 : (frame.right - frame.left) / Double(groups.count)
        let barWidth = band * 0.8 / Double(Swift.max(1, series.count))
        // Value labels lie flat above their bar when they fit its width, else they stand upright;
        // either way the y axis grows until the tallest bar leaves room for its label.
        let size = frame.typography.small
        let labelTexts = valueFormat.map { format in values.map { $0.isFinite ? format.format($0) : "" } } ?? []
        let widestLabel = labelTexts.map { estimatedTextWidth($0, fontSize: size) }.max() ?? 0
        let upright = widestLabel > barWidth - 2
        // Upright labels need a bar at least one text height wide; narrower bars get none (their
        // values stay in the bar's tooltip and the text alternative).
        let showValues = valueFormat != nil && (!upright || barWidth >= size)
        if showValues, yRange == nil, let largest = values.filter(\.isFinite).max(), largest > 0 {
            let room = (upright ? widestLabel : size) + 6
            for _ in 0..<3 {
                guard let top = frame.y.position(largest), top - room < frame.top else { break }
                let unitsPerPixel = (frame.y.domain.upper - frame.y.domain.lower) / (frame.bottom - frame.top)
                frame = makeFrame(entries: entries, extraY: [largest + (room - (top - frame.top)) * unitsPerPixel * 1.05])
            }
        }
        var writer = SVGWriter(typography: frame.typography)
        frame.drawAxes(into: &writer, verticalGrid: false)
        let zero = frame.y.clampedPosition(0) ?? frame.bottom
        for (seriesIndex, item) in series.enumerated() {
            writer.open("g", [("class", "nb-series nb-series-\(seriesIndex + 1)"),
                              ("style", "fill:\(Palette.seriesColor(seriesIndex))")])
            for (group, value) in item.values.enumerated() {
                guard let top = frame.y.clampedPosition(value) else { continue }
                let x = frame.left + Double(group) * band + band * 0.1 + Double(seriesIndex) * barWidth
                writer.rect(x + 0.5, Swift.min(top, zero), barWidth - 1, abs(zero - top),
                            title: "\(item.name), \(groups[group]): \(NumberFormat.automatic.format(value))")
                if showValues, let valueFormat, value.isFinite {
                    let label = NiceTicks.typographicMinus(valueFormat.format(value))
                    let style = "fill:\(Palette.foreground)"
                    let centre = x + barWidth / 2
                    if upright {
                        let startY = value >= 0 ? Swift.min(top, zero) - 4 : Swift.max(top, zero) + 4
                        writer.text(centre + size * 0.35, startY, label, anchor: value >= 0 ? "start" : "end",
                                    size: size, rotate: -90, style: style)
                    } else {
                        let labelY = value >= 0 ? Swift.min(top, zero) - 4 : Swift.max(top, zero) + size
                        writer.text(centre, labelY, label, anchor: "middle", size: size, style: style)
                    }
                }
            }
            writer.close("g")
        }
        frame.drawLegend(into: &writer)
        return svgDocument(width: width, height: frame.height, kind: "grouped-bar-chart", title: title,
                           altText: altText, writer: writer)
    }

    private func makeFrame(entries: [LegendEntry], extraY: [Double]) -> CartesianFrame {
        CartesianFrame.make(
            width: width, height: height, title: title, xLabel: xLabel, yLabel: yLabel,
            xValues: [], yValues: [0] + series.flatMap(\.values) + extraY, xDomain: nil, yDomain: yRange,
            xScale: .linear, yScale: .linear, legendEntries: entries, categories: .init(names: groups))
    }
}
