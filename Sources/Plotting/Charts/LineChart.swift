/// One named series of a line chart: y values over x values (same count).
public struct LineSeries: Sendable, Equatable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    /// Draw a small circle at each point (overrides the chart's `showMarkers` when set).
    public var showMarkers: Bool?
    /// Draw the line dashed (for example "train" solid, "validation" dashed).
    public var dashed: Bool

    /// A series from x and y arrays; traps when their counts differ.
    public init(name: String, x: [Double], y: [Double], showMarkers: Bool? = nil, dashed: Bool = false) {
        guard x.count == y.count else {
            fatalError("LineSeries '\(name)': x has \(x.count) values but y has \(y.count)")
        }
        self.name = name
        self.x = x
        self.y = y
        self.showMarkers = showMarkers
        self.dashed = dashed
    }

    /// A series over x = 0, 1, 2, ... (for example one value per epoch starting at `start`).
    public init(name: String, y: [Double], start: Double = 0, showMarkers: Bool? = nil, dashed: Bool = false) {
        self.init(name: name, x: y.indices.map { start + Double($0) }, y: y,
                  showMarkers: showMarkers, dashed: dashed)
    }
}

/// A vertical line at `x` with a label, such as the "early stop" epoch.
public struct VerticalMarker: Sendable, Equatable {
    public var x: Double
    public var label: String
    public init(x: Double, label: String) { self.x = x; self.label = label }
}

/// A horizontal dashed line at `y` with an optional label, such as a target accuracy.
public struct ReferenceLine: Sendable, Equatable {
    public var y: Double
    public var label: String
    public init(y: Double, label: String = "") { self.y = y; self.label = label }
}

/// A line chart of several series with legend, optional markers, linear or log y axis, vertical
/// marker lines and a horizontal reference line.
///
/// Non-finite points (and points <= 0 on a log axis) are skipped: the line breaks there instead
/// of drawing through them.
public struct LineChart: SVGRenderable, Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [LineSeries]
    public var yScale: AxisScale
    public var showMarkers: Bool
    public var verticalMarkers: [VerticalMarker]
    public var referenceLine: ReferenceLine?
    /// Forced axis ranges (otherwise padded to nice ticks around the data).
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    public var width: Double
    public var height: Double
    private var customAltText: String?

    public init(title: String, xLabel: String = "", yLabel: String = "", series: [LineSeries],
                yScale: AxisScale = .linear, showMarkers: Bool = false,
                verticalMarkers: [VerticalMarker] = [], referenceLine: ReferenceLine? = nil,
                xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
                width: Double = 540, height: Double = 340, altText: String? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.yScale = yScale
        self.showMarkers = showMarkers
        self.verticalMarkers = verticalMarkers
        self.referenceLine = referenceLine
        self.xRange = xRange
        self.yRange = yRange
        self.width = width
        self.height = height
        self.customAltText = altText
    }

    /// The text alternative: given explicitly, or generated from the chart type, series names
    /// and value ranges.
    public var altText: String {
        get {
            if let customAltText { return customAltText }
            let names = series.map { plain($0.name) }.joined(separator: ", ")
            var text = "Line chart"
            if !title.isEmpty { text += " \u{201C}\(plain(title))\u{201D}" }
            text += " with \(series.count) series (\(names))"
            text += "; x (\(xLabel.isEmpty ? "x" : plain(xLabel))) \(describeRange(series.flatMap(\.x)))"
            text += "; y (\(yLabel.isEmpty ? "y" : plain(yLabel))) \(describeRange(series.flatMap(\.y)))"
            if yScale == .log { text += " on a log scale" }
            for marker in verticalMarkers {
                text += "; marker \u{201C}\(plain(marker.label))\u{201D} at x = \(NumberFormat.automatic.format(marker.x))"
            }
            return text + "."
        }
        set { customAltText = newValue }
    }

    /// Whether series are told apart by marker shape as well as colour (more than four series).
    private var usesShapes: Bool { series.count > MarkerShape.colourOnlyLimit }

    public func svg() -> String {
        let entries = series.enumerated().map { index, item in
            let marked = (item.showMarkers ?? showMarkers) || usesShapes
            return LegendEntry(name: item.name, color: Palette.seriesColor(index),
                               swatch: .line(dashed: item.dashed, marker: marked ? marker(index) : nil))
        }
        var yValues = series.flatMap(\.y)
        if let referenceLine { yValues.append(referenceLine.y) }
        var xValues = series.flatMap(\.x)
        xValues += verticalMarkers.map(\.x)
        let frame = CartesianFrame.make(
            width: width, height: height, title: title, xLabel: xLabel, yLabel: yLabel,
            xValues: xValues, yValues: yValues, xDomain: xRange, yDomain: yRange,
            xScale: .linear, yScale: yScale, legendEntries: entries)
        var writer = SVGWriter(typography: frame.typography)
        frame.drawAxes(into: &writer)
        drawReferenceLine(frame: frame, into: &writer)
        drawVerticalMarkers(frame: frame, into: &writer)
        for (index, item) in series.enumerated() {
            drawSeries(item, index: index, frame: frame, into: &writer)
        }
        frame.drawLegend(into: &writer)
        return svgDocument(width: width, height: frame.height, kind: "line-chart", title: title,
                           altText: altText, writer: writer)
    }

    /// Series k's marker: circles while colour alone tells the series apart, then varied shapes.
    private func marker(_ index: Int) -> MarkerShape {
        usesShapes ? MarkerShape.forSeries(index) : .circle
    }

    private func drawSeries(_ item: LineSeries, index: Int, frame: CartesianFrame, into writer: inout SVGWriter) {
        let color = Palette.seriesColor(index)
        var runs: [[(Double, Double)]] = [[]]
        for (xv, yv) in zip(item.x, item.y) {
            if let px = frame.x.position(xv), let py = frame.y.position(yv), frame.contains(px, py) {
                runs[runs.count - 1].append((px, py))
            } else if !runs[runs.count - 1].isEmpty {
                runs.append([])
            }
        }
        let dash = item.dashed ? ";stroke-dasharray:6 4" : ""
        writer.open("g", [("class", "nb-series nb-series-\(index + 1)")])
        writer.polyline(runs, style: "fill:none;stroke:\(color);stroke-width:2.25;stroke-linejoin:round;stroke-linecap:round\(dash)")
        let points = Array(runs.joined())
        let radius = frame.typography.small * 0.25
        if item.showMarkers ?? showMarkers {
            for point in points {
                marker(index).draw(point.0, point.1, radius: radius, style: "fill:\(color)", into: &writer)
            }
        } else if usesShapes, !points.isEmpty {
            // About seven markers along the line, staggered between series so they do not pile up
            // where lines meet.
            let spacing = Swift.max(1, points.count / 7)
            let phase = (index * spacing) / Swift.max(1, series.count)
            for position in Swift.stride(from: phase % spacing, to: points.count, by: spacing) {
                marker(index).draw(points[position].0, points[position].1, radius: radius,
                                   style: "fill:\(color)", into: &writer)
            }
        }
        writer.close("g")
    }

    private func drawVerticalMarkers(frame: CartesianFrame, into writer: inout SVGWriter) {
        for marker in verticalMarkers {
            guard let px = frame.x.position(marker.x), px >= frame.left, px <= frame.right else { continue }
            writer.line(px, frame.top, px, frame.bottom,
                        style: "stroke:\(Palette.foreground);stroke-width:1.5;stroke-dasharray:4 3;stroke-opacity:0.8")
            // Label inside the plot, on the side of the line with more room.
            let onRight = px < (frame.left + frame.right) / 2
            writer.text(onRight ? px + 5 : px - 5, frame.top + frame.typography.small * 1.1, marker.label,
                        anchor: onRight ? "start" : "end", size: frame.typography.small)
        }
    }

    private func drawReferenceLine(frame: CartesianFrame, into writer: inout SVGWriter) {
        guard let referenceLine, let py = frame.y.position(referenceLine.y),
              py >= frame.top, py <= frame.bottom else { return }
        writer.line(frame.left, py, frame.right, py,
                    style: "stroke:\(Palette.foreground);stroke-width:1;stroke-dasharray:2 3;stroke-opacity:0.7")
        if !referenceLine.label.isEmpty {
            writer.text(frame.right - 4, py - 5, referenceLine.label, anchor: "end", size: frame.typography.small)
        }
    }
}
