import Foundation

/// The plotting rectangle of an x/y chart, its scales and ticks, laid out so that tick labels,
/// axis titles, chart title and legend each get their own band and never overlap.
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

    /// Category names on the x axis (bar charts): tick k sits at the centre of band k.
    struct Categories { var names: [String] }

    static let titleBand = 34.0
    static let axisTitleBand = 18.0

    /// Lays out a frame for `xValues`/`yValues` (or forced domains), reserving `legendWidth`
    /// pixels on the right.
    static func make(width: Double, height: Double, hasTitle: Bool, xLabel: String, yLabel: String,
                     xValues: [Double], yValues: [Double], xDomain: ClosedRange<Double>?,
                     yDomain: ClosedRange<Double>?, xScale: AxisScale, yScale: AxisScale,
                     legendWidth: Double, categories: Categories? = nil) -> CartesianFrame {
        let top = hasTitle ? titleBand : 12
        let bottom = height - 24 - (xLabel.isEmpty ? 0 : axisTitleBand)
        let yTarget = Swift.max(3, Swift.min(8, Int((bottom - top) / 45)))
        let yAxis = axisTicks(values: yValues, domain: yDomain, scale: yScale, targetCount: yTarget)
        let widestY = yAxis.labels.map { estimatedTextWidth($0, fontSize: 11) }.max() ?? 0
        let left = 10 + (yLabel.isEmpty ? 0 : axisTitleBand) + widestY + 8
        let right = width - 14 - legendWidth

        var xTicks: [Double]
        var xLabels: [String]
        var xDomainResolved: (Double, Double)
        if let categories {
            xDomainResolved = (0, Double(categories.names.count))
            xTicks = categories.names.indices.map { Double($0) + 0.5 }
            // Label every k-th category when the names are wider than their bands.
            let band = (right - left) / Double(Swift.max(1, categories.names.count))
            let widest = categories.names.map { estimatedTextWidth($0, fontSize: 11) }.max() ?? 0
            let every = Swift.max(1, Int(((widest + 6) / band).rounded(.up)))
            xLabels = categories.names.enumerated().map { $0.offset % every == 0 ? $0.element : "" }
        } else {
            // Fewer x ticks until their labels fit side by side with some air between them.
            var target = Swift.max(2, Swift.min(10, Int((right - left) / 70)))
            var xAxis = axisTicks(values: xValues, domain: xDomain, scale: xScale, targetCount: target)
            while target > 2 {
                let widest = xAxis.labels.map { estimatedTextWidth($0, fontSize: 11) }.max() ?? 0
                let spacing = (right - left) / Double(Swift.max(1, xAxis.ticks.values.count - 1))
                if widest + 10 <= spacing { break }
                target -= 1
                xAxis = axisTicks(values: xValues, domain: xDomain, scale: xScale, targetCount: target)
            }
            xDomainResolved = (xAxis.ticks.lower, xAxis.ticks.upper)
            xTicks = xAxis.ticks.values
            xLabels = xAxis.labels
        }
        let xMap = PositionScale(domain: (xDomainResolved.0, xDomainResolved.1), range: (left, right), kind: xScale)
        let yMap = PositionScale(domain: (yAxis.ticks.lower, yAxis.ticks.upper), range: (bottom, top), kind: yScale)
        return CartesianFrame(width: width, height: height, left: left, top: top, right: right,
                              bottom: bottom, x: xMap, y: yMap, xTicks: xTicks, xTickLabels: xLabels,
                              yTicks: yAxis.ticks.values, yTickLabels: yAxis.labels)
    }

    /// Draws gridlines, axis lines, tick labels, axis titles and the chart title.
    func drawAxes(into writer: inout SVGWriter, title: String, xLabel: String, yLabel: String,
                  verticalGrid: Bool = true) {
        let gridStyle = "stroke:\(Palette.grid);stroke-opacity:0.15;stroke-width:1"
        let axisStyle = "stroke:\(Palette.foreground);stroke-width:1"
        let labelStyle = "fill:\(Palette.foreground);fill-opacity:0.85"
        writer.open("g", [("class", "nb-axes")])
        for (value, label) in zip(yTicks, yTickLabels) {
            guard let py = y.position(value) else { continue }
            writer.line(left, py, right, py, style: gridStyle)
            writer.text(left - 6, py + 4, label, anchor: "end", size: 11, style: labelStyle)
        }
        for (value, label) in zip(xTicks, xTickLabels) where !label.isEmpty {
            guard let px = x.position(value) else { continue }
            if verticalGrid { writer.line(px, top, px, bottom, style: gridStyle) }
            writer.line(px, bottom, px, bottom + 4, style: axisStyle)
            writer.text(px, bottom + 17, label, anchor: "middle", size: 11, style: labelStyle)
        }
        writer.line(left, bottom, right, bottom, style: axisStyle)
        writer.line(left, top, left, bottom, style: axisStyle)
        if !xLabel.isEmpty {
            writer.text((left + right) / 2, height - 8, xLabel, anchor: "middle")
        }
        if !yLabel.isEmpty {
            writer.text(14, (top + bottom) / 2, yLabel, anchor: "middle", rotate: -90)
        }
        if !title.isEmpty {
            writer.text(width / 2, 21, title, anchor: "middle", size: 14, weight: "600")
        }
        writer.close("g")
    }

    /// Whether a pixel point lies inside the plotting rectangle (half a pixel of tolerance):
    /// marks outside a forced axis range are skipped rather than clipped, so no ids are needed.
    func contains(_ px: Double, _ py: Double) -> Bool {
        px >= left - 0.5 && px <= right + 0.5 && py >= top - 0.5 && py <= bottom + 0.5
    }
}
