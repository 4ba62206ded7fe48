/// One legend row: a swatch in the series colour and the series name (label markup).
struct LegendEntry {
    enum Swatch {
        /// A line segment, dashed or solid, with the series' marker on it when it has one, and
        /// a translucent box behind it when the series has a shaded band.
        case line(dashed: Bool, marker: MarkerShape?, band: Bool = false)
        case box
        case marker(MarkerShape)
    }
    var name: String
    var color: String
    var swatch: Swatch
}

/// A legend laid out either in a column to the right of the plot or, when that column would take
/// more than `maximumRightShare` of the chart's width (long names, narrow charts), in a grid of
/// rows under the plot that uses the full width.
struct Legend {
    enum Placement: Equatable { case right, bottom }

    /// Widest share of the chart a right-hand legend may take before it moves below the plot.
    static let maximumRightShare = 0.3

    let entries: [LegendEntry]
    let placement: Placement
    let fontSize: Double
    /// Width of one entry column (swatch, gap and the widest name).
    let columnWidth: Double
    /// Entries per row (1 for a right-hand legend).
    let columns: Int

    var rowHeight: Double { fontSize * 1.45 }
    var rows: Int { (entries.count + columns - 1) / Swift.max(1, columns) }
    var swatchWidth: Double { fontSize * 2 }

    /// Space the legend takes to the right of the plot (0 when below it).
    var rightWidth: Double { placement == .right ? columnWidth + 12 : 0 }
    /// Space the legend takes under the plot (0 when on the right).
    var bottomHeight: Double { placement == .bottom ? Double(rows) * rowHeight + 4 : 0 }

    /// The layout of `entries` in a chart `chartWidth` units wide, or nil when there is nothing to
    /// explain (fewer than `minimumEntries` entries).
    init?(entries: [LegendEntry], typography: Typography, chartWidth: Double, minimumEntries: Int = 2) {
        guard entries.count >= minimumEntries, !entries.isEmpty else { return nil }
        self.entries = entries
        let size = typography.small
        fontSize = size
        let widestName = entries.map { estimatedTextWidth($0.name, fontSize: size) }.max() ?? 0
        let natural = size * 2 + size * 0.5 + widestName
        if natural + 12 <= Legend.maximumRightShare * chartWidth {
            placement = .right
            columnWidth = natural
            columns = 1
        } else {
            placement = .bottom
            let available = chartWidth - 20
            let spacing = size * 1.2
            columns = Swift.max(1, Swift.min(entries.count, Int((available + spacing) / (natural + spacing))))
            columnWidth = Swift.min(natural, available) + (columns > 1 ? spacing : 0)
        }
    }

    /// Draws the legend with its first row's centre line at `y`; a right-hand legend starts at `x`,
    /// a bottom legend is centred on `centerX`.
    func draw(x: Double, y: Double, centerX: Double, into writer: inout SVGWriter) {
        writer.open("g", [("class", "nb-legend")])
        let gridWidth = Double(columns) * columnWidth - (columns > 1 ? fontSize * 1.2 : 0)
        let originX = placement == .right ? x + 10 : centerX - gridWidth / 2
        let textRoom = placement == .right ? columnWidth : columnWidth - (columns > 1 ? fontSize * 1.2 : 0)
        for (index, entry) in entries.enumerated() {
            let column = placement == .right ? 0 : index % columns
            let row = placement == .right ? index : index / columns
            let left = originX + Double(column) * columnWidth
            let centre = y + Double(row) * rowHeight
            drawSwatch(entry, left: left, centre: centre, into: &writer)
            let name = Legend.truncated(entry.name, width: textRoom - swatchWidth - fontSize * 0.5, fontSize: fontSize)
            writer.text(left + swatchWidth + fontSize * 0.5, centre + fontSize * 0.35, name, size: fontSize)
        }
        writer.close("g")
    }

    private func drawSwatch(_ entry: LegendEntry, left: Double, centre: Double, into writer: inout SVGWriter) {
        switch entry.swatch {
        case .line(let dashed, let marker, let band):
            if band {
                let height = fontSize * 0.9
                writer.rect(left, centre - height / 2, swatchWidth, height,
                            style: "fill:\(entry.color);fill-opacity:\(svgNumber(LineBand.opacity))")
            }
            let dash = dashed ? ";stroke-dasharray:6 4" : ""
            writer.line(left, centre, left + swatchWidth, centre, style: "stroke:\(entry.color);stroke-width:2.5\(dash)")
            marker?.draw(left + swatchWidth / 2, centre, radius: fontSize * 0.26, style: "fill:\(entry.color)", into: &writer)
        case .box:
            let side = fontSize * 0.85
            writer.rect(left + (swatchWidth - side) / 2, centre - side / 2, side, side, style: "fill:\(entry.color)")
        case .marker(let shape):
            shape.draw(left + swatchWidth / 2, centre, radius: fontSize * 0.32, style: "fill:\(entry.color)", into: &writer)
        }
    }

    /// Names wider than `width` end with an ellipsis (the full name stays in the chart's text
    /// alternative). Markup is kept intact when the name fits.
    static func truncated(_ name: String, width: Double, fontSize: Double) -> String {
        guard estimatedTextWidth(name, fontSize: fontSize) > width else { return name }
        let plainName = LabelMarkup(name).plainText
        let maxCharacters = Swift.max(1, Int(width / (fontSize * 0.6)))
        guard plainName.count > maxCharacters else { return plainName }
        return String(plainName.prefix(maxCharacters - 1)) + "…"
    }
}
