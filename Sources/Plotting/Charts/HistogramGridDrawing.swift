/// Layout and drawing of `HistogramGrid`.
extension HistogramGrid {
    /// Where everything of a grid goes: one text size for headers, ticks and annotations, and the
    /// blocks of columns stacked top to bottom.
    struct Layout {
        var size: Double
        var titleSize: Double
        var left: Double
        var width: Double
        var height: Double
        var titleLines: [String]
        /// Column header lines per column (wrapped to the cell width).
        var headerLines: [[String]]
        var blockColumns: Int
        /// Top of each block's first row of panels.
        var blockTops: [Double]
        var tickBand: Double
    }

    /// Text as large as the cells allow (a quarter of the cell height, a ninth of its width, at most
    /// `Typography.denseMaximum`) and no larger than the size that is legible on a phone at this
    /// grid's width.
    var layout: Layout {
        let columns = columnHeaders.count
        let blockColumns = Swift.max(1, Swift.min(wrapColumns ?? columns, Swift.max(1, columns)))
        func gridWidth(_ size: Double) -> Double {
            let widestRow = rowHeaders.map { estimatedTextWidth($0, fontSize: size) }.max() ?? 0
            return 8 + widestRow + size * 0.7 + Double(blockColumns) * cellWidth + 8
        }
        // Whole or half units: the SVG writes sizes to two decimals, and a cap such as 120 / 9 = 13.33...
        // would print smaller than the size the phone's minimum width was computed from.
        let cap = Swift.max(9, (Swift.min(cellHeight / 4.5, cellWidth / 9, Typography.denseMaximum) * 2).rounded(.down) / 2)
        var size = Typography.desktopMinimum
        for _ in 0..<6 {  // the width grows with the row headers' size: iterate to the fixed point
            size = Swift.min(Swift.max(Typography.desktopMinimum, Typography(width: gridWidth(size)).small), cap)
        }
        let width = gridWidth(size)
        let left = width - 8 - Double(blockColumns) * cellWidth
        let titleSize = ((size * 1.2) * 2).rounded() / 2
        let titleLines = title.isEmpty ? [] : wrappedLines(title, width: width - 16, fontSize: titleSize)
        let lineHeight = Typography.lineHeight(size)
        let headerLines = columnHeaders.map { wrappedLines($0, width: cellWidth - 6, fontSize: size) }
        let tickBand = sharedX == .none ? 0 : size * 1.6
        var y = 6 + Double(titleLines.count) * Typography.lineHeight(titleSize) + size * 0.5
        var blockTops: [Double] = []
        for start in Swift.stride(from: 0, to: Swift.max(1, columns), by: blockColumns) {
            let block = start..<Swift.min(columns, start + blockColumns)
            let lines = block.map { headerLines[$0].count }.max() ?? 0
            y += Double(lines) * lineHeight + 4
            blockTops.append(y)
            y += Double(rowHeaders.count) * cellHeight + tickBand + size * 0.6
        }
        let labelBand = xLabel.isEmpty ? 0 : Typography.lineHeight(size + 1) + 2
        return Layout(size: size, titleSize: titleSize, left: left, width: width, height: y + labelBand,
                      titleLines: titleLines, headerLines: headerLines, blockColumns: blockColumns,
                      blockTops: blockTops, tickBand: tickBand)
    }

    /// The top-left corner of panel (row, column).
    private func panelOrigin(row: Int, column: Int, _ layout: Layout) -> (x: Double, y: Double) {
        let block = column / layout.blockColumns
        return (layout.left + Double(column % layout.blockColumns) * cellWidth,
                layout.blockTops[block] + Double(row) * cellHeight)
    }

    public func svg() -> String {
        let layout = self.layout
        let size = layout.size
        var writer = SVGWriter(typography: Typography(minimum: size, small: size, label: size + 1,
                                                      title: layout.titleSize))
        if !layout.titleLines.isEmpty {
            writer.textLines(layout.width / 2, 6 + layout.titleSize, layout.titleLines,
                             lineHeight: Typography.lineHeight(layout.titleSize), anchor: "middle",
                             size: layout.titleSize, weight: "600")
        }
        for (column, lines) in layout.headerLines.enumerated() {
            let origin = panelOrigin(row: 0, column: column, layout)
            let firstBaseline = origin.y - 4 - Double(lines.count - 1) * Typography.lineHeight(size) - size * 0.3
            writer.textLines(origin.x + cellWidth / 2, firstBaseline, lines, lineHeight: Typography.lineHeight(size),
                             anchor: "middle", size: size, weight: "600")
        }
        for blockTop in layout.blockTops {
            for (row, header) in rowHeaders.enumerated() {
                writer.text(layout.left - size * 0.6, blockTop + (Double(row) + 0.5) * cellHeight + size * 0.35,
                            header, anchor: "end", size: size)
            }
        }
        for row in cells.indices {
            for column in cells[row].indices {
                let origin = panelOrigin(row: row, column: column, layout)
                drawPanel(row: row, column: column, x: origin.x, y: origin.y, size: size, into: &writer)
            }
        }
        if sharedX != .none { drawSharedTicks(layout, into: &writer) }
        if !xLabel.isEmpty {
            writer.text(layout.left + Double(layout.blockColumns) * cellWidth / 2, layout.height - 6, xLabel,
                        anchor: "middle", size: size + 1)
        }
        return svgDocument(width: layout.width, height: layout.height, kind: "histogram-grid", title: title,
                           altText: altText, writer: writer)
    }

    /// Panel geometry: bars fill the cell minus padding; the baseline doubles as x axis.
    private func panelRect(x: Double, y: Double, size: Double) -> (left: Double, right: Double, top: Double, bottom: Double) {
        (x + size * 0.5, x + cellWidth - size * 0.5, y + 4, y + cellHeight - (sharedX == .none ? size * 1.35 : 4))
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

    private func drawPanel(row: Int, column: Int, x: Double, y: Double, size: Double, into writer: inout SVGWriter) {
        let rect = panelRect(x: x, y: y, size: size)
        let bins = cells[row][column]
        let (low, high) = panelRange(row: row, column: column)
        let xScale = PositionScale(domain: (low, high), range: (rect.left, rect.right), kind: .linear)
        let tallest = bins.counts.filter { $0.isFinite }.max() ?? 0
        writer.open("g", [("class", "nb-panel")])
        writer.rect(rect.left, rect.top, rect.right - rect.left, rect.bottom - rect.top,
                    style: "fill:\(Palette.grid);fill-opacity:0.04")
        let annotationLines = self.annotationLines(row: row, column: column, width: rect.right - rect.left - 4, size: size)
        let barTop = rect.top + Double(annotationLines.count) * Typography.lineHeight(size) - (annotationLines.isEmpty ? 0 : size * 0.1)
        if tallest > 0 {
            writer.open("g", [("style", "fill:\(Palette.seriesColor(column));fill-opacity:0.85")])
            for (index, count) in bins.counts.enumerated() where count.isFinite && count > 0 {
                guard let x0 = xScale.clampedPosition(bins.edges[index]),
                      let x1 = xScale.clampedPosition(bins.edges[index + 1]) else { continue }
                // Bars stay below the annotation line so the text never covers them.
                let barHeight = Swift.max(0, rect.bottom - barTop) * count / tallest
                writer.rect(x0, rect.bottom - barHeight, Swift.max(0.5, x1 - x0 - 0.3), barHeight)
            }
            writer.close("g")
        }
        writer.line(rect.left, rect.bottom, rect.right, rect.bottom, style: "stroke:\(Palette.foreground);stroke-opacity:0.6")
        let style = "fill:\(Palette.foreground);fill-opacity:0.8"
        if sharedX == .none {
            let baseline = rect.bottom + size * 1.05
            writer.text(rect.left, baseline, NiceTicks.typographicMinus(NumberFormat.automatic.format(low)), size: size, style: style)
            writer.text(rect.right, baseline, NiceTicks.typographicMinus(NumberFormat.automatic.format(high)),
                        anchor: "end", size: size, style: style)
        }
        if !annotationLines.isEmpty {
            writer.textLines(rect.right - 2, rect.top + size * 0.95, annotationLines, lineHeight: Typography.lineHeight(size),
                             anchor: "end", size: size, style: style)
        }
        writer.close("g")
    }

    /// Panel (row, column)'s annotation as lines no wider than `width`, so no annotation runs into
    /// the neighbouring panel: split at explicit line breaks ("\n"); a line too wide is broken
    /// after its commas first ("σ = 0.58," / "50% zeros" keeps each clause whole), then at spaces;
    /// a word that still does not fit is cut with an ellipsis. The panel's bars start below them.
    func annotationLines(row: Int, column: Int, width: Double, size: Double) -> [String] {
        guard let text = annotations?[row][column], !text.isEmpty else { return [] }
        func fitted(_ line: String) -> [String] {
            guard estimatedTextWidth(line, fontSize: size) > width else { return [line] }
            let clauses = line.components(separatedBy: ", ")
            let parts = clauses.enumerated().map { $0.offset < clauses.count - 1 ? $0.element + "," : $0.element }
            return parts.flatMap { wrappedLines($0, width: width, fontSize: size) }
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { fitted(String($0)) }
            .map { Legend.truncated($0, width: width, fontSize: size) }
    }

    /// Tick labels under the bottom row of each block: per column, from that column's range.
    private func drawSharedTicks(_ layout: Layout, into writer: inout SVGWriter) {
        let lastRow = rowHeaders.count - 1
        guard lastRow >= 0 else { return }
        let size = layout.size
        let style = "fill:\(Palette.foreground);fill-opacity:0.8"
        for column in columnHeaders.indices {
            let origin = panelOrigin(row: lastRow, column: column, layout)
            let rect = panelRect(x: origin.x, y: origin.y, size: size)
            let (low, high) = panelRange(row: lastRow, column: column)
            let xScale = PositionScale(domain: (low, high), range: (rect.left, rect.right), kind: .linear)
            // Three ticks, or fewer when their labels would touch at this text size.
            var ticks = TickSet(lower: low, upper: high, step: high - low, values: [], fractionDigits: 0)
            var labels: [String] = []
            for target in [3, 2] {
                ticks = NiceTicks.linear(minimum: low, maximum: high, targetCount: target, maximumCount: 4)
                ticks.values = ticks.values.filter { $0 >= low - 1e-12 && $0 <= high + 1e-12 }
                labels = NiceTicks.labels(for: ticks)
                let widest = labels.map { estimatedTextWidth($0, fontSize: size) }.max() ?? 0
                let positions = ticks.values.compactMap { xScale.position($0) }
                let spacing = zip(positions.dropFirst(), positions).map { $0 - $1 }.min() ?? .infinity
                if widest + size * 0.8 <= spacing { break }
            }
            // Still crowded: drop labels that would touch the one before (greedy, left to right).
            // End labels lean inwards (anchored at their end) so neighbouring columns' cannot touch.
            var lastRight = -Double.infinity
            for (value, label) in zip(ticks.values, labels) {
                guard let px = xScale.position(value) else { continue }
                let width = estimatedTextWidth(label, fontSize: size)
                let anchor = abs(px - rect.left) < 1 ? "start" : abs(px - rect.right) < 1 ? "end" : "middle"
                let extent = anchor == "start" ? (px, px + width)
                    : anchor == "end" ? (px - width, px) : (px - width / 2, px + width / 2)
                guard extent.0 >= lastRight + size * 0.5 else { continue }
                lastRight = extent.1
                writer.line(px, rect.bottom, px, rect.bottom + 3, style: "stroke:\(Palette.foreground)")
                writer.text(px, rect.bottom + 3 + size, label, anchor: anchor, size: size, style: style)
            }
        }
    }
}
