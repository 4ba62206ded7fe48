/// Small multiples: a rows x columns grid of histograms with row and column headers, for
/// example 10 layers (rows) by 5 initializations (columns) of activation histograms.
///
/// The x axis is shared per column (default), across the whole grid, or not at all; shared
/// axes are labelled once under the bottom row. Each panel's bar heights are scaled to that
/// panel's largest bin, as in the CS231n initialization figures, so shapes stay comparable.
public struct HistogramGrid: SVGRenderable, Sendable {
    /// Which panels share an x range.
    public enum SharedXAxis: Sendable, Equatable { case global, perColumn, none }

    public var title: String
    public var xLabel: String
    public var rowHeaders: [String]
    public var columnHeaders: [String]
    /// `cells[row][column]`.
    public var cells: [[HistogramBins]]
    public var sharedX: SharedXAxis
    /// Optional short text per panel (for example "σ=0.21"), `annotations[row][column]`.
    public var annotations: [[String]]?
    public var cellWidth: Double
    public var cellHeight: Double
    private var customAltText: String?

    /// Bins `values[row][column]` into `binCount` bins; shared axes use one nice range for all
    /// panels that share it, so bars line up with the tick labels.
    public init(title: String, xLabel: String = "", rowHeaders: [String], columnHeaders: [String],
                values: [[[Double]]], binCount: Int = 30, sharedX: SharedXAxis = .perColumn,
                annotations: [[String]]? = nil, cellWidth: Double = 120, cellHeight: Double = 54,
                altText: String? = nil) {
        HistogramGrid.checkShape(values.map { $0.count }, rows: rowHeaders.count,
                                 columns: columnHeaders.count, title: title)
        let columns = columnHeaders.count
        func niceRange(_ data: [Double]) -> ClosedRange<Double> {
            let finite = data.filter { $0.isFinite }
            let ticks = NiceTicks.linear(minimum: finite.min() ?? 0, maximum: finite.max() ?? 1, targetCount: 3)
            return ticks.lower...ticks.upper
        }
        let globalRange = sharedX == .global ? niceRange(values.flatMap { $0.flatMap { $0 } }) : nil
        let columnRanges = sharedX == .perColumn
            ? (0..<columns).map { c in niceRange(values.flatMap { $0[c] }) } : []
        let bins = values.map { row in
            row.enumerated().map { column, data in
                HistogramBins(values: data, binCount: binCount,
                              range: globalRange ?? (sharedX == .perColumn ? columnRanges[column] : nil))
            }
        }
        self.init(title: title, xLabel: xLabel, rowHeaders: rowHeaders, columnHeaders: columnHeaders,
                  bins: bins, sharedX: sharedX, annotations: annotations, cellWidth: cellWidth,
                  cellHeight: cellHeight, altText: altText)
    }

    /// A grid of precomputed bins, `bins[row][column]`.
    public init(title: String, xLabel: String = "", rowHeaders: [String], columnHeaders: [String],
                bins: [[HistogramBins]], sharedX: SharedXAxis = .perColumn, annotations: [[String]]? = nil,
                cellWidth: Double = 120, cellHeight: Double = 54, altText: String? = nil) {
        HistogramGrid.checkShape(bins.map { $0.count }, rows: rowHeaders.count,
                                 columns: columnHeaders.count, title: title)
        if let annotations {
            HistogramGrid.checkShape(annotations.map { $0.count }, rows: rowHeaders.count,
                                     columns: columnHeaders.count, title: title + " annotations")
        }
        self.title = title
        self.xLabel = xLabel
        self.rowHeaders = rowHeaders
        self.columnHeaders = columnHeaders
        self.cells = bins
        self.sharedX = sharedX
        self.annotations = annotations
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
        self.customAltText = altText
    }

    private static func checkShape(_ rowLengths: [Int], rows: Int, columns: Int, title: String) {
        guard rowLengths.count == rows, rowLengths.allSatisfy({ $0 == columns }) else {
            fatalError("HistogramGrid '\(title)': expected \(rows) rows x \(columns) columns, got row lengths \(rowLengths)")
        }
    }

    /// The text alternative: given explicitly, or generated from the headers and ranges.
    public var altText: String {
        get {
            if let customAltText { return customAltText }
            var text = "Grid of \(rowHeaders.count) x \(columnHeaders.count) histograms"
            if !title.isEmpty { text += " \u{201C}\(title)\u{201D}" }
            text += "; rows: \(rowHeaders.joined(separator: ", "))"
            text += "; columns: \(columnHeaders.joined(separator: ", "))"
            let edges = cells.flatMap { $0.flatMap { [$0.edges.first!, $0.edges.last!] } }
            text += "; \(xLabel.isEmpty ? "values" : xLabel) \(describeRange(edges))"
            return text + "; each panel scaled to its own largest bin."
        }
        set { customAltText = newValue }
    }

    private var layout: (left: Double, top: Double, width: Double, height: Double, tickBand: Double) {
        let widestRow = rowHeaders.map { estimatedTextWidth($0, fontSize: 11) }.max() ?? 0
        let left = 10 + widestRow + 8
        let top: Double = (title.isEmpty ? 8.0 : 34.0) + 18.0
        let tickBand: Double = sharedX == .none ? 0 : 18
        let width: Double = left + Double(columnHeaders.count) * cellWidth + 8
        let labelBand: Double = xLabel.isEmpty ? 6 : 22
        let height: Double = top + Double(rowHeaders.count) * cellHeight + tickBand + labelBand
        return (left, top, width, height, tickBand)
    }

    public func svg() -> String {
        let (left, top, width, height, _) = layout
        var writer = SVGWriter()
        if !title.isEmpty { writer.text(width / 2, 21, title, anchor: "middle", size: 14, weight: "600") }
        for (column, header) in columnHeaders.enumerated() {
            writer.text(left + (Double(column) + 0.5) * cellWidth, top - 6, header, anchor: "middle",
                        size: 11, weight: "600")
        }
        for (row, header) in rowHeaders.enumerated() {
            writer.text(left - 8, top + (Double(row) + 0.5) * cellHeight + 4, header, anchor: "end", size: 11)
        }
        for row in cells.indices {
            for column in cells[row].indices {
                drawPanel(row: row, column: column, x: left + Double(column) * cellWidth,
                          y: top + Double(row) * cellHeight, into: &writer)
            }
        }
        if sharedX != .none { drawSharedTicks(left: left, top: top, into: &writer) }
        if !xLabel.isEmpty { writer.text(left + Double(columnHeaders.count) * cellWidth / 2, height - 6, xLabel, anchor: "middle") }
        return svgDocument(width: width, height: height, kind: "histogram-grid", title: title,
                           altText: altText, body: writer.body)
    }

    /// Panel geometry: bars fill the cell minus padding; the baseline doubles as x axis.
    private func panelRect(x: Double, y: Double) -> (left: Double, right: Double, top: Double, bottom: Double) {
        (x + 9, x + cellWidth - 9, y + 5, y + cellHeight - (sharedX == .none ? 16 : 4))
    }

    private func panelRange(row: Int, column: Int) -> (Double, Double) {
        switch sharedX {
        case .none: return (cells[row][column].edges.first!, cells[row][column].edges.last!)
        case .perColumn:
            let edges = cells.map { $0[column] }
            return (edges.map { $0.edges.first! }.min()!, edges.map { $0.edges.last! }.max()!)
        case .global:
            let all = cells.flatMap { $0 }
            return (all.map { $0.edges.first! }.min()!, all.map { $0.edges.last! }.max()!)
        }
    }

    private func drawPanel(row: Int, column: Int, x: Double, y: Double, into writer: inout SVGWriter) {
        let rect = panelRect(x: x, y: y)
        let bins = cells[row][column]
        let (low, high) = panelRange(row: row, column: column)
        let xScale = PositionScale(domain: (low, high), range: (rect.left, rect.right), kind: .linear)
        let tallest = bins.counts.filter { $0.isFinite }.max() ?? 0
        writer.open("g", [("class", "nb-panel")])
        writer.rect(rect.left, rect.top, rect.right - rect.left, rect.bottom - rect.top,
                    style: "fill:\(Palette.grid);fill-opacity:0.04")
        let barTop = annotations == nil ? rect.top : rect.top + 12
        if tallest > 0 {
            writer.open("g", [("style", "fill:\(Palette.seriesColor(column));fill-opacity:0.85")])
            for (index, count) in bins.counts.enumerated() where count.isFinite && count > 0 {
                guard let x0 = xScale.clampedPosition(bins.edges[index]),
                      let x1 = xScale.clampedPosition(bins.edges[index + 1]) else { continue }
                // Bars stay below the annotation line so the text never covers them.
                let barHeight = (rect.bottom - barTop) * count / tallest
                writer.rect(x0, rect.bottom - barHeight, Swift.max(0.5, x1 - x0 - 0.3), barHeight)
            }
            writer.close("g")
        }
        writer.line(rect.left, rect.bottom, rect.right, rect.bottom, style: "stroke:\(Palette.foreground);stroke-opacity:0.6")
        if sharedX == .none {
            let style = "fill:\(Palette.foreground);fill-opacity:0.75"
            writer.text(rect.left, rect.bottom + 11, NumberFormat.automatic.format(low), size: 9, style: style)
            writer.text(rect.right, rect.bottom + 11, NumberFormat.automatic.format(high), anchor: "end", size: 9, style: style)
        }
        if let annotations, !annotations[row][column].isEmpty {
            writer.text(rect.right - 2, rect.top + 10, annotations[row][column], anchor: "end", size: 9,
                        style: "fill:\(Palette.foreground);fill-opacity:0.8")
        }
        writer.close("g")
    }

    /// Tick labels under the bottom row: per column, or one set per column of a global axis.
    private func drawSharedTicks(left: Double, top: Double, into writer: inout SVGWriter) {
        let lastRow = rowHeaders.count - 1
        guard lastRow >= 0 else { return }
        let style = "fill:\(Palette.foreground);fill-opacity:0.8"
        for column in columnHeaders.indices {
            let x = left + Double(column) * cellWidth
            let rect = panelRect(x: x, y: top + Double(lastRow) * cellHeight)
            let (low, high) = panelRange(row: lastRow, column: column)
            let xScale = PositionScale(domain: (low, high), range: (rect.left, rect.right), kind: .linear)
            var ticks = NiceTicks.linear(minimum: low, maximum: high, targetCount: 3)
            ticks.values = ticks.values.filter { $0 >= low - 1e-12 && $0 <= high + 1e-12 }
            let labels = NiceTicks.labels(for: ticks)
            for (value, label) in zip(ticks.values, labels) {
                guard let px = xScale.position(value) else { continue }
                writer.line(px, rect.bottom, px, rect.bottom + 3, style: "stroke:\(Palette.foreground)")
                // End labels lean inwards so neighbouring columns' labels cannot touch.
                let anchor = abs(px - rect.left) < 1 ? "start" : abs(px - rect.right) < 1 ? "end" : "middle"
                writer.text(px, rect.bottom + 14, label, anchor: anchor, size: 9, style: style)
            }
        }
    }
}
