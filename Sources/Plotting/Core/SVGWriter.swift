/// Accumulates SVG elements as text with fixed number formatting and escaped attributes.
///
/// Charts describe geometry in pixels; the writer turns it into bytes. Every attribute value and
/// text passes through `escapeMarkup`, every number through `svgNumber`.
struct SVGWriter {
    private(set) var body = ""
    /// Sizes of the chart this writer draws; scripts never get smaller than `typography.minimum`.
    let typography: Typography
    /// The smallest font size of any visible text written so far (units), for `data-min-width`.
    private(set) var smallestTextSize = Double.infinity

    /// Font size of text drawn without an explicit size (the root `<svg>`'s `font-size`).
    static let defaultFontSize = 12.0

    init(typography: Typography = Typography(width: 0)) {
        self.typography = typography
    }

    /// Appends `<name attr="value" .../>` (or with text content when `text` is given).
    mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        body += "<" + name
        for (key, value) in attributes {
            body += " " + key + "=\"" + escapeMarkup(value) + "\""
        }
        if let text {
            body += ">" + escapeMarkup(text) + "</" + name + ">\n"
        } else {
            body += "/>\n"
        }
    }

    /// Opens a `<g>` group; close it with `close("g")`.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        body += "<" + name
        for (key, value) in attributes {
            body += " " + key + "=\"" + escapeMarkup(value) + "\""
        }
        body += ">\n"
    }

    mutating func close(_ name: String) {
        body += "</" + name + ">\n"
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, style: String,
                       className: String? = nil) {
        var attributes = [("x1", svgNumber(x1)), ("y1", svgNumber(y1)),
                          ("x2", svgNumber(x2)), ("y2", svgNumber(y2)), ("style", style)]
        if let className { attributes.insert(("class", className), at: 0) }
        element("line", attributes)
    }

    /// A rectangle; `style` nil inherits fill and stroke from the enclosing group, which keeps
    /// documents with thousands of cells small.
    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, style: String? = nil,
                       title: String? = nil) {
        var attributes = [("x", svgNumber(x)), ("y", svgNumber(y)),
                          ("width", svgNumber(Swift.max(0, width))),
                          ("height", svgNumber(Swift.max(0, height)))]
        if let style { attributes.append(("style", style)) }
        if let title {
            open("rect", attributes)
            element("title", [], text: LabelMarkup(title).plainText)
            close("rect")
        } else {
            element("rect", attributes)
        }
    }

    mutating func circle(_ cx: Double, _ cy: Double, _ r: Double, style: String? = nil) {
        var attributes = [("cx", svgNumber(cx)), ("cy", svgNumber(cy)), ("r", svgNumber(r))]
        if let style { attributes.append(("style", style)) }
        element("circle", attributes)
    }

    /// Text at (x, y) written in label markup (`LabelMarkup`): scripts become `<tspan>`s shifted
    /// off the baseline. `anchor` is start, middle or end; `rotate` turns it about (x, y) in degrees.
    mutating func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "start",
                       size: Double? = nil, weight: String? = nil, rotate: Double? = nil,
                       baseline: String? = nil, style: String? = nil) {
        var attributes = [("x", svgNumber(x)), ("y", svgNumber(y))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if let size { attributes.append(("font-size", svgNumber(size))) }
        if let weight { attributes.append(("font-weight", weight)) }
        if let baseline { attributes.append(("dominant-baseline", baseline)) }
        if let rotate {
            attributes.append(("transform", "rotate(\(svgNumber(rotate)) \(svgNumber(x)) \(svgNumber(y)))"))
        }
        attributes.append(("style", style ?? "fill:\(Palette.foreground)"))
        let base = size ?? SVGWriter.defaultFontSize
        let markup = LabelMarkup(content)
        guard markup.hasScripts else {
            let plain = markup.runs.map(\.text).joined()
            if plain.contains(where: { !$0.isWhitespace }) { smallestTextSize = Swift.min(smallestTextSize, base) }
            element("text", attributes, text: plain)
            return
        }
        open("text", attributes)
        body.removeLast()  // keep the runs on the text's line: whitespace inside <text> would render
        var offset = 0.0
        for run in markup.runs {
            // Size and baseline offset of this run: each script level shrinks (down to the
            // readable minimum) and shifts by a fraction of its parent's size.
            var runSize = base
            var runOffset = 0.0
            for script in run.scripts {
                runOffset += script == .sub ? 0.25 * runSize : -0.4 * runSize
                runSize = typography.scriptSize(runSize)
            }
            if run.text.contains(where: { !$0.isWhitespace }) {
                smallestTextSize = Swift.min(smallestTextSize, runSize)
            }
            if runOffset == offset && runSize == base {
                body += escapeMarkup(run.text)
                continue
            }
            body += "<tspan"
            if runOffset != offset { body += " dy=\"\(svgNumber(runOffset - offset))\"" }
            if runSize != base { body += " font-size=\"\(svgNumber(runSize))\"" }
            body += ">" + escapeMarkup(run.text) + "</tspan>"
            offset = runOffset
        }
        close("text")
    }

    /// Lines of text stacked downwards from (x, y), `lineHeight` apart; text rotated by -90° (a
    /// y-axis title) stacks its lines to the right, so they read in order.
    mutating func textLines(_ x: Double, _ y: Double, _ lines: [String], lineHeight: Double,
                            anchor: String = "start", size: Double, weight: String? = nil,
                            rotate: Double? = nil, style: String? = nil) {
        for (index, line) in lines.enumerated() {
            let step = Double(index) * lineHeight
            if rotate == -90 {
                text(x + step, y, line, anchor: anchor, size: size, weight: weight, rotate: rotate, style: style)
            } else {
                text(x, y + step, line, anchor: anchor, size: size, weight: weight, rotate: rotate, style: style)
            }
        }
    }

    /// A path through `points`; consecutive runs are separate subpaths (M ... L ...).
    mutating func polyline(_ runs: [[(Double, Double)]], style: String) {
        var d = ""
        for run in runs where !run.isEmpty {
            for (index, point) in run.enumerated() {
                d += (index == 0 ? (d.isEmpty ? "M" : " M") : " L") + svgNumber(point.0) + " " + svgNumber(point.1)
            }
        }
        guard !d.isEmpty else { return }
        element("path", [("d", d), ("style", style)])
    }

    /// A closed polygon through `points`.
    mutating func polygon(_ points: [(Double, Double)], style: String? = nil) {
        let list = points.map { svgNumber($0.0) + "," + svgNumber($0.1) }.joined(separator: " ")
        var attributes = [("points", list)]
        if let style { attributes.append(("style", style)) }
        element("polygon", attributes)
    }

    mutating func raw(_ text: String) { body += text }
}
