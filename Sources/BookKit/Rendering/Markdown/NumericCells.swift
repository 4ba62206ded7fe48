/// Marks the table cells that hold a number (`6.4e-06`, `0.912 ± 0.010`, `−3`, `97.5%`) with
/// `class="num"`, which `content.css` keeps on one line: a narrow screen must scroll a wide table
/// rather than break "6.4e-⏎06". Works on the tables cmark writes from Markdown and on the
/// Plotting module's tables alike.
enum NumericCells {
    /// Characters a number may be written with, besides digits.
    private static let numberCharacters: Set<Character> = [
        ".", ",", "+", "-", "−", "–", "e", "E", "%", "±", "×", "·", "^", "(", ")", " ", "\u{00A0}", "\u{2009}",
        "x", "/", "≈", "<", ">", "≤", "≥", "⁻", "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "∞", "s", "m", "µ",
    ]
    /// Longer cell texts are prose, even when they are made of those characters.
    static let maximumLength = 40

    static func mark(_ html: String) -> String {
        guard html.contains("<td") else { return html }
        var out = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<td") {
            out += rest[..<open.lowerBound]
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">"),
                  let close = rest[tagEnd...].range(of: "</td>") else { break }
            var tag = String(rest[open.lowerBound...tagEnd])
            let content = String(rest[rest.index(after: tagEnd)..<close.lowerBound])
            if isNumber(HTMLEscaping.plainText(ofHTML: content)) {
                tag = withNumberClass(tag)
            }
            out += tag + content + "</td>"
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    static func isNumber(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty, trimmed.count <= maximumLength, trimmed.contains(where: { $0.isASCII && $0.isNumber }) else { return false }
        return trimmed.allSatisfy { ($0.isASCII && $0.isNumber) || numberCharacters.contains($0) }
    }

    /// `<td>` or `<td align="right">` gets `class="num"`; an existing class gets `num` added.
    private static func withNumberClass(_ tag: String) -> String {
        if let classStart = tag.range(of: " class=\"") {
            let classes = tag[classStart.upperBound...].prefix(while: { $0 != "\"" })
            if classes.split(separator: " ").contains("num") { return tag }
            return tag.replacingCharacters(in: classStart, with: " class=\"num ")
        }
        return String(tag.dropLast()) + " class=\"num\">"
    }
}
