/// Wraps chart content into a complete, accessible, scalable `<svg>` element.
///
/// The root carries `role="img"` and an `aria-label` with the text alternative; `<title>` and
/// `<desc>` repeat it for tools that read them. Backgrounds are transparent; text inherits the
/// page's colour through `currentColor` unless `--plot-fg` is set.
func svgDocument(width: Double, height: Double, kind: String, title: String, altText: String,
                 body: String) -> String {
    var header = "<svg xmlns=\"http://www.w3.org/2000/svg\""
    header += " viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\""
    header += " width=\"100%\" preserveAspectRatio=\"xMidYMid meet\""
    header += " role=\"img\" aria-label=\"\(escapeMarkup(altText))\""
    header += " class=\"nb-plot nb-\(kind)\""
    header += " font-family=\"system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif\""
    header += " font-size=\"12\" style=\"max-width:\(svgNumber(width))px;height:auto\">\n"
    header += "<title>\(escapeMarkup(title))</title>\n"
    header += "<desc>\(escapeMarkup(altText))</desc>\n"
    return header + body + "</svg>\n"
}

/// Approximate rendered width of `text` in pixels at `fontSize` (average glyph ~0.6 em), used to
/// size margins and legends so labels do not collide; no font metrics are available offline.
func estimatedTextWidth(_ text: String, fontSize: Double = 12) -> Double {
    Double(text.count) * fontSize * 0.6
}

/// Describes a numeric interval for text alternatives: "from -1.2 to 3.4".
func describeRange(_ values: [Double]) -> String {
    let finite = values.filter { $0.isFinite }
    guard let low = finite.min(), let high = finite.max() else { return "no finite values" }
    return "from \(NumberFormat.automatic.format(low)) to \(NumberFormat.automatic.format(high))"
}
