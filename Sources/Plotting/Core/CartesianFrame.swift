import Foundation

/// The plotting rectangle of an x/y chart, its scales and ticks, laid out so that tick labels,
/// axis titles, chart title and legend each get their own band and never overlap.
///
/// Text sizes come from `Typography(width:)`, so every text stays legible when the chart is
/// shrunk onto a phone; titles and axis titles wrap onto more lines instead of running out of the
/// chart, and a legend too wide for the right-hand side moves under the plot.
struct CartesianFrame {
    var width: Double
    var height: Double
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double
    var x: PositionScale
    var y: PositionScale
    var xTicks: [Double]
    var xTickLabels: [String]
    var yTicks: [Double]
    var yTickLabels: [String]
    /// Unlabelled ticks (the decades between labelled ones on log axes).
    var xMinorTicks: [Double] = []
    var yMinorTicks: [Double] = []
    var typography: Typography
    var titleLines: [String]
    var xLabelLines: [String]
    var yLabelLines: [String]
    var legend: Legend?

    /// Category names on the x axis (bar charts): tick k sits at the centre of band k.
    struct Categories { var names: [String] }

    /// Lays out a frame for `xValues`/`yValues` (or forced domains) with `legendEntries`. The
    /// chart grows taller than `height` by what a legend under the plot and extra title lines
    /// take, so the plot keeps its size; draw the document with the frame's `height`.
    static func make(width: Double, height requestedHeight: Double, title: String, xLabel: String, yLabel: String,
                     xValues: [Double], yValues: [Double], xDomain: ClosedRange<Double>?,
                     yDomain: ClosedRange<Double>?, xScale: AxisScale, yScale: AxisScale,
                     legendEntries: [LegendEntry], categories: Categories? = nil) -> CartesianFrame {
        let type = Typography(width: width)
        let legend = Legend(entries: legendEntries, typography: type, chartWidth: width)
        let titleLines = title.isEmpty ? [] : wrappedLines(title, width: width - 16, fontSize: type.title)
        let titleLineHeight = Typography.lineHeight(type.title)
        let top = 8 + Double(titleLines.count) * titleLineHeight + type.small * 0.6
        let labelLineHeight = Typography.lineHeight(type.label)
        let xLabelLines = xLabel.isEmpty ? [] : wrappedLines(xLabel, width: width - 40, fontSize: type.label)
        let height = requestedHeight + (legend?.bottomHeight ?? 0)
            + Double(Swift.max(0, titleLines.count - 1)) * titleLineHeight
            + Double(Swift.max(0, xLabelLines.count - 1)) * labelLineHeight
        let bottom = height - 6 - (legend?.bottomHeight ?? 0) - Double(xLabelLines.count) * labelLineHeight
            - type.small * 1.7
        let yLabelLines = yLabel.isEmpty ? [] : wrappedLines(yLabel, width: Swift.max(60, bottom - top), fontSize: type.label)
        let yTarget = Swift.max(3, Swift.min(8, Int((bottom - top) / (type.small * 3.2))))
        let yAxis = axisTicks(values: yValues, domain: yDomain, scale: yScale, targetCount: yTarget)
        let widestY = yAxis.labels.map { estimatedTextWidth($0, fontSize: type.small) }.max() ?? 0
        let left = 8 + Double(yLabelLines.count) * labelLineHeight + widestY + type.small * 0.7 + 4
        var right = width - 10 - (legend?.rightWidth ?? 0)

        var xTicks: [Double]
        var xLabels: [String]
        var xMinor: [Double] = []
        var xDomainResolved: (Double, Double)
        if let categories {
            xDomainResolved = (0, Double(categories.names.count))
            xTicks = categories.names.indices.map { Double($0) + 0.5 }
            // Label every k-th category (k = 1, 2, 5, 10, ...) when the names are wider than their bands.
            let band = (right - left) / Double(Swift.max(1, categories.names.count))
            let widest = categories.names.map { estimatedTextWidth($0, fontSize: type.small) }.max() ?? 0
            let every = niceStride(atLeast: (widest + type.small * 0.5) / band)
            xLabels = categories.names.enumerated().map { $0.offset % every == 0 ? $0.element : "" }
        } else {
            // Fewer x ticks until their labels fit side by side with some air between them.
            var target = Swift.max(2, Swift.min(8, Int((right - left) / (type.small * 4))))
            var xAxis = axisTicks(values: xValues, domain: xDomain, scale: xScale, targetCount: target)
            while target > 2 {
                let widest = xAxis.labels.map { estimatedTextWidth($0, fontSize: type.small) }.max() ?? 0
                let spacing = (right - left) / Double(Swift.max(1, xAxis.ticks.values.count - 1))
                if widest + type.small <= spacing { break }
                target -= 1
                xAxis = axisTicks(values: xValues, domain: xDomain, scale: xScale, targetCount: target)
            }
            xDomainResolved = (xAxis.ticks.lower, xAxis.ticks.upper)
            xTicks = xAxis.ticks.values
            xLabels = xAxis.labels
            xMinor = xAxis.ticks.minorValues
            // The last label is centred on the right edge: keep half of it inside the chart.
            let lastHalf = estimatedTextWidth(xLabels.last ?? "", fontSize: type.small) / 2
            if legend?.placement != .right { right = Swift.min(right, width - 4 - lastHalf) }
        }
        let xMap = PositionScale(domain: (xDomainResolved.0, xDomainResolved.1), range: (left, right), kind: xScale)
        let yMap = PositionScale(domain: (yAxis.ticks.lower, yAxis.ticks.upper), range: (bottom, top), kind: yScale)
        return CartesianFrame(width: width, height: height, left: left, top: top, right: right,
                              bottom: bottom, x: xMap, y: yMap, xTicks: xTicks, xTickLabels: xLabels,
                              yTicks: yAxis.ticks.values, yTickLabels: yAxis.labels,
                              xMinorTicks: xMinor, yMinorTicks: yAxis.ticks.minorValues, typography: type,
                              titleLines: titleLines, xLabelLines: xLabelLines, yLabelLines: yLabelLines,
                              legend: legend)
    }

    /// Draws gridlines, axis lines, tick labels, axis titles and the chart title.
    func drawAxes(into writer: inout SVGWriter, verticalGrid: Bool = true) {
        let gridStyle = "stroke:\(Palette.grid);stroke-opacity:0.15;stroke-width:1"
        let axisStyle = "stroke:\(Palette.foreground);stroke-width:1"
        let labelStyle = "fill:\(Palette.foreground);fill-opacity:0.85"
        let size = typography.small
        let tick = size * 0.35
        writer.open("g", [("class", "nb-axes")])
        for (value, label) in zip(yTicks, yTickLabels) {
            guard let py = y.position(value) else { continue }
            writer.line(left, py, right, py, style: gridStyle)
            writer.line(left - tick, py, left, py, style: axisStyle)
            writer.text(left - tick - 3, py + size * 0.35, label, anchor: "end", size: size, style: labelStyle)
        }
        for value in yMinorTicks {
            guard let py = y.position(value) else { continue }
            writer.line(left - tick * 0.6, py, left, py, style: axisStyle)
        }
        for (value, label) in zip(xTicks, xTickLabels) where !label.isEmpty {
            guard let px = x.position(value) else { continue }
            if verticalGrid { writer.line(px, top, px, bottom, style: gridStyle) }
            writer.line(px, bottom, px, bottom + tick, style: axisStyle)
            writer.text(px, bottom + tick + size * 1.05, label, anchor: "middle", size: size, style: labelStyle)
        }
        for value in xMinorTicks {
            guard let px = x.position(value) else { continue }
            writer.line(px, bottom, px, bottom + tick * 0.6, style: axisStyle)
        }
        writer.line(left, bottom, right, bottom, style: axisStyle)
        writer.line(left, top, left, bottom, style: axisStyle)
        let labelLineHeight = Typography.lineHeight(typography.label)
        if !xLabelLines.isEmpty {
            let firstBaseline = bottom + size * 1.7 + typography.label
            writer.textLines((left + right) / 2, firstBaseline, xLabelLines, lineHeight: labelLineHeight,
                             anchor: "middle", size: typography.label)
        }
        if !yLabelLines.isEmpty {
            writer.textLines(8 + typography.label * 0.8, (top + bottom) / 2, yLabelLines, lineHeight: labelLineHeight,
                             anchor: "middle", size: typography.label, rotate: -90)
        }
        if !titleLines.isEmpty {
            writer.textLines(width / 2, 8 + typography.title, titleLines, lineHeight: Typography.lineHeight(typography.title),
                             anchor: "middle", size: typography.title, weight: "600")
        }
        writer.close("g")
    }

    /// Draws the legend in its place: beside the plot's top right or centred under the x-axis title.
    func drawLegend(into writer: inout SVGWriter) {
        guard let legend else { return }
        switch legend.placement {
        case .right:
            legend.draw(x: right, y: top + legend.rowHeight / 2, centerX: 0, into: &writer)
        case .bottom:
            let y = height - 4 - legend.bottomHeight + legend.rowHeight / 2
            legend.draw(x: 0, y: y, centerX: width / 2, into: &writer)
        }
    }

    /// Whether a pixel point lies inside the plotting rectangle (half a pixel of tolerance):
    /// marks outside a forced axis range are skipped rather than clipped, so no ids are needed.
    func contains(_ px: Double, _ py: Double) -> Bool {
        px >= left - 0.5 && px <= right + 0.5 && py >= top - 0.5 && py <= bottom + 0.5
    }
}
