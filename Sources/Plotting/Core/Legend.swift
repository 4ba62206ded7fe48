/// One legend row: a swatch in the series colour and the series name.
struct LegendEntry {
    enum Swatch { case line(dashed: Bool, marker: Bool), box, dot }
    var name: String
    var color: String
    var swatch: Swatch
}

/// A vertical legend drawn to the right of the plotting rectangle.
enum Legend {
    static let rowHeight = 18.0
    static let maximumWidth = 200.0

    /// Horizontal space the legend needs (0 when there is nothing to explain).
    static func width(for entries: [LegendEntry]) -> Double {
        guard !entries.isEmpty else { return 0 }
        let widest = entries.map { estimatedTextWidth($0.name) }.max() ?? 0
        return Swift.min(maximumWidth, 12 + 22 + widest + 6)
    }

    /// Draws the entries starting at (x, y), one per row.
    static func draw(_ entries: [LegendEntry], x: Double, y: Double, into writer: inout SVGWriter) {
        guard !entries.isEmpty else { return }
        writer.open("g", [("class", "nb-legend")])
        for (index, entry) in entries.enumerated() {
            let rowY = y + Double(index) * rowHeight
            switch entry.swatch {
            case .line(let dashed, let marker):
                let dash = dashed ? ";stroke-dasharray:5 3" : ""
                writer.line(x + 12, rowY, x + 30, rowY, style: "stroke:\(entry.color);stroke-width:2.5\(dash)")
                if marker { writer.circle(x + 21, rowY, 3, style: "fill:\(entry.color)") }
            case .box:
                writer.rect(x + 14, rowY - 6, 12, 12, style: "fill:\(entry.color)")
            case .dot:
                writer.circle(x + 20, rowY, 4.5, style: "fill:\(entry.color)")
            }
            writer.text(x + 36, rowY + 4, truncated(entry.name))
        }
        writer.close("g")
    }

    /// Names longer than the legend can hold end with an ellipsis (the full name stays in the
    /// chart's text alternative).
    static func truncated(_ name: String) -> String {
        let maxCharacters = Int((maximumWidth - 40) / (12 * 0.6))
        guard name.count > maxCharacters else { return name }
        return String(name.prefix(maxCharacters - 1)) + "…"
    }
}
