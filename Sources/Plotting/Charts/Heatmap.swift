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
            if !title.isEmpty { text += " \u{201C}\(title)\u{201D}" }
            text += " of a \(values.count) x \(columnCount) matrix"
            if !yLabel.isEmpty { text += "; rows: \(yLabel)" }
            if !xLabel.isEmpty { text += "; columns: \(xLabel)" }
            text += "; values \(describeRange(values.flatMap { $0 }))."
            return text
        }
        set { customAltText = newValue }
    }

    public func svg() -> String {
        let finite = values.flatMap { $0 }.filter { $0.isFinite }
        let (low, high) = colorScale.domain(minimum: valueRange?.lowerBound ?? finite.min() ?? 0,
                                            maximum: valueRange?.upperBound ?? finite.max() ?? 1)
        let widestRow = rowLabels.map { estimatedTextWidth($0, fontSize: 11) }.max() ?? 0
        let labelsLeft = 10 + (yLabel.isEmpty ? 0 : 18) + widestRow + (rowLabels.isEmpty ? 0 : 6)
        let top = title.isEmpty ? 10.0 : 34.0
        let colorBarWidth = 70.0
        let bottom = height - 6 - (xLabel.isEmpty ? 0 : 18) - (columnLabels.isEmpty ? 0 : 18)
        let right = width - colorBarWidth - 8
        let rows = Swift.max(1, values.count), columns = Swift.max(1, columnCount)
        // Square cells when possible: the smaller of the two cell sizes for both directions.
        let cell = Swift.min((right - labelsLeft) / Double(columns), (bottom - top) / Double(rows))
        let gridWidth = cell * Double(columns), gridHeight = cell * Double(rows)
        // Centre the grid horizontally in the room left by square cells.
        let left = labelsLeft + Swift.max(0, (right - labelsLeft - gridWidth) / 2)
        var writer = SVGWriter()
        if !title.isEmpty { writer.text(width / 2, 21, title, anchor: "middle", size: 14, weight: "600") }
        writer.open("g", [("class", "nb-cells")])
        for (row, rowValues) in values.enumerated() {
            for (column, value) in rowValues.enumerated() {
                let x = left + Double(column) * cell, y = top + Double(row) * cell
                guard value.isFinite else {
                    writer.rect(x + 0.5, y + 0.5, cell - 1, cell - 1,
                                style: "fill:none;stroke:\(Palette.foreground);stroke-opacity:0.3")
                    continue
                }
                let shade = colorScale.color(at: (value - low) / (high - low))
                writer.rect(x, y, cell + 0.3, cell + 0.3, style: "fill:\(shade.hex)")
                if let annotationFormat, cell >= 14 {
                    let ink = shade.luminance > 0.55 ? "#111111" : "#FFFFFF"
                    writer.text(x + cell / 2, y + cell / 2 + 4, annotationFormat.format(value), anchor: "middle",
                                size: Swift.min(12, cell * 0.38), style: "fill:\(ink)")
                }
            }
        }
        writer.close("g")
        drawLabels(left: left, top: top, cell: cell, gridWidth: gridWidth, gridHeight: gridHeight, into: &writer)
        drawColorBar(x: left + gridWidth + 16, top: top, height: gridHeight, low: low, high: high, into: &writer)
        return svgDocument(width: width, height: height, kind: "heatmap", title: title,
                           altText: altText, body: writer.body)
    }

    private func drawLabels(left: Double, top: Double, cell: Double, gridWidth: Double,
                            gridHeight: Double, into writer: inout SVGWriter) {
        let style = "fill:\(Palette.foreground);fill-opacity:0.85"
        // Too many labels to print legibly: show every k-th.
        let rowEvery = Swift.max(1, Int((12 / cell).rounded(.up)))
        for (row, label) in rowLabels.enumerated() where row % rowEvery == 0 {
            writer.text(left - 5, top + (Double(row) + 0.5) * cell + 4, label, anchor: "end", size: 11, style: style)
        }
        let widestColumn = columnLabels.map { estimatedTextWidth($0, fontSize: 11) }.max() ?? 0
        let columnEvery = Swift.max(1, Int(((widestColumn + 4) / cell).rounded(.up)))
        for (column, label) in columnLabels.enumerated() where column % columnEvery == 0 {
            writer.text(left + (Double(column) + 0.5) * cell, top + gridHeight + 14, label, anchor: "middle", size: 11, style: style)
        }
        if !xLabel.isEmpty {
            let y = top + gridHeight + (columnLabels.isEmpty ? 16 : 32)
            writer.text(left + gridWidth / 2, y, xLabel, anchor: "middle")
        }
        if !yLabel.isEmpty {
            writer.text(14, top + gridHeight / 2, yLabel, anchor: "middle", rotate: -90)
        }
    }

    /// A vertical bar of 32 colour steps with nice ticks on its right.
    private func drawColorBar(x: Double, top: Double, height: Double, low: Double, high: Double,
                              into writer: inout SVGWriter) {
        let steps = 32
        writer.open("g", [("class", "nb-colorbar")])
        for step in 0..<steps {
            let fraction = (Double(step) + 0.5) / Double(steps)
            let y = top + height * (1 - Double(step + 1) / Double(steps))
            writer.rect(x, y, 12, height / Double(steps) + 0.3, style: "fill:\(colorScale.color(at: fraction).hex)")
        }
        var ticks = NiceTicks.linear(minimum: low, maximum: high, targetCount: 5)
        ticks.values = ticks.values.filter { $0 >= low - 1e-12 && $0 <= high + 1e-12 }
        let scale = PositionScale(domain: (low, high), range: (top + height, top), kind: .linear)
        for (value, label) in zip(ticks.values, NiceTicks.labels(for: ticks)) {
            guard let py = scale.position(value) else { continue }
            writer.line(x + 12, py, x + 15, py, style: "stroke:\(Palette.foreground)")
            writer.text(x + 17, py + 4, label, size: 10, style: "fill:\(Palette.foreground);fill-opacity:0.85")
        }
        if !colorBarLabel.isEmpty {
            writer.text(x + 6, top - 6, colorBarLabel, anchor: "middle", size: 10)
        }
        writer.close("g")
    }
}
