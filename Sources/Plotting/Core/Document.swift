/// Wraps chart content into a complete, accessible, scalable `<svg>` element.
///
/// The root carries `role="img"` and an `aria-label` with the text alternative; `<title>` and
/// `<desc>` repeat it for tools that read them. Backgrounds are transparent; text inherits the
/// page's colour through `currentColor` unless `--plot-fg` is set.
///
/// When the smallest text would render below 9 CSS px on a phone (the chart is shrunk to the
/// 322 px a figure gets there), the root gets `data-min-width="N"`: the CSS px width at which that
/// text is 9 px. A page should then show the chart at least N px wide, scrolling sideways inside
/// its figure (see `Chart`).
func svgDocument(width: Double, height: Double, kind: String, title: String, altText: String,
                 writer: SVGWriter) -> String {
    var header = "<svg xmlns=\"http://www.w3.org/2000/svg\""
    header += " viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\""
    header += " width=\"100%\" preserveAspectRatio=\"xMidYMid meet\""
    header += " role=\"img\" aria-label=\"\(escapeMarkup(altText))\""
    header += " class=\"nb-plot nb-\(kind)\""
    if let minimumWidth = minimumDisplayWidth(width: width, smallestTextSize: writer.smallestTextSize) {
        header += " data-min-width=\"\(svgNumber(minimumWidth))\""
    }
    header += " font-family=\"system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif\""
    header += " font-size=\"\(svgNumber(SVGWriter.defaultFontSize))\" style=\"max-width:\(svgNumber(width))px;height:auto\">\n"
    header += "<title>\(escapeMarkup(LabelMarkup(title).plainText))</title>\n"
    header += "<desc>\(escapeMarkup(altText))</desc>\n"
    return header + writer.body + "</svg>\n"
}

/// The `data-min-width` of a chart `width` units wide whose smallest text is `smallestTextSize`
/// units, or nil when that text is legible at the phone content width already.
func minimumDisplayWidth(width: Double, smallestTextSize: Double) -> Double? {
    guard smallestTextSize.isFinite, smallestTextSize > 0 else { return nil }
    let shown = Swift.min(width, Typography.phoneFigureWidth)
    guard smallestTextSize * shown / width < Typography.minimumReadableSize else { return nil }
    return Typography.minimumDisplayWidth(width: width, smallestText: smallestTextSize)
}

/// Describes a numeric interval for text alternatives: "from -1.2 to 3.4".
func describeRange(_ values: [Double]) -> String {
    let finite = values.filter { $0.isFinite }
    guard let low = finite.min(), let high = finite.max() else { return "no finite values" }
    return "from \(NumberFormat.automatic.format(low)) to \(NumberFormat.automatic.format(high))"
}

/// A label in plain text for text alternatives (scripts as Unicode characters where possible).
func plain(_ label: String) -> String { LabelMarkup(label).plainText }
