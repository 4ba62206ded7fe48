/// A drawing of an activation block [N, C, H, W] as a cube, with the cells one normalization
/// method averages over highlighted, after Figure 2 of Wu & He, "Group Normalization" (ECCV 2018).
///
/// H and W are flattened into one vertical axis; C runs left to right; N recedes into depth.
/// The highlighted set is the one group of values that share a mean and variance:
/// - Batch Norm (Ioffe & Szegedy 2015): one channel, all N, H, W.
/// - Layer Norm (Ba, Kiros & Hinton 2016): one sample, all C, H, W.
/// - Instance Norm (Ulyanov, Vedaldi & Lempitsky 2016): one sample, one channel, all H, W.
/// - Group Norm (Wu & He 2018): one sample, one group of C / G channels, all H, W.
public struct NormalizationDiagram: SVGRenderable, Sendable {
    /// A normalization method and therefore a set of axes to average over.
    public enum Kind: Sendable, Equatable {
        case batch, layer, instance
        case group(groups: Int)

        /// Panel heading, for example "Group Norm (G = 2)".
        public var name: String {
            switch self {
            case .batch: return "Batch Norm"
            case .layer: return "Layer Norm"
            case .instance: return "Instance Norm"
            case .group(let groups): return "Group Norm (G = \(groups))"
            }
        }

        /// The axes averaged over, in words.
        public var axesDescription: String {
            switch self {
            case .batch: return "over N, H, W for each channel"
            case .layer: return "over C, H, W for each sample"
            case .instance: return "over H, W for each sample and channel"
            case .group: return "over C/G channels, H, W for each sample"
            }
        }

        /// Whether cell (n, c) (any h) belongs to the highlighted set (sample 0, channel 0,
        /// channel group 0), given `channels` channels.
        func contains(n: Int, c: Int, channels: Int) -> Bool {
            switch self {
            case .batch: return c == 0
            case .layer: return n == 0
            case .instance: return n == 0 && c == 0
            case .group(let groups):
                let size = (channels + groups - 1) / Swift.max(1, groups)
                return n == 0 && c < size
            }
        }
    }

    public var title: String
    public var kinds: [Kind]
    /// Cells drawn along N, C and the flattened H, W axis.
    public var batchSize: Int
    public var channels: Int
    public var spatial: Int
    /// Edge length of one cell in pixels.
    public var cellSize: Double
    private var customAltText: String?

    /// Panels per row (nil: chosen so the diagram stays legible on a phone, 2 for 4 kinds).
    public var columns: Int?

    /// One panel per kind, `columns` per row; traps on empty or non-positive sizes.
    public init(title: String = "Which values each normalization averages over",
                kinds: [Kind] = [.batch, .layer, .instance, .group(groups: 2)],
                batchSize: Int = 4, channels: Int = 6, spatial: Int = 5, cellSize: Double = 20,
                columns: Int? = nil, altText: String? = nil) {
        guard !kinds.isEmpty, batchSize > 0, channels > 0, spatial > 0 else {
            fatalError("NormalizationDiagram needs kinds and positive sizes, got \(kinds.count) kinds, N=\(batchSize) C=\(channels) HW=\(spatial)")
        }
        for case .group(let groups) in kinds where groups < 1 || groups > channels {
            fatalError("NormalizationDiagram: group count \(groups) must be in 1...\(channels)")
        }
        self.title = title
        self.kinds = kinds
        self.batchSize = batchSize
        self.channels = channels
        self.spatial = spatial
        self.cellSize = cellSize
        self.columns = columns
        self.customAltText = altText
    }

    /// The text alternative: given explicitly, or generated from the kinds.
    public var altText: String {
        get {
            if let customAltText { return customAltText }
            let panels = kinds.map { "\($0.name) averages \($0.axesDescription)" }.joined(separator: "; ")
            return "Diagram of an activation block with axes N (batch), C (channels) and H, W (flattened spatial) drawn as a cube, one panel per method, highlighted cells share one mean and variance: \(panels)."
        }
        set { customAltText = newValue }
    }

    private var depthStep: (dx: Double, dy: Double) { (cellSize * 0.6, cellSize * 0.45) }

    /// Sizes and panel geometry. Text is as large as a phone needs (the page shrinks the diagram
    /// to 322 px) but at most three quarters of a cell and `Typography.denseMaximum`, so it never
    /// dwarfs the drawing; a diagram that cannot afford that gets `data-min-width`.
    private struct Layout {
        var columns: Int
        var size: Double
        var panelWidth: Double
        var panelHeight: Double
        var width: Double
        var height: Double
        var top: Double
        var titleLines: [String]
        var captionLines: [[String]]
        var typography: Typography
    }

    private var cubeWidth: Double { Double(channels) * cellSize + Double(batchSize) * depthStep.dx }
    private var cubeHeight: Double { Double(spatial) * cellSize + Double(batchSize) * depthStep.dy }

    private var layout: Layout {
        // Two columns (a 2 x 2 grid for the four methods) keep the default diagram about 470 units
        // wide; four side by side would need 24-unit text to be legible on a phone.
        let columns = Swift.max(1, Swift.min(kinds.count, self.columns ?? (kinds.count <= 2 ? kinds.count : 2)))
        let cap = Swift.max(Typography.desktopMinimum, Swift.min(cellSize * 0.75, Typography.denseMaximum))
        var size = Typography.desktopMinimum
        var panelWidth = 0.0
        for _ in 0..<4 {  // the panels widen with the axis letters beside the cube: iterate
            panelWidth = Swift.max(cubeWidth + size * 4, 150)
            size = Swift.min(Typography(width: Double(columns) * panelWidth + 10).small, cap)
        }
        panelWidth = Swift.max(cubeWidth + size * 4, 150)
        let width = Double(columns) * panelWidth + 10
        let typography = Typography(minimum: size, small: size, label: size + 1,
                                    title: ((size * 1.2) * 2).rounded() / 2)
        let titleLines = title.isEmpty ? [] : wrappedLines(title, width: width - 16, fontSize: typography.title)
        let top = 6 + Double(titleLines.count) * Typography.lineHeight(typography.title) + 4
        let captionLines = kinds.map { wrappedLines($0.axesDescription, width: panelWidth - 10, fontSize: size) }
        let lines = Double(captionLines.map(\.count).max() ?? 1)
        let panelHeight = Typography.lineHeight(typography.label) + 6 + cubeHeight + size * 1.6
            + lines * Typography.lineHeight(size) + size
        let rows = (kinds.count + columns - 1) / columns
        return Layout(columns: columns, size: size, panelWidth: panelWidth, panelHeight: panelHeight,
                      width: width, height: top + Double(rows) * panelHeight, top: top,
                      titleLines: titleLines, captionLines: captionLines, typography: typography)
    }

    public func svg() -> String {
        let layout = self.layout
        let size = layout.size
        var writer = SVGWriter(typography: layout.typography)
        if !layout.titleLines.isEmpty {
            writer.textLines(layout.width / 2, 6 + layout.typography.title, layout.titleLines,
                             lineHeight: Typography.lineHeight(layout.typography.title), anchor: "middle",
                             size: layout.typography.title, weight: "600")
        }
        for (index, kind) in kinds.enumerated() {
            let x = 5 + Double(index % layout.columns) * layout.panelWidth
            let y = layout.top + Double(index / layout.columns) * layout.panelHeight
            let centre = x + layout.panelWidth / 2
            writer.open("g", [("class", "nb-norm-panel")])
            let headingBaseline = y + layout.typography.label
            writer.text(centre, headingBaseline, kind.name, anchor: "middle", size: layout.typography.label, weight: "600")
            let baseY = headingBaseline + 6 + cubeHeight + size * 0.3
            drawCube(kind: kind, originX: centre - cubeWidth / 2, baseY: baseY, size: size, into: &writer)
            writer.textLines(centre, baseY + size * 1.6 + size, layout.captionLines[index],
                             lineHeight: Typography.lineHeight(size), anchor: "middle", size: size,
                             style: "fill:\(Palette.foreground);fill-opacity:0.8")
            writer.close("g")
        }
        return svgDocument(width: layout.width, height: layout.height, kind: "normalization-diagram", title: title,
                           altText: altText, writer: writer)
    }

    /// Screen position of the block coordinate (c, h, n) in an oblique projection.
    private func point(_ c: Double, _ h: Double, _ n: Double, originX: Double, baseY: Double) -> (Double, Double) {
        (originX + c * cellSize + n * depthStep.dx, baseY - h * cellSize - n * depthStep.dy)
    }

    private func drawCube(kind: Kind, originX: Double, baseY: Double, size: Double, into writer: inout SVGWriter) {
        let p = { (c: Double, h: Double, n: Double) in self.point(c, h, n, originX: originX, baseY: baseY) }
        // Each face: the cells as quadrilaterals, split into highlighted and plain.
        var faces: [(shade: Double, cells: [(on: Bool, corners: [(Double, Double)])])] = []
        // Front face (n = 0): channel by flattened spatial position.
        faces.append((0, (0..<channels).flatMap { c in (0..<spatial).map { h in
            let cd = Double(c), hd = Double(h)
            return (kind.contains(n: 0, c: c, channels: channels),
                    [p(cd, hd, 0), p(cd + 1, hd, 0), p(cd + 1, hd + 1, 0), p(cd, hd + 1, 0)])
        } }))
        // Top face (h = spatial): channel by sample.
        faces.append((0.15, (0..<channels).flatMap { c in (0..<batchSize).map { n in
            let h = Double(spatial), cd = Double(c), nd = Double(n)
            return (kind.contains(n: n, c: c, channels: channels),
                    [p(cd, h, nd), p(cd + 1, h, nd), p(cd + 1, h, nd + 1), p(cd, h, nd + 1)])
        } }))
        // Right face (c = channels): sample by flattened spatial position.
        faces.append((0.3, (0..<batchSize).flatMap { n in (0..<spatial).map { h in
            let c = Double(channels), hd = Double(h), nd = Double(n)
            return (kind.contains(n: n, c: channels - 1, channels: channels),
                    [p(c, hd, nd), p(c, hd, nd + 1), p(c, hd + 1, nd + 1), p(c, hd + 1, nd)])
        } }))
        let outline = "stroke:\(Palette.foreground);stroke-width:0.8;stroke-opacity:0.7"
        for face in faces {
            for on in [false, true] {
                let cells = face.cells.filter { $0.on == on }
                guard !cells.isEmpty else { continue }
                let fill = on
                    ? "fill:\(Palette.seriesColor(0));fill-opacity:\(svgNumber(0.85 - face.shade))"
                    : "fill:\(Palette.grid);fill-opacity:\(svgNumber(0.03 + face.shade))"
                writer.open("g", [("class", on ? "nb-normalized" : "nb-cell"), ("style", fill + ";" + outline)])
                for cell in cells { writer.polygon(cell.corners) }
                writer.close("g")
            }
        }
        // Axis names: H, W up the left edge, C under the front, N along the receding edge.
        let labelStyle = "fill:\(Palette.foreground)"
        let left = p(0, Double(spatial) / 2, 0)
        writer.text(left.0 - size * 0.5, left.1, "H, W", anchor: "middle", size: size, rotate: -90, style: labelStyle)
        let front = p(Double(channels) / 2, 0, 0)
        writer.text(front.0, front.1 + size * 1.25, "C", anchor: "middle", size: size, style: labelStyle)
        let depth = p(Double(channels), 0, Double(batchSize) / 2)
        writer.text(depth.0 + size * 0.5, depth.1 + size * 0.9, "N", size: size, style: labelStyle)
    }
}
