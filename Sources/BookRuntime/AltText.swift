import Foundation

/// The text alternative of a figure: a Plotting `Chart`'s own `altText`; for any other SVG value,
/// the root element's `aria-label` read back from the markup (entities decoded, since the page
/// renderer escapes the alt attribute itself), else "figure".
func altText(of chart: some SVGRenderable, svg: String) -> String {
    if let chart = chart as? any Chart { return chart.altText }
    return altText(ofSVG: svg)
}

/// The root element's `aria-label`, decoded; "figure" when there is none.
func altText(ofSVG svg: String) -> String {
    guard let start = svg.range(of: "aria-label=\"") else { return "figure" }
    guard let end = svg[start.upperBound...].firstIndex(of: "\"") else { return "figure" }
    return decodeEntities(String(svg[start.upperBound..<end]))
}

/// Decodes the five entities `escapeMarkup` produces (`&amp;` last so `&amp;lt;` stays `&lt;`).
func decodeEntities(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<")
        .replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"")
        .replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&apos;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
}
