/// A matrix drawn as coloured cells with a colour bar, optionally with each value printed in
/// its cell: a confusion matrix (sequential scale, integer annotations) or a weight matrix
/// (diverging scale centred at 0).
///
/// Non-finite cells are drawn empty (hatched outline) and excluded from the colour range.
public struct Heatmap: SVGRenderable, Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// `values[row][column]`; row 0 is drawn at the top, as matrices are printed.
    public var values: [[Double]]
    public var rowLabels: [String]
    public var columnLabels: [String]
    public var colorScale: ColorScale
    /// Print each value in its cell with this format (nil: no annotations).
    public var annotationFormat: NumberFormat?
    /// Forced colour range (otherwise the data's min...max, symmetric for diverging scales).
    public var valueRange: ClosedRange<Double>?
    public var colorBarLabel: String
    public var width: Double
    public var height: Double
    private var customAltText: String?

    /// Traps on ragged rows or label counts that do not match the matrix.
    public init(title: String, xLabel: String = "", yLabel: String = "", values: [[Double]],
                rowLabels: [String] = [], columnLabels: [String] = [],
                colorScale: ColorScale = .sequential, annotationFormat: NumberFormat? = nil,
                valueRange: ClosedRange<Double>? = nil, colorBarLabel: String = "",
                width: Double = 520, height: Double = 440, altText: String? = nil) {
        let columns = values.first?.count ?? 0
        for (index, row) in values.enumerated() where row.count != columns {
            fatalError("Heatmap '\(title)': row \(index) has \(row.count) values, expected \(columns)")
        }
        guard rowLabels.isEmpty || rowLabels.count == values.count,
              columnLabels.isEmpty || columnLabels.count == columns else {
            fatalError("Heatmap '\(title)': \(rowLabels.count) row / \(columnLabels.count) column labels for a \(values.count) x \(columns) matrix")
        }
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.values = values
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.colorScale = colorScale
        self.annotationFormat = annotationFormat
        self.valueRange = valueRange
        self.colorBarLabel = colorBarLabel
        self.width = width
        self.height = height
        self.customAltText = altText
    }

    private var columnCount: Int { values.first?.count ?? 0 }

    /// The text alternative: given explicitly, or generated from the matrix.
    public var altText: String {
        get {
            if let customAltText { return customAltText }
            var text = "Heatmap"
            if !title.isEmpty { text += " \u{201C}\(plain(title))\u{201D}" }
            text += " of a \(values.count) x \(columnCount) matrix"
            if !yLabel.isEmpty { text += "; rows: \(plain(yLabel))" }
            if !xLabel.isEmpty { text += "; columns: \(plain(xLabel))" }
            text += "; values \(describeRange(values.flatMap { $0 }))."
            return text
        }
        set { customAltText = newValue }
    }

    public func svg() -> String {
        let finite = values.flatMap { $0 }.filter { $0.isFinite }
        let (low, high) = colorScale.domain(minimum: valueRange?.lowerBound ?? finite.min() ?? 0,
                                            maximum: valueRange?.upperBound ?? finite.max() ?? 1)
        let type = Typography(width: width)
        let size = type.small
        let labelLineHeight = Typography.lineHeight(type.label)
        let titleLines = title.isEmpty ? [] : wrappedLines(title, width: width - 16, fontSize: type.title)
        // A title that wraps makes the chart taller rather than the cells smaller.
        let height = self.height + Double(Swift.max(0, titleLines.count - 1)) * Typography.lineHeight(type.title)
        let xLabelLines = xLabel.isEmpty ? [] : wrappedLines(xLabel, width: width - 40, fontSize: type.label)
        let colorTicks = colorBarTicks(low: low, high: high)
        let widestTick = colorTicks.labels.map { estimatedTextWidth($0, fontSize: size) }.max() ?? 0
        let barWidth = size * 0.9
        let colorBarWidth = 12 + barWidth + 6 + widestTick + 6
        let widestRow = rowLabels.map { estimatedTextWidth($0, fontSize: size) }.max() ?? 0
        let top = 8 + Double(titleLines.count) * Typography.lineHeight(type.title) + (colorBarLabel.isEmpty ? size * 0.6 : size * 1.8)
        let bottom = height - 6 - Double(xLabelLines.count) * labelLineHeight - (columnLabels.isEmpty ? 0 : size * 1.5)
        let yLabelLines = yLabel.isEmpty ? [] : wrappedLines(yLabel, width: Swift.max(60, bottom - top), fontSize: type.label)
        let labelsLeft = 8 + Double(yLabelLines.count) * labelLineHeight + widestRow + (rowLabels.isEmpty ? 2 : size * 0.5)
        let right = width - colorBarWidth
        let rows = Swift.max(1, values.count), columns = Swift.max(1, columnCount)
        // Square cells when possible: the smaller of the two cell sizes for both directions.
        let cell = Swift.max(0, Swift.min((right - labelsLeft) / Double(columns), (bottom - top) / Double(rows)))
        let gridWidth = cell * Double(columns), gridHeight = cell * Double(rows)
        // Centre the grid horizontally in the room left by square cells.
        let left = labelsLeft + Swift.max(0, (right - labelsLeft - gridWidth) / 2)
        var writer = SVGWriter(typography: type)
        if !titleLines.isEmpty {
            writer.textLines(width / 2, 8 + type.title, titleLines, lineHeight: Typography.lineHeight(type.title),
                             anchor: "middle", size: type.title, weight: "600")
        }
        drawCells(left: left, top: top, cell: cell, low: low, high: high, typography: type, into: &writer)
        drawLabels(left: left, top: top, cell: cell, gridWidth: gridWidth, gridHeight: gridHeight,
                   typography: type, xLabelLines: xLabelLines, yLabelLines: yLabelLines, into: &writer)
        drawColorBar(x: left + gridWidth + 12, top: top, height: gridHeight, barWidth: barWidth,
                     ticks: colorTicks, low: low, high: high, typography: type, into: &writer)
        return svgDocument(width: width, height: height, kind: "heatmap", title: title,
                           altText: altText, writer: writer)
    }

    /// The cells, row by row; runs of equal colour in a row merge into one rectangle. Edges are
    /// crisp (no anti-aliasing): anti-aliased neighbours sharing an edge each cover its pixels
    /// partly, and the page background shows through as a hairline seam.
    private func drawCells(left: Double, top: Double, cell: Double, low: Double, high: Double,
                           typography: Typography, into writer: inout SVGWriter) {
        writer.open("g", [("class", "nb-cells"), ("shape-rendering", "crispEdges")])
        for (row, rowValues) in values.enumerated() {
            let y = top + Double(row) * cell
            var column = 0
            while column < rowValues.count {
                let x = left + Double(column) * cell
                guard rowValues[column].isFinite else {
                    writer.rect(x + 0.5, y + 0.5, cell - 1, cell - 1,
                                style: "fill:none;stroke:\(Palette.foreground);stroke-opacity:0.3")
                    column += 1
                    continue
                }
                let shade = colorScale.color(at: (rowValues[column] - low) / (high - low)).hex
                var end = column + 1
                while end < rowValues.count, rowValues[end].isFinite,
                      colorScale.color(at: (rowValues[end] - low) / (high - low)).hex == shade { end += 1 }
                writer.rect(x, y, cell * Double(end - column), cell, style: "fill:\(shade)")
                column = end
            }
        }
        writer.close("g")
        guard let annotationFormat else { return }
        // Values printed in their cells at the chart's small size when they fit, else smaller
        // (the chart then asks for a minimum width); not at all in cells too small to hold them.
        let texts = values.map { $0.map { $0.isFinite ? annotationFormat.format($0) : "" } }
        let widest = texts.joined().map { Double($0.count) * 0.6 }.max() ?? 0
        let size = Swift.min(typography.small, cell * 0.5, widest > 0 ? cell * 0.85 / widest : .infinity)
        guard size >= 7 else { return }
        writer.open("g", [("class", "nb-annotations")])
        for (row, rowValues) in values.enumerated() {
            for (column, value) in rowValues.enumerated() where value.isFinite {
                let shade = colorScale.color(at: (value - low) / (high - low))
                let ink = shade.luminance > 0.55 ? "#111111" : "#FFFFFF"
                writer.text(left + (Double(column) + 0.5) * cell, top + (Double(row) + 0.5) * cell + size * 0.35,
                            NiceTicks.typographicMinus(texts[row][column]), anchor: "middle", size: size, style: "fill:\(ink)")
            }
        }
        writer.close("g")
    }

    private func drawLabels(left: Double, top: Double, cell: Double, gridWidth: Double, gridHeight: Double,
                            typography: Typography, xLabelLines: [String], yLabelLines: [String],
                            into writer: inout SVGWriter) {
        let size = typography.small
        let style = "fill:\(Palette.foreground);fill-opacity:0.85"
        // Too many labels to print legibly: show every k-th, at round positions.
        let rowEvery = labelStride(rowLabels, needed: size * 1.3 / Swift.max(cell, 1e-9))
        // Numeric labels print their minus sign as U+2212, like the axes of other charts.
        func display(_ label: String) -> String { Double(label) == nil ? label : NiceTicks.typographicMinus(label) }
        for (row, label) in rowLabels.enumerated() where row % rowEvery.stride == rowEvery.phase {
            writer.text(left - size * 0.4, top + (Double(row) + 0.5) * cell + size * 0.35, display(label), anchor: "end",
                        size: size, style: style)
        }
        let widestColumn = columnLabels.map { estimatedTextWidth($0, fontSize: size) }.max() ?? 0
        let columnEvery = labelStride(columnLabels, needed: (widestColumn + size * 0.6) / Swift.max(cell, 1e-9))
        for (column, label) in columnLabels.enumerated() where column % columnEvery.stride == columnEvery.phase {
            writer.text(left + (Double(column) + 0.5) * cell, top + gridHeight + size * 1.2, display(label), anchor: "middle",
                        size: size, style: style)
        }
        let labelLineHeight = Typography.lineHeight(typography.label)
        if !xLabelLines.isEmpty {
            let y = top + gridHeight + (columnLabels.isEmpty ? 0 : size * 1.5) + typography.label + 2
            writer.textLines(left + gridWidth / 2, y, xLabelLines, lineHeight: labelLineHeight, anchor: "middle",
                             size: typography.label)
        }
        if !yLabelLines.isEmpty {
            // Beside the row labels, wherever the (centred) grid starts.
            let widestRow = rowLabels.map { estimatedTextWidth($0, fontSize: size) }.max() ?? 0
            let rowLabelBlock = rowLabels.isEmpty ? 2 : widestRow + size * 0.5
            let x = Swift.max(8, left - rowLabelBlock - Double(yLabelLines.count) * labelLineHeight) + typography.label * 0.8
            writer.textLines(x, top + gridHeight / 2, yLabelLines, lineHeight: labelLineHeight,
                             anchor: "middle", size: typography.label, rotate: -90)
        }
    }

    /// Ticks for the colour bar (about five, inside the colour range).
    private func colorBarTicks(low: Double, high: Double) -> (values: [Double], labels: [String]) {
        var ticks = NiceTicks.linear(minimum: low, maximum: high, targetCount: 5)
        ticks.values = ticks.values.filter { $0 >= low - 1e-12 && $0 <= high + 1e-12 }
        return (ticks.values, NiceTicks.labels(for: ticks))
    }

    /// A vertical bar of 32 colour steps with its ticks on the right and its label above.
    private func drawColorBar(x: Double, top: Double, height: Double, barWidth: Double,
                              ticks: (values: [Double], labels: [String]), low: Double, high: Double,
                              typography: Typography, into writer: inout SVGWriter) {
        let steps = 32
        let size = typography.small
        writer.open("g", [("class", "nb-colorbar"), ("shape-rendering", "crispEdges")])
        for step in 0..<steps {
            let fraction = (Double(step) + 0.5) / Double(steps)
            let y0 = top + height * (1 - Double(step + 1) / Double(steps))
            let y1 = top + height * (1 - Double(step) / Double(steps))
            writer.rect(x, y0, barWidth, y1 - y0, style: "fill:\(colorScale.color(at: fraction).hex)")
        }
        writer.close("g")
        writer.open("g", [("class", "nb-colorbar-ticks")])
        let scale = PositionScale(domain: (low, high), range: (top + height, top), kind: .linear)
        for (value, label) in zip(ticks.values, ticks.labels) {
            guard let py = scale.position(value) else { continue }
            writer.line(x + barWidth, py, x + barWidth + 4, py, style: "stroke:\(Palette.foreground)")
            writer.text(x + barWidth + 6, py + size * 0.35, label, size: size,
                        style: "fill:\(Palette.foreground);fill-opacity:0.85")
        }
        if !colorBarLabel.isEmpty {
            let half = estimatedTextWidth(colorBarLabel, fontSize: size) / 2
            let centre = Swift.min(x + barWidth / 2, width - 4 - half)
            writer.text(centre, top - size * 0.6, colorBarLabel, anchor: "middle", size: size)
        }
        writer.close("g")
    }
}
