/// One named series of a line chart: y values over x values (same count), optionally with a
/// shaded band around the line.
public struct LineSeries: Sendable, Equatable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    /// Draw a small circle at each point (overrides the chart's `showMarkers` when set).
    public var showMarkers: Bool?
    /// Draw the line dashed (for example "train" solid, "validation" dashed).
    public var dashed: Bool
    /// A shaded band from `band.lower[i]` to `band.upper[i]` at `x[i]`, such as the spread of the
    /// line's quantity over several seeds.
    public var band: LineBand?

    /// A series from x and y arrays; traps when their counts (or the band's) differ.
    public init(name: String, x: [Double], y: [Double], showMarkers: Bool? = nil, dashed: Bool = false,
                band: LineBand? = nil) {
        guard x.count == y.count else {
            fatalError("LineSeries '\(name)': x has \(x.count) values but y has \(y.count)")
        }
        if let band, band.lower.count != x.count || band.upper.count != x.count {
            fatalError("LineSeries '\(name)': x has \(x.count) values but the band \(band.lower.count) lower and \(band.upper.count) upper")
        }
        self.name = name
        self.x = x
        self.y = y
        self.showMarkers = showMarkers
        self.dashed = dashed
        self.band = band
    }

    /// A series over x = 0, 1, 2, ... (for example one value per epoch starting at `start`).
    public init(name: String, y: [Double], start: Double = 0, showMarkers: Bool? = nil, dashed: Bool = false,
                band: LineBand? = nil) {
        self.init(name: name, x: y.indices.map { start + Double($0) }, y: y,
                  showMarkers: showMarkers, dashed: dashed, band: band)
    }
}

/// A shaded band around a line: at the series' i-th x, from `lower[i]` to `upper[i]`; for example
/// the lowest and the highest of several seeds, or mean ± sd.
///
/// It is filled in the series' own colour, translucent (`LineBand.opacity`), under every line of
/// the chart, so the lines stay on top and overlapping bands stay visible through each other; the
/// series keeps one legend entry, whose swatch shows the band behind the line. The colour is the
/// palette's (colour-blind safe, see `Palette`); printed, a band is a light tint of it. Where a
/// bound is not finite the band breaks, like the line; on a log axis a lower bound <= 0 reaches
/// the bottom of the plot.
public struct LineBand: Sendable, Equatable {
    public var lower: [Double]
    public var upper: [Double]
    /// What the band shows, for the chart's text alternative: "lowest to highest of 5 seeds".
    public var meaning: String

    /// Fill opacity of a band: light enough that two overlapping bands and the grid show through,
    /// dark enough to see on paper.
    public static let opacity = 0.2

    public init(lower: [Double], upper: [Double], meaning: String) {
        self.lower = lower
        self.upper = upper
        self.meaning = meaning
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
            let names = listed(series.map { plain($0.name) })
            var text = "Line chart"
            if !title.isEmpty { text += " \u{201C}\(plain(title))\u{201D}" }
            text += " with \(series.count) series (\(names))"
            text += bandDescription
            text += "; x (\(xLabel.isEmpty ? "x" : plain(xLabel))) \(describeRange(series.flatMap(\.x)))"
            text += "; y (\(yLabel.isEmpty ? "y" : plain(yLabel))) \(describeRange(yValues))"
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

    /// Every y value the chart shows: the lines' and their bands'.
    private var yValues: [Double] {
        series.flatMap { $0.y + ($0.band.map { $0.lower + $0.upper } ?? []) }
    }

    /// "; shaded band around each line: lowest to highest of 5 seeds" (or per series when the
    /// bands mean different things); empty without bands.
    private var bandDescription: String {
        let banded = series.filter { $0.band != nil }
        guard let first = banded.first?.band else { return "" }
        if banded.allSatisfy({ $0.band!.meaning == first.meaning }) {
            let around = banded.count == series.count ? (series.count == 1 ? "the line" : "each line")
                : listed(banded.map { plain($0.name) })
            return "; shaded band around \(around): \(plain(first.meaning))"
        }
        return "; shaded bands: " + banded.map { "\(plain($0.name)), \(plain($0.band!.meaning))" }.joined(separator: "; ")
    }

    public func svg() -> String {
        let entries = series.enumerated().map { index, item in
            let marked = (item.showMarkers ?? showMarkers) || usesShapes
            return LegendEntry(name: item.name, color: Palette.seriesColor(index),
                               swatch: .line(dashed: item.dashed, marker: marked ? marker(index) : nil,
                                             band: item.band != nil))
        }
        var yValues = self.yValues
        if let referenceLine { yValues.append(referenceLine.y) }
        var xValues = series.flatMap(\.x)
        xValues += verticalMarkers.map(\.x)
        let frame = CartesianFrame.make(
            width: width, height: height, title: title, xLabel: xLabel, yLabel: yLabel,
            xValues: xValues, yValues: yValues, xDomain: xRange, yDomain: yRange,
            xScale: .linear, yScale: yScale, legendEntries: entries)
        var writer = SVGWriter(typography: frame.typography)
        frame.drawAxes(into: &writer)
        for (index, item) in series.enumerated() {
            drawBand(item, index: index, frame: frame, into: &writer)
        }
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

    /// The series' band as filled polygons, one per run of points where x and both bounds can be
    /// drawn: along the upper bound left to right, back along the lower bound. Bounds are clamped
    /// to the plot; a run of a single point becomes a short vertical bar.
    private func drawBand(_ item: LineSeries, index: Int, frame: CartesianFrame, into writer: inout SVGWriter) {
        guard let band = item.band else { return }
        func position(_ value: Double) -> Double? {
            if yScale == .log, value.isFinite, value <= 0 { return Swift.max(frame.top, frame.bottom) }
            return frame.y.clampedPosition(value)
        }
        var runs: [[(x: Double, lower: Double, upper: Double)]] = [[]]
        for i in item.x.indices {
            if let px = frame.x.position(item.x[i]), px >= frame.left - 0.5, px <= frame.right + 0.5,
               let low = position(band.lower[i]), let high = position(band.upper[i]) {
                runs[runs.count - 1].append((px, low, high))
            } else if !runs[runs.count - 1].isEmpty {
                runs.append([])
            }
        }
        let color = Palette.seriesColor(index)
        let fill = "fill:\(color);fill-opacity:\(svgNumber(LineBand.opacity));stroke:none"
        writer.open("g", [("class", "nb-band nb-band-\(index + 1)")])
        for run in runs where !run.isEmpty {
            if run.count == 1 {
                let point = run[0]
                writer.line(point.x, point.lower, point.x, point.upper,
                            style: "stroke:\(color);stroke-opacity:\(svgNumber(LineBand.opacity * 2));stroke-width:6")
                continue
            }
            writer.polygon(run.map { ($0.x, $0.upper) } + run.reversed().map { ($0.x, $0.lower) }, style: fill)
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
