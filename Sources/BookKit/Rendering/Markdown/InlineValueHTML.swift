/// Swaps `InlineValue.token(id)` in rendered prose for the value the chapter program computed.
enum InlineValueHTML {
    /// `<span class="inline-value" title="expression">value</span>`, or a visible error marker
    /// when the value could not be computed. A token without a value is a pipeline bug reported
    /// as an error naming the chapter line.
    static func substitute(_ values: [InlineValue], in html: String, sourcePath: String, firstLine: Int) throws -> String {
        let byID = Dictionary(values.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try TokenReplacer.replace(in: html, prefix: "NBINLINEVALUE") { id in
            guard let value = byID[id] else {
                throw BookError(stage: .render, file: sourcePath, line: firstLine,
                                  message: "inline value token \(id) has no value (internal: weaving lost it)")
            }
            return span(for: value)
        }
    }

    /// A number gets the class `num` too, which keeps it on one line ("6.4e-⏎06" never); a
    /// value that is a phrase wraps like the sentence around it.
    static func span(for value: InlineValue) -> String {
        let title = HTMLEscaping.attribute(value.expression)
        if let text = value.text {
            let classes = NumericCells.isNumber(text) ? "inline-value num" : "inline-value"
            return "<span class=\"\(classes)\" title=\"\(title)\">\(HTMLEscaping.text(text))</span>"
        }
        let reason = value.error ?? "no value"
        return "<span class=\"inline-value error\" title=\"\(title): \(HTMLEscaping.attribute(reason))\">"
            + "⚠ \(HTMLEscaping.text(value.expression)): \(HTMLEscaping.text(reason))</span>"
    }
}
