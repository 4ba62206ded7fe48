import Foundation

/// The text alternative of a chart: the Plotting module writes it as the root element's
/// `aria-label`, so reading it back works for every chart type without a protocol requirement.
/// Entities are decoded because the renderer escapes the alt attribute itself.
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
