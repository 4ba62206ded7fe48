/// A code block's HTML as one element per line, so long lines wrap with a hanging indent instead
/// of running past the column unseen: each line is a block whose continuation lines are indented
/// by the line's own indentation plus four columns (`content.css`, `.code .line`), and copying
/// the code gives back exactly its text.
enum CodeLines {
    /// Columns a wrapped line's continuation is indented beyond the line's own indentation.
    static let hangingIndent = 4
    /// Indentations deeper than this are treated as this deep, so a deeply nested line still
    /// leaves room to wrap on a phone.
    static let maximumIndent = 24

    /// `html` is escaped, highlighted code whose spans never cross a line break
    /// (`SwiftHighlighter.html`, or `HTMLEscaping.text` of plain code). Every line becomes
    /// `<span class="line" style="--indent:N">…\n</span>`, the last without its line break.
    static func html(_ html: String) -> String {
        let lines = html.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { offset, line in
            let indent = min(indentation(of: line), maximumIndent)
            let style = indent > 0 ? " style=\"--indent:\(indent)\"" : ""
            let end = offset == lines.count - 1 ? "" : "\n"
            return "<span class=\"line\"\(style)>\(line)\(end)</span>"
        }.joined()
    }

    /// Leading columns of the line's text (tags skipped, a tab counts 4).
    static func indentation(of line: Substring) -> Int {
        var columns = 0
        var inTag = false
        for character in line {
            if inTag { if character == ">" { inTag = false }; continue }
            switch character {
            case "<": inTag = true
            case " ": columns += 1
            case "\t": columns += 4
            default: return columns
            }
        }
        return columns
    }
}
