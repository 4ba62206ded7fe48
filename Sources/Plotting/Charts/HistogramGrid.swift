/// Small multiples: a rows x columns grid of histograms with row and column headers, for
/// example 10 layers (rows) by 5 initializations (columns) of activation histograms.
///
/// Text is as large as the cells allow, up to the size that stays legible on a phone; a grid too
/// dense for that marks itself with `data-min-width` (see `Chart`), or can wrap its columns into
/// blocks (`wrapColumns`) to become narrow enough.
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
    /// Optional short text per panel (for example "σ=0.21"), `annotations[row][column]`, written
    /// in the panel's top right corner above its bars; "\n" starts a new line, and a text wider
    /// than the panel wraps (a taller `cellHeight` keeps room for the bars).
    public var annotations: [[String]]?
    public var cellWidth: Double
    public var cellHeight: Double
    /// Show at most this many columns side by side; the others continue in blocks below, each
    /// with its column headers (nil: all columns in one row of panels). A narrower grid can use
    /// larger text and so stay legible on a phone without scrolling.
    public var wrapColumns: Int?
    private var customAltText: String?

    /// Bins `values[row][column]` into `binCount` bins; shared axes use one nice range for all
    /// panels that share it, so bars line up with the tick labels.
    public init(title: String, xLabel: String = "", rowHeaders: [String], columnHeaders: [String],
                values: [[[Double]]], binCount: Int = 30, sharedX: SharedXAxis = .perColumn,
                annotations: [[String]]? = nil, cellWidth: Double = 120, cellHeight: Double = 54,
                wrapColumns: Int? = nil, altText: String? = nil) {
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
                  cellHeight: cellHeight, wrapColumns: wrapColumns, altText: altText)
    }

    /// A grid of precomputed bins, `bins[row][column]`.
    public init(title: String, xLabel: String = "", rowHeaders: [String], columnHeaders: [String],
                bins: [[HistogramBins]], sharedX: SharedXAxis = .perColumn, annotations: [[String]]? = nil,
                cellWidth: Double = 120, cellHeight: Double = 54, wrapColumns: Int? = nil,
                altText: String? = nil) {
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
        self.wrapColumns = wrapColumns
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
            var text = "Grid of \(rowHeaders.count) x \(columnHeaders.count) \(rowHeaders.count * columnHeaders.count == 1 ? "histogram" : "histograms")"
            if !title.isEmpty { text += " \u{201C}\(plain(title))\u{201D}" }
            text += "; rows: \(listed(rowHeaders.map(plain)))"
            text += "; columns: \(listed(columnHeaders.map(plain)))"
            let edges = cells.flatMap { $0.flatMap { [$0.edges.first!, $0.edges.last!] } }
            text += "; \(xLabel.isEmpty ? "values" : plain(xLabel)) \(describeRange(edges))"
            return text + "; each panel scaled to its own largest bin."
        }
        set { customAltText = newValue }
    }
}
